"""The app starts with its settings already loaded (defaults < config file < environment), for bare
`practice-bot` and `practice-bot review` alike: the start screen's first frame is complete (the scoring
line names the real scorer, the name comes from the config file if none was remembered, the theme is
the config file's or else the last one picked), and a broken config file is reported on one line with
exit code 2 before the app opens."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from practice_bot.config import Settings
from practice_bot.prefs import Prefs, load_prefs, save_prefs
from practice_bot.session.clock import FakeClock
from tests.tui.tui_testkit import screen_text, wait_until

ALT_SCREEN = b"\x1b[?1049h"  # what Textual writes first when it takes over the terminal


def _in_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str, bytes]:
    """Run the real CLI with stdin and stdout on a pseudo-terminal (as a learner's or a tutor's would
    be; `review DIR` opens its screen only there) and stderr on a pipe: (exit code, stderr, what
    reached the terminal)."""
    import pty

    leader, follower = pty.openpty()
    seen = bytearray()

    def drain() -> None:  # keep the terminal's buffer empty, whatever the program draws
        try:
            while chunk := os.read(leader, 65536):
                seen.extend(chunk)
        except OSError:  # the program's end closed the terminal
            pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "practice_bot", *args],
            stdin=follower, stdout=follower, stderr=subprocess.PIPE, env=env, text=True,
        )  # fmt: skip
        os.close(follower)
        try:
            _, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    finally:
        reader.join(5)
        os.close(leader)
    return proc.returncode, err, bytes(seen)


BROKEN = [
    ("theme = [\n", "{config}: not valid TOML"),  # names the file
    ('model = ""\n', "settings: model: String should have at least 1 character"),  # the field
]


@pytest.mark.parametrize(("text", "message"), BROKEN, ids=["toml", "field"])
@pytest.mark.parametrize("args", [[], ["review", "{folder}"]], ids=["bare", "review"])
def test_a_broken_config_file_is_reported_on_one_line_before_the_app_opens(
    tmp_path: Path, args: list[str], text: str, message: str
) -> None:
    folder = tmp_path / "transcripts"
    folder.mkdir()
    config = tmp_path / "broken.toml"
    config.write_text(text, encoding="utf-8")
    env = {
        **os.environ,
        "PRACTICE_BOT_CONFIG": str(config),
        "PRACTICE_BOT_DATA_DIR": str(tmp_path / "data"),
        "TERM": "xterm-256color",
    }
    code, err, terminal = _in_a_terminal([a.format(folder=folder) for a in args], env)
    assert code == 2, err
    assert err.startswith("practice-bot: " + message.format(config=config)), err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert ALT_SCREEN not in terminal  # the app never opened


def test_the_review_screen_is_handed_the_settings_loaded(
    monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    """`review DIR` in a terminal: the configured settings, not a loader, reach the app."""
    import practice_bot.tui.app as app_module
    from practice_bot.cli import main

    folder.mkdir()
    config = Path(os.environ["PRACTICE_BOT_CONFIG"])
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('name = "Tutor T"\n', encoding="utf-8")
    handed: list[object] = []
    monkeypatch.setattr(app_module, "run", lambda settings, **kw: handed.append(settings) or 0)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["review", str(folder)]) == 0
    assert len(handed) == 1 and isinstance(handed[0], Settings)
    assert handed[0].name == "Tutor T"


LLM = {"base_url": "http://127.0.0.1:9/v1/", "model": "tiny-model"}


@pytest.mark.parametrize(
    ("scorer", "line"),
    [
        (
            "auto",
            "Scoring: tiny-model at http://127.0.0.1:9/v1 (you are asked before answers are sent).",
        ),
        ("offline", "Scoring: offline (nothing sent)."),
    ],
)
async def test_the_first_frame_shows_the_configured_scorer_and_name(
    folder: Path, scorer: str, line: str
) -> None:
    from practice_bot.tui.app import PracticeApp

    settings = Settings(transcripts=folder, scorer=scorer, name="Cfg Name", **LLM)
    app = PracticeApp(settings, clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        # the first frame: nothing awaited after the screen is built
        await wait_until(pilot, lambda: app.screen.built, what="start screen built")
        assert str(app.screen.query_one("#scoring", Static).content) == line
        assert " ".join(line.split()[:2]) in screen_text(app)  # drawn (it wraps in its column)
        assert app.screen.query_one("#name", Input).value == "Cfg Name"


async def test_a_remembered_name_wins_over_the_config_files(settings: Settings) -> None:
    from practice_bot.tui.app import PracticeApp

    save_prefs(Prefs(name="Alex Doe"))
    app = PracticeApp(settings.model_copy(update={"name": "Cfg Name"}), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.screen.built)
        assert app.screen.query_one("#name", Input).value == "Alex Doe"


@pytest.mark.parametrize(
    ("config_theme", "picked", "shown"),
    [
        ("high-contrast", "nord", "high-contrast"),  # the config file names one: it wins
        (None, "nord", "nord"),  # it does not: the last one picked
        (None, "", "textual-dark"),  # neither: the default
    ],
)
async def test_the_theme_is_the_config_files_else_the_last_one_picked(
    folder: Path, config_theme: str | None, picked: str, shown: str
) -> None:
    from practice_bot.tui.app import PracticeApp

    save_prefs(Prefs(theme=picked))
    given = {"theme": config_theme} if config_theme else {}
    app = PracticeApp(Settings(transcripts=folder, scorer="offline", **given), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.screen.built)
        assert app.theme == shown
        assert load_prefs().theme == picked  # a theme from the config file is not one "picked"
        app.theme = "textual-light"  # picked now, in the app: remembered
        await pilot.pause()
        assert load_prefs().theme == "textual-light"
    app = PracticeApp(Settings(transcripts=folder, scorer="offline", **given), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.screen.built)
        assert app.theme == (config_theme or "textual-light")
