"""The start screen's parts: the session choice, the topic column, the buttons and the table of recent
sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, DataTable, Label, RadioSet, Static

from practice_bot.textsafe import printable
from practice_bot.tui.widgets.toggles import MarkedRadioButton, TopicPicker

if TYPE_CHECKING:
    from practice_bot.records.listing import SessionRow

MODES = (
    ("mock", "Mock exam (90 min)"),
    ("practice", "Practice with feedback"),
    ("drill", "Drill on weakest (15 min)"),
)
MODE_HELP = {
    "mock": "All 11 topics, timed, no feedback until the report at the end.",
    "practice": "Topics you tick, feedback after each answer, pause allowed.",
    "drill": "About 15 minutes on the criteria you have evidenced least.",
}


def session_choice(mode: str, scoring: Content) -> list[Widget]:
    return [
        Label("Session"),
        RadioSet(
            *(MarkedRadioButton(label, value=key == mode, name=key) for key, label in MODES),
            id="mode",
        ),
        Static(Content(MODE_HELP.get(mode, "")), id="mode-help"),
        Static(scoring, id="scoring"),
    ]


def topic_column(ticked: list[str], mode: str) -> list[Widget]:
    return [
        Label("Topics (for practice)"),
        TopicPicker(ticked, disabled=mode != "practice", id="topics"),
    ]


def recent_part() -> list[Widget]:
    table: DataTable[Text] = DataTable(id="recent", cursor_type="row", zebra_stripes=True)
    table.add_columns("Started", "Name", "Mode", "Status", "Progress")
    return [Label("Recent sessions (Enter: resume or open the report)", id="recent-label"), table]


def buttons() -> list[Widget]:
    return [
        Button("Start (F2)", id="start-button", variant="primary", compact=True),
        Button("Resume (F3)", id="resume-button", compact=True),
        Button("History (F4)", id="history-button", compact=True),
    ]


def fill_table(table: DataTable[Text], shown: list[SessionRow]) -> None:
    from practice_bot.formatting import started_stamp

    table.clear()
    for i, row in enumerate(shown):
        status = "UNFINISHED (F3)" if row.in_progress else row.status.replace("_", " ")
        name = printable(row.apprentice)
        answers = f"{row.answers} answer{'s' if row.answers != 1 else ''}"
        progress = f"{answers}, {row.discussed}/{row.topics} topics"
        table.add_row(
            Text(started_stamp(row.started_at)),
            Text(name if len(name) <= 12 else name[:11] + "…"),
            Text(row.mode),
            Text(status),
            Text(progress),
            key=str(i),
        )
