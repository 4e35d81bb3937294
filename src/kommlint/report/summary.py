"""The audit summary of a run: counts per rule and pack, folders, worst files."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath

from kommlint.document import FileResult, Report, Severity


@dataclass
class FolderSummary:
    folder: str
    files: list[FileResult] = field(default_factory=list)

    @property
    def checked(self) -> int:
        return sum(1 for r in self.files if r.status == "checked")

    @property
    def without_errors(self) -> int:
        """Checked files with no error-level finding."""
        return sum(
            1
            for r in self.files
            if r.status == "checked" and not any(f.severity is Severity.ERROR for f in r.findings)
        )

    @property
    def share_without_errors(self) -> float | None:
        return self.without_errors / self.checked if self.checked else None


@dataclass
class AuditSummary:
    by_rule: Counter
    by_pack: Counter
    rule_severity: dict[str, str]
    folders: list[FolderSummary]
    worst: list[tuple[FileResult, int]]
    unreadable: list[FileResult]


def severity_weight(result: FileResult) -> int:
    """How bad a file is: errors weigh most, then warnings, then info."""
    weights = {Severity.ERROR: 100, Severity.WARNING: 10, Severity.INFO: 1}
    return sum(weights[f.severity] for f in result.findings)


def folder_of(path: str) -> str:
    parent = PurePath(path).parent.as_posix()
    return parent if parent not in ("", ".") else "."


def summarise(report: Report, worst: int = 10) -> AuditSummary:
    by_rule: Counter = Counter()
    by_pack: Counter = Counter()
    rule_severity: dict[str, str] = {}
    folders: dict[str, FolderSummary] = defaultdict(lambda: FolderSummary(""))
    for result in report.files:
        if result.status == "skipped":
            continue
        folder = folder_of(result.path)
        summary = folders[folder]
        summary.folder = folder
        summary.files.append(result)
        for finding in result.findings:
            by_rule[finding.rule] += 1
            by_pack[finding.pack] += 1
            rule_severity.setdefault(finding.rule, finding.severity.value)
    ranked = sorted(
        ((r, severity_weight(r)) for r in report.files if r.findings),
        key=lambda pair: (-pair[1], pair[0].path),
    )
    return AuditSummary(
        by_rule=by_rule,
        by_pack=by_pack,
        rule_severity=rule_severity,
        folders=sorted(folders.values(), key=lambda f: f.folder),
        worst=ranked[:worst],
        unreadable=[r for r in report.files if r.status == "error"],
    )
