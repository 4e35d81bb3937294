"""Passive voice (with deponent and reciprocal verbs) and future/modal constructions."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommlint.language import get_analyzer
from kommlint.language.grammar import find_futures, find_passives

PASSIVE_SET = Path(__file__).parent / "data" / "language" / "passive.tsv"


def passives(text: str) -> list[tuple[str, str, bool]]:
    analysis = get_analyzer().analyse(text)
    return [
        (text[p.verb_start :].split()[0].strip(".,!?"), p.kind, p.has_agent)
        for p in find_passives(analysis)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ansökan ska skickas senast i maj.", [("skickas", "s-passive", False)]),
        ("Beslutet fattades av nämnden.", [("fattades", "s-passive", True)]),
        ("Bygglovet blev beviljat i maj.", [("beviljat", "bli-passive", False)]),
        ("Ansökan har blivit beviljad.", [("beviljad", "bli-passive", False)]),
        ("Hon har blivit vald av styrelsen.", [("vald", "bli-passive", True)]),
        ("Dörren var stängd.", [("stängd", "vara-passive", False)]),
        ("Rapporten skrevs av en konsult.", [("skrevs", "s-passive", True)]),
        ("Ärendet har skickats vidare.", [("skickats", "s-passive", False)]),
        ("Badet stängdes på grund av algblomning.", [("stängdes", "s-passive", False)]),
        (
            "Det beslutades att parken ska rustas upp.",
            [("beslutades", "s-passive", False), ("rustas", "s-passive", False)],
        ),
    ],
)
def test_passive(text: str, expected: list) -> None:
    assert passives(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Det finns många lediga platser.",
        "Vi hoppas att alla trivs.",
        "Hon lyckades till slut.",
        "Jag minns inte.",
        "Han andas lugnt.",
        "Vi ses på måndag.",
        "Vi träffas utanför stadshuset.",
        "Det fattas pengar.",
        "Stadens budget är stor.",
        "Stockholms stad har många parker.",
        "Staden bygger nya bostäder.",
        "Läs mer på webbplatsen.",
        "Res dig upp.",
    ],
)
def test_not_passive(text: str) -> None:
    assert passives(text) == []


def test_offsets_and_tokens() -> None:
    text = "Ansökan ska skickas senast i maj."
    analysis = get_analyzer().analyse(text)
    (p,) = find_passives(analysis)
    assert text[p.start : p.end] == "skickas"
    sent = analysis.sentences[p.sentence]
    assert [sent.tokens[i].text for i in p.tokens] == ["skickas"]
    assert p.lemma == "skicka"


def _load_set() -> list[tuple[str, list[str], list[bool]]]:
    rows = []
    for line in PASSIVE_SET.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, verbs, agents = [*line.split("\t"), "", ""][:3]
        rows.append(
            (text, [v for v in verbs.split("|") if v], [a == "y" for a in agents.split("|") if a])
        )
    return rows


def evaluate_passive_set() -> dict[str, float]:
    rows = _load_set()
    tp = fp = fn = agent_ok = agent_n = 0
    for text, gold_verbs, gold_agents in rows:
        got = passives(text)
        pred = [g[0] for g in got]
        for verb, agent in zip(gold_verbs, gold_agents, strict=True):
            if verb in pred:
                tp += 1
                agent_n += 1
                agent_ok += got[pred.index(verb)][2] == agent
            else:
                fn += 1
        fp += sum(1 for v in pred if v not in gold_verbs)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "sentences": len(rows),
        "p": p,
        "r": r,
        "f1": 2 * p * r / (p + r),
        "agent_accuracy": agent_ok / agent_n if agent_n else 1.0,
    }


def test_hand_written_passive_set() -> None:
    scores = evaluate_passive_set()
    assert scores["sentences"] >= 100
    assert scores["f1"] >= 0.90, scores
    assert scores["agent_accuracy"] >= 0.85, scores


@pytest.mark.parametrize(
    ("text", "kind", "subject", "verb"),
    [
        ("Staden kommer att bygga fler förskolor.", "kommer-att", "Staden", "bygga"),
        ("Vi ska införa en ny tjänst.", "ska", "vi", "införa"),
        ("Stockholms stad kommer inte att höja avgiften.", "kommer-att", "stad", "höja"),
        ("I år ska staden bygga en ny simhall.", "ska", "staden", "bygga"),
        ("Nämnden skall pröva ärendet.", "ska", "Nämnden", "pröva"),
        ("Vi kommer också att satsa på cykelvägar.", "kommer-att", "Vi", "satsa"),
    ],
)
def test_future(text: str, kind: str, subject: str, verb: str) -> None:
    analysis = get_analyzer().analyse(text)
    futures = [f for f in find_futures(analysis) if f.kind == kind]
    assert len(futures) == 1
    f = futures[0]
    assert f.subject_text is not None and f.subject_text.lower() == subject.lower()
    assert analysis.sentences[f.sentence].tokens[f.verb].text == verb
    assert text[f.start : f.end].endswith(verb)


def test_kommer_without_att_is_not_future() -> None:
    analysis = get_analyzer().analyse("Hon kommer hem i morgon.")
    assert find_futures(analysis) == []


def test_modal_is_reported_separately() -> None:
    analysis = get_analyzer().analyse("Du kan ansöka om bidrag.")
    assert [f.kind for f in find_futures(analysis)] == ["modal"]
    assert find_futures(analysis, modals=False) == []


def test_untagged_analysis_is_refused() -> None:
    with pytest.raises(ValueError):
        find_passives(get_analyzer().analyse("Ansökan skickas.", tag=False))
