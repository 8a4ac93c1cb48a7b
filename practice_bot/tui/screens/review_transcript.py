"""One transcript under review: the conversation (evidence highlighted and named) beside the criteria,
each with its status, quotes and the scorer that judged it. The tutor agrees or overrides the highlighted
criterion with a comment; each decision is written to the file at once (atomically, under the folder
lock), the transcript is read back, and the grades are shown again with and without overrides."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from practice_bot.errors import UserError
from practice_bot.records.schema import Transcript
from practice_bot.rubric import load_rubric
from practice_bot.textsafe import printable
from practice_bot.tui.screens.base import AppScreen
from practice_bot.tui.screens.review_parts import criterion_detail, criterion_prompt, grades_content
from practice_bot.tui.widgets.header import Header
from practice_bot.tui.widgets.review_conversation import ReviewConversation
from practice_bot.tutor.view import CriterionView

if TYPE_CHECKING:
    from practice_bot.rubric.models import Rubric


def criteria_options(
    views: list[CriterionView],
    rubric: Rubric,
    prompt: Callable[[CriterionView], Content] = criterion_prompt,
) -> list[Option]:
    """The criteria list: a heading per topic (not selectable), then one option per criterion."""
    options: list[Option] = []
    topic = None
    for v in views:
        if v.topic_id != topic:
            topic = v.topic_id
            options.append(Option(Content.styled(rubric.topic(topic).name, "bold"), disabled=True))
        options.append(Option(prompt(v), id=v.id))
    return options


def fill_options(criteria: OptionList, options: list[Option]) -> None:
    """Set the list's options; if only their words changed, in place (the highlight stays put)."""
    ids = [o.id for o in options]
    if ids and [criteria.get_option_at_index(i).id for i in range(criteria.option_count)] == ids:
        for i, option in enumerate(options):
            if option.id is not None:
                criteria.replace_option_prompt_at_index(i, option.prompt)
    else:
        criteria.set_options(options)


class CriteriaPaneScreen(AppScreen[None]):
    """A transcript's conversation beside its criteria: what the review and blind-marking screens share."""

    DEFAULT_CSS = """
    CriteriaPaneScreen #review-body { height: 1fr; }
    CriteriaPaneScreen #side { width: 38; border-left: vkey $border-blurred; }
    CriteriaPaneScreen.-wide #side { width: 56; }
    CriteriaPaneScreen #criteria { height: auto; max-height: 60%; min-height: 4; border: none; }
    CriteriaPaneScreen #criteria:focus { border: none; background-tint: $foreground 3%; }
    CriteriaPaneScreen #detail-scroll { height: 1fr; border-top: hkey $border-blurred; padding: 0 1; }
    CriteriaPaneScreen #grades { height: auto; padding: 0 1; background: $boost; }
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.rubric = load_rubric()
        self.transcript: Transcript | None = None
        self.views: list[CriterionView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="grades")
        with Horizontal(id="review-body"):
            yield ReviewConversation(id="conversation")
            with Vertical(id="side"):
                yield OptionList(id="criteria")
                with VerticalScroll(id="detail-scroll"):
                    yield Static(id="detail")
        yield Footer()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= 110, "-wide")

    def selected(self) -> CriterionView | None:
        criteria = self.query_one("#criteria", OptionList)
        if criteria.highlighted is None:
            return None
        cid = criteria.get_option_at_index(criteria.highlighted).id
        return next((v for v in self.views if v.id == cid), None)

    def remember_tutor(self, tutor: str) -> None:
        app = self.practice_app
        if app.prefs.tutor != tutor:
            app.prefs.tutor = tutor
            app.save_prefs()

    def action_switch_focus(self) -> None:
        criteria = self.query_one("#criteria", OptionList)
        if criteria.has_focus:
            self.query_one(ReviewConversation).focus()
        else:
            criteria.focus()

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit(0)


class TranscriptReviewScreen(CriteriaPaneScreen):
    BINDINGS = [
        Binding("a", "decide('agree')", "Agree"),
        Binding("e", "decide('yes')", "Evidenced"),
        Binding("n", "decide('no')", "Not evidenced"),
        Binding("d", "decide('doubt')", "Doubt credit"),
        Binding("f8", "switch_focus", "Criteria/talk", key_display="F8"),
        Binding("escape", "back", "Back", key_display="Esc"),
    ]

    async def on_mount(self) -> None:
        from practice_bot.tutor.view import evidence_spans

        self.sub_title = "formative predictions"
        self.reload()
        if self.transcript is not None:
            await self.query_one(ReviewConversation).show(
                self.transcript, evidence_spans(self.transcript)
            )
        criteria = self.query_one("#criteria", OptionList)
        criteria.focus()
        criteria.action_first()

    def reload(self) -> None:
        """Read the transcript from its file and redraw (the file is the record, not memory)."""
        from practice_bot.records.store import load_transcript
        from practice_bot.tutor.overrides import grades_both_ways
        from practice_bot.tutor.view import criterion_views

        try:
            self.transcript = t = load_transcript(self.path)
        except UserError as exc:
            self.notify(printable(str(exc)), severity="error", markup=False, timeout=15)
            return
        self.title = f"Review - {printable(t.apprentice)}"
        self.views = criterion_views(t, self.rubric)
        grades = grades_content(grades_both_ways(t, self.rubric))
        if t.status == "in_progress":
            grades += Content("\nUnfinished session: decisions can be recorded once it has ended.")
        self.query_one("#grades", Static).update(grades)
        fill_options(
            self.query_one("#criteria", OptionList), criteria_options(self.views, self.rubric)
        )
        self.show_detail()

    def show_detail(self) -> None:
        v = self.selected()
        detail = self.query_one("#detail", Static)
        if v is None or self.transcript is None:
            detail.update(Content("Choose a criterion (arrow keys)."))
            return
        keys = Content.styled(
            "\n\na agree · e evidenced · n not evidenced · d doubt a credit", "$text-muted"
        )
        detail.update(criterion_detail(v, self.transcript) + keys)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_detail()
        v = self.selected()
        if v is not None and v.evidence:
            self.query_one(ReviewConversation).scroll_to_turn(v.evidence[0][0])

    # ----- decisions ------------------------------------------------------------------------------
    def action_decide(self, how: str) -> None:
        from practice_bot.tui.screens.review_dialogs import DecisionDialog

        v = self.selected()
        if v is None:
            self.notify("Choose a criterion first (arrow keys in the list).", markup=False)
            return
        scorer = "evidenced" if v.scorer_status == "evidenced" else "not evidenced"
        titles = {
            "agree": (f"Agree with the scorer on {v.id}", f"The scorer's decision: {scorer}."),
            "yes": (f"Override {v.id}: evidenced", f"The scorer's decision: {scorer}."),
            "no": (f"Override {v.id}: not evidenced", f"The scorer's decision: {scorer}."),
            "doubt": (
                f"Flag {v.id} as doubtful",
                "It stays credited (the grades do not change), flagged for review and counted "
                "by `review agreement`. Say why in the comment.",
            ),
        }
        title, message = titles[how]
        if how == "doubt" and v.status != "evidenced":
            self.notify(
                f"{v.id} is not credited: only a credited criterion can be doubted. "
                "Use e or n to override it.",
                markup=False,
            )
            return
        message += " Your decision is added beside the scorer's record, which is kept."

        def decided(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.record(how, v.id, *result)

        self.app.push_screen(DecisionDialog(title, message, self.practice_app.prefs.tutor), decided)

    def record(self, how: str, criterion_id: str, tutor: str, comment: str) -> None:
        """Write the decision to the transcript file now, then read it back and redraw."""
        from practice_bot.tutor.overrides import add_doubt, add_override, agree

        try:
            if how == "agree":
                o = agree(self.path, criterion_id, tutor, comment, rubric=self.rubric)
            elif how == "doubt":
                o = add_doubt(self.path, criterion_id, tutor, comment, rubric=self.rubric)
            else:
                o = add_override(
                    self.path, criterion_id, how == "yes", tutor, comment, rubric=self.rubric
                )
        except UserError as exc:
            self.notify(printable(str(exc)), severity="error", markup=False, timeout=15)
            return
        self.remember_tutor(tutor)
        self.reload()
        verdict = (
            "flagged as doubtful" if o.doubt else "evidenced" if o.evidenced else "not evidenced"
        )
        self.notify(f"Recorded: {criterion_id} {verdict} ({printable(tutor)}).", markup=False)

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand(
            "Agree with the scorer", "On the highlighted criterion (a)",
            lambda: self.action_decide("agree"),
        )  # fmt: skip
        yield SystemCommand(
            "Override: evidenced", "The highlighted criterion is evidenced (e)",
            lambda: self.action_decide("yes"),
        )  # fmt: skip
        yield SystemCommand(
            "Override: not evidenced", "The highlighted criterion is not evidenced (n)",
            lambda: self.action_decide("no"),
        )  # fmt: skip
        yield SystemCommand(
            "Doubt the credit", "Flag the highlighted credited criterion as doubtful (d)",
            lambda: self.action_decide("doubt"),
        )  # fmt: skip
        yield SystemCommand(
            "Criteria or conversation", "Move between the two (F8, or Tab)",
            self.action_switch_focus,
        )  # fmt: skip
