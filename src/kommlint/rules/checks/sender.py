"""Checks of the sender pack: Stockholms stad is always the clear sender.

Programme section 6 "En stad – en avsändare" and principle 5 "Trovärdig"; the facts
(accepted and wrong forms, förvaltningar, bolag, contact formats) are in
../shared/domain/avsandare-och-logotyp.md §1–5.

Where a sender counts ("sender zones", docs/sender.md):
  header / footer  Part.HEADER / Part.FOOTER blocks (DOCX headers, PDF running lines)
  first_page       any visible block on page 1 (PDF, images/OCR)
  last_page        any visible block on the last page
  letterhead       the first `letterhead_blocks` content blocks (body, table, caption, OCR)
  signature        the last `signature_blocks` content blocks (footnotes excluded)
Formats without pages (DOCX, plain text, stdin) rely on header/footer, letterhead and
signature: in a plain text the first paragraphs are the letterhead and the last ones
the signature.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kommlint.document import Block, Document, Finding, Part, Severity
from kommlint.rules.context import RuleContext
from kommlint.rules.matching import inside, quoted_spans

ZONES = ("header", "footer", "first_page", "last_page", "letterhead", "signature")
# Zones where a name stands as *the* sender (not merely on the cover page).
SENDER_LINE_ZONES = frozenset({"header", "footer", "letterhead", "signature"})
CONTENT_PARTS = (Part.BODY, Part.TABLE, Part.CAPTION, Part.OCR)
VISIBLE_PARTS = (*CONTENT_PARTS, Part.HEADER, Part.FOOTER)
NOTE_KINDS = ("footnote", "endnote", "comment")
# Reader notices meaning that some text of the document was not read.
UNREAD_NOTICES = frozenset({"ocr_unavailable", "ocr_failed", "ocr_disabled", "partial_text"})

# Properties someone sets on purpose; "company" is filled in by the Office installation.
DEFAULT_METADATA_KEYS = ("title", "subject", "author", "keywords")
DEFAULT_LETTERHEAD_BLOCKS = 5
DEFAULT_SIGNATURE_BLOCKS = 8
# A company named in the letterhead/signature is the sender only on a short line of its own.
COMPANY_LINE_MAX_WORDS = 12

# Any spelling that names the city as sender. Wrong spellings count as present here (the
# sender is there; SND003 asks for the right form) so that a misspelling never yields a
# second, false "missing sender". Word boundaries keep out "Stockholms stadsbibliotek",
# "Stockholms Stadshus AB", "Stockholms Stadsmission".
DEFAULT_SENDER_PATTERNS = [
    r"(?<![.@/#\w])Stockholms?[\s-]*stads?\b",
    r"(?<![.@/#\w])sthlms?\.?\s+stads?\b",
    r"\bCity\s+of\s+Stockholm\b",
    r"\bStockholms\s+kommuns?\b",
]

DEFAULT_AFFILIATION_PATTERNS = [
    r"\ben\s+del\s+av\s+Stockholms\s+stad\b",
    r"\b(?:ett\s+)?(?:kommunalt\s+|helägt\s+)?bolag\s+(?:i|inom)\s+Stockholms\s+stad\b",
    r"\b(?:hel)?ägs\s+av\s+Stockholms\s+stad\b",
    r"\bStockholms\s+stads\s+(?:hel)?ägda\s+bolag\b",
    r"\bett\s+av\s+Stockholms\s+stads\s+bolag\b",
    r"\ba\s+municipal\s+company,?\s+City\s+of\s+Stockholm\b",
    r"\b(?:part|owned\s+by)\s+(?:of\s+)?(?:the\s+)?City\s+of\s+Stockholm\b",
]

# Förvaltningar, stadsdelsförvaltningar and nämnder, by their shape ("Trafikkontoret",
# "Farsta stadsdelsförvaltning", "Norra innerstadens stadsdelsförvaltning").
ORGANISATION_RE = re.compile(
    r"\b(?:[A-ZÅÄÖ][\w-]*(?:\s+[a-zåäö][\w-]*)?\s+stadsdels(?:förvaltning|nämnd)(?:en)?"
    r"|[A-ZÅÄÖ][\wåäö-]*(?:kontoret|förvaltningen|nämnden)"
    r"|Stadsrevisionen|Stockholms\s+stadsarkiv)\b"
)

_SV_WORDS = frozenset(
    {"och", "att", "det", "som", "är", "på", "för", "med", "av", "till", "inte", "vi", "du"}
    | {"har", "kan", "om", "din", "ditt", "dina", "ett", "en", "ska", "eller", "hos"}
)
_EN_WORDS = frozenset(
    {"the", "and", "of", "to", "is", "in", "for", "with", "you", "your", "we", "our", "are"}
    | {"on", "by", "this", "from", "at", "be", "will"}
)


@dataclass
class Hit:
    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


# ---------------------------------------------------------------------------------------
# Shared helpers


def _int(options: dict[str, Any], key: str, default: int) -> int:
    try:
        return max(0, int(options.get(key, default)))
    except (TypeError, ValueError):
        return default


def content_blocks(document: Document) -> list[Block]:
    """Body, table, caption and OCR blocks with text, footnotes and comments left out."""
    return [b for b in document.text_blocks(*CONTENT_PARTS) if not b.kind.startswith(NOTE_KINDS)]


def last_page(document: Document) -> int | None:
    pages = [b.page for b in document.blocks if b.page is not None]
    numbers = [document.page_count] if document.page_count else []
    return max(numbers + pages) if numbers or pages else None


def block_zones(document: Document, options: dict[str, Any]) -> dict[int, set[str]]:
    """The sender zones of every visible block, by id(block)."""
    letterhead = _int(options, "letterhead_blocks", DEFAULT_LETTERHEAD_BLOCKS)
    signature = _int(options, "signature_blocks", DEFAULT_SIGNATURE_BLOCKS)
    final = last_page(document)
    zones: dict[int, set[str]] = {}
    for block in document.text_blocks(*VISIBLE_PARTS):
        found: set[str] = set()
        if block.part is Part.HEADER:
            found.add("header")
        elif block.part is Part.FOOTER:
            found.add("footer")
        if block.page is not None:
            if block.page == 1:
                found.add("first_page")
            if block.page == final:
                found.add("last_page")
        zones[id(block)] = found
    # On paged formats the letterhead is on the first page and the signature on the last.
    content = content_blocks(document)
    # Without pages (DOCX, plain text) the letterhead stands for the first page and the
    # signature for the last, so that `where: [first_page, last_page]` means the same there.
    for block in [b for b in content if b.page in (None, 1)][:letterhead]:
        zones[id(block)].update(
            ("letterhead", "first_page") if block.page is None else ("letterhead",)
        )
    tail = [b for b in content if b.page in (None, final)]
    for block in tail[max(0, len(tail) - signature) :] if signature else []:
        zones[id(block)].update(
            ("signature", "last_page") if block.page is None else ("signature",)
        )
    return zones


@lru_cache(maxsize=64)
def _compile(patterns: tuple[str, ...], flags: int = re.IGNORECASE) -> tuple[re.Pattern, ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, flags))
        except re.error:
            continue  # a bad pattern in the configuration is skipped, not fatal
    return tuple(compiled)


def _patterns(options: dict[str, Any], key: str, default: list[str]) -> tuple[re.Pattern, ...]:
    value = options.get(key, default)
    if isinstance(value, str):
        value = [value]
    return _compile(tuple(str(p) for p in value or []))


def _hits(blocks: Iterable[Block], regexes: Iterable[re.Pattern]) -> Iterator[Hit]:
    regexes = list(regexes)
    for block in blocks:
        for regex in regexes:
            for m in regex.finditer(block.text):
                yield Hit(block, m.start(), m.end())


def _name_regex(name: str) -> re.Pattern:
    body = r"\s+".join(re.escape(part) for part in name.split())
    return re.compile(rf"(?<![\w:]){body}(?![\w])")


@lru_cache(maxsize=16)
def _company_regexes(names: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(_name_regex(n) for n in sorted(names, key=len, reverse=True) if n.strip())


def company_sender(document: Document, options: dict[str, Any]) -> Hit | None:
    """The first city-owned company named where a sender stands (header, footer,
    letterhead, signature), unless Stockholms stad itself stands there as the sender."""
    zones = block_zones(document, options)
    sender_blocks = [
        b
        for b in document.text_blocks(*VISIBLE_PARTS)
        if zones.get(id(b), set()) & SENDER_LINE_ZONES
    ]
    city = _patterns(options, "sender_patterns", DEFAULT_SENDER_PATTERNS)
    # A company's affiliation line names the city too; it does not make the city the sender.
    affiliation = _patterns(options, "affiliation_patterns", DEFAULT_AFFILIATION_PATTERNS)
    for hit in _hits(sender_blocks, city):
        if not any(
            inside([(m.start(), m.end())], hit.start, hit.end)
            for r in affiliation
            for m in r.finditer(hit.block.text)
        ):
            return None
    names = tuple(str(n) for n in options.get("companies") or [])
    for hit in _hits(sender_blocks, _company_regexes(names)):
        if hit.block.part in (Part.HEADER, Part.FOOTER):
            return hit
        if len(hit.block.text.split()) <= COMPANY_LINE_MAX_WORDS:
            return hit
    return None


def organisation_in_zones(document: Document, zones: dict[int, set[str]]) -> str | None:
    for block in document.text_blocks(*VISIBLE_PARTS):
        if zones.get(id(block), set()) & SENDER_LINE_ZONES:
            m = ORGANISATION_RE.search(block.text)
            if m:
                name = re.sub(r"\s+", " ", m.group(0))
                return name[0].upper() + name[1:]
    return None


def unread_notices(document: Document) -> list:
    return [n for n in document.notices if n.code in UNREAD_NOTICES]


def is_english(text: str) -> bool:
    words = re.findall(r"[a-zåäö]+", text.lower())
    sv = sum(w in _SV_WORDS for w in words)
    en = sum(w in _EN_WORDS for w in words)
    return en > sv


def _allowed_zones(options: dict[str, Any]) -> set[str]:
    where = options.get("where", list(ZONES))
    if isinstance(where, str):
        where = [where]
    chosen = {str(w) for w in where or []} & set(ZONES)
    return chosen or set(ZONES)


def _logo_alt_text(document: Document, regexes: tuple[re.Pattern, ...]) -> bool:
    """A picture in a header/footer or on page 1 whose alt text names the city."""
    for image in document.images:
        if image.part in (Part.HEADER, Part.FOOTER) or image.page in (None, 1):
            label = image.alt_text or ""  # not the file name: readers never see it
            if label and any(r.search(label) for r in regexes):
                return True
    return False


# ---------------------------------------------------------------------------------------
# SND001 – the sender is visible


MSG_DEEP = (
    "Stockholms stad nämns bara inne i brödtexten ({where}), inte som avsändare i "
    "sidhuvud, sidfot, på första eller sista sidan eller i underskriften.",
    "Stockholms stad is only mentioned inside the body text ({where}), not as the sender "
    "in a header, footer, on the first or last page or in the signature.",
)
MSG_METADATA = (
    "Stockholms stad står bara i dokumentets egenskaper ({key}), inte synligt som "
    "avsändare i dokumentet.",
    "Stockholms stad only appears in the document properties ({key}), not visibly as the "
    "sender in the document.",
)
MSG_UNREAD = (
    "Avsändaren kunde inte kontrolleras: {reason}",
    "The sender could not be checked: {reason}",
)
MSG_NO_TEXT = (
    "Avsändaren kunde inte kontrolleras: ingen text hittades i bilden.",
    "The sender could not be checked: no text was found in the image.",
)


def required_sender(ctx: RuleContext) -> Iterator[Finding]:
    """SND001: "Stockholms stad" visible as sender where the options say it must be."""
    document, options = ctx.document, ctx.options
    allowed = _allowed_zones(options)
    zones = block_zones(document, options)
    regexes = _patterns(options, "sender_patterns", DEFAULT_SENDER_PATTERNS)
    visible = document.text_blocks(*VISIBLE_PARTS)
    deep: Hit | None = None
    for hit in _hits(visible, regexes):
        if zones.get(id(hit.block), set()) & allowed:
            return
        deep = deep or hit
    if options.get("count_logo_alt_text", True) and _logo_alt_text(document, regexes):
        return
    if options.get("defer_to_company", True) and company_sender(document, options):
        return  # SND002 asks for the company's affiliation text instead
    unread = unread_notices(document)
    if unread:
        reason = ctx.text(unread[0].message, unread[0].message_en)
        yield ctx.document_finding(
            severity=Severity.INFO, message=ctx.message(*MSG_UNREAD, reason=reason)
        )
        return
    if not visible and document.format == "image":
        yield ctx.document_finding(severity=Severity.INFO, message=ctx.message(*MSG_NO_TEXT))
        return
    if deep is not None:
        where = ctx.text(*_describe(deep.block))
        yield ctx.finding(
            deep.block,
            deep.start,
            deep.end,
            severity=Severity.WARNING,
            message=ctx.message(*MSG_DEEP, where=where),
        )
        return
    keys = {str(k) for k in options.get("metadata_keys", DEFAULT_METADATA_KEYS)}
    metadata = [b for b in document.text_blocks(Part.METADATA) if b.kind in keys]
    for hit in _hits(metadata, regexes):
        yield ctx.finding(
            hit.block,
            hit.start,
            hit.end,
            severity=Severity.WARNING,
            message=ctx.message(*MSG_METADATA, key=hit.block.kind),
            with_context=False,
        )
        return
    organisation = organisation_in_zones(document, zones)
    suggestion = f"{organisation}, Stockholms stad" if organisation else "Stockholms stad"
    yield ctx.document_finding(suggestion=suggestion, sender=suggestion)


def _describe(block: Block) -> tuple[str, str]:
    if block.page is not None:
        return f"sida {block.page}", f"page {block.page}"
    return f"stycke {block.index + 1}", f"paragraph {block.index + 1}"


# ---------------------------------------------------------------------------------------
# SND002 – companies say they are part of the city


def company_affiliation(ctx: RuleContext) -> Iterator[Finding]:
    """SND002: a city-owned company as sender shows "en del av Stockholms stad"."""
    document, options = ctx.document, ctx.options
    hit = company_sender(document, options)
    if hit is None:
        return
    affiliation = _patterns(options, "affiliation_patterns", DEFAULT_AFFILIATION_PATTERNS)
    visible = document.text_blocks(*VISIBLE_PARTS)
    if any(True for _ in _hits(visible, affiliation)):
        return
    outdated = _compile((r"\bingår\s+i\s+koncernen\s+Stockholms\s+stadshus",))
    if any(True for _ in _hits(visible, outdated)):
        return  # SND003 points at the outdated line and suggests the new one
    yield ctx.finding(hit.block, hit.start, hit.end, suggestion="en del av Stockholms stad")


# ---------------------------------------------------------------------------------------
# SND003 – wrong forms of the sender name


@dataclass(frozen=True)
class WrongForm:
    key: str
    pattern: re.Pattern
    suggestion: str  # "{gen}" is replaced by the genitive -s when the match had one
    severity: Severity | None = None  # None: the rule's severity
    scope: str = "any"  # any | sender (as the sender only) | running (running text only)
    note: tuple[str, str] = ("", "")


_GEN = r"(?P<gen>s)?\b"
WRONG_FORMS: tuple[WrongForm, ...] = (
    WrongForm(
        "versal-stad",
        re.compile(r"\bStockholms\s+Stad(?P<gen>s)?\b"),
        "Stockholms stad{gen}",
        note=("Skriv stad med litet s.", "Write stad in lower case."),
    ),
    WrongForm(
        "utan-genitiv",
        re.compile(r"\bStockholm\s+[Ss]tad" + _GEN),
        "Stockholms stad{gen}",
        note=("Stockholms ska ha genitiv-s.", "Stockholms takes the genitive s."),
    ),
    WrongForm(
        "bindestreck",
        re.compile(r"\bStockholms?-[Ss]tad" + _GEN),
        "Stockholms stad{gen}",
        note=("Skriv två ord utan bindestreck.", "Two words, no hyphen."),
    ),
    WrongForm(
        "sammanskrivet",
        re.compile(r"(?<![.@/#\w])Stockholms?stad" + _GEN),
        "Stockholms stad{gen}",
        note=("Skriv två ord.", "Two words."),
    ),
    WrongForm(
        "forkortning",
        re.compile(r"\b[Ss][Tt][Hh][Ll][Mm][Ss]?\.?\s+[Ss]tad" + _GEN),
        "Stockholms stad{gen}",
        note=("Förkorta inte avsändarens namn.", "Do not abbreviate the sender's name."),
    ),
    WrongForm(
        "gemener",
        re.compile(r"\bstockholms\s+stad" + _GEN),
        "Stockholms stad{gen}",
        note=("Namnet skrivs med stort S.", "The name takes a capital S."),
    ),
    WrongForm(
        "versaler",
        re.compile(r"\bSTOCKHOLMS\s+STAD(?P<gen>S)?\b"),
        "Stockholms stad{gen}",
        severity=Severity.INFO,
        scope="running",
        note=("Skriv inte namnet med versaler i löptext.", "No capitals in running text."),
    ),
    WrongForm(
        "stockholm-city",
        re.compile(
            r"\bStockholm\s+City\b(?!\s+(?:Hall|Mission|Council|Library|Airport|Terminal"
            r"|[Ss]tation))"
        ),
        "Stockholms stad",
        note=(
            "Stockholm City är en station och ett handelsområde; stadens engelska namn är "
            "City of Stockholm.",
            "Stockholm City is a station and a shopping district; the English name is "
            "City of Stockholm.",
        ),
    ),
    WrongForm(
        "kommun",
        re.compile(r"\bStockholms\s+kommun(?P<gen>s)?\b"),
        "Stockholms stad{gen}",
        scope="sender",
        note=(
            "Kommunen kallar sig Stockholms stad; Stockholms kommun är det formella namnet "
            "i lagtext och register.",
            "The municipality calls itself Stockholms stad; Stockholms kommun is the legal "
            "name for statutes and registers.",
        ),
    ),
    WrongForm(
        "bara-stockholm",
        re.compile(r"^\s*Stockholm\s*$"),
        "Stockholms stad",
        scope="sender-line",
        note=(
            "Stockholm är platsen, inte avsändaren.",
            "Stockholm is the place, not the sender.",
        ),
    ),
    WrongForm(
        "stadshus-koncernen",
        re.compile(r"\b[Ii]ngår\s+i\s+koncernen\s+Stockholms\s+[Ss]tadshus(?:\s+AB)?"),
        "En del av Stockholms stad",
        note=("Raden har ersatts av varumärkesmanualens text.", "Replaced by the brand text."),
    ),
)

DEFAULT_ALLOW = [
    r"Stockholms\s+Stads\s+Bostadsförmedling",
    r"Stockholm\s+City\s+(?:Hall|Mission|Council)",
]
# In these contexts "Stockholms kommun" is the right, legal name.
KOMMUN_LEGAL = re.compile(
    r"föreskrift|författning|kommunkod|0180|212000-0142|organisationsnummer|org\.?\s*nr|"
    r"valnämnd|röstlängd|folkbokför|statistik|SCB|lagen|förordning|kommungräns",
    re.IGNORECASE,
)
SENDER_CUE = re.compile(
    r"(?:från|avsändare:?|hälsningar,?|utgiven\s+av|utges\s+av|ansvarig\s+utgivare:?)\s*$",
    re.IGNORECASE,
)
STATION_CUE = re.compile(
    r"pendeltåg|station|tunnelbana|Citybanan|perrong|spår\b|tåget|tåg\b|T-Centralen",
    re.IGNORECASE,
)
SENDER_LINE_MAX_WORDS = 8


def wrong_forms(ctx: RuleContext) -> Iterator[Finding]:
    """SND003: misspelt or wrong sender names, with the right form as the suggestion."""
    document, options = ctx.document, ctx.options
    zones = block_zones(document, options)
    allow = _patterns(options, "allow", DEFAULT_ALLOW)
    ignore = {str(k) for k in options.get("ignore_forms") or []}
    for block in ctx.blocks():
        text = block.text
        quoted = quoted_spans(text)
        allowed_spans = [(m.start(), m.end()) for r in allow for m in r.finditer(text)]
        taken: list[tuple[int, int]] = []
        block_zone = zones.get(id(block), set())
        for form in WRONG_FORMS:
            if form.key in ignore:
                continue
            for m in form.pattern.finditer(text):
                start, end = m.start(), m.end()
                if form.key == "bara-stockholm":
                    start = len(text) - len(text.lstrip())
                    end = len(text.rstrip())
                if inside(quoted, start, end) or any(
                    s < end and start < e for s, e in allowed_spans + taken
                ):
                    continue
                if not _in_scope(form, block, block_zone, text, start):
                    continue
                suggestion = form.suggestion.replace(
                    "{gen}", "s" if m.groupdict().get("gen") else ""
                )
                if form.key == "stockholm-city" and is_english(text):
                    suggestion = "City of Stockholm"
                taken.append((start, end))
                yield ctx.finding(
                    block,
                    start,
                    end,
                    suggestion=suggestion,
                    severity=form.severity,
                    note=ctx.text(*form.note),
                )


def _in_scope(form: WrongForm, block: Block, zone: set[str], text: str, start: int) -> bool:
    if form.scope == "running":
        return (
            block.part in (Part.BODY, Part.TABLE)
            and block.kind != "heading"
            and text.upper() != text  # a line set in capitals by design
        )
    if form.scope == "sender-line":
        return bool(zone & SENDER_LINE_ZONES)
    if form.key == "stockholm-city":
        return not STATION_CUE.search(text)
    if form.scope == "sender":
        if KOMMUN_LEGAL.search(text):
            return False
        if block.part in (Part.HEADER, Part.FOOTER):
            return True
        if SENDER_CUE.search(text[max(0, start - 40) : start]):
            return True
        # a sender line ("Trafikkontoret, Stockholms kommun"), not a sentence about the city
        stripped = text.rstrip()
        line_like = len(text.split()) <= SENDER_LINE_MAX_WORDS and not stripped.endswith(
            (".", "!", "?", ":")
        )
        at_end = stripped.endswith(text[start:].strip()) and len(text[start:].split()) <= 3
        return (line_like or at_end) and bool(zone & SENDER_LINE_ZONES)
    return True


# ---------------------------------------------------------------------------------------
# SND004 – a way to reach the sender

PHONE_RE = re.compile(
    r"(?<![\d-])(?:\+46[\s-]?\(?0?\)?[\s-]?[1-9]|0[1-9])(?:[\s-]?\d){5,10}(?![\d])"
)
EMAIL_RE = re.compile(r"[\w.+-]+@((?:[\w-]+\.)+[A-Za-z]{2,})\b")
WEB_RE = re.compile(r"(?i)\b(?:https?://)?(?:[\w-]+\.)*(?:stockholm\.se|[\w-]+\.stockholm)\b")
POSTAL_RE = re.compile(
    r"\b\d{3}\s?\d{2}\s+[A-ZÅÄÖ][a-zåäö]+"
    r"|\bBox\s+\d+"
    r"|\b[A-ZÅÄÖ][a-zåäö]+(?:gatan|vägen|gränd|torget|plan|backen|allén|stigen|kajen"
    r"|esplanaden|torg|väg|gata)\s+\d+\s?[A-Za-z]?\b"
)
WEBSITE_RE = re.compile(r"(?i)\b[\w-]+(?:\.[\w-]+)*\.(?:se|com|nu|org|net|eu)\b")
DEFAULT_CONTACT_DOMAINS = ["stockholm.se", "start.stockholm"]


def _domain_ok(domain: str, domains: list[str]) -> bool:
    domain = domain.lower().rstrip(".")
    return any(domain == d or domain.endswith("." + d) for d in domains) or domain.endswith(
        ".stockholm"
    )


def contact(ctx: RuleContext) -> Iterator[Finding]:
    """SND004: the document gives a web address, phone number, e-mail or postal address."""
    document, options = ctx.document, ctx.options
    visible = document.text_blocks(*VISIBLE_PARTS)
    if not visible:
        return  # nothing was read: SND001 says the check could not be done
    if document.format in ("text", "markdown"):
        words = sum(len(b.text.split()) for b in visible)
        if words < _int(options, "text_min_words", 40):
            return
    domains = [str(d).lower() for d in options.get("contact_domains", DEFAULT_CONTACT_DOMAINS)]
    any_email = bool(options.get("accept_any_email")) or company_sender(document, options)
    for block in visible:
        text = block.text
        if PHONE_RE.search(text) or POSTAL_RE.search(text):
            return
        for m in EMAIL_RE.finditer(text):
            if any_email or _domain_ok(m.group(1), domains):
                return
        if WEB_RE.search(text):
            return
        if any_email and (
            re.search(r"(?i)\b(?:https?://|www\.)\S+", text) or WEBSITE_RE.search(text)
        ):
            return
        if domains and any(re.search(rf"(?i)\b{re.escape(d)}\b", text) for d in domains):
            return
    if unread_notices(document):
        return  # the contact may sit in the text that was not read
    yield ctx.document_finding()


# ---------------------------------------------------------------------------------------
# SND005 / SND006 – document properties

JUNK_TITLE = re.compile(
    r"^(?:Microsoft\s+(?:Word|PowerPoint)\s*-.*|Dokument\s*\d*|Document\s*\d*|Untitled.*"
    r"|Namnlös.*|Rubrik|Title|Presentation\s*\d*|.*\.(?:docx?|pdf|indd|odt|pptx?|dotx?))$",
    re.IGNORECASE,
)


def title(ctx: RuleContext) -> Iterator[Finding]:
    """SND005: a PDF or DOCX has a real document title in its properties."""
    document = ctx.document
    formats = [str(f) for f in ctx.options.get("formats", ["pdf", "docx"])]
    if document.format not in formats:
        return
    value = (document.metadata.get("title") or "").strip()
    if not value:
        yield ctx.document_finding(note=ctx.text("Titel saknas.", "The title is missing."))
        return
    if JUNK_TITLE.match(value):
        block = next(
            (b for b in document.blocks if b.part is Part.METADATA and b.kind == "title"), None
        )
        note = ctx.text(
            f"Titeln '{value}' är ett filnamn eller mallens standardtitel.",
            f"The title '{value}' is a file name or a template default.",
        )
        if block is not None:
            yield ctx.finding(block, 0, len(block.text), note=note, with_context=False)
        else:
            yield ctx.document_finding(note=note)


ORG_WORDS = re.compile(
    r"stad|kommun|kontor|förvaltning|nämnd|\bAB\b|bolag|avdelning|enhet|stockholm|region"
    r"|förening|institut|myndighet|sekretariat|center|centrum|office|user|admin|användare"
    r"|microsoft|windows|adobe|word|author|författare|unknown|okänd",
    re.IGNORECASE,
)
NAME_WORD = r"[A-ZÅÄÖÉÜ][a-zåäöéüèáíóú]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüèáíóú]+)?"
PERSON_RE = re.compile(rf"^{NAME_WORD}(?:\s+(?:{NAME_WORD}|[A-ZÅÄÖ]\.)){{1,3}}$")
PERSON_LOGIN_RE = re.compile(r"^[a-zåäö]+\.[a-zåäö]+(?:@[\w.-]+)?$")
PERSON_COMMA_RE = re.compile(rf"^{NAME_WORD},\s*{NAME_WORD}$")


def looks_like_person(value: str) -> bool:
    value = value.strip()
    if PERSON_LOGIN_RE.match(value):  # anna.andersson, anna.andersson@stockholm.se
        return True
    if not value or ORG_WORDS.search(value):
        return False
    return bool(
        PERSON_RE.match(value) or PERSON_LOGIN_RE.match(value) or PERSON_COMMA_RE.match(value)
    )


def author(ctx: RuleContext) -> Iterator[Finding]:
    """SND006: the author property names the organisation, not a person."""
    document = ctx.document
    formats = [str(f) for f in ctx.options.get("formats", ["pdf", "docx"])]
    if document.format not in formats:
        return
    suggestion = str(ctx.options.get("author", "Stockholms stad"))
    for block in document.blocks:
        if block.part is Part.METADATA and block.kind == "author":
            if looks_like_person(block.text):
                yield ctx.finding(
                    block, 0, len(block.text), suggestion=suggestion, with_context=False
                )
            return
    value = document.metadata.get("author", "")
    if looks_like_person(value):
        yield ctx.document_finding(match=value, suggestion=suggestion)
