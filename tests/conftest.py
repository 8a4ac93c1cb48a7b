"""Shared fixtures. No test reaches the network: outbound socket connections fail the test."""

from __future__ import annotations

import importlib
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from practice_bot.banks.models import Bank, Question
from practice_bot.records.schema import Transcript
from practice_bot.rubric import Rubric, load_rubric
from practice_bot.rubric.models import Criterion, Topic
from practice_bot.scoring.base import Assessment, Evidence, Judgment
from practice_bot.session.clock import FakeClock
from practice_bot.session.engine import Engine
from practice_bot.session.plan import SessionConfig, resolve_topics
from tests.cli_kit import Ran, run_cli

# The environment every test runs in, pinned once before collection (Textual reads TEXTUAL_* when it is
# imported, and NO_COLOR when an app starts), so nothing a user's shell exports changes a result and no
# test writes into the user's real home or data folder. Per-test folders are set by `isolated_dirs`.
_PINNED = {"TERM": "xterm-256color"}
_CLEARED_PREFIXES = ("PRACTICE_BOT_", "OPENAI_", "TEXTUAL_")
_CLEARED = ("NO_COLOR", "FORCE_COLOR", "COLORTERM", "COLUMNS", "LINES", "TIKTOKEN_CACHE_DIR")
# Set by pytest-textual-snapshot for its xdist workers, not by the caller.
_KEPT = ("TEXTUAL_SNAPSHOT_TEMPDIR",)
_HOME_VARS = {
    "HOME": "home",
    "XDG_CONFIG_HOME": "xdg-config",
    "XDG_DATA_HOME": "xdg-data",
    "XDG_STATE_HOME": "xdg-state",
    "XDG_CACHE_HOME": "xdg-cache",
    "XDG_RUNTIME_DIR": "xdg-runtime",
}
_saved_environ: dict[str, str] = {}
TEST_TEMP_PREFIX = "pb-test-"  # each test's own temporary folder (isolated_dirs)


def pin_environment(root: Path) -> None:
    """Clear or set everything the suite depends on; home and XDG folders under `root`."""
    for name in list(os.environ):
        if (name in _CLEARED or name.startswith(_CLEARED_PREFIXES)) and name not in _KEPT:
            del os.environ[name]
    os.environ.update(_PINNED)
    for name, sub in _HOME_VARS.items():
        folder = root / sub
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.environ[name] = str(folder)


def _reread_textual_settings() -> None:
    """pytest-textual-snapshot imports Textual as a plugin, before this file pins anything, and Textual
    reads TEXTUAL_* once, when imported: read them again from the pinned environment."""
    constants = sys.modules.get("textual.constants")
    if constants is None:
        return
    importlib.reload(constants)
    copied = {"textual._styles_cache": "DEBUG", "textual.filter": "DIM_FACTOR"}
    copied["textual.message_pump"] = "SLOW_THRESHOLD"  # (modules that copied a setting by name)
    for module_name, name in copied.items():
        if (module := sys.modules.get(module_name)) is not None:
            setattr(module, name, getattr(constants, name))
    if (app := sys.modules.get("textual.app")) is not None:
        app.App.theme._default = constants.DEFAULT_THEME


def pytest_configure(config: pytest.Config) -> None:
    _saved_environ.update(os.environ)
    pin_environment(Path(tempfile.mkdtemp(prefix="practice-bot-tests-")))
    _reread_textual_settings()


def pytest_unconfigure(config: pytest.Config) -> None:
    home = os.environ.get("HOME", "")
    os.environ.clear()
    os.environ.update(_saved_environ)
    if Path(home).name == "home" and Path(home).parent.name.startswith("practice-bot-tests-"):
        shutil.rmtree(Path(home).parent, ignore_errors=True)


_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> None:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise RuntimeError(f"test tried to reach the network: {address!r}")
    _real_connect(self, address)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    yield


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Config and data folders inside the test's tmp dir (the caller's key, endpoint and settings were
    cleared for the whole run by `pin_environment`)."""
    monkeypatch.setenv("PRACTICE_BOT_CONFIG", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("PRACTICE_BOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    # The last-resort rescue folder lives in the system's temporary folder: each test has its own.
    # A short name in the real one (Chromium's socket path must stay under about 100 characters).
    temp = tempfile.mkdtemp(prefix=TEST_TEMP_PREFIX)
    monkeypatch.setenv("TMPDIR", temp)
    monkeypatch.setattr(tempfile, "tempdir", temp)
    yield
    shutil.rmtree(temp, ignore_errors=True)


@pytest.fixture
def offline_tiktoken(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """tiktoken may not download anything: only the bundled offline encoding is available."""
    import tiktoken.load

    from practice_bot.llm.tokens import counter_for

    real_read = tiktoken.load.read_file

    def read_file(blobpath: str) -> bytes:
        if "://" in blobpath:
            raise OSError(f"network disabled in tests: {blobpath}")
        return real_read(blobpath)

    monkeypatch.setattr(tiktoken.load, "read_file", read_file)
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path / "tiktoken-cache"))
    counter_for.cache_clear()
    yield
    counter_for.cache_clear()


@pytest.fixture(scope="session")
def rubric() -> Rubric:
    return load_rubric()


def synthetic_banks(rubric: Rubric, probes_per_criterion: int = 3) -> dict[str, Bank]:
    """Small generated banks: 4 openings per topic and N probes per criterion, for engine tests."""
    banks = {}
    for t in rubric.topics:
        openings = tuple(
            Question(id=f"{t.id}/opening-{i}", topic=t.id, kind="opening",
                     text=f"Opening {i} about {t.name}?", targets=tuple(c.id for c in t.criteria))
            for i in range(1, 5)
        )  # fmt: skip
        probes = tuple(
            Question(id=f"{t.id}/probe-{c.short}-{i}", topic=t.id, kind="probe",
                     text=f"Probe {i} for {c.id}?", targets=(c.id,))
            for c in t.criteria
            for i in range(1, probes_per_criterion + 1)
        )  # fmt: skip
        banks[t.id] = Bank(topic=t.id, openings=openings, probes=probes)
    return banks


class TokenScorer:
    """A test double: a criterion is evidenced when the answer contains `EVIDENCE:<criterion id>`,
    partly with `PARTLY:<criterion id>`. Deterministic and obvious, so engine tests test the engine."""

    name = "token"

    def __init__(self) -> None:
        self.calls = 0

    def score(
        self, answer: str, question: str, topic: Topic, criteria: Sequence[Criterion]
    ) -> Assessment:
        self.calls += 1
        out = []
        for c in criteria:
            for word, status in ((f"EVIDENCE:{c.id}", "evidenced"), (f"PARTLY:{c.id}", "partly")):
                i = answer.find(word)
                if i >= 0:
                    ev = [Evidence(quote=word, start=i, end=i + len(word))]
                    out.append(
                        Judgment(criterion_id=c.id, status=status, evidence=ev, scorer="token")
                    )  # type: ignore[arg-type]
                    break
            else:
                out.append(Judgment(criterion_id=c.id, status="not_yet", scorer="token"))
        return Assessment(judgments=out, scorer="token")


def make_engine(
    rubric: Rubric,
    config: SessionConfig,
    clock: FakeClock | None = None,
    banks: dict[str, Bank] | None = None,
    scorer: TokenScorer | None = None,
) -> Engine:
    clock = clock or FakeClock()
    transcript = Transcript(
        id="t1",
        apprentice=config.apprentice,
        mode=config.mode,
        topics=resolve_topics(config, rubric),
        seed=config.seed,
        minutes=config.session_minutes,
        started_at=clock.now(),
        target_criteria=config.target_criteria,
    )
    return Engine(
        config,
        rubric,
        banks or synthetic_banks(rubric),
        scorer or TokenScorer(),
        transcript,
        clock=clock,
    )


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., Ran]:
    """practice-bot's command line, run in tmp_path: `cli("banks", "check", stdin="", env={...})`.
    In-process unless `process=True` (see tests/cli_kit.py)."""

    def run(
        *args: str | Path,
        stdin: str | bytes = "",
        env: dict[str, str] | None = None,
        process: bool = False,
        timeout: float = 120,
    ) -> Ran:
        return run_cli(args, stdin, cwd=tmp_path, env=env, process=process, timeout=timeout)

    return run
