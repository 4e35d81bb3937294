"""The `kommlint` command (typer): check, rules, explain.

Exit codes (DESIGN.md): 0 no finding at or above the fail level; 1 findings at or above it;
2 usage or configuration error; 3 a file could not be read (and no finding at the level).
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kommlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3

app = typer.Typer(
    name="kommlint",
    help="Granskar Stockholms stads kommunikation: avsändare, logotyp, klarspråk, "
    "inkluderande språk och politik/beslut.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    html = "html"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class FailLevel(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Lang(StrEnum):
    sv = "sv"
    en = "en"


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    typer.echo(f"kommlint: {message}", err=True)
    return typer.Exit(code)


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kommlint {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Visa versionen."),
    ] = False,
) -> None:
    """kommlint: granskar utgående kommunikation från Stockholms stad."""


def _load_settings(config_file, first_path, select, ignore, lang, fail_on):
    from kommlint.checker import Settings
    from kommlint.config import ConfigError, find_config, load_config
    from kommlint.rules.loader import PackError
    from kommlint.rules.selection import SelectionError

    try:
        path = config_file or find_config(first_path)
        config = load_config(path)
        return Settings.build(
            config,
            select=_split(select),
            ignore=_split(ignore),
            lang=lang.value if lang else None,
            fail_on=fail_on.value if fail_on else None,
        )
    except ConfigError as exc:
        raise _fail(f"fel i konfigurationen: {exc}") from None
    except PackError as exc:
        raise _fail(f"fel i regelpaket: {exc}") from None
    except SelectionError as exc:
        raise _fail(f"okänd regel, prefix eller paket: '{exc}' (se `kommlint rules`)") from None


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="Filer, mappar, eller - för text på standard in.")
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Utdataformat.")
    ] = OutputFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Skriv rapporten till en fil.")
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Kör bara dessa regler (id, prefix som KLR, paketnamn)."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Hoppa över dessa regler.")
    ] = None,
    fail_on: Annotated[
        FailLevel | None,
        typer.Option("--fail-on", help="Lägsta nivå som ger slutkod 1 (standard: error)."),
    ] = None,
    config_file: Annotated[
        Path | None, typer.Option("--config", help="Konfigurationsfil (kommlint.toml).")
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Antal parallella processer (standard: kärnor)."),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Använd inte cachen.")] = False,
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help="Mapp för cachen.")] = None,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", min=1, help="Högsta tid per fil i sekunder (standard 120)."),
    ] = None,
    include: Annotated[
        list[str] | None, typer.Option("--include", help="Granska bara filer som matchar (glob).")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Hoppa över filer som matchar (glob).")
    ] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help="Rapportens språk.")] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Visa även överhoppade filer.")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Godta anmärkningarna i en baslinjefil."),
    ] = None,
) -> None:
    """Granska filer och mappar (DOCX, PDF, bilder, text)."""
    from kommlint.baseline import Baseline, BaselineError
    from kommlint.batch import BatchOptions, default_jobs, run_files
    from kommlint.checker import check_text, exceeds
    from kommlint.discover import discover
    from kommlint.document import FileError, FileResult, Report
    from kommlint.progress import make_progress
    from kommlint.report import ReportOptions, reporter, rule_metas
    from kommlint.suppress import accept

    first = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    settings = _load_settings(config_file, first, select, ignore, lang, fail_on)
    config = settings.config
    try:
        # Loaded before the run, so that a bad baseline stops it before any work is done.
        accepted_baseline = Baseline.load(baseline) if baseline is not None else None
    except BaselineError as exc:
        raise _fail(str(exc)) from None

    results: list[FileResult] = []
    file_paths: list[Path] = []
    skipped: list[FileResult] = []
    for raw in paths:
        if raw == "-":
            continue
        patterns_in = [*config.include, *_split(include)]
        patterns_out = [*config.exclude, *_split(exclude)]
        for found in discover([Path(raw)], patterns_in, patterns_out):
            if found.supported:
                file_paths.append(found.path)
            elif verbose:
                reason = found.reason or "unsupported"
                skipped.append(
                    FileResult(
                        str(found.path),
                        None,
                        "skipped",
                        error=FileError(reason, _SKIP_REASONS[reason][0], _SKIP_REASONS[reason][1]),
                    )
                )
    cache = None
    if not no_cache:
        from kommlint.cache import open_cache

        cache = open_cache(settings, cache_dir)
    batch = BatchOptions(
        jobs=jobs or config.jobs or default_jobs(),
        timeout=timeout or config.timeout,
        cache=cache,
    )
    advance, close_progress = make_progress(len(file_paths), settings.lang)
    try:
        results.extend(run_files(file_paths, settings, options=batch, progress=advance))
    finally:
        close_progress()
        if cache is not None:
            cache.close()
    if "-" in paths:
        results.insert(0, check_text(sys.stdin.read(), settings, "-"))
    results.extend(skipped)
    # Findings accepted in sidecar files, document markers and the baseline are dropped.
    report, _accepted = accept(Report(results), accepted_baseline)

    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    options = ReportOptions(
        lang=settings.lang,
        color=color,
        fail_on=settings.fail_on,
        verbose=verbose,
        rules=rule_metas(settings),
    )
    rendered = reporter(output_format.value).render(report, options)
    if output is not None:
        try:
            output.write_text(rendered, encoding="utf-8")
        except OSError as exc:
            raise _fail(f"kan inte skriva {output}: {exc.strerror}") from None
    else:
        sys.stdout.write(rendered)
        sys.stdout.flush()

    if exceeds(report.findings, settings.fail_on):
        raise typer.Exit(EXIT_FINDINGS)
    if any(r.status == "error" for r in report.files):
        raise typer.Exit(EXIT_UNREADABLE)
    raise typer.Exit(EXIT_OK)


_SKIP_REASONS = {
    "unsupported": ("Filformatet stöds inte.", "File format not supported."),
    "excluded": ("Utesluten av exclude.", "Left out by exclude."),
    "not_included": ("Matchar inte include.", "Does not match include."),
    "symlink_outside": (
        "Symbolisk länk ut ur mappen följs inte.",
        "Symbolic link out of the folder not followed.",
    ),
}


@app.command("rules")
def list_rules(
    config_file: Annotated[Path | None, typer.Option("--config", help="Konfigurationsfil.")] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help="Språk.")] = None,
) -> None:
    """Lista alla regler: id, paket, nivå och en rad om vad de gör."""
    settings = _load_settings(config_file, Path.cwd(), None, None, lang, None)
    enabled = {r.id for r in settings.rules}
    rows = []
    for pack in settings.packs:
        for rule in pack.rules:
            severity = settings.config.severity.get(rule.id, rule.severity).value
            mark = "" if rule.id in enabled else " (av)" if settings.lang == "sv" else " (off)"
            rows.append((rule.id, pack.name, severity, rule.describe(settings.lang) + mark))
    width = max((len(r[1]) for r in rows), default=6)
    for rule_id, pack, severity, text in rows:
        typer.echo(f"{rule_id:<8} {pack:<{width}}  {severity:<8} {text}")


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="Regelns id, t.ex. KLR001.")],
    config_file: Annotated[Path | None, typer.Option("--config", help="Konfigurationsfil.")] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help="Språk.")] = None,
) -> None:
    """Förklara en regel: varför den finns, vad den bygger på och exempel."""
    settings = _load_settings(config_file, Path.cwd(), None, None, lang, None)
    rule = next(
        (r for p in settings.packs for r in p.rules if r.id == rule_id.strip().upper()), None
    )
    if rule is None:
        raise _fail(f"det finns ingen regel '{rule_id}' (se `kommlint rules`)")
    en = settings.lang == "en"
    typer.echo(f"{rule.id} – {rule.describe(settings.lang)}")
    typer.echo(
        f"{'Pack' if en else 'Paket'}: {rule.pack}   "
        f"{'Severity' if en else 'Nivå'}: {rule.severity.value}   kind: {rule.kind}"
    )
    typer.echo("")
    typer.echo("Why:" if en else "Varför:")
    typer.echo("  " + (rule.rationale_en if en and rule.rationale_en else rule.rationale))
    if rule.source:
        typer.echo(f"{'Source' if en else 'Källa'}: {rule.source}")
    for title, examples in (
        ("Fails" if en else "Ger anmärkning", rule.examples_bad),
        ("Passes" if en else "Godkänns", rule.examples_good),
    ):
        if examples:
            typer.echo("")
            typer.echo(f"{title}:")
            for example in examples:
                typer.echo(f"  – {_example_text(example)}")
    if rule.options:
        typer.echo("")
        typer.echo("Options:" if en else "Inställningar (kommlint.toml, [rules." + rule.id + "]):")
        for key, value in rule.options.items():
            typer.echo(f"  {key} = {value!r}")


def _example_text(example) -> str:
    if isinstance(example, str):
        return example
    if isinstance(example, dict):
        if "text" in example:
            return str(example["text"])
        if "file" in example:
            return f"[fil: {example['file']}]"
        if "blocks" in example:
            return " / ".join(
                f"({b.get('part', 'body')}) {b.get('text', '')}" for b in example["blocks"]
            )
    return repr(example)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("kommlint: avbruten", err=True)
        sys.exit(130)


# Subcommands in kommlint.commands (issue 10): init, baseline create, watch.
from kommlint.commands import baseline as _baseline  # noqa: E402
from kommlint.commands import init as _init  # noqa: E402
from kommlint.commands import watch as _watch  # noqa: E402

app.command("init")(_init.init)
app.add_typer(_baseline.app, name="baseline")
app.command("watch")(_watch.watch)
