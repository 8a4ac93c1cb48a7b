"""The real capture path: a PulseAudio daemon of our own (user mode, its socket in the test's folder),
a null sink, espeak-ng speech with known gaps played into it, and the app's Recorder reading the sink's
monitor through PortAudio's ALSA `pulse` device. Bounded in time; the daemon is stopped by its PID.

.ci/run installs pulseaudio, espeak-ng, libportaudio2 and libasound2-plugins (the ALSA `pulse` device).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.voice.make_fixtures import LAYOUTS

FIXTURE = Path(__file__).parent / "fixtures" / "gaps.wav"
SINK = "practice_bot_test"
START_TIMEOUT = 10.0

needs = [p for p in ("pulseaudio", "pactl", "paplay") if shutil.which(p) is None]
pytestmark = pytest.mark.skipif(bool(needs), reason=f"not installed: {', '.join(needs)}")

# Runs in a child process, so PortAudio starts with the daemon already up and the environment set.
CAPTURE = r"""
import json, subprocess, sys, time
from pathlib import Path
from practice_bot.voice.recorder import Recorder
from practice_bot.voice.wavio import read_mono
from practice_bot.voice.delivery import measure

out, fixture = Path(sys.argv[1]), sys.argv[2]
levels = []
rec = Recorder(device="pulse", on_level=levels.append)
rec.start(out)
time.sleep(0.5)
subprocess.run(["paplay", "--device=" + sys.argv[3], fixture], check=True, timeout=30)
time.sleep(0.5)
result = rec.stop()
d = measure(read_mono(result.path))
print(json.dumps({"seconds": result.seconds, "peak": result.peak, "silent": result.silent,
                  "levels": len(levels), "loudest": max(levels), "delivery": d.model_dump()}))
"""


@pytest.fixture
def pulse(tmp_path: Path) -> Iterator[dict[str, str]]:
    run = tmp_path / "run"
    home = tmp_path / "home"
    run.mkdir(mode=0o700)
    home.mkdir()
    socket = run / "native"
    env = {**os.environ, "XDG_RUNTIME_DIR": str(run), "HOME": str(home)}
    daemon = subprocess.Popen(
        [
            "pulseaudio", "--daemonize=no", "--system=no", "-n", "--use-pid-file=no",
            "--exit-idle-time=-1", "--disable-shm=yes", "--log-target=stderr",
            "-L", f"module-native-protocol-unix auth-anonymous=1 socket={socket}",
            "-L", f"module-null-sink sink_name={SINK}",
        ],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    client = {**env, "PULSE_SERVER": f"unix:{socket}", "PULSE_SOURCE": f"{SINK}.monitor"}
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if daemon.poll() is not None:
                pytest.fail(f"pulseaudio stopped: {daemon.stderr.read().decode()[-500:]}")  # type: ignore[union-attr]
            ready = subprocess.run(["pactl", "info"], env=client, capture_output=True, timeout=5)
            if ready.returncode == 0:
                break
            time.sleep(0.1)
        else:
            pytest.fail("pulseaudio did not start in time")
        yield client
    finally:
        os.kill(daemon.pid, 15)  # stopped by its PID
        try:
            daemon.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.kill(daemon.pid, 9)
            daemon.wait(timeout=5)
        if daemon.stderr is not None:
            daemon.stderr.close()


def test_records_espeak_speech_from_a_null_sink_monitor(
    pulse: dict[str, str], tmp_path: Path
) -> None:
    pytest.importorskip("sounddevice")
    pytest.importorskip("webrtcvad")
    out = tmp_path / "captured.wav"
    done = subprocess.run(
        [sys.executable, "-c", CAPTURE, str(out), str(FIXTURE), SINK],
        env={**pulse, "PYTHONPATH": str(Path(__file__).parents[2])},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    lead, parts = LAYOUTS["gaps.wav"]
    played = lead + sum(s for _, s in parts)  # the silences alone; the speech adds to them
    assert result["seconds"] > played
    assert not result["silent"] and result["peak"] > 1000
    assert result["levels"] > 100 and result["loudest"] > -30
    d = result["delivery"]
    inner = [s for _, s in parts[:-1]]
    assert d["pauses"] == 2 and d["long_pauses"] == 1
    assert abs(d["longest_pause"] - max(inner)) < 0.3
    assert len(d["speech"]) == len(parts)
    assert d["thinking_seconds"] >= lead - 0.2  # the recorder started before the playback did
    assert oct(out.stat().st_mode & 0o777) == "0o600"
