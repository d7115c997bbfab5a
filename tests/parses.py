"""Build parsed `dyad.records.Sentence` objects by hand, without loading a model.

Rule tests (modality, events, actors) describe a parse as parallel lists, the way spaCy's
`Doc(vocab, words=..., heads=..., deps=...)` does, so they do not change when the parser
model does. Each list may also be given as one whitespace-separated string.

    >>> s = make_sentence("Iraq did not attack Iran .", [3, 3, 3, 3, 3, 3],
    ...                   "nsubj aux neg ROOT dobj punct")
    >>> s.tokens[2].dep, s.text
    ('neg', 'Iraq did not attack Iran .')
"""

from __future__ import annotations

from collections.abc import Sequence

from dyad.records import Segment, Sentence, Token

Column = Sequence[str] | str


def _column(values: Column | None, size: int, name: str) -> list[str] | None:
    """Return `values` as a list (splitting a string on whitespace), checking its length."""
    if values is None:
        return None
    items = values.split() if isinstance(values, str) else list(values)
    if len(items) != size:
        raise ValueError(f"{name} has {len(items)} items, words has {size}")
    return items


def make_sentence(
    words: Column,
    heads: Sequence[int],
    deps: Column,
    lemmas: Column | None = None,
    tags: Column | None = None,
    pos: Column | None = None,
    *,
    doc_id: str = "test",
    start: int = 0,
    segment: Segment | None = None,
) -> Sentence:
    """Return a Sentence whose text is `words` joined by single spaces.

    Args:
        words: Token texts.
        heads: Absolute, sentence-local index of each token's head; the root points at itself.
        deps: spaCy-style English dependency labels ("nsubj", "ROOT", ...).
        lemmas: Lowercase lemmas; defaults to each word lowercased.
        tags: Penn Treebank tags; defaults to "" for every token.
        pos: Universal POS tags; defaults to "" for every token.
        doc_id: Document id of the sentence.
        start: Character offset of the sentence in its document; token offsets follow it.
        segment: Segment the sentence belongs to; defaults to an "article" segment around it.

    Returns:
        The sentence, with `Token.start` offsets that index into `start + text`.

    Raises:
        ValueError: If the columns differ in length or a head is not a token index.
    """
    texts = _column(words, len(heads), "words") or []
    n = len(texts)
    labels = _column(deps, n, "deps") or []
    lemma_col = _column(lemmas, n, "lemmas") or [w.lower() for w in texts]
    tag_col = _column(tags, n, "tags") or [""] * n
    pos_col = _column(pos, n, "pos") or [""] * n
    bad = [h for h in heads if not 0 <= h < n]
    if bad:
        raise ValueError(f"heads {bad} are not token indices of a {n}-token sentence")
    tokens, offset = [], start
    for i, text in enumerate(texts):
        tokens.append(
            Token(i, text, lemma_col[i], pos_col[i], tag_col[i], labels[i], heads[i], offset)
        )
        offset += len(text) + 1
    text = " ".join(texts)
    end = start + len(text)
    seg = segment or Segment("article", start, end)
    return Sentence(doc_id, start, end, text, seg, tuple(tokens))


def shared_subject_parse() -> Sentence:
    """Return "Hussein was stopped , questioned and detained by the authorities ." parsed.

    "detained" hangs on "stopped" as a conjunct, with its own agent and no subject.
    """
    return make_sentence(
        "Hussein was stopped , questioned and detained by the authorities .",
        [2, 2, 2, 2, 2, 4, 4, 6, 9, 7, 2],
        "nsubjpass auxpass ROOT punct conj cc conj agent det pobj punct",
        tags="NNP VBD VBN , VBN CC VBN IN DT NNS .",
        pos="PROPN AUX VERB PUNCT VERB CCONJ VERB ADP DET NOUN PUNCT",
    )
