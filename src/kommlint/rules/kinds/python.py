"""`python`: a named check function, for what YAML cannot say.

Fields:
  check: "module.function" — a function in kommlint.rules.checks.<module> taking a
         RuleContext and yielding Findings. Options come from the rule's `options`.
"""

from __future__ import annotations

import importlib

from kommlint.rules.context import RuleContext
from kommlint.rules.model import Rule

fields = {"check"}


def compile(rule: Rule):
    name = rule.spec.get("check")
    if not isinstance(name, str) or "." not in name:
        raise ValueError("kind python behöver 'check: modul.funktion'")
    module_name, _, function_name = name.rpartition(".")
    try:
        module = importlib.import_module(f"kommlint.rules.checks.{module_name}")
    except ModuleNotFoundError:
        raise ValueError(f"kontrollmodulen '{module_name}' finns inte") from None
    function = getattr(module, function_name, None)
    if not callable(function):
        raise ValueError(f"kontrollfunktionen '{name}' finns inte")
    return function


def run(rule: Rule, ctx: RuleContext):
    return rule.compiled(ctx)
