"""A watched publishing inbox: check each new or changed file and file it under ok/ or fail/.

    INBOX/                 files dropped here are checked once they are completely written
    INBOX/ok/              documents with no finding at or above fail_on, with their report
    INBOX/fail/            the others (and files that could not be read), with their report

For a document `brev.docx` the report is written beside it as `brev.docx.kommlint.json`
(the --format json contract) and `brev.docx.kommlint.txt` (the text report).

Guarantees:
- a file is taken only when it is completely written: its size and modification time must
  stay the same for `settle` seconds (over at least two looks);
- inputs are never modified and never lost: the report is written first (to a temporary
  name, then renamed), and only then is the document moved, by a rename inside INBOX; a
  document that changed while it was checked is checked again instead; a name already used
  in ok/ or fail/ gets a number (brev-2.docx), nothing is overwritten;
- a sidecar `brev.docx.kommlint-ignore` moves with its document;
- Ctrl-C (SIGINT) or SIGTERM stops after the file being filed: never half-way.

Polling (os.scandir every `interval` seconds) rather than file-system events: see
docs/integrations.md. Only files directly in INBOX are taken; sub-folders, hidden files and
the temporary files of editors and browsers (~$x.docx, *.tmp, *.part, *.crdownload) are
left alone.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kommlint.checker import Settings, check_path, exceeds
from kommlint.document import FileResult, Report
from kommlint.suppress import SIDECAR_SUFFIX, Suppressor

OK, FAIL = "ok", "fail"
REPORT_SUFFIXES = {"json": ".kommlint.json", "txt": ".kommlint.txt"}
TEMPORARY_SUFFIXES = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp")


@dataclass
class WatchOptions:
    interval: float = 2.0  # seconds between looks at the inbox
    settle: float = 2.0  # seconds a file must stay unchanged before it is taken
    reports: tuple[str, ...] = ("json", "txt")
    give_up_after: float = 300.0  # --once: stop waiting for a file still being written


@dataclass
class Filed:
    """What happened to one input."""

    source: Path
    outcome: str  # "ok" | "fail"
    destination: Path
    reports: list[Path]
    result: FileResult


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float  # when this size and mtime were first seen
    looks: int = 1


def is_candidate(entry: os.DirEntry | Path) -> bool:
    name = entry.name
    if name.startswith((".", "~$", "~")) or name.endswith(SIDECAR_SUFFIX):
        return False
    if name.lower().endswith(TEMPORARY_SUFFIXES):
        return False
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def free_name(folder: Path, name: str) -> Path:
    """folder/name, or folder/stem-2.suffix ... when taken (by a document or its report)."""
    path = Path(name)
    stem, suffix = (path.stem, path.suffix) if path.suffix else (name, "")
    number = 1
    while True:
        candidate = folder / (name if number == 1 else f"{stem}-{number}{suffix}")
        taken = candidate.exists() or any(
            (folder / (candidate.name + s)).exists() for s in REPORT_SUFFIXES.values()
        )
        if not taken:
            return candidate
        number += 1


def _write_atomic(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


@dataclass
class Inbox:
    root: Path
    settings: Settings
    options: WatchOptions = field(default_factory=WatchOptions)
    log: Callable[[str], None] = print
    clock: Callable[[], float] = time.monotonic
    _seen: dict[Path, _Seen] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        for name in (OK, FAIL):
            (self.root / name).mkdir(parents=True, exist_ok=True)

    # -- looking -------------------------------------------------------------------------
    def candidates(self) -> list[Path]:
        with os.scandir(self.root) as entries:
            return sorted(Path(e.path) for e in entries if is_candidate(e))

    def ready(self) -> tuple[list[Path], list[Path]]:
        """Look once: (files completely written, files still changing)."""
        now = self.clock()
        present = self.candidates()
        for gone in set(self._seen) - set(present):
            del self._seen[gone]
        ready, waiting = [], []
        for path in present:
            stat = _stat(path)
            if stat is None:
                continue
            seen = self._seen.get(path)
            if seen is None or (seen.size, seen.mtime_ns) != stat:
                self._seen[path] = _Seen(stat[0], stat[1], now)
                waiting.append(path)
                continue
            seen.looks += 1
            if now - seen.since >= self.options.settle and seen.looks >= 2:
                ready.append(path)
            else:
                waiting.append(path)
        return ready, waiting

    # -- filing --------------------------------------------------------------------------
    def render(self, result: FileResult) -> dict[str, str]:
        from kommlint.report import ReportOptions, reporter

        report = Report([result])
        options = ReportOptions(lang=self.settings.lang, fail_on=self.settings.fail_on)
        rendered = {}
        if "json" in self.options.reports:
            rendered["json"] = reporter("json").render(report, options)
        if "txt" in self.options.reports:
            rendered["txt"] = reporter("text").render(report, options)
        return rendered

    def process(self, path: Path) -> Filed | None:
        """Check one completely written file, write its report, then move it. None: it
        changed while it was checked (it will be taken again once it settles)."""
        before = _stat(path)
        result = check_path(path, self.settings)
        result, _ = Suppressor().filter_result(result)
        failed = result.status != "checked" or exceeds(result.findings, self.settings.fail_on)
        outcome = FAIL if failed else OK
        folder = self.root / outcome
        destination = free_name(folder, path.name)
        reports = []
        for kind, text in self.render(result).items():
            report_path = folder / (destination.name + REPORT_SUFFIXES[kind])
            _write_atomic(report_path, text)
            reports.append(report_path)
        if _stat(path) != before:  # written to while it was checked: check it again later
            for report_path in reports:
                report_path.unlink(missing_ok=True)
            self._seen.pop(path, None)
            return None
        os.rename(path, destination)  # inside INBOX: same file system, atomic
        sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
        if sidecar.is_file():
            os.rename(sidecar, destination.with_name(destination.name + SIDECAR_SUFFIX))
        self._seen.pop(path, None)
        return Filed(path, outcome, destination, reports, result)

    def _log(self, filed: Filed) -> None:
        counts = Report([filed.result]).summary()["findings"]
        if filed.result.status != "checked":
            detail = filed.result.error.code if filed.result.error else filed.result.status
        elif self.settings.lang == "en":
            detail = f"{counts['error']} errors, {counts['warning']} warnings"
        else:
            detail = f"{counts['error']} fel, {counts['warning']} varningar"
        self.log(f"{filed.outcome:<4} {filed.source.name} -> {filed.destination} ({detail})")

    def poll(self) -> list[Filed]:
        """Look once and file what is ready."""
        ready, _ = self.ready()
        filed = []
        for path in ready:
            try:
                done = self.process(path)
            except OSError as exc:  # e.g. the file was removed meanwhile: log and go on
                self.log(f"kommlint: {path.name}: {exc}")
                self._seen.pop(path, None)
                continue
            if done is not None:
                self._log(done)
                filed.append(done)
        return filed

    def run(self, *, once: bool = False, stop: threading.Event | None = None) -> list[Filed]:
        """Poll until stopped; with once=True, until the inbox has nothing left to take."""
        stop = stop or threading.Event()
        filed: list[Filed] = []
        started = self.clock()
        pause = max(0.05, min(self.options.interval, self.options.settle / 2)) if once else None
        while not stop.is_set():
            filed += self.poll()
            if once:
                pending = self.candidates()
                if not pending:
                    break
                if self.clock() - started > self.options.give_up_after:
                    names = ", ".join(p.name for p in pending)
                    self.log(f"kommlint: ger upp filer som fortfarande skrivs: {names}")
                    break
            stop.wait(pause if pause is not None else self.options.interval)
        return filed
