"""The app can start before its settings are loaded (given a loader, as `practice-bot review` does): the
first frame needs only the prefs file, and the settings (defaults < TOML < environment) arrive in a
thread to fill in the scoring line, theme, name and recent sessions. Bare `practice-bot` loads them
first instead, so its start screen's first frame is complete (issue #14: it completes sooner so). A
broken config file is reported on one line with exit code 2 either way."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from practice_bot.config import Settings
from practice_bot.errors import UserError
from practice_bot.prefs import Prefs, load_prefs, save_prefs
from practice_bot.session.clock import FakeClock
from tests.tui.test_snapshots import past_sessions
from tests.tui.tui_testkit import screen_name, screen_text, wait_until

FAST_PATH_IMPORTS = """
import os, sys
os.environ.pop("PRACTICE_BOT_DATA_DIR", None)  # the platform folder: prefs must not ask config.py
import practice_bot.cli
import practice_bot.tui.app as app_module
import practice_bot.tui.screens.start
from practice_bot.prefs import load_prefs
load_prefs()
seen = {}

def fake_run(settings, **kwargs):
    seen["callable"] = callable(settings)
    return 0

app_module.run = fake_run
code = practice_bot.cli.main([])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "pydantic_settings"))
loaded = [m for m in ("practice_bot.config", "practice_bot.records.schema") if m in sys.modules]
print(code, seen.get("callable"), ",".join(heavy + loaded) or "none")
"""


def test_bare_start_hands_the_app_its_settings_loaded(tmp_path: Path) -> None:
    """The settings, not a loader; the transcript models still wait until a session is opened."""
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    out = subprocess.run(
        [sys.executable, "-c", FAST_PATH_IMPORTS],
        capture_output=True, text=True, check=True, env=env,
    ).stdout.split()  # fmt: skip
    assert out[:2] == ["0", "False"], out
    loaded = out[2].split(",")
    assert "practice_bot.config" in loaded and "pydantic_settings" in loaded, out
    assert "practice_bot.records.schema" not in loaded, out


def test_a_broken_config_file_is_reported_on_one_line(tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("theme = [\n", encoding="utf-8")
    env = {
        **os.environ,
        "PRACTICE_BOT_CONFIG": str(config),
        "PRACTICE_BOT_DATA_DIR": str(tmp_path / "data"),
        "TERM": "xterm-256color",
    }
    done = subprocess.run(
        [sys.executable, "-m", "practice_bot"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    # (Textual drew to stderr here, stdout being a pipe; the message comes after it, on one line)
    message = done.stderr.rpartition("practice-bot: ")[2]
    assert message.startswith(f"{config}: not valid TOML") and message.count("\n") == 1
    assert "Traceback" not in done.stderr


def gated(load: Callable[[], Settings]) -> tuple[Callable[[], Settings], threading.Event]:
    """A loader that waits for the test to let it finish."""
    release = threading.Event()

    def loader() -> Settings:
        release.wait(10)
        return load()

    return loader, release


async def test_the_settings_arrive_after_the_first_frame(settings: Settings, folder: Path) -> None:
    from practice_bot.tui.app import PracticeApp

    past_sessions(settings)
    save_prefs(Prefs(name="Alex Doe", mode="practice", topics=["model-scoping"]))
    loader, release = gated(
        lambda: Settings(transcripts=folder, scorer="offline", theme="high-contrast")
    )
    app = PracticeApp(loader, clock=FakeClock())
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: app.screen.built, what="start screen built")
            assert "Scoring: reading the settings..." in screen_text(app)
            assert app.loaded_settings is None and app.theme == "textual-dark"
            await pilot.press("f2")  # waits for the settings rather than being lost
            await pilot.pause(0.05)
            assert screen_name(app) == "StartScreen"
            release.set()
            await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
            assert app.theme == "high-contrast"  # the config file's theme wins
            assert app.session.engine.transcript.apprentice == "Alex Doe"
            await pilot.press("f10")
            await wait_until(pilot, lambda: screen_name(app) != "DiscussionScreen")
        assert load_prefs().theme == ""  # a theme from the config file is not a theme "picked"
    finally:
        release.set()


async def test_the_name_comes_from_the_settings_if_none_was_remembered(
    settings: Settings, folder: Path
) -> None:
    from practice_bot.tui.app import PracticeApp

    past_sessions(settings)
    loader, release = gated(lambda: Settings(transcripts=folder, scorer="offline", name="Cfg"))
    app = PracticeApp(loader, clock=FakeClock())
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: app.screen.built)
            assert app.screen.query_one("#name").value == ""
            release.set()
            await wait_until(pilot, lambda: "UNFINISHED" in screen_text(app), what="recent list")
            assert app.screen.query_one("#name").value == "Cfg"
            assert "Scoring: offline (nothing sent)." in screen_text(app)
    finally:
        release.set()


async def test_settings_that_fail_to_load_close_the_app_with_the_error() -> None:
    from practice_bot.tui.app import PracticeApp

    def broken() -> Settings:
        raise UserError("settings: timeout: Input should be a valid number")

    app = PracticeApp(broken, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.return_code == 2, what="the app closing")
    assert app.return_code == 2
    assert isinstance(app.settings_error, UserError)
    with pytest.raises(UserError, match="timeout"):
        app.settings  # noqa: B018 - every later reader sees the same error
