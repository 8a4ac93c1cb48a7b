"""Small reliability and security fixes, each through the real CLI: purge and settings refuse numbers
that are not numbers of days or seconds (no traceback, no hang), a model name with an escape is
refused, a base URL's `user:password@` never reaches a journal however short, API keys in the config
file are refused wherever they are, listings and report do not follow symlinks out of the folder, and
the consent question reads as a sentence."""

from __future__ import annotations

import json

import pytest

from practice_bot.config import Settings
from practice_bot.records.journal import Journal
from practice_bot.records.schema import Transcript
from practice_bot.records.store import create_journal
from tests.reliability.reliability_kit import cli_env, escapes_in, finals, run_cli


@pytest.mark.parametrize("days", ["nan", "inf", "1e308", "-1"])
def test_purge_refuses_days_that_are_not_days(tmp_path, days):
    (tmp_path / "t").mkdir()
    r = run_cli(["purge", "--older-than", days, "--transcripts", str(tmp_path / "t")], "", tmp_path)
    err = r.stderr.decode()
    assert "Traceback" not in err
    if days == "1e308":  # a real number, just longer ago than any date: nothing is that old
        assert r.returncode == 0, err
    else:
        assert r.returncode == 2 and err.startswith("practice-bot: --older-than"), err


@pytest.mark.parametrize(
    ("name", "value", "field"),
    [
        ("PRACTICE_BOT_TIMEOUT", "inf", "timeout"),
        ("PRACTICE_BOT_TIMEOUT", "nan", "timeout"),
        ("PRACTICE_BOT_TIMEOUT", "0", "timeout"),
        ("PRACTICE_BOT_RETRIES", "1000000000", "retries"),
        ("PRACTICE_BOT_MODEL", "gpt\x1b]0;owned\x07", "model"),
        ("OPENAI_BASE_URL", "not a url", "OPENAI_BASE_URL"),
        ("OPENAI_BASE_URL", "localhost:11434/v1", "OPENAI_BASE_URL"),
        ("OPENAI_BASE_URL", "http://:8080/v1", "OPENAI_BASE_URL"),
        ("OPENAI_BASE_URL", "http://host:port/v1", "OPENAI_BASE_URL"),
        ("PRACTICE_BOT_AUDIO_BASE_URL", "ftp://speech.test/v1", "audio_base_url"),
    ],
)
def test_settings_out_of_range_are_a_clear_message(tmp_path, name, value, field):
    env = cli_env(tmp_path, OPENAI_API_KEY="sk-test-0123456789abcdef", **{name: value})
    r = run_cli(["mock", "--plain", "--accept-endpoint", "--transcripts", "t"], "x\n\n/end\n", tmp_path,
                env=env, timeout=30)  # fmt: skip
    err = r.stderr.decode()
    assert r.returncode == 2 and f"settings: {field}:" in err and "Traceback" not in err, err
    assert not escapes_in(r.stdout + r.stderr)


def test_a_short_url_password_never_reaches_a_journal(tmp_path):
    Settings(OPENAI_BASE_URL="http://tutor:pw1@gateway.test:8080/v1?sig=ab1")
    t = Transcript(id="abcd0123", apprentice="x", mode="mock", topics=["model-scoping"], seed=1,
                   minutes=90, started_at="2026-01-01T00:00:00Z")  # fmt: skip
    journal: Journal = create_journal(tmp_path, t)
    echoed = "a hostile endpoint says: http://tutor:pw1@gateway.test:8080/v1?sig=ab1 failed"
    journal.write(
        {"kind": "event", "event": {"kind": "x", "at": "2026-01-01T00:00:00Z", "detail": echoed}}
    )
    text = journal.path.read_text()
    assert "tutor:pw1@" not in text and "sig=ab1" not in text and "[redacted]" in text


@pytest.mark.parametrize(
    "config",
    ['OPENAI_API_KEY = "sk-x"\n', '[llm]\napi_key = "sk-x"\n', 'api_key = "sk-x"\n'],
)
def test_api_keys_in_the_config_file_are_refused(tmp_path, config):
    path = tmp_path / "config.toml"
    path.write_text(config)
    env = cli_env(tmp_path, PRACTICE_BOT_CONFIG=str(path))
    r = run_cli(["history"], "", tmp_path, env=env)
    err = r.stderr.decode()
    assert r.returncode == 2 and f"{path}:" in err and "set OPENAI_API_KEY instead" in err, err


def test_listings_and_report_do_not_follow_symlinks_out_of_the_folder(tmp_path):
    outside = tmp_path / "outside"
    done = run_cli(
        ["mock", "--plain", "--name", "Secret", "--transcripts", str(outside)],
        "x y.\n\n/end\n",
        tmp_path,
    )
    assert done.returncode == 0
    target = finals(outside)[0]
    folder = tmp_path / "class"
    folder.mkdir(mode=0o700)
    (folder / "link.json").symlink_to(target)
    listed = run_cli(["review", "list", str(folder), "--json"], "", tmp_path)
    assert listed.returncode == 0 and "Secret" not in listed.stdout.decode()
    shown = run_cli(["report", str(folder / "link.json")], "", tmp_path)
    assert shown.returncode == 2 and "symbolic link" in shown.stderr.decode()
    assert "Secret" not in shown.stdout.decode()


def test_the_consent_question_reads_as_a_sentence(tmp_path):
    env = cli_env(tmp_path, OPENAI_API_KEY="sk-test-0123456789abcdef")
    r = run_cli(["mock", "--plain", "--transcripts", "t"], "no\n/end\n", tmp_path, env=env)
    out = r.stdout.decode()
    assert "your answers will be sent to https://api.openai.com/v1 (model gpt-4o-mini) to" in out
    assert "sent to answers will be sent to" not in out
    data = json.loads(finals(tmp_path / "t")[0].read_text()) if finals(tmp_path / "t") else None
    assert data is None or data["scorer"] == "offline"


def test_a_mistyped_endpoint_url_is_refused_without_repeating_it(tmp_path):
    """The value may hold a key or password, so the message names the setting, not the value."""
    env = cli_env(tmp_path, OPENAI_BASE_URL="htps//tutor:pw9secret@gateway.test/v1")
    r = run_cli(["doctor"], "", tmp_path, env=env, timeout=30)
    err = r.stderr.decode()
    assert r.returncode == 2 and "settings: OPENAI_BASE_URL: " in err and "http://" in err, err
    assert "pw9secret" not in err + r.stdout.decode() and "Traceback" not in err
