"""Run the checks of many files: cached, in parallel worker processes, each file isolated.

A file that hangs is stopped after the per-file timeout (status error, code `timeout`);
a file that crashes its worker (a segfault in a native library, the memory guard) is
reported as an error of that file and a fresh worker takes over. Results come back in
input order whatever order the workers finish in.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import queue
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kommlint.cache import ResultCache
from kommlint.checker import Settings, check_path
from kommlint.document import FileError, FileResult

Progress = Callable[[FileResult], None]
DEFAULT_MEMORY_LIMIT_MB = 4096


@dataclass(frozen=True)
class BatchOptions:
    jobs: int = 1
    timeout: float = 120.0
    memory_limit_mb: int | None = DEFAULT_MEMORY_LIMIT_MB
    cache: ResultCache | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _error(path: Path, code: str, sv: str, en: str) -> FileResult:
    from kommlint.readers import format_for

    return FileResult(str(path), format_for(path), "error", error=FileError(code, sv, en))


def _timeout_result(path: Path, seconds: float) -> FileResult:
    return _error(
        path,
        "timeout",
        f"Granskningen tog mer än {seconds:g} sekunder och avbröts.",
        f"Checking took more than {seconds:g} seconds and was stopped.",
    )


def _crash_result(path: Path, exitcode: int | None) -> FileResult:
    return _error(
        path,
        "crashed",
        f"Granskningen av filen kraschade (kod {exitcode}); filen kan vara skadad eller "
        "för stor för minnesgränsen.",
        f"Checking the file crashed (code {exitcode}); the file may be damaged or too large "
        "for the memory limit.",
    )


def _limit_memory(limit_mb: int | None) -> None:
    if not limit_mb:
        return
    try:
        import resource

        limit = limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not every platform lets us
        pass


# Exercises the tagged and the untagged analysis and the text rules once (inflected nouns
# and verbs, a compound, quotes), so that what loads lazily on first use is loaded.
_WARM_UP_TEXT = (
    "Stockholms stad informerar. Handläggningen av ärendena sker i enlighet med "
    "föreskrifterna, och barnen erhöll besluten om förskoleplatserna. "
    "Man kan ringa kundtjänsten på 08-508 000 00 om ”något” är oklart."
)


def _blank_image():
    from PIL import Image

    return Image.new("RGB", (8, 8), "white")


def _warm_up(settings: Settings) -> None:
    """Load, before forking, what every worker would otherwise load for itself on its
    first file: the language model, the on-disk form table (built on the very first run;
    opened again in each worker, see language/lemmastore.py), the logo reference bank and
    whatever the rules build on first use. The warm-up document is a made-up PDF with one
    paragraph and one image too small to be searched, so the image rules load their
    references and stop there. Then freeze the loaded objects out of the garbage
    collector's reach until the workers are started, so that the workers' collections do
    not touch, and thereby copy, the shared pages. A failure here is no error: the
    workers then load lazily."""
    try:
        from kommlint.checker import check_document
        from kommlint.document import Block, Document, ImageRef, Part
        from kommlint.language.formlookup import lookup_lemma

        lookup_lemma("besluten")
        document = Document(
            path="<warm-up>",
            format="pdf",
            blocks=[Block(index=0, text=_WARM_UP_TEXT, part=Part.BODY, page=1)],
            images=[ImageRef(0, Part.BODY, 1, 8, 8, load=_blank_image)],
        )
        check_document(document, settings)
    except Exception:  # a warm-up must never stop a run
        pass
    gc.freeze()


def _one_native_thread() -> None:
    """One thread per worker process in the native libraries: the runner already spreads
    the files over the cores, and OpenCV, left alone, starts a thread per core in every
    worker, which then compete with each other (tesseract is held to one the same way,
    see readers/ocr.py). Set before anything starts OpenCV's threads, so that no thread
    pool exists when the workers are forked."""
    os.environ.setdefault("OPENCV_FOR_THREADS_NUM", "1")
    cv2 = sys.modules.get("cv2")
    if cv2 is not None:
        cv2.setNumThreads(1)


def _worker(settings: Settings, tasks, results, memory_limit_mb: int | None) -> None:
    _limit_memory(memory_limit_mb)
    while True:
        item = tasks.get()
        if item is None:
            return
        index, path = item
        results.put(("done", index, check_path(Path(path), settings)))


class _Worker:
    def __init__(self, ctx, settings: Settings, results, memory_limit_mb: int | None) -> None:
        self.tasks = ctx.Queue()
        self.process = ctx.Process(
            target=_worker, args=(settings, self.tasks, results, memory_limit_mb), daemon=True
        )
        self.process.start()
        self.index: int | None = None
        self.started = 0.0

    def give(self, index: int, path: Path) -> None:
        self.index, self.started = index, time.monotonic()
        self.tasks.put((index, str(path)))

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


def _run_parallel(
    paths: Sequence[Path],
    todo: list[int],
    settings: Settings,
    options: BatchOptions,
    done: Callable[[int, FileResult], None],
) -> None:
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context("spawn")
    _one_native_thread()
    warm = ctx.get_start_method() == "fork" and bool(settings.rules)
    if warm:
        _warm_up(settings)
    results = ctx.Queue()
    try:
        workers = [
            _Worker(ctx, settings, results, options.memory_limit_mb)
            for _ in range(min(options.jobs, len(todo)))
        ]
    finally:
        if warm:  # the workers keep what they inherited frozen; this process need not
            gc.unfreeze()
    pending = list(reversed(todo))
    finished: set[int] = set()
    try:
        for worker in workers:
            if pending:
                index = pending.pop()
                worker.give(index, paths[index])
        while len(finished) < len(todo):
            try:
                kind, index, payload = results.get(timeout=0.2)
            except queue.Empty:
                kind = None
            if kind == "done" and index not in finished:
                finished.add(index)
                done(index, payload)
                worker = next((w for w in workers if w.index == index), None)
                if worker is not None:
                    worker.index = None
                    if pending:
                        nxt = pending.pop()
                        worker.give(nxt, paths[nxt])
            # Watch for hung or dead workers.
            for i, worker in enumerate(workers):
                if worker.index is None:
                    continue
                overdue = time.monotonic() - worker.started > options.timeout
                dead = not worker.process.is_alive()
                if not (overdue or dead):
                    continue
                index = worker.index
                exitcode = worker.process.exitcode
                worker.stop()
                if index not in finished:
                    finished.add(index)
                    result = (
                        _timeout_result(paths[index], options.timeout)
                        if overdue and not dead
                        else _crash_result(paths[index], exitcode)
                    )
                    done(index, result)
                workers[i] = replacement = _Worker(ctx, settings, results, options.memory_limit_mb)
                if pending:
                    nxt = pending.pop()
                    replacement.give(nxt, paths[nxt])
    finally:
        for worker in workers:
            worker.tasks.put(None)
        for worker in workers:
            worker.process.join(timeout=2)
            worker.stop()


def run_files(
    paths: Sequence[Path],
    settings: Settings,
    *,
    options: BatchOptions | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Check every path; the results are in the order of `paths`."""
    options = options or BatchOptions()
    cache = options.cache
    results: list[FileResult | None] = [None] * len(paths)
    keys: dict[int, str] = {}
    todo: list[int] = []
    for index, path in enumerate(paths):
        key = cache.key_for(path) if cache else None
        cached = cache.get(key) if cache and key else None
        if cached is not None:
            cached.path = str(path)
            results[index] = cached
            if progress:
                progress(cached)
            continue
        if key:
            keys[index] = key
        todo.append(index)

    def done(index: int, result: FileResult) -> None:
        results[index] = result
        if cache and index in keys and result.status == "checked":
            cache.put(keys[index], result)
        if progress:
            progress(result)

    if len(todo) == 1 or (options.jobs <= 1 and not _needs_isolation(todo)):
        for index in todo:
            done(index, check_path(paths[index], settings))
    elif todo:
        _run_parallel(paths, todo, settings, options, done)
    if cache:
        cache.flush()
    return [r for r in results if r is not None]


def _needs_isolation(todo: list[int]) -> bool:
    """With one job, a batch still runs in one worker so that a hanging file can be
    stopped; a single file runs in-process, which keeps a pre-commit hook fast."""
    return len(todo) > 1
