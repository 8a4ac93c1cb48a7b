"""The end-of-session report as data: per topic and criterion the result with quotes, strengths, what
to develop, KSBs covered, predicted grades (formative) and time per topic. Renderers live beside it."""

from __future__ import annotations

from pydantic import BaseModel

from practice_bot.records.delivery import DeliverySummary, summarise
from practice_bot.records.history import covered_topics, final_status, scorer_status
from practice_bot.records.schema import Transcript
from practice_bot.rubric.grading import Grades, predict_grades
from practice_bot.rubric.models import Rubric
from practice_bot.scoring.base import STATUS_RANK, Evidence, Judgment
from practice_bot.textsafe import printable
from practice_bot.wording import criterion_label, plural, topic_names


class CriterionResult(BaseModel):
    id: str
    level: str
    text: str
    ksbs: list[str]
    status: str  # evidenced | partly | not_yet (after tutor overrides)
    scorer_status: str  # what the scorers said, before overrides
    evidence: list[Evidence] = []
    reason: str = ""
    scorer: str = ""
    flags: list[str] = []
    override: str | None = None  # "tutor: evidenced - comment"
    advice: str = ""
    # the scorer's confidence in its verdict; a "possible" one is shown with "an assessor may want more"
    confidence: str = "clear"


class TopicResult(BaseModel):
    id: str
    name: str
    method: str
    seconds: float
    questions: int
    criteria: list[CriterionResult]
    covered: bool = True  # discussed in the session (a question was asked), not just planned

    @property
    def evidenced(self) -> int:
        return sum(c.status == "evidenced" for c in self.criteria)


class Report(BaseModel):
    apprentice: str
    mode: str
    status: str
    started_at: str
    seconds: float
    topics: list[TopicResult]
    strengths: list[str]
    develop: list[str]
    ksbs_covered: list[str]
    grades: Grades
    grades_scorer_only: Grades
    flags: list[str]
    notices: list[str]
    narrative: str = ""
    narrative_source: str = "offline template"
    pack_id: str | None = None
    delivery: DeliverySummary | None = None  # spoken answers only
    pack: str = ""  # the class pack as people read it: "March mock (march-mock)"
    # Empty when the exam-level prediction applies; else why it is not shown (a practice or drill
    # that covered only some topics): the report then leads with what was practised.
    prediction_note: str = ""
    overrides: list[str] = []  # "criterion id by tutor" for each tutor override the grades include

    @property
    def practised(self) -> list[TopicResult]:
        return [t for t in self.topics if t.covered]

    @property
    def not_reached(self) -> list[TopicResult]:
        return [t for t in self.topics if not t.covered]


def _best_judgment(judgments: list[Judgment]) -> Judgment | None:
    best: Judgment | None = None
    for j in judgments:
        if (
            best is None
            or STATUS_RANK[j.status] > STATUS_RANK[best.status]
            or (
                STATUS_RANK[j.status] == STATUS_RANK[best.status]
                and j.evidence
                and not best.evidence
            )
        ):
            best = j
    return best


def _advice(criterion_id: str, status: str) -> tuple[str, str]:
    """(strength, develop) text for a criterion; the written tips when present."""
    try:
        from practice_bot.feedback.tips import tip

        t = tip(criterion_id)
    except (ImportError, KeyError):
        return (
            "",
            "Bring a specific example from your own work: what you did, with what, and the result.",
        )
    if status == "evidenced":
        return (t.strength, "")
    return ("", t.partly if status == "partly" else t.develop)


def topic_seconds(transcript: Transcript) -> dict[str, float]:
    """Session time spent per topic, from each topic's first turn to the next topic's first turn."""
    spans: dict[str, float] = {}
    turns = [t for t in transcript.turns if t.topic]
    end = max(
        [t.elapsed for t in transcript.turns] + [e.elapsed for e in transcript.events] + [0.0]
    )
    for i, turn in enumerate(turns):
        nxt = turns[i + 1].elapsed if i + 1 < len(turns) else end
        spans[turn.topic] = spans.get(turn.topic, 0.0) + max(nxt - turn.elapsed, 0.0)
    return spans


def build_report(transcript: Transcript, rubric: Rubric) -> Report:
    status_after = final_status(transcript)
    status_before = scorer_status(transcript)
    seconds = topic_seconds(transcript)
    covered = covered_topics(transcript)
    topics: list[TopicResult] = []
    strengths: list[str] = []
    develop: list[str] = []
    ksbs: set[str] = set()
    flags: set[str] = set()
    for topic_id in transcript.topics:
        topic = rubric.topic(topic_id)
        results = []
        for c in topic.criteria:
            js = [j for j in transcript.current_judgments() if j.criterion_id == c.id]
            best = _best_judgment(js)
            status = status_after.get(c.id, "not_yet")
            latest = next(
                (o for o in reversed(transcript.overrides) if o.criterion_id == c.id), None
            )
            doubt = latest if latest is not None and latest.doubt else None
            override = None if doubt else latest
            strength, dev = _advice(c.id, status)
            for j in js:
                flags.update(j.flags)
            if doubt:
                flags.add("tutor_doubt")
            if status == "evidenced":
                ksbs.update(c.ksbs)
                if strength:
                    strengths.append(f"{topic.name} ({criterion_label(c.id)}): {strength}")
            elif dev and topic_id in covered:
                develop.append(f"{topic.name} ({criterion_label(c.id)}): {dev}")
            results.append(
                CriterionResult(
                    id=c.id,
                    level=c.level,
                    text=c.text,
                    ksbs=list(c.ksbs),
                    status=status,
                    scorer_status=status_before.get(c.id, "not_yet"),
                    evidence=best.evidence if best else [],
                    reason=best.reason if best else "Not discussed yet.",
                    scorer=best.scorer if best else "",
                    flags=sorted(
                        {f for j in js for f in j.flags} | ({"tutor_doubt"} if doubt else set())
                    ),
                    override=(
                        f"{o_text(override.evidenced)} by {override.tutor}"
                        + (f": {override.comment}" if override.comment else "")
                    )
                    if override
                    else None,
                    advice=dev or strength,
                    confidence=best.confidence if best and not override else "clear",
                )
            )
        topics.append(
            TopicResult(
                id=topic.id,
                name=topic.name,
                method=topic.method,
                seconds=round(seconds.get(topic.id, 0.0), 1),
                questions=sum(
                    1 for t in transcript.turns if t.topic == topic.id and t.kind == "question"
                ),
                criteria=results,
                covered=topic_id in covered,
            )
        )
    evidenced_after = {c: s == "evidenced" for c, s in status_after.items()}
    evidenced_before = {c: s == "evidenced" for c, s in status_before.items()}
    end = max([t.elapsed for t in transcript.turns] + [0.0])
    return Report(
        apprentice=transcript.apprentice,
        mode=transcript.mode,
        status=transcript.status,
        started_at=transcript.started_at.isoformat(),
        seconds=round(end, 1),
        topics=topics,
        strengths=strengths,
        develop=develop,
        ksbs_covered=sorted(ksbs, key=lambda k: ("KSB".index(k[0]), int(k[1:]))),
        grades=predict_grades(rubric, evidenced_after, covered),
        grades_scorer_only=predict_grades(rubric, evidenced_before, covered),
        flags=sorted(flags),
        notices=list(transcript.notices),
        narrative=transcript.narrative or offline_narrative(topics),
        # from the file: shown in every format and on screen, so made safe once, here
        narrative_source=printable(transcript.narrative_source or "offline template"),
        pack_id=transcript.pack_id,
        delivery=summarise(transcript),
        pack=pack_words(transcript),
        prediction_note=prediction_note(transcript, covered, rubric),
        overrides=[f"{o.criterion_id} by {o.tutor}" for o in transcript.overrides if not o.doubt],
    )


def pack_words(transcript: Transcript) -> str:
    """`March mock (march-mock)`, the id alone for older transcripts, "" outside a class pack."""
    if not transcript.pack_id:
        return ""
    if transcript.pack_name:
        return printable(f"{transcript.pack_name} ({transcript.pack_id})")
    return printable(transcript.pack_id)


def prediction_note(transcript: Transcript, covered: list[str], rubric: Rubric) -> str:
    """Why a practice or drill shows no exam-level prediction ("" when it does): AM1 and AM2 grades
    need evidence on every topic, and a session that practised some of them says nothing about the
    rest. A mock always shows it, with the topics it did not reach counted as not yet evidenced."""
    if transcript.mode == "mock" or len(covered) == len(rubric.topics):
        return ""
    aim = " (a drill aims at a few criteria)" if transcript.mode == "drill" else ""
    return (
        f"No exam-level prediction: this {transcript.mode} covered "
        f"{plural(len(covered), 'topic')} of {len(rubric.topics)}{aim}, and the AM1 and AM2 grades "
        "need evidence on every topic. A mock exam covers them all."
    )


def offline_narrative(topics: list[TopicResult]) -> str:
    """The template narrative used without an LLM: per topic discussed, what was evidenced and which
    criterion to work on next (its advice is under "What to develop", not repeated here)."""
    paragraphs = []
    for t in topics:
        if not t.covered:
            continue
        met = [c for c in t.criteria if c.status == "evidenced"]
        part = [c for c in t.criteria if c.status == "partly"]
        text = f"{t.name}: you evidenced {len(met)} of {plural(len(t.criteria), 'criterion', 'criteria')}"
        if part:
            text += f", with {len(part)} more partly there"
        text += "."
        if met:
            text += " Evidenced: " + "; ".join(criterion_label(c.id) for c in met) + "."
        missing = [c for c in t.criteria if c.status != "evidenced"]
        if missing:
            text += f" Next, work on {criterion_label(missing[0].id)}."
        paragraphs.append(text)
    not_reached = [t.id for t in topics if not t.covered]
    if not_reached:
        paragraphs.append(f"Not reached in this session: {topic_names(not_reached)}.")
    return "\n\n".join(paragraphs)


def o_text(evidenced: bool) -> str:
    return "overridden to evidenced" if evidenced else "overridden to not evidenced"
