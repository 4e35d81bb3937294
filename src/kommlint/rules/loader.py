"""Load rule packs from YAML and validate them.

Every problem names the pack file, the line and what is wrong, so that someone editing a
pack (or writing their own in an extra pack folder) can fix it without reading code.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kommlint.document import Part, Severity
from kommlint.rules.model import DEFAULT_TEXT_PARTS, PACK_PREFIXES, Pack, Rule

LINE_KEY = "__line__"
RULE_FIELDS = {
    "id",
    "name",
    "severity",
    "kind",
    "summary",
    "summary_en",
    "message",
    "message_en",
    "rationale",
    "rationale_en",
    "source",
    "examples",
    "options",
    "parts",
}
PACK_FIELDS = {"pack", "prefix", "version", "title", "title_en", "description", "rules"}
ID_PATTERN = re.compile(r"^[A-Z]{3,4}\d{3}$")


class PackError(Exception):
    """A pack file is invalid. str() gives "file:line: problem"."""

    def __init__(self, path: Path, line: int | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")


# libyaml's loader when PyYAML has it (several times faster on the large packs).
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):
    """A SafeLoader that remembers the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def strip_lines(value: Any) -> Any:
    """A copy of parsed YAML without the line markers."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def builtin_pack_dir() -> Path:
    """The packs shipped with kommlint: in the wheel under kommlint/packs, in a source
    checkout (editable install, tests) the repository's rules/ folder."""
    installed = Path(__file__).resolve().parent.parent / "packs"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "rules"


def load_pack(path: Path) -> Pack:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(path, None, f"kan inte läsa filen ({exc})") from None
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise PackError(path, line, f"ogiltig YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise PackError(path, 1, "en regelpaketfil ska vara en mappning med 'pack' och 'rules'")
    return _build_pack(path, data)


def _require(data: dict, key: str, path: Path, kind: type | tuple = str) -> Any:
    line = data.get(LINE_KEY)
    if key not in data:
        raise PackError(path, line, f"fältet '{key}' saknas")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise PackError(path, line, f"fältet '{key}' ska vara {names}, inte {value!r}")
    return value


def _build_pack(path: Path, data: dict) -> Pack:
    unknown = set(data) - PACK_FIELDS - {LINE_KEY}
    if unknown:
        raise PackError(path, data[LINE_KEY], f"okända fält på paketnivå: {sorted(unknown)}")
    name = _require(data, "pack", path)
    prefix = data.get("prefix") or PACK_PREFIXES.get(name)
    if not prefix:
        raise PackError(path, data[LINE_KEY], f"paketet '{name}' behöver ett 'prefix'")
    pack = Pack(
        name=name,
        prefix=prefix,
        version=int(data.get("version", 1)),
        title=str(data.get("title", name)),
        title_en=str(data.get("title_en", data.get("title", name))),
        description=str(data.get("description", "")),
        path=path,
    )
    rules = _require(data, "rules", path, list)
    seen: set[str] = set()
    for raw in rules:
        if not isinstance(raw, dict):
            raise PackError(path, data[LINE_KEY], f"varje regel ska vara en mappning: {raw!r}")
        rule = _build_rule(path, pack, raw)
        if rule.id in seen:
            raise PackError(path, rule.line, f"regel-id {rule.id} förekommer två gånger")
        seen.add(rule.id)
        pack.rules.append(rule)
    return pack


def _build_rule(path: Path, pack: Pack, raw: dict) -> Rule:
    from kommlint.rules.kinds import KINDS

    line = raw.get(LINE_KEY)
    rule_id = _require(raw, "id", path)
    if not ID_PATTERN.match(rule_id) or not rule_id.startswith(pack.prefix):
        raise PackError(
            path, line, f"regel-id '{rule_id}' ska vara '{pack.prefix}' följt av tre siffror"
        )
    kind_name = _require(raw, "kind", path)
    kind = KINDS.get(kind_name)
    if kind is None:
        raise PackError(
            path, line, f"{rule_id}: okänd kind '{kind_name}' (finns: {', '.join(sorted(KINDS))})"
        )
    severity_text = _require(raw, "severity", path)
    try:
        severity = Severity(severity_text)
    except ValueError:
        raise PackError(
            path,
            line,
            f"{rule_id}: severity ska vara error, warning eller info, inte '{severity_text}'",
        ) from None
    for key in ("message", "rationale"):
        _require(raw, key, path)
    examples = raw.get("examples")
    if not isinstance(examples, dict) or not (examples.get("bad") or examples.get("good")):
        raise PackError(path, line, f"{rule_id}: 'examples' med 'bad' och/eller 'good' saknas")
    parts = DEFAULT_TEXT_PARTS
    if "parts" in raw:
        try:
            parts = tuple(Part(p) for p in raw["parts"])
        except (ValueError, TypeError):
            raise PackError(
                path, line, f"{rule_id}: okänd del i 'parts': {raw['parts']!r}"
            ) from None
    options = strip_lines(raw.get("options") or {})
    if not isinstance(options, dict):
        raise PackError(path, line, f"{rule_id}: 'options' ska vara en mappning")
    spec = {k: v for k, v in raw.items() if k not in RULE_FIELDS and k != LINE_KEY}
    unknown = set(spec) - kind.fields
    if unknown:
        raise PackError(
            path,
            line,
            f"{rule_id}: fält som kind '{kind_name}' inte känner: {sorted(unknown)} "
            f"(kända: {sorted(kind.fields)})",
        )
    summary = str(raw.get("summary") or raw.get("name") or "")
    rule = Rule(
        id=rule_id,
        name=_require(raw, "name", path),
        pack=pack.name,
        severity=severity,
        kind=kind_name,
        message=raw["message"].strip(),
        message_en=str(raw.get("message_en", "")).strip(),
        rationale=raw["rationale"].strip(),
        rationale_en=str(raw.get("rationale_en", "")).strip(),
        summary=summary,
        summary_en=str(raw.get("summary_en") or summary),
        source=str(raw.get("source", "")),
        examples_bad=strip_lines(list(examples.get("bad") or [])),
        examples_good=strip_lines(list(examples.get("good") or [])),
        options=options,
        parts=parts,
        spec=spec,
        pack_file=path,
        line=line,
    )
    try:
        rule.compiled = kind.compile(rule)
    except PackError:
        raise
    except (ValueError, TypeError, KeyError, re.error) as exc:
        raise PackError(path, line, f"{rule_id}: {exc}") from None
    return rule


def pack_files(extra_dirs: tuple[Path, ...] = ()) -> list[Path]:
    files = sorted(builtin_pack_dir().glob("*.yaml"))
    for folder in extra_dirs:
        files.extend(sorted(Path(folder).glob("*.yaml")))
    return files


@lru_cache(maxsize=8)
def load_packs(extra_dirs: tuple[Path, ...] = ()) -> tuple[Pack, ...]:
    """Every built-in pack plus those in extra folders. Raises PackError on the first bad one."""
    return tuple(load_pack(path) for path in pack_files(extra_dirs))
