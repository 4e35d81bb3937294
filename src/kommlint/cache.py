"""The result cache: re-running an audit over an unchanged archive is near-instant.

A result is keyed by the file's content hash and a fingerprint of everything else that
decides the findings: the kommlint version, the packs' contents, the language model, the
configuration and the report language. SQLite (WAL mode) keeps it in one file that
several kommlint processes may use at once; within a run only the parent process writes.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
from functools import lru_cache
from pathlib import Path

from kommlint import __version__
from kommlint.document import FileResult

SCHEMA_VERSION = 1


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kommlint"))


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def open_cache(settings, folder: Path | None = None) -> ResultCache | None:
    """The cache for these settings, or None when the folder cannot be used."""
    folder = folder or settings.config.cache_dir or default_cache_dir()
    try:
        return ResultCache(
            folder,
            settings_fingerprint(settings),
            path_sensitive=bool(settings.config.per_path_ignores),
        )
    except (OSError, sqlite3.Error):
        return None  # a read-only home, a full disk: run without a cache


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of kommlint's own code and model, so that an edited check or a retrained
    model never serves results computed by the old one (not only a version bump)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".json", ".tsv", ".cfg"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def settings_fingerprint(settings) -> str:
    """Everything besides the file that decides its result."""
    digest = hashlib.sha256()
    digest.update(f"{SCHEMA_VERSION}|{__version__}|{settings.lang}|{code_fingerprint()}".encode())
    for pack in settings.packs:
        digest.update(pack.path.read_bytes())
    digest.update(",".join(sorted(r.id for r in settings.rules)).encode())
    config = settings.config
    digest.update(
        json.dumps(
            {
                "severity": {k: v.value for k, v in config.severity.items()},
                "rules": config.rules,
                "per_path_ignores": config.per_path_ignores,
                "ocr": config.ocr,
            },
            sort_keys=True,
            default=str,
        ).encode()
    )
    return digest.hexdigest()


class ResultCache:
    def __init__(self, folder: Path, fingerprint: str, *, path_sensitive: bool = False) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.fingerprint = fingerprint
        # Per-path ignores make a result depend on where the file is, not only on its bytes.
        self.path_sensitive = path_sensitive
        self._db = sqlite3.connect(folder / "results.sqlite3", timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, result BLOB NOT NULL)"
        )
        self._pending: list[tuple[str, bytes]] = []

    def key_for(self, path: Path) -> str | None:
        try:
            content = file_digest(path)
        except OSError:
            return None  # unreadable: the checker reports it, nothing to cache
        where = str(path.resolve()) if self.path_sensitive else ""
        return hashlib.sha256(f"{self.fingerprint}|{content}|{where}".encode()).hexdigest()

    def get(self, key: str) -> FileResult | None:
        row = self._db.execute("SELECT result FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # an entry from an incompatible build: ignore it
            return None

    def put(self, key: str, result: FileResult) -> None:
        self._pending.append((key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)))
        if len(self._pending) >= 50:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO results (key, result) VALUES (?, ?)", self._pending
            )
        self._pending.clear()

    def close(self) -> None:
        self.flush()
        self._db.close()
