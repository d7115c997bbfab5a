"""What the coder loads once per run: dictionaries, pre-filter, settings, and the parser,
CAMEO table, gazetteer and compiled verb patterns the stages read.

Stages take what they need from here, never from a module global: two runs in one process
(`dyad eval` codes each suite with its own dictionaries) each hold their own. The model and
the gazetteer are loaded on first use, so a run that needs neither never pays for them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from dyad.coder.compose import EventCode
from dyad.coder.parse import Parser
from dyad.coder.patterns import PatternIndex
from dyad.coder.places import Gazetteer, load_gazetteer
from dyad.coder.prefilter import Prefilter
from dyad.config import Config
from dyad.dictionaries.cameo import CameoCode, load_cameo_table
from dyad.dictionaries.entries import ActorDictionary, VerbDictionary
from dyad.dictionaries.loader import load_actor_dictionary, load_verb_dictionary
from dyad.errors import DictionaryError
from dyad.records import Mention, Sentence

if TYPE_CHECKING:  # the learned coder is imported only when it is on
    from dyad.learn.candidates import DocumentMemory
    from dyad.learn.coder import Models


@dataclass(slots=True)
class Resources:
    """Everything the coder needs, loaded once per process."""

    actors: ActorDictionary
    verbs: VerbDictionary
    config: Config
    prefilter: Prefilter
    problems: list[DictionaryError] = field(default_factory=list)
    parser: Parser = field(default_factory=Parser)
    patterns: PatternIndex = field(default_factory=PatternIndex)
    cameo: Mapping[str, CameoCode] = field(default_factory=load_cameo_table)
    _gazetteer: Gazetteer | None = None
    # Coder v2 (`dyad.learn`): ranks the rule coder's events and learned ones; None = rules only
    learned: Ranker | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        """Return the offline gazetteer, read on first use."""
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    @staticmethod
    def load(
        config: Config,
        *,
        actor_files: Sequence[Path] | None = None,
        agent_files: Sequence[Path] | None = None,
        verb_files: Sequence[Path] | None = None,
        extra_files: Sequence[Path] = (),
        learned_models: Models | None = None,
    ) -> Resources:
        """Compile (or fetch from the cache) the dictionaries the coder uses.

        `learned_models` are Coder v2's models when not the committed weights (`make seeds`
        refits the ranker); the pre-filter passes their trigger lemmas.
        """
        actor_dictionary, actor_problems = load_actor_dictionary(
            actor_files, agent_files, extra_files=extra_files
        )
        verb_dictionary, verb_problems = load_verb_dictionary(verb_files)
        # an event without a target is dropped under require_dyad: it needs two actors
        needed = 2 if config.coder.require_dyad else 1
        learned = None
        triggers: frozenset[str] = frozenset()
        if config.coder.learned:
            from dyad.learn.coder import LearnedCoder, Models

            models = learned_models if learned_models is not None else Models.read()
            learned = LearnedCoder(models, verb_dictionary, config.coder.min_confidence)
            triggers = models.lexicon
        elif not config.coder.require_dyad:
            # events of one actor count: parse what Coder v2 would, so that training
            # (`learn.training.record_split`) sees the sentences the runtime codes
            triggers = _trigger_lexicon()
        prefilter = Prefilter.build(
            actor_dictionary, verb_dictionary, min_actors=needed, triggers=triggers
        )
        return Resources(
            actor_dictionary,
            verb_dictionary,
            config,
            prefilter,
            actor_problems + verb_problems,
            learned=learned,
        )


class Ranker(Protocol):
    """Ranks one sentence's candidate events (Coder v2): which to keep, how sure of each."""

    def rank(
        self,
        memory: DocumentMemory,
        sentence: Sentence,
        mentions: Sequence[Mention],
        rule_codes: Sequence[EventCode],
        context: str | None,
        judge: Callable[[EventCode], str | None],
        perspective: str | None = None,
    ) -> list[tuple[EventCode, float]]: ...


def _trigger_lexicon() -> frozenset[str]:
    """Return Coder v2's trigger lemmas, or none when its weights are not built yet."""
    from dyad.learn.coder import MODEL_FILE, Models

    return Models.read().lexicon if MODEL_FILE.exists() else frozenset()
