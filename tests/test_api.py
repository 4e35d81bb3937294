"""The Python API: kommlint.check / kommlint.check_text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import kommlint
from kommlint import api
from kommlint.config import Config, ConfigError, load_config

TESTS = Path(__file__).resolve().parent
BAD = "Du erhöll beslutet i går.\n\nHär finns en handikapptoalett.\n"


@pytest.fixture
def project(tmp_path):
    config = tmp_path / "kommlint.toml"
    config.write_text(
        f'extra_packs = ["{(TESTS / "packs").as_posix()}"]\nselect = ["TST001", "TST002"]\n',
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "brev.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "docs" / "ok.md").write_text("Du fick beslutet.\n", encoding="utf-8")
    return tmp_path


def test_import_is_cheap():
    code = "import sys, kommlint; print(sorted(m for m in sys.modules if m.startswith('kommlint')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['kommlint']"


def test_check_folder_with_discovered_config(project):
    report = kommlint.check(project / "docs")
    assert [Path(r.path).name for r in report.files] == ["brev.txt", "ok.md"]
    assert sorted(f.rule for f in report.findings) == ["TST001", "TST002"]
    assert api.failed(report) and not api.failed(report, "never")
    data = api.to_json(report)
    assert data["version"] == 1 and data["summary"]["findings"]["error"] == 1


def test_check_with_config_path_object_and_list(project):
    config = project / "kommlint.toml"
    as_path = kommlint.check(str(project / "docs" / "brev.txt"), config=str(config))
    as_object = kommlint.check([project / "docs" / "brev.txt"], config=load_config(config))
    assert [f.rule for f in as_path.findings] == [f.rule for f in as_object.findings]
    only = kommlint.check(project / "docs" / "brev.txt", config=config, select=["TST002"])
    assert [f.rule for f in only.findings] == ["TST002"]


def test_check_text(project):
    report = kommlint.check_text("Du erhöll beslutet.", project / "kommlint.toml")
    assert [f.rule for f in report.findings] == ["TST001"]
    assert report.files[0].path == "-"


def test_unreadable_file_is_a_result_not_an_exception(project):
    report = kommlint.check(project / "saknas.txt", config=project / "kommlint.toml")
    assert report.files[0].status == "error"


def test_bad_config_raises(tmp_path):
    bad = tmp_path / "kommlint.toml"
    bad.write_text("okand = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        kommlint.check(tmp_path, config=bad)
    assert isinstance(Config(), Config)


def test_unknown_attribute():
    with pytest.raises(AttributeError):
        kommlint.no_such_thing  # noqa: B018
