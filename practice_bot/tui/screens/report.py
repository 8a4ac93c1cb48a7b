"""The end-of-session report: predicted grades (formative), a chart of topics, each criterion with its
evidence, strengths, what to develop, KSBs covered, time per topic; exports to Markdown, HTML and JSON."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from practice_bot.formatting import clock_text
from practice_bot.records.report import Report
from practice_bot.records.schema import Transcript
from practice_bot.textsafe import printable
from practice_bot.tui.display import (
    GRADE_WORDS,
    STATUS_MARK,
    STATUS_STYLE,
    STATUS_WORD,
    bar,
    literal,
)
from practice_bot.tui.screens.base import AppScreen
from practice_bot.tui.widgets.header import Header
from practice_bot.wording import criterion_label, flag_names, plural, topic_names

EXPORTS = {"md": "Markdown", "html": "HTML", "json": "JSON"}
REPORTS_FOLDER = (
    "reports"  # inside the transcripts folder, so exports are never read as transcripts
)


def grades_content(report: Report) -> Content:
    from practice_bot.records.render import override_lines

    g = report.grades
    if report.prediction_note:
        notes = [report.prediction_note, *override_lines(report)[:1]]
        return Content.assemble(literal("\n".join(notes)), "\n", (g.label, "italic"))
    lines: list[str | tuple[str, str] | Content] = [
        ("AM2 themes (professional discussion)   ", "bold"),
        GRADE_WORDS[g.am2],
        "\n",
        ("AM1 themes (project topics rehearsed)  ", "bold"),
        GRADE_WORDS[g.am1],
        "\n",
        ("Overall, by the specification's table  ", "bold"),
        GRADE_WORDS[g.overall],
    ]
    for line in override_lines(report):
        lines += ["\n", literal(line)]
    if g.topics_not_covered:
        lines += [
            "\n",
            (
                f"Not covered (counted as not yet): {plural(len(g.topics_not_covered), 'topic')}",
                "$text-muted",
            ),
        ]
    lines += ["\n", (g.label, "italic")]
    return Content.assemble(*lines)


def chart_content(report: Report, name_width: int = 35) -> Content:
    parts: list[str | tuple[str, str]] = []
    for t in report.practised if report.prediction_note else report.topics:
        total = len(t.criteria)
        share = t.evidenced / total if total else 0.0
        if parts:
            parts.append("\n")
        parts += [
            t.name[:name_width].ljust(name_width),
            " ",
            (bar(share, 10), "$success"),
            f" {t.evidenced}/{total} evidenced  {clock_text(t.seconds)}  {t.questions} q",
        ]
    if report.prediction_note and report.not_reached:
        parts += [
            "\n",
            (f"Not reached: {topic_names(t.id for t in report.not_reached)}", "$text-muted"),
        ]
    return Content.assemble(*parts)


def topic_content(report: Report) -> Iterator[tuple[str, Content]]:
    for t in report.practised if report.prediction_note else report.topics:
        parts: list[Content | str | tuple[str, str]] = []
        for c in t.criteria:
            if parts:
                parts.append("\n")
            parts += [
                (
                    f"{STATUS_MARK[c.status]} {STATUS_WORD[c.status]:<9}",
                    f"bold {STATUS_STYLE[c.status]}",
                ),
                f" {criterion_label(c.id)} ({c.level}; {', '.join(c.ksbs)}): {c.text}",
            ]
            for e in c.evidence[:2]:
                parts += ["\n    ", ("“" + printable(e.quote) + "”", "underline")]
            if c.reason:
                parts += ["\n    Why: ", literal(c.reason)]
            if c.override:
                parts += ["\n    Tutor: ", literal(c.override)]
        heading = (
            f"{t.name} - {t.evidenced}/{len(t.criteria)} evidenced, "
            f"{plural(t.questions, 'question')}, "
            f"{clock_text(t.seconds)}"
        )
        yield heading, Content.assemble(*parts)


def bullet_list(items: list[str], empty: str) -> Content:
    return literal("\n".join(f"- {i}" for i in items) if items else empty)


class ReportScreen(AppScreen[None]):
    BINDINGS = [
        Binding("m", "export('md')", "Markdown"),
        Binding("h", "export('html')", "HTML"),
        Binding("j", "export('json')", "JSON"),
        Binding("f4", "history", "History", key_display="F4"),
        Binding("f2,escape", "done", "New session", key_display="F2/Esc"),
    ]
    DEFAULT_CSS = """
    ReportScreen VerticalScroll { padding: 0 1; }
    ReportScreen .heading { text-style: bold; color: $primary; margin-top: 1; }
    ReportScreen .body { padding-left: 2; }
    """

    def __init__(self, transcript: Transcript, report: Report, path: Path | None) -> None:
        super().__init__()
        self.transcript = transcript
        self.report = report
        self.path = path

    def compose(self) -> ComposeResult:
        r = self.report
        yield Header()
        with VerticalScroll(id="report"):
            saved = f"Saved as {self.path.name}." if self.path else ""
            if r.pack:
                saved = f"Class pack: {r.pack}. {saved}"
            yield Static(
                literal(
                    f"{r.mode.capitalize()} session for {r.apprentice}: "
                    f"{r.status.replace('_', ' ')}, {clock_text(r.seconds)}. {saved}"
                ),
                id="summary",
            )
            grades = [
                Static(
                    Content(
                        "Exam-level prediction (formative)"
                        if r.prediction_note
                        else "Predicted grades (formative)"
                    ),
                    classes="heading",
                ),
                Static(grades_content(r), classes="body", id="grades"),
            ]
            chart = [
                Static(
                    Content(
                        "What you practised: criteria evidenced, time, questions"
                        if r.prediction_note
                        else "Topics: criteria evidenced, time, questions"
                    ),
                    classes="heading",
                ),
                Static(chart_content(r), classes="body", id="chart"),
            ]
            yield from chart + grades if r.prediction_note else grades + chart
            yield Static(Content(f"Feedback (written by: {r.narrative_source})"), classes="heading")
            yield Static(literal(r.narrative), classes="body", id="narrative")
            yield Static(Content("Strengths"), classes="heading")
            yield Static(bullet_list(r.strengths, "None evidenced yet."), classes="body")
            yield Static(Content("What to develop"), classes="heading")
            yield Static(bullet_list(r.develop, "Nothing outstanding."), classes="body")
            yield Static(Content("KSBs evidenced"), classes="heading")
            yield Static(Content(", ".join(r.ksbs_covered) or "None yet."), classes="body")
            if r.delivery is not None:  # spoken answers: practice_bot/records/delivery.py
                from practice_bot.records.delivery import chart_lines, summary_line

                yield Static(Content("Delivery (spoken answers)"), classes="heading")
                lines = [summary_line(r.delivery), *chart_lines(r.delivery)]
                yield Static(Content("\n".join(lines)), classes="body", id="delivery")
            for heading, body in topic_content(r):
                yield Static(Content(heading), classes="heading")
                yield Static(body, classes="body")
            if r.flags:
                yield Static(Content("Flags for tutor review"), classes="heading")
                yield Static(Content(flag_names(r.flags)), classes="body")
            if r.notices:
                yield Static(Content("Notices"), classes="heading")
                yield Static(bullet_list(r.notices, ""), classes="body")
            yield Static(
                Content(
                    "Export: m Markdown, h HTML, j JSON (into the transcripts folder's reports/)."
                ),
                classes="heading",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Report - {printable(self.report.apprentice)}"
        self.sub_title = "formative, not an official result"
        self.query_one("#report").focus()

    def render_export(self, fmt: str) -> str:
        if fmt == "md":
            from practice_bot.records.render import render_markdown

            return render_markdown(self.report)
        if fmt == "json":
            from practice_bot.records.render import render_json

            return render_json(self.transcript, self.report)
        from practice_bot.records.html import render_html

        return render_html(self.transcript, self.report)

    def export_path(self, fmt: str) -> Path:
        folder = self.path.parent if self.path else Path(self.practice_app.settings.transcripts)
        stem = self.path.name.split(".", 1)[0] if self.path else f"report-{self.transcript.id}"
        return folder / REPORTS_FOLDER / f"{stem}.{fmt}"

    def action_export(self, fmt: str) -> Path | None:
        from practice_bot.records.store import ensure_folder, write_atomic

        path = self.export_path(fmt)
        try:
            ensure_folder(path.parent)
            write_atomic(path, self.render_export(fmt))
        except Exception as exc:  # a user-fixable problem (disk, permissions): say so plainly
            reason = getattr(exc, "strerror", None) or exc
            self.notify(
                f"Export failed: {printable(f'{path}: {reason}')}",
                severity="error",
                markup=False,
                timeout=15,
            )
            return None
        self.notify(
            f"{EXPORTS[fmt]} report written: {printable(str(path))}", markup=False, timeout=8
        )
        return path

    def action_history(self) -> None:
        from practice_bot.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.transcript.apprentice))

    def action_done(self) -> None:
        self.app.pop_screen() if len(self.app.screen_stack) > 1 else self.app.exit(0)

    def palette_commands(self) -> Iterator[SystemCommand]:
        for fmt, name in EXPORTS.items():
            yield SystemCommand(
                f"Export report as {name}",
                f"Write the report to the transcripts folder ({fmt[0]})",
                lambda fmt=fmt: self.action_export(fmt),
            )
        yield SystemCommand(
            "History", "Your past sessions and weakest criteria (F4)", self.action_history
        )
        yield SystemCommand(
            "Copy report",
            "Copy the report as Markdown to the clipboard",
            lambda: self.app.copy_to_clipboard(self.render_export("md")),
        )
