"""Tests for dyad.coder.parse.RuleCache: the cached attribute ruler and lemmatizer (issue 7).

The first tests need no model; the `model` ones load en_core_web_sm and check that the
cached look-ups give exactly the stock pipeline's tokens on sentences chosen for the
ruler's context-dependent patterns ("there is", "gonna", "ain't", auxiliaries, spaces).
"""

from __future__ import annotations

import pytest
from spacy.strings import StringStore

from dyad.coder import parse
from dyad.records import Segment

PATTERNS = [
    [{"LOWER": "gon"}, {"LOWER": "na"}],
    [{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}],
    [{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}],
    [{"TAG": "NN"}],
    [{"IS_SPACE": True}],
]


@pytest.mark.parametrize(
    ("lower", "kept"),
    [("gon", "gon"), ("na", "na"), ("is", "is"), ("n't", "n't"), ("nt", "nt"), ("cat", None)],
)
def test_parse_named_values_keep_only_what_patterns_name(lower: str, kept: str | None) -> None:
    named = parse._Named.of(PATTERNS, StringStore())
    assert named.lower(lower) == kept


def test_parse_named_values_collect_tags_deps_and_spaces() -> None:
    strings = StringStore()
    named = parse._Named.of(PATTERNS, strings)
    assert named.tags == {strings["VBP"], strings["VBZ"], strings["NN"]}
    assert named.deps == {strings["expl"]}
    assert named.reads_space


@pytest.mark.parametrize(
    "pattern",
    [
        [{"ORTH": "x"}],  # an attribute the key does not hold
        [{"TAG": {"REGEX": "^V"}}],  # a regex over a value kept whole
        [{"LOWER": {"FUZZY": "gonna"}}],
    ],
)
def test_parse_named_values_reject_what_they_cannot_reduce(
    pattern: list[dict[str, object]],
) -> None:
    with pytest.raises(ValueError):
        parse._Named.of([pattern], StringStore())


SENTENCES = [
    "There is a cat, and there were two dogs.",
    "I ain't gonna go, y'all, but we got ta try.",
    "Let's go. C'mon, it's nothin'.",
    "He did it; she has been there and had done it before.",
    "Does Iran have weapons? It doesn't, they said.",
    "The U.S. attacked Iraq's forces on Tuesday  and\n\nthen left.",
    "Found the city they did, and the founders found it good.",
    "That is what that man said: those were better days than these.",
    "Iraqi troops were attacking insurgents while Iran's leaders watched.",
    # lemmas chosen by the lemmatizer's index of known words (`parse._index_as_sets`)
    "The geese and mice were running; studies of axes and leaves found oxen better fed.",
    "Militias shelled the dioceses, and the envoys' analyses cited worsening crises.",
]


class _Lemmatizer:
    def __init__(self, lookups: object) -> None:
        self.lookups = lookups


def test_parse_lemma_index_becomes_sets_of_the_same_words() -> None:
    from spacy.lookups import Lookups

    lookups = Lookups()
    lookups.add_table("lemma_index", {"noun": ["cat", "dog", "cat"], "verb": []})
    parse._index_as_sets(_Lemmatizer(lookups))
    table = lookups.get_table("lemma_index")
    assert table["noun"] == frozenset({"cat", "dog"})
    assert table["verb"] == frozenset()


def test_parse_lemma_index_absent_is_left_alone() -> None:
    from spacy.lookups import Lookups

    lookups = Lookups()
    parse._index_as_sets(_Lemmatizer(lookups))
    assert not lookups.has_table("lemma_index")


@pytest.mark.model
@pytest.mark.issue(7)
@pytest.mark.parametrize("text", SENTENCES)
def test_parse_model_rule_cache_matches_stock_pipeline(text: str) -> None:
    import spacy

    stock = spacy.load(parse.MODEL_NAME, exclude=list(parse.EXCLUDED_PIPES))
    parse.keep_titles(stock)
    doc = stock(text)
    expected = [(t.text, t.lemma_.lower(), t.pos_, t.tag_, t.dep_, t.head.i, t.idx) for t in doc]
    segment = Segment("article", 0, len(text))
    (sentence,) = parse.parse_sentences([("d", text, 0, len(text), segment)])
    found = [(t.text, t.lemma, t.pos, t.tag, t.dep, t.head, t.start) for t in sentence.tokens]
    assert found == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Lawyers for Army Sgt. Bowe Bergdahl will try Monday to convince a judge.", "Sgt."),
        ("Marine Lt. Col. Tom Smith told reporters the patrol came under fire.", "Col."),
        ("Police Supt. Mary Byrne said the men were arrested in Dublin.", "Supt."),
    ],
)
def test_parse_keeps_a_rank_before_a_name_one_token(text: str, title: str) -> None:
    # spaCy's tokenizer splits "Sgt." into "Sgt" and ".", and the parser reads a sentence's
    # end inside the sentence: the name after it hung from nothing ("Bergdahl" was a ROOT)
    segment = Segment("article", 0, len(text))
    (sentence,) = parse.parse_sentences([("d", text, 0, len(text), segment)])
    words = [t.text for t in sentence.tokens]
    assert title in words
    assert [t.dep for t in sentence.tokens].count("ROOT") == 1


@pytest.mark.model
@pytest.mark.issue(7)
def test_parse_model_rule_cache_is_filled_once_per_key() -> None:
    text = SENTENCES[0]
    segment = Segment("article", 0, len(text))
    parse.parse_sentences([("d", text, 0, len(text), segment)])
    rules = parse.rule_cache()
    before = (len(rules._rules), len(rules._lemmas))
    parse.parse_sentences([("d", text, 0, len(text), segment)])
    assert (len(rules._rules), len(rules._lemmas)) == before


@pytest.mark.model
def test_parse_reads_a_lost_mark_after_a_quote_as_a_space() -> None:
    # 'no question"?Russia attempted': once one token, "Russia" is a word of its own now
    text = 'Cheney said there is "no question"?Russia attempted to meddle.'
    segment = Segment("article", 0, len(text))
    (sentence,) = parse.parse_sentences([("d", text, 0, len(text), segment)])
    words = [t.text for t in sentence.tokens]
    assert "Russia" in words and "question" in words
    assert all(text[t.start : t.start + len(t.text)] == t.text for t in sentence.tokens)
    assert sentence.text == text


@pytest.mark.model
def test_parse_reads_a_hyphen_for_a_space_and_keeps_the_words() -> None:
    # news sites' scraped text: "Stoltenberg,-NATO secretary-general,-said" (a space made "-")
    text = "Jens Stoltenberg,-NATO secretary-general,-said allies faced threats."
    segment = Segment("article", 10, 10 + len(text))
    document = " " * 10 + text
    (sentence,) = parse.parse_sentences([("d", document, 10, 10 + len(text), segment)])
    words = [t.text for t in sentence.tokens]
    assert words[:6] == ["Jens", "Stoltenberg", ",", "NATO", "secretary", "-"]
    assert all(document[t.start : t.start + len(t.text)] == t.text for t in sentence.tokens)
    said = words.index("said")
    assert sentence.tokens[said].dep == "ROOT"
    assert sentence.text == text  # the text itself is unchanged


@pytest.mark.model
def test_parse_recases_a_title_repeated_in_the_body() -> None:
    # an ISAF release repeats its headline under it, in Title Case: read as written, the
    # parser made the whole line one name and found no verb
    text = "Security Forces Detain Taliban IED Cell Leader in Kandahar"
    recased: list[str] = []

    def recase(piece: str) -> str:
        recased.append(piece)
        return piece.replace("Detain", "detain")

    segment = Segment("article", 0, len(text))
    (sentence,) = parse.parse_sentences([("d", text, 0, len(text), segment)], headline_case=recase)
    detain = sentence.tokens[2]
    assert (detain.text, detain.pos, detain.dep) == ("Detain", "VERB", "ROOT")
    # an article's sentence with its stop is never recased, inside a quotation or not
    for stopped in (text + ".", 'He said "Security Forces Detain Leaders."'):
        parse.parse_sentences([("d", stopped, 0, len(stopped), segment)], headline_case=recase)
    assert recased == [text]
