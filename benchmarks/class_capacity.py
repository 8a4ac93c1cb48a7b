"""Capacity of `practice-bot serve` on this machine: simulated learners over loopback, each a real
sign-in, a real websocket and a real learner app process, the screen kept in a pyte terminal.

Reports:
  * time to first screen (sign-in to the empty answer box drawn) with every learner
    arriving at once, and with arrivals spread evenly over --spread seconds;
  * keystroke echo latency while every learner types at --cps characters a second: the time from
    sending the last letter of a word to that word in the terminal output, p50 and p95 (the output is
    searched as bytes: a pyte emulator per learner would cost more CPU than the apps measured);
  * memory per learner: the learner app processes' proportional set size (PSS, shared pages split
    between them) and resident size (RSS), and the server's own growth.

    python benchmarks/class_capacity.py [--learners 30] [--spread 60] [--type-seconds 20]
    python benchmarks/class_capacity.py --spread 10 --type-seconds 8   # a quicker run

Needs the test extra (aiohttp, pyte, textual-serve). Everything listens on 127.0.0.1 and ends with it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from practice_bot.serve.client import ScreenClient
from practice_bot.serve.server import (
    ClassConfig,
    ClassServer,
    learner_argv,
    start_server,
)
from practice_bot.tutor.packs import make_pack, write_pack

CODE = "BENCH234"
READY = "Type your answer here"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(values: list[float]) -> str:
    if not values:
        return "none"
    return (
        f"p50 {pct(values, 50):.2f} s, p95 {pct(values, 95):.2f} s, max {max(values):.2f} s "
        f"(n={len(values)})"
    )


def memory_kib(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of a process in KiB, from /proc."""
    pss = rss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
            elif line.startswith("Rss:"):
                rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of the processes so far, from /proc/PID/stat."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / os.sysconf("SC_CLK_TCK")


def server_rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def arrive(base: str, name: str, delay: float) -> tuple[ScreenClient, float]:
    await asyncio.sleep(delay)
    client = ScreenClient(base, width=120, height=36, emulate=False)
    start = time.monotonic()
    await client.login(name, CODE)
    await client.connect()
    await client.wait_for(READY, timeout=300)
    return client, time.monotonic() - start


KEYS_SENT = [0]


async def type_words(client: ScreenClient, seconds: float, cps: float, me: int) -> list[float]:
    """Type words of 5 letters and a space at `cps`; the echo of each word's last letter."""
    latencies: list[float] = []
    rng = random.Random(me)
    end = time.monotonic() + seconds
    gap = 1.0 / cps
    n = 0
    while time.monotonic() < end:
        word = "".join(rng.choice("bcdfghjkmnpqrstvwxz") for _ in range(4)) + "aeiou"[n % 5]
        n += 1
        for letter in word[:-1]:
            await client.type(letter)
            await asyncio.sleep(gap)
        sent = time.monotonic()
        await client.type(word[-1])
        await client.wait_for(word, timeout=60)
        latencies.append(time.monotonic() - sent)
        await client.type(" ")
        KEYS_SENT[0] += len(word) + 1
        await asyncio.sleep(gap)
    return latencies


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PRACTICE_BOT_CONFIG"] = str(Path(tmp) / "config.toml")
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "xdg")
        out = Path(tmp) / "pack.toml"
        write_pack(make_pack("Capacity", out=out, seed=1, minutes=90, pack_id="capacity"), out)
        server = ClassServer(
            ClassConfig(
                class_name="Capacity", code=CODE, learner_argv=learner_argv(out),
                capacity=args.learners * 2, grace=2.0,
            )
        )  # fmt: skip
        runner, port = await start_server(server, "127.0.0.1", 0)
        base = f"http://127.0.0.1:{port}"
        rss_before = server_rss_kib()
        print(f"{args.learners} learners on {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
        try:
            arrivals = await asyncio.gather(
                *(arrive(base, f"Learner {i:02d}", 0) for i in range(args.learners))
            )
            clients = [c for c, _ in arrivals]
            print("time to first screen, all arriving at once:", summary([t for _, t in arrivals]))

            pids = [s.process.pid for s in server.classroom.seats.values() if s.process.pid]
            idle_from, idle_for = cpu_seconds(pids), 5.0
            await asyncio.sleep(idle_for)
            idle = (cpu_seconds(pids) - idle_from) / idle_for / len(pids)
            print(
                f"CPU of a learner app doing nothing (its clock ticking): {idle * 100:.1f}% of a core"
            )
            typing_from, own_from = cpu_seconds(pids), cpu_seconds([os.getpid()])
            typed = await asyncio.gather(
                *(type_words(c, args.type_seconds, args.cps, i) for i, c in enumerate(clients))
            )
            latencies = [x for per in typed for x in per]
            print(
                f"keystroke echo while all {len(clients)} type at {args.cps:g} chars/s:",
                f"p50 {pct(latencies, 50) * 1000:.0f} ms, p95 {pct(latencies, 95) * 1000:.0f} ms,",
                f"max {max(latencies) * 1000:.0f} ms (n={len(latencies)})",
            )
            per_key = (cpu_seconds(pids) - typing_from) / max(1, KEYS_SENT[0])
            own = cpu_seconds([os.getpid()]) - own_from
            print(f"this benchmark's own CPU while typing: {own / args.type_seconds:.2f} cores")
            print(
                f"learner app CPU per keystroke (redrawing the answer box): {per_key * 1000:.1f} ms,"
                f" so one free core echoes about {1 / per_key:.0f} keystrokes a second"
            )
            mem = [memory_kib(pid) for pid in pids]
            pss = statistics.mean(m[0] for m in mem) / 1024
            rss = statistics.mean(m[1] for m in mem) / 1024
            grew = (server_rss_kib() - rss_before) / 1024 / len(clients)
            print(
                f"memory per learner: PSS {pss:.0f} MiB, RSS {rss:.0f} MiB (app process); "
                f"server +{grew:.1f} MiB per learner"
            )
            await asyncio.gather(*(c.close() for c in clients))
            for _ in range(200):  # wait out the grace period: every process ends
                if not server.classroom.seats:
                    break
                await asyncio.sleep(0.1)

            step = args.spread / args.learners
            arrivals = await asyncio.gather(
                *(arrive(base, f"Later {i:02d}", i * step) for i in range(args.learners))
            )
            print(
                f"time to first screen, arrivals spread over {args.spread:g} s:",
                summary([t for _, t in arrivals]),
            )
            await asyncio.gather(*(c.close() for c, _ in arrivals))
        finally:
            await runner.cleanup()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"benchmark process peak RSS {peak:.0f} MiB; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--spread", type=float, default=60.0, help="seconds arrivals spread over")
    parser.add_argument("--type-seconds", type=float, default=20.0)
    parser.add_argument("--cps", type=float, default=4.0, help="characters a second per learner")
    asyncio.run(main(parser.parse_args()))
