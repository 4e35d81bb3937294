"""spacy-lookups-data's Swedish form -> lemma table (660k forms), read from disk on demand.

Loading the gzipped JSON into a dict costs about 0.4 s and 130 MB in every process. Instead
the table is written once into an SQLite file in the user's cache folder
(`<cache>/language/sv-lemmas-<key>.sqlite3`, the key made from the source file's size and
mtime and `FORMAT_VERSION`, so that an upgraded data package gets a new file) and queried a
form at a time, behind an LRU cache. `lookup(form)` and `is_known_lemma(lemma)` are the
whole interface.

- The file is built in a temporary file in the same folder and moved into place with
  os.replace, so two processes building at once each produce a whole file and a reader
  never sees half of one.
- The connection is opened lazily and again after a fork (a SQLite connection must not be
  used on both sides of a fork), read-only and immutable (the file is never written once it
  is in place).
- When the folder cannot be written, or anything else fails, the table is loaded into a
  dict as before: slower to start, same answers.

`KOMMLINT_LEMMA_STORE` (a folder) or `set_store_dir()` put the file elsewhere, e.g. in tests.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

FORMAT_VERSION = 1
ENV_DIR = "KOMMLINT_LEMMA_STORE"
_CACHE_SIZE = 200_000

_lock = threading.Lock()
_dir_override: Path | None = None


class _State:
    pid: int | None = None  # the process the state below belongs to
    conn: sqlite3.Connection | None = None
    path: Path | None = None  # the file `conn` reads
    table: dict[str, str] | None = None  # the fallback when there is no usable store
    lemmas: frozenset[str] | None = None


# Connections inherited over a fork: kept referenced, never closed or used in the child.
_inherited: list[sqlite3.Connection] = []


_state = _State()


def _after_fork_in_child() -> None:
    global _lock
    _lock = threading.Lock()  # a lock held by another thread at the fork stays held


os.register_at_fork(after_in_child=_after_fork_in_child)


def source_path() -> Path:
    import spacy_lookups_data

    return Path(spacy_lookups_data.__file__).parent / "data" / "sv_lemma_lookup.json.gz"


def store_dir() -> Path:
    """The folder the store lives in: set_store_dir(), else $KOMMLINT_LEMMA_STORE, else
    `<user cache>/language`."""
    if _dir_override is not None:
        return _dir_override
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    from kommlint.cache import default_cache_dir

    return default_cache_dir() / "language"


def set_store_dir(folder: Path | str | None) -> None:
    """Use this folder for the store (None: the default again) and drop what is open."""
    global _dir_override
    _dir_override = Path(folder) if folder is not None else None
    reset()


def store_key(source: Path) -> str:
    st = source.stat()
    raw = f"{FORMAT_VERSION}:{st.st_size}:{st.st_mtime_ns}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def store_path(source: Path | None = None) -> Path:
    source = source or source_path()
    return store_dir() / f"sv-lemmas-{store_key(source)}.sqlite3"


def reset() -> None:
    """Forget the open store, the fallback table and the cached answers (for tests)."""
    with _lock:
        if _state.conn is not None:
            if _state.pid == os.getpid():
                with contextlib.suppress(sqlite3.Error):
                    _state.conn.close()
            else:
                _inherited.append(_state.conn)
        _state.pid = None
        _state.conn = None
        _state.path = None
        _state.table = None
        _state.lemmas = None
    lookup.cache_clear()
    is_known_lemma.cache_clear()


def backend() -> str:
    """'sqlite' or 'dict': what answers the look-ups in this process (opens it if needed)."""
    _ensure()
    return "sqlite" if _state.conn is not None else "dict"


def _load_json(source: Path) -> dict[str, str]:
    import srsly

    return srsly.read_gzip_json(source)


def _open(path: Path) -> sqlite3.Connection:
    uri = path.as_uri() + "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if row is None or row[0] != str(FORMAT_VERSION):
            raise sqlite3.DatabaseError("lemma store of another format")
    except BaseException:
        conn.close()
        raise
    return conn


def build(source: Path, path: Path, table: dict[str, str] | None = None) -> None:
    """Write the store for `source` to `path` (via a temporary file and os.replace)."""
    table = _load_json(source) if table is None else table
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript(
                "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                "CREATE TABLE forms (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID;"
                "CREATE TABLE lemmas (lemma TEXT PRIMARY KEY) WITHOUT ROWID;"
            )
            conn.executemany("INSERT INTO forms VALUES (?, ?)", table.items())  # sorted already
            lemmas = sorted(set(table.values()))
            conn.executemany("INSERT INTO lemmas VALUES (?)", ((v,) for v in lemmas))
            meta = {"format": FORMAT_VERSION, "forms": len(table), "source": source}
            conn.executemany("INSERT INTO meta VALUES (?, ?)", [(k, str(meta[k])) for k in meta])
            conn.commit()
        finally:
            conn.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _ensure() -> None:
    """Make sure this process has its store open, or else the fallback dict loaded."""
    pid = os.getpid()
    if _state.pid == pid and (_state.conn is not None or _state.table is not None):
        return
    with _lock:
        if _state.pid == pid and (_state.conn is not None or _state.table is not None):
            return
        if _state.table is not None:  # the fallback dict survives a fork as it is
            _state.pid = pid
            return
        if _state.conn is not None:  # inherited over a fork: not ours to use or close
            _inherited.append(_state.conn)
            _state.conn = None
            if _state.path is not None:  # reopen the parent's file, wherever it was
                with contextlib.suppress(OSError, sqlite3.Error, ValueError):
                    _state.conn = _open(_state.path)
        if _state.conn is None:
            _state.conn, _state.path, _state.table = _connect()
        _state.pid = pid


def _connect() -> tuple[sqlite3.Connection | None, Path | None, dict[str, str] | None]:
    """The open store (built first if need be), or else the table as a dict."""
    try:
        source = source_path()
        path = store_path(source)
    except (OSError, ImportError):  # the data package is a declared dependency; degrade
        return None, None, {}
    try:
        return _open(path), path, None
    except (OSError, sqlite3.Error, ValueError):
        pass  # not built yet (or unreadable): build it
    table: dict[str, str] | None = None
    try:
        table = _load_json(source)
        build(source, path, table)
        return _open(path), path, None
    except Exception:  # an unwritable cache folder, a full disk ...: keep the dict
        if table is None:
            try:
                table = _load_json(source)
            except Exception:
                table = {}
        return None, None, table


@lru_cache(maxsize=_CACHE_SIZE)
def lookup(form: str) -> str | None:
    """The table's lemma for exactly this form (case as given), or None."""
    _ensure()
    conn = _state.conn
    if conn is None:
        return _state.table.get(form) if _state.table is not None else None
    row = conn.execute("SELECT lemma FROM forms WHERE form = ?", (form,)).fetchone()
    return row[0] if row else None


@lru_cache(maxsize=_CACHE_SIZE)
def is_known_lemma(lemma: str) -> bool:
    """Whether some form of the table has this lemma (case as given)."""
    _ensure()
    conn = _state.conn
    if conn is None:
        if _state.lemmas is None:
            _state.lemmas = frozenset((_state.table or {}).values())
        return lemma in _state.lemmas
    return conn.execute("SELECT 1 FROM lemmas WHERE lemma = ?", (lemma,)).fetchone() is not None
