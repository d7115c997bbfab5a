"""Read pronouns and short names through the sentences before (document context).

Reads: a sentence's actor Mentions and what earlier sentences of its segment named.
Adds: Mentions for "he", "his", "they", "them", for surnames met with a title before, and
for names the dictionary lacks that an apposition codes ("Agnès Callamard, a UN rapporteur");
a short name after a longer one takes the longer one's actor ("the Pakistani Taliban" ...
"the Taliban"); an acronym a name defined takes its actor ("the Islamic State (IS)" ... "IS").

News and commentary name an actor once and then write "he", "his administration",
"Tillerson" or "they". The pipeline walks a document's sentences in order and keeps the
person named last, the one group the previous sentence named and the titled names seen
so far; these functions turn them into mentions the coder resolves like any other. Each
rule errs towards no answer: an unknown name in between, a sentence the pre-filter
skipped or a new segment (a comment by someone else) forgets the antecedent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TypeGuard

from dyad.coder.actors import CONTEXT_ONLY, NOT_STATES, TITLE_OFFICES, resolve_phrase
from dyad.coder.genders import PersonKey, agreeing_person, person_key, unnamed_person_before
from dyad.coder.lexicon import (
    FUNCTION_WORDS,
    GROUP_ANAPHORA,
    GROUP_PRONOUNS,
    OUT_OF_OFFICE,
    PERSON_ROLE_NOUNS,
    PERSON_RULES,
    PERSONAL_PRONOUNS,
    SUBJECT_PRONOUNS,
    SUBJECTS,
)
from dyad.coder.mentions import written_in_capitals
from dyad.dates.vocabulary import CALENDAR_WORDS
from dyad.dictionaries.entries import ActorDictionary
from dyad.records import Actor, Mention, Sentence, Token

UNKNOWN_PERSON = Actor("", "", None, None, "unknown-person")
ROLE_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
SINGULAR_TAGS = frozenset({"NN", "NNP"})
# possessives that stand for a group or country its own clause names
OWN_PRONOUNS = frozenset({"its", "their"})
# possessives that stand for a person its own clause names ("Thatcher left ... ahead of her
# visit to Moscow")
PERSON_POSSESSIVES = frozenset({"his", "her"})
# the most dependency steps from a possessive to the subject that owns it
MAX_CLIMB = 6


def last_person(
    sentence: Sentence,
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
    context_country: str | None,
    names: dict[str, Actor] | None = None,
) -> Actor | None:
    """Return the person named last in `sentence`, if any.

    A person is a dictionary entry for one ("Khamenei") or a title before a name the
    dictionary does not know ("US Secretary of State Rex Tillerson"). A titled name, or a
    dictionary person named in full ("Muqtada al-Sadr"), is added to `names` under its
    last word, so that "Tillerson" or "Sadr" alone is known later, whoever else the
    dictionary knows by that surname; so is a full name's first word where the dictionary
    gives it to someone else as a surname ("Hosni" of Hosni Mubarak, no Farouk Hosni).
    """
    tokens = sentence.tokens
    found: Actor | None = None
    covered = _covered(mentions)
    if any(t.dep for t in tokens):  # parsed
        unknown = any(_unknown_name(tokens, t, covered) for t in tokens)
    else:
        unknown = any(_capitalised(t, covered) for t in tokens)
    if unknown:
        found = UNKNOWN_PERSON  # "Trump has criticized ...": someone we cannot name
    if names is not None:
        # "Boris Johnson", whom the dictionary lacks: a later "Johnson" is no other Johnson
        for token in tokens[1:]:
            before = tokens[token.i - 1]
            if (
                token.tag == "NNP"
                and before.tag == "NNP"
                and not {token.i, before.i} & covered
                and token.text.upper() in dictionary.surnames
            ):
                names.setdefault(token.text, UNKNOWN_PERSON)
    for mention in mentions:
        name_end = _name_end(tokens, mention.last, covered)
        if mention.rule in PERSON_RULES:
            found = mention.actor
        elif mention.actor.entry in dictionary.people and tokens[mention.last].tag == "NNP":
            # "Khamenei", not "the Obama administration"; in the office a title gives him
            found = _in_titled_office(tokens, mention, mentions)
            if names is not None and mention.last > mention.first and mention.rule == "actor":
                names[tokens[mention.last].text] = found  # "Muqtada al-Sadr"
                first = tokens[mention.first].text
                if first.upper() in dictionary.surnames:
                    # "Hosni Mubarak ... Hosni's creation of new cities" is no Farouk Hosni:
                    # in this document the word is his
                    names.setdefault(first, mention.actor)
        elif name_end > mention.last and mention.actor.entry not in dictionary.people:
            titled = _titled_name(
                sentence, mention, name_end, mentions, dictionary, context_country
            )
            if titled is not None:
                found = titled
                if names is not None:
                    names[tokens[name_end].text] = titled
    return found


# titles that take the office of what their holder leads, which the name does not say
LEADING_TITLES = frozenset({"leader", "head", "chief", "chairman", "chair", "boss"})


def _in_titled_office(
    tokens: Sequence[Token], person: Mention, mentions: Sequence[Mention]
) -> Actor:
    """Return a dictionary person as the title right before his name makes him.

    "Moldovan President Igor Dodon" in 2017: the dictionary dates only his ministry of
    2006-2009, so it gives him his country alone (MDA), but the text names him president
    (MDAGOV), and so is a later "Dodon" or "his", as the coder's parties read the name
    itself. A role the dictionary dates to the day stands ("House Minority Leader Nancy
    Pelosi" stays a legislator); so does the reading of one out of office ("former President
    ...") or of no state, and a title that leads whatever its holder heads ("D66 leader").
    """
    actor = person.actor
    title = next((m for m in mentions if m.rule == "agent" and m.last + 1 == person.first), None)
    if title is None or actor.code[:3] in NOT_STATES:
        return actor
    office = title.actor.code.strip("~")[:3]
    if office not in TITLE_OFFICES or len(actor.code) > 3:
        return actor  # a role the dictionary dates to the day stands ("Leader Nancy Pelosi")
    if tokens[title.last].lemma.lower() in LEADING_TITLES:
        return actor  # "D66 leader Alexander Pechtold" leads his party, not a government
    before = tokens[max(title.first - 2, 0) : title.first]
    if any(t.text.lower() in OUT_OF_OFFICE for t in before):
        return actor
    return replace(actor, code=actor.code[:3] + office)


def _titled_name(
    sentence: Sentence,
    title: Mention,
    name_end: int,
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
    context_country: str | None,
) -> Actor | None:
    """Return whom the name after `title` (ending at `name_end`) names, if a person.

    UNKNOWN_PERSON where the title makes it a person but not one we can code.
    """
    tokens = sentence.tokens
    titled = resolve_phrase(
        sentence, name_end, mentions, dictionary, context_country=context_country
    )
    if titled is not None and titled.entry == CONTEXT_ONLY:
        # "Commerce Secretary Gina Raimondo", "Army Sgt. Bowe Bergdahl": the title names no
        # country, so the story's gives it, as it does to the phrase itself; the actor
        # keeps its entry, and the coder weighs it as a guess (`candidates` offers it as
        # "context+role"). The dictionary's own person under another date ("President
        # Donald Trump" in a story that spoke of Russia), a name without a given name the
        # dictionary knows by its surname or no country at all leave him someone we
        # cannot name.
        given = [t.text.upper() for t in tokens[title.last + 1 : name_end]]
        surname = tokens[name_end].text
        guessed = not titled.code.startswith("---") and not _maybe_known(given, surname, dictionary)
        return titled if guessed else UNKNOWN_PERSON
    return titled if _names_someone(titled) else None


def _maybe_known(given: Sequence[str], surname: str, dictionary: ActorDictionary) -> bool:
    """Return whether a name may be a dictionary person's: his surname, and no other given name.

    "Wilbur Ross" is not the dictionary's "Joseph Ross"; "Donald Trump" is its Trump, and
    "Secretary Ross" may be anyone it knows as Ross.
    """
    keys = dictionary.surnames.get(surname.upper(), ())
    if not keys:
        return False
    if not given:
        return True
    return any(key[:-1] == tuple(given[-len(key) + 1 :]) for key in keys if len(key) > 1)


def _name_end(tokens: Sequence[Token], last: int, covered: set[int]) -> int:
    """Return the last word of the proper nouns no mention covers right after `last`.

    That is `last` itself where none follows: "President Donald Trump" after "President".
    """
    end = last
    while end + 1 < len(tokens) and tokens[end + 1].tag == "NNP" and end + 1 not in covered:
        end += 1
    return end


def _names_someone(person: Actor | None) -> TypeGuard[Actor]:
    """Return whether a titled name resolved to a state's office holder or an outlet's man."""
    if person is not None and person.code == "MED":
        return True  # "Al Jazeera journalist Mahmoud Hussein": an outlet's man
    return (
        person is not None
        and person.entry != CONTEXT_ONLY
        and len(person.code) > 3
        and not person.code.startswith("---")
    )


def _covered(mentions: Sequence[Mention]) -> set[int]:
    """Return the token indices inside any of `mentions`."""
    return {i for m in mentions for i in range(m.first, m.last + 1)}


def _unparsed_name(token: Token) -> bool:
    """Return whether a capitalised word the parser tagged a common noun may be a name.

    The parser tags a surname it has not seen "NN", most often opening a sentence:
    "Ongpin has said ..." after "finance minister Jaime Ongpin" is the minister.
    """
    return token.tag == "NN" and token.text[:1].isupper()


def _capitalised(token: Token, covered: set[int]) -> bool:
    """Return whether an unparsed token may be a name the dictionary lacks."""
    text = token.text
    return text[:1].isupper() and token.i not in covered and text.lower() not in FUNCTION_WORDS


def _unknown_name(tokens: Sequence[Token], token: Token, covered: set[int]) -> bool:
    """Return whether `token` is a subject named by a name the dictionary lacks.

    The subject's apposition counts: "Dunn's mother, Charlotte Charles, said" names her.
    """
    if token.i in covered or not token.text[:1].isupper():
        return False
    subject = _subject(tokens, token) and (token.dep != "appos" or token.tag == "NNP")
    return subject and token.tag in ("NNP", "NNPS", "NN")  # the parser tags "Trump" NN


def appositive_mentions(
    sentence: Sentence,
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
    names: dict[str, Actor],
    context_country: str | None = None,
) -> list[Mention]:
    """Return `mentions` plus the names the dictionary lacks that an apposition codes.

    News introduces a person once by what he is: "Agnès Callamard, a UN rapporteur, ...",
    "Hassan Diab, Lebanon's prime minister, ...". The name takes the apposition's actor in
    this sentence, and its last word is remembered in `names` for later ones ("Callamard
    encouraged the CIA ..."). Only a person's name (two capitalised words or more, no
    month or weekday) and an apposition headed by a person's role noun that names a country
    or an organisation count: a role that takes the story's country alone ("a police
    officer"), a bare nationality ("a Saudi national") or a programme described ("Medicaid,
    an assistance programme") says too little. So is a dictionary person the dictionary
    gives his country alone on the text's date, where the apposition names an office in
    that country ("Vijay Goel, a member of the Rajya Sabha": INDLEG, no longer India's). An
    office held before ("Michael Bloomberg, formerly the mayor of New York City") makes him
    one of his country's elite, a dictionary person's role too where the dictionary left it
    open ("Izabella Teixeira, former Brazilian environment minister": BRAGOVENV since 2010).
    """
    tokens = sentence.tokens
    covered = _covered(mentions)
    # dictionary persons: one in no dated role may be what the apposition says he is now,
    # one in a role the apposition says he held before ("Izabella Teixeira, former
    # Brazilian environment minister", whose ministry Phoenix never ended) is no longer in it
    people = {
        m.last: m for m in mentions if m.rule == "actor" and m.actor.entry in dictionary.people
    }
    added = []
    replaced = set()
    for token in tokens:
        known = people.get(token.i)
        if token.tag != "NNP" or (token.i in covered and known is None):
            continue
        if token.dep == "compound":
            continue
        first = token.i if known is None else known.first
        while known is None and first > 0 and tokens[first - 1].tag == "NNP":
            if first - 1 in covered:
                break
            first -= 1
        name = tokens[first : token.i + 1]
        if len(name) < 2 or any(t.text.lower() in CALENDAR_WORDS for t in name):
            continue
        for child in sentence.children(token.i):
            role = _introduced_role(sentence, child)
            if role is None:
                continue
            # a title may be capitalised: "who was Trump's Special Presidential Envoy"
            if role.lemma.lower() not in PERSON_ROLE_NOUNS or role.tag not in ROLE_TAGS:
                continue
            actor = resolve_phrase(
                sentence, role.i, mentions, dictionary, context_country=context_country
            )
            if actor is None or actor.entry == CONTEXT_ONLY or len(actor.code) <= 3:
                continue
            if actor.code.startswith("---"):
                continue
            if known is not None and actor.code[:3] != known.actor.code[:3]:
                continue  # another country's office: not one the dictionary could date
            held_before = _held_before(sentence, role)
            if known is not None and len(known.actor.code) > 3 and not held_before:
                continue  # the role the dictionary dates to the day stands
            if held_before:
                if actor.code[:3] in NOT_STATES:
                    continue  # an organisation's former head acts for it no longer
                actor = replace(actor, code=actor.code[:3] + "ELI")
            text = " ".join(t.text for t in name)
            added.append(Mention(first, token.i, replace(actor, text=text), "appositive"))
            if known is not None:
                replaced.add(known)
            names[token.text] = actor
            break
    if not added:
        return list(mentions)
    kept = [m for m in mentions if m not in replaced]
    return sorted([*kept, *added], key=lambda m: m.first)


def _held_before(sentence: Sentence, role: Token) -> bool:
    """Return whether an apposition's role is one held before ("formerly the mayor")."""
    return any(child.text.lower() in OUT_OF_OFFICE for child in sentence.children(role.i))


def _introduced_role(sentence: Sentence, child: Token) -> Token | None:
    """Return the role noun that introduces the name `child` depends on, if it does.

    An apposition ("Kabulov, director of the department") or a relative clause that says
    what the person is ("Kabulov, who is director of the department").
    """
    if child.dep == "appos":
        return child
    if child.dep != "relcl" or child.lemma.lower() != "be":
        return None
    below = sentence.children(child.i)
    if not any(c.dep == "nsubj" and c.lemma.lower() == "who" for c in below):
        return None
    return next((c for c in below if c.dep == "attr"), None)


def pronoun_mentions(
    sentence: Sentence,
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
    antecedent: Actor | None,
    names: dict[str, Actor] | None = None,
    subject: Actor | None = None,
    women: set[PersonKey] | None = None,
    recent: Sequence[Actor] = (),
    men: set[PersonKey] | None = None,
) -> list[Mention]:
    """Return `mentions` plus names met before in the document and he/she/his/her/him.

    `names` maps the last word of a titled name seen earlier to its actor ("Tillerson").

    `antecedent` is the person last named before the sentence ("Khamenei ... He went
    on to mock Trump"; "Trump ... His administration imposed sanctions"). A "he" or "she"
    that is a subject is `subject`, the person who was the previous sentence's subject,
    where there was one: "Thatcher left Bonn after talks with Chancellor Helmut Kohl. She
    had flown ..." is Thatcher (on train and dev's gold, where the two differ, the subject
    is an event's source 12 times and the person named last once, in 47). A pronoun after
    a person named in the same sentence is left to the parse ("Maliki said he would ..."),
    which knows which clause it belongs to. Where the document showed who are women
    (`women`), a "she" or "her" goes to the last of the `recent` persons who is one, and a
    "he" to no woman; a "she" never goes to one it showed to be a man (`men`, "Mr Kenny";
    `genders.agreeing_person`).
    """
    # a surname the dictionary gives to someone else is the one named before; the matcher
    # took it for a name, so it stays one where the parser tags it otherwise ("Trump," JJ)
    surnamed = {
        m.first for m in mentions if m.rule == "actor-surname" and m.actor.text in (names or {})
    }
    mentions = [m for m in mentions if m.first not in surnamed]
    covered = _covered(mentions)
    known = (
        [
            Mention(t.i, t.i, replace(names[t.text], text=t.text), "named-before")
            for t in sentence.tokens
            if t.text in names
            and t.text[:1].isalpha()  # never a stray mark of a mangled name ("N��ir��n")
            and names[t.text] is not UNKNOWN_PERSON
            and t.i not in covered
            and (t.tag == "NNP" or t.i in surnamed or _unparsed_name(t))
        ]
        if names
        else []
    )
    mentions = sorted([*mentions, *known], key=lambda m: m.first)
    if not (_named(antecedent) or _named(subject)):
        return mentions
    covered |= {m.first for m in known}
    persons = [
        m
        for m in mentions
        if m.actor.entry in dictionary.people or m.rule in ("named-before", "titled-before")
    ]
    people = [m.first for m in persons]
    people += [t.i for t in sentence.tokens if _unknown_name(sentence.tokens, t, covered)]
    first_person = min(people, default=None)
    added = []
    for t in sentence.tokens:
        if t.text.lower() not in PERSONAL_PRONOUNS or t.pos != "PRON":
            continue
        if first_person is not None and t.i >= first_person:
            continue
        if unnamed_person_before(sentence, t.i, covered):
            continue  # "prosecute his wife and issued a warrant for her arrest": the wife
        is_subject = t.dep in SUBJECTS and t.text.lower() in SUBJECT_PRONOUNS
        person = subject if is_subject and subject is not None else antecedent
        if women or men:
            person = agreeing_person(person, t.text, women or set(), recent, men or set())
        if is_subject and _named(person) and _named_under(sentence, t, person, persons):
            continue  # "He warned that Mr Rutte had not seen the last of him": not Rutte
        if _named(person):
            added.append(Mention(t.i, t.i, replace(person, text=t.text), "anaphora"))
    return sorted([*mentions, *added], key=lambda m: m.first)


def _named_under(
    sentence: Sentence, pronoun: Token, person: Actor, persons: Sequence[Mention]
) -> bool:
    """Return whether `person` is one of `persons`, named inside the clause `pronoun` is
    subject of.

    A subject pronoun is never the person its own clause names after it ("He said Maliki
    would ...", "She warned that Mr Rutte ..."): the name is someone the pronoun is not.
    A name outside the clause may be the same ("After he arrived, Maliki said ...").
    """
    verb = pronoun.head
    for mention in persons:
        if mention.first <= pronoun.i or not _same_person(mention.actor, person):
            continue
        if verb in sentence.ancestors(mention.last)[1:]:
            return True
    return False


def _same_person(one: Actor, other: Actor) -> bool:
    """Return whether two person actors are one person: one code and dictionary entry
    (`genders.person_key`, as the women the document names are told apart), and where no
    entry or only the context coded them, one surname too ("Secretary Ross" is no
    "Secretary Barr")."""
    if person_key(one) != person_key(other):
        return False
    if one.entry not in (None, CONTEXT_ONLY):
        return True
    return one.text.split()[-1:] == other.text.split()[-1:]


def possessive_mentions(
    sentence: Sentence, mentions: Sequence[Mention], dictionary: ActorDictionary
) -> list[Mention]:
    """Return `mentions` plus a possessive read as its clause's subject.

    "Russia said its jets struck the town", "Iraq says its forces sink three Iranian
    vessels", "the Taliban said their fighters had ...": the owner is the group the clause
    is about, its subject, or the subject of the speech verb over a clause whose subject
    the owned thing is; not the country the story named most. "Its" and "their" take a
    named group or country (not a person, not a role noun), "his" and "her" a person the
    sentence names ("Thatcher left Bonn ... ahead of her visit to Moscow"), only one
    named before the pronoun; a clause with no subject of its own ("accused Iran of
    arming its proxies") gives no answer.
    """
    tokens = sentence.tokens
    covered = _covered(mentions)
    by_head = {m.last: m for m in mentions}
    added = []
    for token in tokens:
        word = token.text.lower()
        if word not in OWN_PRONOUNS | PERSON_POSSESSIVES or token.dep != "poss":
            continue
        if token.i in covered:
            continue
        owner = by_head.get(_clause_subject(sentence, token) if token.head != token.i else -1)
        if owner is None or owner.last > token.i or owner.rule == "agent":
            continue
        person = owner.actor.entry in dictionary.people or owner.rule in PERSON_RULES
        if person != (word in PERSON_POSSESSIVES):
            continue
        added.append(Mention(token.i, token.i, replace(owner.actor, text=token.text), "anaphora"))
    return sorted([*mentions, *added], key=lambda m: m.first) if added else list(mentions)


def _clause_subject(sentence: Sentence, pronoun: Token) -> int:
    """Return the head of the subject of the clause `pronoun`'s phrase stands in, or -1."""
    tokens = sentence.tokens
    phrase = tokens[pronoun.head]
    chain = sentence.ancestors(phrase.i)[: MAX_CLIMB + 1]
    verb = next((tokens[j] for j in chain if tokens[j].pos in ("VERB", "AUX")), tokens[chain[-1]])
    for _ in range(MAX_CLIMB):
        subjects = [c for c in sentence.children(verb.i) if c.dep in SUBJECTS]
        if not subjects:
            return -1
        if subjects[0].i != phrase.i:
            return subjects[0].i
        if verb.dep not in ("ccomp", "parataxis") or verb.head == verb.i:
            return -1  # "its forces sank ...": the owner is named outside the clause
        verb, phrase = tokens[verb.head], verb  # "Iraq said its forces sank ..."
    return -1


def _named(person: Actor | None) -> TypeGuard[Actor]:
    """Return whether `person` is someone the coder can name (not none, not unknown)."""
    return person is not None and person is not UNKNOWN_PERSON


def subject_person(
    sentence: Sentence,
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
    context_country: str | None = None,
) -> Actor | None:
    """Return the person who is the subject of `sentence`'s topmost clause with one, if any.

    A person is one the dictionary names as one, one read through a name or pronoun
    before ("Thatcher left Bonn ...", "'...', said Pelosi"), or a name after a title
    ("U.S. Secretary of Commerce Malcolm Baldrige said he hopes Japanese Prime Minister
    Yasuhiro Nakasone will ...": Baldrige, not the subject of the clause he reported). A
    name the dictionary lacks without a title ("The attacker, Anis Amri, was considered a
    threat") is someone we cannot name (UNKNOWN_PERSON): a later "he" is him, not whoever
    was named before.
    """
    tokens = sentence.tokens
    covered = _covered(mentions)
    subjects: list[tuple[int, int, Actor]] = []  # (depth, position, person)
    for mention in mentions:
        named = mention.actor.entry in dictionary.people or mention.rule in PERSON_RULES
        head = mention.last if named else _name_end(tokens, mention.last, covered)
        if (not named and head == mention.last) or not _subject(tokens, tokens[head]):
            continue
        person = (
            mention.actor
            if named
            else _titled_name(sentence, mention, head, mentions, dictionary, context_country)
        )
        if person is not None:
            subjects.append((len(sentence.ancestors(head)), head, person))
    subjects += [
        (len(sentence.ancestors(t.i)), t.i, UNKNOWN_PERSON)
        for t in tokens
        if _unknown_name(tokens, t, covered)
        and t.tag != "NNPS"  # "Americans": no "he"
        and (t.tag == "NNP" or t.i > 0)  # "Witnesses said": a common noun, capitalised
    ]
    return min(subjects, key=lambda found: found[:2])[2] if subjects else None


def _subject(tokens: Sequence[Token], token: Token) -> bool:
    """Return whether `token` is a subject or a subject's apposition."""
    return token.dep in SUBJECTS or (token.dep == "appos" and tokens[token.head].dep in SUBJECTS)


def remember_titles(
    sentence: Sentence,
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
    titles: dict[str, Actor | None],
    context_country: str | None = None,
) -> None:
    """Remember in `titles` whom each singular title before a name names in this document.

    "Prime Minister Igor Matovič of the Slovak Republic", "President of France Emmanuel
    Macron": the title's words ("prime minister", "president") go to the person's actor, so
    that a later "the Prime Minister" is Matovič (`titled_mentions`), whichever country the
    sentences between named most. A title that two persons of different codes bore names no
    one (None), nor does a former office holder's ("former Prime Minister Tony Blair").
    """
    tokens = sentence.tokens
    covered = _covered(mentions)
    for mention in mentions:
        if mention.rule != "agent" or tokens[mention.last].tag not in SINGULAR_TAGS:
            continue
        if mention.first > 0 and tokens[mention.first - 1].text.lower() in OUT_OF_OFFICE:
            continue
        person = _titled_person(sentence, mention, mentions, dictionary, covered, context_country)
        if person is None:
            continue
        key = _title_key(sentence, mention)
        before = titles.get(key, person)
        titles[key] = person if before is not None and before.code == person.code else None


def _title_key(sentence: Sentence, mention: Mention) -> str:
    return " ".join(t.text.lower() for t in sentence.tokens[mention.first : mention.last + 1])


def _titled_person(
    sentence: Sentence,
    title: Mention,
    mentions: Sequence[Mention],
    dictionary: ActorDictionary,
    covered: set[int],
    context_country: str | None,
) -> Actor | None:
    """Return the person the title `title` stands before, if one follows it at once.

    The title may name its country between ("President of France Emmanuel Macron"); a name
    the dictionary lacks takes the country the phrase gives ("Prime Minister Igor Matovič
    of the Slovak Republic").
    """
    tokens = sentence.tokens
    after = title.last + 1
    if after + 1 < len(tokens) and tokens[after].text.lower() == "of":
        country = next((m for m in mentions if m.first == after + 1), None)
        if country is None or len(country.actor.code) != 3:
            return None
        after = country.last + 1
    if after >= len(tokens):
        return None
    named = next((m for m in mentions if m.first == after), None)
    if named is not None:
        return named.actor if named.actor.entry in dictionary.people else None
    if tokens[after].tag != "NNP" or after in covered:
        return None
    end = _name_end(tokens, after, covered)
    person = resolve_phrase(sentence, end, mentions, dictionary, context_country=context_country)
    return person if _names_someone(person) else None


def titled_mentions(
    sentence: Sentence, mentions: Sequence[Mention], titles: dict[str, Actor | None]
) -> list[Mention]:
    """Return `mentions` with "the Prime Minister" read as the person a title named before.

    A singular title after "the", with no name or "of" after it, is the person the
    document gave that title (`remember_titles`): "During an official meeting with the
    Prime Minister ..." in a story that named "Prime Minister Igor Matovič of the Slovak
    Republic" and, since, the prime ministers of five other countries. "The French
    president", "the president of Russia" and "the Prime Minister Theresa May" say whom
    they mean themselves (an apposition after a comma, "the Prime Minister, Theresa May",
    is not told apart: both readings are offered).
    """
    if not titles:
        return list(mentions)
    tokens = sentence.tokens
    result = []
    for mention in mentions:
        person = titles.get(_title_key(sentence, mention)) if mention.rule == "agent" else None
        after = mention.last + 1
        if (
            person is not None
            and mention.first > 0
            and tokens[mention.first - 1].text.lower() == "the"
            and tokens[mention.last].tag in SINGULAR_TAGS
            and not (
                after < len(tokens)
                and (tokens[after].tag == "NNP" or tokens[after].text.lower() == "of")
            )
        ):
            text = " ".join(t.text for t in tokens[mention.first : mention.last + 1])
            mention = Mention(
                mention.first, mention.last, replace(person, text=text), "titled-before"
            )
        result.append(mention)
    return result


def shortened_names(
    sentence: Sentence, mentions: Sequence[Mention], longer: dict[str, Actor]
) -> list[Mention]:
    """Return `mentions` with a short name read as the longer name it shortens.

    A story that named "the Pakistani Taliban" (PAKREB) means them by "the Taliban" after,
    not the Afghan Taliban the dictionary gives the short name. A one-word dictionary name
    that is the last word of a longer name met before in the document, coded with the same
    role and another code, takes the longer name's actor. The sentence's own longer names
    are then remembered in `longer`, under their last word, for the sentences after it.
    """
    tokens = sentence.tokens
    result = []
    for mention in mentions:
        earlier = longer.get(tokens[mention.last].text.lower())
        code = mention.actor.code
        if (
            earlier is not None
            and mention.rule == "actor"
            and mention.first == mention.last
            and earlier.code != code
            and len(code) >= 6
            and earlier.code[3:6] == code[3:6]
        ):
            mention = replace(mention, actor=replace(earlier, text=mention.actor.text))
        result.append(mention)
    for mention in mentions:
        if (
            mention.rule == "actor"
            and mention.last > mention.first
            and len(mention.actor.code) >= 6
            and tokens[mention.last].tag in ("NNP", "NNPS")
        ):
            longer[tokens[mention.last].text.lower()] = mention.actor
    return result


def acronym_mentions(
    sentence: Sentence, mentions: Sequence[Mention], acronyms: dict[str, Actor]
) -> list[Mention]:
    """Return `mentions` plus the acronyms a coded name defined before in the document.

    News defines an acronym once, in brackets after the name ("the Islamic State (IS)",
    "the Kurdistan Workers' Party (PKK)"), and uses it after: "the last IS stronghold".
    An all-capital word no mention covers takes the actor of the name that defined it (not
    in a headline written in capitals, where "IS" is a verb); the sentence's own definitions
    are then remembered in `acronyms` for the words after them.
    """
    tokens = sentence.tokens
    added = []
    if any(t.text in acronyms for t in tokens):  # most sentences: no acronym defined before
        covered = _covered(mentions)
        if not written_in_capitals(t.text for t in tokens):  # not "KUWAIT IS SEEN ..."
            added = [
                Mention(t.i, t.i, replace(acronyms[t.text], text=t.text), "acronym")
                for t in tokens
                if t.text in acronyms and t.i not in covered
            ]
    for mention in mentions:
        at = mention.last + 1
        if mention.rule == "agent" or at + 2 >= len(tokens):
            continue
        word = tokens[at + 1].text
        if tokens[at].text == "(" and tokens[at + 2].text == ")" and _acronym(word):
            acronyms[word] = mention.actor
    return sorted([*mentions, *added], key=lambda m: m.first) if added else list(mentions)


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def sole_group(mentions: Sequence[Mention], dictionary: ActorDictionary) -> Actor | None:
    """Return the one country or organisation a sentence names, if it names just one."""
    groups = {
        m.actor.code: m.actor
        for m in mentions
        if m.rule in ("actor", "actor-variant") and m.actor.entry not in dictionary.people
    }
    return next(iter(groups.values())) if len(groups) == 1 else None


def group_mentions(
    sentence: Sentence, mentions: Sequence[Mention], group: Actor | None
) -> list[Mention]:
    """Return `mentions` plus they/them/their read as `group`.

    `group` is the one country or organisation the previous sentence named ("Why would
    Tehran do that now? Maybe we bought them off"); "they" and "their" after a group the
    sentence names itself are left to the parse, a group named by its members or a
    collective noun too ("police had evicted office workers after they began a hunger
    strike" are no German president's people named the sentence before), not by one person's
    title ("the minister said they would").
    """
    if group is None:
        return list(mentions)
    tokens = sentence.tokens
    first_group = min(
        (
            m.first
            for m in mentions
            if m.rule != "agent"
            or tokens[m.last].tag in PLURAL_TAGS
            or tokens[m.last].lemma.lower() not in PERSON_ROLE_NOUNS
        ),
        default=None,
    )
    added = [
        Mention(t.i, t.i, replace(group, text=t.text), GROUP_ANAPHORA)
        for t in sentence.tokens
        if t.text.lower() in GROUP_PRONOUNS
        and t.pos == "PRON"
        # "them" is never its own clause's subject ("the Americans bought them off")
        and (first_group is None or t.i < first_group or t.text.lower() == "them")
    ]
    return sorted([*mentions, *added], key=lambda m: m.first)
