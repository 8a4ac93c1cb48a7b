"""Settings the app can start without: given as a loader, they are read once, after the first frame.

`practice-bot review` starts the app before `practice_bot.config` (pydantic, pydantic-settings) is
imported: its first frame needs only the prefs file. (Bare `practice-bot` loads them first: its start
screen completes sooner so; docs/app.md, "Speed and memory".) Standard library only, so importing it
costs nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Union

from practice_bot.errors import UserError

if TYPE_CHECKING:
    from practice_bot.config import Settings

SettingsSource = Union["Settings", Callable[[], "Settings"]]


def load_default_settings() -> Settings:
    """What bare `practice-bot` uses: defaults < config file < environment (no flags to add)."""
    from practice_bot.config import load_settings

    return load_settings()


class LazySettings:
    """Settings given directly, or loaded once by a loader on whichever thread asks first (the other
    waits for the same result). A UserError (a broken config file) is kept and raised to every caller."""

    def __init__(self, source: SettingsSource) -> None:
        self._lock = threading.Lock()
        self._loader: Callable[[], Settings] | None = None
        self._value: Settings | None = None
        self.error: UserError | None = None
        if callable(source):
            self._loader = source
        else:
            self._value = source

    @property
    def value(self) -> Settings | None:
        """The settings if loaded, else None (never loads)."""
        return self._value

    @property
    def ready(self) -> bool:
        return self._value is not None

    def get(self) -> Settings:
        """The settings, loading them now if nobody has yet; raises the loader's UserError."""
        if self._value is not None:
            return self._value
        with self._lock:
            if self._value is None:
                if self.error is not None:
                    raise self.error
                assert self._loader is not None
                try:
                    self._value = self._loader()
                except UserError as exc:
                    self.error = exc
                    raise
            return self._value
