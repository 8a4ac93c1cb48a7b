"""Learner names typed on the sign-in form: checked before anything else sees them."""

from __future__ import annotations

import unicodedata

MAX_NAME = 60


def clean_name(raw: str) -> str:
    """The name with runs of spaces made one; ValueError says plainly what is wrong with it."""
    name = " ".join(raw.split())
    if not name:
        raise ValueError("Please type your name.")
    if len(name) > MAX_NAME:
        raise ValueError(f"Please use at most {MAX_NAME} characters for your name.")
    for ch in name:
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            raise ValueError("Your name may only hold letters, digits, spaces and punctuation.")
    if name.startswith("-"):
        raise ValueError("Your name may not start with '-'.")
    return name


def learner_key(name: str) -> str:
    """One live session per key: names differing only in case, spacing or Unicode form are one
    learner."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
