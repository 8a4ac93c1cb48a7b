"""The LLM inside a real session: consent first, streamed follow-ups, structured scoring in the
background, usage and prompt hashes on the transcript, and the offline path when the endpoint fails."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from practice_bot.commands import session as session_cmd
from practice_bot.plain import PlainRunner
from practice_bot.records.store import transcript_files
from practice_bot.rubric import load_rubric
from practice_bot.session.factory import start_session
from practice_bot.session.plan import SessionConfig
from tests.llm.llm_testkit import CHAT, KEY, error_reply, json_reply, settings, stream_reply

ANSWER = (
    "On the churn project I chose recall at a fixed precision because a missed churner cost us more "
    "than a wasted voucher, and I agreed the threshold with the retention manager."
)
LLM_QUESTION = "Which stakeholders did you agree that threshold with, and how did you reach it?"


def _reply(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    if body.get("stream"):
        return stream_reply(
            ["Which stakeholders did you agree ", "that threshold with, and how did you reach it?"]
        )
    if "feedback_narrative" in json.dumps(body.get("response_format")):
        topics = [t.id for t in load_rubric().topics if t.id in json.dumps(body["messages"])]
        topics = [t for t in load_rubric().topic_ids if t in topics]
        return json_reply(
            {
                "summary": "A focused session with one clear strength.",
                "topics": [
                    {
                        "topic_id": t,
                        "strengths": ["You tied the metric to cost."],
                        "development": ["Name the risks."],
                    }
                    for t in topics
                ],
            }
        )
    # A scoring request: credit the first criterion of whichever topic is being scored, quoting the answer.
    prompt = json.dumps(body["messages"])
    rubric = load_rubric()
    topic = next(t for t in rubric.topics if t.criteria[0].id in prompt)
    judgments = [
        {
            "criterion_id": c.id,
            "status": "evidenced" if i == 0 else "not_yet",
            "quotes": ["I chose recall at a fixed precision"] if i == 0 else [],
            "reason": "specific own practice" if i == 0 else "not discussed",
        }
        for i, c in enumerate(topic.criteria)
    ]
    return json_reply({"judgments": judgments})


def _run(tmp_path: Path, stdin: str, mode: str = "mock", **cfg: Any) -> tuple[str, dict[str, Any]]:
    s = settings(transcripts=tmp_path / "t")
    config = SessionConfig(mode=mode, apprentice="Rui", seed=2, **cfg)  # type: ignore[arg-type]
    session = start_session(config, s, llm=True)
    out = io.StringIO()
    PlainRunner(session, io.StringIO(stdin), out).run()
    path = transcript_files(tmp_path / "t")[0]
    return out.getvalue(), json.loads(path.read_text())


def test_llm_session_streams_questions_scores_and_records_usage(
    openai_mock: respx.Router, tmp_path
):
    openai_mock.post(CHAT).mock(side_effect=_reply)
    out, data = _run(tmp_path, f"{ANSWER}\n\n{ANSWER} again\n\n")
    questions = [t for t in data["turns"] if t["kind"] == "question"]
    assert questions[0]["source"].startswith("bank:")  # openings come from the bank
    assert questions[1]["source"].startswith("llm:") and questions[1]["text"] == LLM_QUESTION
    assert data["scorer"] == "llm" and data["model"]
    assert set(data["prompts"]) == {"scorer", "question_writer", "narrative"}
    assert data["usage"]["calls"] >= 3 and data["usage"]["prompt_tokens"] > 0
    evidenced = [j for j in data["judgments"] if j["status"] == "evidenced"]
    assert evidenced and evidenced[0]["scorer"] == "llm"
    assert evidenced[0]["evidence"][0]["quote"] == "I chose recall at a fixed precision"
    assert "Scoring and follow-up questions" in out
    for f in (tmp_path / "t").iterdir():
        assert KEY not in f.read_text()


def test_endpoint_failing_falls_back_offline_and_says_so(openai_mock: respx.Router, tmp_path):
    openai_mock.post(CHAT).mock(return_value=error_reply(500, "upstream exploded"))
    out, data = _run(tmp_path, f"{ANSWER}\n\nsecond\n\n", mode="practice", topics=["model-scoping"])
    assert "Notice:" in out
    kinds = {e["kind"] for e in data["events"]}
    assert "llm_fallback" in kinds and "scoring_note" in kinds
    assert all(j["scorer"] != "llm" for j in data["judgments"])
    assert next(t["text"] for t in data["turns"] if t["role"] == "apprentice") == ANSWER


def test_no_consent_means_nothing_is_sent(openai_mock: respx.Router, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("no\n"))
    args = type("A", (), {"accept_endpoint": False})()
    assert session_cmd._plain_consent(args, settings()) is False  # type: ignore[arg-type]
    assert "Send answers to this endpoint? [yes/no]" in capsys.readouterr().out
    assert openai_mock.calls.call_count == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    assert session_cmd._plain_consent(args, settings()) is True  # type: ignore[arg-type]
    # Asked once per endpoint: the second time needs no answer.
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert session_cmd._plain_consent(args, settings()) is True  # type: ignore[arg-type]


def test_accept_endpoint_flag_gives_consent_up_front(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    args = type("A", (), {"accept_endpoint": True})()
    assert session_cmd._plain_consent(args, settings()) is True  # type: ignore[arg-type]


def test_offline_scorer_setting_never_asks(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    args = type("A", (), {"accept_endpoint": False})()
    assert session_cmd._plain_consent(args, settings(scorer="offline")) is False  # type: ignore[arg-type]


@pytest.mark.parametrize("flag", ["--accept-endpoint"])
def test_cli_has_the_flag(flag):
    from practice_bot.cli import build_parser

    assert build_parser().parse_args(["mock", "--plain", flag]).accept_endpoint is True


def test_llm_narrative_lands_in_the_transcript_and_report(openai_mock: respx.Router, tmp_path):
    openai_mock.post(CHAT).mock(side_effect=_reply)
    out, data = _run(tmp_path, f"{ANSWER}\n\n\n", mode="practice", topics=["model-scoping"])
    assert data["narrative_source"].startswith("llm:")
    assert "A focused session with one clear strength." in data["narrative"]
    assert "Feedback (llm:" in out and "Name the risks." in out


def test_narrative_failure_uses_the_offline_template(openai_mock: respx.Router, tmp_path):
    def reply(request: httpx.Request) -> httpx.Response:
        if "feedback_narrative" in request.content.decode():
            return error_reply(500, "no narrative today")
        return _reply(request)

    openai_mock.post(CHAT).mock(side_effect=reply)
    out, data = _run(tmp_path, f"{ANSWER}\n\n\n", mode="practice", topics=["model-scoping"])
    assert data["narrative"] is None
    assert any(
        e["detail"].startswith("narrative:") for e in data["events"] if e["kind"] == "llm_fallback"
    )
    assert "Feedback (offline template):" in out and "Model scoping: you evidenced" in out
