"""Progress of a run on standard error: a rich bar on a terminal, plain lines otherwise.

Nothing goes to standard output, so `--format json > out.json` stays valid.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from kommlint.document import FileResult

LOG_EVERY_SECONDS = 10.0


def make_progress(total: int, lang: str = "sv") -> tuple[Callable[[FileResult], None], Callable]:
    """A (callback, close) pair; the callback is called once per finished file."""
    if total <= 1:
        return (lambda result: None), (lambda: None)
    if sys.stderr.isatty():
        return _rich_progress(total, lang)
    return _log_progress(total, lang)


def _rich_progress(total: int, lang: str):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    label = "Granskar" if lang == "sv" else "Checking"
    unit = "filer/s" if lang == "sv" else "files/s"
    progress = Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = progress.add_task(label, total=total, rate="")
    progress.start()
    started = time.monotonic()
    count = 0

    def advance(result: FileResult) -> None:
        nonlocal count
        count += 1
        rate = count / max(time.monotonic() - started, 1e-6)
        progress.update(task, advance=1, rate=f"{rate:.1f} {unit}")

    return advance, progress.stop


def _log_progress(total: int, lang: str):
    started = last = time.monotonic()
    count = 0
    logged = False

    def advance(result: FileResult) -> None:
        nonlocal count, last, logged
        count += 1
        now = time.monotonic()
        # A line every so often; the closing line only when the run was long enough to log.
        if now - last < LOG_EVERY_SECONDS and not (count == total and logged):
            return
        last, logged = now, True
        rate = count / max(now - started, 1e-6)
        left = (total - count) / rate if rate else 0
        if lang == "sv":
            line = f"kommlint: {count}/{total} filer ({rate:.1f} filer/s, ca {left:.0f} s kvar)"
        else:
            line = f"kommlint: {count}/{total} files ({rate:.1f} files/s, about {left:.0f} s left)"
        print(line, file=sys.stderr, flush=True)

    return advance, (lambda: None)
