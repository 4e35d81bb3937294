"""Precision and recall of a rule pack on its labelled sentences.

    python benchmarks/pack_accuracy.py klarsprak [--show-errors]

The labelled set is tests/data/packs/<pack>.tsv: one text a line, `rules<TAB>text`, where
`rules` is a comma-separated list of the rule ids that should fire on the text, or `-`
for none (a negative). Lines starting with `#` are comments; a comment line
`# targets: precision=0.95 recall=0.85` sets the quality bar that the test-suite checks.
Each rule that appears in some label is scored: a text counts as a true positive for a
rule when the rule was expected and fired, a false positive when it fired unexpectedly,
and a false negative when it was expected and did not fire.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "packs"


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    texts: int = 0
    negatives: int = 0
    errors: list[str] = field(default_factory=list)
    targets: dict[str, float] = field(default_factory=dict)

    def precision(self, rule: str | None = None) -> float:
        tp = self.tp[rule] if rule else sum(self.tp.values())
        fp = self.fp[rule] if rule else sum(self.fp.values())
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, rule: str | None = None) -> float:
        tp = self.tp[rule] if rule else sum(self.tp.values())
        fn = self.fn[rule] if rule else sum(self.fn.values())
        return tp / (tp + fn) if tp + fn else 1.0


def read_labelled(path: Path) -> tuple[list[tuple[set[str], str]], dict[str, float]]:
    rows, targets = [], {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            if line.lstrip("# ").startswith("targets:"):
                for pair in line.split(":", 1)[1].split():
                    key, _, value = pair.partition("=")
                    targets[key] = float(value)
            continue
        labels, sep, text = line.partition("\t")
        if not sep or not text.strip():
            raise ValueError(f"{path}:{number}: expected 'rules<TAB>text'")
        expected = set() if labels.strip() == "-" else {x.strip() for x in labels.split(",")}
        rows.append((expected, text.strip()))
    return rows, targets


def evaluate(pack_name: str, path: Path | None = None) -> Scores:
    from kommlint.readers import read_text
    from kommlint.rules.engine import run_rules
    from kommlint.rules.loader import load_packs

    path = path or DATA / f"{pack_name}.tsv"
    rows, targets = read_labelled(path)
    pack = next(p for p in load_packs() if p.name == pack_name)
    scored = {rule for expected, _ in rows for rule in expected}
    rules = [r for r in pack.rules if r.id in scored]
    scores = Scores(targets=targets)
    for expected, text in rows:
        document = read_text(text, "<labelled>")
        document.number_blocks()
        fired = {f.rule for f in run_rules(document, rules)}
        scores.texts += 1
        scores.negatives += not expected
        for rule in scored:
            if rule in expected and rule in fired:
                scores.tp[rule] += 1
            elif rule in fired:
                scores.fp[rule] += 1
                scores.errors.append(f"FP {rule}: {text}")
            elif rule in expected:
                scores.fn[rule] += 1
                scores.errors.append(f"FN {rule}: {text}")
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    scores = evaluate(args.pack)
    print(f"pack {args.pack}: {scores.texts} texts, {scores.negatives} negatives")
    print(f"{'rule':<8} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for rule in sorted(set(scores.tp) | set(scores.fp) | set(scores.fn)):
        print(
            f"{rule:<8} {scores.tp[rule]:>4} {scores.fp[rule]:>4} {scores.fn[rule]:>4} "
            f"{scores.precision(rule):>9.3f} {scores.recall(rule):>7.3f}"
        )
    print(
        f"{'all':<8} {sum(scores.tp.values()):>4} {sum(scores.fp.values()):>4} "
        f"{sum(scores.fn.values()):>4} {scores.precision():>9.3f} {scores.recall():>7.3f}"
    )
    if scores.targets:
        print("targets:", scores.targets)
    if args.show_errors:
        print("\n".join(scores.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
