"""Countries of an earlier era: a state's code read on a day before that state stood alone.

The Phoenix dictionaries code the Soviet Union's leaders, capital and people as Russia's
("Gorbachev" [RUSGOV 850311-911225], "Moscow" [RUS]). CAMEO has a code of its own for the
Soviet Union, SUN, and the real-text gold gives it to 1980s news ("Moscow said" in 1987 is
SUNGOV). Read on a day before the Soviet Union ended, a Russian code is the Soviet Union's.
The Phoenix file already dates the republics it knows ("Serbia" is YUGSRB before 1992).
"""

from __future__ import annotations

# today's country -> (the state it was part of, the first day it stood alone)
PREDECESSORS = {"RUS": ("SUN", "1991-12-26")}


def country_of_era(code: str, day: str | None) -> str:
    """Return `code` as of `day`: "RUSGOV" on 1987-03-10 is "SUNGOV"; undated, it is kept."""
    era = PREDECESSORS.get(code[:3])
    if era is None or day is None or day >= era[1]:
        return code
    return era[0] + code[3:]


def same_state(country: str, code: str) -> bool:
    """Return whether `code` is `country`'s, of today or of an earlier era."""
    era = PREDECESSORS.get(country)
    return code == country or (era is not None and code == era[0])
