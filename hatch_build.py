"""Build hook: compile the offline scorer's hot modules with mypyc, falling back to pure Python.

The scorer is plain, fully typed Python; mypyc (mypy's compiler, which black and mypy ship with)
turns the listed modules into C extensions, which score answers about a third faster with identical
output (tests/scoring/test_compiled_scorer.py checks both). The compile needs a C compiler: when it
cannot run, or PRACTICE_BOT_PURE_PYTHON=1 is set, or the install is editable, the wheel is the same
pure-Python package as before, so installing never fails because of it.

The compiled files are written beside the sources while the wheel is built (mypyc builds in place) and
removed from the source tree once the wheel is written, so a checkout never runs stale compiled code.
"""

from __future__ import annotations

import copy
import os
import sys
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

try:
    from hatch_mypyc.plugin import MypycBuildHook
except ImportError:  # no build dependencies (e.g. `pip wheel --no-build-isolation` without them)
    MypycBuildHook = None

PURE_ENV = "PRACTICE_BOT_PURE_PYTHON"


def _say(message: str) -> None:
    print(f"practice-bot build: {message}", file=sys.stderr)


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Runs hatch-mypyc's hook (configured under [tool.hatch.build.targets.wheel.hooks.custom])."""

    def _mypyc(self) -> Any:
        return MypycBuildHook(
            self.root,
            self.config,
            self.build_config,
            self.metadata,
            self.directory,
            self.target_name,
            self.app,
        )

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._compiled = None
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get(PURE_ENV, "").strip() not in ("", "0"):
            _say(f"{PURE_ENV} is set: the scorer stays pure Python")
            return
        if MypycBuildHook is None:
            _say("hatch-mypyc is not installed: the scorer stays pure Python")
            return
        hook = self._mypyc()
        before = copy.deepcopy(build_data)
        try:
            hook.initialize(version, build_data)
        except Exception as exc:  # a missing compiler, a mypy error: the pure package still works
            build_data.clear()
            build_data.update(before)
            hook.clean([version])
            # the last line of the compiler's output says why ("command 'gcc' failed...")
            why = (str(exc).strip().splitlines() or [type(exc).__name__])[-1]
            why = why if len(why) <= 200 else "..." + why[-200:]
            _say(f"mypyc could not compile the scorer ({why}): it stays pure Python")
            return
        self._compiled = hook
        _say("the scorer's hot modules are compiled with mypyc")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._compiled is not None:
            self._compiled.clean([version])  # the wheel holds them; the checkout stays pure


def get_build_hook() -> type[BuildHookInterface]:  # type: ignore[type-arg]
    """The hook hatchling runs (the module also imports hatch-mypyc's own hook class)."""
    return CustomBuildHook
