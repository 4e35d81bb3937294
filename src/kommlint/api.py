"""The Python API, for document-management systems and scripts.

    import kommlint

    report = kommlint.check("utskick/broschyr.pdf")            # or a folder, or a list
    report = kommlint.check(paths, config="kommlint.toml")    # or a Config, or None
    report = kommlint.check_text("Du kommer att erhålla ett beslut.")
    for finding in report.findings:
        print(finding.rule, finding.severity, finding.message, finding.location.page)
    if kommlint.api.failed(report):                           # at or above fail_on
        ...
    data = kommlint.api.to_json(report)                       # the --format json dict

`check` does what `kommlint check` does: discovers files (folders recursively, with the
configuration's include/exclude), reads and checks each, and leaves out findings accepted
by sidecar files, markers and (if given) a baseline. A file that cannot be read is a
FileResult with status "error"; nothing raises for a bad document. A bad configuration
raises kommlint.config.ConfigError, a bad rule pack kommlint.rules.loader.PackError, an
unknown rule selector kommlint.rules.selection.SelectionError, a bad baseline
kommlint.baseline.BaselineError.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kommlint.config import Config, find_config, load_config
from kommlint.document import FileResult, Report

if TYPE_CHECKING:
    from kommlint.checker import Settings

PathLike = str | os.PathLike[str]
__all__ = ["check", "check_text", "collect", "failed", "settings", "to_json"]


def _as_config(config: Config | PathLike | None, start: Path) -> Config:
    if isinstance(config, Config):
        return config
    if config is None:
        return load_config(find_config(start))
    return load_config(Path(config))


def settings(
    config: Config | PathLike | None = None,
    *,
    start: PathLike = ".",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    lang: str | None = None,
    fail_on: str | None = None,
) -> Settings:
    """Resolve a configuration (a Config, a toml path, or None: found from `start` up)."""
    from kommlint.checker import Settings

    return Settings.build(
        _as_config(config, Path(start)),
        select=list(select) if select else None,
        ignore=list(ignore) if ignore else None,
        lang=lang,
        fail_on=fail_on,
    )


def collect(paths: Iterable[PathLike], config: Config) -> list[Path]:
    """The files a check of these paths covers: files as named, folders walked."""
    from kommlint.discover import discover

    found = discover([Path(p) for p in paths], config.include, config.exclude)
    return [d.path for d in found if d.supported]


def _paths(path: PathLike | Iterable[PathLike]) -> list[PathLike]:
    if isinstance(path, str | os.PathLike):
        return [path]
    return list(path)


def check(
    path: PathLike | Iterable[PathLike],
    config: Config | PathLike | None = None,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    lang: str | None = None,
    baseline: PathLike | None = None,
    accept: bool = True,
) -> Report:
    """Check files and folders and return the Report (the same as `kommlint check`).

    `config`: a Config, the path of a kommlint.toml (or pyproject.toml), or None to find
    one from the first path upwards. `accept=False` keeps findings that sidecar files and
    markers accept. `baseline`: a file made by `kommlint baseline create`.
    """
    from kommlint.batch import run_files

    paths = _paths(path)
    start = Path(paths[0]) if paths else Path.cwd()
    resolved = settings(config, start=start, select=select, ignore=ignore, lang=lang)
    results = run_files(collect(paths, resolved.config), resolved)
    return _accepted(Report(results), accept, baseline)


def check_text(
    text: str,
    config: Config | PathLike | None = None,
    *,
    name: str = "-",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    lang: str | None = None,
) -> Report:
    """Check a text (plain text, paragraphs separated by blank lines); one FileResult."""
    from kommlint.checker import check_text as check_one

    resolved = settings(config, select=select, ignore=ignore, lang=lang)
    return Report([check_one(text, resolved, name)])


def check_file(path: PathLike, resolved: Settings) -> FileResult:
    """One file with already resolved settings (for loops over many files)."""
    from kommlint.checker import check_path

    return _accepted(Report([check_path(Path(path), resolved)]), True, None).files[0]


def _accepted(report: Report, accept: bool, baseline: PathLike | None) -> Report:
    from kommlint.baseline import Baseline
    from kommlint.suppress import apply

    if accept:
        report, _ = apply(report)
    if baseline is not None:
        report, _ = Baseline.load(Path(baseline)).filter(report)
    return report


def failed(report: Report, fail_on: str = "error") -> bool:
    """True when a finding is at or above fail_on (the CLI's exit code 1)."""
    from kommlint.checker import exceeds

    return exceeds(report.findings, fail_on)


def to_json(report: Report, lang: str = "sv") -> dict[str, Any]:
    """The report as the version 1 JSON contract (`--format json`), as a dict."""
    from kommlint.report.json import report_dict

    return report_dict(report, lang)
