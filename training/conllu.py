"""Minimal CoNLL-U / CoNLL-X reading and writing for the training scripts.

Kept dependency-free on purpose: the scripts only need the ten columns and the
sentence/paragraph/document comments (for building raw text to test sentence splitting).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
if not DATA.exists():  # the shared folder sits next to the checkout in this workspace
    DATA = Path("/work/shared/data")
TALBANKEN = DATA / "ud-swedish-talbanken"
PUD = DATA / "ud-swedish-pud"

V1_TRAIN = TALBANKEN / "sv-ud-train.v1.conll"
V1_DEV = TALBANKEN / "sv-ud-dev.v1.conll"
V1_TEST = TALBANKEN / "sv-ud-test.v1.conll"
V2_DEV = TALBANKEN / "sv_talbanken-ud-dev.conllu"
V2_TEST = TALBANKEN / "sv_talbanken-ud-test.conllu"
PUD_TEST = PUD / "sv_pud-ud-test.conllu"


@dataclass
class Row:
    id: str
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: str
    deprel: str
    deps: str = "_"
    misc: str = "_"

    @property
    def space_after(self) -> bool:
        return "SpaceAfter=No" not in self.misc

    def columns(self) -> list[str]:
        return [
            self.id,
            self.form,
            self.lemma,
            self.upos,
            self.xpos,
            self.feats,
            self.head,
            self.deprel,
            self.deps,
            self.misc,
        ]


@dataclass
class Sentence:
    rows: list[Row] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(r.form for r in self.rows)

    @property
    def new_doc(self) -> bool:
        return any(c.startswith("# newdoc") for c in self.comments)

    @property
    def new_par(self) -> bool:
        return any(c.startswith(("# newpar", "# newdoc")) for c in self.comments)

    def text(self) -> str:
        for c in self.comments:
            if c.startswith("# text = "):
                return c[len("# text = ") :]
        out = []
        for r in self.rows:
            out.append(r.form + (" " if r.space_after else ""))
        return "".join(out).strip()


def read(path: Path) -> Iterator[Sentence]:
    """Yield sentences; multi-word token lines and empty nodes are skipped."""
    sent = Sentence()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if sent.rows:
                    yield sent
                sent = Sentence()
                continue
            if line.startswith("#"):
                sent.comments.append(line)
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cols += ["_"] * (10 - len(cols))
            sent.rows.append(Row(*cols[:10]))
    if sent.rows:
        yield sent


def write(path: Path, sentences: list[Sentence]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for s in sentences:
            for c in s.comments:
                fh.write(c + "\n")
            for r in s.rows:
                fh.write("\t".join(r.columns()) + "\n")
            fh.write("\n")


def align(v1: list[Sentence], v2: list[Sentence]) -> list[tuple[Sentence, Sentence]]:
    """Pair v1 and v2 sentences whose token forms are identical."""
    index = {s.forms: s for s in v2}
    return [(a, index[a.forms]) for a in v1 if a.forms in index]
