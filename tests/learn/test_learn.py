"""Coder v2's learned parts: the linear models, calibration, candidates and the hook.

Rule-like tests build their parse by hand (`parses.make_sentence`); the shipped weights are
only checked for shape and loading, never for exact outputs.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from dyad.coder.compose import EventCode
from dyad.config import load_config
from dyad.errors import ConfigError
from dyad.evaluate.calibration import (
    Bin,
    chance_error,
    expected_calibration_error,
    ranking,
    reliability,
)
from dyad.evaluate.realtext import Coded, GoldDocument, GoldSentence
from dyad.learn import candidates as cand
from dyad.learn import coder, linear
from dyad.learn.coder import MODEL_FILE, LearnedCoder, Models, score_candidates
from dyad.learn.training import Recorded, _attach_gold, rank_rows
from dyad.learn.triggers import trigger_features
from dyad.records import Actor, Mention, Segment, SegmentKind, Sentence
from parses import make_sentence

TOY = [
    ([("word=attack", 1.0)], "19"),
    ([("word=attack", 1.0), ("neg", 1.0)], "none"),
    ([("word=meet", 1.0)], "04"),
    ([("word=meet", 1.0)], "04"),
    ([("word=table", 1.0)], "none"),
    ([("word=attack", 1.0)], "19"),
    ([("word=table", 1.0)], "none"),
    ([("neg", 1.0), ("word=table", 1.0)], "none"),
]


def _toy_model() -> linear.LinearModel:
    rows, labels = zip(*TOY, strict=True)
    return linear.train(rows, labels, l2=0.1, steps=200, min_count=1)


def test_linear_learns_and_is_deterministic() -> None:
    first, second = _toy_model(), _toy_model()
    assert np.array_equal(first.weights, second.weights)
    probs = first.probabilities([("word=attack", 1.0)])
    assert first.classes[int(np.argmax(probs))] == "19"
    assert probs.sum() == pytest.approx(1.0)


def test_linear_json_round_trip_keeps_probabilities(tmp_path: Path) -> None:
    model = _toy_model()
    linear.save({"m": model}, {"table": {"a": 1}}, tmp_path / "w.json")
    loaded, extra = linear.load(tmp_path / "w.json")
    row = [("word=meet", 1.0), ("unseen", 1.0)]
    assert np.allclose(loaded["m"].probabilities(row), model.probabilities(row), atol=1e-3)
    assert extra == {"table": {"a": 1}}


def test_linear_drops_rare_features() -> None:
    rows, labels = zip(*TOY, strict=True)
    model = linear.train(rows, labels, steps=5, min_count=2)
    assert "neg" in model.index and "word=attack" in model.index
    assert set(model.index) <= {"neg", "word=attack", "word=meet", "word=table"}


@pytest.mark.parametrize(
    ("scored", "ece"),
    [
        ([(0.25, True), (0.25, False), (0.25, False), (0.25, False)], 0.0),
        ([(0.95, False), (0.95, False)], 0.95),
        ([], 0.0),
    ],
)
def test_calibration_error(scored: list[tuple[float, bool]], ece: float) -> None:
    assert expected_calibration_error(reliability(scored)) == pytest.approx(ece)


def test_chance_error_is_the_noise_of_a_perfectly_calibrated_coder() -> None:
    assert chance_error([]) == (0.0, 0.0)
    assert chance_error([0.5]) == (0.5, 0.5)  # one event is right or wrong: off by 0.5
    assert chance_error([1.0] * 10) == (0.0, 0.0)  # sure and always right
    few = [0.55, 0.65, 0.75, 0.85, 0.95] * 13  # 65 events across five bins
    many = few * 40
    mean_few, high_few = chance_error(few)
    mean_many, high_many = chance_error(many)
    assert 0.05 < mean_few < high_few < 0.2  # a floor of 0.05 is chance's own on 65 events
    assert mean_many < 0.02 and high_many < mean_few  # it shrinks as the events grow
    assert chance_error(few) == (mean_few, high_few)  # seeded: the same figure each run


def test_ranking_reads_average_precision_and_recall_at_the_floor() -> None:
    # ranked: right (1/1), wrong (1/2), right (2/3), wrong (2/4); 4 gold events
    scored = [(0.3, False), (0.9, True), (0.5, True), (0.6, False)]
    average, reach = ranking(scored, gold=4)
    assert average == pytest.approx((1 / 1 + 2 / 3) / 4)
    assert reach == pytest.approx(1 / 4)  # only the first event keeps precision >= 0.75
    assert ranking(scored, gold=4, floor=0.6)[1] == pytest.approx(2 / 4)  # 2 of 3 right
    assert ranking([], gold=0) == (0.0, 0.0)
    assert ranking([(0.2, False)], gold=3) == (0.0, 0.0)


def test_reliability_table_is_consistent() -> None:
    scored = [(n / 20, n % 3 == 0) for n in range(21)]  # 0.0 .. 1.0
    table = reliability(scored)
    assert len(table) == 10
    assert sum(b.count for b in table) == len(scored)
    assert table[-1].count == 3  # 0.9, 0.95 and 1.0: a confidence of 1 is binned last
    for b in table:
        assert b.count == 0 or b.low <= b.confidence <= b.high
        assert 0.0 <= b.accuracy <= 1.0
    assert isinstance(table[0], Bin)


def _joint_sentence():  # "An Afghan and coalition force detained two insurgents ."
    sentence = make_sentence(
        "An Afghan and coalition force detained two insurgents .",
        [4, 4, 1, 1, 5, 5, 7, 5, 5],
        "det amod cc conj nsubj ROOT nummod dobj punct",
        lemmas="an afghan and coalition force detain two insurgent .",
        tags="DT JJ CC NN NN VBD CD NNS .",
        pos="DET ADJ CCONJ NOUN NOUN VERB NUM NOUN PUNCT",
    )
    mentions = [
        Mention(1, 1, Actor("Afghan", "AFG"), "actor"),
        Mention(3, 3, Actor("coalition", "IGOWSTNATMIL"), "actor"),
        Mention(4, 4, Actor("force", "~MIL"), "agent"),
        Mention(7, 7, Actor("insurgents", "REB"), "agent"),
    ]
    return sentence, mentions


def test_joint_force_is_two_sources_and_remembered() -> None:
    sentence, mentions = _joint_sentence()
    memory = cand.DocumentMemory("d")
    codes = {p.code for p in cand.parties(sentence, 4, mentions, "AFG", memory)}
    assert codes == {"AFGMIL", "IGOWSTNATMIL"}
    assert [p.code for p in cand.parties(sentence, 7, mentions, "AFG", memory)] == ["AFGREB"]
    later = make_sentence("The force searched .", [1, 2, 2, 2], "det nsubj ROOT punct")
    remembered = cand.parties(
        later, 1, [Mention(1, 1, Actor("force", "~MIL"), "agent")], "AFG", memory
    )
    assert {p.code for p in remembered} == {"AFGMIL", "IGOWSTNATMIL"}


@pytest.mark.parametrize(("code", "renamed"), [("USAPPL", "USACVL"), ("AFGMIL", "AFGMIL")])
def test_people_are_civilians(code: str, renamed: str) -> None:
    assert cand._rename(code) == renamed


def test_passive_is_read_from_the_auxiliary() -> None:
    sentence = make_sentence(
        "Two insurgents were detained .",
        [1, 3, 3, 3, 3],
        "nummod nsubjpass auxpass ROOT punct",
        lemmas="two insurgent be detain .",
        tags="CD NNS VBD VBN .",
        pos="NUM NOUN AUX VERB PUNCT",
    )
    assert cand.passive(sentence, 3) and not cand.passive(sentence, 1)


def _headline(
    words: str,
    heads: list[int],
    deps: str,
    tags: str,
    pos: str,
    kind: SegmentKind,
    lemmas: str = "",
) -> Sentence:
    """Return a hand-built sentence in a segment of `kind` ("headline" or "article")."""
    segment = Segment(kind, 0, len(words))
    return make_sentence(words, heads, deps, lemmas or None, tags, pos, segment=segment)


def test_a_headline_drops_the_passive_auxiliary() -> None:
    # "Top separatist commander assassinated": the parser tags the verb VBD, no auxiliary
    words, deps = "Top separatist commander assassinated", "amod compound nsubj ROOT"
    tags, pos = "JJ NN NN VBD", "ADJ NOUN NOUN VERB"
    assert cand.passive(_headline(words, [2, 2, 3, 3], deps, tags, pos, "headline"), 3)
    # the same words in an article's sentence, and a headline's act with its object, are active
    assert not cand.passive(_headline(words, [2, 2, 3, 3], deps, tags, pos, "article"), 3)
    met = _headline(
        "Merkel met Trump",
        [1, 1, 1],
        "nsubj ROOT dobj",
        "NNP VBD NNP",
        "PROPN VERB PROPN",
        "headline",
    )
    assert not cand.passive(met, 1)
    # a headline segment that is a whole sentence keeps its article: read as written
    fired = _headline(
        "the security force fired",
        [2, 2, 3, 3],
        "det compound nsubj ROOT",
        "DT NN NN VBD",
        "DET NOUN NOUN VERB",
        "headline",
    )
    assert not cand.passive(fired, 3)


@pytest.mark.parametrize(("kind", "suspect"), [("headline", True), ("article", False)])
def test_a_headline_passive_subject_of_an_arrest_is_the_suspect(
    kind: SegmentKind, suspect: bool
) -> None:
    sentence = _headline(
        "Man arrested over murder",
        [1, 1, 1, 2],
        "nsubj ROOT prep pobj",
        "NN VBD IN NN",
        "NOUN VERB ADP NOUN",
        kind,
        lemmas="man arrest over murder",
    )
    assert cand._held_for_crime(sentence, sentence.tokens[0]) is suspect


def test_trigger_features_are_deterministic() -> None:
    sentence, mentions = _joint_sentence()
    verbs = _models_and_verbs()[1]
    first = trigger_features(sentence, 5, mentions, verbs)
    assert first == trigger_features(sentence, 5, mentions, verbs)
    assert ("lemma=detain", 1.0) in first and ("arg=dobj|agent", 1.0) in first


def _models_and_verbs():
    from dyad.dictionaries.loader import load_verb_dictionary

    verbs, _ = load_verb_dictionary(None)
    return Models.read(), verbs


def test_shipped_weights_load() -> None:
    models = Models.read()
    assert models.trigger.classes[0] == "none" and len(models.trigger.classes) == 21
    assert models.ranker.classes == ("0", "1")
    assert models.arguments.classes == ("none", "source", "target")
    assert "detain" in models.lexicon
    data = json.loads(MODEL_FILE.read_text())
    assert data["summary"]["rank_positive"] > 0


def _judge(code: EventCode) -> str:
    return "asserted"


@pytest.mark.parametrize("threshold", [0.0, 0.3, 1.0])
def test_min_confidence_filters(threshold: float) -> None:
    sentence, mentions = _joint_sentence()
    models, verbs = _models_and_verbs()
    found = LearnedCoder(models, verbs, threshold).rank(
        cand.DocumentMemory("d"), sentence, mentions, [], "AFG", _judge
    )
    everything = LearnedCoder(models, verbs, 0.0).rank(
        cand.DocumentMemory("d"), sentence, mentions, [], "AFG", _judge
    )
    assert everything and all(0.0 <= p <= 1.0 for _, p in everything)
    assert [(c, p) for c, p in everything if p >= threshold] == found
    assert [p for _, p in found] == sorted((p for _, p in found), reverse=True)


def test_equal_events_keep_the_likeliest() -> None:
    models = Models.read()
    code = EventCode(5, Actor("x", "AFGMIL"), Actor("y", "AFGREB"), "173", "rule:x")
    candidates = [_candidate(code, 0.9), _candidate(code, 0.2)]
    ranked = score_candidates(candidates, _judge, "article", models.ranker)
    assert len(ranked) == 1


def test_a_bare_state_and_its_government_are_one_event() -> None:
    # "Turkey's President Erdogan met Putin": TUR and TURGOV are one reading (guide, sec. 3)
    models = Models.read()
    state = EventCode(5, Actor("Turkey", "TUR"), Actor("Putin", "RUSGOV"), "040", "rule:x")
    leader = EventCode(5, Actor("Erdogan", "TURGOV"), Actor("Putin", "RUSGOV"), "040", "rule:x")
    forces = EventCode(5, Actor("Turkey", "TURMIL"), Actor("Putin", "RUSGOV"), "040", "rule:x")
    ranked = score_candidates(
        [_candidate(state, 0.9), _candidate(leader, 0.8)], _judge, "article", models.ranker
    )
    assert len(ranked) == 1
    ranked = score_candidates(
        [_candidate(state, 0.9), _candidate(forces, 0.8)], _judge, "article", models.ranker
    )
    assert len(ranked) == 2  # the state's forces are another actor


def test_every_copy_of_a_right_event_is_labelled_right_for_the_ranker() -> None:
    # "Turkey's President Erdogan met Putin" read twice, as TUR and as TURGOV: the coder keeps
    # only the likelier copy, so the ranker learns each copy as right (until session 40 the
    # second copy was labelled wrong, and the kept events came out under-confident)
    sentence, mentions = _joint_sentence()
    models, verbs = _models_and_verbs()
    state = EventCode(5, Actor("Turkey", "TUR"), Actor("Putin", "RUSGOV"), "040", "rule:x")
    leader = EventCode(5, Actor("Erdogan", "TURGOV"), Actor("Putin", "RUSGOV"), "040", "rule:x")
    other = EventCode(5, Actor("Erdogan", "TURGOV"), Actor("Putin", "RUSGOV"), "111", "rule:x")
    record = Recorded("d", sentence, [], [state, leader, other], None, _judge)
    record.gold = (Coded("TURGOV", "RUSGOV", "040", "asserted"),)

    rows, labels, weights, events = rank_rows([record], verbs, models)

    features = [dict(row) for row in rows]
    copies = [i for i, row in enumerate(features) if "root=04" in row]
    assert len(copies) == 2 and all(labels[i] == "1" for i in copies)
    assert labels.count("0") == len(labels) - 2  # the 111 and any learned candidate
    # the event counts once in the ranker's loss: each of its two copies weighs a half
    assert [weights[i] for i in copies] == [0.5, 0.5]
    assert len(weights) == len(rows)
    # both copies would become one event, the 111 another
    assert len({events[i] for i in copies}) == 1 and len(set(events)) == len(rows) - 1


def test_a_name_and_its_apposition_are_one_event() -> None:
    # "Jim Mattis, the new US defence secretary, warned NATO allies": USAGOV (the name) and
    # USAGOVMIL (the apposition) are one actor at country + first role, as the guide scores
    models = Models.read()
    name = EventCode(5, Actor("Jim Mattis", "USAGOV"), Actor("NATO", "IGOWSTNAT"), "130", "x")
    office = EventCode(
        5, Actor("US defence secretary", "USAGOVMIL"), Actor("NATO", "IGOWSTNAT"), "130", "x"
    )
    ranked = score_candidates(
        [_candidate(name, 0.9), _candidate(office, 0.8)], _judge, "article", models.ranker
    )
    assert [code.source.code for code, _ in ranked] in (["USAGOV"], ["USAGOVMIL"])
    police = replace(name, source=Actor("Afghan police", "AFGCOP"))
    army = replace(name, source=Actor("Afghan army", "AFGMIL"))
    ranked = score_candidates(
        [_candidate(police, 0.9), _candidate(army, 0.8)], _judge, "article", models.ranker
    )
    assert len(ranked) == 2  # two forces of one country are two actors


def _candidate(code: EventCode, p: float):
    from dyad.learn.coder import Candidate

    return Candidate(code, "learned", p, "country+role", "context+role", "detain")


@pytest.mark.parametrize("value", ["1.5", "-0.1", "true"])
def test_min_confidence_setting_is_checked(value: str) -> None:
    with pytest.raises(ConfigError, match="min_confidence"):
        load_config(overrides=[f"coder.min_confidence={value}"])


def test_ranker_is_a_stage_before_time_and_place() -> None:
    from dyad.coder.pipeline import STAGES

    names = [stage.name for stage in STAGES]
    assert names.index("verbs") < names.index("ranker") < names.index("time")


def test_confidence_travels_in_the_contract() -> None:
    from dyad.records import DatePoint, Event, Segment

    event = Event(
        "e", "d", "s", 0, 1, Segment("article", 0, 1), Actor("x", "AFGMIL"), None, "173", 4,
        -5.0, None, DatePoint.unknown(), None, "asserted", None, "rule",
        {"confidence": "0.8123"}, 0.8123,
    )  # fmt: skip
    assert Event.from_dict(event.to_dict()).confidence == pytest.approx(0.8123)


def test_probabilities_many_is_the_softmax_of_each_row() -> None:
    model = _toy_model()
    rows = [[("word=attack", 1.0)], [], [("word=meet", 1.0), ("unseen", 1.0), ("neg", 2.0)]]
    many = model.probabilities_many(rows)
    assert many.shape == (3, len(model.classes))
    for row, probs in zip(rows, many, strict=True):
        known = [(model.index[name], value) for name, value in row if name in model.index]
        scores = model.weights[-1] + sum(
            (value * model.weights[at] for at, value in known), np.zeros(len(model.classes))
        )
        expected = np.exp(scores - scores.max())
        assert np.allclose(probs, expected / expected.sum())


@pytest.mark.parametrize(
    ("dictionary", "learned", "expected"),
    [
        ("171", ("173", 48), "173"),  # train settled "capture" as 173: it outweighs PETRARCH's 171
        ("171", ("173", 2), "171"),  # two annotations do not outweigh the dictionary
        ("", ("173", 1), "173"),  # no dictionary code of the root: train's, however rare
        ("190", ("173", 1), "173"),  # the dictionary's code of another root does not count
        ("", None, "170"),  # nothing known: the root's own code
    ],
)
def test_subcode_prefers_settled_train_choice(
    dictionary: str, learned: tuple[str, int] | None, expected: str
) -> None:
    assert coder._subcode("17", dictionary, learned) == expected


def test_shipped_subcodes_carry_their_counts() -> None:
    subcodes = Models.read().subcodes
    code, count = subcodes["capture|17"]
    assert code == "173" and count >= coder.SETTLED


@pytest.mark.model
def test_no_candidate_acts_on_itself() -> None:
    """One actor read under two heads of its name is never both source and target."""
    from dyad.coder.pipeline import Resources, code_documents
    from dyad.records import Document

    resources = Resources.load(load_config(overrides=["coder.min_confidence=0"]))
    text = "Tehrik-i-Taliban Pakistan claimed the attack on the police station."
    document = Document("t", text, "test", date="2017-02-16")
    events = [e for _doc, found in code_documents([document], resources) for e in found]
    assert any(e.source.code == "PAKREB" for e in events)
    assert not [e for e in events if e.target and e.source.text == e.target.text]


def test_the_ranker_knows_the_storys_own_actors_and_dyads() -> None:
    from dyad.learn.coder import rank_features, remember, seen_before

    memory = cand.DocumentMemory("d")
    first = EventCode(5, Actor("U.S.", "USA"), Actor("Kuwait", "KWTGOV"), "074", "x")
    unknown = EventCode(2, Actor("", "---"), Actor("Iraq", "IRQMIL"), "190", "x")
    remember([_candidate(first, 0.5), _candidate(unknown, 0.5)], memory)
    remember([_candidate(first, 0.5)], memory)
    # either way round, a bare state as its government; "---" is no actor
    later = EventCode(7, Actor("Kuwait", "KWT"), Actor("Washington", "USAGOV"), "030", "x")
    assert seen_before(_candidate(later, 0.5), memory) == (2, 2, 2)
    new = EventCode(7, Actor("Iran", "IRN"), Actor("Iraq", "IRQMIL"), "190", "x")
    assert seen_before(_candidate(new, 0.5), memory) == (0, 0, 1)
    assert seen_before(_candidate(new, 0.5), cand.DocumentMemory()) == (0, 0, 0)
    row = dict(rank_features(_candidate(later, 0.5), "asserted", "article", 2, (2, 2, 2)))
    assert row["seen_dyad=2"] == row["seen_both=True"] == 1.0


def test_the_ranker_knows_how_likely_a_candidates_reverse_is() -> None:
    from dyad.learn.coder import rank_features, reversals

    # "China and the EC signed an agreement": each way round, at the same root
    forth = EventCode(1, Actor("China", "CHN"), Actor("EC", "IGOEUREEC"), "057", "x")
    back = EventCode(1, Actor("EC", "IGOEUREEC"), Actor("China", "CHNGOV"), "057", "x")
    other_root = EventCode(1, Actor("EC", "IGOEUREEC"), Actor("China", "CHN"), "040", "x")
    alone = EventCode(1, Actor("China", "CHN"), None, "057", "x")
    found = [_candidate(c, 0.5) for c in (forth, back, other_root, alone)]
    found = [replace(c, source_p=0.8, target_p=0.5) for c in found]
    assert reversals(found) == [0.2, 0.2, 0.0, 0.0]
    row = dict(rank_features(found[0], "asserted", "article", 4, reverse=0.2))
    assert row["reverse=True"] == row["reverse|root=True|05"] == 1.0
    assert row["reverse"] == 0.2


def test_the_story_memory_is_the_documents_reading_not_the_coders() -> None:
    sentence, mentions = _joint_sentence()
    models, verbs = _models_and_verbs()
    coder = LearnedCoder(models, verbs, 0.0)
    memory = cand.DocumentMemory("a")
    first = coder.rank(memory, sentence, mentions, [], "AFG", _judge)
    assert memory.actors and max(memory.actors.values()) == 1  # the candidates were counted
    # the same document read again from its start reads the same, whatever came before
    again = coder.rank(cand.DocumentMemory("a"), sentence, mentions, [], "AFG", _judge)
    assert again == first
    # a second sentence of the same reading sees the first one's actors
    later = coder.rank(memory, sentence, mentions, [], "AFG", _judge)
    assert max(memory.actors.values()) == 2
    assert [p for _, p in later] != [p for _, p in first]


def test_training_gives_a_sentence_the_gold_events_whose_trigger_it_holds() -> None:
    # "READ MORE: Taliban kills eight Afghan police in 'insider attack' Gunmen stormed a
    # hospital": the annotator's one sentence is two of the coder's (a link's title and the
    # sentence after it); each takes only the events triggered inside it
    text = "READ MORE: Taliban kills police Gunmen stormed a hospital ."
    killed = Coded("AFGREB", "AFGCOP", "190", "asserted")
    stormed = Coded("---", "AFGCVL", "180", "asserted")
    annotated = GoldSentence(0, len(text), False, (killed, stormed), ((19, 24), (39, 46)))
    gold = GoldDocument("d", "news", "f", 1, None, "", text, None, (annotated,))
    words = text.split()
    title = make_sentence(words[:5], [3, 3, 3, 3, 3], "dep dep nsubj ROOT dobj")
    after = replace(
        make_sentence(words[5:], [1, 1, 3, 1, 1], "nsubj ROOT det dobj punct"),
        start=32,
        end=len(text),
    )
    title = replace(title, start=0, end=31)
    first = Recorded("d", title, [], [], None, lambda code: "asserted")
    second = Recorded("d", after, [], [], None, lambda code: "asserted")
    _attach_gold(first, gold)
    _attach_gold(second, gold)
    assert first.gold == (killed,)
    assert second.gold == (stormed,)


def test_calibrated_scales_the_trees_by_each_events_out_of_fold_best_copy() -> None:
    pytest.importorskip("lightgbm")
    from dyad.learn import boosted
    from dyad.learn.training import FOLDS, CrossFit, calibrated

    rng = np.random.default_rng(11)
    rows: list[linear.Row] = []
    labels, events, folds = [], [], []
    for n in range(1500):
        score = float(rng.random())
        rows.append([("score", score), ("noise", float(rng.random()))])
        labels.append("1" if rng.random() < score else "0")
        events.append(f"e{n // 2}")  # two copies an event, as "Turkey" and "Erdogan"
        folds.append((n // 2) % FOLDS)
    labels[1::2] = labels[0::2]  # copies of one event are right or wrong together
    fitted = CrossFit(
        rows, labels, [0.5] * len(rows), events, folds, None, None, frozenset(), {}, {}
    )  # type: ignore[arg-type]
    ranker = boosted.train(rows, labels, weights=fitted.rank_weights)

    scaled = calibrated(ranker, fitted)

    assert np.array_equal(scaled.value, ranker.value)  # the same trees, only rescaled
    best: dict[str, tuple[float, bool]] = {}
    for fold in range(FOLDS):
        inside = [i for i in range(len(rows)) if folds[i] != fold]
        held = [i for i in range(len(rows)) if folds[i] == fold]
        model = boosted.train(
            [rows[i] for i in inside], [labels[i] for i in inside], weights=[0.5] * len(inside)
        )
        for i, total in zip(held, model.sums([rows[i] for i in held]), strict=True):
            if events[i] not in best or best[events[i]][0] < total:
                best[events[i]] = (float(total), labels[i] == "1")
    expected = boosted.fit_scale([t for t, _ in best.values()], [r for _, r in best.values()])
    assert scaled.scale == expected != (1.0, 0.0)


def test_cross_fitted_rows_are_reused_only_for_the_train_split_they_came_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib
    import pickle
    from types import SimpleNamespace

    from dyad.learn import training

    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "train.jsonl").write_text('{"doc_id": "a"}\n', encoding="utf-8")
    monkeypatch.setattr(training, "GOLD_FOLDER", gold)
    split = hashlib.sha256((gold / "train.jsonl").read_bytes()).hexdigest()
    cache = tmp_path / "rows.pkl"
    stored = SimpleNamespace(rank_rows=[[("p", 0.5)]])  # stands in for a CrossFit
    cache.write_bytes(pickle.dumps({"train_sha256": split, "fitted": stored}))
    monkeypatch.setattr(training, "record_split", lambda *_: pytest.fail("re-ran the pipeline"))
    assert training.cross_fitted(tmp_path, cache) == stored
    # the split changed (a round merged): the old rows are refused, not silently reused
    (gold / "train.jsonl").write_text('{"doc_id": "a"}\n{"doc_id": "b"}\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="another train split"):
        training.cross_fitted(tmp_path, cache)
