"""The app's data folder (prefs, consent, the pseudonym key, rescued sessions): the folder
PRACTICE_BOT_DATA_DIR names, else the platform's. Standard library and platformdirs only, so the
start screen's first frame can read the prefs file without importing the settings."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "practice-bot"


def data_home() -> Path:
    named = os.environ.get("PRACTICE_BOT_DATA_DIR")
    if named:
        return Path(named).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)
