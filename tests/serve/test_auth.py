"""The class code, the signed cookie and learner names, without a server."""

from __future__ import annotations

import pytest

from practice_bot.serve.auth import (
    CODE_ALPHABET,
    COOKIE_MAX_AGE,
    AttemptLimiter,
    CookieSigner,
    code_matches,
    new_class_code,
)
from practice_bot.serve.names import clean_name, learner_key
from practice_bot.serve.server import clamp, host_only


def test_codes_are_unambiguous_and_typed_loosely() -> None:
    code = new_class_code()
    assert len(code) == 8 and set(code) <= set(CODE_ALPHABET)
    assert not set("0O1I") & set(CODE_ALPHABET)
    assert code_matches(f" {code[:4].lower()}-{code[4:]} ", code)
    assert not code_matches(code[:-1], code) and not code_matches("", code)


def test_cookie_is_signed_by_this_server_and_expires() -> None:
    signer = CookieSigner()
    cookie = signer.sign("Sam", now=1000)
    assert signer.name_in(cookie, now=1001) == "Sam"
    assert signer.name_in(cookie, now=1000 + COOKIE_MAX_AGE + 1) is None
    assert CookieSigner().name_in(cookie, now=1001) is None  # another run's key
    body, mac = cookie.split(".")
    forged = CookieSigner().sign("Ann", now=1000).split(".")[0]
    assert signer.name_in(f"{forged}.{mac}", now=1001) is None
    for junk in (None, "", "a.b.c", "x" * 2000, f"{body}.", f".{mac}"):
        assert signer.name_in(junk, now=1001) is None


def test_wrong_codes_block_an_address_for_a_while() -> None:
    limiter = AttemptLimiter(limit=3, window=60)
    for t in range(3):
        assert not limiter.blocked("10.0.0.5", now=t)
        limiter.failed("10.0.0.5", now=t)
    assert limiter.blocked("10.0.0.5", now=10) and not limiter.blocked("10.0.0.6", now=10)
    assert not limiter.blocked("10.0.0.5", now=200)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("   ", "type your name"),
        ("x" * 61, "at most 60"),
        ("Sam\x1b[31m", "letters, digits"),
        ("Sam\u202eevil", "letters, digits"),
        ("--pack=/etc/passwd", "start with '-'"),
    ],
)
def test_bad_names_are_refused_with_a_reason(typed: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        clean_name(typed)


def test_names_are_tidied_and_one_learner_whatever_the_case() -> None:
    assert clean_name("  Ann   Lee ") == "Ann Lee"
    assert clean_name("Zoë [b]x[/b]") == "Zoë [b]x[/b]"
    assert learner_key("ANN LEE") == learner_key("ann lee")


def test_sizes_clamp_and_hosts_parse() -> None:
    assert clamp("5000", 40, 250, 80) == 250 and clamp("-3", 12, 100, 24) == 12
    assert clamp("1e9", 40, 250, 80) == 80 and clamp(None, 40, 250, 80) == 80
    assert host_only("example:8000") == "example" and host_only("[::1]:8000") == "::1"
    assert host_only("10.0.0.5") == "10.0.0.5"
