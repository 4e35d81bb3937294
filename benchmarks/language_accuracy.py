"""Accuracy and speed of kommlint's Swedish language layer.

Prints, for the Talbanken v2 test split and for PUD (both never used in training):
UPOS accuracy, morphological feature accuracy (all features of a token right), lemma
accuracy (lower-cased, on the pipeline's own POS), sentence boundary F1 and words per
second on one core; plus passive-voice precision/recall/F1 against Voice=Pass.

Tagging and lemmas are scored on gold tokenisation (the treebank words), so that the
figures measure tagging, not tokenisation. Sentence splitting is scored on raw text:
each treebank paragraph (Talbanken `# newpar`, PUD one document per sentence group) is
analysed as one block, and a predicted sentence boundary counts as right when a gold
sentence starts at the same character offset. Only boundaries inside a block count
(the block start is free), which is the harder, honest figure.

Usage: OMP_NUM_THREADS=1 python benchmarks/language_accuracy.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "src"))

import conllu  # noqa: E402

from kommlint.language import Analyzer, fix_pos  # noqa: E402
from kommlint.language.grammar import find_passives  # noqa: E402
from kommlint.language.lemmastore import lookup  # noqa: E402
from kommlint.language.lemmatizer import imperative_lemma  # noqa: E402
from kommlint.language.lexicon import DEPONENT_FORMS  # noqa: E402


def _feats(s: str) -> frozenset[str]:
    return frozenset() if s in ("", "_") else frozenset(s.split("|"))


def tagging(an: Analyzer, sents: list[conllu.Sentence]) -> dict[str, float]:
    from spacy.tokens import Doc

    nlp = an.nlp
    docs = [Doc(nlp.vocab, words=[r.form for r in s.rows]) for s in sents]
    n = upos = feats = lemma = lemma_lookup = lemma_untagged = 0
    for doc, s in zip(nlp.pipe(docs, batch_size=64), sents, strict=True):
        imp = None
        if len(doc) > 1:  # the same sentence-initial imperative correction as Analyzer
            imp = imperative_lemma(doc[0].text, doc[0].pos_, str(doc[0].morph), doc[1].text,
                                   doc[1].pos_)  # fmt: skip
        for t, r in zip(doc, s.rows, strict=True):
            n += 1
            pos = fix_pos(t.text, t.pos_)  # the same corrections as Analyzer
            if imp is not None and t.i == 0:
                pos = "VERB"
            upos += pos == r.upos
            feats += _feats(str(t.morph)) == _feats(r.feats)
            gold = r.lemma.lower()
            lemma += an.lemmatizer.lemma(t.text, pos, str(t.morph)) == gold
            lemma_untagged += an.lemmatizer.lemma(t.text) == gold
            got = lookup(t.text) or lookup(t.text.lower())
            lemma_lookup += (got or t.text).lower() == gold
    return {
        "tokens": n,
        "upos": upos / n,
        "feats": feats / n,
        "lemma": lemma / n,
        "lemma_lookup": lemma_lookup / n,
        "lemma_untagged": lemma_untagged / n,
    }


def blocks(sents: list[conllu.Sentence]) -> list[tuple[str, set[int]]]:
    """Group sentences into paragraphs: (text, gold sentence start offsets)."""
    out: list[tuple[str, set[int]]] = []
    text, starts = "", set()
    for s in sents:
        if s.new_par and text:
            out.append((text, starts))
            text, starts = "", set()
        if text:
            text += " "
        starts.add(len(text))
        text += s.text()
    if text:
        out.append((text, starts))
    return out


def sentence_f1(an: Analyzer, sents: list[conllu.Sentence]) -> dict[str, float]:
    tp = fp = fn = 0
    data = blocks(sents)
    results = an.analyse_many([t for t, _ in data], tag=False)
    for (_, gold), res in zip(data, results, strict=True):
        pred = {s.start for s in res.sentences}
        gold_inner, pred_inner = gold - {0}, pred - {min(pred, default=0)}
        tp += len(gold_inner & pred_inner)
        fp += len(pred_inner - gold_inner)
        fn += len(gold_inner - pred_inner)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"blocks": len(data), "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def speed(
    an: Analyzer, sents: list[conllu.Sentence], tag: bool, rounds: int = 1
) -> tuple[float, float]:
    """Words per second by wall clock and by this process's CPU time (one thread: the
    CPU figure is the one-core speed even when other jobs share the machine)."""
    data = [t for t, _ in blocks(sents)]
    words = sum(len(s.rows) for s in sents)
    an.analyse_many(data[:20], tag=tag)  # warm up: loads the model and the lemma tables
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        an.analyse_many(data, tag=tag)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return words * rounds / wall, words * rounds / cpu


def passive(an: Analyzer, sents: list[conllu.Sentence]) -> dict[str, float]:
    """Voice=Pass verbs (deponent forms excluded) vs find_passives on raw sentences."""
    tp = fp = fn = 0
    results = an.analyse_many([s.text() for s in sents])
    for s, res in zip(sents, results, strict=True):
        text = s.text()
        # gold: character spans of passive verbs
        gold, pos = set(), 0
        for r in s.rows:
            idx = text.find(r.form, pos)
            if idx < 0:
                continue
            pos = idx + len(r.form)
            if (
                "Voice=Pass" in r.feats
                and r.upos in ("VERB", "AUX")
                and r.form.lower() not in DEPONENT_FORMS
            ):
                gold.add(idx)
        pred = {p.verb_start for p in find_passives(res) if p.kind == "s-passive"}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"gold": tp + fn, "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="skip the speed measurement")
    args = ap.parse_args()
    an = Analyzer()
    sets = {
        "Talbanken v2 test": list(conllu.read(conllu.V2_TEST)),
        "PUD test": list(conllu.read(conllu.PUD_TEST)),
    }
    print(f"model: {an.model_path}")
    header = (
        f"{'set':20}{'tokens':>8}{'UPOS':>8}{'FEATS':>8}{'lemma':>8}{'untag':>8}{'lookup':>8}"
        f"{'sent P':>8}{'sent R':>8}{'sent F1':>8}"
    )
    print(header)
    for name, sents in sets.items():
        a = tagging(an, sents)
        b = sentence_f1(an, sents)
        print(
            f"{name:20}{a['tokens']:8d}{a['upos']:8.2%}{a['feats']:8.2%}{a['lemma']:8.2%}"
            f"{a['lemma_untagged']:8.2%}{a['lemma_lookup']:8.2%}{b['p']:8.3f}{b['r']:8.3f}{b['f1']:8.3f}"
        )
    print(
        "(lemma = kommlint hybrid on predicted POS; untag = the same without POS, the "
        "tag=False mode; lookup = spacy-lookups-data alone)"
    )
    for name, sents in sets.items():
        p = passive(an, sents)
        print(
            f"passive (s-forms, Voice=Pass, deponents excluded) {name}: gold {p['gold']}, "
            f"P {p['p']:.3f} R {p['r']:.3f} F1 {p['f1']:.3f}"
        )
    sys.path.insert(0, str(ROOT / "tests"))
    from test_language_grammar import evaluate_passive_set

    h = evaluate_passive_set()
    print(
        f"passive, hand-written set ({h['sentences']} sentences, all kinds): "
        f"P {h['p']:.3f} R {h['r']:.3f} F1 {h['f1']:.3f}, agent accuracy {h['agent_accuracy']:.3f}"
    )
    if not args.quick:
        sents = sets["Talbanken v2 test"]
        for label, tag in (("full pipeline (tag=True)", True), ("untagged (tag=False)", False)):
            wall, cpu = speed(an, sents, tag, rounds=2)
            print(f"words/s, one thread, {label:25} CPU time {cpu:8.0f}   wall {wall:8.0f}")


if __name__ == "__main__":
    main()
