"""What the coder loads once per process: dictionaries, pre-filter and settings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dyad.coder.prefilter import Prefilter
from dyad.config import Config
from dyad.dictionaries.entries import ActorDictionary, VerbDictionary
from dyad.dictionaries.loader import load_actor_dictionary, load_verb_dictionary
from dyad.errors import DictionaryError


@dataclass(slots=True)
class Resources:
    """Everything the coder needs, loaded once per process."""

    actors: ActorDictionary
    verbs: VerbDictionary
    config: Config
    prefilter: Prefilter
    problems: list[DictionaryError] = field(default_factory=list)

    @staticmethod
    def load(
        config: Config,
        *,
        actor_files: Sequence[Path] | None = None,
        agent_files: Sequence[Path] | None = None,
        verb_files: Sequence[Path] | None = None,
        extra_files: Sequence[Path] = (),
    ) -> Resources:
        """Compile (or fetch from the cache) the dictionaries the coder uses."""
        actor_dictionary, actor_problems = load_actor_dictionary(
            actor_files, agent_files, extra_files=extra_files
        )
        verb_dictionary, verb_problems = load_verb_dictionary(verb_files)
        # an event without a target is dropped under require_dyad: it needs two actors
        needed = 2 if config.coder.require_dyad else 1
        prefilter = Prefilter.build(actor_dictionary, verb_dictionary, min_actors=needed)
        return Resources(
            actor_dictionary,
            verb_dictionary,
            config,
            prefilter,
            actor_problems + verb_problems,
        )
