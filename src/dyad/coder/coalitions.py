"""Whose coalition: a led coalition is its leader's armed force, a ruling one no force at all.

Reads: a sentence's actor Mentions and the coalition an earlier sentence of the document led.
Adds: Mentions that read "the Saudi-led coalition" as SAUMIL, a later "the coalition" as
the same force, and no armed force for a coalition of parties.

The supplement dictionary reads "coalition" as the international force in Afghanistan
(IGOWSTNATMIL), which is how ISAF's releases and the stories about that war use it. Other
stories say whose coalition it is: "the Saudi-led coalition" and "a coalition led by
neighboring Saudi Arabia" are Saudi Arabia's military, "the US-led coalition" the United
States' (the guide codes them SAUMIL and USAMIL), and the story's "the coalition" after that
is the same force. A coalition of parties or states ("the ruling coalition", "Italy's
coalition government", "the opposition coalition", "her coalition partners", "a coalition
of 23 US states", "Hariri, whose coalition", "a coalition with the Labour Party") is no
armed force: its other words name who it is, or nothing does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from dyad.coder.lexicon import QUALIFIER_DEPS
from dyad.dictionaries.entries import ActorDictionary
from dyad.records import Actor, Mention, Sentence

COALITION = "coalition"
# the code the supplement dictionary gives a bare "coalition" (the force in Afghanistan)
THEATRE_CODE = "IGOWSTNATMIL"
# "the Saudi-led coalition", "a coalition headed by the United States", "the Saudi-backed
# coalition" (as Yemen's stories call the Saudi-led one)
LEADING = frozenset({"lead", "head", "back"})
# how far above its country the leading word may hang ("led by neighboring Saudi Arabia")
LEADER_ARCS = 3
# a fused "U.S.-led" is one token
FUSED_LEADER = re.compile(r"^(?P<leader>.+)-(?:led|headed|backed)$", re.IGNORECASE)
# words that make a coalition one of parties or states, not an armed force
PARTY_WORDS = frozenset(
    """ruling governing government opposition electoral grand parliamentary party
    cabinet majority minority outgoing""".split()
)
PARTY_HEADS = frozenset(
    """government party partner talk negotiation deal agreement pact cabinet""".split()
)
# a person's coalition is his party's: "his outgoing coalition", "Hariri, whose coalition"
PERSONAL = frozenset({"his", "her", "whose"})


def read_coalitions(
    sentence: Sentence,
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
    led: Actor | None,
) -> tuple[list[Mention], Actor | None]:
    """Return the sentence's mentions with its coalitions read, and the coalition it leaves led.

    Args:
        sentence: A parsed sentence.
        mentions: Its dictionary mentions.
        dictionary: The actor dictionary (its country codes, and a fused "U.S.-led").
        led: The led coalition an earlier sentence of the document named, if any.
    """
    tokens = sentence.tokens
    dropped: set[int] = set()
    replaced: dict[int, Mention] = {}
    for n, mention in enumerate(mentions):
        word = _coalition_word(sentence, mention)
        if word is None:
            continue
        if _of_parties(sentence, word, mention.last):
            dropped.add(n)
            continue
        leader = _leader(sentence, (word, mention.last), mentions, dictionary)
        if leader is not None:
            country, named_at, leader_index = leader
            if leader_index is not None:
                dropped.add(leader_index)  # the leader is the coalition, not a party beside it
            first = min(mention.first, named_at)
            text = " ".join(t.text for t in tokens[first : mention.last + 1])
            led = Actor(text, country + "MIL", mention.actor.name, country, "coalition-led")
            replaced[n] = Mention(first, mention.last, led, mention.rule)
        elif led is not None:
            replaced[n] = replace(mention, actor=replace(led, text=mention.actor.text))
    kept = [replaced.get(n, m) for n, m in enumerate(mentions) if n not in dropped]
    return sorted(kept, key=lambda m: m.first), led


def _coalition_word(sentence: Sentence, mention: Mention) -> int | None:
    """Return the "coalition" of a mention the dictionary read as the theatre's force."""
    if mention.actor.code != THEATRE_CODE:
        return None
    for i in range(mention.first, mention.last + 1):
        if sentence.tokens[i].lemma.lower() == COALITION:
            return i
    return None


def _of_parties(sentence: Sentence, word: int, head: int) -> bool:
    """Return whether the coalition is one of parties or states, not an armed force."""
    tokens = sentence.tokens
    for child in sentence.children(word):
        if child.lemma.lower() in PARTY_WORDS and child.dep in QUALIFIER_DEPS:
            return True
        if child.lemma.lower() == "of" and child.dep == "prep":
            # "a coalition of 23 US states": its members are the parties ("accused the
            # coalition of carrying out the attack" names none)
            return any(grand.dep == "pobj" for grand in sentence.children(child.i))
        if child.dep == "poss" and child.text.lower() in PERSONAL:
            return True
        if child.lemma.lower() == "with" and child.dep == "prep":
            # "formed a coalition with the centre-left Labour Party", "ruled out joining a
            # coalition with him": partners in a government (NewsArticles writes "coalition
            # with" so 20 times, for a force once)
            return True
    token = tokens[word]
    if token.dep == "dobj" and any(
        child.lemma.lower() == "with" and child.dep == "prep" and child.i > word
        for child in sentence.children(token.head)
    ):
        return True  # "ruled out joining a coalition with him": the parse hangs "with" on the verb
    return (
        word == head
        and token.dep == "compound"
        and (tokens[token.head].lemma.lower() in PARTY_HEADS)
    )


def _leader(
    sentence: Sentence,
    words: tuple[int, int],
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
) -> tuple[str, int, int | None] | None:
    """Return the country that leads the coalition, where it is named, and its mention's index."""
    for word in dict.fromkeys(words):
        for child in sentence.children(word):
            fused = FUSED_LEADER.match(child.text)
            if fused is not None and child.dep in QUALIFIER_DEPS:
                country = _country_of(fused["leader"], dictionary)
                if country is not None:
                    return country, child.i, None
            if child.lemma.lower() not in LEADING or child.dep not in ("amod", "acl", "compound"):
                continue
            for n, mention in enumerate(mentions):
                code = mention.actor.code
                if mention.rule == "agent" or code not in dictionary.countries:
                    continue
                if child.i in sentence.ancestors(mention.last)[1 : 1 + LEADER_ARCS]:
                    return code, mention.first, n
    return None


def _country_of(words: str, dictionary: ActorDictionary) -> str | None:
    """Return the country a fused leader's words name ("U.S." in "U.S.-led"), if any."""
    entry = dictionary.actors.get(tuple(words.upper().split()))
    if entry is None or entry.person:
        return None
    codes = {dated.code for dated in entry.codes}
    if len(codes) != 1:
        return None
    code = codes.pop()
    return code if code in dictionary.countries else None
