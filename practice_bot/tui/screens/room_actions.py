"""The discussion room's other actions: pause (practice), skip, the side panel and ending early. Each
engine call that writes to the journal is guarded for disk trouble (see room_rescue)."""

from __future__ import annotations

from practice_bot.errors import TranscriptError
from practice_bot.session.engine import END_EARLY_PROMPT
from practice_bot.tui.screens.dialogs import ConfirmScreen, PauseScreen
from practice_bot.tui.screens.room_ending import RoomEnding
from practice_bot.tui.widgets.conversation import Conversation
from practice_bot.tui.widgets.sidebar import SessionPanel

END_PRACTICE_PROMPT = (
    "End this session now? Everything you have answered is saved, and your report comes next."
)


class RoomActions(RoomEnding):
    """Base of the discussion screen, which provides the names declared here."""

    busy: bool
    mode: str

    @property
    def conversation(self) -> Conversation:
        raise NotImplementedError

    @property
    def panel(self) -> SessionPanel:
        raise NotImplementedError

    def _refresh_panels(self) -> None:
        raise NotImplementedError

    async def _advance(self) -> None:
        raise NotImplementedError

    def action_pause(self) -> None:
        if not self.practice or self._done:
            return
        try:
            self.engine.pause()
        except TranscriptError as exc:
            self._disk_trouble(exc, self._paused)
            return
        self._refresh_panels()

        async def carry_on(_: None) -> None:
            await self._saving(self._unpaused)

        self.app.push_screen(PauseScreen(), carry_on)

    async def _paused(self) -> None:
        self.action_pause()

    async def _unpaused(self) -> None:
        self.engine.unpause()
        self._refresh_panels()
        self.box.focus()

    async def action_skip(self) -> None:
        if self.busy or self._done or self.engine.current_question is None:
            return
        try:
            self.engine.skip()
        except TranscriptError as exc:
            self._disk_trouble(exc, self.action_skip)
            return
        await self.conversation.add_notice("Question skipped.")
        await self._advance()

    def action_toggle_panel(self) -> None:
        self.panel.display = not self.panel.display

    def action_end(self) -> None:
        if self._done or self.busy:
            return
        prompt = END_EARLY_PROMPT if self.mode == "mock" else END_PRACTICE_PROMPT
        note = (
            "The answer in the box has not been sent: send it first (F2) if it should count."
            if self.box.text.strip()
            else ""
        )

        async def decided(yes: bool | None) -> None:
            if yes:
                await self._end_now("ended_early")
            else:
                self.box.focus()

        self.app.push_screen(
            ConfirmScreen(
                "End the discussion early?", prompt, yes="End now", no="Carry on", note=note
            ),
            decided,
        )
