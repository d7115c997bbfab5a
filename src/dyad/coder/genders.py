"""Which persons a document shows to be women, so that "she" and "her" find them.

Reads: a sentence's Mentions (the persons it names) and its parse.
Adds: nothing to the records; `DocumentContext` keeps what it learns per document and the
anaphora stage asks `agreeing_person` which remembered person a pronoun stands for.

"Von der Leyen is due to meet with her counterpart, US Defense Secretary Jim Mattis ...
Her visit comes ahead of a meeting with NATO defense ministers": the person named last is
Mattis, but "her" is von der Leyen. The dictionaries say nothing of sex, so the document
must: a woman's title before the name ("Ms", "Queen", "Baroness"), or her own "her" or
"herself" in the clause whose subject she is ("von der Leyen ... met her counterpart").
A man is the unmarked case in news: a "she" goes to the last woman named when the person it
would take is not known to be one, and a "he" never goes to a known woman (the last other
person named takes it instead, or no one). A man's title ("Mr Kenny", "Sir", "King") shows
him one, and a "she" or "her" never goes to him: "Mr Kenny said ... 'Her treatment is a
disgrace'" is no one the document named as a woman, not Kenny.
"""

from __future__ import annotations

from collections.abc import Sequence

from dyad.coder.lexicon import GROUP_ANAPHORA, PERSON_RULES, SUBJECTS
from dyad.dictionaries.entries import ActorDictionary
from dyad.records import Actor, Mention, Sentence

FEMININE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
FEMININE_TITLES = frozenset(
    """ms mrs miss madam madame mme queen lady dame baroness princess duchess empress
    countess""".split()
)
MASCULINE_TITLES = frozenset(
    """mr messrs sir lord king prince duke earl baron emperor sheikh monsieur herr""".split()
)
# nouns of a woman the dictionaries never name ("his wife")
FEMININE_NOUNS = frozenset(
    """wife widow mother daughter sister woman girl grandmother granddaughter niece aunt
    girlfriend fiancee bride stepmother stepdaughter""".split()
)
# her own possessive or reflexive, said of the subject of her clause
_OWN_PRONOUN_TAGS = frozenset({"PRP$"})
_OWN_REFLEXIVE = "herself"
# a clause of its own below the subject's verb: its "her" may be someone else's (a verb
# joined by "and" is one where it has a subject of its own; "is due to meet" shares hers)
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis"})
# persons remembered for a later "she" (the segment's last few)
RECENT_PERSONS = 6

PersonKey = tuple[str, str]


def person_key(actor: Actor) -> PersonKey:
    """Return what tells one remembered person from another: code and dictionary entry.

    Two persons the dictionaries lack, of one title and country ("a US official", "the US
    secretary"), are one person to it.
    """
    return actor.code, actor.entry or ""


def _people(mentions: Sequence[Mention], dictionary: ActorDictionary) -> list[Mention]:
    """Return the mentions of `mentions` that name persons (not pronouns resolved to them)."""
    return [
        m
        for m in mentions
        if (m.actor.entry in dictionary.people or m.rule in PERSON_RULES) and m.rule != "anaphora"
    ]


def _titled(sentence: Sentence, people: Sequence[Mention], titles: frozenset[str]) -> list[Actor]:
    """Return the persons of `people` with one of `titles` right before or at their name."""
    tokens = sentence.tokens
    return [
        m.actor
        for m in people
        if any(
            0 <= i < len(tokens) and tokens[i].text.lower().rstrip(".") in titles
            for i in (m.first - 1, m.first)
        )
    ]


def men_named(
    sentence: Sentence,
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
) -> list[Actor]:
    """Return the persons `sentence` shows to be men, by a man's title ("Mr Kenny")."""
    return _titled(sentence, _people(mentions, dictionary), MASCULINE_TITLES)


def women_named(
    sentence: Sentence,
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
) -> list[Actor]:
    """Return the persons `sentence` shows to be women (a title, or her own "her")."""
    tokens = sentence.tokens
    people = _people(mentions, dictionary)
    women = _titled(sentence, people, FEMININE_TITLES)
    subject = next((m for m in people if tokens[m.last].dep in SUBJECTS), None)
    if subject is None:
        return women
    verb = tokens[subject.last].head
    others = [
        m.first
        for m in mentions
        if m.first > subject.last and m.rule not in ("anaphora", GROUP_ANAPHORA)
    ]
    for token in tokens[subject.last + 1 : min(others, default=len(tokens))]:
        word = token.text.lower()
        own = (word == "her" and token.tag in _OWN_PRONOUN_TAGS) or word == _OWN_REFLEXIVE
        if own and _in_clause_of(sentence, token.i, verb):
            women.append(subject.actor)
            break
    return women


def _in_clause_of(sentence: Sentence, index: int, verb: int) -> bool:
    """Return whether token `index` hangs from `verb` without crossing into another clause."""
    chain = sentence.ancestors(index)
    if verb not in chain:
        return False
    for below in chain[: chain.index(verb)]:
        dep = sentence.tokens[below].dep
        if dep in _CLAUSE_DEPS:
            return False
        if dep == "conj" and any(c.dep in SUBJECTS for c in sentence.children(below)):
            return False
    return True


def agreeing_person(
    person: Actor | None,
    pronoun: str,
    women: set[PersonKey],
    recent: Sequence[Actor],
    men: set[PersonKey] | frozenset[PersonKey] = frozenset(),
) -> Actor | None:
    """Return who `pronoun` stands for, given that the anaphora rules chose `person`.

    `women` and `men` are the persons the document showed to be women and men, `recent`
    the persons named lately in the segment, last named last.
    """
    feminine = pronoun.lower() in FEMININE_PRONOUNS
    is_woman = person is not None and person_key(person) in women
    if feminine == is_woman:
        return person
    if feminine:
        woman = next((p for p in reversed(recent) if person_key(p) in women), None)
        if woman is None and person is not None and person_key(person) in men:
            return None  # "Mr Kenny ... her": no woman the document named
        return woman or person
    # "he" after a woman: the last other person named, or no one
    return next((p for p in reversed(recent) if person_key(p) not in women), None)


def unnamed_person_before(sentence: Sentence, pronoun: int, covered: set[int]) -> bool:
    """Return whether a woman the dictionaries do not name comes before a "she" or "her".

    "The ICC wanted to prosecute his wife and issued a warrant for her arrest": "her" is
    the wife, not Laurent Gbagbo (the last person named). A kin noun of a woman counts
    where it is someone else's ("his wife", "Gbagbo's widow"): "she is the daughter of
    ..." says who she is, not that another woman came. The caller asks only of a pronoun
    before every person its sentence names.
    """
    if sentence.tokens[pronoun].text.lower() not in FEMININE_PRONOUNS:
        return False
    return any(
        t.lemma.lower() in FEMININE_NOUNS
        and t.pos == "NOUN"
        and t.i not in covered
        and any(
            c.dep == "poss" and c.text.lower() not in FEMININE_PRONOUNS
            for c in sentence.children(t.i)
        )
        for t in sentence.tokens[:pronoun]
    )
