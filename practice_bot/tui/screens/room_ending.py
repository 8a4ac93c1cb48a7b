"""Ending a session from the discussion room: finishing the engine (on a worker when an LLM writes the
narrative or answers are still being scored), saving the final transcript, and showing the report."""

from __future__ import annotations

from textual import work

from practice_bot.errors import TranscriptError
from practice_bot.session.factory import Session
from practice_bot.textsafe import printable
from practice_bot.tui.messages import DiskTrouble, SessionEnded
from practice_bot.tui.screens.room_rescue import RoomRescue


class RoomEnding(RoomRescue):
    """Base of the discussion screen, which provides `session`, `_done` and `_set_busy`."""

    session: Session
    _done: bool

    def _set_busy(self, busy: bool, label: str = "") -> None:
        raise NotImplementedError

    async def _end_now(self, ending: str) -> None:
        """Finish the session; with an LLM (or answers still being scored) off the app's thread."""
        if self.engine.finished:
            await self._finish()
        elif self.engine.llm is not None or self.engine.background:
            self._set_busy(True, "finishing")
            self._finish_in_thread(ending)
        else:
            try:
                self._finish_engine(ending)
            except TranscriptError as exc:  # the final status record: save elsewhere, then end
                self._disk_trouble(exc, lambda: self._end_now(ending))
                return
            await self._finish()

    def _finish_engine(self, ending: str) -> None:
        if ending == "ended_early":
            self.engine.end_early(True)
        else:
            self.engine.finish(ending)

    @work(thread=True, exclusive=True, group="ask", exit_on_error=False)
    def _finish_in_thread(self, ending: str) -> None:
        try:
            self._finish_engine(ending)
        except TranscriptError as exc:
            self.post_message(DiskTrouble(exc, lambda: self._end_now(ending)))
            return
        self.post_message(SessionEnded())

    async def on_session_ended(self, message: SessionEnded) -> None:
        await self._finish()

    async def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        self._set_busy(False)
        from practice_bot.records.report import build_report
        from practice_bot.records.store import save_final
        from practice_bot.tui.screens.report import ReportScreen

        t = self.engine.transcript
        path = self.session.journal_path
        try:
            path = save_final(self.session.journal_path, t)
        except Exception as exc:  # the journal still holds every answer: say so, show the report
            self.notify(
                printable(
                    f"{exc}. Every answer is safe in {path}; once there is room, "
                    f"`practice-bot resume {path}` saves the finished transcript."
                ),
                title="Transcript not saved",
                severity="error",
                markup=False,
                timeout=30,
            )
        report = build_report(t, self.engine.rubric)
        self.app.switch_screen(ReportScreen(t, report, path))
