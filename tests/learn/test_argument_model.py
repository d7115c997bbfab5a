"""Coder v2's argument model: options, dependency paths, labels, and what it learns.

Parses are built by hand (`parses.make_sentence`); the shipped weights are checked only on
the plainest sentence, where any sane model must pick the subject as the source.
"""

from __future__ import annotations

from dyad.dictionaries.loader import load_verb_dictionary
from dyad.learn import arguments as args
from dyad.learn import candidates as cand
from dyad.learn.coder import Candidate, Models, _learned
from dyad.records import Actor, Mention, Segment
from parses import make_sentence, shared_subject_parse


def _learn_from(sentence, trigger, root, p, found, scored) -> list[Candidate]:
    """Return the learned candidates of `trigger` read as `root`, from given option scores."""
    verbs, _ = load_verb_dictionary(None)
    return _learned(sentence, trigger, root, p, (found, scored), verbs, Models.read())


def _attack():
    sentence = make_sentence(
        "Insurgents attacked a patrol of Afghan soldiers in Helmand .",
        [1, 1, 3, 1, 3, 6, 4, 1, 7, 1],
        "nsubj ROOT det dobj prep amod pobj prep pobj punct",
        lemmas="insurgent attack a patrol of afghan soldier in helmand .",
        tags="NNS VBD DT NN IN JJ NNS IN NNP .",
        pos="NOUN VERB DET NOUN ADP ADJ NOUN ADP PROPN PUNCT",
    )
    mentions = [
        Mention(0, 0, Actor("Insurgents", "REB"), "agent"),
        Mention(5, 5, Actor("Afghan", "AFG"), "actor"),
        Mention(6, 6, Actor("soldiers", "MIL"), "agent"),
        Mention(8, 8, Actor("Helmand", "AFG"), "actor"),
    ]
    return sentence, mentions


def test_dependency_path_names_prepositions_and_clause_crossings() -> None:
    sentence, _ = _attack()
    assert args.dependency_path(sentence, 1, 0) == ("down:nsubj", 1, False)
    assert args.dependency_path(sentence, 1, 6) == ("down:dobj>down:prep:of>down:pobj", 3, False)
    assert args.dependency_path(sentence, 0, 8) == ("up:nsubj>down:prep:in>down:pobj", 3, False)


def test_a_noun_conjunct_stands_where_its_first_conjunct_does() -> None:
    sentence = make_sentence(
        "Washington pressed China and Germany .",
        [1, 1, 1, 2, 2, 1],
        "nsubj ROOT dobj cc conj punct",
        tags="NNP VBD NNP CC NNP .",
        pos="PROPN VERB PROPN CCONJ PROPN PUNCT",
    )
    assert args.dependency_path(sentence, 1, 2) == ("down:dobj", 1, False)
    assert args.dependency_path(sentence, 1, 4) == ("down:dobj", 1, False)
    # joined verbs are no shared role: "pressed and threatened" crosses a clause
    verbs = make_sentence(
        "Washington pressed and threatened China .",
        [1, 1, 1, 1, 3, 1],
        "nsubj ROOT cc conj dobj punct",
        pos="PROPN VERB CCONJ VERB PROPN PUNCT",
    )
    assert args.dependency_path(verbs, 1, 4) == ("down:conj>down:dobj", 2, True)


def test_a_headline_passive_subject_is_on_the_passive_path() -> None:
    words = "Senator arrested in Manila"
    heads, deps = [1, 1, 1, 2], "nsubj ROOT prep pobj"
    tags, pos = "NNP VBD IN NNP", "PROPN VERB ADP PROPN"
    headline = make_sentence(
        words, heads, deps, tags=tags, pos=pos, segment=Segment("headline", 0, 26)
    )
    assert args.dependency_path(headline, 1, 0) == ("down:nsubjpass", 1, False)
    senator = args.Option(0, cand.Party("PHLLEG", "Senator", "full"))
    assert ("headdep=nsubjpass", 1.0) in args.option_features(headline, 1, "17", senator, 1)
    article = make_sentence(words, heads, deps, tags=tags, pos=pos)
    assert args.dependency_path(article, 1, 0) == ("down:nsubj", 1, False)


def test_a_state_participle_subject_is_its_active_subject() -> None:
    # "The government was engaged in fighting with rebels ." / "... was engaged by rebels ."
    words = "The government was engaged in fighting with rebels ."
    heads = [1, 3, 3, 3, 3, 4, 5, 6, 3]
    deps = "det nsubjpass auxpass ROOT prep pobj prep pobj punct"
    tags, pos = "DT NN VBD VBN IN NN IN NNS .", "DET NOUN AUX VERB ADP NOUN ADP NOUN PUNCT"
    lemmas = "the government be engage in fighting with rebel ."
    engaged = make_sentence(words, heads, deps, lemmas=lemmas, tags=tags, pos=pos)
    assert not cand.passive(engaged, 3)
    assert args.dependency_path(engaged, 3, 1) == ("down:nsubj", 1, False)
    assert args.dependency_path(engaged, 5, 1) == ("up:pobj>up:prep:in>down:nsubj", 3, False)
    by = make_sentence(
        "The government was engaged by rebels .", [1, 3, 3, 3, 3, 4, 3],
        "det nsubjpass auxpass ROOT agent pobj punct", lemmas="the government be engage by rebel .",
        tags="DT NN VBD VBN IN NNS .", pos="DET NOUN AUX VERB ADP NOUN PUNCT",
    )  # fmt: skip
    assert cand.passive(by, 3)
    assert args.dependency_path(by, 3, 1) == ("down:nsubjpass", 1, False)
    killed = make_sentence(
        "The leader was killed in fighting .", [1, 3, 3, 3, 3, 4, 3],
        "det nsubjpass auxpass ROOT prep pobj punct", lemmas="the leader be kill in fighting .",
        tags="DT NN VBD VBN IN NN .", pos="DET NOUN AUX VERB ADP NOUN PUNCT",
    )  # fmt: skip
    assert cand.passive(killed, 3)  # only participles that tell a state


def test_options_add_unknown_source_and_no_target_but_not_the_trigger() -> None:
    parties = [
        (0, cand.Party("AFGREB", "Insurgents", "context+role")),
        (1, cand.Party("X", "", "full")),
    ]
    found = args.options(parties, trigger=1)
    assert [o.head for o in found] == [0, None, None]
    assert found[1].party is not None and found[1].party.code == "---"
    assert found[2].party is None


def test_option_labels_follow_the_gold_actors_at_six_characters() -> None:
    sentence, _ = _attack()
    rebels = args.Option(0, cand.Party("AFGREB", "Insurgents", "context+role"))
    soldiers = args.Option(6, cand.Party("AFGMIL", "Afghan soldiers", "country+role"))
    unknown = args.Option(None, cand.Party("---", "", "unknown"))
    nothing = args.Option(None, None)
    gold = args.LabelledTrigger(
        sentence,
        1,
        "19",
        (rebels, soldiers, unknown, nothing),
        frozenset({"AFGREB"}),
        frozenset({"AFGMIL"}),
    )
    labels = [args.option_label(o, gold, o.party.code if o.party else None) for o in gold.options]
    assert labels == ["source", "target", "none", "none"]


def test_speaker_option_is_scored_without_a_path() -> None:
    sentence, _ = _attack()
    speaker = args.Option(-1, cand.Party("USAGOV", "", "speaker"))
    row = dict(args.option_features(sentence, 1, "19", speaker, 3))
    assert "opt=speaker" in row and not any(name.startswith("path=") for name in row)


def test_crowd_option_is_its_own_kind() -> None:
    # the story's people who protest, named nowhere, learn apart from a speech's speaker
    sentence, _ = _attack()
    crowd = args.Option(cand.CROWD, cand.Party("AFGCVL", "", "crowd"))
    row = dict(args.option_features(sentence, 1, "14", crowd, 3))
    assert "opt|root=crowd|14" in row and "opt=speaker" not in row
    gold = args.LabelledTrigger(sentence, 1, "14", (crowd,), frozenset({"AFGCVL"}), frozenset({""}))
    assert args.option_label(crowd, gold, "AFGCVL") == "source"


def test_argument_model_learns_subject_source_and_object_target() -> None:
    sentence, mentions = _attack()
    parties = cand.sentence_parties(sentence, mentions, "AFG", cand.DocumentMemory("d"))
    found = tuple(args.options(parties, 1))
    gold = args.LabelledTrigger(
        sentence, 1, "19", found, frozenset({"AFGREB"}), frozenset({"AFGMIL"})
    )
    model = args.train_argument_model([gold] * 3)
    scored = args.option_probabilities(sentence, 1, "19", found, model)
    best_source = max(range(len(found)), key=lambda n: scored[n][0])
    best_target = max(range(len(found)), key=lambda n: scored[n][1])
    assert found[best_source].party.code == "AFGREB"
    assert found[best_target].party.code == "AFGMIL"


def test_shipped_argument_model_takes_the_subject_as_source() -> None:
    sentence, mentions = _attack()
    parties = cand.sentence_parties(sentence, mentions, "AFG", cand.DocumentMemory("d"))
    found = args.options(parties, 1)
    scored = args.option_probabilities(sentence, 1, "19", found, Models.read().arguments)
    best_source = max(range(len(found)), key=lambda n: scored[n][0])
    assert found[best_source].head == 0


def test_whom_a_claim_is_attributed_to_is_never_a_target() -> None:
    # "She blamed immigration, according to local media": the media report it (guide,
    # section 5: reported_by), they are not blamed
    sentence = make_sentence(
        "She blamed immigration , according to local media .",
        [1, 1, 1, 1, 1, 4, 7, 5, 1],
        "nsubj ROOT dobj punct prep prep amod pobj punct",
        lemmas="she blame immigration , accord to local medium .",
        pos="PRON VERB NOUN PUNCT VERB ADP ADJ NOUN PUNCT",
    )
    assert args.attributed(sentence, 7)
    assert not args.attributed(sentence, 2) and not args.attributed(sentence, None)
    she = cand.Party("FRAPTY", "She", "country+role")
    media = cand.Party("FRAMED", "local media", "context+role")
    found = args.options([(0, she), (7, media)], 1)
    # the argument model's scores, with the media the likeliest target
    scored = [(0.9, 0.0), (0.1, 0.8), (0.0, 0.0), (0.0, 0.1)]
    candidates = _learn_from(sentence, 1, "11", 0.9, found, scored)
    assert candidates and all(
        c.code.target is None or c.code.target.code != "FRAMED" for c in candidates
    )


def test_what_a_talk_is_about_is_never_a_target() -> None:
    # "Tillerson in China to discuss North Korea": coded USAGOV -> PRK 040 at 0.82 before;
    # the guide's talks are with someone, about something (section 2: topics are no party)
    sentence = make_sentence(
        "Tillerson went to China to discuss North Korea with Wang .",
        [1, 1, 1, 2, 5, 1, 7, 5, 5, 8, 1],
        "nsubj ROOT prep pobj aux advcl compound dobj prep pobj punct",
        lemmas="Tillerson go to China to discuss North Korea with Wang .",
        pos="PROPN VERB ADP PROPN PART VERB PROPN PROPN ADP PROPN PUNCT",
    )
    assert args.discussed(sentence, 5, 7)
    assert args.discussed(sentence, 5, 6)  # "North", the compound a party may stand at
    assert not args.discussed(sentence, 5, 9) and not args.discussed(sentence, 5, 0)
    assert not args.discussed(sentence, 1, 3) and not args.discussed(sentence, 5, None)
    talks = make_sentence(
        "Talks on trade about Syria with Japan", [0, 0, 1, 0, 3, 0, 5],
        "ROOT prep pobj prep pobj prep pobj", lemmas="talk on trade about Syria with Japan",
        pos="NOUN ADP NOUN ADP PROPN ADP PROPN",
    )  # fmt: skip
    assert args.discussed(talks, 0, 2) and args.discussed(talks, 0, 4)
    assert not args.discussed(talks, 0, 6)
    us = cand.Party("USAGOV", "Tillerson", "actor")
    korea = cand.Party("PRK", "North Korea", "actor")
    china = cand.Party("CHN", "China", "actor")
    found = args.options([(0, us), (7, korea), (3, china)], 5)
    scored = [(0.9, 0.0), (0.0, 0.8), (0.0, 0.3), (0.0, 0.0), (0.0, 0.1)]
    candidates = _learn_from(sentence, 5, "04", 0.9, found, scored)
    targets = {c.code.target.code if c.code.target else None for c in candidates}
    assert "PRK" not in targets and "CHN" in targets


def test_one_of_a_pair_acting_on_no_third_acts_on_the_other() -> None:
    # "Talks began in 2011 and the two sides sealed the deal in 2013": the gold codes
    # CHNGOV -> CHEGOV 046 and CHEGOV -> CHNGOV 046
    sentence = make_sentence(
        "the two sides sealed the deal .", [2, 2, 3, 3, 5, 3, 3],
        "det nummod nsubj ROOT det dobj punct", lemmas="the two side seal the deal .",
        pos="DET NUM NOUN VERB DET NOUN PUNCT",
    )  # fmt: skip
    china = cand.Party("CHNGOV", "the two sides", "pair")
    swiss = cand.Party("CHEGOV", "the two sides", "pair")
    found = args.options([(2, china), (2, swiss)], 3)
    # both sides likely sources; no target the likeliest target
    scored = [(0.8, 0.01), (0.7, 0.01), (0.0, 0.0), (0.0, 0.6)]
    candidates = _learn_from(sentence, 3, "04", 0.9, found, scored)
    dyads = {
        (c.code.source.code, c.code.target.code if c.code.target else None) for c in candidates
    }
    assert {("CHNGOV", "CHEGOV"), ("CHEGOV", "CHNGOV")} <= dyads
    partner = next(c for c in candidates if c.code.target and c.code.source.code == "CHNGOV")
    assert partner.target_p == 0.6 and partner.target_kind == "pair"
    assert partner.target_at.endswith("|pair")
    # two organisations are two sides too ("the EU and the UN ... the two sides")
    eu = cand.Party("IGOEUREEC", "the two sides", "pair")
    un = cand.Party("IGOUNO", "the two sides", "pair")
    bodies = _learn_from(sentence, 3, "04", 0.9, args.options([(2, eu), (2, un)], 3), scored)
    assert ("IGOEUREEC", "IGOUNO") in {
        (c.code.source.code, c.code.target.code) for c in bodies if c.code.target
    }
    # a party of another kind at one head is never its own target
    one = cand.Party("CHNGOV", "China", "country")
    lone = args.options([(2, one)], 3)
    alone = _learn_from(sentence, 3, "04", 0.9, lone, [(0.8, 0.0), (0.0, 0.0), (0.0, 0.6)])
    assert all(c.code.target is None for c in alone)


def test_joined_subjects_acting_on_no_third_act_on_each_other() -> None:
    # "Russia and Iran will sign an agreement": RUS -> IRN and IRN -> RUS, as the gold codes
    # "China and the European Community (EC) signed an agreement"
    sentence = make_sentence(
        "Russia and Iran will sign an agreement .", [4, 0, 0, 4, 4, 6, 4, 4],
        "nsubj cc conj aux ROOT det dobj punct",
        pos="PROPN CCONJ PROPN AUX VERB DET NOUN PUNCT",
    )  # fmt: skip
    assert args.co_subjects(sentence, 0, 2) and args.co_subjects(sentence, 2, 0)
    assert args.co_subjects(sentence, 0, 0)  # the phrase at "Russia" holds both
    assert not args.co_subjects(sentence, 0, 6) and not args.co_subjects(sentence, 2, 2)
    russia = cand.Party("RUS", "Russia", "country")
    iran = cand.Party("IRN", "Iran", "country")
    found = args.options([(0, russia), (0, iran), (2, iran)], 4)
    scored = [(0.9, 0.0), (0.9, 0.0), (0.5, 0.0), (0.0, 0.0), (0.0, 0.3)]
    candidates = _learn_from(sentence, 4, "05", 0.7, found, scored)
    dyads = {
        (c.code.source.code, c.code.target.code if c.code.target else None) for c in candidates
    }
    assert {("RUS", "IRN"), ("IRN", "RUS")} <= dyads
    # an object named: no partner is offered beside it
    signed = make_sentence(
        "Russia and Iran signed with Iraq .", [3, 0, 0, 3, 3, 4, 3],
        "nsubj cc conj ROOT prep pobj punct", pos="PROPN CCONJ PROPN VERB ADP PROPN PUNCT",
    )  # fmt: skip
    iraq = cand.Party("IRQ", "Iraq", "country")
    found = args.options([(0, russia), (2, iran), (5, iraq)], 3)
    scored = [(0.9, 0.0), (0.5, 0.0), (0.0, 0.9), (0.0, 0.0), (0.0, 0.01)]
    candidates = _learn_from(signed, 3, "05", 0.7, found, scored)
    assert {c.code.target.code for c in candidates if c.code.target} == {"IRQ"}


def test_the_rule_coders_topic_is_no_target_either() -> None:
    # the verb dictionary's "discuss" read "Rex Tillerson in China to discuss North Korea"
    # as USAGOV -> PRK 040 (0.58 on dev): dropped; Tillerson -> China stays a candidate
    from dyad.coder.compose import EventCode
    from dyad.learn.coder import _topic_target
    from dyad.records import Actor

    sentence = make_sentence(
        "Tillerson in China to discuss North Korea", [0, 0, 1, 4, 0, 6, 4],
        "ROOT prep pobj aux acl compound dobj",
        lemmas="Tillerson in China to discuss North Korea",
        pos="PROPN ADP PROPN PART VERB PROPN PROPN",
    )  # fmt: skip
    us = cand.Party("USAGOV", "Tillerson", "full")
    korea = cand.Party("PRK", "North Korea", "country")
    china = cand.Party("CHN", "China", "country")
    parties = [(0, us), (5, korea), (6, korea), (2, china)]
    tillerson = Actor("Tillerson", "USAGOV")

    def rule(target: str) -> EventCode:
        return EventCode(4, tillerson, Actor(target, target), "040", "rule")

    assert _topic_target(sentence, rule("PRK"), parties)
    assert not _topic_target(sentence, rule("CHN"), parties)
    assert not _topic_target(sentence, EventCode(4, tillerson, None, "040", "rule"), parties)


def test_the_media_a_speaker_addresses_are_no_party() -> None:
    # "In a statement to Al Jazeera , Aquino condemned the arrest .": Al Jazeera carries
    # the condemnation; it is not condemned, under its own head or the statement's
    sentence = make_sentence(
        "In a statement to Al Jazeera , Aquino condemned the arrest .",
        [8, 2, 0, 2, 5, 3, 8, 8, 8, 10, 8, 8],
        "prep det pobj prep compound pobj punct nsubj ROOT det dobj punct",
        lemmas="in a statement to Al Jazeera , Aquino condemn the arrest .",
        pos="ADP DET NOUN ADP PROPN PROPN PUNCT PROPN VERB DET NOUN PUNCT",
    )
    media = cand.Party("QATMED", "Al Jazeera", "full")
    assert args.addressed(sentence, 5, media) and args.addressed(sentence, 4, media)
    assert args.addressed(sentence, 2, media)  # the statement's phrase is the media's
    aquino = cand.Party("PHLLEG", "Aquino", "full")
    assert not args.addressed(sentence, 7, aquino)
    found = args.options([(7, aquino), (5, media), (2, media)], 8)
    scored = [(0.9, 0.0), (0.1, 0.8), (0.1, 0.7), (0.0, 0.0), (0.0, 0.1)]
    candidates = _learn_from(sentence, 8, "11", 0.9, found, scored)
    assert candidates and all(
        c.code.target is None or c.code.target.code != "QATMED" for c in candidates
    )
    # media acted on are a party: "Police raided the newspaper ."
    raided = make_sentence(
        "Police raided the newspaper .",
        [1, 1, 3, 1, 1],
        "nsubj ROOT det dobj punct",
        lemmas="police raid the newspaper .",
        pos="NOUN VERB DET NOUN PUNCT",
    )
    assert not args.addressed(raided, 3, cand.Party("TURMED", "newspaper", "context+role"))
    # "Zakharova told reporters ...": told's object is its audience
    told = make_sentence(
        "Zakharova told reporters .",
        [1, 1, 1, 1],
        "nsubj ROOT dobj punct",
        lemmas="Zakharova tell reporter .",
        pos="PROPN VERB NOUN PUNCT",
    )
    assert args.addressed(told, 2, cand.Party("RUSMED", "reporters", "context+role"))
    assert not args.addressed(told, 2, cand.Party("RUSGOV", "reporters", "context+role"))


def test_the_rule_coders_audience_is_no_party_either() -> None:
    from dyad.learn.coder import _audience

    sentence = make_sentence(
        "Aquino told Al Jazeera he condemned Duterte",
        [1, 1, 3, 1, 5, 1, 5],
        "nsubj ROOT compound dobj nsubj ccomp dobj",
        lemmas="Aquino tell Al Jazeera he condemn Duterte",
        pos="PROPN VERB PROPN PROPN PRON VERB PROPN",
    )
    media = cand.Party("QATMED", "Al Jazeera", "full")
    duterte = cand.Party("PHLGOV", "Duterte", "full")
    parties = [(0, cand.Party("PHLLEG", "Aquino", "full")), (3, media), (6, duterte)]
    assert _audience(sentence, Actor("Al Jazeera", "QATMED"), parties)
    assert not _audience(sentence, Actor("Duterte", "PHLGOV"), parties)
    assert not _audience(sentence, None, parties)


def test_a_conjoined_verbs_shared_subject_is_one_step_down() -> None:
    sentence = shared_subject_parse()
    hussein = args.Option(0, cand.Party("MED", "Hussein", "country"))
    row = dict(args.option_features(sentence, 6, "17", hussein, 2))
    assert row.get("path=down:nsubjpass") == 1.0  # not up:conj>up:conj>down:nsubjpass
    assert row.get("crossed=False") == 1.0
    assert row.get("path|voice=down:nsubjpass|passive") == 1.0
    authorities = args.Option(9, cand.Party("EGYGOV", "the authorities", "country+role"))
    row = dict(args.option_features(sentence, 6, "17", authorities, 2))
    assert row.get("path=down:agent:by>down:pobj") == 1.0  # its own agent, from the verb itself


def test_a_seized_party_is_arrested_and_seized_things_are_property() -> None:
    # "The police seized him ." (train codes "seized several weapons" 171, no target)
    sentence = make_sentence(
        "The police seized him .", [1, 2, 2, 2, 2], "det nsubj ROOT dobj punct",
        lemmas="the police seize he .", pos="DET NOUN VERB PRON PUNCT",
    )  # fmt: skip
    police = cand.Party("BLRCOP", "The police", "context+role")
    him = cand.Party("BLROPP", "him", "memory")
    found = args.options([(1, police), (3, him)], 2)
    scored = [(0.9, 0.0), (0.0, 0.8), (0.05, 0.0), (0.0, 0.3)]
    codes = {
        (c.code.target.code if c.code.target else None, c.code.code)
        for c in _learn_from(sentence, 2, "17", 0.9, found, scored)
    }
    assert ("BLROPP", "173") in codes  # capturing a person (the guide)
    assert (None, "171") in codes  # seizing with no party seized: property


def _relative(words, heads, deps, tags, lemmas):
    pos = " ".join(
        {"WP": "PRON", "WDT": "PRON", "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN"}.get(t, "VERB")
        if t not in ("DT", "IN", ".", ",")
        else {"DT": "DET", "IN": "ADP"}.get(t, "PUNCT")
        for t in tags.split()
    )
    return make_sentence(words, heads, deps, lemmas=lemmas, tags=tags, pos=pos)


def test_a_relative_clause_noun_stands_where_its_pronoun_stands() -> None:
    # "A gunman who attacked soldiers fled .": the gunman is the subject of "attacked"
    sentence = _relative(
        "A gunman who attacked soldiers fled .",
        [1, 5, 3, 1, 3, 5, 5],
        "det nsubj nsubj relcl dobj ROOT punct",
        "DT NN WP VBD NNS VBD .",
        "a gunman who attack soldier flee .",
    )
    assert args.argument_path(sentence, 3, 1) == ("down:nsubj", 1, False)
    assert args.argument_path(sentence, 3, 4) == ("down:dobj", 1, False)
    assert args.dependency_path(sentence, 3, 1) == ("up:relcl", 1, True)
    gunman = args.Option(1, cand.Party("FRACRM", "A gunman", "context+role"))
    assert ("path=down:nsubj", 1.0) in args.option_features(sentence, 3, "18", gunman, 2)
    # "Masood , who was shot by police , died .": the one shot
    shot = _relative(
        "Masood , who was shot by police , died .",
        [8, 0, 4, 4, 0, 4, 5, 0, 8, 8],
        "nsubj punct nsubjpass auxpass relcl agent pobj punct ROOT punct",
        "NNP , WP VBD VBN IN NNS , VBD .",
        "masood , who be shoot by police , die .",
    )
    assert args.argument_path(shot, 4, 0) == ("down:nsubjpass", 1, False)
    # the clause's own noun that is no pronoun's stays on its path ("the day police came")
    came = _relative(
        "the day police came",
        [1, 1, 3, 1],
        "det ROOT nsubj relcl",
        "DT NN NNS VBD",
        "the day police come",
    )
    assert args.argument_path(came, 3, 1) == ("up:relcl", 1, True)


def test_a_participle_noun_is_its_passive_or_active_subject() -> None:
    # "Insurgents killed in the raid were buried ." / "Gunmen firing on police fled ."
    killed = _relative(
        "Insurgents killed in the raid were buried .",
        [6, 0, 1, 4, 2, 6, 6, 6],
        "nsubjpass acl prep det pobj auxpass ROOT punct",
        "NNS VBN IN DT NN VBD VBN .",
        "insurgent kill in the raid be bury .",
    )
    assert args.argument_path(killed, 1, 0) == ("down:nsubjpass", 1, False)
    firing = _relative(
        "Gunmen firing on police fled .",
        [4, 0, 1, 2, 4, 4],
        "nsubj acl prep pobj ROOT punct",
        "NNS VBG IN NNS VBD .",
        "gunman fire on police flee .",
    )
    assert args.argument_path(firing, 1, 0) == ("down:nsubj", 1, False)
    assert args.argument_path(firing, 1, 3) == ("down:prep:on>down:pobj", 2, False)


def test_where_the_gold_marks_an_actor_only_options_there_take_its_label() -> None:
    sentence, _ = _attack()
    soldiers = args.Option(6, cand.Party("AFGMIL", "Afghan soldiers", "country+role"))
    elsewhere = args.Option(8, cand.Party("AFGMIL", "Helmand", "context+role"))
    found = (soldiers, elsewhere)
    start, end = sentence.tokens[5].start, sentence.tokens[6].start + len("soldiers")

    def labels(marked: frozenset[tuple[str, int, int]]) -> list[str]:
        gold = args.LabelledTrigger(
            sentence, 1, "19", found, frozenset({"---"}), frozenset({"AFGMIL"}), frozenset(), marked
        )
        return [args.option_label(o, gold, "AFGMIL") for o in found]

    assert labels(frozenset({("AFGMIL", start, end)})) == ["target", "none"]
    assert labels(frozenset()) == ["target", "target"]  # unmarked: the code alone decides
    # marked where no option of the code stands (an antecedent, a split parse): the code
    head = sentence.tokens[0].start
    assert labels(frozenset({("AFGMIL", head, head + 3)})) == ["target", "target"]
