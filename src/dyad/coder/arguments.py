"""Find a verb's arguments in a parsed sentence: who acts, on whom, and where.

Reads: Sentence tokens (dep, head, lemma, tag).  Gives token heads, not actors: the
verbs stage (`events`) resolves them with `actors.resolve_phrase`.

`subjects` climbs to a governing verb when the clause has none ("asked Obama to help":
Obama), `objects` lists the target candidates most direct first, `passive_agent` and
`means_agent` give the actor of a passive verb, `distribute` resolves coordinated heads
("Iran and Syria") sharing countries across them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from dyad.coder.lexicon import (
    ANAPHORS,
    EVENT_NOUNS,
    FORCE_MEANS_NOUNS,
    FORUM_NOUNS,
    GO_BETWEEN_VERBS,
    NOT_TARGET_PREPOSITIONS,
    QUALIFIER_DEPS,
    SUBJECT_CONTROL_VERBS,
)
from dyad.dates.vocabulary import CALENDAR_WORDS
from dyad.records import Actor, Sentence, Token

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_OBJECT_DEPS = ("dobj", "dative", "iobj", "attr", "oprd")
_FORUM_ASIDES = frozenset(
    {"prep:on", "prep:about", "prep:over", "prep:regarding", "prep:in", "prep:at", "prep:near"}
)
# "sanctions on Russia over its annexation of Crimea": the reason is a last resort
_REASON_PREPS = frozenset({"prep:over", "prep:because"})
VENUE_PREPS = frozenset({"prep:in", "prep:at", "prep:near", "prep:inside", "prep:outside"})


def conjuncts(sentence: Sentence, head: int) -> list[int]:
    """Return `head` and the heads coordinated with it ("Iran and Syria").

    Walked with a stack, in the order a recursive walk would give: a list of a thousand
    names parsed as a chain of conjuncts must not exhaust Python's recursion limit.
    """
    result: list[int] = []
    stack = [head]
    while stack:
        node = stack.pop()
        result.append(node)
        stack.extend(reversed(_coordinated(sentence, node)))
    return result


def _coordinated(sentence: Sentence, head: int) -> list[int]:
    """Return the children of `head` that are coordinated with it, in text order."""
    found = []
    for child in sentence.children(head):
        if child.dep == "conj" and child.pos not in ("VERB", "AUX"):
            found.append(child.i)
        elif child.dep == "appos" and child.pos == "PROPN" and _in_list(sentence, head, child.i):
            found.append(child.i)  # "Mordor, the Shire, Arnor and Bree"
        elif child.dep in ("nmod", "compound") and child.pos == "PROPN" and child.i < head:
            if any(c.dep == "conj" for c in sentence.children(child.i)):
                found.append(child.i)  # a list parsed as a modifier
    return found


def distribute(
    sentence: Sentence,
    heads: Sequence[int],
    resolve: Callable[[int], Actor | None],
    countries: frozenset[str],
) -> list[Actor]:
    """Resolve heads to actors, sharing countries across coordination.

    "Lawmakers in Arnor and Gondor" are the lawmakers of each (ARNLEG, GONLEG);
    in "Danish media and government" the government is Danish too (DNKGOV).
    """
    actors: list[Actor] = []
    first_country: str | None = None
    for head in heads:
        actor = resolve(head)
        if actor is None:
            continue
        if actor.code.startswith("---") and first_country and sentence.tokens[head].dep == "conj":
            actor = replace(actor, code=first_country + actor.code[3:], country=first_country)
        elif actors and len(actor.code) == 3 and _modifies(sentence, head, heads[0]):
            agent = actors[0].code[3:]  # "US and British activists": GBROPP, not GBR
            actor = replace(actor, code=actor.code + agent) if agent else actor
        if first_country is None and actor.code[:3] in countries:
            first_country = actor.code[:3]
        actors.append(actor)
        if actor.code[:3] not in countries or len(actor.code) == 3:
            continue
        for child in sentence.children(head):
            if child.dep != "prep":
                continue
            for place in sentence.children(child.i):
                if place.dep != "pobj":
                    continue
                for other in conjuncts(sentence, place.i)[1:]:
                    named = resolve(other)
                    if named is not None and named.code in countries:
                        actors.append(replace(actor, code=named.code + actor.code[3:]))
    unique: dict[str, Actor] = {}
    for actor in actors:
        unique.setdefault(actor.code, actor)
    return list(unique.values())


def _modifies(sentence: Sentence, token: int, head: int) -> bool:
    """Return whether `token` is a (coordinated) modifier before `head` ("US and British")."""
    for _step in range(4):
        current = sentence.tokens[token]
        if current.head == head:
            return current.dep in QUALIFIER_DEPS and token < head
        if current.dep != "conj" or current.head == token:
            return False
        token = current.head
    return False


def _in_list(sentence: Sentence, head: int, appos: int) -> bool:
    """Return whether an apposition is a list member, not a second name for the head.

    "Mordor, the Shire, Arnor and Bree" is a list (a conjunction follows); "the US
    commander in Iraq, General David Petraeus" names one person twice.
    """
    return any(c.dep == "conj" for i in (head, appos) for c in sentence.children(i))


def subjects(sentence: Sentence, verb: int, depth: int = 0) -> tuple[list[int], bool]:
    """Return (subject heads, passive) for `verb`, inheriting from governing verbs."""
    children = sentence.children(verb)
    passive = any(c.dep in ("nsubjpass", "auxpass") for c in children)
    token = sentence.tokens[verb]
    for child in children:
        if (child.dep in _SUBJECT_DEPS or child.dep == "nsubjpass") and _vocative(
            sentence, child.i
        ):
            continue  # "My fellow citizens, at this hour, American forces are ..."
        if child.dep in _SUBJECT_DEPS or child.dep == "nsubjpass":
            if child.lemma in ANAPHORS and depth < 4 and token.dep in ("ccomp", "conj", "advcl"):
                heads, _ = subjects(sentence, token.head, depth + 1)
                if heads:
                    return heads, passive  # "Tehran said it would ..." -> Tehran
            return conjuncts(sentence, child.i), passive
    if depth < 4 and token.head != verb:
        if token.dep == "xcomp":
            controller = _object_controller(sentence, token.head)
            if controller:
                return controller, passive  # "asked Obama to help Iran": Obama helps
        if token.dep in ("conj", "xcomp", "advcl", "acomp"):
            heads, governed_passive = subjects(sentence, token.head, depth + 1)
            if governed_passive and token.dep == "advcl":
                return [], passive  # "children were killed in shelling": not the shellers
            if governed_passive and token.dep == "conj" and token.tag == "VBN":
                return heads, True  # "were attacked and killed": still the patients
            return heads, passive
        if token.dep in ("relcl", "acl"):
            return [token.head], passive or token.tag == "VBN"
    return [], passive


def _vocative(sentence: Sentence, head: int) -> bool:
    """Return whether a phrase addresses the audience ("My fellow citizens, ...")."""
    words = [t for t in sentence.subtree(head)]
    if not words or words[0].i != 0 or words[-1].i + 1 >= len(sentence.tokens):
        return False
    addressed = any(t.text.lower() in ("my", "our", "fellow") for t in words)
    return addressed and sentence.tokens[words[-1].i + 1].text == ","


def _object_controller(sentence: Sentence, governor: int) -> list[int]:
    """Return the object that is the subject of a governor's xcomp ("urged Iran to ...")."""
    token = sentence.tokens[governor]
    if token.lemma in SUBJECT_CONTROL_VERBS:
        return []
    for child in sentence.children(governor):
        if child.dep in ("dobj", "nsubjpass"):
            return conjuncts(sentence, child.i)
    for child in sentence.children(governor):
        if child.dep == "prep" and child.lemma in ("on", "upon"):  # "called on the US to"
            pobj = pobj_after(sentence, child.i)
            if pobj is not None:
                return conjuncts(sentence, pobj)
    return []


def prep_objects(sentence: Sentence, head: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for child in sentence.children(head):
        if child.dep in ("prep", "agent") and child.lemma not in NOT_TARGET_PREPOSITIONS:
            for grandchild in sentence.children(child.i):
                if grandchild.dep == "pobj":
                    how = f"prep:{child.lemma}"
                    found.extend((i, how) for i in conjuncts(sentence, grandchild.i))
    return found


def small_clause(sentence: Sentence, token: Token) -> bool:
    """Return whether a clausal dependent is a verbless predicate of the verb's object.

    "holds Israel responsible", "declared the vote illegal": the parser hangs "Israel
    responsible" as a clause (ccomp), but it is the verb's own object and complement, which
    its patterns name ("- * RESPONSIBLE" [112] under HOLD); a clause with a verb, a copula
    or a conjunction of its own ("said that Israel is responsible") stays out.
    """
    if token.dep != "ccomp" or token.pos != "ADJ":
        return False
    return not any(c.dep in ("aux", "auxpass", "cop", "mark") for c in sentence.children(token.i))


def objects(sentence: Sentence, verb: int, places: bool = False) -> list[tuple[int, str]]:
    """Return (head, how) candidates for the target, most direct first.

    With `places`, the place of an event noun counts too ("a rally in Lagos" for a
    protest); otherwise "talks in Geneva" and "a meeting in Bonn" name only a venue.

    Direct and dative objects come first, then the verb's prepositional objects, then
    prepositional objects inside the direct object ("restored ties with Gondor").
    """
    found: list[tuple[int, str]] = []
    children = sentence.children(verb)
    for dep in _OBJECT_DEPS:
        for child in children:
            if child.dep != dep:
                continue
            head = child.i
            if dep == "dative" and child.tag == "IN":  # "provide support [to] Israel"
                pobj = pobj_after(sentence, child.i)
                if pobj is None:
                    continue
                head = pobj
            found.extend((i, dep) for i in conjuncts(sentence, head))
    for child in children:  # "holds Israel responsible": Israel is the verb's object
        if small_clause(sentence, child):
            subjects = [c.i for c in sentence.children(child.i) if c.dep == "nsubj"]
            found.extend((i, "dobj") for s in subjects for i in conjuncts(sentence, s))
    direct = [head for head, _how in found]
    # "ordered a military crackdown on the Brotherhood": the act's own target comes first,
    # its owner only when that names no one ("condemned the Israeli attack on the reactor")
    acts = [(h, how) for h, how in found if _aimed_act(sentence, h)]
    found = [candidate for candidate in found if candidate not in acts]
    own_preps = [p for p in prep_objects(sentence, verb) if p[1] != "prep:by"]
    found.extend(p for p in own_preps if p[1] not in _REASON_PREPS)
    reasons = [p for p in own_preps if p[1] in _REASON_PREPS]  # tried after the rest
    for child in children:
        if child.dep == "xcomp":
            found.extend(objects(sentence, child.i, places))
    frontier = direct + [head for head, _how in own_preps]  # "acted on a resolution with X"
    for _depth in range(2):
        nested = [
            p
            for head in frontier
            for p in prep_objects(sentence, head)
            if not (sentence.tokens[head].lemma in FORUM_NOUNS and p[1] in _FORUM_ASIDES)
            and (places or not (sentence.tokens[head].lemma in EVENT_NOUNS and p[1] in VENUE_PREPS))
        ]  # "a summit on the unrest in Iran", "a meeting in Bonn": topic and venue
        nested += [  # "cordoned off the roads leading into Mordor"
            p
            for head in frontier
            for child in sentence.children(head)
            if child.dep == "acl"
            for p in prep_objects(sentence, child.i)
            # "a ceasefire brokered by Egypt": the go-between is no party to it
            if not (p[1] == "prep:by" and child.lemma in GO_BETWEEN_VERBS)
        ]
        found.extend(nested)
        frontier = [head for head, _how in nested]
    # "troops shelled Aleppo": the parser at times takes a bare name for an adverbial
    misread = [
        (c.i, "npadvmod")
        for c in children
        if c.dep == "npadvmod"
        and c.tag == "NNP"
        and c.text.lower() not in CALENDAR_WORDS
        and c.text.lower() != "today"
    ]
    return found + acts + reasons + misread


def _aimed_act(sentence: Sentence, head: int) -> bool:
    """Return whether `head` is an act with a target of its own ("a crackdown on X")."""
    if sentence.tokens[head].lemma not in EVENT_NOUNS:
        return False
    return any(how in ("prep:on", "prep:against") for _h, how in prep_objects(sentence, head))


def passive_agent(sentence: Sentence, verb: int) -> list[int]:
    for child in sentence.children(verb):
        if child.dep == "agent":
            for grandchild in sentence.children(child.i):
                if grandchild.dep == "pobj":
                    return conjuncts(sentence, grandchild.i)
    return []


def means_agent(sentence: Sentence, verb: int) -> list[int]:
    """Return the agent of a passive verb of force given by its means, not by "by".

    "Eight people were killed in an air strike by government forces" -> the forces;
    "two soldiers were wounded in a Taliban attack" -> the attack, whose phrase names
    the Taliban.
    """
    for child in sentence.children(verb):
        if child.dep != "prep" or child.lemma not in ("in", "during", "by", "from"):
            continue
        for means in sentence.children(child.i):
            if means.dep != "pobj" or means.lemma not in FORCE_MEANS_NOUNS:
                continue
            for prep in sentence.children(means.i):
                if prep.dep == "prep" and prep.lemma in ("by", "from"):
                    owner = pobj_after(sentence, prep.i)
                    if owner is not None:
                        return conjuncts(sentence, owner)
            return [means.i]
    return []


def pobj_after(sentence: Sentence, index: int) -> int | None:
    for child in sentence.children(index):
        if child.dep == "pobj":
            return child.i
    return None
