"""The tutor screens show assessor questions as Markdown, as the discussion room does; answers stay
literal."""

from __future__ import annotations

from typing import Any

from tests.tui.tui_testkit import screen_text, wait_until


async def test_review_shows_assessor_questions_as_markdown_and_answers_literally(
    rubric: Any,
) -> None:
    from textual.app import App, ComposeResult

    from practice_bot.tui.widgets.conversation import AssessorTurn
    from practice_bot.tui.widgets.review_conversation import ReviewConversation
    from tests.tutor.kit import session

    t = session(rubric, ["**kept** as typed"], apprentice="Sam")
    question = next(turn for turn in t.turns if turn.role == "assessor")
    question.text = "Why **this** model?"

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield ReviewConversation()

    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.query_one(ReviewConversation).show(t, None)
        await wait_until(pilot, lambda: "Why this model?" in screen_text(app), what="markdown")
        assert isinstance(app.query_one(f"#turn-{question.index}"), AssessorTurn)
        assert "**kept** as typed" in screen_text(app)
