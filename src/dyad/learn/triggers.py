"""Coder v2's trigger model: which words are event triggers, and of which CAMEO root.

Reads: Sentence tokens (lemma, dep, head), actor Mentions, the verb dictionary.
Adds: a feature row per possible trigger (a verb, noun, proper noun or adjective whose lemma
was a trigger in the train split or that the verb dictionary knows), and the trigger
model's probability of each CAMEO root (or none) for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from dyad.coder.actors import NOT_STATES
from dyad.coder.lexicon import CONDITIONAL_MARKS
from dyad.coder.patterns import entry_for
from dyad.dictionaries.entries import VerbDictionary
from dyad.dictionaries.loader import NOT_COUNTRIES
from dyad.learn import linear
from dyad.learn.candidates import ASSET_ROLES, argument_dep, passive
from dyad.learn.linear import LinearModel, Row
from dyad.records import Mention, Sentence

OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "oprd"})
# what a word says or asks ("said that ...", "agreed to ...") or calls its object ("called
# the ruling a disgrace", "called the claims groundless")
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "oprd", "acomp"})
MODALS = frozenset("will would may might could can should must shall".split())
# the marks of a condition an act is made to hang on, not of an open question ("whether")
CONDITIONS = CONDITIONAL_MARKS - {"whether"}
TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})
NONE = "none"
# roles of armed parties (CAMEO actor codebook): forces, rebels, insurgents, armed groups
ARMED_ROLES = frozenset({"MIL", "REB", "INS", "UAF", "SEP"})
ROOT_CLASSES = (NONE, *[f"{n:02d}" for n in range(1, 21)])
# three-letter codes the actor dictionaries give that name no state (kinds of actor, media)
STATELESS_CODES = NOT_COUNTRIES | NOT_STATES
TRIGGER_L2 = 2.0
TRIGGER_STEPS = 300
# a trigger row counts this many times a "none" row in training: events are ~11 % of the
# rows, and unweighted the model leaves most gold roots under the candidate threshold
EVENT_WEIGHT = 2.0
# verbs that report speech: what they govern is often the reported event ("said it would
# attack"), and they are themselves 01 statements only with political content
SPEECH = frozenset("say tell announce state add claim report insist note explain declare".split())


@dataclass(frozen=True, slots=True)
class MentionMap:
    """Where a sentence's mentions are: their heads, and every token dominating one."""

    owner: dict[int, str]  # mention head -> "actor" or "agent"
    above: frozenset[int]  # tokens whose subtree holds a mention head
    side: dict[int, str]  # mention head -> "armed", "police", "state" or "other"

    @staticmethod
    def build(sentence: Sentence, mentions: Sequence[Mention]) -> MentionMap:
        owner = {m.last: "agent" if m.rule == "agent" else "actor" for m in mentions}
        side = {m.last: mention_side(m) for m in mentions}
        above: set[int] = set()
        for head in owner:
            current = head
            while current not in above:
                above.add(current)
                parent = sentence.tokens[current].head
                if parent == current:
                    break
                current = parent
        return MentionMap(owner, frozenset(above), side)


def actor_side(code: str) -> str:
    """Return what kind of party an actor code is: "armed", "police" or "other".

    "attacked" is a verbal attack by a minister (111) and an armed one by troops (19);
    the role of the arguments tells them apart where the words around do not. A bare state
    ("Iran attacked Iraq", "Israel struck Gaza") acts with its forces as often as with its
    words: `mention_side` gives it a side of its own.
    """
    roles = {code[i : i + 3] for i in range(0, len(code) - 2, 3)}
    if roles & ARMED_ROLES:
        return "armed"
    return "police" if "COP" in roles else "other"


def mention_side(mention: Mention) -> str:
    """Return `actor_side` of a mention, or "state" for a bare state the dictionaries name.

    An agent's code with no country yet ("GOV" for "officials") is a role, not a state, and
    an outlet the dictionaries name without one ("Reuters": MED) is no state either.
    """
    code = mention.actor.code
    if mention.rule != "agent" and len(code) == 3 and code not in STATELESS_CODES:
        return "state"
    return actor_side(code)


def trigger_features(
    sentence: Sentence,
    i: int,
    mentions: Sequence[Mention],
    verbs: VerbDictionary,
    where: MentionMap | None = None,
) -> list[tuple[str, float]]:
    """Return the feature row of token `i` as a possible event trigger.

    Besides the word itself: its governor (a speech verb governs the reported event), its
    neighbours, its objects and prepositional objects ("call for talks", "attack on"), the
    modifiers of a noun trigger ("air strike", "peace talks"), negation and modals, which
    arguments hold actor mentions, and the verb dictionary's root for the word. `where`
    (built once per sentence by the caller) saves rebuilding it for every token.
    """
    tokens = sentence.tokens
    token = tokens[i]
    lemma = token.lemma.lower()
    head = tokens[token.head]
    head_lemma = head.lemma.lower()
    where = where or MentionMap.build(sentence, mentions)
    before = tokens[i - 1].lemma.lower() if i > 0 else "<s>"
    after = tokens[i + 1].lemma.lower() if i + 1 < len(tokens) else "</s>"
    features = [
        f"lemma={lemma}",
        f"pos={token.pos}",
        f"tag={token.tag}",
        f"dep={token.dep}",
        f"lemma|pos={lemma}|{token.pos}",
        f"lemma|dep={lemma}|{token.dep}",
        f"head={head_lemma}",
        f"head|lemma={head_lemma}|{lemma}",
        f"dep|headpos={token.dep}|{head.pos}",
        f"segment={sentence.segment.kind}",
        f"suffix={lemma[-3:]}",
        f"prefix={lemma[:4]}",
        f"prev={before}",
        f"next={after}",
        f"prev|lemma={before}|{lemma}",
    ]
    if head_lemma in SPEECH and token.head != i:
        features += [f"under_speech={token.dep}", f"lemma|under_speech={lemma}"]
    if lemma in SPEECH:
        features.append("speech")
    if token.text[:1].isupper() and i > 0:
        features.append("capital")
    if passive(sentence, i):
        features.append("passive")
    features += _child_features(sentence, i, lemma, where)
    if i in where.owner:
        features.append(f"is_mention={where.owner[i]}")
    if "armed" in where.side.values():
        features += ["armed_sentence", f"lemma|armed_sentence={lemma}"]
    entry = entry_for(sentence, token, verbs)
    if entry is not None and entry.code:
        root = entry.code[:2]
        features += [f"dict={root}", f"dict|lemma={root}|{lemma}", f"dict|pos={root}|{token.pos}"]
    return [(name, 1.0) for name in features]


def _child_features(sentence: Sentence, i: int, lemma: str, where: MentionMap) -> list[str]:
    """Return the features the dependents of token `i` give it."""
    features = []
    deps = set()
    for child in sentence.children(i):
        dep = argument_dep(sentence, child.i)
        deps.add(dep)
        child_lemma = child.lemma.lower()
        features.append(f"child={dep}")
        if dep in COMPLEMENT_DEPS:
            features.append(f"lemma|child={lemma}|{dep}")
        if dep == "neg":
            features.append("negated")
        elif dep in ("aux", "auxpass") and child_lemma in MODALS:
            features.append(f"modal={child_lemma}")
        elif dep in ("prep", "prt", "agent"):
            features.append(f"lemma|{dep}={lemma}|{child_lemma}")
            for grand in sentence.children(child.i):
                if grand.dep == "pobj":
                    object_lemma = grand.lemma.lower()
                    features.append(f"prep|pobj={child_lemma}|{object_lemma}")
                    features.append(f"lemma|prep|pobj={lemma}|{child_lemma}|{object_lemma}")
                    kind = where.owner.get(grand.i)
                    if kind is not None or grand.i in where.above:
                        features.append(f"prep_arg={child_lemma}|{kind or 'inside'}")
        elif dep in OBJECT_DEPS:
            features += [f"lemma|obj={lemma}|{child_lemma}", f"obj={child_lemma}"]
            if child_lemma in ASSET_ROLES:  # "attacked opposition positions", "struck a base"
                features += ["asset_obj", f"lemma|asset_obj={lemma}"]
        elif dep in ("compound", "amod"):
            features += [f"{dep}={child_lemma}", f"lemma|{dep}={lemma}|{child_lemma}"]
        elif dep == "advcl" and _conditional(sentence, child.i):
            # "if Turkey does anything ..., I will totally destroy ... the Economy of Turkey",
            # "would retaliate if Japan did not move": an act made to hang on another is
            # threatened or demanded, not done (CAMEO 13, 10)
            features += ["conditional", f"lemma|conditional={lemma}"]
        kind = where.owner.get(child.i)
        if kind is not None:
            side = where.side[child.i]
            features += [f"arg={dep}|{kind}", f"lemma|arg={lemma}|{dep}", f"side={dep}|{side}"]
            features.append(f"lemma|side={lemma}|{dep}|{side}")
        elif child.i in where.above:
            features.append(f"arg_inside={dep}")
    if deps & OBJECT_DEPS and "xcomp" in deps:
        # "encouraged the CIA to release the files", "urged Trump to veto": someone is asked
        # to act (an appeal or demand), not praised or met
        features += ["object_to_act", f"lemma|object_to_act={lemma}"]
    return features


def _conditional(sentence: Sentence, clause: int) -> bool:
    """Return whether the adverbial clause at `clause` is a condition ("if", "unless")."""
    return any(
        child.dep == "mark" and child.lemma.lower() in CONDITIONS
        for child in sentence.children(clause)
    )


def trigger_tokens(sentence: Sentence) -> list[int]:
    """Return the tokens that may trigger an event, in text order."""
    return [t.i for t in sentence.tokens if t.pos in TRIGGER_POS and t.text.isalpha()]


def trigger_probabilities(
    sentence: Sentence,
    mentions: Sequence[Mention],
    verbs: VerbDictionary,
    trigger: LinearModel,
    lexicon: frozenset[str],
) -> dict[int, dict[str, float]]:
    """Return token index -> root -> probability for the sentence's possible triggers."""
    where = MentionMap.build(sentence, mentions)
    tokens = []
    rows = []
    for i in trigger_tokens(sentence):
        token = sentence.tokens[i]
        if token.lemma.lower() not in lexicon and entry_for(sentence, token, verbs) is None:
            continue
        tokens.append(i)
        rows.append(trigger_features(sentence, i, mentions, verbs, where))
    if not rows:
        return {}
    probs = trigger.probabilities_many(rows)
    return {
        i: dict(zip(trigger.classes, (float(p) for p in row), strict=True))
        for i, row in zip(tokens, probs, strict=True)
    }


def trigger_token(sentence: Sentence, span: tuple[int, int] | None) -> int | None:
    """Return the token of a gold trigger span (document offsets) that the model scores."""
    if span is None:
        return None
    inside = [t for t in sentence.tokens if span[0] <= t.start < span[1]]
    usable = [t for t in inside if t.pos in TRIGGER_POS and t.text.isalpha()]
    verbs = [t for t in usable if t.pos == "VERB"]
    chosen = verbs[-1] if verbs else usable[-1] if usable else None
    return chosen.i if chosen is not None else None


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """A parsed sentence with its mentions and gold triggers: (token, root, full code)."""

    sentence: Sentence
    mentions: Sequence[Mention]
    triggers: tuple[tuple[int, str, str], ...]


def trigger_lexicon(sentences: Sequence[LabelledSentence]) -> frozenset[str]:
    """Return the lemmas of every gold trigger of `sentences`."""
    return frozenset(
        s.sentence.tokens[i].lemma.lower() for s in sentences for i, _, _ in s.triggers
    )


def trigger_rows(
    sentences: Sequence[LabelledSentence], verbs: VerbDictionary, lexicon: frozenset[str]
) -> tuple[list[Row], list[str]]:
    """Return the trigger model's rows and labels (a root, or "none") for `sentences`."""
    rows: list[Row] = []
    labels: list[str] = []
    for labelled in sentences:
        sentence = labelled.sentence
        roots = Counter({i: root for i, root, _ in labelled.triggers}.items())
        wanted = {i: root for (i, root), _ in roots.most_common()}
        where = MentionMap.build(sentence, labelled.mentions)
        for i in trigger_tokens(sentence):
            token = sentence.tokens[i]
            if token.lemma.lower() not in lexicon and entry_for(sentence, token, verbs) is None:
                continue
            rows.append(trigger_features(sentence, i, labelled.mentions, verbs, where))
            labels.append(wanted.get(i, NONE))
    return rows, labels


def train_trigger_model(
    sentences: Sequence[LabelledSentence], verbs: VerbDictionary
) -> tuple[LinearModel, frozenset[str]]:
    """Return the trigger model trained on `sentences`, and the trigger lexicon it scores."""
    lexicon = trigger_lexicon(sentences)
    x, y = trigger_rows(sentences, verbs, lexicon)
    model = linear.train(
        x,
        y,
        l2=TRIGGER_L2,
        steps=TRIGGER_STEPS,
        classes=ROOT_CLASSES,
        row_weights=[1.0 if label == NONE else EVENT_WEIGHT for label in y],
    )
    return model, lexicon
