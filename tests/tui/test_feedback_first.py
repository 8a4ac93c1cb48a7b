"""The practice feedback comes first (issue 14, speed a learner feels): once the answer is saved, the
feedback screen is drawn before the room changes behind it, and it still shows everything it did."""

from __future__ import annotations

from pathlib import Path

from practice_bot.config import Settings
from practice_bot.session.plan import SessionConfig
from tests.tui.tui_testkit import journal_lines, make_app, screen_name, screen_text, wait_until

PRACTICE = SessionConfig(mode="practice", apprentice="Alex", topics=["model-scoping"], seed=1)
ANSWER = "I planned it EVIDENCE:model-scoping/pass-1 and PARTLY:model-scoping/pass-2 with the team"


async def test_feedback_shows_everything_then_the_room_catches_up(
    settings: Settings, folder: Path, monkeypatch
) -> None:
    from practice_bot.records.drafts import draft_path
    from practice_bot.session.room import Room
    from practice_bot.tui.screens.discussion import DiscussionScreen
    from practice_bot.tui.widgets.conversation import NoticeTurn

    monkeypatch.setattr(DiscussionScreen, "DRAFT_DELAY", 0.05)
    # Scored on the app's thread and answered at once, as with the offline scorer (the test double
    # keeps what the feedback says fixed while the offline scorer is tuned).
    monkeypatch.setattr(Room, "scores_quickly", property(lambda self: True))
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen", what="room")
        await wait_until(pilot, lambda: app.session.engine.current_question is not None)
        room = app.screen
        assert room.room.scores_quickly
        room.query_one("#answer").insert(ANSWER)
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen", what="feedback")
        assert ANSWER in journal_lines(folder)  # saved before the feedback

        shown = screen_text(app)
        for text in (
            "Feedback on your answer - Model scoping: 1 of 5 criteria evidenced so far",
            "Your answer",
            "What this answer evidenced",
            "✓ evidenced  pass-1 ML lifecycle stages (pass)",
            "“EVIDENCE:model-scoping/pass-1”",
            "◐ partly  pass-2 Metrics from business needs (pass)",
            "F2/Enter Continue  F4 Try again  F1 Keys  ^p palette",
        ):
            assert text in shown, text
        rows = shown.splitlines()
        body = rows[[r.strip() for r in rows].index("What this answer evidenced") + 1 :]
        body = body[: next(i for i, row in enumerate(body) if not row.strip())]
        assert len(body) > 3 and all(row.startswith("   ") for row in body), (
            body
        )  # wrapped: indented
        for _ in range(3):  # the screen scrolls, page by page, to the rest
            await pilot.press("pagedown")
            await pilot.pause()
            shown += screen_text(app)
        for text in (
            "Not yet evidenced in this topic",
            "○ not yet  pass-4",
            "This answer newly evidenced pass-1 ML lifecycle stages.",
            "What an assessor would probe next",
            "F2 or Enter: next question.   F4: try this question again.",
        ):
            assert text in shown, text
        assert "Feedback on your answer" not in screen_text(app)
        await pilot.press("home")
        await wait_until(pilot, lambda: "Feedback on your answer" in screen_text(app))

        # Behind the feedback the box still holds the answer sent, which is no unsent draft: none is
        # kept, and quitting would not ask about it.
        assert room.query_one("#answer").text == ANSWER
        await pilot.pause(0.2)
        assert not draft_path(app.session.journal_path).exists()
        assert not room.has_unsent_answer

        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        await wait_until(pilot, lambda: app.session.engine.current_question is not None)
        assert room.query_one("#answer").text == ""  # the answer left the box for the talk
        assert "I planned it EVIDENCE:model-scoping/pass-1" in screen_text(app)
        notices = [str(n.visual) for n in room.query(NoticeTurn)]
        assert "Feedback given: 1 of 5 criteria in this topic evidenced so far." in notices


async def test_the_judgments_reach_the_disk_after_the_feedback_is_drawn(
    settings: Settings, folder: Path, monkeypatch
) -> None:
    """The answer is fsynced before anything else happens to it; its judgments are written before
    the feedback and fsynced once it is drawn (they can be worked out again from the answer)."""
    import os

    from textual.app import App

    from practice_bot.session.room import Room

    monkeypatch.setattr(Room, "scores_quickly", property(lambda self: True))
    app = make_app(settings, config=PRACTICE)
    seen: list[str] = []  # "drawn <screen>" and "fsync <what the journal holds by then>"
    real_fsync, real_display = os.fsync, App._display

    def fsync(fd: int) -> None:
        journal = journal_lines(folder)
        holds = (
            "judgments"
            if '"kind": "judgments"' in journal
            else "answer"
            if ANSWER in journal
            else ""
        )
        seen.append(f"fsync {holds}")
        real_fsync(fd)

    def display(self: App[object], screen: object, renderable: object) -> None:
        seen.append(f"drawn {type(screen).__name__}")
        real_display(self, screen, renderable)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(App, "_display", display)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.session.engine.current_question is not None)
        app.screen.query_one("#answer").insert(ANSWER)
        seen.clear()
        await pilot.press("f2")
        await wait_until(pilot, lambda: "fsync judgments" in seen, what="the judgments synced")
    drawn = seen.index("drawn FeedbackScreen")
    assert "fsync answer" in seen[:drawn]  # the answer first, as ever
    assert "fsync judgments" not in seen[:drawn] and "fsync judgments" in seen[drawn:]


async def test_garbage_collection_waits_until_the_feedback_is_drawn(
    settings: Settings, folder: Path, monkeypatch
) -> None:
    """F2 pauses garbage collection while the answer is scored and the feedback built and drawn,
    and it resumes straight after that frame."""
    import gc

    from textual.app import App

    from practice_bot.session.room import Room

    monkeypatch.setattr(Room, "scores_quickly", property(lambda self: True))
    seen: list[str] = []
    real_score, real_display = Room.score, App._display

    def score(self: Room, answer: object) -> object:
        seen.append(f"scored, collection {'on' if gc.isenabled() else 'off'}")
        return real_score(self, answer)  # type: ignore[arg-type]

    def display(self: App[object], screen: object, renderable: object) -> None:
        if type(screen).__name__ == "FeedbackScreen" and not any("drawn" in s for s in seen):
            seen.append(f"drawn, collection {'on' if gc.isenabled() else 'off'}")
        real_display(self, screen, renderable)  # type: ignore[arg-type]

    monkeypatch.setattr(Room, "score", score)
    monkeypatch.setattr(App, "_display", display)
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.session.engine.current_question is not None)
        await wait_until(pilot, gc.isenabled, what="collection on while the learner types")
        app.screen.query_one("#answer").insert(ANSWER)
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen", what="feedback")
        await wait_until(pilot, gc.isenabled, what="collection on again")
    assert seen == ["scored, collection off", "drawn, collection off"]


async def test_garbage_collection_resumes_after_a_mock_answer_too(settings: Settings) -> None:
    """No feedback in a mock: collection resumes once the room has moved on to the next question."""
    import gc

    mock = SessionConfig(mode="mock", apprentice="Alex", seed=1)
    app = make_app(settings, config=mock)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.session.engine.current_question is not None)
        await wait_until(pilot, gc.isenabled, what="collection on while the learner types")
        first = app.session.engine.current_question
        app.screen.query_one("#answer").insert("An answer to the first question.")
        await pilot.press("f2")
        await wait_until(pilot, lambda: app.session.engine.current_question not in (None, first))
        await wait_until(pilot, gc.isenabled, what="collection on again")
