"""Speaking in the discussion room, through Textual's Pilot: F6 starts recording (level meter and
timer), F6 stops; the recording is transcribed (the endpoint mocked at the HTTP boundary) and the text
goes into the box to review (practice) or is sent as spoken (mock); failures keep the recording."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

pytest.importorskip("numpy")
pytest.importorskip("webrtcvad")

from practice_bot.config import Settings
from practice_bot.llm.consent import remember_consent
from practice_bot.session.plan import SessionConfig
from practice_bot.voice import libs
from practice_bot.voice.libs import VoiceUnavailable
from tests.tui.tui_testkit import journal_lines, make_app, screen_name, screen_text, wait_until
from tests.voice.fake_audio_server import verbose
from tests.voice.fake_sounddevice import FakeInputStream, fake_sounddevice

BASE = "http://stt.test/v1"
URL = f"{BASE}/audio/transcriptions"
FIXTURE = Path(__file__).parents[1] / "voice" / "fixtures" / "gaps.wav"
SAID = "I scoped it with the operations lead EVIDENCE:model-scoping/pass-1 um and agreed the metric"
PRACTICE = SessionConfig(mode="practice", apprentice="Alex", topics=["model-scoping"], seed=1)
MOCK = SessionConfig(mode="mock", apprentice="Alex", topics=["model-scoping"], seed=1)


@pytest.fixture(autouse=True)
def microphone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libs, "sounddevice", lambda: fake_sounddevice(FIXTURE))


def voice_settings(folder: Path, **extra: Any) -> Settings:
    return Settings(transcripts=folder, scorer="offline", audio_base_url=BASE, retries=0, **extra)


def notices(app: Any) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def speak(pilot: Any, app: Any) -> None:
    """F6, wait for the whole 'answer' to be heard (the meter moving on the way), F6."""
    await pilot.press("f6")
    await wait_until(pilot, lambda: "● Recording" in screen_text(app), what="recording")
    await wait_until(pilot, lambda: "█" in screen_text(app), what="the level meter moving")
    await wait_until(pilot, FakeInputStream.finished.is_set, what="the answer spoken")
    await pilot.press("f6")


async def test_practice_review_before_send(folder: Path, httpx2_mock: respx.Router) -> None:
    route = httpx2_mock.post(URL).respond(200, json=verbose(SAID))
    app = make_app(voice_settings(folder), config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app), what="first question")
        await pilot.press("f6")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen", what="consent")
        assert "Where your recordings go" in screen_text(app)
        await pilot.press("y")
        await wait_until(pilot, lambda: "● Recording" in screen_text(app), what="recording")
        await wait_until(pilot, lambda: "█" in screen_text(app), what="the level meter")
        assert "F6 stops" in screen_text(app)
        await wait_until(pilot, FakeInputStream.finished.is_set)
        await pilot.press("f6")
        box = app.screen.query_one("#answer")
        await wait_until(pilot, lambda: box.text == SAID, what="the transcript in the box")
        assert "● Recording" not in screen_text(app)
        assert "Delivery:" in screen_text(app)  # practice: the figures show at once
        assert "Read it through" in notices(app)
        journal = journal_lines(folder)
        assert '"kind": "recording"' in journal and SAID not in journal  # not sent until F2
        assert route.call_count == 1

        box.insert(" (corrected)")  # the learner edits before sending
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen", what="feedback")
        [answer] = app.session.engine.transcript.answers()
        assert answer.text.endswith("(corrected)")
        assert answer.spoken is not None and answer.spoken.delivery is not None
        assert answer.spoken.delivery.long_pauses == 1
        assert answer.spoken.model == "whisper-1"


async def test_mock_sends_as_spoken(folder: Path, httpx2_mock: respx.Router) -> None:
    httpx2_mock.post(URL).respond(200, json=verbose(SAID))
    settings = voice_settings(folder)
    remember_consent(settings.audio_url)
    app = make_app(settings, config=MOCK)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.session.engine.current_question is not None)
        first = app.session.engine.current_question
        await speak(pilot, app)
        engine = app.session.engine
        await wait_until(pilot, lambda: engine.transcript.answers(), what="the answer sent")
        assert engine.transcript.answers()[0].text == SAID
        assert engine.transcript.answers()[0].spoken is not None
        assert app.screen.query_one("#answer").text == ""
        assert "Delivery:" not in screen_text(app)  # no feedback in a mock until the end
        await wait_until(pilot, lambda: engine.current_question not in (None, first))
        await pilot.press("f10")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen", what="the report")
        chart = str(app.screen.query_one("#delivery").content)
        assert chart.startswith("1 spoken answer:")
        assert "█" in chart and "─" in chart  # the answer's timeline, its long pause marked


async def test_mock_can_review_first(folder: Path, httpx2_mock: respx.Router) -> None:
    httpx2_mock.post(URL).respond(200, json=verbose(SAID))
    settings = voice_settings(folder, review_spoken_mock=True)
    remember_consent(settings.audio_url)
    app = make_app(settings, config=MOCK)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.session.engine.current_question is not None)
        await speak(pilot, app)
        box = app.screen.query_one("#answer")
        await wait_until(pilot, lambda: box.text == SAID, what="the transcript to review")
        assert app.session.engine.transcript.answers() == []


async def test_failed_transcription_keeps_recording_and_retries(
    folder: Path, httpx2_mock: respx.Router
) -> None:
    route = httpx2_mock.post(URL).mock(
        side_effect=[httpx.Response(502, json={"error": {"message": "bad gateway"}}),
                     httpx.Response(200, json=verbose(SAID))]
    )  # fmt: skip
    settings = voice_settings(folder)
    remember_consent(settings.audio_url)
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.session.engine.current_question is not None)
        await speak(pilot, app)
        await wait_until(pilot, lambda: "F7 tries" in notices(app), what="the failure said")
        assert "server error" in notices(app)
        [kept] = list(folder.glob("*-audio/answer-001.wav"))
        events = [json.loads(line) for line in journal_lines(folder).splitlines()]
        kinds = [r["event"]["kind"] for r in events if r["kind"] == "event"]
        assert kinds[-2:] == ["recording", "transcription_failed"]
        await pilot.press("f7")
        box = app.screen.query_one("#answer")
        await wait_until(pilot, lambda: box.text == SAID, what="the retried transcript")
        assert route.call_count == 2 and kept.exists()


async def test_missing_portaudio_is_a_message(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> Any:
        raise VoiceUnavailable(f"cannot record: {libs.PORTAUDIO_HINT}")

    monkeypatch.setattr(libs, "sounddevice", missing)
    settings = Settings(transcripts=folder, scorer="offline")
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.session.engine.current_question is not None)
        await pilot.press("f6")
        await wait_until(pilot, lambda: "libportaudio2" in notices(app), what="the fix named")
        assert screen_name(app) == "DiscussionScreen"
        assert "● Recording" not in screen_text(app)
        await pilot.press(*"typing still works")
        assert app.screen.query_one("#answer").text == "typing still works"


async def test_without_endpoint_figures_and_typing(folder: Path) -> None:
    app = make_app(Settings(transcripts=folder, scorer="offline"), config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.session.engine.current_question is not None)
        await speak(pilot, app)
        await wait_until(pilot, lambda: "speech-to-text endpoint" in notices(app))
        assert "Delivery:" in screen_text(app)
        assert app.screen.query_one("#answer").text == ""
        assert app.session.engine.transcript.answers() == []


async def test_resumed_session_offers_the_kept_recording(
    folder: Path, httpx2_mock: respx.Router
) -> None:
    from practice_bot.session.factory import start_session
    from practice_bot.voice.answers import VoiceAnswers

    httpx2_mock.post(URL).respond(200, json=verbose(SAID))
    settings = voice_settings(folder)
    remember_consent(settings.audio_url)
    crashed = start_session(PRACTICE, settings)
    crashed.engine.next_question()
    VoiceAnswers(crashed.engine, crashed.journal_path, settings).adopt(FIXTURE)
    app = make_app(settings, resume=crashed.journal_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "F7 transcribes it" in notices(app), what="the offer")
        await pilot.press("f7")
        box = app.screen.query_one("#answer")
        await wait_until(pilot, lambda: box.text == SAID, what="the kept recording transcribed")


async def test_questions_read_aloud_when_set(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import practice_bot.voice.speech as speech

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng not installed")
    played: list[Path] = []
    monkeypatch.setattr(speech, "play", played.append)  # no sound card here
    settings = Settings(
        transcripts=folder, scorer="offline", read_aloud=True, speech_engine="offline"
    )
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.session.engine.current_question is not None)
        question = app.session.engine.current_question
        await wait_until(pilot, lambda: played, what="the question played")
        events = app.session.engine.transcript.events
        await wait_until(pilot, lambda: any(e.kind == "read_aloud" for e in events))
        [read] = [e for e in events if e.kind == "read_aloud"]
        index, seconds = read.detail.split(":")
        assert int(index) == question.index and float(seconds) > 0.5
        assert played[0].parent.name == "speech-cache"
