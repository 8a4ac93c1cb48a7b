"""Time to work out the delivery figures of a spoken answer: read the WAV, run the VAD over it, count
words and fillers. The answer is the committed espeak-ng fixture (9.1 s) repeated to the length asked.

Prints the CPU time per minute of audio (median of the runs) and the load average before and after.

    python benchmarks/delivery.py [--minutes 5] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURE = ROOT / "tests" / "voice" / "fixtures" / "gaps.wav"
TEXT = "I trained the model on last year's data um then I checked it for drift and we deployed it"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import numpy as np

    from practice_bot.voice.delivery import measure
    from practice_bot.voice.wavio import RATE, read_mono

    one = read_mono(FIXTURE)
    repeats = max(1, round(args.minutes * 60 * RATE / len(one)))
    audio = np.tile(one, repeats)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answer.wav"
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(audio.astype("<i2").tobytes())
        minutes = len(audio) / RATE / 60
        load_before = os.getloadavg()[0]
        times = []
        for _ in range(args.runs):
            start = time.process_time()
            d = measure(read_mono(path), TEXT * repeats)
            times.append(time.process_time() - start)
        load_after = os.getloadavg()[0]
    per_minute = statistics.median(times) / minutes
    print(
        f"{minutes:.1f} min of audio ({d.pauses} pauses, {d.long_pauses} long): "
        f"{per_minute * 1000:.0f} ms CPU per minute of audio (median of {args.runs})"
    )
    print(f"load average before {load_before:.1f}, after {load_after:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
