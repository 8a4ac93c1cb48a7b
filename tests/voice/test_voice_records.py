"""Spoken answers on the record: journaled before they are sent, the answer carries how it was heard
and delivered, nothing lost when transcription fails, audio removed at the end unless kept, and the
delivery in every report format and in history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("numpy")
pytest.importorskip("webrtcvad")

from practice_bot.commands.history import history_lines
from practice_bot.config import Settings
from practice_bot.errors import UserError
from practice_bot.llm.audio import Transcription, TranscriptionFailed
from practice_bot.llm.failures import LLMFailure
from practice_bot.records.delivery import ASSESSOR_WPM
from practice_bot.records.html import render_html
from practice_bot.records.journal import replay
from practice_bot.records.render import render_markdown, render_text
from practice_bot.records.report import build_report
from practice_bot.records.store import save_final
from practice_bot.session.clock import FakeClock
from practice_bot.session.factory import Session, start_session
from practice_bot.session.plan import SessionConfig
from practice_bot.voice.answers import VoiceAnswers

FIXTURE = Path(__file__).parent / "fixtures" / "gaps.wav"
SAID = "I trained the model on last year's data, um, then I checked it for drift and we deployed it"


class ScriptedTranscriber:
    """Stands in for the endpoint (tested at the HTTP boundary in test_audio_client.py); checks the
    recording was journaled before it was 'sent'."""

    model = "whisper-test"
    endpoint = "http://127.0.0.1:9/v1"

    def __init__(self, journal: Path, fail: bool = False) -> None:
        self.journal = journal
        self.fail = fail
        self.sent: list[Path] = []

    def transcribe(self, path: Path, context: str = "") -> Transcription:
        records = [json.loads(line) for line in self.journal.read_text().splitlines()]
        assert any(
            r["kind"] == "event"
            and r["event"]["kind"] == "recording"
            and r["event"]["detail"] == path.name
            for r in records
        ), "the recording must be journaled before it is sent"
        self.sent.append(path)
        if self.fail:
            raise TranscriptionFailed(path, LLMFailure("server_error", "503: busy", attempts=2))
        return Transcription(SAID, self.model, self.endpoint, words=[])


def session(tmp_path: Path, mode: str = "practice", **settings: object) -> tuple[Session, Settings]:
    s = Settings(transcripts=tmp_path / "t", **settings)
    config = SessionConfig(mode=mode, apprentice="Sam", topics=["model-scoping"], seed=1)
    return start_session(config, s, clock=FakeClock()), s


def test_spoken_answer_recorded_with_delivery(tmp_path: Path) -> None:
    sess, settings = session(tmp_path)
    transcriber = ScriptedTranscriber(sess.journal_path)
    voice = VoiceAnswers(sess.engine, sess.journal_path, settings, transcriber=transcriber)
    question = sess.engine.next_question()
    assert question is not None
    path = voice.adopt(FIXTURE)
    assert path.parent == voice.folder and oct(path.stat().st_mode & 0o777) == "0o600"
    heard = voice.hear(path, question.text)
    sess.engine.submit_answer(heard.text or "", voice.spoken_record(heard))
    transcript, _ = replay(sess.journal_path)
    answer = transcript.answers()[0]
    assert answer.text == SAID
    assert answer.spoken is not None and answer.spoken.model == "whisper-test"
    assert answer.spoken.engine == "openai-compatible" and not answer.spoken.word_timestamps
    d = answer.spoken.delivery
    assert d is not None and d.pauses == 2 and d.long_pauses == 1 and d.fillers == 1
    kinds = [e.kind for e in transcript.events]
    assert kinds.index("recording") < len(kinds)
    assert transcriber.sent == [path]


def test_failed_transcription_keeps_the_recording(tmp_path: Path) -> None:
    sess, settings = session(tmp_path)
    voice = VoiceAnswers(
        sess.engine, sess.journal_path, settings,
        transcriber=ScriptedTranscriber(sess.journal_path, fail=True),
    )  # fmt: skip
    sess.engine.next_question()
    path = voice.adopt(FIXTURE)
    with pytest.raises(TranscriptionFailed, match=r"server error.*safe in .*answer-001\.wav"):
        voice.hear(path)
    assert path.is_file()
    transcript, _ = replay(sess.journal_path)
    assert [e.kind for e in transcript.events][-2:] == ["recording", "transcription_failed"]
    assert transcript.answers() == []  # the question still waits: retry, or type
    assert sess.engine.current_question is not None


def test_mock_clock_gives_back_the_wait_for_a_failed_transcription(tmp_path: Path) -> None:
    """A transcription that times out after minutes is the app's trouble, not the learner's: the
    mock clock gives that wait back, as it does for an LLM question that never came."""
    sess, settings = session(tmp_path, mode="mock")
    clock = sess.engine.clock
    assert isinstance(clock, FakeClock)
    slow = ScriptedTranscriber(sess.journal_path, fail=True)
    sent = slow.transcribe

    def transcribe(path: Path, context: str = "") -> Transcription:
        clock.advance(125.0)  # the endpoint's timeout, and a retry
        return sent(path, context)

    slow.transcribe = transcribe  # type: ignore[method-assign]
    voice = VoiceAnswers(sess.engine, sess.journal_path, settings, transcriber=slow)
    sess.engine.next_question()
    path = voice.adopt(FIXTURE)
    before = sess.engine.elapsed()
    with pytest.raises(TranscriptionFailed):
        voice.hear(path)
    assert sess.engine.elapsed() == pytest.approx(before)
    transcript, _ = replay(sess.journal_path)
    assert [e.detail for e in transcript.events if e.kind == "clock_credit"] == [
        "transcription_wait: 125.0s"
    ]


def test_silent_recording_is_a_message_not_an_answer(tmp_path: Path) -> None:
    import numpy as np

    from practice_bot.voice.wavio import WavWriter

    sess, settings = session(tmp_path)
    voice = VoiceAnswers(
        sess.engine, sess.journal_path, settings, transcriber=ScriptedTranscriber(sess.journal_path)
    )
    sess.engine.next_question()
    quiet = tmp_path / "quiet.wav"
    w = WavWriter(quiet)
    w.write(np.zeros(16000, dtype=np.int16).tobytes())
    w.close()
    path = voice.adopt(quiet)
    with pytest.raises(
        UserError, match=r"the recording was silent.*Privacy & Security > Microphone"
    ):
        voice.hear(path)


@pytest.mark.parametrize("keep", [False, True])
def test_audio_kept_only_when_chosen(tmp_path: Path, keep: bool) -> None:
    sess, settings = session(tmp_path, keep_audio=keep)
    voice = VoiceAnswers(
        sess.engine, sess.journal_path, settings,
        transcriber=ScriptedTranscriber(sess.journal_path),
    )  # fmt: skip
    sess.engine.next_question()
    used = voice.adopt(FIXTURE)
    heard = voice.hear(used)
    sess.engine.submit_answer(heard.text or "", voice.spoken_record(heard))
    sess.engine.next_question()
    unused = voice.adopt(FIXTURE)  # recorded, then the learner typed instead
    said: list[str] = []
    voice.finish(said.append)
    assert used.exists() == keep
    assert unused.exists()  # it may be all there is of what was said
    if keep:
        assert said == [f"Recordings kept in {voice.folder} (keep_audio is on)."]
    else:
        assert said[0].startswith("1 recording deleted")
        assert "1 recording that did not become an answer kept in" in said[1]
        assert [e.detail for e in sess.engine.transcript.events if e.kind == "audio_deleted"] == [
            "1"
        ]


def test_without_endpoint_figures_still_come(tmp_path: Path) -> None:
    sess, settings = session(tmp_path)
    voice = VoiceAnswers(sess.engine, sess.journal_path, settings)
    assert not voice.can_transcribe
    with pytest.raises(UserError, match="need a speech-to-text endpoint"):
        voice.transcriber  # noqa: B018
    sess.engine.next_question()
    heard = voice.measure_only(voice.adopt(FIXTURE))
    assert heard.text is None and heard.delivery is not None and heard.delivery.long_pauses == 1


def test_delivery_in_reports_and_history(tmp_path: Path) -> None:
    sess, settings = session(tmp_path)
    voice = VoiceAnswers(
        sess.engine, sess.journal_path, settings, transcriber=ScriptedTranscriber(sess.journal_path)
    )
    q = sess.engine.next_question()
    assert q is not None
    heard = voice.hear(voice.adopt(FIXTURE), q.text)
    sess.engine.submit_answer(heard.text or "", voice.spoken_record(heard))
    sess.engine.next_question()
    sess.engine.submit_answer("A typed answer about scoping.")
    transcript = sess.engine.finish("finished")
    report = build_report(transcript, sess.engine.rubric)
    assert report.delivery is not None
    assert (report.delivery.spoken, report.delivery.typed) == (1, 1)
    assert report.delivery.share_of_talk is not None and 0 < report.delivery.share_of_talk < 1
    # the share of talk counts the spoken answer's question only, not the typed answer's
    assessor = [t for t in transcript.turns if t.role == "assessor" and t.kind == "question"]
    read_first = len(assessor[0].text.split()) / ASSESSOR_WPM * 60
    assert report.delivery.assessor_seconds == pytest.approx(read_first, abs=0.05)
    text = render_text(report)
    assert "Delivery (spoken answers):" in text and "2 pauses" in text
    md = render_markdown(report)
    assert "## Delivery" in md and "| Answer | Timeline | Talk |" in md
    assert "| `···████████··█████────────███·` |" in md  # 1 s thinking, 0.6 s, then 2.5 s
    html = render_html(transcript, report)
    assert html.count('<svg class="delivery"') == 1 and "http" not in html
    assert 'fill="#b00"' in html  # the long pause is marked
    save_final(sess.journal_path, transcript)
    lines = history_lines(settings.transcripts, "Sam")
    assert any(line.strip().startswith("delivery: 1 spoken answer:") for line in lines)


def test_typed_session_report_has_no_delivery(tmp_path: Path) -> None:
    sess, _ = session(tmp_path)
    sess.engine.next_question()
    sess.engine.submit_answer("typed")
    report = build_report(sess.engine.finish("finished"), sess.engine.rubric)
    assert report.delivery is None and "Delivery" not in render_text(report)


def test_mock_clock_counts_spoken_time(tmp_path: Path) -> None:
    sess, _ = session(tmp_path, mode="mock")
    before = sess.engine.elapsed()
    sess.engine.add_spoken_time(9.1)
    assert sess.engine.elapsed() == pytest.approx(before + 9.1)


def test_chat_consent_covers_audio_at_the_same_endpoint(tmp_path: Path) -> None:
    from practice_bot.llm.consent import remember_consent

    sess, settings = session(tmp_path, OPENAI_BASE_URL="http://127.0.0.1:9/v1")
    voice = VoiceAnswers(sess.engine, sess.journal_path, settings)
    assert voice.needs_consent()
    assert "sent to http://127.0.0.1:9/v1 (model whisper-1) to be transcribed" in (
        voice.consent_question()
    )
    remember_consent(settings.base_url)  # agreed for chat
    assert not voice.needs_consent()
    other, s2 = session(tmp_path / "b", audio_base_url="http://127.0.0.1:8000/v1")
    assert VoiceAnswers(other.engine, other.journal_path, s2).needs_consent()  # elsewhere: asked
