"""`kommlint watch INBOX`: a publishing inbox that files documents under ok/ or fail/."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Annotated

import typer


def watch(
    inbox: Annotated[Path, typer.Argument(help="Mappen att bevaka (skapas inte).")],
    once: Annotated[
        bool, typer.Option("--once", help="Ta hand om det som finns i mappen och avsluta.")
    ] = False,
    interval: Annotated[
        float, typer.Option("--interval", min=0.05, help="Sekunder mellan varje titt.")
    ] = 2.0,
    settle: Annotated[
        float,
        typer.Option(
            "--settle", min=0.0, help="Sekunder en fil ska vara oförändrad innan den tas."
        ),
    ] = 2.0,
    config_file: Annotated[
        Path | None, typer.Option("--config", help="Konfigurationsfil (kommlint.toml).")
    ] = None,
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="error, warning, info eller never.")
    ] = None,
    report: Annotated[
        str, typer.Option("--report", help="Rapporter bredvid filen: json, txt eller json,txt.")
    ] = "json,txt",
) -> None:
    """Bevaka en inkorg: granska varje ny fil och lägg den i ok/ eller fail/ med sin rapport."""
    from kommlint import api
    from kommlint.config import FAIL_LEVELS, ConfigError
    from kommlint.rules.loader import PackError
    from kommlint.watch import Inbox, WatchOptions

    if not inbox.is_dir():
        typer.echo(f"kommlint: {inbox} är ingen mapp", err=True)
        raise typer.Exit(2)
    if fail_on is not None and fail_on not in FAIL_LEVELS:
        typer.echo(f"kommlint: --fail-on ska vara en av {', '.join(FAIL_LEVELS)}", err=True)
        raise typer.Exit(2)
    kinds = tuple(k.strip() for k in report.split(",") if k.strip())
    if not kinds or any(k not in ("json", "txt") for k in kinds):
        typer.echo("kommlint: --report ska vara json, txt eller json,txt", err=True)
        raise typer.Exit(2)
    try:
        settings = api.settings(config_file, start=inbox, fail_on=fail_on)
    except (ConfigError, PackError) as exc:
        typer.echo(f"kommlint: {exc}", err=True)
        raise typer.Exit(2) from None

    box = Inbox(
        inbox,
        settings,
        WatchOptions(interval=interval, settle=settle, reports=kinds),
        log=typer.echo,
    )
    stop = threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():

        def request_stop(signum, frame) -> None:
            typer.echo("kommlint: stoppar efter filen som granskas nu", err=True)
            stop.set()
            # A second Ctrl-C interrupts at once.
            signal.signal(signal.SIGINT, previous.get(signal.SIGINT, signal.default_int_handler))

        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, request_stop)
    if not once:
        typer.echo(f"kommlint bevakar {inbox} (Ctrl-C avslutar)")
    try:
        filed = box.run(once=once, stop=stop)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if once and any(f.outcome == "fail" for f in filed):
        raise typer.Exit(1)
