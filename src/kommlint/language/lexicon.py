"""Closed word lists the language layer needs (deponent verbs, abbreviations, ...).

Kept in one place so the training scripts, the tokenizer and the grammar module agree.
"""

from __future__ import annotations

# Deponent, reciprocal and other s-verbs with active meaning (klarsprak.md 5.3):
# lemma -> its s-forms (present, past, supine, and the infinitive itself).
# These are never passive. "fattas" is deliberately absent: it is ambiguous with the
# passive of "fatta" ("beslutet fattades") and grammar.py handles it in context.
DEPONENTS: dict[str, tuple[str, ...]] = {
    "andas": ("andas", "andades", "andats"),
    "avundas": ("avundas", "avundades", "avundats"),
    "brottas": ("brottas", "brottades", "brottats"),
    "dagas": ("dagas", "dagades", "dagats"),
    "envisas": ("envisas", "envisades", "envisats"),
    "finnas": ("finnas", "finns", "fanns", "funnits", "funnes"),
    "fordras": ("fordras", "fordrades", "fordrats"),
    "frodas": ("frodas", "frodades", "frodats"),
    "färdas": ("färdas", "färdades", "färdats"),
    "förolyckas": ("förolyckas", "förolyckades", "förolyckats"),
    "glädjas": ("glädjas", "gläds", "glädjs", "gladdes", "glatts"),
    "hoppas": ("hoppas", "hoppades", "hoppats"),
    "hämnas": ("hämnas", "hämnades", "hämnats"),
    "kräkas": ("kräkas", "kräks", "kräktes", "kräkts"),
    "lyckas": ("lyckas", "lyckades", "lyckats"),
    "låtsas": ("låtsas", "låtsades", "låtsats"),
    "mattas": ("mattas", "mattades", "mattats"),
    "minnas": ("minnas", "minns", "mindes", "mints"),
    "misslyckas": ("misslyckas", "misslyckades", "misslyckats"),
    "mödas": ("mödas", "mödades", "mödats"),
    "nalkas": ("nalkas", "nalkades", "nalkats"),
    "samsas": ("samsas", "samsades", "samsats"),
    "skämmas": ("skämmas", "skäms", "skämdes", "skämts"),
    "slåss": ("slåss", "slogs", "slagits"),
    "svettas": ("svettas", "svettades", "svettats"),
    "trivas": ("trivas", "trivs", "trivdes", "trivts"),
    "töras": ("töras", "törs", "tordes", "torts"),
    "umgås": ("umgås", "umgicks", "umgåtts"),
    "vistas": ("vistas", "vistades", "vistats"),
    "väsnas": ("väsnas", "väsnades", "väsnats"),
    "åldras": ("åldras", "åldrades", "åldrats"),
    "ängslas": ("ängslas", "ängslades", "ängslats"),
    "träffas": ("träffas", "träffades", "träffats"),
    "ses": ("ses", "sågs", "setts"),
    "mötas": ("mötas", "möts", "möttes", "mötts"),
    "höras": ("höras", "hörs", "hördes", "hörts"),
    "skiljas": ("skiljas", "skiljs", "skildes", "skilts"),
    "enas": ("enas", "enades", "enats"),
    "turas": ("turas", "turades", "turats"),
    "kramas": ("kramas", "kramades", "kramats"),
    "retas": ("retas", "retades", "retats"),
    "synas": ("synas", "syns", "syntes", "synts"),
    "kännas": ("kännas", "känns", "kändes", "känts"),
    "märkas": ("märkas", "märks", "märktes", "märkts"),
    "tyckas": ("tyckas", "tycks", "tycktes", "tyckts"),
    "behövas": ("behövas", "behövs", "behövdes", "behövts"),
    "utspelas": ("utspelas", "utspelades", "utspelats"),
    "kivas": ("kivas", "kivades", "kivats"),
    "vämjas": ("vämjas", "vämjdes"),
    "idas": ("idas", "ids", "iddes", "itts"),
}

# Reciprocal s-forms ("vi ses", "de träffades", "vi hörs") are active in meaning; they
# are in DEPONENTS too. grammar.py treats them as passive only with an agent
# ("han träffades av en boll"); "ses" never (its "av" is too often "seen by" in a
# reciprocal-looking frame and Talbanken-style rules flag "ses som" elsewhere).
RECIPROCALS = frozenset({"träffas", "ses", "mötas", "höras", "kramas", "slåss", "samsas"})

# s-forms that are a deponent in one sense and a passive in another: "det fattas pengar"
# (is missing) vs "beslutet fattades" (was taken). Not in DEPONENTS; grammar.py decides
# from the context ("beslut" nearby or an agent means passive).
AMBIGUOUS_S_VERBS = frozenset({"fattas", "fattades", "fattats"})

DEPONENT_FORMS: frozenset[str] = frozenset(f for forms in DEPONENTS.values() for f in forms) | (
    frozenset(DEPONENTS)
)
DEPONENT_FORM_TO_LEMMA: dict[str, str] = {
    f: lemma for lemma, forms in DEPONENTS.items() for f in (*forms, lemma)
}

# Swedish abbreviations that end in (or contain) a full stop and must stay one token and
# never end a sentence. Lower-case forms; the tokenizer adds capitalised variants.
ABBREVIATIONS: tuple[str, ...] = (
    "t.ex.",
    "bl.a.",
    "m.m.",
    "s.k.",
    "fr.o.m.",
    "t.o.m.",
    "d.v.s.",
    "dvs.",
    "o.s.v.",
    "osv.",
    "m.fl.",
    "m.a.o.",
    "p.g.a.",
    "pga.",
    "f.d.",
    "f.n.",
    "e.d.",
    "o.d.",
    "o.dyl.",
    "resp.",
    "kl.",
    "nr.",
    "ca.",
    "dnr.",
    "jfr.",
    "tel.",
    "tfn.",
    "fr.",
    "st.",
    "kap.",
    "ang.",
    "avd.",
    "forts.",
    "inkl.",
    "exkl.",
    "ev.",
    "enl.",
    "obs.",
    "sid.",
    "tr.",
    "vol.",
    "uppl.",
    "prof.",
    "doc.",
    "dir.",
    "adj.",
    "ordf.",
    "sekr.",
    "bitr.",
    "tf.",
    "e.kr.",
    "f.kr.",
    "vard.",
    "tis.",
    "ons.",
    "tors.",
    "fre.",
    "lör.",
    "sön.",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "aug.",
    "sep.",
    "sept.",
    "okt.",
    "nov.",
    "dec.",
    "ex.",
    "etc.",
    "stud.",
    "spec.",
    "milj.",
    "mdr.",
    "kr.",
    "ggr.",
    "gr.",
    "lgh.",
    "vån.",
    "pers.",
    "u.a.",
    "fig.",
    "tab.",
    "fork.",
    "förk.",
    "mom.",
    "prop.",
    "skr.",
    "rskr.",
)

# Abbreviations written without a full stop that still matter to the tokenizer because
# they are followed by a number ("nr 5", "ca 30", "dnr 123/2024"); kept for documentation
# and for sentence splitting ("kl 13.00").
ABBREVIATIONS_NO_DOT: tuple[str, ...] = ("nr", "ca", "dnr", "kl", "tel", "tfn", "S:t", "s:t")
