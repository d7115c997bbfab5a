"""Build the bundled demo corpus ``src/dyad/data/sample/sample.jsonl``.

The sample is what ``dyad demo`` codes when the user gives it nothing else. It is drawn
from the shared corpora (``../shared/data/corpus``) and contains only text that may be
redistributed:

* English Wikinews articles, 2019-2020 (CC BY 2.5, attribution per record): the
  ``WIKINEWS_COUNT`` articles that score highest on politics / conflict / diplomacy
  keywords. Each occurrence of a conflict/diplomacy word (attack, talks, military,
  protest, sanctions, troops, ... in ``STRONG_KEYWORDS``) scores 2, a word that is
  also common in crime and disaster news (minister, president, government, election,
  police, killed, strike, arrest: ``GENERIC_KEYWORDS``) scores 1; hits in the title count
  ``TITLE_WEIGHT`` times; the sum is divided by the square root of the body length in
  words so that long articles do not win on length alone. Interviews and articles longer
  than ``MAX_ARTICLE_CHARS`` characters are skipped; ties are broken by id.
* U.S. presidential speeches, 2003-2010, whose title names Iraq or Iran (public domain,
  17 U.S.C. 105), each cut to its first ``SPEECH_PARAGRAPHS`` paragraphs, with the side
  they are spoken from (``"perspective": "USA"``: the president's "we" is the United States).

Records are written sorted by (date, id), one JSON object per line::

    {"id", "title", "date" (YYYY-MM-DD), "url", "text", "source", "license", "attribution"}
    (speeches also "perspective")

The script is deterministic and stdlib-only; re-running it rewrites the same file.
Usage::

    python scripts/build_sample.py [--data-dir ../shared/data/corpus] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = ROOT.parent / "shared" / "data" / "corpus"
DEFAULT_OUT = ROOT / "src" / "dyad" / "data" / "sample" / "sample.jsonl"

WIKINEWS_COUNT = 60
TITLE_WEIGHT = 3
SPEECH_PARAGRAPHS = 60
SPEECH_YEARS = ("2003", "2010")  # inclusive
SPEECH_TITLE_RE = re.compile(r"\b(iraq|iran)\b", re.IGNORECASE)
MAX_BYTES = 1_500_000

# Conflict and diplomacy words count twice, generic politics words once.
STRONG_KEYWORDS = (
    "attack",
    "talks",
    "military",
    "protest",
    "sanction",
    "troops",
    "army",
    "war",
    "diplomat",
    "diplomatic",
    "embassy",
    "treaty",
    "ceasefire",
    "iran",
    "iranian",
    "iraq",
    "iraqi",
)
GENERIC_KEYWORDS = (
    "minister",
    "president",
    "government",
    "election",
    "police",
    "kill",
    "strike",
    "arrest",
)
KEYWORDS = STRONG_KEYWORDS + GENERIC_KEYWORDS
KEYWORD_RE = re.compile(r"\b(" + "|".join(KEYWORDS) + r")(?:s|es|ed|ing|ers?)?\b", re.IGNORECASE)
# Interviews and very long round-ups make a slow, event-poor demo.
EXCLUDE_TITLE_RE = re.compile(r"\binterview", re.IGNORECASE)
MAX_ARTICLE_CHARS = 12_000
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")

WIKINEWS_LICENSE = "CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/)"
SPEECH_LICENSE = "public domain (17 U.S.C. 105)"


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSON Lines file, skipping blank lines."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _hits(text: str) -> int:
    return sum(2 if kw.lower() in STRONG_KEYWORDS else 1 for kw in KEYWORD_RE.findall(text))


def keyword_score(title: str, text: str) -> float:
    """Politics/conflict relevance: weighted keyword hits per sqrt(body words)."""
    hits = TITLE_WEIGHT * _hits(title) + _hits(text)
    return hits / math.sqrt(max(len(text.split()), 1))


def wikinews_records(path: Path, count: int) -> list[dict[str, Any]]:
    """The ``count`` most political Wikinews articles, with attribution."""
    scored = []
    for row in read_jsonl(path):
        title, text = row.get("title") or "", row.get("text") or ""
        if not text.strip() or not DATE_RE.match(row.get("date") or ""):
            continue
        if EXCLUDE_TITLE_RE.search(title) or len(text) > MAX_ARTICLE_CHARS:
            continue
        scored.append((-keyword_score(title, text), row["id"], row))
    scored.sort(key=lambda item: (item[0], item[1]))
    records = []
    for _, _, row in scored[:count]:
        records.append(
            {
                "id": row["id"],
                "title": row["title"],
                "date": row["date"][:10],
                "url": row["url"],
                "text": row["text"],
                "source": "English Wikinews",
                "license": WIKINEWS_LICENSE,
                "attribution": f'"{row["title"]}", Wikinews, {row["url"]}, '
                "licensed CC BY 2.5; unchanged.",
            }
        )
    return records


def speech_records(path: Path, paragraphs: int) -> list[dict[str, Any]]:
    """Iraq/Iran presidential speeches of 2003-2010, cut to their first paragraphs."""
    first, last = SPEECH_YEARS
    records = []
    for row in read_jsonl(path):
        year = (row.get("date") or "")[:4]
        if not (first <= year <= last) or not SPEECH_TITLE_RE.search(row.get("title") or ""):
            continue
        parts = [p for p in re.split(r"\n\s*\n", row["text"]) if p.strip()]
        text = "\n\n".join(parts[:paragraphs])
        cut = len(parts) > paragraphs
        president = row.get("president") or "U.S. President"
        records.append(
            {
                "id": row["id"],
                "title": f"{president}: {row['title']}",
                "date": row["date"][:10],
                "url": row.get("url"),
                "text": text,
                "source": "U.S. presidential speeches (Miller Center transcripts)",
                # the president speaks for his state: his "we" is the United States
                "perspective": "USA",
                "license": SPEECH_LICENSE,
                "attribution": "Transcript via The Miller Center, University of Virginia "
                "(github.com/kfogel/presidential-speeches); public domain"
                + (f"; first {paragraphs} paragraphs only." if cut else "."),
            }
        )
    return records


def build(data_dir: Path, out: Path) -> list[dict[str, Any]]:
    """Select, write and return the sample records."""
    records = wikinews_records(
        data_dir / "wikinews_2019_2020" / "wikinews_2019_2020.jsonl", WIKINEWS_COUNT
    )
    records += speech_records(
        data_dir / "us_presidential_speeches" / "us_presidential_speeches.jsonl",
        SPEECH_PARAGRAPHS,
    )
    records.sort(key=lambda r: (r["date"], r["id"]))
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    size = len(payload.encode("utf-8"))
    if size > MAX_BYTES:
        raise SystemExit(f"sample would be {size} bytes, over the {MAX_BYTES} limit")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(payload, encoding="utf-8")
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not args.data_dir.is_dir():
        print(f"corpus directory not found: {args.data_dir}", file=sys.stderr)
        return 1
    records = build(args.data_dir, args.out)
    speeches = sum(r["id"].startswith("presspeech:") for r in records)
    print(
        f"wrote {len(records)} records ({len(records) - speeches} Wikinews, "
        f"{speeches} speeches), {args.out.stat().st_size} bytes -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
