"""Mock exam rules in the app: no scores before the end, the end-early confirmation in the seed's words,
the clock with time checks and the extension (injected FakeClock), and the hard stop at 99 minutes."""

from __future__ import annotations

import re
from pathlib import Path

from practice_bot.config import Settings
from practice_bot.session.clock import FakeClock
from practice_bot.session.engine import END_EARLY_PROMPT
from practice_bot.session.plan import SessionConfig
from tests.tui.tui_testkit import make_app, screen_name, screen_text, wait_until

MOCK = SessionConfig(mode="mock", apprentice="Sam", seed=3)
SCORE_WORDS = re.compile(r"evidenced|partly|not yet|✓|◐|○ |Pass|Merit|Distinction|Fail")


async def answer(pilot, app, text: str) -> None:  # type: ignore[no-untyped-def]
    before = len(app.session.engine.transcript.turns)
    app.screen.query_one("#answer").insert(text)
    await pilot.press("f2")
    await wait_until(
        pilot,
        lambda: not app.screen.busy and len(app.session.engine.transcript.turns) > before + 1,
        what="next question",
    )


async def test_mock_shows_no_scores_until_the_report(settings: Settings, clock: FakeClock) -> None:
    app = make_app(settings, clock, config=MOCK)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app))
        assert not app.screen.query("#criteria")
        engine = app.session.engine
        for _ in range(3):
            topic = engine.current_topic_id
            await answer(pilot, app, f"EVIDENCE:{topic}/pass-1 and PARTLY:{topic}/pass-2")
            assert screen_name(app) == "DiscussionScreen"  # no feedback screen
            shown = screen_text(app)
            assert not SCORE_WORDS.search(shown), SCORE_WORDS.search(shown)
        assert engine.transcript.judgments  # scored all the same, out of sight
        await pilot.press("f10")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen")
        assert "evidenced" in screen_text(app)  # now the scores appear


async def test_end_early_needs_confirmation_in_the_seed_words(
    settings: Settings, folder: Path
) -> None:
    app = make_app(settings, config=MOCK)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app))
        await pilot.press("f10")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        message = str(app.screen.query_one("#message").render())
        assert message == END_EARLY_PROMPT
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        assert not app.session.engine.finished
        await pilot.press("f10")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("escape")  # Esc is "no" as well
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        assert not app.session.engine.finished
        await pilot.press("f10")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen")
        assert app.session.engine.transcript.status == "ended_early"
    assert (folder / "sam-20260105-0900-mock-0000beef.json").is_file()


async def test_clock_time_checks_extension_and_hard_stop(
    settings: Settings, clock: FakeClock, folder: Path
) -> None:
    app = make_app(settings, clock, config=MOCK)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app))
        assert "Remaining  90:00" in screen_text(app)
        clock.advance(31 * 60)
        await wait_until(pilot, lambda: "Remaining  59:00" in screen_text(app))
        await wait_until(pilot, lambda: "Time check: 31 minutes gone" in screen_text(app))
        assert "Elapsed    31:00" in screen_text(app)

        clock.advance(60 * 60)  # 91:00: the limit has passed, the extension runs
        await wait_until(pilot, lambda: "EXTENSION  08:00 left" in screen_text(app), what="ext")
        await wait_until(
            pilot, lambda: "we have reached 90 minutes" in screen_text(app), what="time-up"
        )
        await wait_until(
            pilot, lambda: any("extension has started" in n.message for n in app._notifications)
        )
        assert not app.session.engine.finished  # the apprentice finishes the current answer

        app.screen.query_one("#answer").insert("my last words, cut off by the clock")
        clock.advance(8 * 60 + 1)  # past 99 minutes: the answer in the box is kept, then it stops
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen", what="hard stop")
        transcript = app.session.engine.transcript
        assert transcript.status == "timed_out"
        assert transcript.answers()[-1].text == "my last words, cut off by the clock"
    assert (folder / "sam-20260105-0900-mock-0000beef.json").is_file()
