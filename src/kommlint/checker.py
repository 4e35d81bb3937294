"""Check one file: read -> analyse -> rules -> FileResult. The unit of work of every run."""

from __future__ import annotations

import fnmatch
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kommlint.config import Config
from kommlint.document import Document, FileError, FileResult, Finding, Part, Severity
from kommlint.language import DocumentLanguage
from kommlint.readers import ReaderOptions, ReadError, format_for
from kommlint.rules.loader import load_packs
from kommlint.rules.model import Pack, Rule
from kommlint.rules.selection import matches, select_rules, validate

METRIC_PARTS = (Part.BODY, Part.TABLE, Part.CAPTION, Part.OCR)


@dataclass
class Settings:
    """A resolved configuration: the rules to run and how to run them."""

    config: Config
    packs: tuple[Pack, ...]
    rules: list[Rule]
    lang: str = "sv"
    fail_on: str = "error"
    reader_options: ReaderOptions = field(default_factory=ReaderOptions)

    @classmethod
    def build(
        cls,
        config: Config,
        *,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        lang: str | None = None,
        fail_on: str | None = None,
    ) -> Settings:
        """Raises PackError for a bad pack and SelectionError for an unknown selector."""
        packs = load_packs(tuple(config.extra_packs))
        select = list(select) if select else list(config.select)
        ignore = list(config.ignore) + list(ignore or [])
        validate([*select, *ignore, *(config.packs or [])], packs)
        for selectors in config.per_path_ignores.values():
            validate(selectors, packs)
        rules = select_rules(packs, enabled_packs=config.packs, select=select, ignore=ignore)
        return cls(
            config=config,
            packs=packs,
            rules=rules,
            lang=lang or config.lang,
            fail_on=fail_on or config.fail_on,
            reader_options=ReaderOptions(ocr=config.ocr),
        )

    def rules_for(self, path: str) -> list[Rule]:
        """The rules minus those a per-path ignore switches off for this path."""
        if not self.config.per_path_ignores:
            return self.rules
        try:
            relative = Path(path).resolve().relative_to(self.config.root.resolve()).as_posix()
        except ValueError:
            relative = Path(path).as_posix()
        ignored = [
            selector
            for pattern, selectors in self.config.per_path_ignores.items()
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern + "/*")
            for selector in selectors
        ]
        return [r for r in self.rules if not any(matches(s, r) for s in ignored)]


def document_metrics(document: Document, language: DocumentLanguage) -> dict[str, Any]:
    """Words, sentences and LIX of the running text (not headers, footers or metadata),
    counted as the readability rules count them (kommlint.language.readability)."""
    measured = language.readability(document.text_blocks(*METRIC_PARTS), tag=False)
    lix = measured.lix
    return {
        "words": measured.words,
        "sentences": measured.sentences,
        "lix": round(lix, 1) if lix is not None else None,
    }


class _TimedAnalyzer:
    """Counts the seconds spent in the language layer, whichever rule asks for it."""

    def __init__(self, inner) -> None:
        self._inner = inner
        self.seconds = 0.0

    def __getattr__(self, name: str):
        return getattr(self._inner, name)

    def analyse(self, text: str, tag: bool = True):
        started = time.perf_counter()
        try:
            return self._inner.analyse(text, tag=tag)
        finally:
            self.seconds += time.perf_counter() - started

    def analyse_many(self, texts, tag: bool = True):
        return list(self.iter_analyses(texts, tag=tag))

    def iter_analyses(self, texts, tag: bool = True):
        analyses = self._inner.iter_analyses(texts, tag=tag)
        while True:
            started = time.perf_counter()
            try:
                analysis = next(analyses)
            except StopIteration:
                return
            finally:
                self.seconds += time.perf_counter() - started
            yield analysis


def check_document(document: Document, settings: Settings) -> FileResult:
    from kommlint.language import get_analyzer
    from kommlint.rules.engine import run_rules

    document.number_blocks()
    analyzer = _TimedAnalyzer(get_analyzer())
    language = DocumentLanguage(document, analyzer)
    rules = settings.rules_for(document.path)
    started = time.perf_counter()
    findings = run_rules(
        document,
        rules,
        lang=settings.lang,
        rule_options=settings.config.rules,
        severities=settings.config.severity,
        language=language,
    )
    metrics = document_metrics(document, language)
    elapsed = time.perf_counter() - started
    vision = document.annotations.get("rule_seconds", {}).get("logo", 0.0)
    return FileResult(
        path=document.path,
        format=document.format,
        status="checked",
        findings=findings,
        metrics=metrics,
        pages=document.page_count or None,
        timings={
            "language": analyzer.seconds,
            "vision": vision,
            "rules": max(0.0, elapsed - analyzer.seconds - vision),
        },
    )


def _error(path: str, fmt: str | None, code: str, message: str, message_en: str) -> FileResult:
    return FileResult(path, fmt, "error", error=FileError(code, message, message_en))


def check_path(path: Path, settings: Settings) -> FileResult:
    """Check one file. Never raises for a bad file: the error is in the result."""
    from kommlint.readers import read

    shown = str(path)
    fmt = format_for(path)
    if fmt is None:
        return _error(
            shown, None, "unsupported", "Filformatet stöds inte.", "File format not supported."
        )
    if not path.exists():
        return _error(shown, fmt, "not_found", "Filen finns inte.", "The file does not exist.")
    if not os.access(path, os.R_OK):
        return _error(
            shown,
            fmt,
            "unreadable",
            "Filen går inte att läsa (behörighet).",
            "The file cannot be read (permissions).",
        )
    try:
        started = time.perf_counter()
        document = read(path, settings.reader_options)
        read_seconds = time.perf_counter() - started
        document.path = shown
        result = check_document(document, settings)
        result.timings["read"] = read_seconds
        return result
    except ReadError as exc:
        return _error(shown, fmt, exc.code, exc.message, exc.message_en)
    except MemoryError:
        return _error(
            shown,
            fmt,
            "memory",
            "Filen kräver för mycket minne.",
            "The file needs too much memory.",
        )
    except Exception as exc:  # a bug in kommlint: report it for this file, keep the run going
        return _error(
            shown,
            fmt,
            "internal",
            f"Internt fel i kommlint ({type(exc).__name__}: {exc}). Rapportera gärna felet.",
            f"Internal error in kommlint ({type(exc).__name__}: {exc}). Please report it.",
        )


def check_text(text: str, settings: Settings, name: str = "-") -> FileResult:
    from kommlint.readers import read_text

    if not text.strip():
        return _error(name, "text", "empty", "Texten är tom.", "The text is empty.")
    return check_document(read_text(text, name), settings)


def exceeds(findings: list[Finding], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)
