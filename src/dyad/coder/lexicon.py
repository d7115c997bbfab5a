"""The words the coder reads by: each list once, with what it is for.

Word lists are data: the stages import them from here, so a list is written and
documented once, and two lists that look alike say why they differ (`ATTRIBUTION_VERBS`
attribute a clause to a source for factuality, `ANNOUNCING_VERBS` are the few whose date
words date the report, not what it reports). Lemmas are lowercase unless a list says
otherwise; `GENERIC_ROLES` holds dictionary words, upper case as the dictionaries write them.
"""

from __future__ import annotations

# --- Factuality (`modality`): what makes an event reported, believed, hedged, intended,
# negated or conditional.

# Verbs that attribute their clause to a source ("the ministry said ..."): reported.
ATTRIBUTION_VERBS = frozenset(
    {"say", "tell", "report", "claim", "announce", "state", "add", "note", "insist", "assert",
     "declare", "confirm", "warn", "accuse", "quote", "write", "explain", "acknowledge",
     "admit", "reveal", "disclose", "stress", "argue", "indicate", "maintain"}
)  # fmt: skip
# Verbs of belief: what is believed is speculative.
BELIEF_VERBS = frozenset(
    {"believe", "think", "suspect", "suggest", "speculate", "guess", "fear", "assume", "doubt"}
)
# Governors that negate their complement ("denied attacking", "refused to meet").
NEGATING_GOVERNORS = frozenset(
    {"deny", "reject", "dismiss", "refute", "rule out", "fail", "decline", "refuse", "refrain",
     "neglect", "avoid", "unable", "unwilling"}
)  # fmt: skip
# Nouns that negate the infinitive they take: "Japan's unwillingness to recognize Russia's
# administration", "the refusal to meet", "a failure to agree".
NEGATING_NOUNS = frozenset({"refusal", "unwillingness", "failure", "inability", "denial"})
# Verbs that hedge ("seemed to", "allegedly"): speculative.
HEDGING_VERBS = frozenset({"seem", "appear", "allege"})
# Verbs of intent: what is planned or promised has not happened (hypothetical).
INTENT_VERBS = frozenset(
    {"plan", "intend", "want", "hope", "aim", "expect", "threaten", "promise", "pledge", "vow"}
)
# Words that put their infinitive on a timetable ("set to meet", "is due to sign", "scheduled
# to visit"): a forecast, like "will".
SCHEDULING_WORDS = frozenset({"set", "schedule", "slate", "due", "poise"})
# Nouns whose infinitive states an aim, not an act done: "an operation to detain" (hypothetical).
PURPOSE_NOUNS = frozenset(
    "operation mission raid effort attempt bid campaign plan offensive search".split()
)
# Verbs of planning: the act planned is hypothetical ("plans attacks", "preparing for an attack").
PLANNING_VERBS = frozenset({"plan", "prepare", "plot"})
# Verbs whose object names the act ("hold talks", "launch an attack", "pay a visit"): the
# object takes the verb's negation, modals and reporters.
LIGHT_VERBS = frozenset(
    "hold have conduct carry launch stage make mount begin start open pay give take resume".split()
)
# Cues a speaker performs a verbal act with ("I want to thank", "we must salute").
PERFORMATIVE_CUES = frozenset({"want", "will", "shall", "going to", "must", "should", "wish"})
# Verbs that ask someone else to act: the act asked for is hypothetical.
DIRECTIVE_VERBS = frozenset({"ask", "urge", "demand", "order", "call", "request", "press"})
# Predicates of likelihood ("it is possible that ..."): speculative.
SPECULATIVE_ADJECTIVES = frozenset(
    {"possible", "likely", "unlikely", "probable", "conceivable", "plausible", "unclear"}
)
HEDGING_ADJECTIVES = SPECULATIVE_ADJECTIVES - {"unclear"}  # "is likely to": hedged
ABILITY_ADJECTIVES = frozenset({"able", "unable"})  # "not able to bring" negates like "cannot"
# Adverbs that make their clause speculative.
SPECULATIVE_ADVERBS = frozenset(
    {"maybe", "perhaps", "possibly", "probably", "likely", "apparently", "supposedly",
     "allegedly", "presumably", "seemingly", "purportedly"}
)  # fmt: skip
# Modals that speculate ("may have attacked").
SPECULATIVE_MODALS = frozenset({"may", "might", "could"})
# Modals of obligation: what should be done is not done yet.
OBLIGATION_MODALS = frozenset({"should", "must", "ought"})
# Modals of a forecast ("will attack"): hypothetical, but a promise or threat is the event.
FORECAST_MODALS = frozenset({"will", "shall"})
# Subordinators of a condition or an open question: hypothetical.
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Negation cues.
NEGATION_WORDS = frozenset({"not", "n't", "never", "no"})
# Words that put an office holder out of office: "former President Obama", "the ex-president",
# "South Korea's ousted president" (guide, section 3: a former minister is ELI).
OUT_OF_OFFICE = frozenset({"former", "formerly", "ex", "ousted", "deposed"})
# Nouns of a report whose content is reported ("a claim that ..."); not `UTTERANCE_NOUNS`,
# which are the things said as a phrase head for actors.
REPORT_NOUNS = frozenset({"report", "claim", "statement", "announcement", "assertion"})
# Nouns whose content is speculative ("signs that ...", "fears of ...").
SPECULATIVE_NOUNS = frozenset(
    {"sign", "possibility", "suspicion", "speculation", "rumor", "rumour", "allegation", "fear",
     "indication", "likelihood"}
)  # fmt: skip
# Determiners that make a believer someone named ("the minister", not "some analysts").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# Believers who are the author ("we believe"), not a named source; see also
# `FIRST_PERSON_PLURAL`, the words that stand for the author's country.
FIRST_PERSON = frozenset({"i", "we"})
# Conjunctions of contrast: the second clause does not share the first one's negation
# ("did not attack but threatened").
CONTRAST_CONJUNCTIONS = frozenset({"but", "yet"})

# --- Dates (`dates.clause`).

# Verbs whose object or complement clause is the event they report: their own date words
# date the report (the press release's "today"), not what it reports.
ANNOUNCING_VERBS = frozenset(
    "acknowledge announce confirm disclose reveal report say state tell".split()
)
# Nouns a date word premodifies without dating an event ("Tuesday morning"); not
# `TIME_NOUNS`, the heads of adverbials that only say when.
DAY_PART_NOUNS = frozenset("morning afternoon evening night day weekend hours".split())

# --- Actors (`actors`): nouns whose phrase names an actor, a thing or an event.

# Heads whose possessor names someone else: "Iraq's neighbors" are not Iraq.
RELATIONAL_NOUNS = frozenset(
    """neighbor neighbour ally enemy foe friend rival adversary opponent critic supporter
    backer partner victim hostage prisoner detainee""".split()
)
# Heads of an apposition that says what a person is ("Agnès Callamard, a UN rapporteur",
# "Denis Voronenkov, a Russian politician"): the name takes the apposition's actor
# (`anaphora.appositive_mentions`). Not a commentator's trade ("an analyst at ..."): what he
# says is no act of a party.
PERSON_ROLE_NOUNS = frozenset(
    """minister secretary spokesman spokeswoman spokesperson director chief head leader
    official member rapporteur envoy ambassador adviser advisor commander president
    chairman chairwoman chair governor mayor senator lawmaker legislator prosecutor judge
    general colonel aide diplomat negotiator representative deputy premier chancellor
    officer lieutenant captain admiral inspector commissioner attorney counsel cleric
    imam editor correspondent activist candidate founder executive politician businessman
    businesswoman journalist reporter blogger lawyer dissident campaigner soldier militant
    fighter priest bishop student professor""".split()
)
# Words that stand for the author's country when a document has a perspective.
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})

# dependency labels of a word that qualifies the noun it hangs on: "Hong Kong demonstrations",
# "Saudi-backed coalition", "North Korea"; the context, coalitions and argument stages and
# Coder v2's topics read them
QUALIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Prepositions of a place phrase inside a noun phrase ("envoys in Ankara").
PLACE_PREPOSITIONS = frozenset({"in", "from"})
# Nouns that name an event, not a participant: their place phrase is where it happened.
EVENT_NOUNS = frozenset(
    """attack assault offensive raid strike bombing shelling invasion operation campaign
    visit meeting talk talks protest demonstration crackdown clash fighting war ceasefire
    election summit conference negotiation agreement accord deal unrest violence crisis
    conflict situation tension tensions uprising insurgency turmoil""".split()
)
# Heads that take their role from a qualifier when there is one ("rebel spokesman").
GENERIC_ROLES = frozenset(
    """LEADER LEADERS OFFICIAL OFFICIALS SPOKESMAN SPOKESWOMAN SPOKESPERSON CHIEF CHIEFS
    HEAD HEADS UNIT UNITS DELEGATION DELEGATIONS COMMANDER COMMANDERS
    SGT. CPL. PVT. PFC. SPC. LT. COL. CAPT. MAJ. BRIG. GEN. ADM. SUPT. INSP.""".split()
)
# Things, not participants: "military support", "US relations", "naval exercises".
NOT_ACTOR_HEADS = frozenset(
    """support aid assistance help exercise drill operation relation tie cooperation
    equipment hardware spending budget presence action activity capability buildup
    build-up program programme plan policy strategy intervention involvement pressure
    threat sanction reform interest influence role power spending base facility
    weapon arm hardware technology training vote allegation accusation claim charge
    report statement remark comment background issue seat office rule""".split()
)
# What a government decides or proposes: "Seoul's offer" is the South Korean government's.
DECISION_NOUNS = frozenset(
    """offer proposal decision demand request plan call statement policy position response
    refusal announcement""".split()
)
# What was said: "remarks in Doha" are no Qatari's.
UTTERANCE_NOUNS = frozenset(
    "remark statement comment report allegation accusation claim speech interview message".split()
)
# Misfortunes without an author.
ACCIDENT_NOUNS = frozenset(
    """crash accident collapse earthquake quake flood flooding storm hurricane typhoon
    cyclone tornado landslide mudslide avalanche tsunami drought famine disease illness
    virus outbreak epidemic pandemic stampede heatwave wildfire""".split()
)
# Of `NOT_ACTOR_HEADS`, the relations a modifying country takes part in but does not own
# ("US relations"; "Iranian arms" are Iran's).
RELATION_NOUNS = frozenset("relation tie cooperation exercise drill policy strategy".split())

# --- Anaphora (`anaphora`, `prefilter`): pronouns the coder resolves.

# Subjects, active and passive: a "he" that is one is the previous sentence's subject.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Mention rules that name a person through what came before (`anaphora`, `genders`).
PERSON_RULES = frozenset({"anaphora", "named-before", "appositive", "titled-before"})
# The rule of a they/them/their read as the group named before: no person, so never the
# antecedent of a later "he" ("They never made a phone call to Russia. ... he said").
GROUP_ANAPHORA = "group-anaphora"
# Pronouns that stand for the person named last.
PERSONAL_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
# Those of them that are a subject's.
SUBJECT_PRONOUNS = frozenset({"he", "she"})
# Pronouns that stand for the one group the sentence before named.
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
# Capitalised words that are no name the dictionary lacks (in a sentence only tokenized).
FUNCTION_WORDS = frozenset(
    """the a an in on at but and or as after before when while he she it they this that
    these those his her their its we our i if for from with by to of last""".split()
)

# --- Arguments (`arguments`): who acts on whom.

# Prepositions whose object is a time or a reason, never a target ("after the talks").
NOT_TARGET_PREPOSITIONS = frozenset({"during", "since", "until", "after", "before", "despite"})
# Forums whose topic or venue is no participant ("a summit on Iran"); lemmas, as they are
# compared: "talks" is "talk".
FORUM_NOUNS = frozenset(
    """summit talk meeting conference session debate discussion negotiation dialogue
    report statement remark speech resolution briefing""".split()
)
# Gatherings held away from home: the place "in" them is a venue, not the participants'
# country ("peace talks in Geneva", "a summit in Paris"); lemmas.
VENUE_WORDS = frozenset(
    "summit talk meeting conference session negotiation dialogue meet convene gather".split()
)
# Verbs of a go-between: "a ceasefire brokered by Egypt" has Egypt as no party.
GO_BETWEEN_VERBS = frozenset({"broker", "mediate", "sponsor", "host", "organize", "organise"})
# Subjects of a reported clause that stand for the reporter ("Tehran said it would ...").
ANAPHORS = frozenset({"it", "they", "he", "she"})
# Verbs whose own subject, not their object, acts in their complement ("promised X to").
SUBJECT_CONTROL_VERBS = frozenset({"promise", "pledge", "vow", "threaten", "offer"})
# Attacks and weapons: in "killed in an Israeli air strike" the strike's owner is the agent.
FORCE_MEANS_NOUNS = frozenset(
    """attack assault offensive raid strike airstrike bombing bombardment shelling ambush
    fire gunfire crossfire barrage tank missile rocket mortar drone artillery gunship""".split()
)

# --- Events (`events`): verbs whose arguments are read in their own way.

# Verbs whose subject suffers the event; only a pattern names who caused it.
PATIENT_VERBS = frozenset({"die", "perish", "succumb"})
# Consultation verbs one does alone ("X and Y are considering runs" is no meeting).
SOLITARY_VERBS = frozenset(
    {"consider", "contemplate", "mull", "deliberate", "ponder", "weigh", "muse", "meditate"}
)
# Verbs of giving: with a recipient named, the direct object is what is given.
GIVING_VERBS = frozenset(
    """send deploy dispatch provide give supply deliver ship offer grant lend transfer sell
    donate extend pledge""".split()
)
# ... whose object is always what is given ("provide Iraq with arms" is not one of them)
SENDING_VERBS = frozenset(
    "send deploy dispatch ship deliver donate transfer sell lend pledge extend".split()
)
# Verbs of an agreement between conjoined subjects ("Israel and Hamas agreed").
AGREEING_VERBS = frozenset({"agree", "reach", "sign", "conclude"})
# force both sides use on each other; "attacked" and "struck" go one way
MUTUAL_FORCE_VERBS = frozenset(
    """battle clash fight skirmish duel grapple wrestle quarrel altercate struggle conflict
    combat exchange spar""".split()
)
# Words that make conjoined subjects act on each other ("their meeting", "jointly").
RECIPROCAL_CUES = frozenset({"their", "other", "another", "jointly", "together", "mutual"})
# Verbs of receiving: what is received is the giver's act.
RECEIVING_VERBS = frozenset({"receive", "get", "obtain", "gain", "procure", "win"})

# --- Composition (`compose`): verbs coded through their complement.

# Verbs that report a claim even when the verb dictionary gives them no code of their own.
CLAIM_VERBS = frozenset({"claim", "allege", "charge", "insist", "assert"})
# Verbs that end what their complement does: "stopped sending weapons" is no supply of arms.
HALTING_VERBS = frozenset(
    {"stop", "halt", "cease", "end", "suspend", "quit", "discontinue", "terminate"}
)

# --- Verb patterns (`patterns`).

# Heads of an adverbial that only says when ("last week"): no pattern word.
TIME_NOUNS = frozenset(
    "day week month year time hour night weekend morning evening afternoon decade period".split()
)
