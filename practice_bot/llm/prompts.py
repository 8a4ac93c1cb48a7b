"""Prompt templates from prompts/*.md: load with their sha256, render variables strictly into messages.

A template file is Markdown: a header that lists its variables as bullets ("- `name`: what it is"), then
a `## system` section and a `## user` section. Placeholders are `{{ name }}`. A placeholder the header does
not list, a listed variable the sections never use, and a missing or unknown value at render time are all
errors; values are inserted once and never re-read, so an answer containing `{{ x }}` stays literal.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
VARIABLE_LINE = re.compile(r"^\s*[-*]\s+`([A-Za-z_][A-Za-z0-9_]*)`")
SECTION = re.compile(r"^##\s+(system|user)\s*$", re.MULTILINE)

PROMPT_NAMES = ("question_writer", "scorer", "narrative")


class PromptError(Exception):
    """A prompt template that cannot be used, or a render with the wrong variables."""


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    text: str  # the whole file
    sha256: str
    variables: tuple[str, ...]  # as listed in the header
    system: str
    user: str

    def render(self, **values: str) -> list[dict[str, str]]:
        """[system message, user message] with every placeholder filled; wrong variables raise."""
        given, wanted = set(values), set(self.variables)
        if given != wanted:
            problems = []
            if wanted - given:
                problems.append(f"missing {', '.join(sorted(wanted - given))}")
            if given - wanted:
                problems.append(f"unknown {', '.join(sorted(given - wanted))}")
            raise PromptError(f"prompt {self.name}: {'; '.join(problems)}")

        def fill(section: str) -> str:
            return PLACEHOLDER.sub(lambda m: values[m.group(1)], section)

        return [
            {"role": "system", "content": fill(self.system)},
            {"role": "user", "content": fill(self.user)},
        ]


def new_nonce() -> str:
    """A fresh random tag for data delimiters, so text inside cannot forge the closing delimiter."""
    return secrets.token_hex(8)


def prompts_dir() -> Path:
    from practice_bot.resources import data_dir

    return data_dir("prompts")


def parse_prompt(name: str, text: str) -> PromptTemplate:
    """Check and split a template's text; errors name the prompt and what is wrong."""
    sections = SECTION.split(text)
    # ["header", "system", "...", "user", "..."]
    if len(sections) != 5 or sections[1] != "system" or sections[3] != "user":
        raise PromptError(
            f"prompt {name}: needs a '## system' section followed by a '## user' section"
        )
    header, system, user = sections[0], sections[2].strip(), sections[4].strip()
    variables = tuple(
        m.group(1) for line in header.splitlines() if (m := VARIABLE_LINE.match(line))
    )
    if len(set(variables)) != len(variables):
        raise PromptError(f"prompt {name}: a variable is listed twice in the header")
    used = {m.group(1) for m in PLACEHOLDER.finditer(system + "\n" + user)}
    if used - set(variables):
        raise PromptError(
            f"prompt {name}: uses {', '.join(sorted(used - set(variables)))} "
            "without listing it in the header"
        )
    if set(variables) - used:
        raise PromptError(
            f"prompt {name}: lists {', '.join(sorted(set(variables) - used))} but never uses it"
        )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return PromptTemplate(name, text, digest, variables, system, user)


def load_prompt(name: str, folder: Path | None = None) -> PromptTemplate:
    """The template prompts/<name>.md (or in `folder`), checked."""
    path = (folder or prompts_dir()) / f"{name}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PromptError(f"prompt {name}: cannot read {path}: {exc.strerror or exc}") from None
    return parse_prompt(name, text)


def load_prompt_text(name: str, folder: Path | None = None) -> tuple[str, str]:
    """(text, sha256 hex digest) of a prompt file."""
    template = load_prompt(name, folder)
    return template.text, template.sha256


def prompt_hashes(folder: Path | None = None) -> dict[str, str]:
    """name -> sha256 for every shipped prompt, for the transcript's `prompts` record."""
    return {name: load_prompt(name, folder).sha256 for name in PROMPT_NAMES}
