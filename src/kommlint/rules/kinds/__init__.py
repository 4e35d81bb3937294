"""Rule kinds. Each kind is a module with:

    fields: set[str]                    the YAML fields the kind adds to a rule
    compile(rule) -> Any                validate the fields, build matchers (raise ValueError)
    run(rule, ctx) -> Iterable[Finding] the findings of the rule on one document

`compile` runs when the pack loads (so errors name the pack file and line), `run` once per
document. A new kind is one new module listed here.
"""

from __future__ import annotations

import importlib
from types import ModuleType

_KIND_MODULES = {
    "existence": "kommlint.rules.kinds.existence",
    "substitution": "kommlint.rules.kinds.substitution",
    "required": "kommlint.rules.kinds.required",
    "metric": "kommlint.rules.kinds.metric",
    "python": "kommlint.rules.kinds.python",
    "logo": "kommlint.rules.kinds.logo",
}


class _Kinds(dict):
    """Imports a kind's module the first time it is asked for."""

    def get(self, name: str, default=None) -> ModuleType | None:  # type: ignore[override]
        if name not in _KIND_MODULES:
            return default
        if name not in self:
            self[name] = importlib.import_module(_KIND_MODULES[name])
        return self[name]

    def __iter__(self):
        return iter(_KIND_MODULES)

    def __len__(self) -> int:
        return len(_KIND_MODULES)


KINDS = _Kinds()
