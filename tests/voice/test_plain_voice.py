"""Line mode with `/audio FILE`: a scripted voice session through the real CLI, the transcription
endpoint a loopback server; and the same without an endpoint (figures, typing carries on)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("numpy")
pytest.importorskip("webrtcvad")

from tests.voice.fake_audio_server import Reply, fake_audio_server, verbose

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "gaps.wav"
SPOKEN = (
    "On the fraud model I chose recall at a fixed one percent false positive rate, um, because the "
    "business cared about losses caught, and I agreed the threshold with the operations lead."
)


def run_cli(
    args: list[str], stdin: str, tmp_path: Path, **env_extra: str
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "PRACTICE_BOT_AUDIO_BASE_URL"):
        env.pop(name, None)
    env["PRACTICE_BOT_CONFIG"] = str(tmp_path / "none.toml")
    env["PRACTICE_BOT_DATA_DIR"] = str(tmp_path / "data")
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "practice_bot", *args],
        input=stdin, capture_output=True, text=True, timeout=90, env=env, cwd=tmp_path,
    )  # fmt: skip


def final(folder: Path) -> dict:
    [path] = [p for p in folder.iterdir() if p.name.endswith(".json")]
    return json.loads(path.read_text())


def test_scripted_practice_session_with_a_recording(tmp_path: Path) -> None:
    words = [("On", 1.0, 1.2), ("the", 1.2, 1.3), ("fraud", 1.3, 1.7), ("model", 4.5, 4.9)]
    replies = [
        Reply(503, {"error": {"message": "loading model"}}),
        Reply(200, verbose(SPOKEN, words)),
    ]
    with fake_audio_server(replies) as server:
        out = run_cli(
            ["practice", "--plain", "--topics", "model-scoping", "--name", "Sam",
             "--transcripts", str(tmp_path / "t"), "--seed", "3", "--scorer", "offline"],
            f"/audio {FIXTURE}\nno\n/audio again\nyes\n/audio again\n\n/end\nyes\n",
            tmp_path,
            PRACTICE_BOT_AUDIO_BASE_URL=server.base_url,
            PRACTICE_BOT_RETRIES="0",
        )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr + out.stdout
    said = out.stdout
    # consent first: "no" sends nothing; then the retry is asked again and accepted
    assert said.count("Send recordings to this endpoint? [yes/no]") == 2
    assert "Not sent. Type your answer instead." in said
    # the first attempt meets a 503 (retries off): the recording is kept, /audio again retries it
    assert "Problem: transcription failed: the endpoint had a server error" in said
    assert "Type /audio again to retry" in said
    assert f'Heard: "{SPOKEN}"' in said
    assert "Feedback on Model scoping" in said
    assert "Delivery:" in said and "Pauses over 250 ms: 1 (1 over 2 s" in said
    assert "1 recording deleted" in said
    assert len(server.transcriptions) == 2
    data = final(tmp_path / "t")
    [answer] = [t for t in data["turns"] if t["role"] == "apprentice"]
    assert answer["text"] == SPOKEN
    assert answer["spoken"]["model"] == "whisper-1" and answer["spoken"]["word_timestamps"]
    assert answer["spoken"]["delivery"]["timing"] == "words"
    assert answer["spoken"]["delivery"]["thinking_seconds"] == 1.0
    kinds = [e["kind"] for e in data["events"]]
    assert (
        kinds.count("recording") == 1
        and "transcription_failed" in kinds
        and "audio_deleted" in kinds
    )
    # the recording became the answer, so it went at the end; the folder with it
    assert not any(p.name.endswith("-audio") for p in (tmp_path / "t").iterdir())
    assert "Delivery (spoken answers):" in said  # the end-of-session report


def test_mock_counts_spoken_time_and_keeps_audio_when_asked(tmp_path: Path) -> None:
    with fake_audio_server([Reply(200, verbose(SPOKEN))]) as server:
        out = run_cli(
            ["mock", "--plain", "--name", "Kim", "--transcripts", str(tmp_path / "t"), "--seed", "1",
             "--accept-endpoint"],
            f"/audio {FIXTURE}\n/time\n/end\nyes\n",
            tmp_path,
            PRACTICE_BOT_AUDIO_BASE_URL=server.base_url,
            PRACTICE_BOT_KEEP_AUDIO="true",
        )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "[yes/no]" not in out.stdout.split("End now?")[0]  # --accept-endpoint: not asked
    assert "Feedback" not in out.stdout.split("Report for")[0]
    # the 9.1 s recording counts as session time (plus the moments the process itself took)
    assert re.search(r"Time: 00:(09|1\d) elapsed", out.stdout), out.stdout
    [folder] = [p for p in (tmp_path / "t").iterdir() if p.name.endswith("-audio")]
    assert [p.name for p in folder.iterdir()] == ["answer-001.wav"]
    assert oct(folder.stat().st_mode & 0o777) == "0o700"


def test_without_an_endpoint_figures_and_typing(tmp_path: Path) -> None:
    out = run_cli(
        ["practice", "--plain", "--topics", "model-scoping", "--name", "Ali",
         "--transcripts", str(tmp_path / "t"), "--seed", "3", "--scorer", "offline"],
        f"/audio {FIXTURE}\nA typed answer instead.\n\n/end\nyes\n",
        tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "Spoken answers need a speech-to-text endpoint" in out.stdout
    assert "Delivery figures from your recording:" in out.stdout
    assert "Pauses over 250 ms: 2 (1 over 2 s" in out.stdout
    data = final(tmp_path / "t")
    [answer] = [t for t in data["turns"] if t["role"] == "apprentice"]
    assert answer["text"] == "A typed answer instead." and answer.get("spoken") is None


def test_bad_audio_file_is_named(tmp_path: Path) -> None:
    junk = tmp_path / "notes.wav"
    junk.write_text("not audio")
    out = run_cli(
        ["practice", "--plain", "--topics", "model-scoping", "--transcripts", str(tmp_path / "t"),
         "--seed", "3", "--scorer", "offline"],
        f"/audio {junk}\n/audio {tmp_path / 'missing.wav'}\n/end\nyes\n",
        tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert f"Problem: {junk}: not" in out.stdout
    assert "missing.wav: no such audio file" in out.stdout
    assert "Traceback" not in out.stderr


def test_recording_kept_through_a_crash_is_offered_on_resume(tmp_path: Path) -> None:
    import io

    from practice_bot.config import Settings
    from practice_bot.plain import PlainRunner
    from practice_bot.session.factory import resume_session, start_session
    from practice_bot.session.plan import SessionConfig
    from practice_bot.voice.answers import VoiceAnswers

    with fake_audio_server([Reply(200, verbose(SPOKEN))]) as server:
        settings = Settings(
            transcripts=tmp_path / "t", scorer="offline", audio_base_url=server.base_url
        )
        config = SessionConfig(mode="practice", apprentice="Sam", topics=["model-scoping"], seed=3)
        first = start_session(config, settings)
        first.engine.next_question()
        kept = VoiceAnswers(first.engine, first.journal_path, settings).adopt(FIXTURE)
        # the process dies here: the recording is on disk and on the record, not yet an answer
        again = resume_session(first.journal_path, settings)
        voice = VoiceAnswers(again.engine, again.journal_path, settings)
        assert voice.unused_recordings() == [kept]
        out = io.StringIO()
        runner = PlainRunner(again, io.StringIO("/audio again\n\n/end\nyes\n"), out, voice, True)
        assert runner.run() == 0
    said = out.getvalue()
    assert f"a recording made before is kept in {kept}; /audio again uses it." in said
    assert f'Heard: "{SPOKEN}"' in said
    [answer] = again.engine.transcript.answers()
    assert answer.spoken is not None and answer.spoken.audio == kept.name
