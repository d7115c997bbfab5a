"""Resolve noun phrases of a parsed sentence to CAMEO actor codes.

Reads: Sentence tokens (text, dep, head). Adds: Mention(first, last, actor, rule) for
every dictionary phrase, and `resolve_phrase`, which turns the noun phrase headed by a
token into one Actor:

- named actors and their dated roles ("Maliki" -> IRQGOV on 2008-08-20);
- spelling variants by a consonant skeleton ("Ahmadi-Nezhad" ~ "Ahmadinejad");
- demonyms and adjectives with agents ("Iraqi troops" -> IRQ + MIL = IRQMIL);
- capitals standing for their governments ("Tehran said" -> IRNGOV);
- agents alone take the document's context country ("Shiite militias" -> IRQREBMUS);
- first-person plural resolves to the author's side when the perspective is known.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dyad.coder.lexicon import (
    ACCIDENT_NOUNS,
    DECISION_NOUNS,
    EVENT_NOUNS,
    FIRST_PERSON_PLURAL,
    GENERIC_ROLES,
    NOT_ACTOR_HEADS,
    OUT_OF_OFFICE,
    PLACE_PREPOSITIONS,
    RELATION_NOUNS,
    RELATIONAL_NOUNS,
    UTTERANCE_NOUNS,
)
from dyad.dictionaries.capitals import CAPITALS
from dyad.dictionaries.entries import ActorDictionary
from dyad.dictionaries.eras import same_state
from dyad.records import Actor, Mention, Sentence, Token

RESOLVER_NAME = "dyad.actors.cameo.v1"
# the entry of an actor whose country only the context gave ("the minister" after Iraq)
CONTEXT_ONLY = "agent+context"
# organisation prefixes a bare three-letter code may have: they have no government
NO_COUNTRY = frozenset({"IGO", "NGO", "MNC", "IMG", "MED"})


def as_government(code: str) -> str:
    """Return a bare state's code as its government's ("TUR": "TURGOV"); others unchanged.

    The guide (section 3) reads a country named as an actor as its government, and the
    scorer reads a bare country code so: "Turkey" and "Erdogan" meeting Putin are one event.
    """
    if len(code) == 3 and code.isalpha() and code not in NO_COUNTRY:
        return code + "GOV"
    return code


_NP_DEPS = frozenset(
    {
        "compound",
        "amod",
        "det",
        "poss",
        "nmod",
        "nummod",
        "flat",
        "appos",
        "case",
        "punct",
        "npadvmod",
        "quantmod",
        "predet",
    }
)
_AFFILIATIONS = frozenset(
    """held controlled ruled run linked backed based allied affiliated inspired sponsored
    funded supported owned occupied dominated aligned leaning friendly oriented""".split()
)


# the affiliations that name a backer: "US-backed fighters" are no American force, though a
# "Shanghai-based platform" is Chinese
BACKINGS = frozenset("backed sponsored funded financed supported armed trained".split())


def affiliation(sentence: Sentence, token: Token, words: frozenset[str] = _AFFILIATIONS) -> bool:
    """Return whether `token` heads a hyphenated affiliation ("government-held", "UK-based").

    `words` are the affiliations asked about (all by default; `BACKINGS` for backers only).
    """
    if token.dep != "amod" or token.text.lower() not in words:
        return False
    return any(c.text == "-" and c.i < token.i for c in sentence.children(token.i))


def noun_phrase(sentence: Sentence, head: int) -> list[int]:
    """Return the token indices of the noun phrase headed by `head` (no clauses, no conjuncts).

    Prepositional modifiers are left out ("in Basra" is a place, not the actor) except
    "of" phrases under a generic head ("remnants of the Mahdi Army").
    """
    keep = [head]
    frontier = [head]
    while frontier:
        current = frontier.pop()
        for child in sentence.children(current):
            if affiliation(sentence, child):
                continue  # "Iranian-backed militias" are not Iran
            if child.dep in _NP_DEPS:
                keep.append(child.i)
                frontier.append(child.i)
            elif child.dep == "prep" and child.lemma in ("of", "from", "in"):
                for grandchild in sentence.children(child.i):
                    if grandchild.dep == "pobj":
                        keep.extend([child.i, grandchild.i])
                        frontier.append(grandchild.i)
    return sorted(set(keep))


# Prefixes of international and non-state organisations, which take agents like countries.
ORGANISATIONS = frozenset({"IGO", "NGO", "IMG", "MNC"})
# Roles a person holds in office; out of it, the guide codes him ELI (section 3).
OFFICE_ROLES = frozenset({"GOV", "LEG", "JUD", "MIL", "PTY", "COP", "SPY"})
# a political party as the owner of a role word: "the party's leader" is the party's (PTY)
PARTY_NOUNS = frozenset({"party"})
# The offices a title right before a name gives ("Senator ...", "President Igor Dodon"); not
# MIL: a retired general keeps "General" as a title in a civil office.
TITLE_OFFICES = OFFICE_ROLES - {"MIL"}
# Code prefixes that are no state: organisations, the media and the unknown, whose people no
# state's title, leader or forces describe.
NOT_STATES = ORGANISATIONS | {"MED", "---"}


def resolve_phrase(
    sentence: Sentence,
    head: int,
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
    *,
    context_country: str | None = None,
    perspective: str | None = None,
    acting: bool = True,
) -> Actor | None:
    """Return the actor of the noun phrase headed by token `head`, or None.

    In steps: the mentions inside the phrase that can name its actor (`kept_mentions`),
    the role its agent words give (`phrase_role`), then the actor of a named phrase
    (`named_actor`) or of an unnamed one (`unnamed_actor`).

    Args:
        sentence: The parsed sentence.
        head: Index of the phrase's head token.
        mentions: `find_mentions` output for the sentence.
        dictionary: The dictionary the mentions came from (for its country codes).
        context_country: Country code used for agents that name no country.
        perspective: Country the author writes from, for "we", "us", "our".
        acting: Whether the phrase is a participant (then capitals mean governments).
    """
    lemma = sentence.tokens[head].lemma
    if lemma in ACCIDENT_NOUNS:
        return None  # "victims killed by the MH17 crash": an accident is nobody's act
    tokens = noun_phrase(sentence, head)
    phrase = Phrase(sentence, head, tokens)
    found = kept_mentions(phrase, mentions)
    named = [m for m in found if m.rule != "agent"]
    role = phrase_role(phrase, [m for m in found if m.rule == "agent"])
    possessor = attached_tokens(sentence, head, "poss") if named else set()
    if (
        named
        and not role
        and lemma in RELATIONAL_NOUNS
        and all(m.first in possessor for m in named)
    ):
        named = []  # "Iraq's neighbors" are not Iraq ("Iraq's nuclear program" stays Iraq)
    if named:
        return named_actor(phrase, named, role, possessor, dictionary.countries, acting=acting)
    return unnamed_actor(
        phrase,
        role,
        mentions,
        dictionary,
        context_country=context_country,
        perspective=perspective,
        acting=acting,
    )


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase: its sentence, head token and the tokens it spans (`noun_phrase`)."""

    sentence: Sentence
    head: int
    tokens: list[int]

    @property
    def lemma(self) -> str:
        return self.sentence.tokens[self.head].lemma

    @property
    def text(self) -> str:
        words = (self.sentence.tokens[i] for i in self.tokens)
        return " ".join(t.text for t in words if t.dep != "punct")


def kept_mentions(phrase: Phrase, mentions: Sequence[Mention]) -> list[Mention]:
    """Return the mentions inside `phrase` that may name its actor.

    Dropped: a place where an event happened or was said ("an attack in south Ithilen",
    "remarks in Doha"), a modifier of a thing ("military support") and the giver of it,
    and an apposition when the head phrase names the actor itself.
    """
    sentence, head, lemma = phrase.sentence, phrase.head, phrase.lemma
    inside = set(phrase.tokens)
    found = [m for m in mentions if m.first in inside and m.last in inside]
    if not found:  # the filters below only drop mentions (speed: most phrases have none)
        return found
    placed = attached_tokens(sentence, head, "prep", PLACE_PREPOSITIONS)
    if (
        lemma in EVENT_NOUNS
        or lemma in UTTERANCE_NOUNS
        or any(m.first not in placed and m.rule != "agent" for m in found)
    ):
        # "an attack in south Ithilen" is not Ithilen, nor are "remarks in Doha" Qatar's
        # or "Dutch envoys in Ankara" Turkish (while struck "bases in Iraq" are Iraq's)
        found = [m for m in found if m.first not in placed]
    if lemma in NOT_ACTOR_HEADS and not any(m.first <= head <= m.last for m in found):
        # "military support", "US relations": a modifier does not make a thing an actor,
        # though a country may own it ("Iranian arms"), and a possessor may act for it
        modifiers = attached_tokens(sentence, head, "amod") | attached_tokens(
            sentence, head, "compound"
        )
        named_owner = lemma not in RELATION_NOUNS
        giver = attached_tokens(sentence, head, "prep", frozenset({"from", "by"}))
        found = [
            m
            for m in found
            if m.first not in giver
            and (m.first not in modifiers or (named_owner and m.rule != "agent"))
        ]
    renamed = attached_tokens(sentence, head, "appos")
    if any(m.first not in renamed and m.rule != "agent" for m in found):
        # "the mayor of Nablus, a member of Hamas": the head phrase names the actor
        found = [m for m in found if m.first not in renamed]
    return found


def role_agents(agents: Sequence[Mention]) -> Sequence[Mention]:
    """Return a phrase's role words, in order, without a generic head another one qualifies.

    "an opposition leader" leads the opposition (OPP, not GOV), "the insurgent commanders"
    command insurgents (REB, not MIL): a generic role takes its qualifier's. A legislature
    named right before other role words names whose they are ("House Intelligence").
    """
    for at, agent in enumerate(agents[:-1]):
        if agent.actor.code.strip("~") == "LEG" and agents[at + 1].first == agent.last + 1:
            # "the House Intelligence Committee", "the Senate Armed Services Committee": a
            # legislature's committee is the legislature's, whatever its subject
            agents = agents[: at + 1]
            break
    if len(agents) > 1 and generic_role(agents[-1]):
        return agents[:-1]
    return agents


def generic_role(agent: Mention) -> bool:
    """Return whether an agent mention is a generic role word ("leader", "official",
    "spokesman", a rank): one that says whose it is only through the words around it."""
    return agent.actor.text.upper() in GENERIC_ROLES


def phrase_role(phrase: Phrase, agents: list[Mention]) -> str:
    """Return the agent code the phrase's role words give ("GOV", "MIL"), or ""."""
    agents = list(role_agents(agents))
    role = agents[-1].actor.code if agents else ""
    words = phrase.sentence.tokens
    if role and any(words[i].text.lower() in OUT_OF_OFFICE for i in phrase.tokens):
        role = "ELI"  # "former Minnesota governor": out of office, one of the elite
    elif role and owned_by_party(phrase.sentence, {phrase.head, agents[-1].last}, agents[-1]):
        role = "PTY"  # "the party's leader", "a leader of the party"
    return role


def owned_by_party(sentence: Sentence, nouns: Iterable[int], role: Mention) -> bool:
    """Return whether a generic role word (`role`: "leader", "spokesman") is a party's.

    "The party's Stormont leader Michelle O'Neill", "an iconic leader of the party": the
    agents file gives a bare "leader" or "spokesman" the government (GOV), but its owner
    here, a possessor or an "of" phrase of the name's head or of the role word (`nouns`),
    is a political party.
    """
    if not generic_role(role):
        return False
    owners: list[int] = []
    for noun in nouns:
        owners += [c.i for c in sentence.children(noun) if c.dep == "poss"]
        owners += attached_tokens(sentence, noun, "prep", frozenset({"of"}))
    return any(sentence.tokens[i].lemma.lower() in PARTY_NOUNS for i in owners)


def named_actor(
    phrase: Phrase,
    named: list[Mention],
    role: str,
    possessor: set[int],
    countries: frozenset[str],
    *,
    acting: bool,
) -> Actor:
    """Return the actor of a phrase that names one: the most specific mention nearest its head.

    A country with a role takes it ("Iraqi troops": IRQMIL); a capital that acts stands
    for its government ("Tehran said", "Seoul's offer").
    """
    sentence, head = phrase.sentence, phrase.head
    specific = [m for m in named if len(m.actor.code) > 3]
    chosen = min(specific or named, key=lambda m: (abs(m.last - head), -m.last))
    actor = chosen.actor
    code = actor.code
    rule = chosen.rule
    if len(code) == 3 and role and code != "MED":
        # (a media outlet's journalists, editors and spokesmen are media: no "MEDMED")
        code, rule = code + role, rule + "+agent"
    elif role and code[:3] in ORGANISATIONS and not code.endswith(role):
        code, rule = code + role, rule + "+agent"  # "UN troops": IGOUNOMIL
    elif (
        len(code) == 3
        and acting
        and chosen.first == chosen.last
        and (chosen.first == head or (chosen.first in possessor and phrase.lemma in DECISION_NOUNS))
    ):
        # "Tehran said", "Seoul's offer": the capital stands for the government
        capital = CAPITALS.get(sentence.tokens[chosen.first].text.upper())
        if capital is not None and same_state(capital, code):
            code, rule = code + "GOV", "capital-metonymy"
    country = code[:3] if code[:3] in countries else None
    name = actor.name if len(actor.code) > 3 else None
    return Actor(phrase.text, code, name, country, f"{rule}:{actor.entry}")


def unnamed_actor(
    phrase: Phrase,
    role: str,
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
    *,
    context_country: str | None,
    perspective: str | None,
    acting: bool,
) -> Actor | None:
    """Return the actor of a phrase that names none, if its apposition, role or "we" gives one.

    "the government spokesman, Ali al-Dabbagh" is al-Dabbagh; "the militias" take the
    context country; "we" and "our" are the author's country (`perspective`).
    """
    sentence, head = phrase.sentence, phrase.head
    for child in sentence.children(head):
        if child.dep == "appos":  # "the government spokesman, Ali al-Dabbagh"
            named_appos = resolve_phrase(sentence, child.i, mentions, dictionary, acting=acting)
            if named_appos is not None and not named_appos.code.startswith("---"):
                return named_appos
    word = phrase.lemma
    # "our troops" are the author's side's troops, not those of the country talked about
    if perspective and (word in FIRST_PERSON_PLURAL or _has_first_person(sentence, phrase.tokens)):
        return Actor(phrase.text, perspective + role, None, perspective, "perspective")
    if perspective and speakers_chamber([sentence.tokens[i] for i in phrase.tokens], role):
        return Actor(phrase.text, perspective + role, None, perspective, "perspective")
    if role:
        country = context_country or "---"
        return Actor(phrase.text, country + role, None, context_country, CONTEXT_ONLY)
    return None


def speakers_chamber(words: Sequence[Token], role: str) -> bool:
    """Return whether a legislature a speech names without its state is the speaker's own.

    "consultations with Congress", "the Senate" in a US president's speech on Iraq are the
    US Congress, not the story's country's: a chamber named by its proper name (a noun
    written with a capital inside the sentence) and no state. "the parliament" (lower case)
    may be the country talked about.
    """
    return role == "LEG" and any(
        w.i > 0 and w.text[:1].isupper() and w.pos in ("NOUN", "PROPN") for w in words
    )


def attached_tokens(
    sentence: Sentence, head: int, dep: str, lemmas: frozenset[str] | None = None
) -> set[int]:
    """Return the tokens under the `dep` dependents of `head` (with one of `lemmas`, if given).

    Used for the possessor ("Iraq's" in "Iraq's allies"), the apposition ("X, a member of
    Hamas") and the place phrase ("in Ithilen") of a noun phrase, and by Coder v2's parties
    for a diplomat's posting and a text's topic (`candidates._aside`).
    """
    inside: set[int] = set()
    for child in sentence.children(head):
        if child.dep == dep and (lemmas is None or child.lemma in lemmas):
            inside.update(t.i for t in sentence.subtree(child.i))
    return inside


def _has_first_person(sentence: Sentence, tokens: Sequence[int]) -> bool:
    return any(
        sentence.tokens[i].lemma in FIRST_PERSON_PLURAL and sentence.tokens[i].dep == "poss"
        for i in tokens
    )
