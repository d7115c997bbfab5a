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

from dyad.coder.patterns import entry_for
from dyad.dictionaries.entries import VerbDictionary
from dyad.learn import linear
from dyad.learn.candidates import MODALS, OBJECT_DEPS, passive
from dyad.learn.linear import LinearModel, Row
from dyad.records import Mention, Sentence

TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})
NONE = "none"
ROOT_CLASSES = (NONE, *[f"{n:02d}" for n in range(1, 21)])
TRIGGER_L2 = 2.0
TRIGGER_STEPS = 300


@dataclass(frozen=True, slots=True)
class MentionMap:
    """Where a sentence's mentions are: their heads, and every token dominating one."""

    owner: dict[int, str]  # mention head -> "actor" or "agent"
    above: frozenset[int]  # tokens whose subtree holds a mention head

    @staticmethod
    def build(sentence: Sentence, mentions: Sequence[Mention]) -> MentionMap:
        owner = {m.last: "agent" if m.rule == "agent" else "actor" for m in mentions}
        above: set[int] = set()
        for head in owner:
            current = head
            while current not in above:
                above.add(current)
                parent = sentence.tokens[current].head
                if parent == current:
                    break
                current = parent
        return MentionMap(owner, frozenset(above))


def trigger_features(
    sentence: Sentence,
    i: int,
    mentions: Sequence[Mention],
    verbs: VerbDictionary,
    where: MentionMap | None = None,
) -> list[tuple[str, float]]:
    """Return the feature row of token `i` as a possible event trigger.

    `where` (built once per sentence by the caller) saves rebuilding it for every token.
    """
    token = sentence.tokens[i]
    lemma = token.lemma.lower()
    head = sentence.tokens[token.head]
    children = sentence.children(i)
    where = where or MentionMap.build(sentence, mentions)
    owner = where.owner
    features = [
        f"lemma={lemma}",
        f"pos={token.pos}",
        f"tag={token.tag}",
        f"dep={token.dep}",
        f"lemma|pos={lemma}|{token.pos}",
        f"lemma|dep={lemma}|{token.dep}",
        f"head={head.lemma.lower()}",
        f"head|lemma={head.lemma.lower()}|{lemma}",
        f"segment={sentence.segment.kind}",
        f"suffix={lemma[-3:]}",
    ]
    if passive(sentence, i):
        features.append("passive")
    for child in children:
        dep = child.dep
        features.append(f"child={dep}")
        if dep == "neg":
            features.append("negated")
        elif dep in ("aux", "auxpass") and child.lemma.lower() in MODALS:
            features.append(f"modal={child.lemma.lower()}")
        elif dep in ("prep", "prt", "agent"):
            features.append(f"lemma|{dep}={lemma}|{child.lemma.lower()}")
        elif dep in OBJECT_DEPS:
            features.append(f"lemma|obj={lemma}|{child.lemma.lower()}")
        kind = owner.get(child.i)
        if kind is not None:
            features.append(f"arg={dep}|{kind}")
            features.append(f"lemma|arg={lemma}|{dep}")
        elif child.i in where.above:
            features.append(f"arg_inside={dep}")
    if i in owner:
        features.append(f"is_mention={owner[i]}")
    entry = entry_for(sentence, token, verbs) if token.pos == "VERB" else None
    if entry is not None and entry.code:
        features.append(f"dict={entry.code[:2]}")
        features.append(f"dict|lemma={entry.code[:2]}|{lemma}")
    return [(name, 1.0) for name in features]


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
    result = {}
    where = MentionMap.build(sentence, mentions)
    for i in trigger_tokens(sentence):
        token = sentence.tokens[i]
        if token.lemma.lower() not in lexicon and entry_for(sentence, token, verbs) is None:
            continue
        row = trigger_features(sentence, i, mentions, verbs, where)
        probs = trigger.probabilities(row)
        result[i] = dict(zip(trigger.classes, (float(p) for p in probs), strict=True))
    return result


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
    model = linear.train(x, y, l2=TRIGGER_L2, steps=TRIGGER_STEPS, classes=ROOT_CLASSES)
    return model, lexicon
