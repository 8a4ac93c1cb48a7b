"""Questions read aloud offline, and the rendered-audio cache keyed by engine, voice and text."""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

import pytest

from practice_bot.errors import UserError
from practice_bot.voice.speech import OfflineEngine, ReadAloud, SpeechCache, offline_engine


class Counting:
    def __init__(self, inner: OfflineEngine) -> None:
        self.inner = inner
        self.name = inner.name
        self.voice = inner.voice
        self.calls = 0

    def render(self, text: str, path: Path) -> None:
        self.calls += 1
        self.inner.render(text, path)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
def test_espeak_renders_once_then_from_cache(tmp_path: Path) -> None:
    engine = offline_engine()
    assert engine is not None and engine.name == "espeak-ng"
    counting = Counting(engine)
    cache = SpeechCache(tmp_path / "cache")
    reader = ReadAloud(counting, cache)
    path, seconds = reader.prepare("Tell me about a model you deployed.")
    again, _ = reader.prepare("Tell me about a model you deployed.")
    assert path == again and counting.calls == 1
    assert 1.0 < seconds < 5.0
    with wave.open(str(path), "rb") as w:
        assert w.getnframes() > 0
    reader.prepare("A different question.")
    assert counting.calls == 2
    assert not list((tmp_path / "cache").glob("*.part"))


def test_cache_key_depends_on_engine_voice_and_text(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    a = OfflineEngine("espeak-ng", "espeak-ng", "en-gb")
    b = OfflineEngine("espeak-ng", "espeak-ng", "en-us")
    c = OfflineEngine("say", "say", "en-gb")
    paths = {cache.path_for(e, "Q") for e in (a, b, c)} | {cache.path_for(a, "Q2")}
    assert len(paths) == 4


def test_engine_failure_is_a_message(tmp_path: Path) -> None:
    broken = OfflineEngine("espeak-ng", "/bin/false")
    with pytest.raises(UserError, match="espeak-ng: could not read the question aloud"):
        SpeechCache(tmp_path).render(broken, "hello")
    reader = ReadAloud(broken, SpeechCache(tmp_path))
    assert reader.speak("hello") == 0.0
    assert reader.last_error is not None and "could not read" in reader.last_error


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
def test_line_mode_reads_each_question_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    import practice_bot.voice.speech as speech
    from practice_bot.config import Settings
    from practice_bot.plain import PlainRunner
    from practice_bot.session.factory import start_session
    from practice_bot.session.plan import SessionConfig
    from practice_bot.voice.answers import VoiceAnswers, read_aloud_for

    played: list[Path] = []
    monkeypatch.setattr(speech, "play", played.append)  # no sound card here
    settings = Settings(transcripts=tmp_path / "t", scorer="offline", read_aloud=True)
    session = start_session(
        SessionConfig(mode="practice", apprentice="Sam", topics=["model-scoping"], seed=3), settings
    )
    reader = read_aloud_for(settings, voice_mode=False)
    assert reader is not None and reader.engine.name == "espeak-ng"
    voice = VoiceAnswers(session.engine, session.journal_path, settings, read_aloud=reader)
    stdin = io.StringIO("/time\n/end\nyes\n")  # the question is shown again after /time
    PlainRunner(session, stdin, io.StringIO(), voice).run()
    reader._thread.join(timeout=10)  # type: ignore[union-attr]
    assert len(played) == 1  # read once, not again when the question was shown again
    reads = [e for e in session.engine.transcript.events if e.kind == "read_aloud"]
    assert len(reads) == 1


def test_say_writes_wave_whatever_the_file_is_called(tmp_path: Path) -> None:
    say = OfflineEngine("say", "/usr/bin/say", "Daniel")
    command = say.command("-starts with a dash", tmp_path / "x.part")
    assert command[:4] == ["/usr/bin/say", "-v", "Daniel", "--file-format=WAVE"]
    assert command[-2:] == ["--", "-starts with a dash"]  # text never read as an option
    espeak = OfflineEngine("espeak-ng", "espeak-ng")
    assert espeak.command("q", tmp_path / "y.part")[:3] == ["espeak-ng", "-v", "en-gb"]
