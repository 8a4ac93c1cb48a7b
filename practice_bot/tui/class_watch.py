"""The tutor's live cohort screen: who is connected, answers per topic, time used, idle, finished.

`practice-bot serve` shows it in the tutor's terminal with the class's server running in the same event
loop (so it also knows who is connected right now); `practice-bot class watch --pack P` shows it for a
class served elsewhere, from the transcripts folder alone. Rows are re-read every two seconds in a
thread. Names are learners' own text: shown as text, never markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import DataTable, Footer, Static

from practice_bot.serve.cohort import LearnerRow, class_rows, clock
from practice_bot.tui.widgets.header import Header

if TYPE_CHECKING:
    from aiohttp import web

    from practice_bot.serve.server import ClassServer

REFRESH_SECONDS = 2.0
IDLE_WARNING = 120.0


class ClassWatchApp(App[int]):
    TITLE = "practice-bot: class"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit (serving: ends the class)", priority=True)]
    CSS = """
    #class { padding: 0 1; height: auto; }
    #rows { height: 1fr; }
    """

    def __init__(
        self, pack_path: Path, server: ClassServer | None = None, host: str = "", port: int = 0
    ) -> None:
        super().__init__()
        from practice_bot.rubric import load_rubric
        from practice_bot.tutor.packs import load_pack, pack_folder

        self.pack = load_pack(pack_path)
        self.folder = pack_folder(self.pack, pack_path)
        rubric = load_rubric()
        self.topics = list(self.pack.topics or rubric.topic_ids)
        self.topic_names = {t: rubric.topic(t).name for t in self.topics}
        self.server = server
        self.host, self.port = host, port
        self.runner: web.AppRunner | None = None
        self.rows: list[LearnerRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(f"{self.pack.name}: reading {self.folder}"), id="class")
        yield DataTable(id="rows", cursor_type="row", zebra_stripes=True)
        yield Footer()

    async def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#rows", DataTable)
        table.add_column("Learner", key="name")
        table.add_column("Browser", key="connection")
        for i, topic in enumerate(self.topics, 1):
            table.add_column(f"T{i}", key=topic)
        for key in ("now", "used", "idle", "status"):
            table.add_column(key.capitalize(), key=key)
        if self.server is not None:
            await self._start_server(self.server)
        self.refresh_rows()
        self.set_interval(REFRESH_SECONDS, self.refresh_rows)

    async def _start_server(self, server: ClassServer) -> None:
        from practice_bot.serve.addresses import announce
        from practice_bot.serve.server import start_server

        try:
            self.runner, bound = await start_server(server, self.host, self.port)
        except OSError as exc:
            self.exit(2, message=f"practice-bot: cannot listen on {self.host}:{self.port}: {exc}")
            return
        lines = [self.pack.name, *announce(server, self.host, bound)]
        lines.append("Ctrl+Q ends the class (answers are saved).")
        self.query_one("#class", Static).update(Content("\n".join(lines)))

        def changed(name: str, what: str) -> None:
            self.refresh_rows()

        server.classroom.on_change = changed

    async def action_quit(self) -> None:
        """Quit; when serving, that ends the class, so ask first."""
        if self.server is None:
            self.exit(0)
            return
        from practice_bot.tui.screens.dialogs import ConfirmScreen

        def decided(yes: bool | None) -> None:
            if yes:
                self.exit(0)

        seated = len(self.server.classroom.seats)
        self.push_screen(
            ConfirmScreen(
                "End the class?",
                f"{seated} learner apps are running; they will be closed. Everything answered is "
                "saved, and signing in again to a new `practice-bot serve` resumes each session.",
                yes="End the class",
                no="Keep serving",
            ),
            decided,
        )

    async def on_unmount(self) -> None:
        if self.server is not None:
            self.server.classroom.on_change = None
        if self.runner is not None:
            await self.runner.cleanup()  # stops every learner's app; their journals stay

    @work(thread=True, exclusive=True, group="rows")
    def refresh_rows(self) -> None:
        connections = self.server.classroom.status() if self.server is not None else None
        rows, _problems = class_rows(self.folder, self.pack.id, self.topics, connections)
        self.call_from_thread(self._show, rows)

    def _show(self, rows: list[LearnerRow]) -> None:
        self.rows = rows
        try:
            table: DataTable[Text] = self.query_one("#rows", DataTable)
        except NoMatches:  # the class is ending: the screen has gone
            return
        table.clear()
        for i, row in enumerate(rows):
            table.add_row(*cells(row, self.topic_names), key=f"{i}:{row.name}")
        done = sum(r.finished for r in rows)
        self.sub_title = f"{len(rows)} learners, {done} finished"


def cells(row: LearnerRow, topic_names: dict[str, str]) -> list[Text]:
    idle_style = "bold red" if row.idle >= IDLE_WARNING and not row.finished else ""
    now = topic_names.get(row.topic_now or "", "")
    return [
        Text(row.name),  # literal: a learner's name is never markup
        Text(row.connection or "-", style="green" if row.connection == "connected" else ""),
        *(Text(str(n) if n else ".", justify="right") for n in row.answers),
        Text(now[:24]),
        Text(clock(row.used), justify="right"),
        Text("" if row.finished else clock(row.idle), justify="right", style=idle_style),
        Text(row.status, style="bold" if row.finished else ""),
    ]


def run_watch_app(pack_path: Path, server: Any, host: str, port: int) -> int:
    app = ClassWatchApp(pack_path, server, host, port)
    code = app.run()
    return code or 0
