"""Baselines: accept the findings an archive already has, report only new ones.

`kommlint baseline create PATH... -o kommlint-baseline.json` records every finding of a run;
`kommlint check PATH... --baseline kommlint-baseline.json` then leaves out the findings the
baseline has and reports the rest.

A finding is recognised by a fingerprint that survives unrelated edits: the file path
(relative to the folder of the baseline file), the rule, the matched text and a hash of the
sentence around the match, all normalised (case, whitespace). Offsets, page and paragraph
numbers are left out on purpose, so adding a paragraph above a finding does not bring it
back. Each fingerprint has a count: a second occurrence of the same words in the same
sentence in the same file is new and is reported.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kommlint.document import Finding, Report

FORMAT_KEY = "kommlint_baseline"
VERSION = 1


class BaselineError(Exception):
    """The baseline file is missing, unreadable or not a kommlint baseline."""


def _normal(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def relative_path(path: str, root: Path | None) -> str:
    """The path as recorded in baselines and ignore files: relative to root, POSIX style."""
    if path == "-" or root is None:
        return Path(path).as_posix()
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return Path(path).as_posix()


def fingerprint(finding: Finding, relpath: str) -> str:
    """A stable id of a finding: path, rule, matched text and the hash of its context."""
    if finding.context or finding.match:
        context = hashlib.sha1(_normal(finding.context).encode()).hexdigest()[:12]
    else:  # a document-level finding: one per rule and part
        context = finding.location.part.value
    key = "\0".join((relpath, finding.rule, _normal(finding.match), context))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


@dataclass
class Baseline:
    root: Path | None = None
    counts: Counter = field(default_factory=Counter)
    entries: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def from_report(cls, report: Report, root: Path | None) -> Baseline:
        baseline = cls(root=root)
        for result in report.files:
            relpath = relative_path(result.path, root)
            for finding in result.findings:
                key = fingerprint(finding, relpath)
                if not baseline.counts[key]:
                    baseline.entries.append(
                        {
                            "path": relpath,
                            "rule": finding.rule,
                            "match": finding.match,
                            "message": finding.message,
                            "fingerprint": key,
                        }
                    )
                baseline.counts[key] += 1
        return baseline

    def to_dict(self) -> dict[str, Any]:
        from kommlint import __version__

        entries = sorted(
            ({**e, "count": self.counts[e["fingerprint"]]} for e in self.entries),
            key=lambda e: (e["path"], e["rule"], e["fingerprint"]),
        )
        return {
            FORMAT_KEY: VERSION,
            "kommlint_version": __version__,
            "created": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "findings": entries,
        }

    def write(self, path: Path) -> None:
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
        path.write_text(text, encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{path}: baslinjefilen finns inte") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"{path}: kan inte läsa baslinjefilen ({exc})") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}: ogiltig JSON: {exc}") from None
        if not isinstance(data, dict) or data.get(FORMAT_KEY) != VERSION:
            raise BaselineError(
                f"{path}: är inte en kommlint-baslinje (skapa en med `kommlint baseline create`)"
            )
        baseline = cls(root=path.resolve().parent)
        for entry in data.get("findings", []):
            if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
                raise BaselineError(f"{path}: felaktig post {entry!r}")
            count = entry.get("count", 1)
            baseline.entries.append(entry)
            baseline.counts[entry["fingerprint"]] += count if isinstance(count, int) else 1
        return baseline

    def filter(self, report: Report) -> tuple[Report, int]:
        """The report without the findings this baseline accepts, and how many were left out."""
        remaining = Counter(self.counts)
        accepted = 0
        files = []
        for result in report.files:
            relpath = relative_path(result.path, self.root)
            kept = []
            for finding in result.findings:
                key = fingerprint(finding, relpath)
                if remaining[key] > 0:
                    remaining[key] -= 1
                    accepted += 1
                else:
                    kept.append(finding)
            files.append(replace(result, findings=kept))
        return Report(files), accepted
