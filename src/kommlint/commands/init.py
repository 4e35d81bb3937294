"""`kommlint init`: write a commented kommlint.toml with every option and its default.

The file loads to exactly the defaults (a test checks it): options whose default is "not
set" (packs, jobs, cache_dir) are written commented out, every other option is written
with its default value. An option added to config._SCHEMA later and not described here is
still written, commented out, with the description the schema gives it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kommlint.config import _SCHEMA, Config

HEADER = """\
# kommlint.toml – inställningar för kommlint (skapad av `kommlint init`).
#
# Varje inställning står här med sitt standardvärde. Ändra det du behöver; rader som
# börjar med # gäller inte. Samma inställningar kan stå under [tool.kommlint] i
# pyproject.toml. Se `kommlint rules` för alla regler och `kommlint explain ID`.
"""

# key -> the lines written for it (comments and the value). Tables come last in the file.
TEMPLATE: dict[str, str] = {
    "packs": """\
# Regelpaket som körs. Inte satt: alla paket (sender, logo, klarsprak, inclusive,
# political och de som tillkommer).
# packs = ["sender", "logo", "klarsprak", "inclusive", "political"]
""",
    "select": """\
# Kör bara dessa regler: id (KLR012), prefix (KLR) eller paketnamn. Tom: alla.
select = []
""",
    "ignore": """\
# Hoppa över dessa regler (id, prefix eller paketnamn).
ignore = []
""",
    "fail_on": """\
# Lägsta nivå som ger slutkod 1: "error", "warning", "info" eller "never".
fail_on = "error"
""",
    "lang": """\
# Rapportens språk: "sv" eller "en".
lang = "sv"
""",
    "extra_packs": """\
# Egna regelpaket: mappar med YAML-filer (relativa till den här filen).
extra_packs = []
""",
    "include": """\
# Granska bara filer som matchar dessa globmönster (tom: alla filformat som stöds).
include = []
""",
    "exclude": """\
# Hoppa över filer och mappar som matchar dessa globmönster, t.ex. ["utkast/**"].
exclude = []
""",
    "jobs": """\
# Antal parallella processer. Inte satt: kommlint väljer.
# jobs = 4
""",
    "timeout": """\
# Längsta tid i sekunder för en fil innan den rapporteras som fel.
timeout = 120.0
""",
    "cache_dir": """\
# Mapp för cachen. Inte satt: användarens cachemapp.
# cache_dir = ".kommlint-cache"
""",
    "ocr": """\
# Läs text i bilder och skannade sidor med OCR (Tesseract med svensk språkmodell).
ocr = true
""",
    "severity": """\
# Ändra nivån för enskilda regler: regel-id = "error" | "warning" | "info".
[severity]
# KLR012 = "info"
""",
    "rules": """\
# Inställningar per regel (se `kommlint explain ID` för vilka som finns), t.ex.:
# [rules.KLR001]
# max = 25
[rules]
""",
    "per_path_ignores": """\
# Stäng av regler för vissa sökvägar (globmönster relativt till den här filen).
[per_path_ignores]
# "arkiv/**" = ["LOGO"]
""",
}
TABLES = ("severity", "rules", "per_path_ignores")


def config_text() -> str:
    """The whole commented file; every key of config._SCHEMA appears in it."""
    chunks = [HEADER]
    keys = [k for k in _SCHEMA if k not in TABLES] + [k for k in _SCHEMA if k in TABLES]
    for key in keys:
        if key in TEMPLATE:
            chunks.append(TEMPLATE[key])
        else:  # an option this template does not know yet: written commented out
            description = _SCHEMA[key][1]
            chunks.append(f"# {key}: {description}. Standard: {getattr(Config(), key, None)!r}\n")
    return "\n".join(chunks)


def init(
    path: Annotated[
        Path, typer.Argument(help="Filen att skriva, eller en mapp (standard: ./kommlint.toml).")
    ] = Path("kommlint.toml"),
    force: Annotated[bool, typer.Option("--force", help="Skriv över en befintlig fil.")] = False,
) -> None:
    """Skriv en kommenterad kommlint.toml med alla inställningar och deras standardvärden."""
    if path.is_dir():
        path = path / "kommlint.toml"
    if path.exists() and not force:
        typer.echo(f"kommlint: {path} finns redan (skriv över med --force)", err=True)
        raise typer.Exit(2)
    try:
        path.write_text(config_text(), encoding="utf-8")
    except OSError as exc:
        typer.echo(f"kommlint: kan inte skriva {path}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"Skrev {path}")
