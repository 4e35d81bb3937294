"""pre-commit: the hook manifest is valid, and pre-commit itself runs the hook on a
temporary git repository (a failing and a passing document).

The run uses `repo: local` with `language: system` and the hook's own `files` and entry
arguments taken from .pre-commit-hooks.yaml: installing the real `language: python` hook
would make pre-commit build a virtualenv and pip-install kommlint and its dependencies,
which needs the network. The manifest itself is checked with pre-commit's own loader.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
MANIFEST = ROOT / ".pre-commit-hooks.yaml"

pytest.importorskip("pre_commit")
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_manifest_is_valid():
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(MANIFEST))
    assert hook["id"] == "kommlint"
    assert hook["entry"].split()[:2] == ["kommlint", "check"]
    import re

    files = re.compile(hook["files"])
    for name in ("a.pdf", "b.DOCX", "c.md", "d.txt", "e.jpeg", "f.tif"):
        assert files.search(name), name
    assert not files.search("g.py") and not files.search("h.docx.kommlint-ignore")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.slow
@needs_git
def test_pre_commit_runs_the_hook(tmp_path):
    (hook,) = yaml.safe_load(MANIFEST.read_text("utf-8"))
    entry_args = hook["entry"].split()[1:]  # "check" and any fixed arguments
    local_hook = {
        "id": hook["id"],
        "name": hook["name"],
        "entry": " ".join([sys.executable, "-m", "kommlint", *entry_args]),
        "language": "system",
        "files": hook["files"],
        "require_serial": hook.get("require_serial", False),
    }
    repo = tmp_path / "dokument"
    repo.mkdir()
    git(repo, "init", "-q")
    config = {"repos": [{"repo": "local", "hooks": [local_hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "kommlint.toml").write_text(
        f'extra_packs = ["{(TESTS / "packs").as_posix()}"]\nselect = ["TST001", "TST002"]\n',
        encoding="utf-8",
    )
    (repo / "bra.md").write_text("# Nyhet\n\nDu fick beslutet i går.\n", encoding="utf-8")
    (repo / "kod.py").write_text("print('inte ett dokument: handikapptoalett')\n")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def run() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--color", "never"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    git(repo, "add", ".")
    passing = run()
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout

    (repo / "dalig.txt").write_text("Här finns en handikapptoalett.\n", encoding="utf-8")
    git(repo, "add", "dalig.txt")
    failing = run()
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout and "TST002" in failing.stdout
