"""Delivery in reports and history: per spoken answer the figures, per session their totals, and a
small chart of each answer (speech and pauses along its timeline) for the HTML export."""

from __future__ import annotations

from html import escape

from pydantic import BaseModel

from practice_bot.records.schema import Transcript
from practice_bot.records.spoken import LONG_PAUSE, PAUSE, Delivery

ASSESSOR_WPM = 150.0  # words per minute an assessor's question is taken to last when not read aloud


class SpokenAnswer(BaseModel):
    turn: int
    topic: str
    model: str | None = None
    delivery: Delivery


class DeliverySummary(BaseModel):
    answers: list[SpokenAnswer]
    spoken: int  # answers given by voice
    typed: int
    talk_seconds: float
    speaking_seconds: float
    words: int
    words_per_minute: float | None
    words_per_minute_speaking: float | None
    pauses: int
    long_pauses: int
    fillers: int
    fillers_per_minute: float | None
    thinking_seconds_mean: float
    assessor_seconds: float  # questions answered aloud: read (measured), else at ASSESSOR_WPM
    share_of_talk: float | None  # the learner's speaking time / (that + the assessor's)


def _assessor_seconds(transcript: Transcript) -> float:
    read: dict[int, float] = {}
    for e in transcript.events:
        if e.kind == "read_aloud" and ":" in e.detail:
            index, _, seconds = e.detail.partition(":")
            try:
                read[int(index)] = float(seconds)
            except ValueError:
                continue
    # Only the questions a spoken answer replied to: a typed answer's question is no part of a
    # spoken conversation, so counting it would shrink the learner's share of talk.
    total = pending = 0.0
    for t in transcript.turns:
        if t.role == "assessor" and t.kind in ("question", "retry"):
            pending += read.get(t.index, len(t.text.split()) / ASSESSOR_WPM * 60)
        elif t.role == "apprentice":
            total += pending if t.spoken is not None else 0.0
            pending = 0.0
    return total


def summarise(transcript: Transcript) -> DeliverySummary | None:
    """The session's delivery, or None when no answer was spoken."""
    answers = [
        SpokenAnswer(
            turn=t.index,
            topic=t.topic,
            model=t.spoken.model,
            delivery=t.spoken.delivery,
        )
        for t in transcript.answers()
        if t.spoken is not None and t.spoken.delivery is not None
    ]
    if not answers:
        return None
    ds = [a.delivery for a in answers]
    talk = sum(d.seconds for d in ds)
    speaking = sum(d.speaking_seconds for d in ds)
    words = sum(d.words for d in ds)
    fillers = sum(d.fillers for d in ds)
    assessor = _assessor_seconds(transcript)
    share = speaking / (speaking + assessor) if speaking + assessor > 0 else None
    return DeliverySummary(
        answers=answers,
        spoken=len(answers),
        typed=len(transcript.answers()) - len(answers),
        talk_seconds=round(talk, 1),
        speaking_seconds=round(speaking, 1),
        words=words,
        words_per_minute=round(words / talk * 60, 1) if talk and words else None,
        words_per_minute_speaking=round(words / speaking * 60, 1) if speaking and words else None,
        pauses=sum(d.pauses for d in ds),
        long_pauses=sum(d.long_pauses for d in ds),
        fillers=fillers,
        fillers_per_minute=round(fillers / talk * 60, 1) if talk else None,
        thinking_seconds_mean=round(sum(d.thinking_seconds for d in ds) / len(ds), 1),
        assessor_seconds=round(assessor, 1),
        share_of_talk=round(share, 3) if share is not None else None,
    )


def _rate(value: float | None) -> str:
    return f"{value:.0f}" if value is not None else "-"


def summary_line(s: DeliverySummary) -> str:
    share = f"{s.share_of_talk:.0%}" if s.share_of_talk is not None else "-"
    return (
        f"{s.spoken} spoken answer{'s' if s.spoken != 1 else ''}: {s.talk_seconds:.0f} s talk, "
        f"{_rate(s.words_per_minute)} words/min ({_rate(s.words_per_minute_speaking)} while "
        f"speaking), {s.pauses} pauses over {PAUSE * 1000:.0f} ms ({s.long_pauses} over "
        f"{LONG_PAUSE:.0f} s), {s.fillers} fillers, thinking {s.thinking_seconds_mean:.1f} s "
        f"on average, your share of talk {share}"
    )


def answer_line(a: SpokenAnswer) -> str:
    d = a.delivery
    return (
        f"answer {a.turn}: {d.seconds:.0f} s, thinking {d.thinking_seconds:.1f} s, "
        f"{_rate(d.words_per_minute)} wpm ({_rate(d.words_per_minute_speaking)} speaking), "
        f"{d.pauses} pauses ({d.long_pauses} long), {d.fillers} fillers"
    )


NOTE = (
    "Fillers are counted from the transcript, and speech-to-text leaves many out. Norms and "
    "sources: docs/voice.md."
)


TIMELINE_CELLS = 30


def timeline_text(d: Delivery, cells: int = TIMELINE_CELLS) -> str:
    """The answer's timeline in characters: █ speech, ─ a pause of 2 s or more, · other silence."""
    if d.seconds <= 0:
        return ""
    step = d.seconds / cells
    out = []
    long_gaps = [
        (a[1], b[0])
        for a, b in zip(d.speech, d.speech[1:], strict=False)
        if b[0] - a[1] >= LONG_PAUSE
    ]
    for i in range(cells):
        start, end = i * step, (i + 1) * step
        voiced = sum(max(0.0, min(end, b) - max(start, a)) for a, b in d.speech)
        mid = (start + end) / 2
        if voiced >= step / 2:
            out.append("█")
        elif any(a <= mid < b for a, b in long_gaps):
            out.append("─")
        else:
            out.append("·")
    return "".join(out)


def chart_lines(s: DeliverySummary) -> list[str]:
    """One line per spoken answer: its timeline, then its figures (for the app's report)."""
    return [f"{timeline_text(a.delivery)}  {answer_line(a)}" for a in s.answers]


def text_lines(s: DeliverySummary | None) -> list[str]:
    if s is None:
        return []
    return [
        "",
        "Delivery (spoken answers):",
        f"  {summary_line(s)}",
        *(f"  - {answer_line(a)}" for a in s.answers),
        f"  {NOTE}",
    ]


def markdown_lines(s: DeliverySummary | None) -> list[str]:
    if s is None:
        return []
    return [
        "",
        "## Delivery",
        "",
        summary_line(s) + ".",
        "",
        "| Answer | Timeline | Talk | Thinking | Words/min | While speaking | Pauses (long) | Fillers |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *(
            f"| {a.turn} | `{timeline_text(a.delivery)}` | {a.delivery.seconds:.0f} s | "
            f"{a.delivery.thinking_seconds:.1f} s | "
            f"{_rate(a.delivery.words_per_minute)} | {_rate(a.delivery.words_per_minute_speaking)} | "
            f"{a.delivery.pauses} ({a.delivery.long_pauses}) | {a.delivery.fillers} |"
            for a in s.answers
        ),
        "",
        f"_Timeline: █ speech, ─ a pause of {LONG_PAUSE:.0f} s or more, · other silence. {NOTE}_",
    ]


CHART_WIDTH = 320
CHART_HEIGHT = 14


def chart_svg(d: Delivery) -> str:
    """The answer's timeline: speech as dark bars, long pauses marked; no scripts, no URLs."""
    scale = CHART_WIDTH / d.seconds if d.seconds > 0 else 0.0
    bars = []
    for start, end in d.speech:
        x, w = start * scale, max((end - start) * scale, 1.0)
        bars.append(f'<rect x="{x:.1f}" y="2" width="{w:.1f}" height="10" fill="#111"/>')
    for a, b in zip(d.speech, d.speech[1:], strict=False):
        if b[0] - a[1] >= LONG_PAUSE:
            x = a[1] * scale
            w = (b[0] - a[1]) * scale
            bars.append(f'<rect x="{x:.1f}" y="6" width="{w:.1f}" height="2" fill="#b00"/>')
    label = escape(
        f"{d.seconds:.0f} s: speech in black, long pauses in red, "
        f"{d.thinking_seconds:.1f} s before the first word",
        quote=True,
    )
    return (
        f'<svg class="delivery" width="{CHART_WIDTH}" height="{CHART_HEIGHT}" role="img" '
        f'aria-label="{label}"><rect x="0" y="0" width="{CHART_WIDTH}" height="{CHART_HEIGHT}" '
        f'fill="#fff" stroke="#bbb"/>{"".join(bars)}</svg>'
    )


def html_section(s: DeliverySummary | None) -> str:
    if s is None:
        return ""
    rows = "\n".join(
        f"<tr><td>{a.turn}</td><td>{chart_svg(a.delivery)}</td>"
        f"<td>{a.delivery.seconds:.0f} s</td><td>{a.delivery.thinking_seconds:.1f} s</td>"
        f"<td>{_rate(a.delivery.words_per_minute)} ({_rate(a.delivery.words_per_minute_speaking)})</td>"
        f"<td>{a.delivery.pauses} ({a.delivery.long_pauses})</td><td>{a.delivery.fillers}</td></tr>"
        for a in s.answers
    )
    return f"""<h2>Delivery</h2>
<p>{escape(summary_line(s))}.</p>
<table>
<tr><th>Answer</th><th>Timeline</th><th>Talk</th><th>Thinking</th><th>Words/min (speaking)</th>
<th>Pauses (long)</th><th>Fillers</th></tr>
{rows}
</table>
<p class="meta">{escape(NOTE)}</p>
"""
