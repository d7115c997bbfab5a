"""Find the dictionary actors a parsed sentence names: `find_mentions`.

Reads: Sentence tokens (text, lemma, pos). Adds: Mention(first, last, actor, rule) for every
dictionary phrase, longest first and without overlap: names and their dated roles, spelling
variants by a consonant skeleton ("Ahmadi-Nezhad" ~ "Ahmadinejad"), surnames of known
persons, and common words that only look like names left out ("a male" is no Maldives).
`actors.resolve_phrase` turns a noun phrase and these mentions into one Actor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from dyad.coder.lexicon import QUALIFIER_DEPS
from dyad.dates.vocabulary import CALENDAR_WORDS
from dyad.dictionaries.entries import ActorDictionary, ActorEntry, unaccented
from dyad.dictionaries.loader import PERSONAL_TITLES, skeleton
from dyad.records import Actor, Mention, Sentence, Token

_SKIP_TOKENS = frozenset({"-", "\u2013", "\u2014"})
# names the Phoenix file gives one state's chamber that other states' chambers bear too:
# a bare "Senate" there is the US Congress (USAGOVLEG), but the Philippines, Italy, Brazil
# and Nigeria have one
SHARED_CHAMBERS = {"SENATE": ("USA", "LEG")}


def _match_words(
    tokens: Sequence[Token], dictionary: ActorDictionary
) -> list[tuple[int, str, str]]:
    """Return (token index, upper text, original text) for tokens that take part in matching.

    A typographic apostrophe reads as the dictionaries' straight one ("People’s"), and a
    word whose letters a wrong codec mangled as the one key word it can be ("F\ufffd\ufffdin").
    """
    return [
        (t.i, dictionary.unmangled(t.text.upper().replace("’", "'")), t.text)
        for t in tokens
        if t.text not in _SKIP_TOKENS
    ]


def find_mentions(
    sentence: Sentence, dictionary: ActorDictionary, *, on_date: str | None
) -> list[Mention]:
    """Return the longest dictionary matches in `sentence`, left to right, without overlap.

    Args:
        sentence: A parsed sentence.
        dictionary: Compiled actor and agent dictionary.
        on_date: ISO date used to choose among dated roles; None keeps undated roles.
    """
    words = _match_words(sentence.tokens, dictionary)
    uppers = [w[1] for w in words]
    mentions: list[Mention] = []
    position = 0
    first_words = dictionary.first_words
    while position < len(words):
        found = None  # most words: no phrase starts with them, and no name either
        if uppers[position] in first_words:
            found = _longest_match(words, uppers, position, dictionary, on_date)
            found = _past_article(words, uppers, position, found, dictionary, on_date)
        if found is None and words[position][2][:1].isupper():
            found = _variant_match(words, position, dictionary, on_date)
        if found is None and words[position][2] == "IS":
            found = _bare_is(words, position, dictionary, on_date)
        if found is None and _bare_house(words, position):
            first = words[position][0]
            found = 1, Mention(first, first, Actor("House", "LEG", None, None), "agent")
        if found is None:
            position += 1
            continue
        length, mention = found
        mentions.append(mention)
        position += length
    starts = {m.first for m in mentions}
    covered = {i for m in mentions for i in range(m.first, m.last + 1)}
    return [
        m
        for m in mentions
        if not _first_name(sentence.tokens, m, starts, dictionary)
        and not _particled_surname(sentence.tokens, m, dictionary)
        and not _prefixed(sentence.tokens, m)
        and not _rank_in_a_title(sentence.tokens, m)
        and not (m.rule == "actor-surname" and sentence.tokens[m.first].pos in _FUNCTION_POS)
        and not _common_word(sentence.tokens, m)
        and not _inside_longer_name(sentence.tokens, m, covered, dictionary)
        and not _gloss_in_a_name(sentence.tokens, m, covered, dictionary)
        and not _placed_surname(sentence.tokens, m)
    ]


def headline_surnames(
    sentences: Sequence[Sentence], named: Sequence[Sequence[Mention]], dictionary: ActorDictionary
) -> list[list[Mention]]:
    """Return each sentence's mentions, a headline's bare surname read as the person the
    story names in full.

    `named` holds the mentions of the document's `sentences`, in order. Headlines name
    people by surname before the body names them in full: "Rand drops as Zuma recalls South
    Africa's finance minister" is Jacob Zuma's act, but the dictionary gives "Zuma" to two
    persons in office that day, so the surname alone named no one. A capitalised name word
    of a headline that is the last word of exactly one dictionary person the document
    names in full is that person: where no mention covers it (a word in capitals the
    parser took for a noun too: "HAUGHEY TO SEEK EC ADVICE"), and where the dictionary
    read the word alone as someone else ("HUSSEIN SAYS IRAN'S YEAR OF DECISIVENESS FOILED"
    is King Hussein of Jordan's by the one-word entry, Saddam Hussein's by the body), as
    the anaphora stage reads the body's own later "Hussein". Where both readings are one
    state's person, the headline's keeps its dated role ("BAKER SAYS": the dictionary's
    James Baker of 1987 is USAGOV, the body's "James Baker" an entry with no role then).
    """
    persons: dict[str, set[Actor]] = {}  # surname -> the persons named in full by it
    for sentence, mentions in zip(sentences, named, strict=True):
        for mention in mentions:
            full_name = mention.rule == "actor" and mention.last > mention.first
            if full_name and mention.actor.entry in dictionary.people:
                surname = sentence.tokens[mention.last].text.upper()
                persons.setdefault(surname, set()).add(replace(mention.actor, text=""))
    found = [list(mentions) for mentions in named]
    if not persons:
        return found
    for n, (sentence, mentions) in enumerate(zip(sentences, found, strict=True)):
        if sentence.segment.kind != "headline":
            continue
        found[n] = mentions = [_as_named(sentence, m, persons, dictionary) for m in mentions]
        covered = {i for m in mentions for i in range(m.first, m.last + 1)}
        for token in sentence.tokens:
            actors = persons.get(token.text.upper(), set())
            if token.i in covered or len(actors) != 1 or not token.text[:1].isupper():
                continue
            if token.pos == "PROPN" or (token.pos == "NOUN" and token.text.isupper()):
                actor = replace(next(iter(actors)), text=token.text)
                mentions.append(Mention(token.i, token.i, actor, "actor-surname"))
        mentions.sort(key=lambda m: m.first)
    return found


def _as_named(
    sentence: Sentence,
    mention: Mention,
    persons: dict[str, set[Actor]],
    dictionary: ActorDictionary,
) -> Mention:
    """Return a headline's one-word person as the one person the body names in full by it."""
    if mention.first != mention.last or mention.actor.entry not in dictionary.people:
        return mention
    actors = persons.get(sentence.tokens[mention.first].text.upper(), set())
    if len(actors) != 1:
        return mention
    actor = next(iter(actors))
    if actor.code[:3] == mention.actor.code[:3]:
        return mention  # one state's person either way: "BAKER" keeps his dated role
    return Mention(
        mention.first, mention.last, replace(actor, text=mention.actor.text), "actor-surname"
    )


# a text of fewer sentences with actors says too little to tell whose a bare surname is
STORY_SENTENCES = 3


def without_strangers(named: Sequence[Sequence[Mention]]) -> list[list[Mention]]:
    """Return each sentence's mentions without surnames of persons the story gives no home.

    `named` holds a document's sentences' mentions, in order. "German Foreign Minister
    Gabriel" is no Haitian minister, "Navy SEAL William 'Ryan' Owens" no Irish one, "Owens'
    father, Bill" no official of Equatorial Guinea: a bare surname (`actor-surname`) whose
    person's country no other mention of the whole document names (a country, a
    nationality, a full name) is someone the dictionary lacks. On the real-text gold's train
    split such surnames stood in 70 sentences and were an actor of the sentence's gold in
    none of the 28 that have events; the other bare surnames were right in 150 of 185. A text
    of fewer than STORY_SENTENCES sentences with actors tells too little and keeps them.
    """
    if len(named) < STORY_SENTENCES:
        return [list(mentions) for mentions in named]
    homes = {m.actor.code[:3] for mentions in named for m in mentions if m.rule != "actor-surname"}
    return [
        [m for m in mentions if m.rule != "actor-surname" or m.actor.code[:3] in homes]
        for mentions in named
    ]


# US states the actor dictionary knows only as a country of the same name (the Phoenix file
# codes the other states USA): "Georgia" is the Caucasus republic (GEO) there
STATES_NAMED_AS_COUNTRIES = {"GEORGIA": "GEO"}
STATE_COUNTRIES = frozenset(STATES_NAMED_AS_COUNTRIES.values())
# a US story that also names one of these is no longer sure which Georgia it means
STATE_NEIGHBOURS = frozenset({"RUS"})
US_STATE_ENTRY = "dyad.coder.mentions:US state"


def us_states(named: Sequence[Sequence[Mention]]) -> list[list[Mention]]:
    """Return each sentence's mentions with a US state that is also a country read as a state.

    `named` holds a document's sentences' mentions, in order. "Georgia's 6th congressional
    district", "David Perdue of Georgia", "the Northern District of Georgia" were the
    republic of Georgia, a country beside the US story that took its sentences (GEOCRM for
    a convict of a US court). In a document that names the United States, and names Georgia
    the country by nothing but that word (no "Georgian", "Tbilisi", a Georgian minister) and
    Russia not at all, the word is the state: the United States, as the dictionary codes the
    other states. On train and dev a bare "Georgia" was named 17 times: 12 in US stories (11
    now the state; one story names Russia too and keeps the republic), 5 in a story of the
    republic, which keeps them.
    """
    codes = {m.actor.code[:3] for mentions in named for m in mentions}
    if "USA" not in codes or codes & STATE_NEIGHBOURS:
        return [list(mentions) for mentions in named]
    if any(
        m.actor.code[:3] in STATE_COUNTRIES and not _state_word(m)
        for mentions in named
        for m in mentions
    ):
        return [list(mentions) for mentions in named]
    return [
        [
            replace(m, actor=Actor(m.actor.text, "USA", "United States", None, US_STATE_ENTRY))
            if _state_word(m)
            else m
            for m in mentions
        ]
        for mentions in named
    ]


def _state_word(mention: Mention) -> bool:
    """Return whether `mention` is a US state's bare name the dictionary read as a country."""
    return (
        mention.first == mention.last
        and mention.rule == "actor"
        and STATES_NAMED_AS_COUNTRIES.get(_folded(mention.actor.text)) == mention.actor.code
    )


# prepositions after which a bare surname is a place: "marines occupied the ship in Santos
# harbour" is no José Eduardo dos Santos (AGOGOV in 1987)
PLACE_BEFORE_SURNAME = frozenset({"in", "near"})


def _placed_surname(tokens: Sequence[Token], mention: Mention) -> bool:
    """Return whether a bare surname stands where a place does: "in Santos harbour".

    People are rarely "in" or "near" someone; an owner is ("in Obama's speech").
    """
    if mention.rule != "actor-surname" or mention.first == 0:
        return False
    if tokens[mention.first - 1].text.lower() not in PLACE_BEFORE_SURNAME:
        return False
    following = tokens[mention.last + 1].text if mention.last + 1 < len(tokens) else ""
    return following not in ("'s", "'", "’s")


def written_in_capitals(texts: Iterable[str]) -> bool:
    """Return whether most of a sentence's words are in capitals ("KUWAIT IS SEEN ..."), where
    a capital word may be any word, not an acronym ("IS" the verb)."""
    words = [text for text in texts if text.isalpha()]
    return sum(word.isupper() for word in words) * 2 > len(words)


def written_in_title_case(texts: Iterable[str]) -> bool:
    """Return whether most of a sentence's words begin with a capital ("Hamas Condemns
    Israeli Strike"), where a capitalised word may be a common word, not a name."""
    words = [text for text in texts if text.isalpha()]
    return sum(word[0].isupper() for word in words) * 2 > len(words)


def _bare_is(
    words: list[tuple[int, str, str]],
    position: int,
    dictionary: ActorDictionary,
    on_date: str | None,
) -> tuple[int, Mention] | None:
    """Return "IS" read as the Islamic State, as DW, the BBC and Al Jazeera write it.

    "five Turkish soldiers killed in an IS attack", "IS fighters": the acronym rule needs the
    name defined before ("the Islamic State (IS)"), which such stories often leave out (train
    and dev hold 35 gold actors with a bare "IS"). Only "IS" in capitals, in a document
    dated after the group took the name (June 2014), and not in a sentence written in
    capitals, where "IS" is the verb ("KUWAIT IS SEEN ...").
    """
    if on_date is None or on_date < ISLAMIC_STATE_NAMED:
        return None
    if written_in_capitals(w[2] for w in words):
        return None
    found = _longest_match([(0, *ISLAMIC_STATE)], [ISLAMIC_STATE[0]], 0, dictionary, on_date)
    if found is None:
        return None
    at = words[position][0]
    return 1, replace(found[1], first=at, last=at, actor=replace(found[1].actor, text="IS"))


def _bare_house(words: list[tuple[int, str, str]], position: int) -> bool:
    """Return whether the word at `position` is "the House", a lower chamber named alone.

    "the House's decision", "Some House Democrats": a legislature, which takes the story's
    country as "Congress" does (the gold codes "the House" USALEG in US stories). Only the
    capitalised word after "the" or before another capitalised word, and after no
    capitalised word of its own name ("Leinster House", "the Opera House"); "House of" is
    another house ("the House of Saud") unless the dictionary named it first ("House of
    Commons").
    """
    if words[position][2] != "House":
        return False
    before = words[position - 1][2] if position > 0 else ""
    after = words[position + 1][2] if position + 1 < len(words) else ""
    if after.lower() == "of" or (before[:1].isupper() and before.lower() != "the"):
        return False
    return before.lower() == "the" or (after[:1].isupper() and after.isalpha())


def _common_word(tokens: Sequence[Token], mention: Mention) -> bool:
    """Return whether a one-word actor or company match is a lower-case common word.

    Places and people are written with a capital: "a male-only draft" names no Male
    (Maldives), "turkey" no Turkey. So are the English glosses the armed-groups file gives
    as other names of foreign groups: "organization" (Tanzim, MEAREB: 41 times in train
    and dev, where the gold codes organisations NGO or IGO), "youth" (Gazteriak), "zero";
    a group whose own name is the word ("the contras") is written either way. So are the
    abbreviations that end a company's name (`COMPANY_ABBREVIATIONS`): "Acme Co", not the
    "co" of "Mugabe co-founded".
    """
    word = tokens[mention.first].text
    if mention.rule == "agent" and mention.first == mention.last:
        return word.islower() and word.upper() in COMPANY_ABBREVIATIONS
    if mention.rule != "actor" or mention.first != mention.last:
        return False
    if not word.islower():
        return False
    entry = mention.actor.entry or ""
    return entry.startswith("Phoenix.Countries") or (mention.actor.name or "").lower() != word


# the agents file's abbreviations that end a company's name ("Mitsubishi Corp", "Acme Co")
COMPANY_ABBREVIATIONS = frozenset({"CO", "CORP", "INC", "LTD"})
# the dictionary's key and name for the Islamic State, and when it took the name (`_bare_is`)
ISLAMIC_STATE = ("ISIS", "IS")
ISLAMIC_STATE_NAMED = "2014-06-29"
# a capitalised word the parser reads as one of these is no surname: "Some estimated
# death tolls ..." does not name Burkina Faso's minister Somé
_FUNCTION_POS = frozenset({"DET", "PRON", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "ADV", "NUM"})


# agent words that are a rank in a title before them: the agents file's "deputy" is a
# sheriff's (COP), but news writes it before an office ("Ecuador's deputy energy minister",
# "North Korea's deputy UN ambassador", "Deputy U.S. Trade Representative Michael Smith",
# "his deputy Riek Machar"): in train and dev a one-word "deputy" was an agent 63 times, 59
# of them before the word it modifies; 17 lay inside a gold actor, none coded COP
RANKS_IN_TITLES = frozenset({"DEPUTY"})


def _rank_in_a_title(tokens: Sequence[Token], mention: Mention) -> bool:
    """Return whether a one-word agent is the rank of a title or name after it ("deputy UN
    ambassador"): the office after it is the party, the rank none of its own."""
    token = tokens[mention.first]
    return (
        mention.rule == "agent"
        and mention.first == mention.last
        and token.text.upper() in RANKS_IN_TITLES
        and token.dep in QUALIFIER_DEPS
        and token.head > token.i
    )


def _prefixed(tokens: Sequence[Token], mention: Mention) -> bool:
    """Return whether an agent word is the stem of "anti-aircraft", "pro-government"."""
    at = mention.first
    if mention.rule != "agent" or at < 1:
        return False
    before = tokens[at - 1].text.lower()
    if before == "-":
        return at >= 2 and tokens[at - 2].text.lower() in ("anti", "pro", "counter", "non")
    return before in ("anti-", "pro-")


def _first_name(
    tokens: Sequence[Token], mention: Mention, starts: set[int], dictionary: ActorDictionary
) -> bool:
    """Return whether a one-word place is a given name ("Tara Reade", not Tara in Ireland).

    A place named by one word and followed by another capitalised word that starts no
    actor of its own is part of a longer name the dictionary does not know, and so is one
    followed by a surname the dictionary knows, whatever longer names begin with it
    ("Charles" of "Charles Michel"): "Charlotte Charles" is Harry Dunn's mother, not the city.
    So is an armed group's one-word name before a name (`_group_before_a_name`).
    """
    if mention.first != mention.last:
        return False
    if mention.actor.code not in dictionary.countries and not _group_before_a_name(tokens, mention):
        return False
    if "." in tokens[mention.first].text:
        return False  # "U.S." is nobody's given name, whatever word follows it
    following = mention.last + 1
    if following >= len(tokens) or following in starts:
        return False
    word = tokens[following].text
    if not (word.isalpha() and word.istitle()):
        return False
    upper = word.upper()
    if (upper,) in dictionary.actors or (upper,) in dictionary.agents or _is_title(upper):
        return False  # "Arnor President ...", "Syria Assad"
    if upper in dictionary.surnames:
        return True  # "Charlotte Charles": a surname, though longer names begin with it
    # "Dutch Finance Minister", "Kapisa Operation": a longer phrase, or a thing's name
    return upper not in dictionary.first_words and word.lower() not in CALENDAR_WORDS


# words that continue an armed group's name rather than a person's ("the Amal Movement")
GROUP_NAME_WORDS = frozenset(
    "movement party front group army militia militias brigade brigades organization "
    "organisation council alliance network faction coalition command wing".split()
)


def _group_before_a_name(tokens: Sequence[Token], mention: Mention) -> bool:
    """Return whether a one-word armed group's name stands as a given name before a word
    that continues no group's name: "Co-organiser Amal Bentounsi told the crowd" names no
    Amal (the Lebanese militia). The parser hangs a given name on the surname as a compound;
    "Hamas fighters", "Amal Movement" and a headline in title case ("Hamas Condemns Israeli
    Strike", every word a compound to the parser) are the group.
    """
    entry = mention.actor.entry or ""
    if mention.rule != "actor" or not entry.startswith(ARMED_GROUPS_FILE):
        return False
    token, following = tokens[mention.first], mention.last + 1
    if following >= len(tokens) or token.dep != "compound" or token.head != following:
        return False
    after = tokens[following]
    if after.pos != "PROPN" or after.text.lower() in GROUP_NAME_WORDS:
        return False
    return not written_in_title_case(t.text for t in tokens)


# the particles of surnames: "De Lima", "Leila de Lima", "Van Buren", "Ursula von der Leyen"
SURNAME_PARTICLES = frozenset("de da di del della van von der dos das du".split())
# particles a name may be written without ("Bashar Assad", "Mohammed Salman")
NAME_PARTICLES = SURNAME_PARTICLES | {"al", "el", "bin", "ibn", "ben", "le", "la"}


def _particled_surname(
    tokens: Sequence[Token], mention: Mention, dictionary: ActorDictionary
) -> bool:
    """Return whether a one-word place is a surname after its particle ("De Lima", not Peru).

    A particle before a place's name makes it a surname wherever it stands: "De Lima has
    denied the charges", "Senator Leila de Lima", and the later "This week, de Lima branded
    the president ..." (a lower-case particle once counted only after a capitalised word,
    and that "de Lima" was Peru's). A place whose own name holds the particle ("Rio de
    Janeiro") is matched whole and never asked.
    """
    if mention.first != mention.last or mention.first == 0:
        return False
    if mention.actor.code not in dictionary.countries:
        return False
    return tokens[mention.first - 1].text.lower() in SURNAME_PARTICLES


def _inside_longer_name(
    tokens: Sequence[Token], mention: Mention, covered: set[int], dictionary: ActorDictionary
) -> bool:
    """Return whether a person named by one word is a part of another person's longer name.

    The Phoenix files name monarchs and leaders by one word ("Abdullah", "Albert", "Hassan",
    "Obama"); next to a capitalised word that is no title, role, month or part of a mention,
    that word is a part of a name the dictionary does not know: "Abdullah Kurdi", "Albert
    Lim", "Ahmed Abdi Hassan", "Michelle Obama". A neighbour the entry's own name holds
    ("Nicolás Maduro" for Nicolas Maduro) is no other person.
    """
    if mention.rule != "actor" or mention.first != mention.last:
        return False
    if mention.actor.entry not in dictionary.people:
        return False
    return _capitalised_neighbour(tokens, mention, covered, dictionary)


def _capitalised_neighbour(
    tokens: Sequence[Token], mention: Mention, covered: set[int], dictionary: ActorDictionary
) -> bool:
    """Return whether a word beside a one-word mention makes it part of a longer name.

    The word is capitalised (not in capitals), in no other mention, and no function word,
    title, role, month or word of the entry's own name.
    """
    own_name = set(_folded(mention.actor.name or "").split())
    before, after = mention.first - 1, mention.last + 1
    for at in (before, after):
        if at < 0 or at >= len(tokens) or at in covered:
            continue
        token = tokens[at]
        word = token.text
        if not (word.isalpha() and word[:1].isupper() and not word.isupper()):
            continue
        upper = word.upper()
        if token.pos in _FUNCTION_POS or _is_title(upper) or (upper,) in dictionary.agents:
            continue
        if word.lower() in CALENDAR_WORDS or _folded(upper) in own_name:
            continue
        return True
    return False


# "the UN General Assembly": an entry that starts with the article ("THE_UN") ends before a
# longer one that starts after it ("UN_GENERAL_ASSEMBLY")
ARTICLES = frozenset({"THE"})


def _past_article(
    words: list[tuple[int, str, str]],
    uppers: list[str],
    position: int,
    found: tuple[int, Mention] | None,
    dictionary: ActorDictionary,
    on_date: str | None,
) -> tuple[int, Mention] | None:
    """Return the match after an article where it reaches further than the one with it.

    "the UN General Assembly" was "the UN" (IGOUNO) and then "General Assembly", an agent
    (LEG) that took the story's country; "the Islamic State of Iraq and the Levant" was the
    Islamic State and Iraq; "the US military" a country beside a role. The name that starts
    after the article and ends later is the actor the text names (on train and dev, 73
    sentences read so). The length returned counts from `position`, the article's word,
    as `found`'s does.
    """
    if found is None or uppers[position] not in ARTICLES or position + 1 >= len(words):
        return found
    if uppers[position + 1] not in dictionary.first_words:
        return found
    after = _longest_match(words, uppers, position + 1, dictionary, on_date)
    if after is None or after[1].last <= found[1].last:
        return found
    return after[0] + 1, after[1]


# the armed-groups file, whose entries give English glosses of foreign groups' names as
# other names of theirs: "Organization" (Tanzim), "Youth" (Gazteriak), "Falcon" (Shahin)
ARMED_GROUPS_FILE = "Phoenix.MilNonState.actors.txt"


def _gloss_in_a_name(
    tokens: Sequence[Token], mention: Mention, covered: set[int], dictionary: ActorDictionary
) -> bool:
    """Return whether an armed group's one-word other name is a word of a longer name.

    Beside a capitalised word that is no title, role, month or part of a mention, a gloss
    the armed-groups file gives as a group's other name is a word of a name the dictionary
    does not know: the "Trump Organization", the "International Cocoa Organization" and the
    "Bolivian Labour Organization" are no Tanzim (MEAREB; 12 times in train and dev, never
    the gold's), the "Minister for Children and Youth Affairs" no Basque group. A group
    written by its own name ("Hezbollah Secretary-General") is not asked.
    """
    if mention.rule != "actor" or mention.first != mention.last:
        return False
    if not (mention.actor.entry or "").startswith(ARMED_GROUPS_FILE):
        return False
    word = tokens[mention.first].text
    if not word.istitle() or _folded(word) == _folded(mention.actor.name or ""):
        return False
    return _capitalised_neighbour(tokens, mention, covered, dictionary)


def _folded(text: str) -> str:
    """Return `text` upper-cased without accents ("Nicolás" -> "NICOLAS")."""
    return unaccented(text.upper())


def _longest_match(
    words: list[tuple[int, str, str]],
    uppers: list[str],
    position: int,
    dictionary: ActorDictionary,
    on_date: str | None,
) -> tuple[int, Mention] | None:
    stop = position + min(dictionary.max_words, len(words) - position)
    for length in dictionary.phrase_lengths(uppers, position, stop):
        key = tuple(uppers[position : position + length])
        entry = dictionary.actors.get(key)
        if length == 1 and len(key[0]) <= 3 and not _abbreviation(words[position][2]):
            entry = None  # "us", "un": only the capitalised abbreviation is an actor
        if length == 1 and entry is not None and entry.person and entry.gone_on(on_date):
            # a person the dictionary names by one word, in no role on the text's date, is
            # someone else: "Hussein" in 2017 is no King Hussein (JORGOV to 1999), and a
            # document's own "Mahmoud Hussein" or "Saddam Hussein" says whom it means
            entry = None
        # agent nouns are words, short ones too: "men", "a spy", "a mob", "Grain Co"
        role = dictionary.agents.get(key)
        if entry is None and role is None:
            continue
        first, last = words[position][0], words[position + length - 1][0]
        text = " ".join(w[2] for w in words[position : position + length])
        found = _entry_mention(entry, on_date, first, last, text, "actor")
        if found is not None:
            return length, found
        if role is not None:
            return length, Mention(first, last, Actor(text, role, None, None), "agent")
    return None


def _abbreviation(word: str) -> bool:
    """Return whether a short word is written as an abbreviation: in capitals ("US", "UN")
    or with a capital inside it ("AfD"), never as a word ("us", "Us", "un")."""
    return word.isupper() or any(c.isupper() for c in word[1:])


def _entry_mention(
    entry: ActorEntry | None, on_date: str | None, first: int, last: int, text: str, rule: str
) -> Mention | None:
    """Return the mention of a dictionary entry with its role on `on_date`, if it has one."""
    code = entry.code_on(on_date) if entry is not None else None
    if entry is None or not code:
        return None
    return Mention(first, last, Actor(text, code, entry.name, None, entry.source), rule)


def _variant_match(
    words: list[tuple[int, str, str]],
    position: int,
    dictionary: ActorDictionary,
    on_date: str | None,
) -> tuple[int, Mention] | None:
    """Match a capitalised surname ("Rice") or a name by its skeleton (up to three tokens)."""
    _index, upper, original = words[position]
    if not original[:1].isupper():
        return None
    following = words[position + 1][2] if position + 1 < len(words) else ""
    # "Donald Trump": a capitalised word follows. In a headline written in capitals
    # ("CLARK HOLDS TALKS WITH SHULTZ IN WASHINGTON") the case of the next word says nothing.
    given_name = following[:1].isupper() and not _in_capitals(original, following)
    surnames = () if given_name else dictionary.surnames.get(upper, ())
    if surnames:
        found = _surname_match(words, position, surnames, dictionary, on_date)
        if found is not None:
            return 1, found
    capitalised = 1  # of the (up to) three words from `position`
    while (
        capitalised < min(3, len(words) - position)
        and words[position + capitalised][2][:1].isupper()
    ):
        capitalised += 1
    for length in range(capitalised, 0, -1):
        chunk = words[position : position + length]
        joined = "".join(w[1] for w in chunk)
        if len(joined) < 7:
            continue
        key = dictionary.skeletons.get(skeleton(joined))
        entry = dictionary.actors.get(key) if key else None
        if entry is None:
            continue
        if on_date is not None and not entry.dated_on(on_date):
            continue  # a fuzzy match must, like a bare surname, name someone in a role then
        text = " ".join(w[2] for w in chunk)
        found = _entry_mention(entry, on_date, chunk[0][0], chunk[-1][0], text, "actor-variant")
        if found is not None:
            return length, found
    return None


def _in_capitals(word: str, neighbour: str) -> bool:
    """Return whether two neighbouring words are both written in capitals ("SAYS SHULTZ")."""
    return len(word) > 1 and len(neighbour) > 1 and word.isupper() and neighbour.isupper()


def _is_title(upper: str) -> bool:
    """Return whether an upper-case word is a personal title, with its dot or without.

    "Mr. Hammond" and the British "Mr Hammond", "Dr" and "Dr.", "Sen." and "Senator".
    """
    bare = upper.rstrip(".")
    return bare in PERSONAL_TITLES or bare + "." in PERSONAL_TITLES


def _given_name(key: tuple[str, ...], word: str) -> bool:
    """Return whether `word`, right before a surname, is the given name of the person `key`.

    An initial or a particle may be left out between them ("George Bush" is George W. Bush,
    "Bashar Assad" Bashar al-Assad), a name may not: the "Kim" of "Kim Jong-nam" is not Kim
    Yo-jong's, whose "Yo" would stand between them.
    """
    if key[-2] == word:
        return True
    return key[0] == word and all(_may_be_left_out(name) for name in key[1:-1])


def _may_be_left_out(name: str) -> bool:
    """Return whether a middle word of a dictionary name is an initial or a particle."""
    return len(name.rstrip(".")) == 1 or name.lower() in NAME_PARTICLES


def _surname_match(
    words: list[tuple[int, str, str]],
    position: int,
    surnames: tuple[tuple[str, ...], ...],
    dictionary: ActorDictionary,
    on_date: str | None,
) -> Mention | None:
    """Return the mention of the one person a bare surname can name, if there is one."""
    index, _upper, original = words[position]
    previous = words[position - 1] if position > 0 else None
    if previous is not None and previous[2][:1].isupper() and previous[1].isalpha():
        title = (previous[1],) in dictionary.agents or _is_title(previous[1])
        if not title:  # "Boris Johnson" is no other Johnson; "Minister Johnson" may be
            given = tuple(k for k in surnames if _given_name(k, previous[1]))
            # in capitals, a word before ("WITH SHULTZ") is a given name only if it is his
            surnames = given if given or not _in_capitals(previous[2], original) else surnames
    candidates = [dictionary.actors[k] for k in surnames]
    current = [c for c in candidates if c.in_office_on(on_date)]
    # With a date, a bare surname must name someone in or out of an office then, no rising
    # elite ("Trump" in 2020 is not a Surinamese official of the 1990s, "Clark" in 1987 not
    # Helen Clark); undated text takes a unique candidate.
    if on_date is not None:
        entry = current[0] if len(current) == 1 else None
    else:
        entry = candidates[0] if len(candidates) == 1 else None
    return _entry_mention(entry, on_date, index, index, original, "actor-surname")


def home_chambers(mentions: Sequence[Mention], country: str | None) -> list[Mention]:
    """Return `mentions`, a bare chamber name in a story about another state its own.

    "an opposition Senate member" in a story about the Philippines is a Philippine
    legislator: the bare name becomes a legislature noun, which takes the story's country
    as any other agent noun does. "The US Senate" names its state and is kept.
    """
    found = []
    for mention in mentions:
        shared = SHARED_CHAMBERS.get(mention.actor.text.upper())
        if shared is not None and country and country != shared[0]:
            mention = Mention(
                mention.first,
                mention.last,
                Actor(mention.actor.text, shared[1], None, None),
                "agent",
            )
        found.append(mention)
    return found
