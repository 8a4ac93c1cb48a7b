"""Bank files for the question-bank tests: a valid baseline to mutate, full topic banks, a writer."""

from __future__ import annotations

from pathlib import Path

from practice_bot.rubric import Rubric

# A valid one-topic bank: one opening, three probes. Problem cases mutate it one thing at a time.
BASELINE = """\
topic = "sustainability"

[[opening]]
id = "opening-1"
text = "Tell me about the tutor's own opening question for this cohort."
targets = ["sustainability/pass-1"]

[[probe]]
id = "probe-1"
text = "How did the cohort's first follow-up play out in your workplace?"
targets = ["sustainability/pass-1"]

[[probe]]
id = "probe-2"
text = "What came of the cohort's second follow-up in your team?"
targets = ["sustainability/pass-1"]

[[probe]]
id = "probe-3"
text = "Walk me through the cohort's third follow-up as you experienced it."
targets = ["sustainability/pass-1"]
"""


def full_topic_bank(rubric: Rubric, topic: str, tag: str) -> str:
    """A valid bank for `topic` with one opening and one probe per criterion; `tag` makes texts unique."""
    lines = [f'topic = "{topic}"', "", "[[opening]]", f'id = "{tag}-opening"']
    lines += [f'text = "Tell me about the {tag} opening for this topic."']
    lines += [f'targets = ["{rubric.topic(topic).criteria[0].id}"]']
    for n, criterion in enumerate(rubric.topic(topic).criteria, 1):
        lines += ["", "[[probe]]", f'id = "{tag}-probe-{n}"']
        lines += [f'text = "Walk me through the {tag} follow-up number {n} from your work."']
        lines += [f'targets = ["{criterion.id}"]']
    return "\n".join(lines) + "\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
