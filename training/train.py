"""Train and ship kommlint's Swedish spaCy pipeline.

Steps (each reproducible, no network):
  1. harmonise the v1 training split to v2 (training/harmonise.py; learned on dev pairs);
  2. build spaCy corpora: train = harmonised v1 train + v2 dev (minus a small held-out
     slice of v2 dev used only to pick the best checkpoint) + a few hundred synthetic
     municipal imperatives and headings (training/municipal.py, labelled with a first
     model trained without them); the test splits are never read;
  3. `spacy train` training/config.cfg on ONE thread (tok2vec + tagger + morphologizer);
  4. finalise: add kommlint's tokenizer exceptions, learn the lemma exception table from
     the v2 dev lemmas, write the attribution, copy into src/kommlint/language/model/.

Usage:  python training/train.py [--steps 6000] [--fresh] [--skip-train]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

import conllu  # noqa: E402
from harmonise import Harmoniser  # noqa: E402

CORPUS = HERE / "work" / "corpus"
OUTPUT = HERE / "work" / "output"
BOOTSTRAP = HERE / "work" / "bootstrap"  # Talbanken-only model that labels municipal.py
MODEL_DIR = ROOT / "src" / "kommlint" / "language" / "model"
HELD_OUT = 60  # v2 dev sentences kept aside for checkpoint selection only

ATTRIBUTION = """\
kommlint Swedish pipeline (tokenizer, tok2vec, tagger, morphologizer) and lemma table

This model is a derived work of the Universal Dependencies Swedish-Talbanken treebank
and is distributed under the Creative Commons Attribution-ShareAlike 4.0 International
licence (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/).

Training data:
  * UD Swedish-Talbanken, UD v1 training split (annotation harmonised to UD v2 by
    kommlint's training/harmonise.py) and UD v2 development split.
    https://github.com/UniversalDependencies/UD_Swedish-Talbanken
    Talbanken is based on the professional prose section of Talbanken (Lund University),
    converted to UD by Joakim Nivre, Aaron Smith and others; see the upstream README.
  * Lemma table: lemmas from the UD v2 Swedish-Talbanken development split.

Changes: annotation harmonisation (v1 -> v2 UPOS and features), training of a statistical
model; no treebank text is redistributed verbatim apart from word forms in the lemma table.

The kommlint code itself is MIT-licensed; this model folder is CC BY-SA 4.0.
"""


def _docs(sentences: list[conllu.Sentence], nlp, per_doc: int = 8, lemmas: bool = True):
    from spacy.tokens import Doc

    batch: list[conllu.Sentence] = []
    for s in sentences:
        batch.append(s)
        if len(batch) == per_doc:
            yield _doc(batch, nlp, lemmas, Doc)
            batch = []
    if batch:
        yield _doc(batch, nlp, lemmas, Doc)


def _doc(batch, nlp, lemmas, Doc):
    words, spaces, tags, pos, morphs, starts, lems = [], [], [], [], [], [], []
    for s in batch:
        for i, r in enumerate(s.rows):
            words.append(r.form)
            spaces.append(r.space_after or i == len(s.rows) - 1)
            tags.append(r.xpos)
            pos.append(r.upos)
            morphs.append("" if r.feats == "_" else r.feats)
            starts.append(i == 0)
            lems.append(r.lemma if lemmas and r.lemma != "_" else r.form)
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        sent_starts=starts,
        lemmas=lems,
    )


def build_corpora(silver_model: Path | None) -> None:
    import municipal
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("sv")
    dev_pairs = conllu.align(list(conllu.read(conllu.V1_DEV)), list(conllu.read(conllu.V2_DEV)))
    h = Harmoniser()
    h.learn(dev_pairs)
    train_v1 = h.apply(list(conllu.read(conllu.V1_TRAIN)))
    v2_dev = list(conllu.read(conllu.V2_DEV))
    held, v2_train = v2_dev[-HELD_OUT:], v2_dev[:-HELD_OUT]
    CORPUS.mkdir(parents=True, exist_ok=True)
    train = DocBin(docs=_docs(train_v1, nlp, lemmas=False))
    for d in _docs(v2_train, nlp):
        train.add(d)
    if silver_model is not None:
        silver = spacy.load(silver_model)
        extra = municipal.docs(silver, nlp.vocab)
        for d in extra:
            train.add(d)
        print(f"plus {len(extra)} synthetic municipal sentences (training/municipal.py)")
    train.to_disk(CORPUS / "train.spacy")
    DocBin(docs=_docs(held, nlp)).to_disk(CORPUS / "dev.spacy")
    n = sum(len(s.rows) for s in train_v1) + sum(len(s.rows) for s in v2_train)
    print(f"train: {len(train_v1)} harmonised v1 + {len(v2_train)} v2 dev sentences, {n} tokens")
    print(f"checkpoint selection: {len(held)} held-out v2 dev sentences")


def train(steps: int, output: Path) -> None:
    env = dict(os.environ)
    # one core: the machine is shared and the speed target is per core
    env.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(HERE / "config.cfg"),
        "--output",
        str(output),
        "--paths.train",
        str(CORPUS / "train.spacy"),
        "--paths.dev",
        str(CORPUS / "dev.spacy"),
        "--training.max_steps",
        str(steps),
    ]
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)


def lemma_table() -> dict[tuple[str, str], str]:
    """(lower form, UPOS) -> lemma, the majority lemma over the v2 dev split."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for s in conllu.read(conllu.V2_DEV):
        for r in s.rows:
            if r.lemma not in ("_", ""):
                counts[(r.form.lower(), r.upos)][r.lemma.lower()] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


def finalise() -> None:
    import spacy

    from kommlint.language.tokenizer import customise_tokenizer

    nlp = spacy.load(OUTPUT / "model-best")
    customise_tokenizer(nlp)
    nlp.meta.update(
        name="kommlint_sv",
        version="1.0.0",
        license="CC BY-SA 4.0",
        description="Swedish tagger/morphologizer for kommlint, trained on UD Talbanken",
        sources=[
            {
                "name": "UD Swedish-Talbanken",
                "url": "https://github.com/UniversalDependencies/UD_Swedish-Talbanken",
                "license": "CC BY-SA 4.0",
            }
        ],
    )
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    nlp.to_disk(MODEL_DIR)
    with open(MODEL_DIR / "lemmas.tsv", "w", encoding="utf-8") as fh:
        for (form, upos), lemma in sorted(lemma_table().items()):
            fh.write(f"{form}\t{upos}\t{lemma}\n")
    (MODEL_DIR / "ATTRIBUTION.md").write_text(ATTRIBUTION, encoding="utf-8")
    shutil.copy(conllu.TALBANKEN / "LICENSE.txt", MODEL_DIR / "LICENSE.txt")
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    print(f"saved to {MODEL_DIR} ({size / 1e6:.1f} MB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--steps", type=int, default=6000)
    ap.add_argument("--skip-train", action="store_true", help="only finalise model-best")
    ap.add_argument("--fresh", action="store_true", help="retrain the bootstrap model too")
    args = ap.parse_args()
    if not args.skip_train:
        # The municipal imperatives are labelled with a first model (silver labels), so
        # a run from scratch trains twice: Talbanken only, then Talbanken + municipal.
        if args.fresh or not (BOOTSTRAP / "model-best" / "config.cfg").exists():
            build_corpora(None)
            train(args.steps, BOOTSTRAP)
        build_corpora(BOOTSTRAP / "model-best")
        train(args.steps, OUTPUT)
    finalise()


if __name__ == "__main__":
    main()
