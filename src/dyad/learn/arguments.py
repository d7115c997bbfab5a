"""Coder v2's argument model: which of a sentence's actors is a trigger's source or target.

Reads: a parsed Sentence, a trigger token with its CAMEO root, and the sentence's parties
(`candidates.sentence_parties`: every phrase head with the actor code it names).
Adds: for each option, the probability that it is the trigger's source, its target, or
neither. Two options stand for no phrase: the unknown source `---` ("was killed") and no
stated target.

The features are those of semantic role labelling: the dependency path from the trigger to
the phrase head (with prepositions named: "down:prep:against>pobj"), which side of the
trigger the phrase is on and how far, whether the path leaves the trigger's clause, what
kind of actor the phrase is, and crossings of these with the trigger's lemma and root. One
softmax regression (`learn/linear.py`) scores every option; it is trained on the train
split's gold triggers (`training.py`), and an option is labelled by its actor code at six
characters, as `dyad eval realtext` compares them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dyad.coder.lexicon import QUALIFIER_DEPS
from dyad.evaluate.realtext import scored_actor
from dyad.learn import linear
from dyad.learn.candidates import (
    FIRST_PERSON,
    PHRASE_POS,
    PLACE_PREPS,
    SUBJECT_DEPS,
    Party,
    argument_dep,
    passive,
    subject_verb,
)
from dyad.learn.linear import LinearModel, Row
from dyad.records import Sentence

CLASSES = ("none", "source", "target")
# a dependency path from a trigger (`argument_path`): its text, length, whether it leaves a clause
DependencyPath = tuple[str, int, bool]
# a gold actor where the gold marks it in the sentence: (actor, start, end)
Marked = tuple[str, int, int]
ARGUMENT_L2 = 1.0
ARGUMENT_STEPS = 300
# a dependency path longer than this many steps is only "long"
MAX_PATH = 4
CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "xcomp", "parataxis", "conj", "acl"})
# a relative pronoun ("who", "that", "which", "whom") standing as its clause's argument,
# and a participle on a noun ("insurgents killed in", "gunmen firing on"): the noun is the
# clause's argument in its place (`argument_path`)
RELATIVE_TAGS = frozenset({"WP", "WDT"})
RELATIVE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
SPEECH_LEMMAS = frozenset(
    "say tell add state announce claim report note warn insist explain stress".split()
)
# what is talked about is no party (guide, section 2): the object of "discuss" and "debate"
# ("Tillerson in China to discuss North Korea"; in train and dev's gold, never a target of
# theirs), and what follows "about", "over" or "regarding" a talk, or "on" talks
TOPIC_VERBS = frozenset({"discuss", "debate"})
TALKS = frozenset({"discuss", "debate", "talk", "discussion", "negotiation", "negotiate", "speak"})
TOPIC_PREPS = frozenset({"about", "over", "regarding", "concerning"})
TALK_NOUNS = frozenset({"talk", "discussion", "negotiation", "debate"})
# the media a speaker addresses are the channel, no party (guide: audiences are not parties):
# the object of "told reporters", the "to" of "in a statement to Al Jazeera", the "with" of
# "in an interview with CNN"
ADDRESS_VERBS = frozenset({"tell", "brief"})
SPEECH_NOUNS = frozenset("statement remark comment interview letter message".split())
ADDRESSED_THROUGH = {
    "to": SPEECH_NOUNS
    | frozenset("say speak talk tell explain write confirm announce reveal declare".split()),
    "with": frozenset({"interview", "speak", "talk", "conversation"}),
}
MEDIA = "MED"
# the words that lead from a media name's word to the head of the audience's phrase
ADDRESSEE_PARTS = QUALIFIER_DEPS | {"conj"}
# the words of a topic's phrase that hang on its head ("North" Korea, "Korea's" programme)
TOPIC_MODIFIERS = QUALIFIER_DEPS | {"poss"}


@dataclass(frozen=True, slots=True)
class Option:
    """One possible argument of a trigger: a party at a phrase head, or none of them.

    `head` is None for the two options that name no phrase: the unknown source (`party`
    coded `---`) and no target (`party` None); it is -1 for a speech's speaker.
    """

    head: int | None
    party: Party | None


def options(parties: Sequence[tuple[int, Party]], trigger: int) -> list[Option]:
    """Return the trigger's options: every party not at the trigger, unknown, and none."""
    found = [Option(head, party) for head, party in parties if head != trigger]
    found.append(Option(None, Party("---", "", "unknown")))
    found.append(Option(None, None))
    return found


def unnamed_kind(option: Option) -> str:
    """Return what an option that names no phrase of the sentence stands for: no target
    ("nothing"), the unknown source, or one named nowhere in the sentence, a speech's speaker
    or the story's people who protest (`candidates.CROWD`)."""
    if option.party is None:
        return "nothing"
    if option.head is None:
        return "unknown"
    return "crowd" if option.party.kind == "crowd" else "speaker"


def _step(sentence: Sentence, i: int) -> str:
    token = sentence.tokens[i]
    if token.dep in ("prep", "agent"):
        return f"{token.dep}:{token.lemma.lower()}"
    return argument_dep(sentence, i)


def dependency_path(sentence: Sentence, start: int, end: int) -> DependencyPath:
    """Return (path from `start` to `end`, its length, whether it crosses a clause edge)."""
    up = sentence.ancestors(start)
    down = sentence.ancestors(end)
    common = next((t for t in up if t in set(down)), None)
    if common is None:
        return "apart", 99, True
    rising = up[: up.index(common)]
    falling = [t for t in reversed(down[: down.index(common)]) if not _shares_role(sentence, t)]
    steps = [f"up:{_step(sentence, t)}" for t in rising]
    steps += [f"down:{_step(sentence, t)}" for t in falling]
    crossed = any(sentence.tokens[t].dep in CLAUSE_DEPS for t in rising + falling)
    length = len(steps)
    text = ">".join(steps) if length <= MAX_PATH else "long"
    return text, length, crossed


def _shares_role(sentence: Sentence, i: int) -> bool:
    """Return whether token `i` is a noun joined to a noun: a conjunct of the same role.

    "pressing both China and Germany", "warned against Sweden and Finland joining", "China
    and the European Community signed": the second conjunct stands where the first does,
    so the path to it reads as the path to the first (no step "conj", no clause crossed).
    """
    token = sentence.tokens[i]
    if token.dep != "conj" or token.pos not in PHRASE_POS:
        return False
    return sentence.tokens[token.head].pos in PHRASE_POS


def _path_start(sentence: Sentence, trigger: int, head: int) -> int:
    """Return where the path to the phrase at `head` starts: the trigger, or the verb whose
    subject it shares where `head` is that subject ("Hussein was stopped, questioned and
    detained": from "detained" to Hussein is one step down, as from "stopped").
    """
    verb = subject_verb(sentence, trigger)
    token = sentence.tokens[head]
    if verb != trigger and token.head == verb and token.dep in SUBJECT_DEPS:
        return verb
    return trigger


def argument_path(sentence: Sentence, trigger: int, head: int) -> DependencyPath:
    """Return the dependency path from `trigger` to the argument phrase at `head`.

    A clause on a noun takes the noun as an argument in the place of its relative pronoun:
    in "a gunman who attacked soldiers" the gunman is the subject of "attacked" ("who" is),
    in "Masood, who was shot by police" the one shot, in "the man whom police arrested" the
    one arrested; a participle's noun is its passive or active subject ("insurgents killed
    in the raid", "gunmen firing on police"). The path reads as that pronoun's or subject's,
    so what these clauses say is learnt together with the plain clauses' subjects and
    objects, not apart under a path of their own ("up:relcl"). Elsewhere it is the path
    from the trigger, or from the verb whose subject a conjunct shares.
    """
    token = sentence.tokens[trigger]
    if token.head == head and head != trigger and token.dep in ("relcl", "acl"):
        relative = next(
            (
                c
                for c in sentence.children(trigger)
                if c.tag in RELATIVE_TAGS and c.dep in RELATIVE_DEPS
            ),
            None,
        )
        if relative is not None:
            return dependency_path(sentence, trigger, relative.i)
        if token.dep == "acl" and token.tag in PARTICIPLE_TAGS:
            voice = "nsubjpass" if passive(sentence, trigger) else "nsubj"
            return f"down:{voice}", 1, False
    return dependency_path(sentence, _path_start(sentence, trigger, head), head)


def _speaker(sentence: Sentence, trigger: int, head: int) -> bool:
    """Return whether the phrase at `head` is the subject of a speech verb over the trigger."""
    token = sentence.tokens[head]
    verb = sentence.tokens[token.head]
    if token.dep not in ("nsubj", "nsubjpass") or verb.lemma.lower() not in SPEECH_LEMMAS:
        return False
    return verb.i in sentence.ancestors(trigger)[1:]


def attributed(sentence: Sentence, head: int | None) -> bool:
    """Return whether the phrase at `head` is whom a claim is attributed to.

    "according to local media", "according to the Dutch attorneys": the `reported_by` of
    the guide (section 5), never an event's target.
    """
    if head is None or head < 0 or sentence.tokens[head].dep != "pobj":
        return False
    to = sentence.tokens[sentence.tokens[head].head]
    return to.lemma.lower() == "to" and sentence.tokens[to.head].text.lower() == "according"


def addressed(sentence: Sentence, head: int | None, party: Party | None) -> bool:
    """Return whether the phrase at `head`, coded `party`, is the media a speaker addresses.

    "Zakharova told reporters", "In a statement to Al Jazeera, Senator Aquino condemned
    ...", "said in an interview with CNN and the BBC": the media carry what is said; they
    are neither its source nor its target. Media that are acted on ("Trump attacked the
    media", "police raided the newspaper") stand elsewhere.
    """
    if head is None or head < 0 or party is None or not party.code.endswith(MEDIA):
        return False
    tokens = sentence.tokens
    token = tokens[head]
    if token.pos == "NOUN" and token.lemma.lower() in SPEECH_NOUNS:
        return True  # "a statement to Al Jazeera" heads the phrase the media are read in
    for _ in range(MAX_PATH):
        if token.dep not in ADDRESSEE_PARTS or token.head == token.i:
            break
        token = tokens[token.head]  # "Al" of "Al Jazeera", "with CNN and the BBC"
    governor = tokens[token.head]
    if token.dep in ("dobj", "dative"):
        return governor.lemma.lower() in ADDRESS_VERBS
    through = ADDRESSED_THROUGH.get(governor.lemma.lower())
    if token.dep != "pobj" or through is None or governor.head == governor.i:
        return False
    return tokens[governor.head].lemma.lower() in through


def discussed(sentence: Sentence, trigger: int, head: int | None) -> bool:
    """Return whether the phrase at `head` is what trigger `trigger` talks about.

    "to discuss North Korea", "talked about Syria", "talks on trade with Japan": the topic
    is never the event's target; whom the talk is with is ("with Japan"). A word inside the
    topic's phrase is the topic too ("North" of "North Korea", "Korea" of "North Korea's
    nuclear programme").
    """
    if head is None or head < 0:
        return False
    tokens = sentence.tokens
    token, verb = tokens[head], tokens[trigger].lemma.lower()
    for _ in range(MAX_PATH):
        if token.dep not in TOPIC_MODIFIERS or token.head in (token.i, trigger):
            break
        token = tokens[token.head]
    if token.dep == "dobj" and token.head == trigger:
        return verb in TOPIC_VERBS
    if token.dep != "pobj" or tokens[token.head].head != trigger:
        return False
    preposition = tokens[token.head].lemma.lower()
    if preposition in TOPIC_PREPS:
        return verb in TALKS
    return preposition == "on" and verb in TALK_NOUNS and tokens[trigger].pos == "NOUN"


def co_subjects(sentence: Sentence, first: int, second: int) -> bool:
    """Return whether two phrase heads are joined subjects: "Russia and Iran will sign".

    One is a subject (active or passive) and the other its conjunct, or both conjuncts of
    one subject, or one head that holds both (the phrase "Russia and Iran" at "Russia"): a
    joint act's co-participants, who act on each other when no third party is named (guide,
    section 2).
    """
    if min(first, second) < 0:
        return False
    if first == second and not any(c.dep == "conj" for c in sentence.children(first)):
        return False

    def chain_root(i: int) -> int:
        seen = {i}
        while sentence.tokens[i].dep == "conj" and sentence.tokens[i].head not in seen:
            i = sentence.tokens[i].head
            seen.add(i)
        return i

    root = chain_root(first)
    return root == chain_root(second) and sentence.tokens[root].dep in ("nsubj", "nsubjpass")


def _placed(sentence: Sentence, head: int) -> bool:
    token = sentence.tokens[head]
    parent = sentence.tokens[token.head]
    return token.dep == "pobj" and parent.lemma.lower() in PLACE_PREPS


def _role(code: str) -> str:
    if code.startswith("---"):
        return "unknown" + code[3:6]
    if len(code) == 3:
        return "country"
    return code[3:6]


def option_features(
    sentence: Sentence, trigger: int, root: str, option: Option, others: int
) -> Row:
    """Return the feature row of `option` as an argument of `trigger` read as `root`.

    `others` is how many phrase options the trigger has (a lone actor is more often an
    argument than one of six).
    """
    return option_rows(sentence, trigger, root, [option], others)[0]


def option_rows(
    sentence: Sentence,
    trigger: int,
    root: str,
    found: Sequence[Option],
    others: int,
    paths: dict[tuple[int, int], DependencyPath] | None = None,
) -> list[Row]:
    """Return the feature row of each of `found` (`option_features`), in order.

    What the options share (the trigger's word, voice and dependents) is read once.
    `paths` holds the argument paths (`argument_path`) found so far by (trigger, head):
    they are taken from it and added to it.
    """
    token = sentence.tokens[trigger]
    lemma = token.lemma.lower()
    voice = "passive" if passive(sentence, trigger) else "active"
    many = f"others={min(others, 5)}"
    segment = sentence.segment.kind
    known = {} if paths is None else paths
    around: tuple[list[str], list[str]] | None = None  # the trigger's dependents, "I"/"we"
    rows: list[Row] = []
    for option in found:
        if option.head is None or option.head < 0:
            kind = unnamed_kind(option)
            if around is None:
                words = {t.text.lower() for t in sentence.tokens}
                around = (
                    [c.dep for c in sentence.children(trigger)],
                    sorted(words & FIRST_PERSON),
                )
            names = [
                f"opt={kind}",
                f"opt|voice={kind}|{voice}",
                f"opt|root={kind}|{root}",
                f"opt|lemma={kind}|{lemma}",
                f"opt|pos={kind}|{token.pos}",
                f"opt|{many}={kind}",
                f"opt|segment={kind}|{segment}",
            ]
            names += [f"opt|child={kind}|{dep}" for dep in around[0]]
            names += [f"opt|first={kind}|{w}" for w in around[1]]
            rows.append([(name, 1.0) for name in names])
            continue
        party = option.party
        assert party is not None
        head = option.head
        path, length, crossed = known_path(sentence, trigger, head, known)
        side = "before" if head < trigger else "after"
        distance = abs(head - trigger)
        gap = "1" if distance <= 1 else "2-3" if distance <= 3 else "4-7" if distance <= 7 else "8+"
        role = _role(party.code)
        head_token = sentence.tokens[head]
        head_dep = argument_dep(sentence, head)
        names = [
            "opt=phrase",
            f"path={path}",
            f"path|voice={path}|{voice}",
            f"path|root={path}|{root}",
            f"path|lemma={path}|{lemma}",
            f"length={min(length, 6)}",
            f"side={side}",
            f"side|gap={side}|{gap}",
            f"side|voice={side}|{voice}",
            f"crossed={crossed}",
            f"kind={party.kind}",
            f"role={role}",
            f"role|root={role}|{root}",
            f"role|side={role}|{side}",
            f"head={head_token.lemma.lower()}",
            f"headdep={head_dep}",
            f"headdep|side={head_dep}|{side}",
            many,
            f"segment={segment}",
        ]
        if _speaker(sentence, trigger, head):
            names.append("speaker")
        if _placed(sentence, head):
            names.append("placed")
        if path.count(">") == 0 and path != "long":
            names.append(f"direct|lemma={path}|{lemma}")
        rows.append([(name, 1.0) for name in names])
    return rows


def known_path(
    sentence: Sentence, trigger: int, head: int, paths: dict[tuple[int, int], DependencyPath]
) -> DependencyPath:
    """Return `argument_path(sentence, trigger, head)`, from `paths` if it is there (and
    put it there if not): a sentence's candidates ask for the same paths again."""
    found = paths.get((trigger, head))
    if found is None:
        found = paths[(trigger, head)] = argument_path(sentence, trigger, head)
    return found


def option_probabilities(
    sentence: Sentence,
    trigger: int,
    root: str,
    found: Sequence[Option],
    model: LinearModel,
    paths: dict[tuple[int, int], DependencyPath] | None = None,
) -> list[tuple[float, float]]:
    """Return (P(source), P(target)) of each option, in order.

    `paths` is as for `option_rows`.
    """
    source = model.classes.index("source")
    target = model.classes.index("target")
    phrases = sum(1 for o in found if o.head is not None and o.head >= 0)
    probs = model.probabilities_many(option_rows(sentence, trigger, root, found, phrases, paths))
    return [(float(p[source]), float(p[target])) for p in probs]


@dataclass(frozen=True, slots=True)
class LabelledTrigger:
    """A gold trigger with its options: sentence, token, root, and gold actor codes."""

    sentence: Sentence
    trigger: int
    root: str
    options: tuple[Option, ...]
    sources: frozenset[str]  # six-character actors, "---" for an unknown source
    targets: frozenset[str]  # six-character actors, "" for no target
    # where in the sentence the gold marks each actor (document offsets)
    source_spans: frozenset[Marked] = frozenset()
    target_spans: frozenset[Marked] = frozenset()


def option_label(option: Option, labelled: LabelledTrigger, actor: str | None) -> str:
    """Return the class of `option`: the gold source, the gold target, or none.

    `actor` is the option's code as the gold compares it (six characters), None for none.
    Where the gold marks the actor's phrase in the sentence, only the options headed inside
    it take the class: "Bankers welcomed the Bank of Spain's decision, saying it reflected
    the government's determination" has the government's code at two heads, and the one
    deep in the "saying" clause is no source of "welcomed" (labelled by code alone, it
    taught the model that a government anywhere is a source). Where no option of that code
    is inside the marked phrase (a pronoun's antecedent, a parse that splits the phrase),
    the code alone decides, as before.
    """
    if option.head is None:
        if option.party is not None:
            return "source" if "---" in labelled.sources else "none"
        return "target" if "" in labelled.targets else "none"
    if actor in labelled.sources and _marked_here(option, actor, labelled.source_spans, labelled):
        return "source"
    if actor in labelled.targets and _marked_here(option, actor, labelled.target_spans, labelled):
        return "target"
    return "none"


def _marked_here(
    option: Option,
    actor: str,
    spans: frozenset[Marked],
    labelled: LabelledTrigger,
) -> bool:
    """Return whether `option` stands where the gold marks `actor` (see `option_label`)."""
    marked = [(start, end) for code, start, end in spans if code == actor]
    tokens = labelled.sentence.tokens

    def inside(head: int | None) -> bool:
        return (
            head is not None and head >= 0 and any(s <= tokens[head].start < e for s, e in marked)
        )

    same = [o.head for o in labelled.options if o.party and scored_actor(o.party.code) == actor]
    if not marked or not any(inside(head) for head in same):
        return True
    return inside(option.head)


def train_argument_model(triggers: Sequence[LabelledTrigger]) -> LinearModel:
    """Return the argument model trained on gold triggers."""
    rows: list[Row] = []
    labels: list[str] = []
    for labelled in triggers:
        phrases = sum(1 for o in labelled.options if o.head is not None and o.head >= 0)
        for option in labelled.options:
            actor = scored_actor(option.party.code) if option.party else None
            rows.append(
                option_features(labelled.sentence, labelled.trigger, labelled.root, option, phrases)
            )
            labels.append(option_label(option, labelled, actor))
    return linear.train(rows, labels, l2=ARGUMENT_L2, steps=ARGUMENT_STEPS, classes=CLASSES)
