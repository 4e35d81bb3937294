"""Configuration: kommlint.toml, or [tool.kommlint] in pyproject.toml.

Found from the checked path upwards (the nearest wins), or named with --config. Every
problem is a ConfigError that names the file, the key and what is wrong (exit code 2).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kommlint.document import Severity

FAIL_LEVELS = ("error", "warning", "info", "never")
CONFIG_NAMES = ("kommlint.toml", ".kommlint.toml", "pyproject.toml")


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: Path | None = None
    packs: list[str] | None = None  # None: every pack
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    lang: str = "sv"
    extra_packs: list[Path] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    jobs: int | None = None
    timeout: float = 120.0
    cache_dir: Path | None = None
    ocr: bool = True

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


# key -> (type(s) accepted, description used in error messages)
_SCHEMA: dict[str, tuple[type | tuple[type, ...], str]] = {
    "packs": (list, "en lista med paketnamn"),
    "select": (list, "en lista med regel-id, prefix eller paketnamn"),
    "ignore": (list, "en lista med regel-id, prefix eller paketnamn"),
    "fail_on": (str, "en av " + ", ".join(FAIL_LEVELS)),
    "lang": (str, "sv eller en"),
    "extra_packs": (list, "en lista med mappar"),
    "severity": (dict, "en tabell regel-id = nivå"),
    "rules": (dict, "en tabell per regel-id med dess inställningar"),
    "per_path_ignores": (dict, "en tabell glob = [regler]"),
    "include": (list, "en lista med globmönster"),
    "exclude": (list, "en lista med globmönster"),
    "jobs": (int, "ett heltal ≥ 1"),
    "timeout": ((int, float), "sekunder, ett tal > 0"),
    "cache_dir": (str, "en mapp"),
    "ocr": (bool, "true eller false"),
}


def find_config(start: Path) -> Path | None:
    """The nearest kommlint.toml, or pyproject.toml with [tool.kommlint], from start upwards."""
    here = start.resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            try:
                if "kommlint" in tomllib.loads(candidate.read_text("utf-8")).get("tool", {}):
                    return candidate
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                continue
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: konfigurationsfilen finns inte") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: kan inte läsa konfigurationsfilen ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: ogiltig TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("kommlint", {})
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path | None) -> Config:
    where = str(path) if path else "konfigurationen"

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{where}: nyckeln '{key}': {problem}")

    for key, value in data.items():
        if key not in _SCHEMA:
            known = ", ".join(sorted(_SCHEMA))
            raise ConfigError(f"{where}: okänd nyckel '{key}' (kända nycklar: {known})")
        kinds, description = _SCHEMA[key]
        if isinstance(value, bool) and kinds is not bool:
            raise fail(key, f"ska vara {description}, inte {value!r}")
        if not isinstance(value, kinds):
            raise fail(key, f"ska vara {description}, inte {value!r}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise fail(key, f"ska vara {description} (text), inte {value!r}")
    config = Config(path=path)
    base = path.parent if path else Path.cwd()
    for key in ("packs", "select", "ignore", "include", "exclude"):
        if key in data:
            setattr(config, key, list(data[key]))
    if "fail_on" in data:
        if data["fail_on"] not in FAIL_LEVELS:
            raise fail("fail_on", f"ska vara en av {', '.join(FAIL_LEVELS)}")
        config.fail_on = data["fail_on"]
    if "lang" in data:
        if data["lang"] not in ("sv", "en"):
            raise fail("lang", "ska vara sv eller en")
        config.lang = data["lang"]
    config.extra_packs = [(base / p) for p in data.get("extra_packs", [])]
    for folder in config.extra_packs:
        if not folder.is_dir():
            raise fail("extra_packs", f"mappen {folder} finns inte")
    for rule_id, level in data.get("severity", {}).items():
        try:
            config.severity[rule_id.upper()] = Severity(level)
        except ValueError:
            raise fail(f"severity.{rule_id}", "ska vara error, warning eller info") from None
    for rule_id, options in data.get("rules", {}).items():
        if not isinstance(options, dict):
            raise fail(f"rules.{rule_id}", "ska vara en tabell med inställningar")
        options = dict(options)
        if "severity" in options:
            try:
                config.severity[rule_id.upper()] = Severity(options.pop("severity"))
            except ValueError:
                raise fail(
                    f"rules.{rule_id}.severity", "ska vara error, warning eller info"
                ) from None
        config.rules[rule_id.upper()] = options
    for pattern, selectors in data.get("per_path_ignores", {}).items():
        if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
            raise fail(f"per_path_ignores.{pattern}", "ska vara en lista med regler")
        config.per_path_ignores[pattern] = selectors
    if "jobs" in data:
        if data["jobs"] < 1:
            raise fail("jobs", "ska vara ett heltal ≥ 1")
        config.jobs = data["jobs"]
    if "timeout" in data:
        if data["timeout"] <= 0:
            raise fail("timeout", "ska vara ett tal > 0")
        config.timeout = float(data["timeout"])
    if "cache_dir" in data:
        config.cache_dir = base / data["cache_dir"]
    if "ocr" in data:
        config.ocr = data["ocr"]
    return config
