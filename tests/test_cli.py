"""The command line's parser: every command module listed must import, so a mistyped or broken one is
an error at once rather than a command silently missing from `--help`."""

from __future__ import annotations

import argparse

import pytest

from practice_bot import cli


def commands(parser: argparse.ArgumentParser) -> set[str]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def test_every_listed_module_registers_its_commands() -> None:
    assert {"mock", "practice", "drill", "resume", "review", "rescore", "eval"} <= commands(
        cli.build_parser()
    )


def test_a_mistyped_command_module_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    listed = (*cli.COMMAND_MODULES, "practice_bot.commands.reveiw")
    monkeypatch.setattr(cli, "COMMAND_MODULES", listed)
    with pytest.raises(ModuleNotFoundError, match="reveiw"):
        cli.build_parser()
