"""Which build of the offline scorer is running: its hot modules compiled with mypyc (what
`pip install .` makes when a C compiler is there; see hatch_build.py) or the pure-Python sources."""

from __future__ import annotations

import importlib

# The modules the build hook compiles (pyproject.toml lists the same files; a test keeps them equal).
COMPILED_MODULES = (
    "analysis",
    "concepts",
    "defences",
    "injection",
    "lexicon",
    "markers",
    "offline",
    "reasons",
    "text",
)


def compiled_modules() -> list[str]:
    """The scorer modules that were loaded from compiled extensions."""
    out = []
    for name in COMPILED_MODULES:
        module = importlib.import_module(f"practice_bot.scoring.{name}")
        if not (module.__file__ or "").endswith(".py"):
            out.append(name)
    return out


def describe() -> str:
    """One phrase for benchmarks and diagnostics: "compiled with mypyc" or "pure Python"."""
    got = compiled_modules()
    if len(got) == len(COMPILED_MODULES):
        return "compiled with mypyc"
    if got:
        return f"partly compiled with mypyc ({', '.join(got)})"
    return "pure Python"
