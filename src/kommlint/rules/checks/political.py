"""Checks of the political pack: decided or political intent, and the city's neutral voice.

Programme, principle 6, "Vi är tydliga kring beslut": "Det ska vara tydligt i stadens
kommunikation när något är beslutat eller när det är en politisk vilja som ännu inte
beslutats", with a clear line between the city's communication by its officials and the
party-political messages of borgarråd and other politicians.

Three checks share the helpers below:

* `party_political` (POL001): party-political content in the city's voice -- campaign
  wording, bloc labels, "vi socialdemokrater", praise or blame attached to a political side.
  A party is recognised by its name or by an abbreviation in a frame that makes it a party
  ("Anna Berg (S)", "S, V och MP", "S-styret"), never by a stray capital letter.
* `intent_as_fact` (POL002): a future commitment with the city, a nämnd, a förvaltning or
  "vi" as subject ("staden kommer att bygga", "vi ska införa", "från 2026 blir det gratis")
  and no decision anchor and no proposal marker in the sentence, its paragraph or its
  section (the blocks between two headings).
* `politician_voice` (POL003): the same kind of commitment in the mouth of a borgarråd or
  another politician (a quote or reported speech), with no anchor.

Commitments are found on the language layer's tokens: future and modal constructions
(`kommlint.language.grammar.find_futures` when the analysis is tagged, plus the pack's own
word-order detection, which also works untagged), present-tense and s-passive forms of
commitment verbs with a time reference, "blir gratis/avgiftsfri ...", and "ska få nya ...".
The subject is the noun phrase that opens the clause, or the inverted subject after the
finite verb ("Nu inför vi", "I höst öppnar staden").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kommlint.document import Block, Finding
from kommlint.language import BlockAnalysis, Sentence, Token
from kommlint.language.grammar import Future, find_futures
from kommlint.rules.context import RuleContext

IGNORE = re.IGNORECASE

# --------------------------------------------------------------------------------------
# Political actors
# --------------------------------------------------------------------------------------

_PARTY_NAMES = (
    r"(?:Arbetarepartiet-)?Socialdemokraterna|Moderaterna|Moderata\s+samlingspartiet|"
    r"Vänsterpartiet|Sverigedemokraterna|Liberalerna|Folkpartiet(?:\s+liberalerna)?|"
    r"Centerpartiet|Miljöpartiet(?:\s+de\s+gröna)?|Kristdemokraterna|Feministiskt\s+initiativ"
)
PARTY_NAME = re.compile(rf"\b(?:{_PARTY_NAMES})s?\b", IGNORE)
# Party members as a group: "miljöpartisterna", "vi moderater", "socialdemokraten".
PARTY_MEMBER = re.compile(
    r"\b(?:socialdemokrat|miljöpartist|vänsterpartist|centerpartist|kristdemokrat|"
    r"sverigedemokrat|moderat)(?:en|er|erna|ernas|s)\b",
    IGNORE,
)
_ABBR = r"(?:S|M|V|L|C|KD|MP|SD|Fi)"
_ABBR_ANY = r"(?:S|M|V|L|C|KD|MP|SD|Fi|FP|s|m|v|l|c|kd|mp|sd|fp)"
# "Karin Berg (S)", "borgarrådet (MP)": a name of two or more capitalised words, or a
# political title, then the abbreviation in brackets -- never "Längd (m)" or "(c) 2025".
_NAME = r"[A-ZÅÄÖ][a-zåäöéüA-ZÅÄÖ'-]+"
ABBR_AFTER_NAME = re.compile(
    rf"(?:\b{_NAME}(?:\s+(?:af\s+|von\s+|de\s+)?{_NAME})+|"
    r"\w*(?:borgarråd|ordförande|ledamot|gruppledare|kommunalråd)\w*)"
    rf"\s*\(\s*{_ABBR_ANY}\s*\)(?!\s*(?:19|20)\d\d)"
)
ABBR_GROUP = re.compile(rf"\((?:båda|samtliga|alla|både)\s+{_ABBR_ANY}\)")
_A = rf"(?<![\w:/.-]){_ABBR}(?![\w:/-])"
ABBR_LIST = re.compile(rf"{_A}(?:\s*,\s*{_A})*\s*,?\s+(?:och|samt|eller|\+)\s+{_A}")
ABBR_COMPOUND = re.compile(
    rf"(?<![\w:/.-]){_ABBR}-(?:styre|majoritet|ledd|politik|borgarråd|grupp|förslag|"
    r"kommunalråd|väljare|topp|kandidat|kansli|ledamot|regering|budget|företrädare)\w*"
)
# Words before a letter list that make the letters sizes, grades, appendices, options ...
_NOT_PARTY_LIST = re.compile(
    r"\b(?:storlek\w*|bilag\w*|nivå\w*|betyg\w*|svar\w*|alternativ\w*|kategori\w*|grupp\w*|"
    r"hus|zon\w*|typ\w*|klass\w*|fråg\w*|kolumn\w*|rad\w*|sal\w*|rum\w*|kapitel\w*|"
    r"avsnitt\w*|vitamin\w*|plan\w*|trappuppgång\w*|ingång\w*|entré\w*|linje\w*)"
    r"(?:\s+\S+){0,2}\s*$",
    IGNORE,
)
_SIZE_WORDS = re.compile(r"\b(?:XS|XL|XXL|XXS)\b")

BLOC = re.compile(
    r"\b(?:den\s+|det\s+)?(?:borgerlig[at]?|blågrön[at]?|grönblå[at]?|röd-?grön[at]?)\s+"
    r"(?:majoritet\w*|styre\w*|partier\w*|oppositionen|regim\w*|politik\w*|"
    r"vänsterpolitik\w*|högerpolitik\w*|samarbete\w*|block\w*)"
    r"|\b(?:de|vi)\s+borgerliga\b(?!\s+(?:vigsl|begravning|ceremon))"
    r"|\b(?:de|vi)\s+röd-?gröna\b|\bden\s+röd-?gröna\s+\w+(?:en|an|et|na)\b|\brödgrönrosa\w*|\bröd-?gröna\s+(?-i:[A-ZÅÄÖ])"
    r"|(?-i:\bAlliansen\b)(?!\s+(?:av|för|mellan|med)\b)|\b(?:höger|vänster)styre\w*|\bmaktskifte\w*|\bdet\s+nya\s+styret\b"
    r"|\b(?:vänster|höger)politik\w*",
    IGNORE,
)
POLITICAL_ROLE = re.compile(
    r"\b\w*borgarråd\w*|\bkommunalråd\w*|\bgruppledare\w*|\bpolitiker\w*"
    r"|\bordförande\w*\s+(?:i|för)\s+\w*(?:nämnd|styrelse|fullmäktige)\w*"
    r"|\b(?:kommunfullmäktiges|nämndens|styrelsens)\s+ordförande\b|\bordföranden\b",
    IGNORE,
)
MAJORITY = re.compile(r"\b(?:majoritet\w*|styret|oppositionen|oppositionens)\b", IGNORE)

# --------------------------------------------------------------------------------------
# Party-political wording
# --------------------------------------------------------------------------------------

CAMPAIGN = re.compile(
    r"\bröst(?:ade|ar|at)\s+(?:på|för)\s+(?:oss|mig)\b"
    r"|\brösta\s+(?:på|för)\s+(?:oss|mig|dem|vårt|vår|(?-i:[A-ZÅÄÖ#]))"
    r"|\b(?:kryssa|personkryssa)\s+(?:mig|oss|(?-i:[A-ZÅÄÖ]))|\bpersonkryss\w*"
    r"|\bvallöfte\w*|\bvalmanifest\w*|\bvalvinst\w*"
    r"|\bge\s+(?:oss|mig)\s+(?:ditt|din|er|ert|era)\s+(?:förtroende|röst)\w*"
    r"|\bom\s+vi\s+vinner\s+valet\b|\bgilla\s+och\s+dela\b"
    r"|\bnästa\s+mandatperiod\s+(?:vill|ska|kommer)\s+vi\b",
    IGNORE,
)
FIRST_PERSON_PARTY = re.compile(
    r"\bvi\s+(?:socialdemokrater|moderater|vänsterpartister|miljöpartister|liberaler|"
    r"centerpartister|kristdemokrater|sverigedemokrater|feminister)\b"
    r"|\b(?:vårt|vår)\s+parti\w*|\bvi\s+(?:i|inom)\s+(?:" + _PARTY_NAMES + r"|" + _ABBR + r")\b",
    IGNORE,
)
PARTY_SIGNATURE = re.compile(rf"/\s*(?:{_PARTY_NAMES})\b", IGNORE)
ELECTION = re.compile(r"\bvalet\b|\bvalrörelse\w*|\bkommunvalet\b|\bvaldagen\b", IGNORE)
FIRST_PERSON = re.compile(r"\b(?:vi|oss|vår|vårt|våra|mig|jag)\b", IGNORE)
POWER = re.compile(
    r"\b(?:ledning\w*|makt\w*|vinn\w*|vann|förtroende\w*|styr\w*|mandatperiod\w*)\b", IGNORE
)
EVALUATIVE = re.compile(
    r"\b(?:äntligen|historisk\w*|rekord\w*|levererar|levererat|leverera|tack\s+vare|"
    r"misslyckad\w*|misslyckat|misslyckats|katastrof\w*|förödande|slöseri\w*|slösa\w*|svek|sviker|svikit|svikna|"
    r"oansvarig\w*|står\s+(?:alltid\s+)?(?:upp\s+)?(?:på|för)\s+\w+|"
    r"stått\s+(?:upp\s+)?(?:på|för)|kämpar\s+för|vid\s+makten|i\s+ledningen|tröttnat|"
    r"tar\s+(?:\w+\s+)?tillbaka\s+kontrollen|satte\s+stopp\s+för|fått\s+stopp\s+på|"
    r"fått\s+ordning\s+på|fick\s+igenom|fått\s+igenom|infriat|skamlig\w*|"
    r"kraftfull\w*\s+satsning\w*|rekordsatsning\w*)",
    IGNORE,
)
SOCIAL_CALL = re.compile(r"\b(?:gilla|dela|följ)\b", IGNORE)  # with a party: campaigning
OPPOSITION_BLAME = re.compile(
    r"\boppositionen\b.{0,40}?\b(?:röstade|sa|sade)\s+nej\s+till\b", IGNORE
)


def party_spans(text: str) -> list[tuple[int, int]]:
    """Character spans where a party is named: names, members, abbreviation frames."""
    spans: list[tuple[int, int]] = []
    for regex in (PARTY_NAME, PARTY_MEMBER, ABBR_AFTER_NAME, ABBR_GROUP, ABBR_COMPOUND):
        spans += [m.span() for m in regex.finditer(text)]
    for m in ABBR_LIST.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if _NOT_PARTY_LIST.search(before) or _SIZE_WORDS.search(text):
            continue
        spans.append(m.span())
    return sorted(spans)


# --------------------------------------------------------------------------------------
# Decision anchors and proposal markers
# --------------------------------------------------------------------------------------

DECISION = re.compile(
    r"\b(?:beslutade|beslutades|beslutat|beslutats|fattade\s+(?:\S+\s+){0,4}?beslut|"
    r"fattat\s+(?:\S+\s+){0,2}?beslut|beslut(?:et)?\s+(?:\S+\s+){0,2}?fattades|"
    r"beslut(?:et)?\s+togs|(?:tog|tagit)\s+(?:\S+\s+){0,2}?beslut\w*|antog|antogs|antagit|antagits|fastställde|fastställdes|"
    r"fastställt|fastställts|godkände|godkändes|godkänt|godkänts|biföll|bifölls|bifallit|"
    r"beviljade|beviljades|beviljat|beviljats|tilldelade|uppdrog|"
    r"(?:vann|vunnit)\s+laga\s+kraft|(?:gav|gett|givit)\s+(?:\S+\s+){1,3}?i\s+uppdrag|"
    r"enligt\s+(?:\S+\s+){0,3}?beslut\w*|i\s+beslut\w*\s+(?:den|från|av|i)\b|"
    r"beslut(?:et)?\s+(?:den|från)\s+\d)",
    IGNORE,
)
REFERENCE = re.compile(
    r"\b(?:dnr|diarienummer|diarienr)\b\.?:?\s*[\w/.:-]*\d"
    r"|\b\d{3}-\d{1,6}/(?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{3,6}-\d{1,4}\b"
    r"|\b[A-ZÅÄÖ]{2,6}\s+(?:19|20)\d{2}[/:]\d{1,6}\b|(?:\b(?:KF|KS)\s*)?§\s*\d+"
    r"|\bUtlåtande\s+(?:19|20)\d{2}:\d+|\bMotion\s+\((?:19|20)\d{2}:\d+\)"
    r"|\b(?:kommunfullmäktiges|stadens|nämndens|\w+nämndens)\s+budget\s+för\s+(?:år\s+)?20\d\d"
    r"|\bbudget(?:en)?\s+för\s+(?:år\s+)?20\d\d\b",
    IGNORE,
)
PROPOSAL = re.compile(
    r"\w*förslag\w*|\bföreslå\w*|\bföreslog\b|\bföreslagit\b|\bremiss\w*|\bsamråd\w*|"
    r"\bgranskning\w*|\butreder\b|\butreda\w*|\butredning\w*|"
    r"\b(?:ska|skall|kommer\s+att|väntas|planerar\s+att)\s+(?:\S+\s+){0,2}?"
    r"(?:besluta\w*|behandla\w*|fatta\s+beslut|ta\s+ställning|avgöra\w*|pröva\w*)|"
    r"\bbehandla[rs]?\s+(?:\S+\s+){0,2}?(?:den|i|av|på|vid|under)\b|\bbehandlas\b|"
    r"\bbeslut\s+väntas\b|\bväntas\s+(?:\S+\s+)?beslut\w*|\bbeslutar\s+om\b|"
    r"\bfattar\s+beslut\b|\binget\s+beslut\b|\binte\s+(?:\S+\s+){0,2}?(?:beslutat|beslutad|"
    r"beslutats|fattat|fattats|avgjort|avgjord|behandlat|behandlats|antagen|antagit)\b|"
    r"\bännu\s+inte\b|\bpreliminär\w*|\bplaneras\b|\bplanerar\b|\bkan\s+komma\s+att\b|"
    r"\bom\s+(?:\S+\s+){1,3}?(?:beslutar|godkänner|säger\s+ja|antar|fattar\s+beslut|"
    r"bifaller)\b|\bunder\s+förutsättning\s+att\b|\bförutsatt\s+att\b|\bta\w*\s+ställning\b|"
    r"\bfrågan\s+är\s+(?:inte|ännu)\b|\binte\s+avgjort\b|\bärendet\s+är\s+inte\b",
    IGNORE,
)


def anchored(text: str) -> bool:
    """Does the text name a decision, a reference (dnr, §, budget) or a proposal status?"""
    return bool(DECISION.search(text) or REFERENCE.search(text) or PROPOSAL.search(text))


# --------------------------------------------------------------------------------------
# Commitment constructions
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verb:
    """A commitment verb: its forms, an optional particle, and whether it also has a
    routine service reading (opening hours, works) that time and place words reveal."""

    infinitive: str
    present: str
    passive: str  # passive infinitive
    present_passive: str
    particle: str | None = None
    strong: bool = False  # a present-tense use is a commitment even without a time word
    service: bool = False


def _v(inf: str, pres: str, particle: str | None = None, **kw: bool) -> Verb:
    if pres.endswith("ar"):
        present_passive = inf + "s"  # satsas
    elif pres.endswith("er"):
        present_passive = inf[:-1] + "s"  # byggs, sänks, rivs
    else:
        present_passive = pres + "s"  # införs
    return Verb(inf, pres, inf + "s", present_passive, particle, **kw)


VERBS: tuple[Verb, ...] = (
    _v("bygga", "bygger"),
    _v("bygga", "bygger", "ut"),
    _v("bygga", "bygger", "om", service=True),
    _v("införa", "inför", strong=True),
    _v("satsa", "satsar"),
    _v("sänka", "sänker", strong=True),
    _v("höja", "höjer", strong=True),
    _v("avskaffa", "avskaffar", strong=True),
    _v("slopa", "slopar", strong=True),
    _v("öppna", "öppnar", service=True),
    _v("stänga", "stänger", strong=True, service=True),
    _v("ta", "tar", "bort", strong=True),
    _v("riva", "river", strong=True),
    _v("rusta", "rustar", "upp", service=True),
    _v("anställa", "anställer"),
    _v("halvera", "halverar", strong=True),
    _v("fördubbla", "fördubblar", strong=True),
    _v("investera", "investerar"),
    _v("inrätta", "inrättar"),
    _v("starta", "startar"),
    _v("anlägga", "anlägger"),
    _v("plantera", "planterar"),
    _v("renovera", "renoverar", service=True),
    _v("sälja", "säljer"),
    _v("förbjuda", "förbjuder", strong=True),
    _v("lägga", "lägger", "ner", strong=True),
    _v("lägga", "lägger", "ned", strong=True),
    _v("avveckla", "avvecklar", strong=True),
    _v("utöka", "utökar"),
    _v("minska", "minskar"),
    _v("öka", "ökar"),
    _v("ersätta", "ersätter"),
    _v("se", "ser", "till"),
    _v("privatisera", "privatiserar", strong=True),
    _v("bredda", "breddar"),
    _v("slå", "slår", "ihop", strong=True),
    _v("slå", "slår", "samman", strong=True),
    _v("utvidga", "utvidgar"),
    _v("förlänga", "förlänger"),
    _v("avgiftsbelägga", "avgiftsbelägger", strong=True),
    _v("elektrifiera", "elektrifierar"),
    _v("upphandla", "upphandlar"),
    _v("frysa", "fryser", strong=True),
    _v("göra", "gör", "om", service=True),
    _v("köpa", "köper", "in"),
    # policy and investment verbs from the domain (budget, planning, procurement language)
    _v("etablera", "etablerar"),
    _v("uppföra", "uppför"),
    _v("modernisera", "moderniserar"),
    _v("subventionera", "subventionerar"),
    _v("finansiera", "finansierar"),
    _v("bekosta", "bekostar"),
    _v("garantera", "garanterar"),
    _v("tillsätta", "tillsätter"),
    _v("förvärva", "förvärvar"),
    _v("avyttra", "avyttrar", strong=True),
    _v("sanera", "sanerar"),
    _v("restaurera", "restaurerar"),
    _v("omvandla", "omvandlar"),
    _v("förtäta", "förtätar"),
    _v("skärpa", "skärper", strong=True),
    _v("begränsa", "begränsar", service=True),
    _v("upphäva", "upphäver", strong=True),
    _v("återinföra", "återinför", strong=True),
    _v("tredubbla", "tredubblar", strong=True),
    _v("förstärka", "förstärker"),
    _v("bolagisera", "bolagiserar", strong=True),
    _v("konkurrensutsätta", "konkurrensutsätter", strong=True),
    _v("flytta", "flyttar", service=True),
)
# "blir gratis", "ska bli avgiftsfri": a change of terms.
CHANGE = re.compile(
    r"^(?:gratis|avgiftsfri\w*|kostnadsfri\w*|billigare|dyrare|förbjud\w*|tillåt\w*|"
    r"obligatorisk\w*|bilfri\w*|gågata\w*|rökfri\w*|fri\w*\s+från|helt\s+gratis|"
    r"dubbelt\s+så|hälften\s+så|fler|färre)$",
    IGNORE,
)
_CHANGE_WORDS = re.compile(
    r"\b(?:gratis|avgiftsfri\w*|tillgänglig\w*|kostnadsfri\w*|billigare|dyrare|förbjud\w*|"
    r"obligatorisk\w*|bilfri\w*|gågata\w*|rökfri\w*)\b",
    IGNORE,
)
# "ska få nya gårdar", "kommer att få höjd lön": a benefit promised to a group.
BENEFIT = re.compile(
    r"^(?:ny|nya|nytt|fler|mer|mera|gratis|avgiftsfri\w*|höjd\w*|sänkt\w*|bättre|egen|eget|"
    r"egna|utbyggd\w*|större|billigare|erbjudande\w*|rätt|garanti\w*)$",
    IGNORE,
)
FUTURE_TIME = re.compile(
    r"\b(?:från\s+och\s+med|fr\.\s?o\.\s?m\.|från|till|senast|under|inom|efter|före|i|år)\s+"
    r"(?:år\s+)?20[2-9]\d\b|\b20[2-9]\d\b"
    r"|\bnästa\s+(?:år|läsår|termin|mandatperiod|höst|vår|sommar|månad|vecka)\w*"
    r"|\b(?:till|i|från)\s+(?:hösten|våren|sommaren|vintern|höst|vår|sommar|vinter|årsskiftet)\b"
    r"|\b(?:till|från|med\s+start)\s+(?:och\s+med\s+)?(?:nästa\s+)?(?:höst|vår)?"
    r"(?:terminen|läsåret|höstterminen|vårterminen)\b"
    r"|\bfrån\s+(?:och\s+med\s+)?(?:den\s+\d+\s+)?(?:januari|februari|mars|april|maj|juni|juli|"
    r"augusti|september|oktober|november|december|nästa|kommande)\b"
    r"|\bi\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
    r"november|december)\b|\bden\s+\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|"
    r"augusti|september|oktober|november|december)\b"
    r"|\b(?:snart|framöver|kommande|inom\s+kort|redan\s+i)\b|^\W*nu\b|\bnu\s+(?:\w+\s+)?(?:vi|staden)\b",
    IGNORE,
)
# Routine service information: hours, days, short works, temporary closures.
SERVICE = re.compile(
    r"\b(?:klockan|kl\.?\s*\d|vecka|veckorna|v\.\s*\d|måndag\w*|tisdag\w*|onsdag\w*|torsdag\w*|"
    r"fredag\w*|lördag\w*|söndag\w*|helg\w*|julafton|nyårsafton|påsk\w*|midsommar\w*|"
    r"\w*lov(?:et|en)?|tillfälligt|tillfällig|igen|under\s+(?:renovering|ombyggnad|arbete|"
    r"semester|sommaren|julen)\w*|för\s+(?:underhåll|renovering|städning|planering|"
    r"semester|sommaren|julen|helgen|dagen|lunch)\w*|mellan\s+klockan|dagen\s+innan)\b",
    IGNORE,
)
# Objects of "öppna"/"stänga" that are service, not facilities.
SERVICE_OBJECT = re.compile(
    r"^(?:anmälan\w*|ansökan\w*|ansökningar\w*|bokning\w*|registrering\w*|e-tjänst\w*|kön|"
    r"portal\w*|dörr\w*|för|av|tidigare|senare)$",
    IGNORE,
)
AMOUNT = re.compile(
    r"\b\d[\d\s,]*\s*(?:miljon|miljard|kronor|mnkr|mkr|mdkr)\w*|\bmiljon\w*|\bmiljard\w*", IGNORE
)
# "få information", "få besked": service, not a benefit.
SERVICE_NOUN = re.compile(
    r"^(?:information|info|besked|svar|brev|kallelse\w*|inbjudan|faktura\w*|sms|mejl|"
    r"e-post|meddelande\w*|påminnelse\w*|bekräftelse\w*|välkomstbrev\w*)$",
    IGNORE,
)
# "ge alla äldre rätt till plats", "erbjuda en garanti": a right promised.
RIGHT = re.compile(r"\b(?:rätt\s+till|garanti\w*|gratis|avgiftsfri\w*)\b", IGNORE)
READER = frozenset({"du", "dig", "din", "ditt", "dina", "ni", "er", "ert", "era"})
NOT_CITY_SUBJECT = frozenset({"du", "ni", "jag", "man", "dig"})

# Subjects that make a commitment the city's (or its politicians').
CITY_WORDS = frozenset(
    {"vi", "staden", "kommunen", "stockholm", "socialtjänsten", "stadshuset", "majoriteten",
     "styret", "förvaltningen", "nämnden", "stadsdelen", "stockholmshem", "familjebostäder",
     "micasa", "sisab", "stadsledningskontoret", "bolaget", "koncernen"}
)  # fmt: skip
CITY_SUFFIXES = (
    "nämnden", "nämnd", "förvaltningen", "förvaltning", "kontoret", "styrelsen",
    "bostadsbolaget", "borgarrådet",
)  # fmt: skip
_PREPOSITIONS = frozenset(
    {"i", "på", "under", "från", "efter", "för", "med", "vid", "till", "inom", "av", "om",
     "mot", "genom", "enligt", "sedan", "före", "utan", "hos", "bland", "inför", "runt"}
)  # fmt: skip
_FRONT_ADVERBS = frozenset(
    {"nu", "därför", "snart", "sedan", "då", "nästa", "redan", "också", "även", "dessutom",
     "äntligen", "därefter", "samtidigt", "först", "senare", "i", "under", "från", "till",
     "efter", "inom", "enligt", "med", "vid", "härnäst", "framöver", "här", "där", "om"}
)  # fmt: skip
_SKIP = frozenset(
    {"också", "även", "därför", "snart", "nu", "då", "sedan", "så", "redan", "äntligen",
     "successivt", "gradvis", "dessutom", "först", "bland", "annat", "att", "under", "helt",
     "gemensamt", "tillsammans", "nämligen", "alltså", "återigen", "igen", "därmed"}
)  # fmt: skip
_WH = frozenset(
    {"när", "hur", "vad", "varför", "vem", "vilka", "vilken", "vilket", "var", "vart", "om"}
)
_DIRECTIONS = frozenset(
    {"tillbaka", "hem", "hit", "dit", "in", "ut", "fram", "upp", "ner", "ned", "över", "bort"}
)
_NEGATIONS = frozenset({"inte", "icke", "aldrig", "ej", "knappast"})
_BOUNDARY_WORDS = frozenset(
    {"att", "som", "och", "men", "eller", "när", "om", "eftersom", "medan", "där", "då"}
)
_BOUNDARY_PUNCT = frozenset({",", ":", ";", "–", "—", "-", "(", ")", "”", "“", '"', "»", "«"})
_FUTURE_AUX = frozenset({"kommer", "ska", "skall"})


def _forms() -> dict[str, tuple[str, str]]:
    forms: dict[str, tuple[str, str]] = {}
    for verb in VERBS:
        forms.setdefault(verb.infinitive, (verb.infinitive, "infinitive"))
        forms.setdefault(verb.present, (verb.infinitive, "present"))
        forms.setdefault(verb.passive, (verb.infinitive, "passive"))
        forms.setdefault(verb.present_passive, (verb.infinitive, "present_passive"))
    forms["tas"] = ("ta", "present_passive")  # irregular: "tas bort"
    return forms


FORMS = _forms()
# Particle verbs that are not commitments although their base verb is.
_OTHER_PARTICLES = frozenset({("stänga", "av"), ("satsa", "om")})
_AUX_BEFORE = frozenset({"kommer", "ska", "skall", "kan", "måste", "bör", "vill", "får", "att"})
_BY_INF: dict[str, list[Verb]] = {}
for _verb in VERBS:
    _BY_INF.setdefault(_verb.infinitive, []).append(_verb)


@dataclass(slots=True)
class Commitment:
    start: int  # character offsets in the block text
    end: int
    sentence: Sentence
    kind: str  # "future" | "present" | "passive" | "change" | "benefit"
    verb: str


def _verb_at(tokens: list[Token], j: int) -> tuple[Verb, str, int] | None:
    """The commitment verb at token j (with its particle, if it needs one):
    (verb, form kind, index of the last token)."""
    t = tokens[j]
    low = t.lower
    hit = FORMS.get(low)
    form = t.feat("VerbForm")
    if hit is None and t.lemma in _BY_INF and t.pos in ("VERB", "AUX"):
        if form not in ("Fin", "Inf") or t.feat("Tense") == "Past":
            return None  # "har byggt", "byggde": done, not promised
        kind = "present_passive" if t.feat("Voice") == "Pass" else "present"
        if t.feat("VerbForm") == "Inf":
            kind = "passive" if t.feat("Voice") == "Pass" else "infinitive"
        hit = (t.lemma, kind)
    if hit is None:
        return None
    inf, kind = hit
    p = j + 1
    if p + 1 < len(tokens) and (tokens[p].lower in CITY_WORDS or tokens[p].lower == "staden"):
        p += 1  # the particle after an inverted subject: "Nu lägger vi ner ..."
    nxt = tokens[p].lower if p < len(tokens) else ""
    if (inf, nxt) in _OTHER_PARTICLES:
        return None  # "stänga av" (shut off), a routine operation
    candidates = _BY_INF.get(inf, [])
    with_particle = [v for v in candidates if v.particle and v.particle == nxt]
    if with_particle:
        return with_particle[0], kind, p
    plain = [v for v in candidates if v.particle is None]
    if plain:
        return plain[0], kind, j
    return None  # "ta", "lägga", "rusta", "se" only with their particle


def _clause_start(tokens: list[Token], i: int) -> int:
    for k in range(i - 1, -1, -1):
        t = tokens[k]
        if t.text in _BOUNDARY_PUNCT or t.lower in _BOUNDARY_WORDS:
            return k + 1
    return 0


def _is_city(tokens: list[Token]) -> bool:
    for k, t in enumerate(tokens):
        low = t.lower
        if low == "stockholm" and k and tokens[k - 1].lower in ("region", "landstinget"):
            continue  # Region Stockholm is another principal
        if low in CITY_WORDS or low.endswith(CITY_SUFFIXES):
            return True
        if low in ("stad", "stads") and tokens[0].lower.startswith("stockholm"):
            return True
        if t.lemma in ("nämnd", "förvaltning") or low.startswith("stadsdels"):
            return True
    return False


def _subject(tokens: list[Token], i: int) -> tuple[list[Token], bool]:
    """The subject of the finite verb at i: (tokens, inverted?). The clause-initial noun
    phrase up to its first preposition, or -- when the clause opens with an adverbial or
    the verb -- the words right after the verb ("Nu inför vi", "I höst öppnar staden")."""
    start = _clause_start(tokens, i)
    before = tokens[start:i]
    first = before[0] if before else None
    fronted = first is not None and (
        first.lower in _FRONT_ADVERBS
        or first.pos == "ADP"
        or (first.pos == "ADV" and first.text[:1].islower())
    )
    if first is not None and not fronted:
        phrase: list[Token] = []
        for t in before:
            if t.lower in _PREPOSITIONS and phrase:
                break
            if t.pos in ("VERB", "AUX") or FORMS.get(t.lower, ("", ""))[1] == "present":
                return [], False  # not a noun phrase: "möta de utmaningar staden står"
            phrase.append(t)
        return phrase, False
    after: list[Token] = []
    for t in tokens[i + 1 : min(len(tokens), i + 4)]:
        if t.is_punct or t.lower in _SKIP or t.lower in _NEGATIONS:
            break
        after.append(t)
        if not (t.text[:1].isupper() and t.lower.endswith("s")):  # "Stockholms stad"
            break
    return after, True


def _other_agent(tokens: list[Token], last: int) -> bool:
    """An agent after a passive verb that is not the city ("byggs av Region Stockholm")."""
    window = _window(tokens, last, 4)
    for k, t in enumerate(window):
        if t.lower == "av" and k + 1 < len(window):
            return not _is_city(window[k + 1 : k + 3])
    return False


def _new_thing(tokens: list[Token], i: int, last: int) -> bool:
    """A new facility next to the verb ("bygger nytt äldreboende", "Ny simhall byggs"):
    an announcement of a project, even without a time word."""
    near = tokens[max(0, i - 3) : i] + tokens[last + 1 : last + 4]
    return any(t.lower in ("ny", "nytt", "nya") for t in near)


def _window(tokens: list[Token], j: int, width: int = 5) -> list[Token]:
    out = []
    for t in tokens[j + 1 : j + 1 + width]:
        if t.is_punct and t.text not in ("-",):
            break
        out.append(t)
    return out


def _service(verb: Verb, sentence_text: str, tokens: list[Token], last: int) -> bool:
    if not verb.service:
        return False
    if SERVICE.search(sentence_text):
        return True
    nxt = _window(tokens, last, 1)
    return bool(nxt and SERVICE_OBJECT.match(nxt[0].lower))


def _after_aux(tokens: list[Token], i: int, need_att: bool) -> tuple[int, list[Token]] | None:
    """The infinitive after "kommer (att)" / "ska" at i: (index, inverted subject tokens)."""
    seen_att = not need_att
    inverted: list[Token] = []
    for j in range(i + 1, min(len(tokens), i + 8)):
        t = tokens[j]
        low = t.lower
        if t.is_punct or low in _NEGATIONS:
            return None
        if low == "att" and not seen_att:
            seen_att = True
            continue
        looks_inf = (
            t.feat("VerbForm") == "Inf"
            if t.pos
            else (low in FORMS or low in ("bli", "få", "erbjuda", "ge", "vara", "ha"))
        )
        if low in FORMS and FORMS[low][1] in ("infinitive", "passive"):
            looks_inf = True
        if looks_inf and (seen_att or not need_att or low in FORMS):
            return j, inverted
        if low in _SKIP:
            continue
        nominal = t.pos in ("NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM") if t.pos else True
        if low in _PREPOSITIONS or low in _DIRECTIONS or not (nominal or _is_city([t])):
            return None  # "kommer tillbaka för att ...", "kommer hem": not future
        if len(inverted) < 3:
            inverted.append(t)
            continue
        return None
    return None


def _grammar_futures(analysis: BlockAnalysis) -> dict[tuple[int, int], Future]:
    """The language layer's future constructions, by (sentence, auxiliary index)."""
    if not analysis.tagged:
        return {}
    try:
        futures = find_futures(analysis, modals=False)
    except ValueError:
        return {}
    return {(f.sentence, f.aux): f for f in futures if f.kind in ("kommer-att", "ska")}


def find_commitments(analysis: BlockAnalysis) -> list[Commitment]:
    """Future commitments in a block: see the module docstring."""
    text = analysis.text
    out: list[Commitment] = []
    grammar = _grammar_futures(analysis)
    for si, sent in enumerate(analysis.sentences):
        tokens = sent.tokens
        sentence_text = text[sent.start : sent.end]
        question = sentence_text.rstrip().endswith("?")
        if question and tokens and tokens[0].lower in _WH:
            continue  # "När blir simskolan gratis?" states nothing
        future_time = bool(FUTURE_TIME.search(sentence_text))
        taken: set[int] = set()
        for i, t in enumerate(tokens):
            low = t.lower
            if i in taken or (question and i == 0):
                continue  # "Kommer avgiften att tas bort?" -- but "Visste du att staden ska ...?"
            # "kommer att" / "ska" + infinitive
            if low in _FUTURE_AUX:
                got = _after_aux(tokens, i, need_att=low == "kommer")
                future = grammar.get((si, i))
                negated = future is not None and any(
                    w.lower in _NEGATIONS for w in tokens[i : future.verb]
                )
                if got is None and future is not None and not negated:  # the tagger saw more
                    after = future.subject is not None and future.subject > i
                    got = future.verb, [tokens[future.subject]] if after else []
                if got is None:
                    continue
                j, inverted = got
                subject = inverted or _subject(tokens, i)[0]
                if (
                    not _is_city(subject)
                    and future is not None
                    and future.subject is not None
                    and _is_city([tokens[future.subject]])
                ):
                    subject = [tokens[future.subject]]
                if any(s.lower in NOT_CITY_SUBJECT for s in subject):
                    continue
                commitment = _future_commitment(tokens, sent, sentence_text, i, j, subject)
                if commitment is not None:
                    out.append(commitment)
                    taken.update(range(i, j + 1))
                continue
            # present tense: "blir gratis", "staden inför", "avgiften sänks till hösten"
            if low == "blir" and future_time:
                if any(CHANGE.match(w.lower) for w in _window(tokens, i, 4)):
                    out.append(Commitment(t.start, t.end, sent, "change", "bli"))
                    taken.add(i)
                continue
            if (
                low == "inför"
                and i > 0
                and (
                    tokens[i - 1].pos in ("VERB", "AUX") or tokens[i - 1].lower in ("står", "stod")
                )
            ):
                continue  # "stå inför", a preposition
            if low == "gör" and future_time:  # "Nu gör vi lekplatserna tillgängliga"
                subject, _ = _subject(tokens, i)
                if _is_city(subject) and any(
                    _CHANGE_WORDS.match(w.lower) for w in _window(tokens, i, 8)
                ):
                    start = min([t.start] + [w.start for w in subject])
                    end = max([t.end] + [w.end for w in subject])
                    out.append(Commitment(start, end, sent, "change", "göra"))
                    continue
            got_verb = _verb_at(tokens, i)
            if got_verb is None:
                continue
            verb, kind, last = got_verb
            if kind == "passive" and not any(
                w.lower in _AUX_BEFORE for w in tokens[max(0, i - 4) : i]
            ):
                kind = "present_passive"  # "satsas", "avskaffas": same form as the infinitive
            new = _new_thing(tokens, i, last)
            if kind == "present_passive" and _other_agent(tokens, last):
                continue  # "byggs av Region Stockholm": another body's project, reported
            if kind == "present_passive":
                if (future_time or new) and not _service(verb, sentence_text, tokens, last):
                    out.append(
                        Commitment(t.start, tokens[last].end, sent, "passive", verb.infinitive)
                    )
                continue
            if kind != "present":
                continue
            subject, _ = _subject(tokens, i)
            if not _is_city(subject):
                continue
            amount = verb.infinitive in ("satsa", "investera") and AMOUNT.search(sentence_text)
            if not (future_time or verb.strong or amount or new):
                continue
            if _service(verb, sentence_text, tokens, last):
                continue
            start = min([t.start] + [s.start for s in subject])
            end = max([tokens[last].end] + [s.end for s in subject])
            out.append(Commitment(start, end, sent, "present", verb.infinitive))
    return out


def _future_commitment(
    tokens: list[Token],
    sent: Sentence,
    sentence_text: str,
    i: int,
    j: int,
    subject: list[Token],
) -> Commitment | None:
    inf = tokens[j]
    low = inf.lower
    start = min([tokens[i].start] + [s.start for s in subject])
    following = _window(tokens, j, 5)
    if low == "bli" or (inf.lemma == "bli" and inf.pos):
        if any(CHANGE.match(w.lower) for w in following[:4]):
            return Commitment(start, inf.end, sent, "change", "bli")
        return None
    if low == "ha" and j + 1 < len(tokens):
        # future perfect: "ska staden ha anställt 100 lärare"
        for k in range(j + 1, min(len(tokens), j + 3)):
            sup = tokens[k]
            supine = sup.feat("VerbForm") == "Sup" or sup.lower.endswith("t")
            if supine and sup.lemma in _BY_INF and sup.lower != sup.lemma:
                verb = next((v for v in _BY_INF[sup.lemma] if v.particle is None), None)
                if verb is not None and _is_city(subject):
                    return Commitment(start, sup.end, sent, "future", verb.infinitive)
        return None
    if low in ("fortsätta", "börja") and j + 1 < len(tokens):
        k = j + 2 if tokens[j + 1].lower == "att" else j + 1
        if k < len(tokens) and k != j:
            return _future_commitment(tokens, sent, sentence_text, i, k, subject)
        return None
    if low == "få":
        if any(SERVICE_NOUN.match(w.lower) for w in following[:4]):
            return None  # "få information", "få besked": service
        if any(BENEFIT.match(w.lower) for w in following[:3]):
            return Commitment(start, inf.end, sent, "benefit", "få")
        return None
    if low in ("erbjuda", "ge", "göra", "hålla") and not (
        low == "göra" and following and following[0].lower == "om"
    ):
        if any(_CHANGE_WORDS.match(w.lower) for w in following[:4]) or (
            low in ("ge", "erbjuda")
            and RIGHT.search(" ".join(w.lower for w in _window(tokens, j, 9)))
        ):
            return Commitment(start, inf.end, sent, "change", low)
        return None
    got = _verb_at(tokens, j)
    if got is None:
        return None
    verb, kind, last = got
    if _service(verb, sentence_text, tokens, last):
        return None
    if verb.particle == "till" and any(w.lower in READER for w in _window(tokens, last, 6)):
        return None  # "vi ska se till att du får svar": a service promise
    if kind == "infinitive" and not _is_city(subject):
        return None
    return Commitment(start, tokens[last].end, sent, "future", verb.infinitive)


# --------------------------------------------------------------------------------------
# Scopes: sentence, paragraph, section
# --------------------------------------------------------------------------------------


def _sections(blocks: list[Block]) -> dict[int, list[Block]]:
    """Block index -> the blocks of its section (between two headings, heading included)."""
    out: dict[int, list[Block]] = {}
    current: list[Block] = []
    groups: list[list[Block]] = [current]
    for block in blocks:
        if block.kind == "heading":
            current = [block]
            groups.append(current)
        else:
            current.append(block)
    for group in groups:
        for block in group:
            out[block.index] = group
    return out


class _Anchors:
    """Where decision anchors and proposal markers are, computed once per document."""

    def __init__(self, ctx: RuleContext) -> None:
        self.scope = str(ctx.options.get("anchor_scope", "section"))
        blocks = [b for b in ctx.document.blocks if b.text.strip()]
        self.sections = _sections(blocks)
        self._block: dict[int, bool] = {}

    def block(self, block: Block) -> bool:
        if block.index not in self._block:
            self._block[block.index] = anchored(block.text)
        return self._block[block.index]

    def covers(self, block: Block, sentence_text: str) -> bool:
        if anchored(sentence_text):
            return True
        if self.scope == "sentence":
            return False
        if self.block(block):
            return True
        if self.scope == "paragraph":
            return False
        return any(self.block(b) for b in self.sections.get(block.index, [block]))


# --------------------------------------------------------------------------------------
# Voice: the city's or a politician's
# --------------------------------------------------------------------------------------

SPEECH = re.compile(
    r"\b(?:säger|sa|sade|menar|lovar|utlovar|konstaterar|berättar|framhåller|betonar|"
    r"meddelar|skriver|förklarar|uppger|understryker|tycker|anser)\b|\benligt\s+\w+|[”“\"»«:]",
    IGNORE,
)
_QUOTE_START = re.compile(r"^\s*[–—\-”“\"»]")


def _politician(person_text: str) -> bool:
    return bool(POLITICAL_ROLE.search(person_text) or ABBR_AFTER_NAME.search(person_text))


def politician_voice(block_text: str, sentence_text: str) -> bool:
    """Is the sentence a politician speaking (a quote or reported speech)?"""
    if _politician(sentence_text) and SPEECH.search(sentence_text):
        return True
    if not (_politician(block_text) and SPEECH.search(block_text)):
        return False
    return bool(_QUOTE_START.match(block_text) or re.search(r"[”“\"»«]", sentence_text))


# --------------------------------------------------------------------------------------
# The checks
# --------------------------------------------------------------------------------------


def _party_political(text: str) -> tuple[int, int, str] | None:
    """(start, end, note key) of the first party-political trigger in a sentence."""
    for regex, note in (
        (CAMPAIGN, "campaign"),
        (FIRST_PERSON_PARTY, "party_we"),
        (PARTY_SIGNATURE, "campaign"),
        (BLOC, "bloc"),
        (ABBR_COMPOUND, "bloc"),
        (OPPOSITION_BLAME, "blame"),
    ):
        m = regex.search(text)
        if m:
            if regex is ABBR_COMPOUND and not re.match(r"\w+-styre", m.group(0)):
                continue
            return m.start(), m.end(), note
    parties = party_spans(text)
    if parties and SOCIAL_CALL.search(text):
        m = SOCIAL_CALL.search(text)
        assert m is not None
        return m.start(), m.end(), "campaign"
    side = bool(parties or MAJORITY.search(text) or POLITICAL_ROLE.search(text))
    if side:
        m = EVALUATIVE.search(text)
        if m:
            return m.start(), m.end(), "praise"
    if ELECTION.search(text) and FIRST_PERSON.search(text) and (parties or POWER.search(text)):
        m = ELECTION.search(text)
        assert m is not None
        return m.start(), m.end(), "campaign"
    return None


_NOTES = {
    "campaign": (
        "Valpropaganda hör inte hemma i stadens kanaler.",
        "Election campaigning does not belong in the city's channels.",
    ),
    "party_we": (
        "Staden talar inte som ett parti.",
        "The city does not speak as a party.",
    ),
    "bloc": (
        "Blockbeteckningar är politisk inramning; skriv vilka partier eller vilket organ "
        "det gäller.",
        "Bloc labels are political framing; name the parties or the decision body.",
    ),
    "blame": (
        "Att peka ut en politisk sida är partipolitik; redovisa omröstningen sakligt.",
        "Blaming a political side is party politics; report the vote factually.",
    ),
    "praise": (
        "Beröm eller kritik av en politisk sida är partipolitik i stadens namn.",
        "Praise or blame of a political side is party politics in the city's name.",
    ),
}


def party_political(ctx: RuleContext) -> Iterator[Finding]:
    """POL001: party-political content in the city's voice."""
    suggestion = ctx.text(
        "Flytta budskapet till partiets egna kanaler; i stadens text: beskriv sakligt vad som "
        "är beslutat (organ, datum) eller föreslaget (av vem, när det ska beslutas).",
        "Move the message to the party's own channels; in the city's text, state factually "
        "what is decided (body, date) or proposed (by whom, when it will be decided).",
    )
    for block in ctx.blocks():
        analysis = ctx.analysis(block)
        for sent in analysis.sentences:
            sentence_text = block.text[sent.start : sent.end]
            hit = _party_political(sentence_text)
            if hit is None:
                continue
            start, end, key = hit
            note = ctx.text(*_NOTES[key])
            yield ctx.finding(
                block, sent.start + start, sent.start + end, suggestion=suggestion, note=note
            )


def _commitment_findings(ctx: RuleContext, politician: bool) -> Iterator[Finding]:
    anchors = _Anchors(ctx)
    if politician:
        suggestion = ctx.text(
            "Låt politikern tala om vad hen vill, och skriv i stadens text vad som är beslutat "
            "(organ, datum) eller att frågan inte är beslutad ('Förslaget ska beslutas av ...').",
            "Let the politician say what they want, and state in the city's text what is "
            "decided (body, date) or that the matter is not decided.",
        )
    else:
        suggestion = ctx.text(
            "Ange beslutet ('Kommunfullmäktige beslutade den [datum] att ...', dnr) eller "
            "skriv att det är ett förslag ('Förslaget ska beslutas av [organ] den [datum]').",
            "Name the decision ('Kommunfullmäktige beslutade den [date] att ...', dnr) or mark "
            "it as a proposal ('Förslaget ska beslutas av [body] den [date]').",
        )
    cache = ctx.document.annotations.setdefault("political.commitments", {})
    for block in ctx.blocks():
        if block.index not in cache:  # POL002 and POL003 share the search
            cache[block.index] = find_commitments(ctx.analysis(block))
        seen: set[int] = set()
        for commitment in cache[block.index]:
            sent = commitment.sentence
            if sent.start in seen:
                continue
            sentence_text = block.text[sent.start : sent.end]
            if politician_voice(block.text, sentence_text) != politician:
                continue
            if anchors.covers(block, sentence_text):
                continue
            seen.add(sent.start)
            yield ctx.finding(block, commitment.start, commitment.end, suggestion=suggestion)


def intent_as_fact(ctx: RuleContext) -> Iterator[Finding]:
    """POL002: a future commitment in the city's voice with no decision anchor."""
    yield from _commitment_findings(ctx, politician=False)


def politician_voice_check(ctx: RuleContext) -> Iterator[Finding]:
    """POL003: a politician quoted stating what the city will do, with no decision anchor."""
    yield from _commitment_findings(ctx, politician=True)
