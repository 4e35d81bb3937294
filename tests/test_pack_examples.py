"""Every example of every built-in pack: a bad example fires its rule, a good one does not."""

from __future__ import annotations

import pytest

from kommlint.rules.examples import run_example
from kommlint.rules.loader import load_packs

CASES = [
    pytest.param(rule, kind, example, id=f"{rule.id}-{kind}{i}")
    for pack in load_packs()
    for rule in pack.rules
    for kind, examples in (("bad", rule.examples_bad), ("good", rule.examples_good))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize("rule, kind, example", CASES)
def test_example(rule, kind, example):
    findings = run_example(rule, example)
    if kind == "bad":
        assert findings, f"{rule.id} should fire on {example!r}"
        assert all(f.rule == rule.id for f in findings)
    else:
        assert not findings, f"{rule.id} fired on a good example: {[f.message for f in findings]}"


def test_every_rule_has_rationale_and_examples():
    for pack in load_packs():
        for rule in pack.rules:
            assert rule.rationale and rule.message, rule.id
            assert rule.examples_bad or rule.examples_good, rule.id
            assert rule.id.startswith(pack.prefix), rule.id
