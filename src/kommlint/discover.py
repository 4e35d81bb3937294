"""Expand the paths of a run into the files to check, in a stable order."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kommlint.readers import format_for
from kommlint.suppress import SIDECAR_SUFFIX


@dataclass(frozen=True)
class Discovered:
    path: Path
    supported: bool
    reason: str | None = None  # why an unsupported or left-out file is not checked


def _matches(relative: str, patterns: Iterable[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)


def discover(
    paths: Iterable[Path], include: Iterable[str] = (), exclude: Iterable[str] = ()
) -> Iterator[Discovered]:
    """Files named directly are always returned (so that a missing or unsupported file gets
    a per-file result); folders are walked recursively without following symlinks that
    lead out of the folder, in sorted order, keeping files that match include (if given)
    and not exclude."""
    include, exclude = list(include), list(exclude)
    seen: set[Path] = set()
    for path in paths:
        if not path.is_dir():
            key = path.resolve() if path.exists() else path
            if key not in seen:
                seen.add(key)
                # A file named on the command line always gets a result, even an error.
                yield Discovered(path, True)
            continue
        root = path.resolve()
        for folder, dirnames, filenames in os.walk(path, followlinks=False):
            dirnames.sort()
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in sorted(filenames):
                if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                    continue
                file = Path(folder) / name
                relative = file.relative_to(path).as_posix()
                if file.is_symlink():
                    target = file.resolve()
                    if not target.is_relative_to(root):
                        yield Discovered(file, False, "symlink_outside")
                        continue
                if exclude and _matches(relative, exclude):
                    yield Discovered(file, False, "excluded")
                    continue
                if include and not _matches(relative, include):
                    yield Discovered(file, False, "not_included")
                    continue
                key = file.resolve()
                if key in seen:
                    continue
                seen.add(key)
                if format_for(file) is None:
                    yield Discovered(file, False, "unsupported")
                else:
                    yield Discovered(file, True)
