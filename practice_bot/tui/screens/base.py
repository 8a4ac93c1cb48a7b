"""The base of the app's full screens: the app, typed, and the hooks the app calls on whichever screen
is showing. Each hook does nothing unless a screen has something to do."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeVar, cast

from textual.app import SystemCommand
from textual.screen import Screen

if TYPE_CHECKING:
    from practice_bot.tui.app import PracticeApp

ResultType = TypeVar("ResultType")


class AppScreen(Screen[ResultType]):
    @property
    def practice_app(self) -> PracticeApp:
        return cast("PracticeApp", self.app)

    @property
    def has_unsent_answer(self) -> bool:
        """Whether quitting now would lose typed words (the app asks first)."""
        return False

    def palette_commands(self) -> Iterator[SystemCommand]:
        """This screen's entries in the command palette."""
        return iter(())

    def shown_again(self) -> None:
        """Called when the app comes back to this screen from a session or a report."""
