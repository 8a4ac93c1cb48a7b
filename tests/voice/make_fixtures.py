"""Make the committed speech fixtures: espeak-ng phrases joined by silences of known length.

Run from the repository root (needs espeak-ng and the voice extra):
    python tests/voice/make_fixtures.py
The layout of each fixture is in LAYOUTS; tests read it from here so they check the gaps the files hold.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import wave
from pathlib import Path

HERE = Path(__file__).parent / "fixtures"
RATE = 8_000  # small files; the app resamples to 16 kHz as it reads them

# name -> leading silence, then (phrase, silence after it) pairs; seconds.
LAYOUTS: dict[str, tuple[float, list[tuple[str, float]]]] = {
    "gaps.wav": (
        1.0,
        [
            ("I trained the model on last year's data", 0.6),
            ("then I checked it for drift", 2.5),
            ("and we deployed it", 0.3),
        ],
    ),
}


def render(text: str) -> tuple[list[int], int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "p.wav"
        subprocess.run(["espeak-ng", "-v", "en-gb", "-s", "160", "-w", str(out), text], check=True)
        with wave.open(str(out), "rb") as w:
            rate = w.getframerate()
            raw = w.readframes(w.getnframes())
    import numpy as np

    data = np.frombuffer(raw, "<i2").astype(np.float64)
    # espeak-ng pads each phrase with silence; trim it so the layout's gaps are the real gaps
    loud = np.nonzero(np.abs(data) > 300)[0]
    data = data[loud[0] : loud[-1] + 1]
    count = round(len(data) * RATE / rate)
    resampled = np.interp(np.arange(count) * (rate / RATE), np.arange(len(data)), data)
    return [int(v) for v in resampled], RATE


def build(name: str) -> Path:
    import numpy as np

    lead, parts = LAYOUTS[name]
    pieces = [np.zeros(int(lead * RATE))]
    for text, silence in parts:
        samples, _ = render(text)
        pieces += [np.array(samples, dtype=np.float64), np.zeros(int(silence * RATE))]
    audio = np.concatenate(pieces).astype("<i2")
    path = HERE / name
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(audio.tobytes())
    return path


def main() -> int:
    for name in LAYOUTS:
        print(build(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
