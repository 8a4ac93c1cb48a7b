"""The transcription and speech clients at the HTTP boundary: respx (through httpcore2) and a loopback
server. Every request is checked against OpenAI's published request schemas (tests/data/openai/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from jsonschema import Draft202012Validator

from practice_bot.config import Settings
from practice_bot.errors import UserError
from practice_bot.llm.audio import EndpointSpeech, Transcriber, TranscriptionFailed
from tests.voice.fake_audio_server import (
    Reply,
    fake_audio_server,
    parse_multipart,
    tiny_wav,
    verbose,
)

BASE = "http://audio.test/v1"
URL = f"{BASE}/audio/transcriptions"
KEY = "sk-audio-test-key-never-written-5b1e"
SCHEMAS = Path(__file__).parents[1] / "data" / "openai" / "audio_requests.schema.json"


def validator(name: str) -> Draft202012Validator:
    doc = json.loads(SCHEMAS.read_text(encoding="utf-8"))
    return Draft202012Validator({**doc, "$ref": f"#/components/schemas/{name}"})


def as_body(fields: dict[str, list[str]], files: dict[str, Any]) -> dict[str, Any]:
    """Multipart fields as the JSON body the schema describes (arrays from `name[]`)."""
    body: dict[str, Any] = {name: "<binary>" for name in files}
    for name, values in fields.items():
        if name.endswith("[]"):
            body[name[:-2]] = values
        elif name == "temperature":
            body[name] = float(values[0])
        else:
            body[name] = values[0]
    return body


def check_transcription_request(
    fields: dict[str, list[str]], files: dict[str, Any]
) -> dict[str, Any]:
    body = as_body(fields, files)
    errors = list(validator("CreateTranscriptionRequest").iter_errors(body))
    assert not errors, errors[0].message
    return body


def multipart(request: httpx.Request | Any) -> tuple[dict[str, list[str]], dict[str, Any]]:
    return parse_multipart(request.headers["content-type"], request.content)


def settings(**extra: Any) -> Settings:
    values: dict[str, Any] = {"audio_base_url": BASE, "audio_api_key": KEY, "retries": 1}
    values.update(extra)
    return Settings(**values)


@pytest.fixture
def recording(tmp_path: Path) -> Path:
    path = tmp_path / "answer-1.wav"
    path.write_bytes(tiny_wav(0.5))
    return path


def transcriber(sleeps: list[float] | None = None, **extra: Any) -> Transcriber:
    return Transcriber.from_settings(
        settings(**extra), sleep=(sleeps if sleeps is not None else []).append
    )


def test_asks_for_word_timestamps_with_the_domain_prompt(
    httpx2_mock: respx.Router, recording: Path
) -> None:
    route = httpx2_mock.post(URL).respond(
        200,
        json=verbose(
            "I checked for drift",
            [("I", 0.4, 0.5), ("checked", 0.5, 0.9), ("for", 1.5, 1.6), ("drift", 1.6, 2.0)],
        ),
    )
    result = transcriber(transcription_model="my-whisper").transcribe(
        recording, "Tell me about monitoring."
    )
    assert result.text == "I checked for drift" and result.word_timestamps
    assert result.words[1] == ("checked", 0.5, 0.9)
    assert (result.model, result.endpoint, result.duration) == (
        "my-whisper",
        "http://audio.test/v1",
        3.0,
    )
    request = route.calls.last.request
    assert request.headers["authorization"] == f"Bearer {KEY}"
    fields, files = multipart(request)
    body = check_transcription_request(fields, files)
    assert body["model"] == "my-whisper"
    assert body["response_format"] == "verbose_json"
    assert body["timestamp_granularities"] == ["word"]
    assert body["language"] == "en"
    assert "Tell me about monitoring." in body["prompt"] and "drift" in body["prompt"]
    assert files["file"] == ("answer-1.wav", recording.read_bytes())


def test_words_absent_is_not_an_error(httpx2_mock: respx.Router, recording: Path) -> None:
    httpx2_mock.post(URL).respond(200, json=verbose("no timings here"))
    result = transcriber().transcribe(recording)
    assert result.text == "no timings here" and result.words == [] and not result.word_timestamps


def test_server_without_verbose_json_is_asked_plainly(
    httpx2_mock: respx.Router, recording: Path
) -> None:
    route = httpx2_mock.post(URL).mock(
        side_effect=[
            httpx.Response(
                400, json={"error": {"message": "response_format verbose_json is not supported"}}
            ),
            httpx.Response(200, json={"text": "plain text"}),
            httpx.Response(200, json={"text": "second answer"}),
        ]
    )
    t = transcriber()
    assert t.transcribe(recording).text == "plain text"
    assert t.transcribe(recording).text == "second answer"  # straight to json the second time
    bodies = [check_transcription_request(*multipart(c.request)) for c in route.calls]
    assert [b["response_format"] for b in bodies] == ["verbose_json", "json", "json"]
    assert "timestamp_granularities" not in bodies[1]


def test_server_error_retried_then_succeeds(httpx2_mock: respx.Router, recording: Path) -> None:
    httpx2_mock.post(URL).mock(
        side_effect=[
            httpx.Response(503, json={"error": {"message": "busy"}}),
            httpx.Response(200, json=verbose("ok")),
        ]
    )
    sleeps: list[float] = []
    assert transcriber(sleeps).transcribe(recording).text == "ok"
    assert sleeps == [1.0]


@pytest.mark.parametrize(
    ("effect", "words"),
    [
        (httpx.Response(500, json={"error": {"message": "boom"}}), "server error"),
        (httpx.ReadTimeout("slow"), "did not answer in time"),
        (httpx.ConnectError("refused"), "could not connect"),
        (httpx.Response(200, text="<html>proxy</html>"), "malformed"),
    ],
)
def test_failures_keep_the_recording(
    httpx2_mock: respx.Router, recording: Path, effect: Any, words: str
) -> None:
    before = recording.read_bytes()
    route = httpx2_mock.post(URL).mock(side_effect=[effect, effect])
    with pytest.raises(TranscriptionFailed) as caught:
        transcriber().transcribe(recording)
    message = str(caught.value)
    assert words in message and str(recording) in message and "type your answer" in message
    assert route.call_count == 2  # one retry
    assert recording.read_bytes() == before


def test_bad_key_not_retried_and_not_echoed(httpx2_mock: respx.Router, recording: Path) -> None:
    route = httpx2_mock.post(URL).respond(401, json={"error": {"message": f"bad key {KEY}"}})
    with pytest.raises(TranscriptionFailed, match=r"refused the API key \(401\)") as caught:
        transcriber().transcribe(recording)
    assert route.call_count == 1
    assert KEY not in str(caught.value)


def test_audio_settings_default_to_the_chat_endpoint(
    httpx2_mock: respx.Router, recording: Path
) -> None:
    route = httpx2_mock.post("http://chat.test/v1/audio/transcriptions").respond(
        200, json=verbose("hi")
    )
    s = Settings(OPENAI_API_KEY="sk-chat", OPENAI_BASE_URL="http://chat.test/v1")
    assert s.transcription_configured
    Transcriber.from_settings(s).transcribe(recording)
    assert route.calls.last.request.headers["authorization"] == "Bearer sk-chat"


def test_speech_renders_wav_and_validates(httpx2_mock: respx.Router, tmp_path: Path) -> None:
    route = httpx2_mock.post(f"{BASE}/audio/speech").respond(
        200, content=tiny_wav(), headers={"content-type": "audio/wav"}
    )
    engine = EndpointSpeech(settings(speech_voice="verse", speech_model="my-tts"))
    out = tmp_path / "q.wav"
    engine.render("What did you monitor?", out)
    assert out.read_bytes().startswith(b"RIFF")
    body = json.loads(route.calls.last.request.content)
    assert body == {
        "model": "my-tts",
        "voice": "verse",
        "input": "What did you monitor?",
        "response_format": "wav",
    }
    errors = list(validator("CreateSpeechRequest").iter_errors(body))
    assert not errors, errors[0].message
    assert engine.name == "http://audio.test/v1 my-tts" and engine.voice == "verse"


def test_speech_failure_is_a_message(httpx2_mock: respx.Router, tmp_path: Path) -> None:
    httpx2_mock.post(f"{BASE}/audio/speech").respond(200, content=b"not audio")
    with pytest.raises(UserError, match="sent no WAV audio"):
        EndpointSpeech(settings()).render("Q?", tmp_path / "q.wav")
    assert not (tmp_path / "q.wav").exists()


def test_loopback_server_round_trip(recording: Path) -> None:
    replies = [
        Reply(500, {"error": {"message": "warming up"}}),
        Reply(200, verbose("spoken", [("spoken", 0.3, 0.8)])),
    ]
    with fake_audio_server(replies) as server:
        t = Transcriber.from_settings(
            Settings(audio_base_url=server.base_url, retries=1), sleep=lambda s: None
        )
        result = t.transcribe(recording)
    assert result.text == "spoken" and result.words == [("spoken", 0.3, 0.8)]
    assert len(server.transcriptions) == 2
    fields = server.transcriptions[-1].fields
    check_transcription_request(fields, server.transcriptions[-1].files)
    assert fields["timestamp_granularities[]"] == ["word"]


def test_audio_key_refused_in_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        'audio_api_key = "sk-in-a-file"\ntranscription_model = "x"\n', encoding="utf-8"
    )
    monkeypatch.setenv("PRACTICE_BOT_CONFIG", str(config))
    with pytest.raises(UserError, match="audio_api_key: keep the key out of files"):
        Settings()


def test_audio_models_are_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('transcription_model = "Systran/faster-whisper-small"\n', encoding="utf-8")
    monkeypatch.setenv("PRACTICE_BOT_CONFIG", str(config))
    monkeypatch.setenv("PRACTICE_BOT_SPEECH_MODEL", "speaches-ai/Kokoro-82M-v1.0-ONNX")
    s = Settings()
    assert (s.transcription_model, s.speech_model) == (
        "Systran/faster-whisper-small",
        "speaches-ai/Kokoro-82M-v1.0-ONNX",
    )
    assert not s.transcription_configured and s.audio_url is None


def test_oversized_recording_refused_before_sending(
    httpx2_mock: respx.Router, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import practice_bot.llm.audio as audio

    monkeypatch.setattr(audio, "MAX_UPLOAD", 1000)
    big = tmp_path / "long.wav"
    big.write_bytes(tiny_wav(1.0))  # 32 kB
    with pytest.raises(UserError, match=r"long\.wav: .*25 MB.*the recording is kept"):
        transcriber().transcribe(big)
    assert not httpx2_mock.calls and big.exists()


def test_text_that_is_not_utf8_is_made_storable(httpx2_mock: respx.Router, recording: Path) -> None:
    httpx2_mock.post(URL).respond(200, content=b'{"text": "drift \\ud800 checked"}')
    text = transcriber().transcribe(recording).text
    text.encode("utf-8")  # would raise for a lone surrogate
    assert text.startswith("drift \ufffd") and text.endswith(" checked")


def test_audio_key_is_redacted_everywhere_the_app_writes() -> None:
    from practice_bot.textsafe import redact

    Settings(
        audio_api_key=KEY, audio_base_url="http://u:pw-secret-77xyz@127.0.0.1:9/v1?key=qk-55abcdef9"
    )
    said = redact(
        f"server said: bad key {KEY} at http://u:pw-secret-77xyz@127.0.0.1:9/v1?key=qk-55abcdef9"
    )
    assert KEY not in said and "pw-secret-77xyz" not in said and "qk-55abcdef9" not in said
