"""Coder v2's parties: the actors a sentence offers as a trigger's source or target.

Reads: Sentence tokens (lemma, dep, head), actor Mentions, the context country, the
author's side, and what earlier sentences of the document named (`DocumentMemory`).
Adds: (phrase head, Party) pairs for the argument model (`arguments.py`) to choose among.

Argument phrases are coded from the mentions inside them, as the guide codes them: a
country plus a role noun is one actor ("Afghan security force": AFGMIL), a full code stands
alone ("coalition": IGOWSTNATMIL), so "an Afghan and coalition security force" is two
sources; a role noun alone takes the sentence's context country; PPL is CVL; a company
(MNC + country) is that country's BUS. A force is joint when the text says so ("Afghan and
coalition forces", "an Afghan-international force", "a combined force") or an earlier
sentence did ("the security force"); in a theatre with an international force (ISAF in
Afghanistan) such a force is the host's MIL and that force. A speech's speaker (the
author's side) is offered in every sentence, since the guide codes him where the sentence
does not name him. A named country's military asset ("Iranian positions") is its MIL; a
role noun that "foreign" or "world" unties, or a plural group no role names ("banks"), has
the unknown country `---`; a person in a theatre with an international force may be the
insurgent it acts on; a legislature coded under its government (USAGOVLEG) is itself.
Role nouns take the guide's role where the dictionaries give another or none ("protesters":
CVL, not OPP; "the suspect", or "a man" arrested or charged, outside a theatre: CRM;
militants' UAF is REB); a bare state in a sentence that tells of a military act may also
be its forces ("Russia attacked": RUSMIL, kind `country-military`); an object or
possessive pronoun ("arrested him", "their") may, like an uncoded subject, be an actor the
sentences before named. Where a diplomat is posted ("the
Russian ambassador to Turkey") and what a text is about ("Amnesty's report on Syria") are
no party when the phrase names another actor; a representative is whom he represents
("representatives from Iran": Iran, not the agents file's legislators). A quotation's "I"
and "we" are its speaker's, named by the sentence's attribution verb or by the quotation it
continues; a role noun that only qualifies another ("fighter helicopters") is no party. A
named actor's adjective on a noun no role names ("repeated Iranian attack", "Israeli
airstrikes") heads a phrase of its own, since the act's noun is never its own argument.
An office holder out of office ("former President Obama", "the ex-president", "South
Korea's ousted president") is one of his state's elite, ELI, as the rule coder reads him.
"The two sides", "both countries" are the two states the text named nearest before (kind
`pair`); a speech's "Congress" is its speaker's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TypeGuard

from dyad.coder.actors import (
    BACKINGS,
    CONTEXT_ONLY,
    NOT_STATES,
    OFFICE_ROLES,
    TITLE_OFFICES,
    affiliation,
    attached_tokens,
    generic_role,
    owned_by_party,
    role_agents,
    speakers_chamber,
)
from dyad.coder.lexicon import (
    ATTRIBUTION_VERBS,
    GROUP_PRONOUNS,
    OUT_OF_OFFICE,
    PERSON_ROLE_NOUNS,
    PERSONAL_PRONOUNS,
    RELATIONAL_NOUNS,
    SUBJECT_PRONOUNS,
    SUBJECTS,
)
from dyad.coder.places import load_gazetteer
from dyad.records import Mention, Sentence, Token

# never parties: where, when, and what a phrase is about (guide, section 2)
# a phrase ends where a clause begins: "the aim of finding a new approach for relations with
# North Korea" names no party, North Korea being the gerund's ("pcomp"), not the aim's
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "appos", "pcomp"})
# a head's conjunct, its conjunction, and "both" or "either" before it
COORDINATION_DEPS = frozenset({"conj", "cc", "preconj"})
PLACE_PREPS = frozenset("in at near inside across throughout during since until after".split())
# dependents before a phrase's head that frame the clause, not the phrase, where the parser
# hangs a fronted adverbial on the subject: "Then on the night of February 4, the party"
FRAME_DEPS = frozenset({"prep", "advmod", "npadvmod", "advcl", "mark", "cc", "punct"})
# the guide has no PPL or UAF: people are civilians, armed groups rebels (section 3)
ROLE_RENAMES = {"PPL": "CVL", "UAF": "REB"}
UNKNOWN = "---"
FIRST_PERSON = frozenset({"i", "we", "my", "our", "us", "me"})
FORCE_HEADS = frozenset({"force", "troop", "soldier", "army", "patrol"})
# the international force of a theatre, which the guide names: ISAF in Afghanistan (section 3)
INTERNATIONAL_FORCES = {"AFG": "IGOWSTNATMIL"}
INTERNATIONAL = frozenset({"international", "coalition", "multinational", "isaf", "nato"})
JOINT = frozenset({"combined", "combine", "joint", "partnered", "partner", "lead", "led"})
# words that join a country adjective to the force it qualifies: "Afghan and coalition forces"
JOINERS = frozenset({"and", ",", "-", "&", "/"})
# heads of phrases naming a diplomat or a delegation, posted somewhere on someone's behalf
DIPLOMAT_HEADS = frozenset(
    """ambassador envoy representative delegate delegation emissary consul diplomat
    mission attache""".split()
)
# prepositions that, under these heads, say where a person is posted or what a text is
# about, not whose the phrase is: "the Russian ambassador to Turkey" is Russia's (RUSGOV),
# "Amnesty International's report on Syria" Amnesty's (guide, section 2: topics are no party)
ASIDE_PREPS = {
    **dict.fromkeys(DIPLOMAT_HEADS, frozenset({"to", "at"})),
    **dict.fromkeys(
        """report statement remark comment allegation accusation claim speech interview
        message study article book letter inquiry investigation probe""".split(),
        frozenset({"on", "about", "into", "regarding", "concerning"}),
    ),
}
# heads that speak for whom their "of"/"from"/"for" phrase names: "representatives from
# Iran" are Iran's (IRNGOV), not the legislators the agents file makes of "representative"
REPRESENTING_HEADS = frozenset({"representative", "delegate", "delegation"})
REPRESENTED_PREPS = frozenset({"of", "from", "for"})
# an unresolved subject may stand for an actor of this many sentences before
RECENT = 2
NAMED = 40
THIRD_PERSON = PERSONAL_PRONOUNS | GROUP_PRONOUNS  # the anaphora stage's own pronouns
NOT_ACTORS = frozenset({"i", "we", "you", "it", "this", "that", "which", "who", "what", "there"})
# nouns that stand for an organisation's people or assets: "Iranian positions", "an Iraqi air
# base" are that country's forces, the owners the guide asks for (section 2)
ASSET_ROLES = {
    "position": "MIL",
    "base": "MIL",
    "airbase": "MIL",
    "convoy": "MIL",
    "checkpoint": "MIL",
    "outpost": "MIL",
    "warship": "MIL",
    "aircraft": "MIL",
    "plane": "MIL",
    "jet": "MIL",
    "warplane": "MIL",
    "helicopter": "MIL",
    "drone": "MIL",
    "garrison": "MIL",
    "barracks": "MIL",
}
# plural heads for groups of states or firms that no dictionary role names ("foreign powers",
# "commercial banks"); a plural only, since "the country" is the one the story is about
GROUP_ROLES = {
    "country": "GOV",
    "nation": "GOV",
    "power": "GOV",
    "government": "GOV",
    "bank": "BUS",
    "banker": "BUS",
    "creditor": "BUS",
    "lender": "BUS",
}
# role nouns the guide codes (section 3, adjudications 5 and 14) that the dictionaries code
# otherwise ("protesters": OPP, "militants": UAF, "migrants": CVL) or not at all ("the
# suspect", "occupants", "investigators", "Democrats", "the committee"); the head noun's role
# wins over a dictionary agent at the head, never over another role word of the phrase
GUIDE_ROLES = {
    **dict.fromkeys(
        "protester demonstrator occupant crowd thousand rioter marcher youth".split(), "CVL"
    ),
    **dict.fromkeys("suspect accused convict".split(), "CRM"),
    **dict.fromkeys("militant terrorist".split(), "REB"),
    **dict.fromkeys("migrant refugee".split(), "REF"),
    **dict.fromkeys("prosecutor investigator lawyer judge".split(), "JUD"),
    **dict.fromkeys("democrat republican".split(), "PTY"),
    "opposition": "OPP",
    "lawmaker": "LEG",
    "mp": "LEG",
    "committee": "LEG",
    "agent": "SPY",
}
# three-letter codes of organisations and regions, which no military reading suits
ORGANISATIONS = NOT_STATES - {UNKNOWN}
# words that tell of a military act or of armed forces, where a bare state may be its forces
MILITARY_WORDS = frozenset(
    """attack strike airstrike bomb bombing shell shelling invade invasion offensive war
    fight fighting battle clash kill shoot fire raid occupy occupation deploy deployment
    troop military army navy missile rocket warship drill exercise ceasefire truce
    capture siege blockade""".split()
)
# manner words that make a bare "force" the means of an act ("excessive force"), and verbs
# whose object "force" is one (`_force_as_means`)
MEANS_OF_FORCE = frozenset(
    """excessive lethal deadly brute disproportionate unnecessary reasonable physical undue
    unreasonable extreme minimal maximum overwhelming necessary""".split()
)
FORCE_USING_VERBS = frozenset({"use", "employ", "authorize", "authorise", "apply"})
# a person held, charged or tried for a crime is a suspect: country + CRM (adjudications 5
# and 14), not the dictionary's PPL/CVL ("a man has been arrested", "two women were charged");
# the victim of the crime stays a civilian. Not "people": "more than 1000 people have been
# arrested since the protests began" are protesters, civilians (the gold's "people" held or
# charged: CVL 14 times, CRM 4)
SUSPECT_HEADS = frozenset(
    "man men woman women person individual boy girl teenager teen youth".split()
)
# the most steps from a word up to the "of" of a relative's phrase (`_kin_of`)
MAX_KIN_CLIMB = 4
# a relative is a person of his own: "the brother of a murdered media star" is no journalist,
# "the son of the president" no government
KIN_HEADS = frozenset(
    """brother sister son daughter wife husband mother father parent child cousin nephew
    niece uncle aunt widow widower grandson granddaughter grandfather grandmother
    stepson stepdaughter stepfather stepmother fiance fiancee""".split()
)
# heads whose owner is the other side of a pair ("his Turkish counterpart"): "Greece and
# Turkey's NATO allies" are NATO, "Brazil's creditors" no Brazil
COUNTERPART_HEADS = frozenset(
    """counterpart ally partner rival enemy foe adversary neighbour neighbor
    creditor""".split()
)
HOLDING_VERBS = frozenset(
    "arrest charge convict sentence jail imprison indict prosecute remand extradite acquit".split()
)
# "the two sides", "both countries", "leaders of the two nations": the two actors the text
# has just named, each the other's counterpart (`pair_parties`); "parties" is left out, since
# "the two parties" of a US story are Democrats and Republicans, not the states it names
PAIR_HEADS = frozenset({"side", "country", "nation", "government", "leader"})
# pair heads that only states can be ("the two sides" may be the EU and China)
STATE_PAIR_HEADS = frozenset({"country", "nation"})
PAIR_WORDS = frozenset({"two", "both"})
PAIR_DEPS = frozenset({"nummod", "det", "predet", "preconj", "quantmod"})
# parties no pair is read from: the unseen speaker, guesses, and pairs themselves
NOT_PAIRED = frozenset({"speaker", "unknown", "memory", "pair", "crowd"})
# where a sentence tells of a protest, a strike or a riot and names no one who protests
# ("Protests have erupted in the US city of Anaheim"), the gold's source is the story's
# people: its CVL, or its LAB for a strike (train: 41 of 160 protest events with no source
# in the sentence, 31 of them a country's CVL, LAB or OPP). Offered at head CROWD
CROWD = -3
CROWD_WORDS = {
    **dict.fromkeys(
        """protest demonstration rally march riot rioting unrest uprising boycott sit-in
        protester demonstrator""".split(),
        "CVL",
    ),
    **dict.fromkeys("strike walkout striker".split(), "LAB"),
}
# a lone gunman is a criminal (adjudication 14); "gunmen" with no affiliation told are
# anyone's (section 9), which the dictionary's UAF, read as REB, leaves to the context
SINGULAR_ROLES = {"gunman": "CRM", "shooter": "CRM"}
# branches the dictionaries code under the government ("USAGOVLEG") that the guide codes apart
GOVERNMENT_BRANCHES = frozenset({"LEG", "JUD"})
# words that untie a role noun from the story's country: "foreign powers", "world leaders"
# have no country the text names, so the guide's `---` (section 3)
UNTIED = frozenset({"foreign", "international", "overseas", "world", "global", "regional"})
# what a minister is for is his portfolio, not a body of its own: "Minister for Justice
# Frances Fitzgerald" is her country's, unlike "a spokesman for the PMF"
PORTFOLIOS = frozenset(
    "justice health finance defence defense education affairs interior trade agriculture "
    "environment transport housing energy labour labor industry economy culture "
    "communications employment security immigration enterprise tourism".split()
)
# what makes an office holder American where the phrase names no country (`_american_partisans`)
US_PARTISANS = frozenset("republican republicans democratic democrat democrats gop".split())
US_OFFICES = frozenset(
    """senator senators congressman congressmen congresswoman congresswomen representative
    representatives governor governors lawmaker lawmakers""".split()
)
# a subject "he" or "she" after a person who is a subject in its sentence (`_subject_before`):
# a person's code has a role after the country ("DEUGOV"), a bare country none
PERSON_CODE = 6
# an object that stands for the organisation or armed group named before ("vowed to eliminate
# the group"; the gold codes "the group" and "the militants" as the group they refer to)
GROUP_NOUNS = frozenset(
    "group militant organisation organization movement militia network faction".split()
)
# the articles of a noun phrase that brings in someone new (`_may_refer_back`)
INDEFINITE = frozenset({"a", "an", "another"})
# names of bodies that are no state's: a role "of" one the dictionary lacks is no official of
# the story's country
BODIES = frozenset(
    """federation foundation institute association society league observatory fund
    network centre center""".split()
)
# heads that may be the person an international force detains, targets or kills, who in
# its theatre is an insurgent (guide, sections 3 and 9: "detained two suspected insurgents");
# a subject "he" or "they" is left to the actors named before (memory)
PERSON_HEADS = frozenset(
    "man men person people individual leader occupant detainee suspect facilitator commander"
    " associate fighter him them".split()
)
# common nouns whose subject phrase may stand for an actor named before ("the group said",
# "the commission ruled", "the woman told police"); any other ("the panel's response could
# be crucial", "inflation rose") names no actor, and so no actor named before either
REFERRING_NOUNS = (
    PERSON_HEADS
    | PERSON_ROLE_NOUNS
    | RELATIONAL_NOUNS
    | BODIES
    | frozenset(
        """group party side team tribe clan body agency country state nation city province
        region company firm organisation organization movement alliance bloc coalition
        regime administration government authority council committee commission panel
        mission delegation force unit militia faction camp family community union board
        bank court ministry department newspaper paper outlet network broadcaster
        woman boy girl child resident citizen worker student soldier troop protester
        demonstrator survivor witness source expert analyst observer investigator
        lawyer relative father mother son daughter brother sister wife husband widow""".split()
    )
)


@dataclass(frozen=True, slots=True)
class Party:
    """One actor code read from an argument phrase, and how it was read."""

    code: str
    text: str
    kind: str  # "full", "country", "country+role", "context+role", "unknown", "memory"
    entry: str | None = None


@dataclass(slots=True)
class DocumentMemory:
    """What earlier sentences of the document said: the joint force ("Afghan and coalition")."""

    doc_id: str = ""
    joint: tuple[Party, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)
    # the actor codes of the last RECENT sentences' phrases, newest last, for "he", "they"
    # and names the dictionaries do not know ("Sessions said")
    recent: list[tuple[str, ...]] = field(default_factory=list)
    # who speaks the quotation of the sentence being read (or of the one before, which the
    # sentence's quotation may continue): its "I" and "we" are the speaker's
    speaker: tuple[Party, ...] = ()
    # sentences a quotation has stood open (0: none open), so that its middle sentences,
    # which carry no mark, keep its speaker
    quoted_run: int = 0
    # the tokens of the sentence being read that stand inside its quotation
    quoted: frozenset[int] = frozenset()
    # every actor code the document's phrases named so far, newest last, bare states too
    # (the last NAMED): whom "the two sides" stands for
    named: list[str] = field(default_factory=list)
    # in how many earlier sentences each actor (at six characters, as the guide compares
    # them) and each pair of actors, either way round, stood in a candidate event: the
    # story's own actors and dyads, which the ranker weighs (`coder.remember`)
    actors: Counter[str] = field(default_factory=Counter)
    dyads: Counter[tuple[str, str]] = field(default_factory=Counter)
    # the country of the diplomatic mission named last with one ("a US diplomat", "the US
    # Embassy in London"): a later bare "the embassy" is its, not the host country's
    mission: str = ""


# heads of phrases naming a country's diplomatic mission or its members
MISSION_HEADS = frozenset("embassy ambassador diplomat envoy consulate consul legation".split())


def passive(sentence: Sentence, i: int) -> bool:
    """Tell whether verb `i` is passive: "was killed", "insurgents killed in", a headline's
    "Top separatist commander assassinated", a past participle joined to a passive that
    lends it its subject ("was stopped, questioned and detained by the authorities").
    """
    if _passive_itself(sentence, i):
        return True
    shared = subject_verb(sentence, i)
    return shared != i and sentence.tokens[i].tag == "VBN" and _passive_itself(sentence, shared)


def _passive_itself(sentence: Sentence, i: int) -> bool:
    """Tell whether verb `i` is passive by its own dependents, tag or a headline's form."""
    token = sentence.tokens[i]
    if stative(sentence, i):
        return False
    return (
        any(c.dep in ("nsubjpass", "auxpass") for c in sentence.children(i))
        or (token.tag == "VBN" and token.dep in ("acl", "amod", "ROOT"))
        or headline_passive(sentence, i)
    )


# participles that tell what their subject is in, not what was done to it: "the government
# has been engaged in conflict with separatists", "the leader was involved in attacks" (the
# government fights, the leader attacks)
STATIVE_PARTICIPLES = frozenset("engage involve embroil entangle mire lock".split())
STATIVE_PREPS = frozenset({"in", "with"})


def stative(sentence: Sentence, i: int) -> bool:
    """Tell whether participle `i` is a state its subject is in: "was engaged in fighting".

    The parser makes such a subject passive ("nsubjpass"), so the government that "has been
    engaged in conflict with Kurdish separatists" read as the one fought, by someone
    unnamed. With an agent ("was involved by his lawyer") the participle stays passive.
    """
    token = sentence.tokens[i]
    if token.tag != "VBN" or token.lemma.lower() not in STATIVE_PARTICIPLES:
        return False
    children = sentence.children(i)
    if any(c.dep == "agent" for c in children):
        return False
    return any(c.dep == "prep" and c.lemma.lower() in STATIVE_PREPS for c in children)


# a verb's own subject of any kind: a clause ("what he said angered them") or "there" too
SUBJECT_DEPS = SUBJECTS | {"csubj", "expl"}


def subject_verb(sentence: Sentence, i: int) -> int:
    """Return the verb whose subject verb `i` shares: itself, or the first of its conjuncts.

    "Hussein was stopped, questioned and detained": "detained" hangs on "stopped" as a
    conjunct and has no subject of its own; Hussein is its subject too. A conjunct with a
    subject of its own ("police came and the crowd fled") shares none.
    """
    seen = {i}
    tokens = sentence.tokens
    while (
        tokens[i].dep == "conj"
        and tokens[i].pos in ("VERB", "AUX")
        and tokens[i].head not in seen
        and not any(c.dep in SUBJECT_DEPS for c in sentence.children(i))
    ):
        i = tokens[i].head
        seen.add(i)
    return i


# determiners headlines drop: a subject that keeps one is a whole sentence's ("the force fired")
_SENTENCE_SUBJECT_WORDS = frozenset("the a an this that these those".split())


def headline_passive(sentence: Sentence, i: int) -> bool:
    """Tell whether a headline's past form at `i` is a passive with its auxiliary dropped.

    Headlines tell an act in the present ("Police shoot protester") and drop "was" from a
    passive ("Senator arrested in the Philippines"), so a past form with a subject but no
    auxiliary and no object is a passive, which the parser tags VBD as often as VBN. A
    headline segment that is a whole sentence keeps its articles ("the security force
    fired") or has a pronoun subject ("he lunged"): those are read as written.
    """
    token = sentence.tokens[i]
    if sentence.segment.kind != "headline" or token.tag not in ("VBD", "VBN"):
        return False
    subjects = []
    for child in sentence.children(i):
        if child.dep in ("aux", "auxpass", "dobj", "dative", "ccomp", "xcomp"):
            return False
        if child.dep == "nsubj":
            subjects.append(child)
    return any(
        subject.pos != "PRON"
        and not any(
            c.dep == "det" and c.lemma.lower() in _SENTENCE_SUBJECT_WORDS
            for c in sentence.children(subject.i)
        )
        for subject in subjects
    )


def argument_dep(sentence: Sentence, i: int) -> str:
    """Return token `i`'s dependency label, a headline passive's subject read as passive
    and a `stative` participle's as active.

    "Senator arrested in the Philippines": the parser makes the senator the subject of an
    active "arrested"; she is the one arrested, as in "a senator was arrested".
    """
    token = sentence.tokens[i]
    if token.dep == "nsubj" and headline_passive(sentence, token.head):
        return "nsubjpass"
    if token.dep == "nsubjpass" and stative(sentence, token.head):
        return "nsubj"  # "the leader was involved in attacks": the attacker
    return token.dep


def _phrase(sentence: Sentence, head: int) -> set[int]:
    """Return the tokens of the argument phrase at `head`, less places, times and clauses.

    A hyphenated backing names a backer, not the party: "the US-backed fighters" are no
    American force, "Iranian-backed militias" no Iranian one; but a "Shanghai-based" firm is
    Chinese (train codes it so), so other affiliations stay. A conjunct of the head heads
    a phrase of its own: "the organisation and a police official" is no police, "450 police
    and special commando units" no army; "Afghan and coalition forces", one noun with two
    adjectives, stays one phrase.
    """
    keep = {head}
    frontier = [head]
    while frontier:
        current = frontier.pop()
        for child in sentence.children(current):
            if child.dep in CLAUSE_DEPS or affiliation(sentence, child, BACKINGS):
                continue
            if current == head and child.dep in COORDINATION_DEPS:
                continue
            if child.dep == "prep" and child.lemma.lower() in PLACE_PREPS:
                continue
            keep.add(child.i)
            frontier.append(child.i)
    return keep


def phrase_text(sentence: Sentence, inside: set[int], head: int) -> str:
    """Return the sentence's own words for the phrase `inside` at `head`, as written.

    The unbroken run of the phrase's tokens around its head, less what frames the clause
    before it and punctuation at either edge: "the Social-Democratic Party" of "Then on the
    night of February 4, the Social-Democratic Party (PSD) announced", "the government's
    forces" (not "government 's forces", a join of tokens).
    """
    framed = set()
    for child in sentence.children(head):
        if child.i < head and child.dep in FRAME_DEPS:
            framed |= {t.i for t in sentence.subtree(child.i)}
    kept = inside - framed
    first = last = head
    while first - 1 in kept:
        first -= 1
    while last + 1 in kept:
        last += 1
    tokens = sentence.tokens
    while first < head and tokens[first].pos == "PUNCT":
        first += 1
    while last > head and tokens[last].pos == "PUNCT":
        last -= 1
    start = tokens[first].start - sentence.start
    return sentence.text[start : tokens[last].start - sentence.start + len(tokens[last].text)]


def affiliated(sentence: Sentence, token: Token) -> bool:
    """Return whether `token` names what a hyphenated affiliation says ("UK" of "UK-based")."""
    return token.head != token.i and affiliation(sentence, sentence.tokens[token.head])


def _backings(sentence: Sentence, inside: set[int]) -> set[int]:
    """Return the hyphenated backings hung on the phrase `inside` holds (`_phrase` skips them)."""
    return {
        child.i
        for t in inside
        for child in sentence.children(t)
        if affiliation(sentence, child, BACKINGS)
    }


def _backs(sentence: Sentence, token: int, inside: set[int], backings: set[int]) -> bool:
    """Return whether `token` stands under one of the phrase's `backings`, not in the phrase.

    The "US" of "The US-backed fighters", which the dictionary reads as "The US", does.
    """
    for above in sentence.ancestors(token):
        if above in inside:
            return False
        if above in backings:
            return True
    return False


def parties(
    sentence: Sentence,
    head: int,
    mentions: Sequence[Mention],
    context: str | None,
    memory: DocumentMemory,
    perspective: str | None = None,
) -> list[Party]:
    """Return the actors the argument phrase at `head` names (several for a joint force).

    `perspective` is the country the segment's author writes from: "our troops" are its own.
    """
    inside = _phrase(sentence, head)
    inside |= _joined_country(sentence, min(inside), mentions)
    found = [m for m in mentions if m.last in inside or m.first in inside]
    apart = [m for m in found if _coordinated_country(sentence, m, head, found)]
    partners = {m.actor.code[:3] for m in apart}
    if apart:  # "an assault by Turkey and rebel forces": Turkey and the rebels
        found = [m for m in found if m not in apart]
        inside -= {t.i for m in apart for t in sentence.subtree(m.last)}
    backings = _backings(sentence, inside)
    backed = [m for m in mentions if backings and _backs(sentence, m.last, inside, backings)]
    backers = {m.actor.code[:3] for m in backed}
    if backed:  # "The US-backed fighters": the dictionary reads "The US", a backer
        found = [m for m in found if m not in backed]
    based = [m for m in found if affiliated(sentence, sentence.tokens[m.last])]
    if based and any(m.rule != "agent" and m not in based for m in found):
        # "The UK-based Syrian Observatory" is the Observatory, which its name codes; only a
        # head without a name of its own takes its base's country ("a Shanghai-based firm")
        found = [m for m in found if m not in based]
    aside = _aside(sentence, head) | _posting(sentence, head, found) | _owner(sentence, head)
    if any(m.first not in aside and m.rule != "agent" for m in found):
        inside -= aside
        found = [m for m in found if m.first not in aside]
    first_person = any(sentence.tokens[t].text.lower() in FIRST_PERSON for t in inside)
    head_lemma = sentence.tokens[head].lemma.lower()
    insurgent = _theatre_person(sentence, head, context)
    force = head_lemma in FORCE_HEADS
    guide = _guide_role(sentence, head)
    if guide == "CRM" and insurgent and head_lemma in SUSPECT_HEADS:
        guide = ""  # "two men detained" by ISAF are the insurgents it was after
    if not guide and not found and not _in_theatre(context) and _held_by_name(sentence, head):
        guide = "CRM"  # "Judith Negron was convicted of fraud": a suspect the text names
    if not found and not force and not guide:
        word = sentence.tokens[head].text
        if word.lower() in FIRST_PERSON and memory.speaker:
            # '"We will not accept it," the minister said': the speaker's, not the story's
            return [replace(party, text=word, kind="quoted-speaker") for party in memory.speaker]
        if word.lower() in FIRST_PERSON:
            # a speech's "we" is its country's government; without a side, the story's
            # country is no guess for it: on train's news such a "we" or "I" stood in 60
            # events' parties and was that country's government in 16 ("As we make these
            # changes, we will pursue al Qaeda", in a speech about Iraq, is not Iraq's)
            return [Party(perspective + "GOV", word, "first-person")] if perspective else []
        group = _group_role(sentence, head)
        if group:
            text = phrase_text(sentence, inside, head)
            return [Party(UNKNOWN + group, text, "unknown")]
        return insurgent
    if first_person:  # "our troops": the speech's side, or the quotation's speaker's country
        context = perspective or _speaker_country(memory.speaker) or context
    text = phrase_text(sentence, inside, head)
    full = [m for m in found if m.rule != "agent" and len(m.actor.code) > 3]
    countries = [m for m in found if m.rule != "agent" and len(m.actor.code) == 3]
    roles = [m for m in found if m.rule == "agent"]
    if head_lemma in KIN_HEADS:  # the kin of whom the phrase names keeps only his country
        kin = [m for m in full if not m.first <= head <= m.last]
        countries += [replace(m, actor=replace(m.actor, code=m.actor.code[:3])) for m in kin]
        full = [m for m in full if m not in kin]
        roles = [m for m in roles if m.first <= head <= m.last]
    if head_lemma in REPRESENTING_HEADS:
        represented = attached_tokens(sentence, head, "prep", REPRESENTED_PREPS)
        if any(m.first in represented for m in found):
            roles = [m for m in roles if not m.first <= head <= m.last]
    roles = list(role_agents(roles))  # "the insurgent commanders": REB, as the rule coder
    role = _role(roles[-1].actor.code) if roles else ""
    if role and owned_by_party(sentence, {head, roles[-1].last}, roles[-1]):
        role = "PTY"  # "the party's leader", "a leader of the party": not the state's
    if guide and all(m.first <= head <= m.last for m in roles):
        role = guide  # "protesters": CVL; "opposition protesters" keep OPP
    if not role and force:
        role = "MIL"  # "Afghan and coalition forces": "coalition forces" took the noun
    if not role and countries:
        role = ASSET_ROLES.get(head_lemma, "")
    headed = force or any(m.first <= head <= m.last for m in roles)
    result = [_titled(_full_party(m, head, role if headed else ""), m, roles) for m in full]
    for m in countries:
        # an organisation named by its sector alone keeps it: "Al Jazeera journalist" is MED
        code = m.actor.code + role if m.actor.code not in ORGANISATIONS else m.actor.code
        kind = "country+role" if role else "country"
        # the phrase names a country's body ("Turkish armed forces"), the country alone itself
        result.append(Party(code, text if role else m.actor.text, kind, m.actor.entry))
        if not role and m.first <= head <= m.last and _military(sentence, head, code):
            # "Russia attacked": a state named as a military act's agent is its forces
            result.append(Party(code + "MIL", m.actor.text, "country-military", m.actor.entry))
    if _out_of_office(sentence, head, found):
        result = [_former(party, context) for party in result]
    result += _joint_force(sentence, head, inside, context, memory, role, bool(result))
    if result:
        if head_lemma in MISSION_HEADS and result[0].code[:3] not in NOT_STATES:
            memory.mission = result[0].code[:3]
        result = list({p.code: p for p in result}.values())
        if len(result) > 1 and role == "MIL" and any(_international(p.code) for p in result):
            # a state's forces with an international force ("Afghan and coalition forces")
            # are the story's joint force; two states' forces ("Syrian and Iraqi forces",
            # told in passing) are not what a later "the army" stands for
            memory.joint = tuple(result)
        return result
    if role:
        if _modifies_a_role(sentence, head, mentions):
            return []  # "fighter helicopters": the helicopters are the party, not a fighter
        if _named_by_whole(sentence, head, mentions):
            return insurgent  # "Syrian government envoy": "government" is no party of its own
        if perspective and speakers_chamber([sentence.tokens[t] for t in inside], role):
            context = perspective  # a speech's "Congress" is its speaker's
        elif head_lemma in MISSION_HEADS and memory.mission:
            context = memory.mission  # "a US diplomat ... after the embassy refused"
        elif own := _spokesmans_own(memory, head, role):
            context = own
        elif _american_partisans(sentence, inside):
            context = "USA"
        if context in backers:
            context = None  # the story's country backs "the US-backed fighters"; they are not its
        if context in partners:
            context = None  # "Turkey and rebel forces" in a sentence naming Turkey twice
        if not context or _untied(sentence, inside, found):
            return [Party(UNKNOWN + role, text, "unknown"), *insurgent]
        return [Party(context + role, text, "context+role"), *insurgent]
    return insurgent


def _american_partisans(sentence: Sentence, inside: set[int]) -> bool:
    """Return whether a phrase names US office holders by their party ("Republican Senators").

    "The only two 'no' votes came from Republican Senators Rand Paul and Mike Lee" in a
    story about Montenegro: the senators took the story's country. A Republican or
    Democratic senator, congressman, representative, governor or lawmaker is American (on
    train and dev's gold 24 of 25 such phrases; the other a "Liberal Democrat leader");
    a party's name ("Democratic Party lawmakers" of South Korea) is not asked.
    """
    words = {sentence.tokens[i].text.lower() for i in inside}
    return bool(words & US_PARTISANS and words & US_OFFICES) and not words & {"party", "liberal"}


def _out_of_office(sentence: Sentence, head: int, found: Sequence[Mention]) -> bool:
    """Return whether the phrase at `head` names someone out of office.

    "former President Barack Obama", "Former Prime Minister Tony Abbott", "the ex-president",
    "South Korea's ousted president": the word must qualify the phrase's head or a person or
    role named in it (through the name's compounds), so that "the minister of the former
    Yugoslavia" stays a minister.
    """
    tokens = sentence.tokens
    qualified = {head} | {
        i for m in found if len(m.actor.code) != 3 for i in range(m.first, m.last + 1)
    }
    for token in tokens:
        if token.text.lower() not in OUT_OF_OFFICE or token.i == head:
            continue
        if token.text.lower() == "ex" and token.i + 2 < len(tokens):
            # "ex-president" is three tokens, and the parser may not join them
            if tokens[token.i + 1].text == "-" and token.i + 2 in qualified:
                return True
        current = token.head
        while current not in qualified and tokens[current].dep == "compound":
            if tokens[current].head == current:
                break  # a malformed parse: a compound that heads itself
            current = tokens[current].head
        if current in qualified:
            return True
    return False


def _former(party: Party, context: str | None) -> Party:
    """Return `party` out of office: a state's office holder becomes one of its elite.

    One who headed or served an organisation ("Ex-IMF boss Rato", "a former chief of the
    International Monetary Fund") no longer acts for it: he is one of the elite of the
    story's country, where the story has one.
    """
    code = party.code
    if code[:3] in ORGANISATIONS and len(code) > 3:
        return replace(party, code=(context or UNKNOWN) + "ELI")
    if code[:3] in NOT_STATES or code[3:6] not in OFFICE_ROLES:
        return party
    return replace(party, code=code[:3] + "ELI")


def _full_party(mention: Mention, head: int, role: str) -> Party:
    """Return the party of a fully coded actor in the phrase at `head`.

    A role noun at the head (`role`) owned by a state's leader or government is that
    state's body of that role, not the leader: "forces loyal to President Bashar al-Assad"
    and "Maliki's troops" are the military, "the Maliki government" the government.
    """
    code = _rename(mention.actor.code)
    owner = not mention.first <= head <= mention.last
    if role and owner and code[3:6] in ("GOV", "ELI") and code[:3] not in NOT_STATES:
        return Party(code[:3] + role, mention.actor.text, "country+role", mention.actor.entry)
    if mention.actor.entry == CONTEXT_ONLY:  # "Ross", titled before with the story's country
        return Party(code, mention.actor.text, "context+role", mention.actor.entry)
    return Party(code, mention.actor.text, "full", mention.actor.entry)


def _titled(party: Party, name: Mention, roles: Sequence[Mention]) -> Party:
    """Return a named person's party in the office the title before his name gives.

    "Senator Leila de Lima": the dictionary dates her justice ministry and no later office,
    but the text names her a senator (PHLLEG). The title right before the name says what
    she is now; one out of office (ELI) or of no state keeps the dictionary's reading, and
    so does a "General" in a civil office (a retired general keeps the rank as a title).
    """
    title = next(
        (
            _role(t.actor.code)
            for t in roles
            if t.last + 1 == name.first
            # "Labour leader Jeremy Corbyn", "SDLP leader Colum Eastwood": a leader or a
            # spokesman is no office, and the dictionary's party (PTY) stands
            and not generic_role(t)
        ),
        "",
    )
    code = party.code
    if title not in TITLE_OFFICES or code[3:6] not in OFFICE_ROLES or code[3:6] == title:
        return party
    if party.kind != "full" or code[:3] in NOT_STATES:
        return party
    return replace(party, code=code[:3] + title)


def _aside(sentence: Sentence, head: int) -> set[int]:
    """Return the tokens of the phrase at `head` that say where it is posted or what about.

    "to Turkey" of "the Russian ambassador to Turkey", "on Syria" of "Amnesty's report on
    Syria" (`ASIDE_PREPS`). Where nothing else in the phrase names an actor ("the
    ambassador to Turkey"), the caller keeps them: they are all the phrase tells.
    """
    preps = ASIDE_PREPS.get(sentence.tokens[head].lemma.lower())
    return attached_tokens(sentence, head, "prep", preps) if preps else set()


def _owner(sentence: Sentence, head: int) -> set[int]:
    """Return the tokens of the owner of a counterpart: "his Turkish counterpart" is not his.

    "Putin has offered condolences to his Turkish counterpart Recep Tayyip Erdogan": the
    counterpart is Turkey's, and "his" (Putin) is the other side of the pair.
    """
    if sentence.tokens[head].lemma.lower() not in COUNTERPART_HEADS:
        return set()
    owners = [c for c in sentence.children(head) if c.dep == "poss"]
    return {t for owner in owners for t in _phrase(sentence, owner.i)}


def _posting(sentence: Sentence, head: int, found: Sequence[Mention]) -> set[int]:
    """Return the tokens of an international body that names where a diplomat is posted.

    "North Korea's deputy UN ambassador Kim In-ryong accused the United States": the
    ambassador is North Korea's (PRKGOV), posted to the UN, as "the Russian ambassador to
    Turkey" is Russia's (guide, section 3). The caller drops the body only where the phrase
    names someone else ("the UN envoy" alone is the UN's).
    """
    if sentence.tokens[head].lemma.lower() not in DIPLOMAT_HEADS:
        return set()
    tokens = sentence.tokens
    return {
        t
        for m in found
        if _international(m.actor.code)
        and tokens[m.last].dep == "compound"
        and tokens[m.last].head == head
        for t in range(m.first, m.last + 1)
    }


def _military(sentence: Sentence, head: int, code: str) -> bool:
    """Return whether the bare state at `head` may stand for its forces.

    The guide codes a state named as the agent or object of a military act by its forces
    ("Russia attacked": RUSMIL); the sentence must tell of one ("attack", "troops"), and
    a place ("fighting in Syria") is no party at all.
    """
    token = sentence.tokens[head]
    placed = token.dep == "pobj" and sentence.tokens[token.head].lemma.lower() in PLACE_PREPS
    if code in ORGANISATIONS or placed:
        return False
    return any(t.lemma.lower() in MILITARY_WORDS for t in sentence.tokens)


def _named_by_whole(sentence: Sentence, head: int, mentions: Sequence[Mention]) -> bool:
    """Return whether the noun at `head` modifies a phrase whose own words name a state.

    The whole phrase ("Syrian government envoy") is offered with its country; its
    modifier alone must not be offered with the sentence's context country as well. The
    whole is the top of the chain of compounds: in "Brazil's Central Bank governor" the
    "Central" of "Central Bank" qualifies the governor, whom "Brazil's" names.
    """
    token = sentence.tokens[head]
    if token.dep != "compound" or token.head == head:
        return False
    top = token.head
    for top in sentence.ancestors(token.head):
        if sentence.tokens[top].dep != "compound":
            break
    whole = _phrase(sentence, top)
    return any(m.rule != "agent" and (m.first in whole or m.last in whole) for m in mentions)


def _modifies_a_role(sentence: Sentence, head: int, mentions: Sequence[Mention]) -> bool:
    """Return whether the role noun at `head` only qualifies another role noun.

    In "MI-24 fighter helicopters" the agents file reads "fighter" (an irregular fighter)
    and "helicopters" (armed forces); the compound's head names the phrase's role.
    """
    token = sentence.tokens[head]
    if token.dep != "compound" or token.head == head:
        return False
    return any(
        m.rule == "agent" and m.first <= token.head <= m.last and not m.first <= head <= m.last
        for m in mentions
    )


def _untied(sentence: Sentence, inside: set[int], found: Sequence[Mention]) -> bool:
    """Return whether a word outside the phrase's mentions unties it from any country.

    "Foreign officials" are no country's; nor is "a spokesman for the PMF", whose body
    (an acronym, or a name after "for") no dictionary knows, nor "the president of the
    Press Federation", a body (`BODIES`) no state holds.
    """
    named = {t for m in found for t in range(m.first, m.last + 1)}
    for t in inside - named:
        token = sentence.tokens[t]
        if token.lemma.lower() in UNTIED:
            return True
        if token.pos != "PROPN" or not token.text.isalpha():
            continue
        owner = sentence.tokens[token.head]
        # the preposition must be the phrase's own: "lawyers for Army Sgt. Bowe Bergdahl"
        # makes the phrase "Army Sgt. Bowe Bergdahl" no body's spokesman
        within = token.dep == "pobj" and owner.i in inside
        if (token.text.isupper() and len(token.text) > 1) or (
            within and owner.lemma.lower() == "for" and not _portfolio(sentence, token)
        ):
            return True
        if within and owner.lemma.lower() == "of" and token.lemma.lower() in BODIES:
            return True  # "the president of the Press Federation"
    return False


def _portfolio(sentence: Sentence, token: Token) -> bool:
    """Return whether `token` names a minister's portfolio, or a name after one.

    "Minister for Justice Frances Fitzgerald" parses "Justice" as a word of the name.
    """
    words = [token, *(c for c in sentence.children(token.i) if c.dep == "compound")]
    return any(word.lemma.lower() in PORTFOLIOS for word in words)


def _kin_of(sentence: Sentence, token: Token) -> bool:
    """Return whether `token` stands in the "of" phrase of a relative: "the brother of a
    murdered media star", "the widow of the slain governor", "Waseem, brother of social
    media personality Qandeel Baloch". The relative is the one who acts or is acted on;
    whose relative he is names no party of the sentence's events (`parties` gives the
    relative his country alone)."""
    for _ in range(MAX_KIN_CLIMB):
        if token.head == token.i or token.pos in ("VERB", "AUX"):
            return False
        governor = sentence.tokens[token.head]
        if token.dep == "pobj" and governor.lemma.lower() == "of":
            return sentence.tokens[governor.head].lemma.lower() in KIN_HEADS
        token = governor
    return False


def _guide_role(sentence: Sentence, head: int) -> str:
    """Return the role the guide gives the head noun ("the suspect": CRM), or ""."""
    token = sentence.tokens[head]
    if token.pos not in ("NOUN", "PROPN"):
        return ""
    if token.lemma.lower() == "thousand" and token.tag != "NNS":
        return ""  # "thousands protested", not "a thousand troops"
    lemma = token.lemma.lower()
    if token.tag == "NN" and lemma in SINGULAR_ROLES:
        return SINGULAR_ROLES[lemma]
    if (lemma in SUSPECT_HEADS or lemma in KIN_HEADS) and _held_for_crime(sentence, token):
        return "CRM"
    word = token.text.lower()
    plural = word[:-1] if word.endswith("s") else word  # the parser keeps "MPs", "Democrats"
    return GUIDE_ROLES.get(lemma) or GUIDE_ROLES.get(plural, "")


def _held_by_name(sentence: Sentence, head: int) -> bool:
    """Return whether a name no dictionary knows is the one arrested, charged or tried.

    "Judith Negron was convicted of health care fraud", "Baratov was arrested Tuesday",
    "another federal judge sentenced Manafort": the guide codes the suspect or convict the
    country's CRM. On train and dev such a name (none of the parties) was a gold actor 30
    times, CRM 20 of them; it had been offered only the earlier sentences' actors. In a
    theatre of an international force a named detainee is an insurgent, not asked here.
    """
    token = sentence.tokens[head]
    return token.pos == "PROPN" and _held_for_crime(sentence, token)


def _held_for_crime(sentence: Sentence, person: Token) -> bool:
    """Tell whether `person` is the one arrested, charged or tried: the object or passive
    subject of such a verb ("police arrested a man", "a man has been arrested", "a man and a
    woman were charged", a headline's "Man arrested over murder"), or named with one ("a
    man, who was arrested", "a man charged with")."""
    while person.dep == "conj" and person.head != person.i:
        person = sentence.tokens[person.head]
    governor = sentence.tokens[person.head]
    if governor.lemma.lower() in HOLDING_VERBS and (
        person.dep in ("nsubjpass", "dobj")
        or (person.dep == "nsubj" and passive(sentence, governor.i))  # "Man arrested over"
    ):
        return True
    return any(
        c.dep in ("acl", "relcl") and c.lemma.lower() in HOLDING_VERBS
        for c in sentence.children(person.i)
    )


def _group_role(sentence: Sentence, head: int) -> str:
    """Return the role of a plural group of states or firms no mention names ("banks")."""
    token = sentence.tokens[head]
    if token.tag not in ("NNS", "NNPS") and token.text.lower() == token.lemma.lower():
        return ""
    return GROUP_ROLES.get(token.lemma.lower(), "")


def _in_theatre(context: str | None) -> TypeGuard[str]:
    """Return whether the story's country is a theatre of an international force (ISAF's)."""
    return (context or "") in INTERNATIONAL_FORCES


def _theatre_person(sentence: Sentence, head: int, context: str | None) -> list[Party]:
    """Return the insurgent side a person may be in a theatre with an international force.

    ISAF releases tell of "two men" detained or "the targeted leader" killed; the guide
    codes them as the insurgents the force was after (AFGREB), which the argument model
    weighs against the other parties by where the phrase stands from the trigger.
    """
    token = sentence.tokens[head]
    if not _in_theatre(context):
        return []
    if token.lemma.lower() not in PERSON_HEADS and token.text.lower() not in PERSON_HEADS:
        return []
    return [Party(context + "REB", token.text, "theatre-person")]


def _joined_country(sentence: Sentence, start: int, mentions: Sequence[Mention]) -> set[int]:
    """Return the country adjective joined to the phrase from its left, as its tokens.

    "Afghan and coalition forces", "Afghan, Coalition Forces": parsers often hang the
    adjective elsewhere, yet it qualifies the same noun. A country's own name is a party of
    its own: "an assault by Turkey and rebel forces" are Turkey and the rebels, no Turkish
    rebels.
    """
    i = start - 1
    while i >= 0 and sentence.tokens[i].text.lower() in JOINERS:
        i -= 1
    if i == start - 1 or i < 0:
        return set()
    if sentence.tokens[i].dep == "pobj":
        return set()  # "In Astana, Syrian government envoy ...": a venue, not a partner
    for m in mentions:
        if m.last == i and m.rule != "agent" and len(m.actor.code) == 3:
            if sentence.tokens[i].pos in ("ADJ", "PROPN") and not _country_name(m):
                return set(range(m.first, m.last + 1))
    return set()


def _country_name(mention: Mention) -> bool:
    """Return whether a country's mention is its name ("Turkey", "the U.S."), not an adjective."""
    return any(e.kind == "country" for e in load_gazetteer().lookup(mention.actor.text))


def _coordinated_country(
    sentence: Sentence, mention: Mention, head: int, mentions: Sequence[Mention]
) -> bool:
    """Return whether a country's name stands in the phrase at `head` as a party of its own.

    The parser hangs "Turkey" of "Turkey and rebel forces" on "forces" as it hangs "Afghan"
    of "Afghan and coalition forces"; a country's name joined by a conjunction is a second
    party, its adjective the same force's. A name joined to another country's
    ("U.S. and Afghan forces") qualifies the force with it.
    """
    if mention.rule == "agent" or len(mention.actor.code) != 3:
        return False
    if mention.first <= head <= mention.last:
        return False
    children = sentence.children(mention.last)
    if not any(child.dep == "cc" for child in children):
        return False
    listed = {m.last for m in mentions if m.rule != "agent" and len(m.actor.code) == 3}
    if any(child.dep == "conj" and child.i in listed for child in children):
        return False  # "U.S. and Afghan forces": two countries' forces
    return _country_name(mention)


def _joint_force(
    sentence: Sentence,
    head: int,
    inside: set[int],
    context: str | None,
    memory: DocumentMemory,
    role: str,
    named: bool,
) -> list[Party]:
    """Return the partners of a joint force the phrase names or the document remembers.

    "An Afghan-international force" adds ISAF to AFGMIL; "a combined force" and a bare
    "the force" in an Afghan story are AFGMIL and ISAF, or the joint force named earlier.
    """
    if role != "MIL" or sentence.tokens[head].lemma.lower() not in FORCE_HEADS:
        return []
    words = {sentence.tokens[t].lemma.lower() for t in inside}
    text = phrase_text(sentence, inside, head)
    international = INTERNATIONAL_FORCES.get(context or "")
    if named:
        if international and words & (INTERNATIONAL | JOINT):
            return [Party(international, text, "international")]
        return []
    if memory.joint:
        return list(memory.joint)  # "the security force" after "an Afghan and coalition force"
    if international and context:
        return [
            Party(context + "MIL", text, "context+role"),
            Party(international, text, "international"),
        ]
    return []


def _international(code: str) -> bool:
    """Return whether an actor code is an international body's (IGO...)."""
    return code.startswith("IGO")


def _role(code: str) -> str:
    role = code.strip("~")[:3]
    return ROLE_RENAMES.get(role, role)


def _rename(code: str) -> str:
    """Return a dictionary code as the guide writes it.

    A company is its country's business; a legislature or court the Phoenix file codes
    under its government ("the Senate": USAGOVLEG, scored as USAGOV) is itself (USALEG),
    as the guide codes parliaments and courts (section 3).
    """
    if code.startswith("MNC") and len(code) >= 6 and code[3:6].isalpha():
        return code[3:6] + "BUS" + code[6:]
    if len(code) >= 9 and code[3:6] == "GOV" and code[6:9] in GOVERNMENT_BRANCHES:
        return code[:3] + code[6:]
    if len(code) >= 6 and code[3:6] in ROLE_RENAMES:
        return code[:3] + ROLE_RENAMES[code[3:6]] + code[6:]
    return code


PHRASE_POS = frozenset({"NOUN", "PROPN", "PRON"})
# where a mistagged name still stands as an argument: subject, object, object of a preposition
NAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "dative", "appos", "conj"})
# readings a later "he" or "they" does not stand for: a bare country, the unseen speaker,
# a country's forces read from its bare name, and what was itself remembered
NOT_REMEMBERED = frozenset({"country", "speaker", "memory", "country-military", "crowd"})
# parties no quotation is attributed to: a guess from memory or the theatre
NOT_SPEAKERS = frozenset({"memory", "unknown", "crowd"})


def _crowds(sentence: Sentence, context: str | None) -> list[Party]:
    """Return the story's people who may protest where the sentence tells of a protest.

    The country is the story's (`context`); nothing where it is no state. Each code once.
    """
    if not context or context in NOT_STATES:
        return []
    roles = {CROWD_WORDS.get(t.lemma.lower(), "") for t in sentence.tokens if t.pos == "NOUN"}
    return [Party(context + role, "", "crowd") for role in sorted(roles - {""})]


def _force_as_means(sentence: Sentence, token: Token) -> bool:
    """Tell whether a singular "force" is the means of an act, not an armed force.

    "accusations that they used excessive force", "took the town by force", "the use of
    lethal force": no article, owner or number, and a manner word on it or a verb or
    preposition of use over it. "a force", "the security force", a headline's "Afghan force
    captures" (a subject) stay forces.
    """
    if token.lemma.lower() != "force" or token.tag != "NN":
        return False
    children = sentence.children(token.i)
    if any(c.dep in ("det", "poss", "nummod", "predet") for c in children):
        return False
    if any(c.dep == "amod" and c.lemma.lower() in MEANS_OF_FORCE for c in children):
        return True
    governor = sentence.tokens[token.head]
    if token.dep == "dobj":
        return governor.lemma.lower() in FORCE_USING_VERBS
    return token.dep == "pobj" and governor.lemma.lower() in ("by", "of", "with")


def sentence_parties(
    sentence: Sentence,
    mentions: Sequence[Mention],
    context: str | None,
    memory: DocumentMemory,
    perspective: str | None = None,
) -> list[tuple[int, Party]]:
    """Return every (phrase head, actor) the sentence offers as a possible source or target.

    Each noun, proper noun or pronoun heads a phrase, coded by `parties`; a code found
    under several heads is offered at each ("the leader of the Taliban" and "Taliban"),
    and the argument model picks among them by where each stands from the trigger. The
    speaker of a speech (`perspective`'s government) stands at head -1: the guide codes him
    as the source of what the speech says even where no "I" or "we" names him.
    """
    found: list[tuple[int, Party]] = []
    seen: set[tuple[int, str]] = set()
    if perspective:
        found.append((-1, Party(perspective + "GOV", "", "speaker")))
    found += [(CROWD, party) for party in _crowds(sentence, context)]
    memory.speaker = _quoted_speaker(sentence, mentions, context, memory, perspective)
    unresolved, groups = [], []
    # a name the parser mistagged heads its phrase all the same ("Trump, also on Twitter,
    # defended ...": "Trump" JJ)
    name_ends = {m.last for m in mentions if m.rule != "agent"}
    for token in sentence.tokens:
        if (
            token.pos not in PHRASE_POS
            and not (token.i in name_ends and token.dep in NAME_DEPS)
            and not _owner_adjective(sentence, token, mentions)
        ):
            continue
        if affiliated(sentence, token):
            continue  # "The UK" of "The UK-based Observatory" is where it sits, not a party
        if _kin_of(sentence, token):
            continue  # "the widow of the governor" is no governor, and the governor no party
        if _force_as_means(sentence, token):
            continue  # "they used excessive force while arresting him": a means, no army
        offered = pair_parties(sentence, token, found, memory)
        if not offered:
            offered = parties(sentence, token.i, mentions, context, memory, perspective)
        if not offered and _may_refer_back(sentence, token):
            speaker = _subject_before(sentence, token, mentions)
            if speaker is None:
                unresolved.append(token.i)
            else:
                offered = [
                    replace(p, text=token.text, kind="memory") for h, p in found if h == speaker
                ]
        elif not offered and _the_group(sentence, token):
            groups.append(token.i)
        for party in offered:
            if (token.i, party.code) not in seen:
                seen.add((token.i, party.code))
                found.append((token.i, party))
    found = _less_descriptions(sentence, found)
    earlier = dict.fromkeys(code for codes in memory.recent for code in codes)
    for head in unresolved:
        found += [(head, Party(code, sentence.tokens[head].text, "memory")) for code in earlier]
    for head in groups:
        found += [
            (head, Party(code, sentence.tokens[head].text, "memory"))
            for code in earlier
            if _organised(code)
        ]
    named = tuple(p.code for _, p in found if p.kind not in NOT_REMEMBERED)
    memory.recent = [*memory.recent, named][-RECENT:]
    paired = [party.code for _, party in found if party.kind not in NOT_PAIRED]
    memory.named = [*memory.named, *paired][-NAMED:]
    return found


NAMING_KINDS = frozenset({"full", "country", "country+role"})


def _less_descriptions(
    sentence: Sentence, found: list[tuple[int, Party]]
) -> list[tuple[int, Party]]:
    """Return `found` less the phrases that say what a party is, not who another one is.

    An apposition beside a name that codes (`_named_apposed`), a phrase naming only a
    role that is what an object is labelled as (`_described_as`) or the office sought
    after "for" (`_bare_for`), and what an object that codes is chosen as
    (`_chosen_as`).
    """
    kinds: dict[int, set[str]] = {}
    for head, party in found:
        kinds.setdefault(head, set()).add(party.kind)
    chosen_as = _chosen_as(sentence, kinds)
    dropped = {
        head
        for head, at in kinds.items()
        if head >= 0
        and (
            head in chosen_as
            or _named_apposed(sentence, head, kinds)
            or (at <= ROLE_ONLY and (_described_as(sentence, head) or _bare_for(sentence, head)))
        )
    }
    return [(head, party) for head, party in found if head not in dropped]


def _named_apposed(sentence: Sentence, head: int, kinds: dict[int, set[str]]) -> bool:
    """Return whether the phrase at `head` is an apposition's description of a name that codes.

    "Trump's Attorney General, Jeff Sessions -- a former Senator and frequent campaign
    surrogate -- met Kislyak": the description is the named man, not a second party (a
    senator of the story's country) to meet Kislyak beside him. A description with a name
    of its own ("Mubarak, the former President of Egypt") stays, and so does one beside a
    name the dictionaries lack ("Ahmed, a rebel commander"). `kinds` holds the party kinds
    offered at each head.
    """
    token = sentence.tokens[head]
    if token.dep != "appos" or kinds[head] != {"context+role"}:
        return False
    anchor = token.head
    group = {anchor} | {c.i for c in sentence.children(anchor) if c.dep == "appos"}
    return any(kinds.get(other, set()) & NAMING_KINDS for other in group - {head})


# verbs whose "as" phrase says what their object is: "labeled Soleimani as a terrorist"
DESCRIBING_VERBS = frozenset(
    """label designate describe brand regard call name list classify view consider identify
    declare treat portray depict characterize characterise dub""".split()
)
# what a phrase naming no one but a role is coded as
ROLE_ONLY = frozenset({"context+role", "unknown"})


def _described_as(sentence: Sentence, head: int) -> bool:
    """Return whether the phrase at `head` is the role an object is described as.

    "The United States government labeled Soleimani as a terrorist and levied sanctions
    against him": "a terrorist" is what Soleimani is called, no second party (a rebel of the
    story's country); "the IRGC was designated as a terrorist organisation" likewise. The
    caller asks only of a phrase that names no one of its own ("named him as Iran's envoy"
    stays); what a subject serves as ("served as a Taliban commander") is no description:
    the verb has no object.
    """
    tokens = sentence.tokens
    if tokens[head].dep != "pobj":
        return False
    preposition = tokens[tokens[head].head]
    verb = tokens[preposition.head]
    return (
        preposition.lemma.lower() == "as"
        and preposition.dep == "prep"
        and verb.lemma.lower() in DESCRIBING_VERBS
        and any(c.dep in ("dobj", "nsubjpass") for c in sentence.children(verb.i))
    )


# verbs whose "as" phrase is the office or part their object is chosen for
CHOOSING_VERBS = frozenset(
    """endorse elect reelect nominate appoint reappoint choose select pick confirm install
    name designate swear crown""".split()
)


def _chosen_as(sentence: Sentence, kinds: dict[int, set[str]]) -> set[int]:
    """Return the tokens of the "as" phrases that say what an object is chosen for.

    "Warren was proud to endorse Joe Biden as president of the United States": the
    presidency is what Biden is endorsed for, no second party (the US government) beside
    him, and "the United States" inside it none either. Only where the object codes
    itself (a party heads it): "named him as Iran's envoy" with an unknown "him" keeps the
    phrase, the one place the text says who he is.
    """
    inside: set[int] = set()
    for token in sentence.tokens:
        if token.lemma.lower() != "as" or token.dep != "prep":
            continue
        verb = sentence.tokens[token.head]
        if verb.lemma.lower() not in CHOOSING_VERBS or not any(
            child.dep == "dobj" and child.i in kinds for child in sentence.children(verb.i)
        ):
            continue
        inside |= {t.i for t in sentence.subtree(token.i)} - {token.i}
    return inside


def _bare_for(sentence: Sentence, head: int) -> bool:
    """Return whether the phrase at `head` is an office or trade named after "for".

    "Sanders endorsed former Vice President Joe Biden for president", "ran for president",
    "open for business": a singular common noun with no determiner or modifier after "for"
    is the office sought or the trade done, no party (a president of the story's country).
    "Support for the president", "a bill for farmers" keep theirs. The caller asks only of
    a phrase that names no one but a role.
    """
    token = sentence.tokens[head]
    if token.tag != "NN" or token.dep != "pobj":
        return False
    if sentence.tokens[token.head].lemma.lower() != "for":
        return False
    return not any(child.dep != "punct" for child in sentence.children(head))


def pair_parties(
    sentence: Sentence,
    token: Token,
    before: Sequence[tuple[int, Party]],
    memory: DocumentMemory,
) -> list[Party]:
    """Return the two actors "the two sides" or "both countries" at `token` stands for.

    They are the two nearest the text named, by state (an organisation by its first six
    characters): earlier in the sentence ("Li met Swiss President Leuthard and the two sides
    signed ..."), else in the sentences before, else the story's most named. The guide codes
    a pair's act on no third party as each side's on the other ("Talks began in 2011 and the
    two sides sealed the deal in 2013": CHNGOV -> CHEGOV 046 and CHEGOV -> CHNGOV 046);
    `learn.coder._reciprocal` adds those. Leaders and governments are the states'
    governments.
    """
    if token.lemma.lower() not in PAIR_HEADS or token.tag != "NNS":
        return []
    if not any(
        child.dep in PAIR_DEPS and child.text.lower() in PAIR_WORDS
        for child in sentence.children(token.i)
    ):
        return []
    nearest = [party.code for _, party in reversed(before) if party.kind not in NOT_PAIRED]
    nearest += reversed(memory.named)
    nearest += [code for code, _ in memory.actors.most_common()]
    # "both countries" are states: NATO, named between Greece and Turkey, is neither
    states_only = token.lemma.lower() in STATE_PAIR_HEADS
    chosen: dict[str, str] = {}
    for code in nearest:
        state = state_of(code)
        if states_only and code[:3] in ORGANISATIONS:
            continue
        if state != UNKNOWN and state not in chosen:
            chosen[state] = code
        if len(chosen) == 2:
            break
    if len(chosen) < 2:
        return []
    governed = token.lemma.lower() in ("leader", "government")
    text = phrase_text(sentence, _phrase(sentence, token.i), token.i)
    return [
        Party(code + "GOV" if governed and len(code) == 3 else code, text, "pair")
        for code in chosen.values()
    ]


def state_of(code: str) -> str:
    """Return whose side an actor code is on, as a pair's two sides are told apart.

    A state by its three letters ("USAGOV" and "USAMIL" are one side), an organisation by
    its first six characters ("IGOEUREEC" and "IGOUNO" are two).
    """
    return code[:6] if code[:3] in ORGANISATIONS else code[:3]


def _owner_adjective(sentence: Sentence, token: Token, mentions: Sequence[Mention]) -> bool:
    """Return whether `token` is a named actor's adjective on a noun no role names.

    "repeated Iranian attack", "Israeli airstrikes", "the Turkish offensive": the adjective
    is the act's source, yet it stands inside the phrase the act's own noun heads, which is
    never the act's argument; so it heads a phrase of its own. "Iranian officials" is one
    party, at "officials".
    """
    if token.pos != "ADJ" or token.dep != "amod":
        return False
    parent = sentence.tokens[token.head]
    if parent.pos != "NOUN" or any(m.first <= parent.i <= m.last for m in mentions):
        return False
    return any(m.first <= token.i <= m.last and m.rule != "agent" for m in mentions)


QUOTATION_MARKS = frozenset('"\u201c\u201d')
# sentences without a mark that a quotation opened before may still hold
QUOTED_RUN = 3


def _quoted_speaker(
    sentence: Sentence,
    mentions: Sequence[Mention],
    context: str | None,
    memory: DocumentMemory,
    perspective: str | None,
) -> tuple[Party, ...]:
    """Return the parties of whoever speaks the sentence's first person, if the text says.

    A sentence holding a quotation and one attribution verb ("said", "told", "added")
    whose subject names an actor: its "I", "we" and "our" are that speaker's ('"We will
    respond," Lavrov said'). A quotation without one continues the one before and keeps
    its speaker ('"... the American people," Tillerson said. "Where we do not see eye to
    eye, ...'). So does a sentence with no mark inside a quotation still open ('Johnson
    continued, "And I hope ... That's a point that we've raised ...'; `_quoted_after`).
    Otherwise none: the caller falls back on the speech's perspective.
    """
    tokens = sentence.tokens
    previous, memory.speaker = memory.speaker, ()
    inside, memory.quoted_run = memory.quoted_run, _quoted_after(tokens, memory.quoted_run)
    memory.quoted = _quoted_tokens(tokens, bool(inside))
    if not any(t.text in QUOTATION_MARKS for t in tokens):
        # "As Lincoln said, we must ...": a speech's "we" stays its speaker's
        return previous if inside else ()
    subjects = [
        child.i
        for verb in tokens
        if verb.lemma.lower() in ATTRIBUTION_VERBS and verb.pos in ("VERB", "AUX")
        for child in sentence.children(verb.i)
        if child.dep == "nsubj" and child.text.lower() not in FIRST_PERSON
    ]
    if len(subjects) == 1:
        found = parties(sentence, subjects[0], mentions, context, memory, perspective)
        return tuple(p for p in found if p.kind not in NOT_SPEAKERS)
    return previous if not subjects else ()


def _quoted_after(tokens: Sequence[Token], run: int) -> int:
    """Return how many sentences a quotation has stood open after this one (0 if closed).

    `run` is the count before the sentence. A sentence whose last quotation mark has words
    after it opens one ('Johnson continued, "And I hope ...'); one whose last mark ends it
    closes it; one with no mark carries it on, for up to QUOTED_RUN sentences. The marks
    are not counted in pairs: the sentences the pre-filter skips are never seen here.
    """
    marks = [t.i for t in tokens if t.text in QUOTATION_MARKS]
    if not marks:
        return run + 1 if 0 < run < QUOTED_RUN else 0
    return 1 if any(t.text[:1].isalnum() for t in tokens[marks[-1] + 1 :]) else 0


def _quoted_tokens(tokens: Sequence[Token], open_before: bool) -> frozenset[int]:
    """Return the tokens between quotation marks (`open_before`: one opened earlier)."""
    quoted = set()
    inside = open_before
    for token in tokens:
        if token.text in QUOTATION_MARKS:
            inside = not inside
        elif inside:
            quoted.add(token.i)
    return frozenset(quoted)


# the roles whose spokesman's bare "the army", "the police" are his own branch's
SPEAKING_BRANCHES = frozenset({"MIL", "COP"})


def _spokesmans_own(memory: DocumentMemory, head: int, role: str) -> str | None:
    """Return the speaker's country where a quoted forces or police spokesman names his own
    branch: '"... the air force targeted three Hamas posts," the Israeli military said'."""
    speaking = _speaking_state(memory.speaker)
    if speaking is None or head not in memory.quoted or role not in SPEAKING_BRANCHES:
        return None
    return speaking.code[:3] if speaking.code[3:6] == role else None


def _speaking_state(speaker: Sequence[Party]) -> Party | None:
    """Return the first of the quotation's speaker's parties that is a state's."""
    return next(
        (p for p in speaker if p.code[:3] != UNKNOWN and p.code[:3] not in ORGANISATIONS), None
    )


def _speaker_country(speaker: Sequence[Party]) -> str | None:
    """Return the country of the quotation's speaker, when it has one."""
    speaking = _speaking_state(speaker)
    return speaking.code[:3] if speaking is not None else None


def _subject_before(sentence: Sentence, pronoun: Token, mentions: Sequence[Mention]) -> int | None:
    """Return the head of the person who is the subject before a "he" or "she", if any.

    The anaphora stage leaves a pronoun after a person named in its own sentence to the
    parse ("Merkel said she was proud to support the agreement"), and such a pronoun was
    offered the persons of the sentences before (Erdogan and Putin for Merkel's "she"). A
    subject "he" or "she" after a person who is a subject is that person: the speaker of
    "said he would", the doer of "met Abe and he said". None where no person is a subject
    before it (an object "him" or a possessive "his" may be anyone's).
    """
    if pronoun.text.lower() not in SUBJECT_PRONOUNS or pronoun.dep not in SUBJECTS:
        return None
    subjects = [
        m.last
        for m in mentions
        if m.last < pronoun.i
        and m.rule != "agent"
        and len(m.actor.code) >= PERSON_CODE
        and sentence.tokens[m.last].dep in SUBJECTS
    ]
    return subjects[-1] if subjects else None


def _the_group(sentence: Sentence, token: Token) -> bool:
    """Return whether an object is "the group" (or militants, movement ...) named before.

    "Trump has repeatedly vowed to eliminate the group" after ISIL was named: a subject
    may stand for anyone named before (`_may_refer_back`), an object only for a group
    (`_organised`), and only with "the".
    """
    if token.dep in SUBJECTS or token.lemma.lower() not in GROUP_NOUNS:
        return False
    children = list(sentence.children(token.i))
    return any(c.dep == "det" and c.text.lower() == "the" for c in children) and not any(
        c.dep in ("amod", "compound", "poss", "prep", "relcl", "acl") for c in children
    )


def _organised(code: str) -> bool:
    """Return whether a code is an organisation's or an armed group's (IMG, NGO, xxxREB)."""
    return code[:3] in ORGANISATIONS or code[3:6] in ("REB", "INS")


def _may_refer_back(sentence: Sentence, token: Token) -> bool:
    """Return whether an uncoded phrase may be an actor named before ("he", "Sessions").

    A subject may be a name the dictionaries lack; an object or possessor only a pronoun
    ("arrested him", "their leader"). A name given an apposition ("Ahmed al-Assadi, a
    spokesman for the PMF") is introduced here, not named before, and so is a noun with
    an indefinite article ("An individual has been arrested after the mayor was stabbed").
    """
    word = token.text.lower()
    if not word[:1].isalpha():
        return False  # the hyphen of "al-Assad", a number
    if token.dep in SUBJECTS:
        introduced = any(
            child.dep == "appos" or (child.dep == "det" and child.text.lower() in INDEFINITE)
            for child in sentence.children(token.i)
        )
        if token.pos == "NOUN" and token.lemma.lower() not in REFERRING_NOUNS:
            return False
        return word not in NOT_ACTORS and not introduced
    return token.pos == "PRON" and word in THIRD_PERSON
