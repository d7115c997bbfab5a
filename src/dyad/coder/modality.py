"""Judge how sure a sentence is about one event: asserted, reported, hedged, negated, asked.

Reads: Sentence.text and Sentence.tokens (text, lemma, pos, tag, dep, head).
Adds: Modality(factuality, cue, reporter, reporter_text) for one event predicate.

The event verb's own clause is read first (negation, modal auxiliaries, hedging adverbs,
if/unless/whether, "according to", a trailing ", officials said"), then every clause that
governs it, found by walking up heads through clausal links (conj, xcomp, ccomp, advcl,
relcl, acl). Each link passes up only what it should: a relative clause is not negated by
the main clause's "not", but it is inside the main clause's "if". All signals are kept and
the strongest class wins: question > negated > hypothetical > speculative > reported >
asserted. Among reporting verbs the nearest one above the event names the reporter.
An act that is only the aim of an operation or a plan is hypothetical (an attempt is not:
"tried to convince", "attempted to detain" tell the act, as the gold codes them); the
object of a light verb ("hold talks") takes the verb's words; a verbal act the speaker
performs by saying it ("I want to thank", a demand's "must") is not a forecast.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from dyad.coder.lexicon import (
    ABILITY_ADJECTIVES,
    ATTRIBUTION_VERBS,
    BELIEF_VERBS,
    CONDITIONAL_MARKS,
    CONTRAST_CONJUNCTIONS,
    DEFINITE_DETERMINERS,
    DIRECTIVE_VERBS,
    FIRST_PERSON,
    FORECAST_MODALS,
    HEDGING_ADJECTIVES,
    HEDGING_VERBS,
    INTENT_VERBS,
    LIGHT_VERBS,
    NEGATING_GOVERNORS,
    NEGATING_NOUNS,
    NEGATION_WORDS,
    OBLIGATION_MODALS,
    PERFORMATIVE_CUES,
    PLANNING_VERBS,
    PURPOSE_NOUNS,
    REPORT_NOUNS,
    SCHEDULING_WORDS,
    SPECULATIVE_ADJECTIVES,
    SPECULATIVE_ADVERBS,
    SPECULATIVE_MODALS,
    SPECULATIVE_NOUNS,
)
from dyad.records import Factuality, Sentence, Token

# verbs that carry on a reporting verb ("went on to say", "continued to insist")
CONTINUING_VERBS = frozenset({"go", "continue", "proceed"})
# verbs that put an act named as their passive subject on a timetable ("talks are planned",
# "a vote is scheduled", "the visit is expected next week")
TIMETABLE_VERBS = PLANNING_VERBS | SCHEDULING_WORDS | {"expect"}
PROMISE_THREAT_ROOTS = frozenset({"03", "13"})  # CAMEO roots whose forecasts are the event itself
# verbal acts a speaker performs by saying he wants, will or must do them ("I want to thank",
# "we must salute", "I will be asking Congress"): the saying is the event (guide, section 5)
PERFORMATIVE_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
CLOSING_MARKS = " \t\n\"'”’)]»"

PRECEDENCE: tuple[Factuality, ...] = (
    "question", "negated", "hypothetical", "speculative", "reported", "asserted"
)  # fmt: skip

# Which signals of a governing clause pass down to the clause below, by how it attaches.
_PASSES: dict[str, frozenset[str]] = {
    "self": frozenset({"neg", "modal", "mark", "attrib"}),
    "conj_shared": frozenset({"neg", "modal", "mark", "attrib"}),
    "conj_contrast": frozenset({"modal", "mark", "attrib"}),
    "conj_own": frozenset({"mark", "attrib"}),
    "xcomp": frozenset({"neg", "modal", "mark", "attrib", "lexical"}),
    "ccomp": frozenset({"weak_neg", "modal", "mark", "attrib", "lexical"}),
    "adjunct": frozenset({"mark"}),
    "acl": frozenset({"noun"}),
    "nominal": frozenset(),
}
NO_ONE = frozenset({"nobody", "nothing", "none", "noone"})
_LINKS = {"xcomp": "xcomp", "ccomp": "ccomp", "csubj": "ccomp", "parataxis": "ccomp",
          "pcomp": "ccomp", "acomp": "ccomp", "advcl": "adjunct", "relcl": "adjunct",
          "acl": "acl"}  # fmt: skip
_OPAQUE_LINKS = frozenset({"ccomp", "acl", "adjunct"})


@dataclass(frozen=True, slots=True)
class Modality:
    """How sure the text is about one event, and who vouches for it when it is reported."""

    factuality: Factuality
    cue: str | None
    reporter: tuple[int, int] | None = None
    reporter_text: str | None = None


@dataclass(frozen=True, slots=True)
class _Signal:
    kind: str  # a Factuality, or "forecast" / "would" until the event root decides
    cue: str
    reporter: Token | None = None


def assess_factuality(sentence: Sentence, verb: int, event_root: str | None = None) -> Modality:
    """Return how sure `sentence` is about the event whose predicate is token `verb`.

    Args:
        sentence: A parsed sentence with spaCy-style English dependency labels.
        verb: Sentence-local index of the event's predicate token.
        event_root: Two-digit CAMEO root of the event; "03" (intent to cooperate) and "13"
            (threaten) keep will/shall/going-to forecasts from making the event hypothetical,
            since for those codes the announced future act is the event.

    Returns:
        The winning factuality, the words that decided it and, for reported events, the
        token span and words of the nearest reporter (None when the source is unnamed).

    Raises:
        IndexError: If `verb` is not a token index of `sentence`.
    """
    if not 0 <= verb < len(sentence.tokens):
        raise IndexError(f"verb index {verb} outside sentence of {len(sentence.tokens)} tokens")
    if sentence.text.rstrip(CLOSING_MARKS).endswith("?"):
        return Modality("question", "?")
    signals: list[_Signal] = []
    opaque = False  # past a that/whether clause, a governor's "not" no longer reaches the event
    for node, link in _governors(sentence, verb):
        given = _signals(sentence, node, link)
        signals += [s for s in given if not (opaque and s.kind == "negated")]
        opaque = opaque or link in _OPAQUE_LINKS or any(s.cue in CONDITIONAL_MARKS for s in given)
    signals += _aimed_at(sentence, sentence.tokens[verb])
    forecast = "asserted" if (event_root or "")[:2] in PROMISE_THREAT_ROOTS else "hypothetical"
    reported = any(s.kind == "reported" for s in signals)
    # A "would" under a reporter is the back-shifted "will" of "said it would help".
    kinds = {"would": forecast if reported else "hypothetical", "forecast": forecast}
    # "I want to thank", "Iraq must release": the verbal act is performed, not forecast
    signals = [
        s
        for s in signals
        if kinds.get(s.kind, s.kind) != "hypothetical"
        or not _performed(sentence, verb, s, event_root)
    ]
    for kind in PRECEDENCE[:-1]:
        found = next((s for s in signals if kinds.get(s.kind, s.kind) == kind), None)
        if found is not None and found.reporter is None:
            return Modality(kind, found.cue)
        if found is not None and found.reporter is not None:
            first, last = _span(sentence, found.reporter)
            text = sentence.text[first.start - sentence.start : last.start - sentence.start]
            return Modality(kind, found.cue, (first.i, last.i), text + last.text)
    return Modality("asserted", None)


def _aimed_at(sentence: Sentence, event: Token) -> list[_Signal]:
    """Return a hypothetical signal when the event is only aimed at or planned."""
    head = sentence.tokens[event.head]
    infinitive = any(c.dep == "aux" and c.lemma == "to" for c in sentence.children(event.i))
    if infinitive and event.dep == "acl" and head.lemma in PURPOSE_NOUNS:
        return [_Signal("hypothetical", f"{head.text.lower()} to")]
    if infinitive and event.dep == "advcl":  # "conducted an operation to capture": the parser
        aim = next((c for c in sentence.children(head.i) if c.dep == "dobj"), None)
        if aim is not None and aim.lemma in PURPOSE_NOUNS:  # hangs the aim on the verb
            return [_Signal("hypothetical", f"{aim.text.lower()} to")]
    if event.pos == "NOUN" and event.dep == "dobj" and head.lemma in PLANNING_VERBS:
        return [_Signal("hypothetical", head.text.lower())]
    if event.pos == "NOUN" and event.dep == "nsubjpass" and head.lemma in TIMETABLE_VERBS:
        return [_Signal("hypothetical", head.text.lower())]  # "talks are planned for March 28"
    if event.pos == "NOUN" and event.dep == "pobj" and head.lemma == "for":
        planner = sentence.tokens[head.head]
        if planner.lemma in PLANNING_VERBS:  # "preparing for an attack"
            return [_Signal("hypothetical", planner.text.lower())]
    return []


def _performed(sentence: Sentence, verb: int, signal: _Signal, event_root: str | None) -> bool:
    """Return whether a hypothetical cue is a verbal act's own performance, not a forecast.

    "I want to thank the soldiers" thanks them and "we must salute" salutes: a first-person
    subject of the act's clause (or of the verb it hangs under) performs a verbal act by
    saying it; a demand's "must" is the demand ("Iraq must release the detainees", 10).
    """
    root = (event_root or "")[:2]
    if root not in PERFORMATIVE_ROOTS or signal.cue not in PERFORMATIVE_CUES:
        return False
    if root == "10" and signal.cue in OBLIGATION_MODALS:
        return True
    node = sentence.tokens[verb]
    for _ in range(3):  # "thank" <xcomp- "want"; "ask" <xcomp- "going"
        subjects = [c for c in sentence.children(node.i) if c.dep in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0].text.lower() in FIRST_PERSON
        if node.dep != "xcomp" or node.head == node.i:
            return False
        node = sentence.tokens[node.head]
    return False


def _governors(sentence: Sentence, verb: int) -> Iterator[tuple[Token, str]]:
    """Yield the event verb, then each token above it with how the one below attaches."""
    tokens = sentence.tokens
    node, link, seen = tokens[verb], "self", {verb}
    while True:
        yield node, link
        if node.dep == "ROOT" or node.head in seen:
            return
        link = _link(sentence, node)
        head = tokens[node.head]
        if node.dep == "pcomp" and head.dep == "prep" and head.head not in seen:
            seen.add(head.i)  # "accused Iran of arming": the verb governs through "of"
            head = tokens[head.head]
        elif _finite_under_infinitive(node, head) and head.head not in seen:
            # "Raab urged the embassy to reconsider and spoke with Pompeo": a verb in the
            # past is no part of "to reconsider"; it goes with "urged", whatever the parse
            seen.add(head.i)
            head = tokens[head.head]
        seen.add(head.i)
        node = head


# a past or third-person form, which no infinitive takes ("VBP" is often a mistagged "VB")
FINITE_TAGS = frozenset({"VBD", "VBZ"})


def _finite_under_infinitive(node: Token, head: Token) -> bool:
    """Return whether `node` is a finite verb the parser joined to an infinitive's verb."""
    return (
        node.dep == "conj" and node.tag in FINITE_TAGS and head.tag == "VB" and head.dep == "xcomp"
    )


def _link(sentence: Sentence, node: Token) -> str:
    """Name how clause head `node` attaches to its head, as a key of `_PASSES`."""
    if node.dep == "conj":
        if any(c.dep in ("nsubj", "nsubjpass", "expl") for c in sentence.children(node.i)):
            return "conj_own"
        contrast = any(c.lemma in CONTRAST_CONJUNCTIONS for c in sentence.children(node.head))
        return "conj_contrast" if contrast else "conj_shared"
    if node.dep == "acomp" and node.lemma in ABILITY_ADJECTIVES:
        return "xcomp"
    if node.dep == "dobj" and sentence.tokens[node.head].lemma in LIGHT_VERBS:
        return "self"  # "will hold talks", "did not launch an attack": the verb's own words
    if node.dep == "advcl" and sentence.tokens[node.head].lemma in SCHEDULING_WORDS:
        return "xcomp"  # "Trump set to meet Trudeau": the parser hangs the infinitive as advcl
    return _LINKS.get(node.dep, "nominal")


def _signals(sentence: Sentence, node: Token, link: str) -> list[_Signal]:
    """Return the signals that `node` passes down to a clause attached to it by `link`."""
    passes = _PASSES[link]
    kids = sentence.children(node.i)
    found: list[_Signal] = []
    if "lexical" in passes:
        found += _lexical(sentence, node, kids, link)
    if "noun" in passes:
        found += _noun(sentence, node, kids)
    negs = [n for k in kids if k.dep in ("neg", "aux") for n in [k, *sentence.children(k.i)]]
    for n in negs:
        if n.dep == "neg" and n.lemma in NEGATION_WORDS and passes & {"neg", "weak_neg"}:
            # "did not confirm that X" leaves X open rather than denying it
            found.append(_Signal("negated" if "neg" in passes else "speculative", n.text.lower()))
    if "neg" in passes:
        found += _none_taking_part(sentence, kids)
    for k in kids:
        found += _clause_marker(sentence, node, k, kids, passes)
    if link == "self" and node.lemma == "be":  # "his confirmation was likely"
        hedge = next((k for k in kids if k.dep == "acomp" and k.lemma in HEDGING_ADJECTIVES), None)
        found += [_Signal("speculative", hedge.text.lower())] if hedge else []
    if "attrib" in passes:
        found += _attribution_in_adjunct(sentence, kids)
    return found


def _attribution_in_adjunct(sentence: Sentence, kids: list[Token]) -> list[_Signal]:
    """Return a trailing ", according to X" that the parser hung under a coordinated or
    adverbial clause ("died and 35 were rescued, according to officials"): it covers the
    whole sentence. One that comes before its clause ("and, according to X, Syria sent")
    stays with that clause."""
    for clause in kids:
        if clause.dep not in ("conj", "advcl"):
            continue
        for k in sentence.children(clause.i):
            before = sentence.tokens[k.i - 1].text if k.i else ""
            if k.dep == "prep" and k.text.lower() == "according" and k.i > clause.i:
                if before == ",":
                    return _clause_marker(sentence, clause, k, [], frozenset({"attrib"}))
    return []


def _clause_marker(
    sentence: Sentence, node: Token, k: Token, kids: list[Token], passes: frozenset[str]
) -> list[_Signal]:
    """Return the signal one dependent `k` of clause head `node` gives, if it gives one."""
    lemma, word = k.lemma, k.text.lower()
    no = word == "longer" and any(c.lemma == "no" for c in sentence.children(k.i))
    if "neg" in passes and k.dep == "advmod" and no:
        return [_Signal("negated", "no longer")]
    if "modal" in passes and k.dep == "aux":
        if lemma in SPECULATIVE_MODALS:
            return [_Signal("speculative", word)]
        if lemma in OBLIGATION_MODALS:
            return [_Signal("hypothetical", word)]
        if lemma in FORECAST_MODALS:
            return [_Signal("forecast", word)]
        if k.tag == "TO" and _headline_infinitive(sentence, node):
            return [_Signal("forecast", word)]
        if lemma == "would":
            perfect = node.tag == "VBN" and any(c.lemma == "have" and c.dep == "aux" for c in kids)
            return [_Signal("hypothetical", "would have")] if perfect else [_Signal("would", word)]
    if "modal" in passes and k.dep == "advmod" and lemma in SPECULATIVE_ADVERBS | {"reportedly"}:
        return [_Signal("reported" if lemma == "reportedly" else "speculative", word)]
    if "mark" in passes and k.dep == "mark" and lemma in CONDITIONAL_MARKS:
        return [_Signal("hypothetical", word)]
    if "attrib" in passes and k.dep == "prep" and word == "according":
        objects = [o for c in sentence.children(k.i) for o in [c, *sentence.children(c.i)]]
        source = next((o for o in objects if o.dep == "pobj"), None)
        return [_Signal("reported", "according to", source)]
    if "attrib" in passes and _is_parenthetical_report(sentence, node, k):
        return [_Signal("reported", word, _reporter(sentence, k))]
    return []


def _headline_infinitive(sentence: Sentence, verb: Token) -> bool:
    """Return whether `verb` is an infinitive with a subject and nothing above it.

    "Minister to meet Peugeot", "Kushner to speak with Senate committee": a headline's
    future, which drops "is due" (on train's gold, 15 of 18 such events not of an intent
    or threat are hypothetical; an intent's "Japan to help U.S." is the event itself).
    """
    return (
        verb.head == verb.i
        and verb.tag == "VB"
        and any(c.dep in ("nsubj", "nsubjpass") for c in sentence.children(verb.i))
    )


def _lexical(sentence: Sentence, gov: Token, kids: list[Token], link: str) -> list[_Signal]:
    """Return what governing verb `gov` itself says about the clause it takes as complement."""
    particle = next((k.lemma for k in kids if k.dep == "prt"), None)
    key = f"{gov.lemma} {particle}" if particle else gov.lemma
    word = gov.text.lower()
    if key in NEGATING_GOVERNORS:
        return [_Signal("negated", f"{word} {particle}" if particle else word)]
    if gov.lemma in HEDGING_VERBS | SPECULATIVE_ADJECTIVES:  # "seems to", "is likely to"
        return [_Signal("speculative", word)]
    adjective = next((k.text.lower() for k in kids if k.dep == "acomp"), "")
    if gov.lemma == "be" and adjective in SPECULATIVE_ADJECTIVES:  # "it is possible that"
        return [_Signal("speculative", adjective)]
    if link == "xcomp" and (gov.lemma in INTENT_VERBS or (gov.lemma == "go" and gov.tag == "VBG")):
        return [_Signal("forecast", "going to" if gov.lemma == "go" else word)]
    if link == "xcomp" and gov.lemma in SCHEDULING_WORDS:  # "set to meet", "due to sign"
        return [_Signal("forecast", word)]
    has_object = any(k.dep in ("dobj", "dative") for k in kids)
    if link == "xcomp" and (
        gov.lemma in DIRECTIVE_VERBS or (gov.lemma in ATTRIBUTION_VERBS and has_object)
    ):
        return [_Signal("hypothetical", word)]
    if gov.lemma in ATTRIBUTION_VERBS:
        return [_Signal("reported", word, _reporter(sentence, gov))]
    saying = next((k for k in kids if k.dep == "xcomp" and k.lemma in ATTRIBUTION_VERBS), None)
    if saying is not None and gov.lemma in CONTINUING_VERBS:  # ", the ministry went on to say"
        cue = " ".join(w for w in (word, particle, "to", saying.text.lower()) if w)
        return [_Signal("reported", cue, _reporter(sentence, gov))]
    if gov.lemma in BELIEF_VERBS:
        source = _reporter(sentence, gov)
        if source is not None and _is_definite(sentence, source):
            return [_Signal("reported", word, source)]
        return [_Signal("speculative", word)]
    return []


def _none_taking_part(sentence: Sentence, kids: list[Token]) -> list[_Signal]:
    """Return "negated" when the clause's subject or object is nobody ("no civilians were
    harmed", "fired no shots", "nobody was hurt"): the act, as told, did not happen."""
    for k in kids:
        if k.dep not in ("nsubj", "nsubjpass", "dobj"):
            continue
        if k.lemma.lower() in NO_ONE:
            return [_Signal("negated", k.text.lower())]
        if any(c.dep == "det" and c.lemma.lower() == "no" for c in sentence.children(k.i)):
            return [_Signal("negated", f"no {k.text.lower()}")]
    return []


def _noun(sentence: Sentence, noun: Token, kids: list[Token]) -> list[_Signal]:
    """Return what a noun taking the event clause says: "no evidence that", "refusal to"."""
    if any(k.lemma == "no" and k.dep in ("det", "neg") for k in kids):
        return [_Signal("negated", f"no {noun.text.lower()}")]
    if noun.lemma in NEGATING_NOUNS:  # "unwillingness to recognize", "refusal to meet"
        return [_Signal("negated", noun.text.lower())]
    if noun.lemma not in REPORT_NOUNS | SPECULATIVE_NOUNS:
        return []
    head = sentence.tokens[noun.head]
    if noun.dep != "ROOT":
        verdict = _lexical(sentence, head, sentence.children(head.i), "ccomp")
        if verdict and verdict[0].kind == "negated":  # "denied reports that ..."
            return verdict[:1]
    if noun.lemma in SPECULATIVE_NOUNS:
        return [_Signal("speculative", noun.text.lower())]
    owner = next((k for k in kids if k.dep == "poss"), None)  # "Iraq's claim that ..."
    return [_Signal("reported", noun.text.lower(), owner)]


def _is_parenthetical_report(sentence: Sentence, node: Token, k: Token) -> bool:
    """Tell whether `k` is a parenthetical ", officials said" hung under the event clause."""
    if k.dep not in ("parataxis", "ccomp") or k.lemma not in ATTRIBUTION_VERBS:
        return False
    if any(c.dep in ("ccomp", "xcomp") for c in sentence.children(k.i)):
        return False
    if k.dep == "parataxis":  # "Society, they said, was at fault" as well as a trailing one
        return True
    return k.i > node.i and any(
        t.text == "," for t in sentence.tokens[node.i + 1 : k.i] if t.head in (node.i, k.i)
    )


def _reporter(sentence: Sentence, verb: Token) -> Token | None:
    """Return the head of who says it: the active subject, or the agent of a passive."""
    kids = sentence.children(verb.i)
    if verb.dep in ("advcl", "conj") and not any(k.dep.startswith("nsubj") for k in kids):
        kids += sentence.children(verb.head)  # ", adding that ...": the subject of "said"
    agents = [o for k in kids if k.dep == "agent" for o in sentence.children(k.i)]
    by = next((o for o in agents if o.dep == "pobj"), None)  # "was reported by Reuters"
    return next((k for k in kids if k.dep == "nsubj"), by)


def _is_definite(sentence: Sentence, subject: Token) -> bool:
    """Tell whether a believer is named ("the minister", "Dabbagh"), not "some analysts"."""
    named = subject.pos in ("PROPN", "PRON") or any(
        k.dep == "poss" or (k.dep == "det" and k.lemma in DEFINITE_DETERMINERS)
        for k in sentence.children(subject.i)
    )
    return named and subject.lemma not in FIRST_PERSON


def _span(sentence: Sentence, head: Token) -> tuple[Token, Token]:
    """Return the first and last token of the phrase headed by `head`, edge punctuation cut."""
    phrase = sentence.subtree(head.i)
    words = [t for t in phrase if any(ch.isalnum() for ch in t.text)] or phrase
    return words[0], words[-1]
