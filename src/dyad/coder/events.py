"""Find predicates and their arguments in a parsed sentence and code them with CAMEO.

Reads: Sentence tokens (lemma, dep, head), actor Mentions, the verb dictionary.
Adds: EventCode(verb, source, target, code, rule) for each (source, target) pair.

For every verb in the dictionary the coder gathers the subject (or, in the passive,
the `by` agent), the direct and dative objects and prepositional objects, resolves
each noun phrase to an actor, and picks the code of the most specific verb pattern
whose words occur around the verb (`- * (TO) &TOWN [042:043]`), else the verb's own
code. Conjoined actors ("Iran and Syria") give one event each; a pattern's reverse
code (`042:043`) gives the target's event towards the source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from dyad.coder.actors import EVENT_NOUNS, resolve_phrase
from dyad.coder.compose import (
    APPEAL_LEMMAS,
    CLAIM_LEMMAS,
    HALTING_LEMMAS,
    Reading,
    compose_events,
    negate,
)
from dyad.coder.compose import EventCode as EventCode  # re-exported: the verbs stage returns it
from dyad.coder.patterns import clause_tokens, entry_for
from dyad.coder.patterns import match_pattern as match_pattern  # re-exported for the tests
from dyad.dates.vocabulary import CALENDAR_WORDS
from dyad.dictionaries.loader import ActorDictionary, VerbDictionary
from dyad.records import Actor, Mention, Sentence, Token

CODER_NAME = "dyad.verbs.cameo.v1"
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_OBJECT_DEPS = ("dobj", "dative", "iobj", "attr", "oprd")
_NOT_TARGET_PREPS = frozenset({"during", "since", "until", "after", "before", "despite"})
_FORCE_ROOTS = frozenset({"18", "19", "20"})
# lemmas, as they are compared: "talks" is "talk"
_FORUMS = frozenset(
    """summit talk meeting conference session debate discussion negotiation dialogue
    report statement remark speech resolution briefing""".split()
)
_FORUM_ASIDES = frozenset(
    {"prep:on", "prep:about", "prep:over", "prep:regarding", "prep:in", "prep:at", "prep:near"}
)
# Verbs whose subject suffers the event; only a pattern names who caused it.
_PATIENT_VERBS = frozenset({"die", "perish", "succumb"})
# Consultation verbs one does alone ("X and Y are considering runs" is no meeting).
_SOLITARY = frozenset(
    {"consider", "contemplate", "mull", "deliberate", "ponder", "weigh", "muse", "meditate"}
)
# Events an actor can direct at its own country as a whole: protest and force ("Syrian
# troops shelled Aleppo"); anything else aimed at it names where, not whom ("returned to
# Iraq", "postponed it in Ohio", "withdrew the US from a treaty").
_AT_HOME = frozenset({"14", "15", "17", "18", "19", "20"})
_MEETINGS = frozenset({"040", "041", "044", "045", "046"})  # not visits (042, 043)
_GIVING = frozenset(
    """send deploy dispatch provide give supply deliver ship offer grant lend transfer sell
    donate extend pledge""".split()
)
# ... whose object is always what is given ("provide Iraq with arms" is not one of them)
_SENDING = frozenset(
    "send deploy dispatch ship deliver donate transfer sell lend pledge extend".split()
)
_GO_BETWEENS = frozenset({"broker", "mediate", "sponsor", "host", "organize", "organise"})
# "sanctions on Russia over its annexation of Crimea": the reason is a last resort
_REASON_PREPS = frozenset({"prep:over", "prep:because"})
_VENUE_PREPS = frozenset({"prep:in", "prep:at", "prep:near", "prep:inside", "prep:outside"})
_MUTUAL_ROOTS = frozenset({"04", "05", "06"})
_MEDIATE = "045"
_AGREEING = frozenset({"agree", "reach", "sign", "conclude"})
# force both sides use on each other; "attacked" and "struck" go one way
_MUTUAL_FORCE = frozenset(
    """battle clash fight skirmish duel grapple wrestle quarrel altercate struggle conflict
    combat exchange spar""".split()
)
_RECIPROCAL_CUES = frozenset({"their", "other", "another", "jointly", "together", "mutual"})
_ANAPHORS = frozenset({"it", "they", "he", "she"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


def _conjuncts(sentence: Sentence, head: int) -> list[int]:
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


def _distribute(
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
                for other in _conjuncts(sentence, place.i)[1:]:
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
            return current.dep in ("nmod", "compound", "amod") and token < head
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


def _subjects(sentence: Sentence, verb: int, depth: int = 0) -> tuple[list[int], bool]:
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
            if child.lemma in _ANAPHORS and depth < 4 and token.dep in ("ccomp", "conj", "advcl"):
                heads, _ = _subjects(sentence, token.head, depth + 1)
                if heads:
                    return heads, passive  # "Tehran said it would ..." -> Tehran
            return _conjuncts(sentence, child.i), passive
    if depth < 4 and token.head != verb:
        if token.dep == "xcomp":
            controller = _object_controller(sentence, token.head)
            if controller:
                return controller, passive  # "asked Obama to help Iran": Obama helps
        if token.dep in ("conj", "xcomp", "advcl", "acomp"):
            heads, governed_passive = _subjects(sentence, token.head, depth + 1)
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


_SUBJECT_CONTROL = frozenset({"promise", "pledge", "vow", "threaten", "offer"})


def _object_controller(sentence: Sentence, governor: int) -> list[int]:
    """Return the object that is the subject of a governor's xcomp ("urged Iran to ...")."""
    token = sentence.tokens[governor]
    if token.lemma in _SUBJECT_CONTROL:
        return []
    for child in sentence.children(governor):
        if child.dep in ("dobj", "nsubjpass"):
            return _conjuncts(sentence, child.i)
    for child in sentence.children(governor):
        if child.dep == "prep" and child.lemma in ("on", "upon"):  # "called on the US to"
            pobj = _pobj_after(sentence, child.i)
            if pobj is not None:
                return _conjuncts(sentence, pobj)
    return []


def _prep_objects(sentence: Sentence, head: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for child in sentence.children(head):
        if child.dep in ("prep", "agent") and child.lemma not in _NOT_TARGET_PREPS:
            for grandchild in sentence.children(child.i):
                if grandchild.dep == "pobj":
                    how = f"prep:{child.lemma}"
                    found.extend((i, how) for i in _conjuncts(sentence, grandchild.i))
    return found


def _objects(sentence: Sentence, verb: int, places: bool = False) -> list[tuple[int, str]]:
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
                pobj = _pobj_after(sentence, child.i)
                if pobj is None:
                    continue
                head = pobj
            found.extend((i, dep) for i in _conjuncts(sentence, head))
    direct = [head for head, _how in found]
    # "ordered a military crackdown on the Brotherhood": the act's own target comes first,
    # its owner only when that names no one ("condemned the Israeli attack on the reactor")
    acts = [(h, how) for h, how in found if _aimed_act(sentence, h)]
    found = [candidate for candidate in found if candidate not in acts]
    own_preps = [p for p in _prep_objects(sentence, verb) if p[1] != "prep:by"]
    found.extend(p for p in own_preps if p[1] not in _REASON_PREPS)
    reasons = [p for p in own_preps if p[1] in _REASON_PREPS]  # tried after the rest
    for child in children:
        if child.dep == "xcomp":
            found.extend(_objects(sentence, child.i, places))
    frontier = direct + [head for head, _how in own_preps]  # "acted on a resolution with X"
    for _depth in range(2):
        nested = [
            p
            for head in frontier
            for p in _prep_objects(sentence, head)
            if not (sentence.tokens[head].lemma in _FORUMS and p[1] in _FORUM_ASIDES)
            and (
                places or not (sentence.tokens[head].lemma in EVENT_NOUNS and p[1] in _VENUE_PREPS)
            )
        ]  # "a summit on the unrest in Iran", "a meeting in Bonn": topic and venue
        nested += [  # "cordoned off the roads leading into Mordor"
            p
            for head in frontier
            for child in sentence.children(head)
            if child.dep == "acl"
            for p in _prep_objects(sentence, child.i)
            # "a ceasefire brokered by Egypt": the go-between is no party to it
            if not (p[1] == "prep:by" and child.lemma in _GO_BETWEENS)
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
    return any(how in ("prep:on", "prep:against") for _h, how in _prep_objects(sentence, head))


def _agent(sentence: Sentence, verb: int) -> list[int]:
    for child in sentence.children(verb):
        if child.dep == "agent":
            for grandchild in sentence.children(child.i):
                if grandchild.dep == "pobj":
                    return _conjuncts(sentence, grandchild.i)
    return []


# Attacks and weapons: in "killed in an Israeli air strike" the strike's owner is the agent.
_MEANS_OF_FORCE = frozenset(
    """attack assault offensive raid strike airstrike bombing bombardment shelling ambush
    fire gunfire crossfire barrage tank missile rocket mortar drone artillery gunship""".split()
)


def _means_agent(sentence: Sentence, verb: int) -> list[int]:
    """Return the agent of a passive verb of force given by its means, not by "by".

    "Eight people were killed in an air strike by government forces" -> the forces;
    "two soldiers were wounded in a Taliban attack" -> the attack, whose phrase names
    the Taliban.
    """
    for child in sentence.children(verb):
        if child.dep != "prep" or child.lemma not in ("in", "during", "by", "from"):
            continue
        for means in sentence.children(child.i):
            if means.dep != "pobj" or means.lemma not in _MEANS_OF_FORCE:
                continue
            for prep in sentence.children(means.i):
                if prep.dep == "prep" and prep.lemma in ("by", "from"):
                    owner = _pobj_after(sentence, prep.i)
                    if owner is not None:
                        return _conjuncts(sentence, owner)
            return [means.i]
    return []


def _pobj_after(sentence: Sentence, index: int) -> int | None:
    for child in sentence.children(index):
        if child.dep == "pobj":
            return child.i
    return None


def code_events(
    sentence: Sentence,
    mentions: Sequence[Mention],
    actors: ActorDictionary,
    verbs: VerbDictionary,
    *,
    context_country: str | None = None,
    perspective: str | None = None,
    require_dyad: bool = True,
) -> list[EventCode]:
    """Return the CAMEO events of `sentence`, in verb order.

    Args:
        sentence: A parsed sentence.
        mentions: Actor mentions found in it (`actors.find_mentions`).
        actors: The actor dictionary (country codes for resolution).
        verbs: The compiled verb dictionary.
        context_country: Country for agents that name none ("the militias").
        perspective: Country the author writes from, for "we" and "our".
        require_dyad: Drop events without a resolved target.
    """
    if not mentions and perspective is None:
        return []
    events: list[EventCode] = []
    readings: dict[int, Reading] = {}

    def resolve(head: int, acting: bool = True) -> Actor | None:
        return resolve_phrase(
            sentence,
            head,
            mentions,
            actors,
            context_country=context_country,
            perspective=perspective,
            acting=acting,
        )

    def resolve_struck(head: int) -> Actor | None:
        return resolve(head, acting=False)

    for token in sentence.tokens:
        if token.tag not in _VERB_TAGS or token.pos == "AUX":
            continue
        if _purpose_of_negated(sentence, token):
            continue  # "would not give permission to Russia to help Israel": no help
        entry = entry_for(sentence, token, verbs)
        if entry is None:
            _fallback_reading(sentence, token, resolve, readings)
            continue
        called = sentence.children(token.i)
        if (
            token.lemma == "call"
            and any(c.dep in ("oprd", "ccomp", "xcomp") for c in called)
            and not any(c.dep == "prep" and c.lemma in ("on", "upon", "for") for c in called)
        ):
            continue  # "calling it a violation" names something; it is no phone call [041]
        match = match_pattern(sentence, token.i, entry)
        if match is None and token.lemma in _PATIENT_VERBS:
            continue  # "he died at the hospital": DIE [190] names no one who killed him
        code = match.pattern.code if match else entry.code
        reverse = match.pattern.reverse_code if match else entry.reverse_code
        given = _given(token.lemma, code, reverse)  # "received assurances from X": X acts
        if given:
            code, reverse = given, None
        if not code or code == "---":
            _fallback_reading(sentence, token, resolve, readings)  # "VOW [---]"
            continue
        if reverse and code[:2] in _FORCE_ROOTS and token.lemma not in _MUTUAL_FORCE:
            reverse = None  # a block's "&WEAPON * [193:193]" fits "clashed", not "struck"
        negated = any(c.dep == "neg" for c in sentence.children(token.i))
        absorbed = False
        if negated:
            meaning = negate(code)
            if meaning is not None:
                code, reverse, absorbed = meaning, None, True
        subject_heads, passive = _subjects(sentence, token.i)
        # protest and force are aimed at where they happen ("a rally in Lagos")
        candidates = _objects(sentence, token.i, places=code[:2] in _AT_HOME)
        recipient = any(
            how == "prep:to" or (how == "dative" and sentence.tokens[h].dep == "pobj")
            for h, how in candidates
        )
        if (token.lemma in _GIVING and recipient) or token.lemma in _SENDING:
            # "sent troops to Iraq": the troops are what is sent, Iraq is whom to; what
            # is sent is never whom to, with no one named ("Iran sent troops")
            candidates = [c for c in candidates if c[1] != "dobj"]
        # the verb's own "in X": where it happened ("an attack at a mall" keeps its mall)
        venues = {head for head, how in _prep_objects(sentence, token.i) if how in _VENUE_PREPS}
        # "meet in Zurich": a venue, not a participant
        spoken = code in _MEETINGS or code[:2] in ("01", "02")  # "said in Tehran": a venue
        object_heads = [h for h, _how in candidates if not (spoken and h in venues)]
        if passive:
            source_heads = _agent(sentence, token.i)
            if not source_heads and code[:2] in _FORCE_ROOTS:
                source_heads = _means_agent(sentence, token.i)
            object_heads = subject_heads + object_heads
        else:
            source_heads = subject_heads
        if match and match.target_after is not None and match.target_after >= 0:
            marked = _pobj_after(sentence, match.target_after)
            if marked is not None:
                # "send TROOPS (TO) +": the troops are what is sent, not whom it is sent to
                theme = [h for h in object_heads if h < match.target_after]
                theme = [h for h in theme if sentence.tokens[h].dep == "dobj"]
                object_heads = [marked, *(h for h in object_heads if h not in theme)]
        sources = _distribute(sentence, source_heads, resolve, actors.countries)
        absorbs = match.absorbs if match else False
        readings[token.i] = Reading(token.i, code, tuple(sources), negated, token.lemma, absorbs)
        targets: list[Actor] = []
        force = code[:2] in _FORCE_ROOTS
        for head in object_heads:
            # "fired shells at Seoul", "protested in Beijing": the city, not its rulers
            aimed = resolve_struck if force or head in venues else resolve
            found = [
                a
                for a in _distribute(sentence, [head], aimed, actors.countries)
                if all(a.code != s.code for s in sources)
            ]
            targets.extend(found)
            if found and len(found) == 1 and sentence.tokens[head].dep != "conj":
                if not any(c.dep == "conj" for c in sentence.children(head)):
                    break
        pairs: list[tuple[Actor, Actor | None]]
        if not targets and len(sources) >= 2 and _reciprocal(sentence, token.i, code):
            pairs = [(a, b) for a in sources for b in sources if a.code != b.code]
        else:
            options: list[Actor | None] = list(targets) if targets else [None]
            pairs = [(source, target) for source in sources for target in options]
        where = f"{entry.block}@{match.pattern.source_line}" if match else f"{entry.block}:verb"
        rule = f"{CODER_NAME}:{where}" + (":negated" if absorbed else "")
        if given:
            pairs = [(target, source) for source, target in pairs if target is not None]
            rule += ":received"
        for source, target in pairs:
            events.append(EventCode(token.i, source, target, code, rule, absorbed))
            if reverse and target is not None and targets:
                events.append(EventCode(token.i, target, source, reverse, rule + ":reverse"))
    composed = compose_events(sentence, events, readings)
    if require_dyad:
        composed = [e for e in composed if e.target is not None]
    # "Iraqi troops returned to Iraq", "migrants leaving Libya": a country is no target
    # of its own people for most events; that is where they are
    return [
        e
        for e in composed
        if e.target is None or e.target.code != e.source.code[:3] or e.code[:2] in _AT_HOME
    ]


_RECEIVING = frozenset({"receive", "get", "obtain", "gain", "procure", "win"})


def _given(lemma: str, code: str | None, reverse: str | None) -> str | None:
    """Return the code of what the object gave the subject, when the verb receives it.

    A pattern with only a reverse code (`* ASSURANCE [:030]`) codes the giver's act; the
    dictionary also lists aid and support received with a forward code (`* &WEAPON [072]`
    under RECEIVE), which CAMEO defines as the giver's act too.
    """
    if (not code or code == "---") and reverse:
        return reverse
    if code and lemma in _RECEIVING and (code[:2] in ("05", "07") or code == "033"):
        return code
    return None


def _fallback_reading(
    sentence: Sentence,
    token: Token,
    resolve: Callable[[int], Actor | None],
    readings: dict[int, Reading],
) -> None:
    """Record a claim, appeal or vow the verb dictionary gives no code, for composition."""
    fallback = "010" if token.lemma in CLAIM_LEMMAS else APPEAL_LEMMAS.get(token.lemma)
    if token.lemma in HALTING_LEMMAS:
        fallback = "160"  # what it stops is coded from its complement (compose.halted)
    if fallback:
        sources = [a for a in map(resolve, _subjects(sentence, token.i)[0]) if a]
        readings[token.i] = Reading(token.i, fallback, tuple(sources), lemma=token.lemma)


def _purpose_of_negated(sentence: Sentence, token: Token) -> bool:
    """Return whether `token` is the purpose ("to help") of a verb the text negates."""
    if token.dep != "advcl" or token.head == token.i:
        return False
    if not any(c.dep == "aux" and c.lemma == "to" for c in sentence.children(token.i)):
        return False
    return any(c.dep == "neg" for c in sentence.children(token.head))


def _reciprocal(sentence: Sentence, verb: int, code: str) -> bool:
    """Return whether conjoined subjects act on each other ("X and Y renewed ties").

    Consultation and cooperation codes (roots 04-06) are mutual by nature, and so is an
    agreement between the subjects (03: "agreed to a truce"); any other verb needs a cue
    in its clause ("their meeting", "each other", "jointly"): "Iraq and Syria promised
    the restoration of national honour" is no promise to each other.
    """
    if code == _MEDIATE:
        return False  # "a truce brokered by Qatar and Egypt": go-betweens, not parties
    lemma = sentence.tokens[verb].lemma
    if code[:2] in _MUTUAL_ROOTS and lemma not in _SOLITARY:
        return True
    if code[:2] == "03" and lemma in _AGREEING:
        return True  # "Israel and Hamas agreed to a ceasefire"
    words = {sentence.tokens[i].lemma for i in clause_tokens(sentence, verb)}
    return bool(words & _RECIPROCAL_CUES)
