"""--select / --ignore: rule ids, id prefixes (KLR, KLR0) or pack names."""

from __future__ import annotations

from collections.abc import Iterable

from kommlint.rules.model import Pack, Rule


class SelectionError(ValueError):
    pass


def matches(selector: str, rule: Rule) -> bool:
    s = selector.strip()
    return s.lower() == rule.pack or rule.id.startswith(s.upper())


def validate(selectors: Iterable[str], packs: Iterable[Pack]) -> None:
    rules = [r for p in packs for r in p.rules]
    for selector in selectors:
        if not any(matches(selector, r) for r in rules):
            raise SelectionError(selector)


def select_rules(
    packs: Iterable[Pack],
    *,
    enabled_packs: Iterable[str] | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Rule]:
    enabled = set(enabled_packs) if enabled_packs is not None else None
    select, ignore = list(select), list(ignore)
    chosen = []
    for pack in packs:
        for rule in pack.rules:
            explicitly = any(matches(s, rule) for s in select)
            if select and not explicitly:
                continue
            if not explicitly and enabled is not None and pack.name not in enabled:
                continue
            if any(matches(s, rule) for s in ignore):
                continue
            chosen.append(rule)
    return chosen
