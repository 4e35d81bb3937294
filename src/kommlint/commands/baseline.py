"""`kommlint baseline create PATH... -o FILE`: accept an archive's existing findings.

Then `kommlint check PATH... --baseline FILE` reports only findings that are not in it.
The paths in the file are relative to the file's folder, so keep it at the root of what it
covers (and commit it next to the documents).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="Baslinjer: godta befintliga anmärkningar och rapportera bara nya.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command()
def create(
    paths: Annotated[list[Path], typer.Argument(help="Filer och mappar att granska.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Baslinjefilen att skriva.")
    ] = Path("kommlint-baseline.json"),
    config_file: Annotated[
        Path | None, typer.Option("--config", help="Konfigurationsfil (kommlint.toml).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv över en befintlig fil.")] = False,
) -> None:
    """Granska filerna och spara alla anmärkningar som godtagna i en baslinjefil."""
    from kommlint import api
    from kommlint.baseline import Baseline
    from kommlint.batch import run_files
    from kommlint.config import ConfigError
    from kommlint.document import Report
    from kommlint.rules.loader import PackError
    from kommlint.suppress import apply

    if output.exists() and not force:
        typer.echo(f"kommlint: {output} finns redan (skriv över med --force)", err=True)
        raise typer.Exit(2)
    try:
        settings = api.settings(config_file, start=paths[0])
    except (ConfigError, PackError) as exc:
        typer.echo(f"kommlint: {exc}", err=True)
        raise typer.Exit(2) from None
    results = run_files(api.collect(paths, settings.config), settings)
    report, _ = apply(Report(results))
    baseline = Baseline.from_report(report, output.resolve().parent)
    try:
        baseline.write(output)
    except OSError as exc:
        typer.echo(f"kommlint: kan inte skriva {output}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    unreadable = sum(1 for r in report.files if r.status == "error")
    total = sum(baseline.counts.values())
    typer.echo(f"Skrev {output}: {total} anmärkningar i {len(report.files)} filer godtas.")
    if unreadable:
        typer.echo(
            f"kommlint: {unreadable} filer kunde inte läsas och saknas i baslinjen.", err=True
        )
