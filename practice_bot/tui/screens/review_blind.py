"""Blind marking: the conversation and the criteria with nothing of the scorer's judgments (no statuses,
quotes, grades or highlights). The tutor marks each criterion yes or no; F2 records the marks (blind
overrides, attributed) and only then reveals the scorer's decisions and the agreement per criterion."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from textual.app import SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static

from practice_bot.errors import UserError
from practice_bot.textsafe import printable
from practice_bot.tui.display import STATUS_MARK, literal
from practice_bot.tui.screens.review_parts import agreement_content, criterion_prompt, short_id
from practice_bot.tui.screens.review_transcript import (
    CriteriaPaneScreen,
    criteria_options,
    fill_options,
)
from practice_bot.tui.widgets.review_conversation import ReviewConversation
from practice_bot.tutor.agreement import CriterionAgreement
from practice_bot.tutor.view import CriterionView


def agreement_prompt(v: CriterionView, found: CriterionAgreement | None) -> Content:
    if found is None:
        return Content.assemble(("not marked ", "italic"), f" {short_id(v.id)}")
    you = "✓" if found.tutor_evidenced else "✗"
    verdict = ("agree   ", "bold") if found.agrees else ("DISAGREE", "bold reverse")
    return Content.assemble(
        verdict, f" {short_id(v.id)}: you {you}, scorer {STATUS_MARK[found.scorer_status]}"
    )


class BlindMarkingScreen(CriteriaPaneScreen):
    BINDINGS = [
        Binding("y", "mark(True)", "Evidenced"),
        Binding("n", "mark(False)", "Not"),
        Binding("u", "mark(None)", "Unmark"),
        Binding("f2", "save", "Save & reveal", key_display="F2"),
        Binding("f8", "switch_focus", "Criteria/talk", key_display="F8"),
        Binding("escape", "back", "Back", key_display="Esc"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.marks: dict[str, bool] = {}
        self.tutor = ""
        self.agreement: list[CriterionAgreement] | None = None  # set once revealed

    async def on_mount(self) -> None:
        from practice_bot.records.store import load_transcript
        from practice_bot.tutor.view import criterion_views

        try:
            self.transcript = t = load_transcript(self.path)
        except UserError as exc:
            self.notify(printable(str(exc)), severity="error", markup=False, timeout=15)
            return
        self.title = f"Blind marking - {printable(t.apprentice)}"
        self.sub_title = "the scorer's judgments are hidden"
        self.views = criterion_views(t, self.rubric)
        self.query_one("#grades", Static).update(
            Content(
                "Blind marking: mark each criterion from the conversation alone (y evidenced, "
                "n not, u unmark). F2 records your marks and shows the scorer's decisions."
            )
        )
        await self.query_one(ReviewConversation).show(t, None)
        self.refresh_list()
        criteria = self.query_one("#criteria", OptionList)
        criteria.focus()
        criteria.action_first()

    def refresh_list(self) -> None:
        if self.agreement is None:

            def prompt(v: CriterionView) -> Content:
                return criterion_prompt(v, blind=True, mark=self.marks.get(v.id))
        else:
            found = {c.criterion_id: c for c in self.agreement}

            def prompt(v: CriterionView) -> Content:
                return agreement_prompt(v, found.get(v.id))

        options = criteria_options(self.views, self.rubric, prompt)
        fill_options(self.query_one("#criteria", OptionList), options)
        self.show_detail()

    def show_detail(self) -> None:
        from practice_bot.tutor.agreement import summarise

        detail = self.query_one("#detail", Static)
        if self.agreement is not None:
            summary = summarise((c.tutor_evidenced, c.scorer_evidenced) for c in self.agreement)
            detail.update(agreement_content(self.agreement, summary))
            return
        v = self.selected()
        if v is None:
            detail.update(Content("Choose a criterion (arrow keys)."))
            return
        mark = {None: "not marked yet", True: "evidenced", False: "not evidenced"}
        parts: list[str | Content | tuple[str, str]] = [
            (v.id, "bold"), f" ({v.level}; {', '.join(v.ksbs)})\n", literal(v.text),
            "\n\nYour mark: ", (mark[self.marks.get(v.id)], "bold"),
            f"\n\n{len(self.marks)} of {len(self.views)} criteria marked.",
        ]  # fmt: skip
        detail.update(Content.assemble(*parts))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_detail()

    # ----- actions --------------------------------------------------------------------------------
    def action_mark(self, value: bool | None) -> None:
        v = self.selected()
        if v is None or self.agreement is not None:
            return
        if value is None:
            self.marks.pop(v.id, None)
        else:
            self.marks[v.id] = value
        self.refresh_list()
        self.query_one("#criteria", OptionList).action_cursor_down()

    def action_save(self) -> None:
        from practice_bot.tui.screens.review_dialogs import DecisionDialog

        if self.agreement is not None:
            return
        if not self.marks:
            self.notify("Mark at least one criterion first (y or n).", markup=False)
            return

        async def decided(result: tuple[str, str] | None) -> None:
            if result is not None:
                await self.record(result[0])

        message = (
            f"{len(self.marks)} blind mark(s) will be recorded. The scorer's decisions are shown "
            "after that, so the marks stay blind."
        )
        self.app.push_screen(
            DecisionDialog("Record your blind marks", message, self.practice_app.prefs.tutor,
                           comment=False),
            decided,
        )  # fmt: skip

    async def record(self, tutor: str) -> None:
        from practice_bot.records.store import load_transcript
        from practice_bot.tutor.agreement import transcript_agreement
        from practice_bot.tutor.overrides import add_blind_marks

        try:
            add_blind_marks(self.path, dict(self.marks), tutor, rubric=self.rubric)
        except UserError as exc:
            self.notify(printable(str(exc)), severity="error", markup=False, timeout=15)
            return
        self.remember_tutor(tutor)
        self.tutor = tutor
        transcript = load_transcript(self.path)
        self.agreement = transcript_agreement(transcript, tutor)
        self.sub_title = "revealed: your marks against the scorer"
        self.query_one("#grades", Static).update(
            Content(f"Recorded {len(self.marks)} blind mark(s) by {printable(tutor)}. ")
            + Content("The scorer's decisions, and where you agree:")
        )
        from practice_bot.tutor.view import evidence_spans

        await self.query_one(ReviewConversation).show(transcript, evidence_spans(transcript))
        self.refresh_list()

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand(
            "Mark: evidenced", "The highlighted criterion (y)", lambda: self.action_mark(True)
        )
        yield SystemCommand(
            "Mark: not evidenced", "The highlighted criterion (n)", lambda: self.action_mark(False)
        )
        yield SystemCommand("Clear the mark", "The highlighted criterion (u)",
                            lambda: self.action_mark(None))  # fmt: skip
        yield SystemCommand(
            "Record marks and reveal", "Save your blind marks, then see the scorer's (F2)",
            self.action_save,
        )  # fmt: skip
