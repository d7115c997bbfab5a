"""Tests for dyad.coder.parse.split_sentences: rule-based sentence spans (no model needed)."""

from __future__ import annotations

import random

import pytest

from dyad.coder.parse import _SPACE_HYPHEN, _space_hyphens, spaced, split_sentences


def sentences(text: str, offset: int = 0) -> list[str]:
    return [text[start - offset : end - offset] for start, end in split_sentences(text, offset)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith went to Baghdad. He met Gen. Petraeus there.",
            ["Mr. Smith went to Baghdad.", "He met Gen. Petraeus there."],
        ),
        (
            "The U.S. Army left on Jan. 5. Iraq objected.",
            ["The U.S. Army left on Jan. 5.", "Iraq objected."],
        ),
        (
            "Talks with the U.N. resumed. Iran agreed.",
            ["Talks with the U.N. resumed.", "Iran agreed."],
        ),
        ("George W. Bush spoke. Maliki listened.", ["George W. Bush spoke.", "Maliki listened."]),
        (
            "Will Iran agree? Nobody knows! Talks go on.",
            ["Will Iran agree?", "Nobody knows!", "Talks go on."],
        ),
        (
            '"We will attack," he said. "They will fail." Iran denied it.',
            ['"We will attack," he said.', '"They will fail."', "Iran denied it."],
        ),
        (
            "Iraq attacked Iran.\n\nSyria condemned Israel.",
            ["Iraq attacked Iran.", "Syria condemned Israel."],
        ),
        (
            "Iraq Attacks Iran\nIraqi troops crossed the border on Monday.",
            ["Iraq Attacks Iran", "Iraqi troops crossed the border on Monday."],
        ),
        (
            "Iraqi troops crossed the border\nnear Basra on Monday. Iran protested.",
            ["Iraqi troops crossed the border\nnear Basra on Monday.", "Iran protested."],
        ),
        (
            "The minister said that the talks,\nwhich began in May, had failed.",
            ["The minister said that the talks,\nwhich began in May, had failed."],
        ),
        ("iraq attacked iran. it was over.", ["iraq attacked iran. it was over."]),
        (
            "Army Cpl. Jones and Pfc. Lee left. Supt. Byrne objected.",
            ["Army Cpl. Jones and Pfc. Lee left.", "Supt. Byrne objected."],
        ),
        # a quotation opening a sentence that lost its capital (NewsArticles, Reuters-21578)
        (
            'He told reporters. "they attacked the policemen," he said.',
            ["He told reporters.", '"they attacked the policemen," he said.'],
        ),
        ('It ended at 2 p.m. "severe storms" came.', ['It ended at 2 p.m. "severe storms" came.']),
        ('He said "no." "and then" it ended.', ['He said "no." "and then" it ended.']),
        ("   \n\n  ", []),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("  Iraq attacked Iran.  Syria condemned Israel.  ", 0),
        ("Mr. Maliki visited Iran.\n\nHe met Khamenei? Yes!", 100),
        ("Headline\nIraqi troops crossed\nthe border. Iran protested.\n", 7),
    ],
)
def test_split_sentences_spans_index_text(text: str, offset: int) -> None:
    spans = split_sentences(text, offset)
    assert spans
    previous_end = offset
    for start, end in spans:
        piece = text[start - offset : end - offset]
        assert piece == piece.strip() and piece
        assert start >= previous_end
        previous_end = end
    assert all(start >= offset and end <= offset + len(text) for start, end in spans)


@pytest.mark.parametrize("offset", [0, 5, 1234])
def test_split_sentences_offset_shifts_spans(offset: int) -> None:
    text = "Iraq attacked Iran. Syria condemned Israel."
    assert split_sentences(text, offset) == [(offset, offset + 19), (offset + 20, offset + 43)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a news site's space turned into a hyphen ends a sentence all the same
        (
            "The final image eventually collapses.-The film ends.",
            ["The final image eventually collapses.", "The film ends."],
        ),
        ("U.S.-China talks resumed. Iran agreed.", ["U.S.-China talks resumed.", "Iran agreed."]),
        # ... and before the space that follows it (1,997 times in NewsArticles' stories)
        (
            "No one was available for comment.- Residents said the raid took place.",
            ["No one was available for comment.", "Residents said the raid took place."],
        ),
        (
            'He said "we will act."- The talks ended.',
            ['He said "we will act."', "The talks ended."],
        ),
        ("Sanaa.- READ MORE: Yemenis mark", ["Sanaa.", "READ MORE: Yemenis mark"]),
        # a closing quote and its space a conversion turned into '"?' (978 NewsArticles stories)
        (
            'He said "we will see in the future."?The book is out.',
            ['He said "we will see in the future."', "The book is out."],
        ),
        ("The U.S.- China talks. Iran agreed.", ["The U.S.- China talks.", "Iran agreed."]),
    ],
)
def test_split_reads_a_hyphen_for_a_space_after_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stoltenberg,-NATO secretary-general,-said", "Stoltenberg, NATO secretary-general, said"),
        ("threatened to curtail-its support", "threatened to curtail its support"),
        ("Mr Doran-said the-government erred", "Mr Doran said the government erred"),
        ("Source:-Al Jazeera", "Source: Al Jazeera"),
        ('He warned,-"we will act"', 'He warned, "we will act"'),
        # beside a pronoun, auxiliary, conjunction or title, whichever side
        ("Mr-Ross also said he is-seeking it", "Mr Ross also said he is seeking it"),
        ("The-task and-found Egypt-is Siluanov-said", "The task and found Egypt is Siluanov said"),
        # beside a short preposition whose other side is a name
        ("flew to-Germany on Saturday-in Clondalkin", "flew to Germany on Saturday in Clondalkin"),
        # touching a word on one side only
        ("The- US secretary of state -has arrived", "The  US secretary of state  has arrived"),
        ("rose under- Barack Obama", "rose under  Barack Obama"),
        # between a quotation and the word after or before it
        ('a "fully fledged"-political crisis', 'a "fully fledged" political crisis'),
        ('a birthday party,"-which annoyed him', 'a birthday party," which annoyed him'),
        ('his client was-"relieved" by it', 'his client was "relieved" by it'),
    ],
)
def test_spaced_reads_a_hyphen_that_stands_for_a_space(text: str, expected: str) -> None:
    assert spaced(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "U.S.-China talks, a state-of-the-art jet, his-and-hers towels",
        "an in-depth by-election, a Sunni-led, well-known, anti-government force",
        "smiles :-) and :-D at 3:-4",
        "the Iran-Iraq war of 1980-88",
        "a score of 3-1, version 2.- final",
        "pre- and post-war, mid- to late-1990s, a 10- to 15-year term",
        "the have-nots, a has-been, a check-in, an on-demand sit-in",
        "IS-held towns, As-Safir, At-Tanf, al-Assad, Abu-Bakr, Fine Gael-TD",
        "Prayuth Chan-ocha, cyber-crime, Rescue-team, a - dash, -- and --",
        'a "-" sign, "A"-"B", the so-called "experts"',
    ],
)
def test_spaced_keeps_real_hyphens(text: str) -> None:
    assert spaced(text) == text


def _scanned(text: str) -> list[int]:
    """Return the hyphens `_SPACE_HYPHEN` finds scanning every character, as it was run."""
    groups = range(1, _SPACE_HYPHEN.groups + 1)
    return [m.start(g) for m in _SPACE_HYPHEN.finditer(text) for g in groups if m.start(g) >= 0]


_PIECES = (
    list("aAbzZ--- ,;:.!?\"'()0_\u00e9\u201c\u201d\n") + "the its said to in for Mr nots".split()
)


@pytest.mark.parametrize("seed", range(20))
def test_space_hyphens_finds_what_a_full_scan_finds(seed: int) -> None:
    """`_space_hyphens` tries only where a match can start; it must find the same hyphens."""
    generator = random.Random(seed)
    texts = ["".join(generator.choices(_PIECES, k=generator.randint(1, 40))) for _ in range(2000)]
    assert [_space_hyphens(text) for text in texts] == [_scanned(text) for text in texts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closing quote's space, a dash, an apostrophe a conversion made "?" after a quote
        ('a worse choice,"?Sen. Warren said', 'a worse choice," Sen. Warren said'),
        ('no question"?Russia attempted', 'no question" Russia attempted'),
        ('the move "?which bypassed it', 'the move " which bypassed it'),
        ('innocent?"?Wiping tears', 'innocent?" Wiping tears'),
        # or the replacement character
        ('Of "\ufffdPropaganda," Israel said', 'Of " Propaganda," Israel said'),
    ],
)
def test_spaced_reads_a_lost_mark_after_a_quote_as_a_space(text: str, expected: str) -> None:
    assert spaced(text) == expected


@pytest.mark.parametrize(
    "text",
    ['he asked "?" and left', 'a "?" sign', 'why?" he asked', '"Is it?"', 'the "?!" mark'],
)
def test_spaced_keeps_a_question_mark_that_is_one(text: str) -> None:
    assert spaced(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It rose. READ MORE: Taliban kills eight Afghan police in 'insider attack' Gunmen"
            " stormed the hospital.",
            [
                "It rose.",
                "READ MORE: Taliban kills eight Afghan police in 'insider attack'",
                "Gunmen stormed the hospital.",
            ],
        ),
        (
            "READ MORE: Obedience and uncertainty in Singapore He said the sentence was long.",
            ["READ MORE: Obedience and uncertainty in Singapore", "He said the sentence was long."],
        ),
        (
            'READ MORE: Seoul says North Korea carried out missile tests "The two sides are'
            ' like trains," he said.',
            [
                "READ MORE: Seoul says North Korea carried out missile tests",
                '"The two sides are like trains," he said.',
            ],
        ),
        # a film's title after "WATCH:" (NewsArticles 31 times)
        (
            "WATCH: Irish travellers facing discrimination Some 84 percent are unemployed.",
            [
                "WATCH: Irish travellers facing discrimination",
                "Some 84 percent are unemployed.",
            ],
        ),
        # a title's second part after a dash or colon stays in the title
        (
            "READ MORE: Yemen - Who controls what Residents of the town said so.",
            ["READ MORE: Yemen - Who controls what Residents of the town said so."],
        ),
        # an acronym after a quotation in the title continues it
        (
            "READ MORE: Trump vows to 'demolish and destroy' ISIL Under the limits, it stays.",
            ["READ MORE: Trump vows to 'demolish and destroy' ISIL", "Under the limits, it stays."],
        ),
        # a title in title case cannot be told from the sentence after it
        (
            "READ MORE: Trump Says He Will Win The Election They said so.",
            ["READ MORE: Trump Says He Will Win The Election They said so."],
        ),
        # no link: no split
        (
            "Officials in Singapore He said nothing.",
            ["Officials in Singapore He said nothing."],
        ),
    ],
)
def test_a_link_title_is_a_sentence_of_its_own(text: str, expected: list[str]) -> None:
    # NewsArticles (Al Jazeera) runs a linked story's title into the next sentence
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Staff told AFP. - - Insiders were among the attackers. - The sources said so.",
            ["Staff told AFP.", "Insiders were among the attackers.", "The sources said so."],
        ),
        ("Joint U.S. - Afghan forces killed him.", ["Joint U.S. - Afghan forces killed him."]),
        ("It fell - 5 percent. A - B.", ["It fell - 5 percent.", "A - B."]),
    ],
)
def test_a_lost_paragraph_break_written_as_dashes_ends_a_sentence(
    text: str, expected: list[str]
) -> None:
    # NewsArticles lost its paragraph breaks as " - "; the dashes belong to neither sentence
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date line is no part of its sentence: parsed with it, the place was the subject
        (
            "KABUL, Afghanistan (Dec. 27, 2010) \u2013 More than 10 insurgents were killed.",
            ["KABUL, Afghanistan (Dec. 27, 2010) \u2013", "More than 10 insurgents were killed."],
        ),
        (
            "KANDAHAR PROVINCE, Afghanistan \u2013 A four-day operation ended.",
            ["KANDAHAR PROVINCE, Afghanistan \u2013", "A four-day operation ended."],
        ),
        (
            "WASHINGTON (Reuters) - The U.S. said no.",
            ["WASHINGTON (Reuters) -", "The U.S. said no."],
        ),
        (
            "BEIRUT - Syria intervened to halt months of fighting over the camps.",
            ["BEIRUT -", "Syria intervened to halt months of fighting over the camps."],
        ),
        # a bare capitalised name before a short line is a headline's; hyphens join words
        ("NATO - Russia Council meets today.", ["NATO - Russia Council meets today."]),
        ("SARS-CoV-2 has killed many.", ["SARS-CoV-2 has killed many."]),
        ("U.S. - Japan talks collapsed.", ["U.S. - Japan talks collapsed."]),
    ],
)
def test_split_takes_a_date_line_off_its_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a two-byte letter decoded with the wrong codec: a pair of replacement characters
        ("Fran\ufffd\ufffdois Fillon said", "Franeeois Fillon said"),
        ("in Osnabr\ufffd\ufffdck", "in Osnabreeck"),
        ("the L'\ufffd\ufffdternel", "the L'eeternel"),
        ("Strejcov\ufffd\ufffd, spokeswoman", "Strejcovee, spokeswoman"),
    ],
)
def test_spaced_reads_a_mangled_letter_as_letters(text: str, expected: str) -> None:
    assert spaced(text) == expected


@pytest.mark.parametrize(
    "text",
    # a lone mark, or a pair between spaces, stood for a quote or another script's character
    ["the price \ufffd\ufffd rose", "fell \ufffd18bn", "version for \ufffd?is"],
)
def test_spaced_keeps_replacement_characters_that_touch_no_letter(text: str) -> None:
    assert spaced(text) == text
