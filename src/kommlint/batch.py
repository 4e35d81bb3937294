"""Run the checks of many files and collect their results in input order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kommlint.checker import Settings, check_path
from kommlint.document import FileResult


def run_files(
    paths: Sequence[Path],
    settings: Settings,
    *,
    jobs: int = 1,
    progress: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    results = []
    for path in paths:
        result = check_path(path, settings)
        if progress:
            progress(result)
        results.append(result)
    return results
