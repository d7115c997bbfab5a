"""Tests for dyad.coder.modality: factuality of one event, judged on hand-built parses.

Each parse below was copied from en_core_web_sm's output for the sentence and is written out
in full (words, heads, deps, lemmas, tags, pos), so the rules are tested without a model and
do not move when the model does.
"""

from __future__ import annotations

import dataclasses

import pytest

from dyad.coder.modality import Modality, assess_factuality
from dyad.records import Sentence
from parses import make_sentence

PARSES: dict[str, tuple[str, list[int], str, str, str, str]] = {
    "maliki": (
        "Prime Minister Maliki visited Iran in August .",
        [1, 2, 3, 3, 3, 3, 5, 3],
        "compound compound nsubj ROOT dobj prep pobj punct",
        "prime minister maliki visit iran in august .",
        "NNP NNP NNP VBD NNP IN NNP .",
        "PROPN PROPN PROPN VERB PROPN ADP PROPN PUNCT",
    ),
    "maybe": (
        "Maybe we bought them off somehow .",
        [2, 2, 2, 2, 2, 2, 2],
        "advmod nsubj ROOT dobj prt advmod punct",
        "maybe we buy they off somehow .",
        "RB PRP VBD PRP RP RB .",
        "ADV PRON VERB PRON ADP ADV PUNCT",
    ),
    "denied": (
        "Iran denied that it had sent weapons to the Mahdi Army .",
        [1, 1, 5, 5, 5, 1, 5, 5, 10, 10, 7, 1],
        "nsubj ROOT mark nsubj aux ccomp dobj dative det compound pobj punct",
        "iran deny that it have send weapon to the mahdi army .",
        "NNP VBD IN PRP VBD VBN NNS IN DT NNP NNP .",
        "PROPN VERB SCONJ PRON AUX VERB NOUN ADP DET PROPN PROPN PUNCT",
    ),
    "no_civilians": (
        "No civilians were harmed .",
        [1, 3, 3, 3, 3],
        "det nsubjpass auxpass ROOT punct",
        "no civilian be harm .",
        "DT NNS VBD VBN .",
        "DET NOUN AUX VERB PUNCT",
    ),
    "no_shots": (
        "Insurgents fired no shots .",
        [1, 1, 3, 1, 1],
        "nsubj ROOT det dobj punct",
        "insurgent fire no shot .",
        "NNS VBD DT NNS .",
        "NOUN VERB DET NOUN PUNCT",
    ),
    "nobody": (
        "Nobody was arrested .",
        [2, 2, 2, 2],
        "nsubjpass auxpass ROOT punct",
        "nobody be arrest .",
        "NN VBD VBN .",
        "PRON AUX VERB PUNCT",
    ),
    "two_civilians": (
        "Two civilians were harmed .",
        [1, 3, 3, 3, 3],
        "nummod nsubjpass auxpass ROOT punct",
        "two civilian be harm .",
        "CD NNS VBD VBN .",
        "NUM NOUN AUX VERB PUNCT",
    ),
    "did_not": (
        "Iraq did not attack Iran .",
        [3, 3, 3, 3, 3, 3],
        "nsubj aux neg ROOT dobj punct",
        "iraq do not attack iran .",
        "NNP VBD RB VB NNP .",
        "PROPN AUX PART VERB PROPN PUNCT",
    ),
    "if": (
        "If Iran attacks Iraq , the US will respond .",
        [2, 2, 8, 2, 8, 6, 8, 8, 8, 8],
        "mark nsubj advcl dobj punct det nsubj aux ROOT punct",
        "if iran attack iraq , the us will respond .",
        "IN NNP VBZ NNP , DT NNP MD VB .",
        "SCONJ PROPN VERB PROPN PUNCT DET PROPN AUX VERB PUNCT",
    ),
    "did_q": (
        "Did Iran send arms ?",
        [2, 2, 2, 2, 2],
        "aux nsubj ROOT dobj punct",
        "do iran send arm ?",
        "VBD NNP VB NNS .",
        "AUX PROPN VERB NOUN PUNCT",
    ),
    "officials_said": (
        "Iran sent arms to the militias , Iraqi officials said .",
        [1, 9, 1, 1, 5, 3, 9, 8, 9, 9, 9],
        "nsubj ccomp dobj dative det pobj punct amod nsubj ROOT punct",
        "iran send arm to the militia , iraqi official say .",
        "NNP VBD NNS IN DT NNS , JJ NNS VBD .",
        "PROPN VERB NOUN ADP DET NOUN PUNCT ADJ NOUN VERB PUNCT",
    ),
    "according": (
        "According to the ministry , troops attacked the village .",
        [6, 0, 3, 1, 6, 6, 6, 8, 6, 6],
        "prep prep det pobj punct nsubj ROOT det dobj punct",
        "accord to the ministry , troop attack the village .",
        "VBG IN DT NN , NNS VBD DT NN .",
        "VERB ADP DET NOUN PUNCT NOUN VERB DET NOUN PUNCT",
    ),
    "dabbagh": (
        "Dabbagh said Iran had supplied weapons .",
        [1, 1, 4, 4, 1, 4, 1],
        "nsubj ROOT nsubj aux ccomp dobj punct",
        "dabbagh say iran have supply weapon .",
        "NNP VBD NNP VBD VBN NNS .",
        "PROPN VERB PROPN AUX VERB NOUN PUNCT",
    ),
    "will_attack": (
        "Iran will attack .",
        [2, 2, 2, 2],
        "nsubj aux ROOT punct",
        "iran will attack .",
        "NNP MD VB .",
        "PROPN AUX VERB PUNCT",
    ),
    "will_help": (
        "Iran will help Iraq .",
        [2, 2, 2, 2, 2],
        "nsubj aux ROOT dobj punct",
        "iran will help iraq .",
        "NNP MD VB NNP .",
        "PROPN AUX VERB PROPN PUNCT",
    ),
    "declined": (
        "Iraq declined to meet Iran .",
        [1, 1, 3, 1, 3, 1],
        "nsubj ROOT aux xcomp dobj punct",
        "iraq decline to meet iran .",
        "NNP VBD TO VB NNP .",
        "PROPN VERB PART VERB PROPN PUNCT",
    ),
    "nested": (
        "Officials said the minister told reporters that Iran had sent arms .",
        [1, 1, 3, 4, 1, 4, 9, 9, 9, 4, 9, 1],
        "nsubj ROOT det nsubj ccomp dobj mark nsubj aux ccomp dobj punct",
        "official say the minister tell reporter that iran have send arm .",
        "NNS VBD DT NN VBD NNS IN NNP VBD VBN NNS .",
        "NOUN VERB DET NOUN VERB NOUN SCONJ PROPN AUX VERB NOUN PUNCT",
    ),
    "why": (
        "Why did n't the US attack Iran ?",
        [5, 5, 5, 5, 5, 5, 5, 5],
        "advmod aux neg det compound ROOT appos punct",
        "why do not the us attack iran ?",
        "WRB VBD RB DT NNP NN NNP .",
        "SCONJ AUX PART DET PROPN NOUN PROPN PUNCT",
    ),
    "no_longer": (
        "Iran no longer supports the militias .",
        [3, 2, 3, 3, 5, 3, 3],
        "nsubj neg advmod ROOT det dobj punct",
        "iran no long support the militia .",
        "NNP RB RB VBZ DT NNS .",
        "PROPN ADV ADV VERB DET NOUN PUNCT",
    ),
    "no_evidence": (
        "There is no evidence that Iran sent weapons .",
        [1, 1, 3, 1, 6, 6, 3, 6, 1],
        "expl ROOT det attr mark nsubj acl dobj punct",
        "there be no evidence that iran send weapon .",
        "EX VBZ DT NN IN NNP VBD NNS .",
        "PRON VERB DET NOUN SCONJ PROPN VERB NOUN PUNCT",
    ),
    "unwillingness": (
        "Japan 's unwillingness to recognize the administration .",
        [2, 0, 2, 4, 2, 6, 4, 2],
        "poss case ROOT aux acl det dobj punct",
        "japan 's unwillingness to recognize the administration .",
        "NNP POS NN TO VB DT NN .",
        "PROPN PART NOUN PART VERB DET NOUN PUNCT",
    ),
    "rejected": (
        "The government rejected claims that it had attacked the village .",
        [1, 2, 2, 2, 7, 7, 7, 3, 9, 7, 2],
        "det nsubj ROOT dobj mark nsubj aux acl det dobj punct",
        "the government reject claim that it have attack the village .",
        "DT NN VBD NNS IN PRP VBD VBN DT NN .",
        "DET NOUN VERB NOUN SCONJ PRON AUX VERB DET NOUN PUNCT",
    ),
    "failed": (
        "The talks failed to reach agreement .",
        [1, 2, 2, 4, 2, 4, 2],
        "det nsubj ROOT aux xcomp dobj punct",
        "the talk fail to reach agreement .",
        "DT NNS VBD TO VB NN .",
        "DET NOUN VERB PART VERB NOUN PUNCT",
    ),
    "would_have": (
        "Iraq would have attacked Iran .",
        [3, 3, 3, 3, 3, 3],
        "nsubj aux aux ROOT dobj punct",
        "iraq would have attack iran .",
        "NNP MD VB VBN NNP .",
        "PROPN AUX AUX VERB PROPN PUNCT",
    ),
    "analysts": (
        "Some analysts believe that Iran supplied the militias .",
        [1, 2, 2, 5, 5, 2, 7, 5, 2],
        "det nsubj ROOT mark nsubj ccomp det dobj punct",
        "some analyst believe that iran supply the militia .",
        "DT NNS VBP IN NNP VBD DT NNS .",
        "DET NOUN VERB SCONJ PROPN VERB DET NOUN PUNCT",
    ),
    "think": (
        "I think we bought them off .",
        [1, 1, 3, 1, 3, 3, 1],
        "nsubj ROOT nsubj ccomp dobj prt punct",
        "i think we buy they off .",
        "PRP VBP PRP VBD PRP RP .",
        "PRON VERB PRON VERB PRON ADP PUNCT",
    ),
    "possible": (
        "It is possible that Iran sent arms .",
        [1, 1, 1, 5, 5, 1, 5, 1],
        "nsubj ROOT acomp mark nsubj ccomp dobj punct",
        "it be possible that iran send arm .",
        "PRP VBZ JJ IN NNP VBD NNS .",
        "PRON AUX ADJ SCONJ PROPN VERB NOUN PUNCT",
    ),
    "signs": (
        "There are signs that Iran is arming the militias .",
        [1, 1, 1, 6, 6, 6, 2, 8, 6, 1],
        "expl ROOT attr mark nsubj aux acl det dobj punct",
        "there be sign that iran be arm the militia .",
        "EX VBP NNS IN NNP VBZ VBG DT NNS .",
        "PRON VERB NOUN SCONJ PROPN AUX VERB DET NOUN PUNCT",
    ),
    "seems": (
        "Iran seems to support the militias .",
        [1, 1, 3, 1, 5, 3, 1],
        "nsubj ROOT aux xcomp det dobj punct",
        "iran seem to support the militia .",
        "NNP VBZ TO VB DT NNS .",
        "PROPN VERB PART VERB DET NOUN PUNCT",
    ),
    "appears": (
        "Iran appears to have sent weapons .",
        [1, 1, 4, 4, 1, 4, 1],
        "nsubj ROOT aux aux xcomp dobj punct",
        "iran appear to have send weapon .",
        "NNP VBZ TO VB VBN NNS .",
        "PROPN VERB PART AUX VERB NOUN PUNCT",
    ),
    "reportedly": (
        "Iran reportedly sent weapons to the militias .",
        [2, 2, 2, 2, 2, 6, 4, 2],
        "nsubj advmod ROOT dobj dative det pobj punct",
        "iran reportedly send weapon to the militia .",
        "NNP RB VBD NNS IN DT NNS .",
        "PROPN ADV VERB NOUN ADP DET NOUN PUNCT",
    ),
    "allegedly": (
        "Iran allegedly sent weapons .",
        [2, 2, 2, 2, 2],
        "nsubj advmod ROOT dobj punct",
        "iran allegedly send weapon .",
        "NNP RB VBD NNS .",
        "PROPN ADV VERB NOUN PUNCT",
    ),
    "warned": (
        "The minister warned that Iran would attack .",
        [1, 2, 2, 6, 6, 6, 2, 2],
        "det nsubj ROOT mark nsubj aux ccomp punct",
        "the minister warn that iran would attack .",
        "DT NN VBD IN NNP MD VB .",
        "DET NOUN VERB SCONJ PROPN AUX VERB PUNCT",
    ),
    "accused": (
        "The US accused Iran of arming the militias .",
        [1, 2, 2, 2, 2, 4, 7, 5, 2],
        "det nsubj ROOT dobj prep pcomp det dobj punct",
        "the us accuse iran of arm the militia .",
        "DT NNP VBD NNP IN VBG DT NNS .",
        "DET PROPN VERB PROPN ADP VERB DET NOUN PUNCT",
    ),
    "may": (
        "Iran may attack Iraq .",
        [2, 2, 2, 2, 2],
        "nsubj aux ROOT dobj punct",
        "iran may attack iraq .",
        "NNP MD VB NNP .",
        "PROPN AUX VERB PROPN PUNCT",
    ),
    "quote": (
        '" Iran sent arms , " the official said .',
        [8, 2, 8, 2, 8, 8, 7, 8, 8, 8],
        "punct nsubj ccomp dobj punct punct det nsubj ROOT punct",
        '" iran send arm , " the official say .',
        "`` NNP VBD NNS , '' DT NN VBD .",
        "PUNCT PROPN VERB NOUN PUNCT PUNCT DET NOUN VERB PUNCT",
    ),
    "might_said": (
        "Iraq might send troops , he said .",
        [2, 2, 6, 2, 6, 6, 6, 6],
        "nsubj aux ccomp dobj punct nsubj ROOT punct",
        "iraq might send troop , he say .",
        "NNP MD VB NNS , PRP VBD .",
        "PROPN AUX VERB NOUN PUNCT PRON VERB PUNCT",
    ),
    "should": (
        "Iraq should withdraw its troops .",
        [2, 2, 2, 4, 2, 2],
        "nsubj aux ROOT poss dobj punct",
        "iraq should withdraw its troop .",
        "NNP MD VB PRP$ NNS .",
        "PROPN AUX VERB PRON NOUN PUNCT",
    ),
    "going_to": (
        "Iran is going to attack Iraq .",
        [2, 2, 2, 4, 2, 4, 2],
        "nsubj aux ROOT aux xcomp dobj punct",
        "iran be go to attack iraq .",
        "NNP VBZ VBG TO VB NNP .",
        "PROPN AUX VERB PART VERB PROPN PUNCT",
    ),
    "unless": (
        "Unless Iraq withdraws , Iran will attack .",
        [2, 2, 6, 6, 6, 6, 6, 6],
        "mark nsubj advcl punct nsubj aux ROOT punct",
        "unless iraq withdraw , iran will attack .",
        "IN NNP VBZ , NNP MD VB .",
        "SCONJ PROPN VERB PUNCT PROPN AUX VERB PUNCT",
    ),
    "whether": (
        "Officials are not sure whether Iran sent arms .",
        [1, 1, 1, 1, 6, 6, 3, 6, 1],
        "nsubj ROOT neg acomp mark nsubj ccomp dobj punct",
        "official be not sure whether iran send arm .",
        "NNS VBP RB JJ IN NNP VBD NNS .",
        "NOUN AUX PART ADJ SCONJ PROPN VERB NOUN PUNCT",
    ),
    "conj": (
        "The minister met Maliki and signed an agreement .",
        [1, 2, 2, 2, 2, 2, 7, 5, 2],
        "det nsubj ROOT dobj cc conj det dobj punct",
        "the minister meet maliki and sign an agreement .",
        "DT NN VBD NNP CC VBD DT NN .",
        "DET NOUN VERB PROPN CCONJ VERB DET NOUN PUNCT",
    ),
    "relcl": (
        "The minister , who visited Tehran last week , did not sign an agreement .",
        [1, 11, 1, 4, 1, 4, 7, 4, 1, 11, 11, 11, 13, 11, 11],
        "det nsubj punct nsubj relcl dobj amod npadvmod punct aux neg ROOT det dobj punct",
        "the minister , who visit tehran last week , do not sign an agreement .",
        "DT NN , WP VBD NNP JJ NN , VBD RB VB DT NN .",
        "DET NOUN PUNCT PRON VERB PROPN ADJ NOUN PUNCT AUX PART VERB DET NOUN PUNCT",
    ),
    "never": (
        "Iran never attacked Iraq .",
        [2, 2, 2, 2, 2],
        "nsubj neg ROOT dobj punct",
        "iran never attack iraq .",
        "NNP RB VBD NNP .",
        "PROPN ADV VERB PROPN PUNCT",
    ),
    "asked_q": (
        'The official asked , " Did Iran send arms ? "',
        [1, 2, 2, 2, 2, 7, 7, 2, 7, 2, 2],
        "det nsubj ROOT punct punct aux nsubj ccomp dobj punct punct",
        'the official ask , " do iran send arm ? "',
        "DT NN VBD , `` VBD NNP VB NNS . ''",
        "DET NOUN VERB PUNCT PUNCT AUX PROPN VERB NOUN PUNCT PUNCT",
    ),
    "denied_ing": (
        "Iran denied sending weapons to the militias .",
        [1, 1, 1, 2, 2, 6, 4, 1],
        "nsubj ROOT xcomp dobj dative det pobj punct",
        "iran deny send weapon to the militia .",
        "NNP VBD VBG NNS IN DT NNS .",
        "PROPN VERB VERB NOUN ADP DET NOUN PUNCT",
    ),
    "likely": (
        "Iran is likely to attack Iraq .",
        [1, 1, 1, 4, 2, 4, 1],
        "nsubj ROOT acomp aux xcomp dobj punct",
        "iran be likely to attack iraq .",
        "NNP VBZ JJ TO VB NNP .",
        "PROPN AUX ADJ PART VERB PROPN PUNCT",
    ),
    "is_said": (
        "Iran is said to have sent arms .",
        [2, 2, 2, 5, 5, 2, 5, 2],
        "nsubjpass auxpass ROOT aux aux xcomp dobj punct",
        "iran be say to have send arm .",
        "NNP VBZ VBN TO VB VBN NNS .",
        "PROPN AUX VERB PART AUX VERB NOUN PUNCT",
    ),
    "it_reported": (
        "It was reported that Iran sent arms .",
        [2, 2, 2, 5, 5, 2, 5, 2],
        "nsubjpass auxpass ROOT mark nsubj ccomp dobj punct",
        "it be report that iran send arm .",
        "PRP VBD VBN IN NNP VBD NNS .",
        "PRON AUX VERB SCONJ PROPN VERB NOUN PUNCT",
    ),
    "told_to": (
        "The US told Iraq to withdraw its troops .",
        [1, 2, 2, 2, 5, 2, 7, 5, 2],
        "det nsubj ROOT dobj aux xcomp poss dobj punct",
        "the us tell iraq to withdraw its troop .",
        "DT NNP VBD NNP TO VB PRP$ NNS .",
        "DET PROPN VERB PROPN PART VERB PRON NOUN PUNCT",
    ),
    "threatened": (
        "Iran threatened to attack Iraq .",
        [1, 1, 3, 1, 3, 1],
        "nsubj ROOT aux xcomp dobj punct",
        "iran threaten to attack iraq .",
        "NNP VBD TO VB NNP .",
        "PROPN VERB PART VERB PROPN PUNCT",
    ),
    "but": (
        "Iran did not attack Iraq but sent arms to the militias .",
        [3, 3, 3, 3, 3, 3, 3, 6, 6, 10, 8, 3],
        "nsubj aux neg ROOT dobj cc conj dobj dative det pobj punct",
        "iran do not attack iraq but send arm to the militia .",
        "NNP VBD RB VB NNP CC VBD NNS IN DT NNS .",
        "PROPN AUX PART VERB PROPN CCONJ VERB NOUN ADP DET NOUN PUNCT",
    ),
    "and_destroy": (
        "Iran will attack and destroy the base .",
        [2, 2, 2, 2, 2, 6, 4, 2],
        "nsubj aux ROOT cc conj det dobj punct",
        "iran will attack and destroy the base .",
        "NNP MD VB CC VB DT NN .",
        "PROPN AUX VERB CCONJ VERB DET NOUN PUNCT",
    ),
    "spokesman": (
        "Iraqi government spokesman Ali al - Dabbagh said Iran had supplied weapons .",
        [2, 2, 6, 6, 6, 6, 7, 7, 10, 10, 7, 10, 7],
        "amod compound compound compound compound compound nsubj ROOT nsubj aux ccomp dobj punct",
        "iraqi government spokesman ali al - dabbagh say iran have supply weapon .",
        "JJ NN NN NNP NNP NNP NNP VBD NNP VBD VBN NNS .",
        "ADJ NOUN NOUN PROPN PROPN PROPN PROPN VERB PROPN AUX VERB NOUN PUNCT",
    ),
    "not_according": (
        "Iran has not sent arms , according to officials .",
        [3, 3, 3, 3, 3, 3, 3, 6, 7, 3],
        "nsubj aux neg ROOT dobj punct prep prep pobj punct",
        "iran have not send arm , accord to official .",
        "NNP VBZ RB VBN NNS , VBG IN NNS .",
        "PROPN AUX PART VERB NOUN PUNCT VERB ADP NOUN PUNCT",
    ),
    "told_reporters": (
        "Iran sent arms to the militias , officials told reporters .",
        [1, 8, 1, 1, 5, 3, 8, 8, 8, 8, 8],
        "nsubj ccomp dobj prep det pobj punct nsubj ROOT dobj punct",
        "iran send arm to the militia , official tell reporter .",
        "NNP VBD NNS IN DT NNS , NNS VBD NNS .",
        "PROPN VERB NOUN ADP DET NOUN PUNCT NOUN VERB NOUN PUNCT",
    ),
    "ruled_out": (
        "Officials ruled out that Iran sent arms .",
        [1, 1, 1, 5, 5, 1, 5, 1],
        "nsubj ROOT prt mark nsubj ccomp dobj punct",
        "official rule out that iran send arm .",
        "NNS VBD RP IN NNP VBD NNS .",
        "NOUN VERB ADP SCONJ PROPN VERB NOUN PUNCT",
    ),
    "promised": (
        "Iran promised to help Iraq .",
        [1, 1, 3, 1, 3, 1],
        "nsubj ROOT aux xcomp dobj punct",
        "iran promise to help iraq .",
        "NNP VBD TO VB NNP .",
        "PROPN VERB PART VERB PROPN PUNCT",
    ),
    "suspect": (
        "Analysts suspect Iran supplied the militias .",
        [1, 1, 3, 1, 5, 3, 1],
        "nsubj ROOT nsubj ccomp det dobj punct",
        "analyst suspect iran supply the militia .",
        "NNS VBP NNP VBD DT NNS .",
        "NOUN VERB PROPN VERB DET NOUN PUNCT",
    ),
    "believes": (
        "The minister believes Iran supplied the militias .",
        [1, 2, 2, 4, 2, 6, 4, 2],
        "det nsubj ROOT nsubj ccomp det dobj punct",
        "the minister believe iran supply the militia .",
        "DT NN VBZ NNP VBD DT NNS .",
        "DET NOUN VERB PROPN VERB DET NOUN PUNCT",
    ),
    "intervened": (
        "Iran would have attacked Iraq if the US had not intervened .",
        [3, 3, 3, 3, 3, 10, 7, 10, 10, 10, 3, 3],
        "nsubj aux aux ROOT dobj mark det nsubj aux neg advcl punct",
        "iran would have attack iraq if the us have not intervene .",
        "NNP MD VB VBN NNP IN DT NNP VBD RB VBN .",
        "PROPN AUX AUX VERB PROPN SCONJ DET PROPN AUX PART VERB PUNCT",
    ),
    "would_help": (
        "The minister said Iran would help Iraq .",
        [1, 2, 2, 5, 5, 2, 5, 2],
        "det nsubj ROOT nsubj aux ccomp dobj punct",
        "the minister say iran would help iraq .",
        "DT NN VBD NNP MD VB NNP .",
        "DET NOUN VERB PROPN AUX VERB PROPN PUNCT",
    ),
    "not_confirm": (
        "Officials did not confirm that Iran sent arms .",
        [3, 3, 3, 3, 6, 6, 3, 6, 3],
        "nsubj aux neg ROOT mark nsubj ccomp dobj punct",
        "official do not confirm that iran send arm .",
        "NNS VBD RB VB IN NNP VBD NNS .",
        "NOUN AUX PART VERB SCONJ PROPN VERB NOUN PUNCT",
    ),
    "own_subject": (
        "Iran sent arms and Iraq attacked the base , officials said .",
        [1, 10, 1, 2, 2, 1, 7, 5, 10, 10, 10, 10],
        "nsubj ccomp dobj cc conj conj det dobj punct nsubj ROOT punct",
        "iran send arm and iraq attack the base , official say .",
        "NNP VBD NNS CC NNP VBD DT NN , NNS VBD .",
        "PROPN VERB NOUN CCONJ PROPN VERB DET NOUN PUNCT NOUN VERB PUNCT",
    ),
    "adding": (
        "Iran sent arms , officials said , adding that the shipments had stopped .",
        [1, 5, 1, 5, 5, 5, 5, 5, 12, 10, 12, 12, 7, 5],
        "nsubj ccomp dobj punct nsubj ROOT punct advcl mark det nsubj aux ccomp punct",
        "iran send arm , official say , add that the shipment have stop .",
        "NNP VBD NNS , NNS VBD , VBG IN DT NNS VBD VBN .",
        "PROPN VERB NOUN PUNCT NOUN VERB PUNCT VERB SCONJ DET NOUN AUX VERB PUNCT",
    ),
    "state_media": (
        "Iraq and Iran signed a security pact on Monday , state media reported .",
        [3, 0, 0, 12, 6, 6, 3, 3, 7, 12, 11, 12, 12, 12],
        "nsubj cc conj ccomp det compound dobj prep pobj punct compound nsubj ROOT punct",
        "iraq and iran sign a security pact on monday , state medium report .",
        "NNP CC NNP VBD DT NN NN IN NNP , NN NNS VBD .",
        "PROPN CCONJ PROPN VERB DET NOUN NOUN ADP PROPN PUNCT NOUN NOUN VERB PUNCT",
    ),
    "believed": (
        "Iran is believed to have supplied the bombs .",
        [2, 2, 2, 5, 5, 2, 7, 5, 2],
        "nsubjpass auxpass ROOT aux aux xcomp det dobj punct",
        "iran be believe to have supply the bomb .",
        "NNP VBZ VBN TO VB VBN DT NNS .",
        "PROPN AUX VERB PART AUX VERB DET NOUN PUNCT",
    ),
    "refused": (
        "Iran has refused to withdraw its troops from the border .",
        [2, 2, 2, 4, 2, 6, 4, 4, 9, 7, 2],
        "nsubj aux ROOT aux xcomp poss dobj prep det pobj punct",
        "iran have refuse to withdraw its troop from the border .",
        "NNP VBZ VBN TO VB PRP$ NNS IN DT NN .",
        "PROPN AUX VERB PART VERB PRON NOUN ADP DET NOUN PUNCT",
    ),
    "said_no_evidence": (
        "The ministry said there was no evidence that Iran had trained the fighters .",
        [1, 2, 2, 4, 2, 6, 4, 10, 10, 10, 6, 12, 10, 2],
        "det nsubj ROOT expl ccomp det attr mark nsubj aux acl det dobj punct",
        "the ministry say there be no evidence that iran have train the fighter .",
        "DT NN VBD EX VBD DT NN IN NNP VBD VBN DT NNS .",
        "DET NOUN VERB PRON VERB DET NOUN SCONJ PROPN AUX VERB DET NOUN PUNCT",
    ),
    "unclear": (
        "It is unclear whether Iran will attend the conference .",
        [1, 1, 1, 6, 6, 6, 1, 8, 6, 1],
        "nsubj ROOT acomp mark nsubj aux ccomp det dobj punct",
        "it be unclear whether iran will attend the conference .",
        "PRP VBZ JJ IN NNP MD VB DT NN .",
        "PRON AUX ADJ SCONJ PROPN AUX VERB DET NOUN PUNCT",
    ),
    "declined_say": (
        "Officials declined to say whether Iran had sent arms .",
        [1, 1, 3, 1, 7, 7, 7, 3, 7, 1],
        "nsubj ROOT aux xcomp mark nsubj aux ccomp dobj punct",
        "official decline to say whether iran have send arm .",
        "NNS VBD TO VB IN NNP VBD VBN NNS .",
        "NOUN VERB PART VERB SCONJ PROPN AUX VERB NOUN PUNCT",
    ),
    "cant_be_sure": (
        "We ca n't be sure Iran sent arms .",
        [3, 3, 3, 3, 3, 6, 4, 6, 3],
        "nsubj aux neg ROOT acomp nsubj ccomp dobj punct",
        "we can not be sure iran send arm .",
        "PRP MD RB VB JJ NNP VBD NNS .",
        "PRON AUX PART AUX ADJ PROPN VERB NOUN PUNCT",
    ),
    "not_decided": (
        "Kuwait has not yet decided whether to recall its ambassador .",
        [4, 4, 4, 4, 4, 7, 7, 4, 9, 7, 4],
        "nsubj aux neg advmod ROOT mark aux xcomp poss dobj punct",
        "kuwait have not yet decide whether to recall its ambassador .",
        "NNP VBZ RB RB VBN IN TO VB PRP$ NN .",
        "PROPN AUX PART ADV VERB SCONJ PART VERB PRON NOUN PUNCT",
    ),
    "not_try": (
        "Iran did not try to attack Iraq .",
        [3, 3, 3, 3, 5, 3, 5, 3],
        "nsubj aux neg ROOT aux xcomp dobj punct",
        "iran do not try to attack iraq .",
        "NNP VBD RB VB TO VB NNP .",
        "PROPN AUX PART VERB PART VERB PROPN PUNCT",
    ),
    "denied_said": (
        "Iran denied that officials said it sent arms .",
        [1, 1, 4, 4, 1, 6, 4, 6, 1],
        "nsubj ROOT mark nsubj ccomp nsubj ccomp dobj punct",
        "iran deny that official say it send arm .",
        "NNP VBD IN NNS VBD PRP VBD NNS .",
        "PROPN VERB SCONJ NOUN VERB PRON VERB NOUN PUNCT",
    ),
    "said_would": (
        "Iran said it would help Iraq .",
        [1, 1, 4, 4, 1, 4, 1],
        "nsubj ROOT nsubj aux ccomp dobj punct",
        "iran say it would help iraq .",
        "NNP VBD PRP MD VB NNP .",
        "PROPN VERB PRON AUX VERB PROPN PUNCT",
    ),
    # Hand-made attachments of a trailing ", officials said" under the event verb.
    "said_parataxis": (
        "Iran sent arms , officials said .",
        [1, 1, 1, 1, 5, 1, 1],
        "nsubj ROOT dobj punct nsubj parataxis punct",
        "iran send arm , official say .",
        "NNP VBD NNS , NNS VBD .",
        "PROPN VERB NOUN PUNCT NOUN VERB PUNCT",
    ),
    "said_inverted_ccomp": (
        "Iran sent arms , the ministry said .",
        [1, 1, 1, 1, 5, 6, 1, 1],
        "nsubj ROOT dobj punct det nsubj ccomp punct",
        "iran send arm , the ministry say .",
        "NNP VBD NNS , DT NN VBD .",
        "PROPN VERB NOUN PUNCT DET NOUN VERB PUNCT",
    ),
    # "Iran said it told Iraq": "told" is a complement, not a parenthetical attribution.
    "said_told": (
        "Iran said it told Iraq .",
        [1, 1, 3, 1, 3, 1],
        "nsubj ROOT nsubj ccomp dobj punct",
        "iran say it tell iraq .",
        "NNP VBD PRP VBD NNP .",
        "PROPN VERB PRON VERB PROPN PUNCT",
    ),
    # Issue 3: parses copied from the model's output on sentences of the factuality set.
    "was_likely": (
        "Barrett 's confirmation was likely .",
        [2, 0, 3, 3, 3, 3],
        "poss case nsubj ROOT acomp punct",
        "barrett 's confirmation be likely .",
        "NNP POS NN VBD JJ .",
        "PROPN PART NOUN AUX ADJ PUNCT",
    ),
    "they_said_mid": (
        "Society , not the individual , they said , was at fault .",
        [9, 0, 0, 4, 0, 7, 7, 9, 7, 9, 9, 10, 9],
        "nsubj punct neg det appos punct nsubj parataxis punct ROOT prep pobj punct",
        "society , not the individual , they say , be at fault .",
        "NNP , RB DT NN , PRP VBD , VBD IN NN .",
        "PROPN PUNCT PART DET NOUN PUNCT PRON VERB PUNCT AUX ADP NOUN PUNCT",
    ),
    "not_able": (
        "We have not been able to bring that about .",
        [3, 3, 3, 3, 3, 6, 4, 6, 6, 3],
        "nsubj aux neg ROOT acomp aux xcomp dobj prt punct",
        "we have not be able to bring that about .",
        "PRP VBP RB VBN JJ TO VB DT IN .",
        "PRON AUX PART AUX ADJ PART VERB PRON ADP PUNCT",
    ),
    "unable": (
        "Iraq was unable to stop the attacks .",
        [1, 1, 1, 4, 2, 6, 4, 1],
        "nsubj ROOT acomp aux xcomp det dobj punct",
        "iraq be unable to stop the attack .",
        "NNP VBD JJ TO VB DT NNS .",
        "PROPN AUX ADJ PART VERB DET NOUN PUNCT",
    ),
    "according_conj": (
        "People died and 35 were rescued , according to officials .",
        [1, 1, 1, 5, 5, 1, 5, 5, 7, 8, 5],
        "nsubj ROOT cc nsubjpass auxpass conj punct prep prep pobj punct",
        "people die and 35 be rescue , accord to official .",
        "NNS VBD CC CD VBD VBN , VBG IN NNS .",
        "NOUN VERB CCONJ NUM AUX VERB PUNCT VERB ADP NOUN PUNCT",
    ),
    # The parser's reading of a trailing "went on to say": the event hangs under "went".
    "went_on_to_say": (
        "Kosovo has joined the officials , the ministry went on to say .",
        [2, 2, 8, 4, 2, 8, 7, 8, 8, 8, 11, 8, 8],
        "nsubj aux ccomp det dobj punct det nsubj ROOT prt aux xcomp punct",
        "kosovo have join the official , the ministry go on to say .",
        "NNP VBZ VBN DT NNS , DT NNP VBD RP TO VB .",
        "PROPN AUX VERB DET NOUN PUNCT DET PROPN VERB ADP PART VERB PUNCT",
    ),
    # Without a reporting verb below it, "went on" passes nothing.
    "went_on_to_win": (
        "Kosovo has joined the officials , the ministry went on to win .",
        [2, 2, 8, 4, 2, 8, 7, 8, 8, 8, 11, 8, 8],
        "nsubj aux ccomp det dobj punct det nsubj ROOT prt aux xcomp punct",
        "kosovo have join the official , the ministry go on to win .",
        "NNP VBZ VBN DT NNS , DT NNP VBD RP TO VB .",
        "PROPN AUX VERB DET NOUN PUNCT DET PROPN VERB ADP PART VERB PUNCT",
    ),
    # Hand-made: an "according to" before its own clause stays with that clause.
    "according_second": (
        "Iran attacked and , according to officials , Syria sent arms .",
        [1, 1, 1, 9, 9, 4, 5, 9, 9, 1, 9, 1],
        "nsubj ROOT cc punct prep prep pobj punct nsubj conj dobj punct",
        "iran attack and , accord to official , syria send arm .",
        "NNP VBD CC , VBG IN NNS , NNP VBD NNS .",
        "PROPN VERB CCONJ PUNCT VERB ADP NOUN PUNCT PROPN VERB NOUN PUNCT",
    ),
}


def parse(key: str) -> Sentence:
    """Return the hand-built sentence stored under `key`."""
    return make_sentence(*PARSES[key])


def index(sentence: Sentence, word: str) -> int:
    """Return the index of the only token whose text is `word`."""
    found = [t.i for t in sentence.tokens if t.text == word]
    assert len(found) == 1, f"{word!r} occurs {len(found)} times in {sentence.text!r}"
    return found[0]


C = pytest.param
CASES = [
    # asserted
    C("maliki", "visited", None, "asserted", None, None, id="asserted-plain"),
    C("conj", "signed", None, "asserted", None, None, id="asserted-conjoined"),
    C("denied", "denied", None, "asserted", None, None, id="asserted-denial-itself"),
    C("declined", "declined", None, "asserted", None, None, id="asserted-decline-itself"),
    C("refused", "refused", None, "asserted", None, None, id="asserted-refuse-itself"),
    C("told_to", "told", None, "asserted", None, None, id="asserted-reporting-verb-itself"),
    C("officials_said", "said", None, "asserted", None, None, id="asserted-said-itself"),
    C("dabbagh", "said", None, "asserted", None, None, id="asserted-said-with-complement"),
    C("said_told", "said", None, "asserted", None, None, id="asserted-told-is-no-parenthetical"),
    C("relcl", "visited", None, "asserted", None, None, id="asserted-relcl-not-negated"),
    C("but", "sent", None, "asserted", None, None, id="asserted-not-across-but"),
    C("will_help", "help", "03", "asserted", None, None, id="asserted-will-intent-03"),
    C("will_attack", "attack", "13", "asserted", None, None, id="asserted-will-threat-13"),
    C("promised", "help", "03", "asserted", None, None, id="asserted-promised-to-03"),
    C("threatened", "attack", "13", "asserted", None, None, id="asserted-threatened-to-13"),
    # question
    C("did_q", "send", None, "question", "?", None, id="question-yes-no"),
    C("why", "attack", None, "question", "?", None, id="question-over-negation"),
    C("asked_q", "send", None, "question", "?", None, id="question-inside-quote"),
    # negated
    C("did_not", "attack", None, "negated", "not", None, id="negated-not"),
    C("never", "attacked", None, "negated", "never", None, id="negated-never"),
    C("no_longer", "supports", None, "negated", "no longer", None, id="negated-no-longer"),
    C("denied", "sent", None, "negated", "denied", None, id="negated-denied-that"),
    C("denied_ing", "sending", None, "negated", "denied", None, id="negated-denied-gerund"),
    C("rejected", "attacked", None, "negated", "rejected", None, id="negated-rejected-claims"),
    C("no_evidence", "sent", None, "negated", "no evidence", None, id="negated-no-evidence"),
    C("unwillingness", "recognize", None, "negated", "unwillingness", None, id="negated-noun-to"),
    C("said_no_evidence", "trained", None, "negated", "no evidence", None, id="negated-over-rep"),
    C("ruled_out", "sent", None, "negated", "ruled out", None, id="negated-ruled-out"),
    C("failed", "reach", None, "negated", "failed", None, id="negated-failed-to"),
    C("declined", "meet", None, "negated", "declined", None, id="negated-declined-to"),
    C("refused", "withdraw", None, "negated", "refused", None, id="negated-refused-to"),
    C("relcl", "sign", None, "negated", "not", None, id="negated-main-clause"),
    C("not_according", "sent", None, "negated", "not", None, id="negated-over-according"),
    C("intervened", "intervened", None, "negated", "not", None, id="negated-over-if"),
    # hypothetical
    C("if", "attacks", None, "hypothetical", "if", None, id="hypothetical-if"),
    C("if", "respond", None, "hypothetical", "will", None, id="hypothetical-will-main"),
    C("unless", "withdraws", None, "hypothetical", "unless", None, id="hypothetical-unless"),
    C("whether", "sent", None, "hypothetical", "whether", None, id="hypothetical-whether"),
    C(
        "unclear",
        "attend",
        None,
        "hypothetical",
        "whether",
        None,
        id="hypothetical-unclear-whether",
    ),
    C("will_attack", "attack", None, "hypothetical", "will", None, id="hypothetical-will"),
    C("will_help", "help", None, "hypothetical", "will", None, id="hypothetical-will-no-root"),
    C("will_help", "help", "19", "hypothetical", "will", None, id="hypothetical-will-other-root"),
    C("and_destroy", "destroy", None, "hypothetical", "will", None, id="hypothetical-shared-will"),
    C("going_to", "attack", None, "hypothetical", "going to", None, id="hypothetical-going-to"),
    C("would_have", "attacked", None, "hypothetical", "would have", None, id="hypothetical-cf"),
    C("should", "withdraw", None, "hypothetical", "should", None, id="hypothetical-should"),
    C("threatened", "attack", None, "hypothetical", "threatened", None, id="hypothetical-threat"),
    C("promised", "help", None, "hypothetical", "promised", None, id="hypothetical-promise"),
    C("told_to", "withdraw", None, "hypothetical", "told", None, id="hypothetical-directive"),
    C("warned", "attack", None, "hypothetical", "would", None, id="hypothetical-reported-would"),
    C("would_help", "help", None, "hypothetical", "would", None, id="hypothetical-said-would"),
    # speculative
    C("maybe", "bought", None, "speculative", "maybe", None, id="speculative-maybe"),
    C("may", "attack", None, "speculative", "may", None, id="speculative-may"),
    C("might_said", "send", None, "speculative", "might", None, id="speculative-over-reported"),
    C("allegedly", "sent", None, "speculative", "allegedly", None, id="speculative-allegedly"),
    C("analysts", "supplied", None, "speculative", "believe", None, id="speculative-analysts"),
    C("think", "bought", None, "speculative", "think", None, id="speculative-i-think"),
    C("suspect", "supplied", None, "speculative", "suspect", None, id="speculative-bare-plural"),
    C("believed", "supplied", None, "speculative", "believed", None, id="speculative-is-believed"),
    C("possible", "sent", None, "speculative", "possible", None, id="speculative-it-is-possible"),
    C("likely", "attack", None, "speculative", "likely", None, id="speculative-is-likely-to"),
    C("signs", "arming", None, "speculative", "signs", None, id="speculative-signs-that"),
    C("seems", "support", None, "speculative", "seems", None, id="speculative-seems-to"),
    C("appears", "sent", None, "speculative", "appears", None, id="speculative-appears-to"),
    C("not_confirm", "sent", None, "speculative", "not", None, id="speculative-not-confirmed"),
    # reported
    C("officials_said", "sent", None, "reported", "said", "Iraqi officials", id="reported-trail"),
    C("said_parataxis", "sent", None, "reported", "said", "officials", id="reported-parataxis"),
    C("said_inverted_ccomp", "sent", None, "reported", "said", "the ministry", id="reported-inv"),
    C("quote", "sent", None, "reported", "said", "the official", id="reported-quote"),
    C("according", "attacked", None, "reported", "according to", "the ministry", id="reported-acc"),
    C("dabbagh", "supplied", None, "reported", "said", "Dabbagh", id="reported-said-that"),
    C("nested", "sent", None, "reported", "told", "the minister", id="reported-nearest"),
    C("nested", "told", None, "reported", "said", "Officials", id="reported-outer"),
    C("reportedly", "sent", None, "reported", "reportedly", None, id="reported-reportedly"),
    C("is_said", "sent", None, "reported", "said", None, id="reported-is-said-to"),
    C("it_reported", "sent", None, "reported", "reported", None, id="reported-it-was-reported"),
    C("accused", "arming", None, "reported", "accused", "The US", id="reported-accused-of"),
    C("warned", "attack", "13", "reported", "warned", "The minister", id="reported-warned-13"),
    C("would_help", "help", "03", "reported", "said", "The minister", id="reported-would-03"),
    C("believes", "supplied", None, "reported", "believes", "The minister", id="reported-belief"),
    C("told_reporters", "sent", None, "reported", "told", "officials", id="reported-told"),
    C("own_subject", "attacked", None, "reported", "said", "officials", id="reported-conj-own"),
    C("adding", "stopped", None, "reported", "adding", "officials", id="reported-adding-that"),
    C("state_media", "signed", None, "reported", "reported", "state media", id="reported-media"),
    C(
        "spokesman",
        "supplied",
        None,
        "reported",
        "said",
        "Iraqi government spokesman Ali al - Dabbagh",
        id="reported-long-subject",
    ),
    C(
        "declined_say",
        "sent",
        None,
        "hypothetical",
        "whether",
        None,
        id="hypothetical-not-declined",
    ),
    C("not_decided", "recall", None, "hypothetical", "whether", None, id="hypothetical-undecided"),
    C("not_try", "attack", None, "negated", "not", None, id="negated-did-not-try-to"),
    C("denied_said", "sent", None, "reported", "said", "officials", id="reported-denial-stops"),
    C("denied_said", "said", None, "negated", "denied", None, id="negated-denied-saying"),
    C("cant_be_sure", "sent", None, "speculative", "n't", None, id="speculative-cant-be-sure"),
    C("said_would", "help", None, "hypothetical", "would", None, id="hypothetical-said-it-would"),
    C("said_would", "help", "03", "reported", "said", "Iran", id="reported-said-it-would-03"),
    C("was_likely", "was", None, "speculative", "likely", None, id="speculative-copula-likely"),
    C("they_said_mid", "was", None, "reported", "said", "they", id="reported-mid-parenthetical"),
    C("not_able", "bring", None, "negated", "not", None, id="negated-not-able-to"),
    C("unable", "stop", None, "negated", "unable", None, id="negated-unable-to"),
    C("unable", "was", None, "asserted", None, None, id="asserted-unable-itself"),
    C(
        "according_conj",
        "died",
        None,
        "reported",
        "according to",
        "officials",
        id="reported-acc-conj",
    ),
    C(
        "according_conj",
        "rescued",
        None,
        "reported",
        "according to",
        "officials",
        id="reported-acc-own",
    ),
    C("according_second", "attacked", None, "asserted", None, None, id="asserted-acc-later-clause"),
    C(
        "went_on_to_say",
        "joined",
        None,
        "reported",
        "went on to say",
        "the ministry",
        id="reported-went-on-to-say",
    ),
    C("went_on_to_win", "joined", None, "asserted", None, None, id="asserted-went-on-to-win"),
    C("no_civilians", "harmed", None, "negated", "no civilians", None, id="negated-no-subject"),
    C("no_shots", "fired", None, "negated", "no shots", None, id="negated-no-object"),
    C("nobody", "arrested", None, "negated", "nobody", None, id="negated-nobody"),
    C("two_civilians", "harmed", None, "asserted", None, None, id="asserted-counted-subject"),
    C(
        "according_second",
        "sent",
        None,
        "reported",
        "according to",
        "officials",
        id="reported-acc-2",
    ),
]


@pytest.mark.parametrize(("key", "verb", "root", "factuality", "cue", "reporter"), CASES)
def test_modality_assess_factuality(
    key: str, verb: str, root: str | None, factuality: str, cue: str | None, reporter: str | None
) -> None:
    sentence = parse(key)
    result = assess_factuality(sentence, index(sentence, verb), event_root=root)
    assert (result.factuality, result.cue, result.reporter_text) == (factuality, cue, reporter)
    assert (result.reporter is None) == (reporter is None)


@pytest.mark.parametrize(
    ("key", "verb", "span"),
    [
        ("officials_said", "sent", (7, 8)),
        ("according", "attacked", (2, 3)),
        ("nested", "sent", (2, 3)),
        ("spokesman", "supplied", (0, 6)),
        ("quote", "sent", (6, 7)),
    ],
)
def test_modality_reporter_span_matches_text(key: str, verb: str, span: tuple[int, int]) -> None:
    sentence = parse(key)
    result = assess_factuality(sentence, index(sentence, verb))
    assert result.reporter == span
    words = " ".join(t.text for t in sentence.tokens[span[0] : span[1] + 1])
    assert result.reporter_text == words


@pytest.mark.parametrize("verb", [-1, 6, 99])
def test_modality_rejects_verb_outside_sentence(verb: int) -> None:
    with pytest.raises(IndexError, match=f"verb index {verb}"):
        assess_factuality(parse("did_not"), verb)


@pytest.mark.parametrize("key", sorted(PARSES))
def test_modality_every_token_gets_a_verdict(key: str) -> None:
    sentence = parse(key)
    for token in sentence.tokens:
        result = assess_factuality(sentence, token.i)
        assert (result.reporter is not None) <= (result.factuality == "reported")


def test_modality_result_is_frozen() -> None:
    result = assess_factuality(parse("maliki"), 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.cue = "x"  # type: ignore[misc]
    assert result == Modality("asserted", None)


@pytest.mark.parametrize("start", [0, 120])
def test_parses_offsets_index_document_text(start: int) -> None:
    sentence = make_sentence(
        "Iraq did n't attack .", [3, 3, 3, 3, 3], "nsubj aux neg ROOT punct", start=start
    )
    document = " " * start + sentence.text
    assert [document[t.start : t.start + len(t.text)] for t in sentence.tokens] == [
        "Iraq",
        "did",
        "n't",
        "attack",
        ".",
    ]
    assert (sentence.start, sentence.end) == (start, start + len(sentence.text))
    assert sentence.tokens[2].lemma == "n't" and sentence.tokens[0].tag == ""


@pytest.mark.parametrize(
    ("heads", "deps", "message"),
    [
        ([1, 1], "nsubj ROOT punct", "deps has 3 items"),
        ([1, 1, 7], "nsubj ROOT punct", "not token indices"),
    ],
)
def test_parses_rejects_malformed_columns(heads: list[int], deps: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_sentence(["Iran", "attacked", "."][: len(heads)], heads, deps)


# Session 9: acts aimed at, attempted or planned; verbal acts performed by saying them.
PURPOSE_PARSES = {
    "want_to_thank": (
        "I want to thank the soldiers .",
        [1, 1, 3, 1, 5, 3, 1],
        "nsubj ROOT aux xcomp det dobj punct",
        "i want to thank the soldier .",
        "PRP VBP TO VB DT NNS .",
        "PRON VERB PART VERB DET NOUN PUNCT",
    ),
    "must_release": (
        "Iraq must release the detainees .",
        [2, 2, 2, 4, 2, 2],
        "nsubj aux ROOT det dobj punct",
        "iraq must release the detainee .",
        "NNP MD VB DT NNS .",
        "PROPN AUX VERB DET NOUN PUNCT",
    ),
    "will_seek": (
        "Bangladesh will seek money .",
        [2, 2, 2, 2, 2],
        "nsubj aux ROOT dobj punct",
        "bangladesh will seek money .",
        "NNP MD VB NN .",
        "PROPN AUX VERB NOUN PUNCT",
    ),
    "operation_to_detain": (
        "The force conducted an operation to detain a leader .",
        [1, 2, 2, 4, 2, 6, 4, 8, 6, 2],
        "det nsubj ROOT det dobj aux acl det dobj punct",
        "the force conduct an operation to detain a leader .",
        "DT NN VBD DT NN TO VB DT NN .",
        "DET NOUN VERB DET NOUN PART VERB DET NOUN PUNCT",
    ),
    "attempted_to_detain": (
        "The force attempted to detain the men .",
        [1, 2, 2, 4, 2, 6, 4, 2],
        "det nsubj ROOT aux xcomp det dobj punct",
        "the force attempt to detain the man .",
        "DT NN VBD TO VB DT NNS .",
        "DET NOUN VERB PART VERB DET NOUN PUNCT",
    ),
    "plans_attacks": (
        "The leader plans attacks .",
        [1, 2, 2, 2, 2],
        "det nsubj ROOT dobj punct",
        "the leader plan attack .",
        "DT NN VBZ NNS .",
        "DET NOUN VERB NOUN PUNCT",
    ),
    "operation_advcl": (
        "Afghan forces conducted an operation to capture a facilitator today .",
        [1, 2, 2, 4, 2, 6, 2, 8, 6, 6, 2],
        "amod nsubj ROOT det dobj aux advcl det dobj npadvmod punct",
        "afghan force conduct an operation to capture a facilitator today .",
        "JJ NNS VBD DT NN TO VB DT NN NN .",
        "ADJ NOUN VERB DET NOUN PART VERB DET NOUN NOUN PUNCT",
    ),
    "will_hold_talks": (
        "Kenny will hold talks .",
        [2, 2, 2, 2, 2],
        "nsubj aux ROOT dobj punct",
        "kenny will hold talk .",
        "NNP MD VB NNS .",
        "PROPN AUX VERB NOUN PUNCT",
    ),
    "did_not_launch": (
        "Iran did not launch an attack .",
        [3, 3, 3, 3, 5, 3, 3],
        "nsubj aux neg ROOT det dobj punct",
        "iran do not launch an attack .",
        "NNP VBD RB VB DT NN .",
        "PROPN AUX PART VERB DET NOUN PUNCT",
    ),
    "said_launched": (
        "Officials said troops launched an attack .",
        [1, 1, 3, 1, 5, 3, 1],
        "nsubj ROOT nsubj ccomp det dobj punct",
        "official say troop launch an attack .",
        "NNS VBD NNS VBD DT NN .",
        "NOUN VERB NOUN VERB DET NOUN PUNCT",
    ),
}


@pytest.mark.parametrize(
    ("key", "verb", "root", "factuality", "cue"),
    [
        # a speaker's "I want to thank" thanks; a demand's "must" is the demand
        ("want_to_thank", "thank", "05", "asserted", None),
        ("must_release", "release", "10", "asserted", None),
        # the same words before a material act, or a third party's future, stay hypothetical
        ("want_to_thank", "thank", "04", "hypothetical", "want"),
        ("must_release", "release", "07", "hypothetical", "must"),
        ("will_seek", "seek", "02", "hypothetical", "will"),
        # the aim of an operation and a plan have not been told to happen; an attempt tells
        # the act (train's gold: 134 of 152 acts after "tried/attempted/sought to" not
        # hypothetical)
        ("operation_to_detain", "detain", "17", "hypothetical", "operation to"),
        ("attempted_to_detain", "detain", "17", "asserted", None),
        ("operation_advcl", "capture", "17", "hypothetical", "operation to"),
        ("plans_attacks", "attacks", "18", "hypothetical", "plans"),
        # an act named by a light verb's object takes the verb's own words
        ("will_hold_talks", "talks", "04", "hypothetical", "will"),
        ("did_not_launch", "attack", "19", "negated", "not"),
        ("said_launched", "attack", "19", "reported", "said"),
    ],
)
def test_modality_aims_and_performed_verbal_acts(
    key: str, verb: str, root: str, factuality: str, cue: str | None
) -> None:
    sentence = make_sentence(*PURPOSE_PARSES[key])
    result = assess_factuality(sentence, index(sentence, verb), event_root=root)
    assert (result.factuality, result.cue) == (factuality, cue)


def _urged_and(second: str, tag: str):
    # "Raab urged the embassy to reconsider and spoke/speak with Pompeo ."
    return make_sentence(
        f"Raab urged the embassy to reconsider and {second} with Pompeo .",
        [1, 1, 3, 1, 5, 1, 5, 5, 7, 8, 1],
        "nsubj ROOT det dobj aux xcomp cc conj prep pobj punct",
        f"raab urge the embassy to reconsider and {second} with pompeo .",
        f"NNP VBD DT NN TO VB CC {tag} IN NNP .",
    )


def test_a_past_tense_verb_joined_to_an_infinitive_goes_with_the_verb_above() -> None:
    # the parser joins "spoke" to "reconsider"; a past tense is no part of "to reconsider"
    assert assess_factuality(_urged_and("spoke", "VBD"), 7).factuality == "asserted"
    # "to reconsider and speak": both what the embassy is urged to do
    assert assess_factuality(_urged_and("speak", "VB"), 7).factuality == "hypothetical"


# a headline's future drops "is due": "Minister to meet Peugeot", parsed as en_core_web_sm does
TIMETABLE_PARSES = {
    "to_meet": (
        "Minister to meet Peugeot .",
        [2, 2, 2, 2, 2],
        "nsubj aux ROOT dobj punct",
        "minister to meet peugeot .",
        "NNP TO VB NNP .",
    ),
    "to_help": (
        "Japan to help U.S. .",
        [2, 2, 2, 2, 2],
        "nsubj aux ROOT dobj punct",
        "japan to help u.s. .",
        "NNP TO VB NNP .",
    ),
    "set_to_meet": (
        "Trump set to meet Trudeau .",
        [1, 1, 3, 1, 3, 1],
        "nsubj ROOT aux advcl dobj punct",
        "trump set to meet trudeau .",
        "NN VBN TO VB NNP .",
    ),
    "due_to_meet": (
        "Leyen is due to meet Mattis .",
        [1, 1, 1, 4, 2, 4, 1],
        "nsubj ROOT acomp aux xcomp dobj punct",
        "leyen be due to meet mattis .",
        "NNP VBZ JJ TO VB NNP .",
    ),
    "scheduled_to_meet": (
        "Iran is scheduled to meet the envoy .",
        [2, 2, 2, 4, 2, 6, 4, 2],
        "nsubjpass auxpass ROOT aux xcomp det dobj punct",
        "iran be schedule to meet the envoy .",
        "NNP VBZ VBN TO VB DT NN .",
    ),
    "talks_planned": (
        "Talks are planned for March 28 .",
        [2, 2, 2, 2, 3, 4, 2],
        "nsubjpass auxpass ROOT prep pobj nummod punct",
        "talk be plan for march 28 .",
        "NNS VBP VBN IN NNP CD .",
        "NOUN AUX VERB ADP PROPN NUM PUNCT",
    ),
    "talks_ended": (
        "Talks ended on March 28 .",
        [1, 1, 1, 2, 3, 1],
        "nsubj ROOT prep pobj nummod punct",
        "talk end on march 28 .",
        "NNS VBD IN NNP CD .",
        "NOUN VERB ADP PROPN NUM PUNCT",
    ),
    # "to" under a verb that is no root: the purpose of a past act, no forecast
    "went_to_meet": (
        "Maliki went to meet Khamenei .",
        [1, 1, 3, 1, 3, 1],
        "nsubj ROOT aux advcl dobj punct",
        "maliki go to meet khamenei .",
        "NNP VBD TO VB NNP .",
    ),
}


@pytest.mark.parametrize(
    ("key", "verb", "root", "factuality", "cue"),
    [
        ("to_meet", "meet", "04", "hypothetical", "to"),
        ("to_help", "help", "03", "asserted", None),  # an intent's forecast is the event
        ("set_to_meet", "meet", "04", "hypothetical", "set"),
        ("due_to_meet", "meet", "04", "hypothetical", "due"),
        ("scheduled_to_meet", "meet", "04", "hypothetical", "scheduled"),
        ("went_to_meet", "meet", "04", "asserted", None),
        ("talks_planned", "Talks", "04", "hypothetical", "planned"),  # a timetable holds it
        ("talks_ended", "Talks", "04", "asserted", None),
    ],
)
def test_modality_timetabled_and_headline_infinitives_are_forecasts(
    key: str, verb: str, root: str, factuality: str, cue: str | None
) -> None:
    sentence = make_sentence(*TIMETABLE_PARSES[key])
    result = assess_factuality(sentence, index(sentence, verb), event_root=root)
    assert (result.factuality, result.cue) == (factuality, cue)
