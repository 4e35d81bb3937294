"""The rule engine and its kinds, on the small test pack."""

from __future__ import annotations

import pytest

from kommlint.document import Part, Severity
from kommlint.rules.examples import run_example


def test_test_pack_examples(test_pack):
    for rule in test_pack.rules:
        for example in rule.examples_bad:
            assert run_example(rule, example), f"{rule.id} should fire on {example!r}"
        for example in rule.examples_good:
            assert not run_example(rule, example), f"{rule.id} should not fire on {example!r}"


def test_substitution_reports_surface_form_and_offsets(test_rules):
    text = "Igår erhöll du beslutet."
    [finding] = run_example(test_rules["TST001"], text)
    assert finding.match == "erhöll"
    assert (finding.location.start, finding.location.end) == (5, 11)
    assert finding.suggestion is not None
    assert finding.context == text
    assert "erhöll" in finding.message


def test_multiword_term_across_inflection(test_rules):
    [finding] = run_example(test_rules["TST001"], "Nämnden vidtog åtgärder.")
    assert finding.match == "vidtog åtgärder"


def test_compound_prefix_match_reports_whole_compound(test_rules):
    [finding] = run_example(test_rules["TST002"], "Vi har en handikapptoalett på plan 2.")
    assert finding.match == "handikapptoalett"
    assert finding.severity is Severity.ERROR
    assert "funktionsnedsättning" in finding.message


def test_quoted_and_mentioned_terms_are_skipped(test_rules):
    assert not run_example(test_rules["TST002"], 'Han sa "handikappad" i går.')
    assert not run_example(test_rules["TST002"], "Begreppet handikappad är förlegat.")


def test_pattern_with_suggestion(test_rules):
    [finding] = run_example(test_rules["TST002"], "Den sökande ska skicka in han/hon själv.")
    assert finding.match == "han/hon"
    assert finding.suggestion == "hen"


def test_required_is_a_document_finding(test_rules):
    [finding] = run_example(test_rules["TST003"], "Ingen avsändare här.")
    assert finding.location.part is Part.DOCUMENT
    assert finding.location.page is None and finding.match is None


def test_required_ignores_body_when_where_says_header_footer(test_rules):
    example = {"blocks": [{"text": "Stockholms stad", "part": "body", "page": 1}]}
    assert run_example(test_rules["TST003"], example)


def test_metric_points_at_the_sentence(test_rules):
    text = "Kort. Den här meningen är mycket längre än vad regeln tillåter i testet."
    [finding] = run_example(test_rules["TST004"], text)
    assert finding.match.startswith("Den här meningen")
    assert "12 ord" in finding.message


def test_english_messages(test_rules):
    [finding] = run_example(test_rules["TST001"], "Du erhöll beslutet.", lang="en")
    assert finding.message.startswith("Prefer")


@pytest.mark.parametrize(
    "yaml_text, problem",
    [
        ("pack: x\nprefix: XXX\nrules:\n  - id: XXX1\n", "tre siffror"),
        ("pack: x\nprefix: XXX\nrules:\n  - id: XXX001\n    kind: nope\n", "okänd kind"),
        ("pack: x\nprefix: XXX\nrules: [\n", "ogiltig YAML"),
    ],
)
def test_pack_errors_name_file_and_line(tmp_path, yaml_text, problem):
    from kommlint.rules.loader import PackError, load_pack

    path = tmp_path / "bad.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert str(path) in str(info.value)
    assert problem in str(info.value)
    assert info.value.line is not None


def test_pack_error_for_bad_regex_names_rule(tmp_path):
    from kommlint.rules.loader import PackError, load_pack

    path = tmp_path / "bad.yaml"
    path.write_text(
        "pack: x\nprefix: XXX\nrules:\n"
        "  - id: XXX001\n    name: n\n    kind: existence\n    severity: info\n"
        "    message: m\n    rationale: r\n    examples: {bad: [a]}\n"
        "    patterns: ['(unclosed']\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert info.value.line == 4
    assert "XXX001" in str(info.value) and "reguljärt" in str(info.value)


@pytest.mark.parametrize(
    "text, match",
    [
        ("Du har erhållit beslutet.", "erhållit"),
        ("Beslutet erhålls per post.", "erhålls"),
        ("Du erhåller beslutet i morgon.", "erhåller"),
        ("Nämnden vidtog åtgärden i går.", "vidtog åtgärden"),
        ("Staden vidtar åtgärder nu.", "vidtar åtgärder"),
    ],
)
def test_lemma_matching_catches_every_inflection(test_rules, text, match):
    findings = run_example(test_rules["TST001"], text)
    assert [f.match for f in findings] == [match]


def test_inflected_term_matches_by_lemma_and_compound_by_prefix(test_rules):
    assert [f.match for f in run_example(test_rules["TST002"], "Handikappet syns.")] == [
        "Handikappet"
    ]
    found = run_example(test_rules["TST002"], "Två handikapptoaletter och en handikappramp.")
    assert [f.match for f in found] == ["handikapptoaletter", "handikappramp"]
