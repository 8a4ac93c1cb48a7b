"""The build hook (hatch_build.py) compiles the scorer with mypyc, and when that fails, restores the
build to a pure-Python wheel instead of failing the install."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

ROOT = Path(__file__).resolve().parents[1]
pytest.importorskip("hatchling")


def _module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "practice_bot_build_hook", ROOT / "hatch_build.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class _FakeMypyc:
    """Stands in for hatch-mypyc's hook: marks the build as compiled, then fails or not."""

    fail = True
    cleaned: list[list[str]] = []

    def __init__(self, *args: Any) -> None:
        pass

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        build_data["pure_python"] = False
        build_data["artifacts"].append("/practice_bot/scoring/lexicon.*.so")
        if self.fail:
            raise RuntimeError("Error while invoking Mypyc:\nerror: command 'gcc' failed")

    def clean(self, versions: list[str]) -> None:
        self.cleaned.append(versions)


def _hook(mod: Any, tmp_path: Path) -> Any:
    # root, config, build config, metadata, directory, target name
    return mod.CustomBuildHook(str(tmp_path), {}, None, None, str(tmp_path), "wheel")


@pytest.mark.parametrize("fail", [True, False])
def test_compile_failure_leaves_a_pure_wheel(fail, tmp_path, monkeypatch, capsys) -> None:
    mod = _module()
    monkeypatch.setattr(_FakeMypyc, "fail", fail)
    monkeypatch.setattr(_FakeMypyc, "cleaned", [])
    monkeypatch.setattr(mod, "MypycBuildHook", _FakeMypyc)
    monkeypatch.delenv(mod.PURE_ENV, raising=False)
    hook = _hook(mod, tmp_path)
    monkeypatch.setattr(hook, "_mypyc", lambda: _FakeMypyc())
    data: dict[str, Any] = {"pure_python": True, "artifacts": [], "force_include": {}}
    hook.initialize("standard", data)
    said = capsys.readouterr().err
    if fail:
        assert data == {"pure_python": True, "artifacts": [], "force_include": {}}
        assert "could not compile the scorer (error: command 'gcc' failed)" in said
        assert "stays pure Python" in said
        assert _FakeMypyc.cleaned == [["standard"]]  # nothing half-built is left beside the sources
    else:
        assert data["pure_python"] is False and data["artifacts"]
        assert "compiled with mypyc" in said
        hook.finalize("standard", data, str(tmp_path / "x.whl"))
        # the checkout is left pure once the wheel is out
        assert _FakeMypyc.cleaned == [["standard"]]


@pytest.mark.parametrize(("version", "env"), [("editable", ""), ("standard", "1")])
def test_editable_installs_and_the_opt_out_stay_pure(version, env, tmp_path, monkeypatch) -> None:
    mod = _module()
    monkeypatch.setattr(mod, "MypycBuildHook", _FakeMypyc)
    monkeypatch.setenv(mod.PURE_ENV, env)
    hook = _hook(mod, tmp_path)
    monkeypatch.setattr(hook, "_mypyc", lambda: pytest.fail("mypyc must not run"))
    data: dict[str, Any] = {"pure_python": True, "artifacts": [], "force_include": {}}
    hook.initialize(version, data)
    assert data == {"pure_python": True, "artifacts": [], "force_include": {}}
