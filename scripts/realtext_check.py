"""Check annotators' files for the real-text gold standard against the guide's format.

Usage: python3 scripts/realtext_check.py WORK_DIR ANNOTATION.json [...]

Prints one line per problem (file, sentence, what is wrong) and a summary; exit 1 on any
problem. Needs only the standard library, the manifest written by realtext_select.py and
the CAMEO code table shipped in the package.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CODES = Path(__file__).resolve().parents[1] / "src/dyad/data/cameo_codes/cameo_event_codes.tsv"
FACTUALITY = {"asserted", "reported", "speculative", "hypothetical", "negated", "question"}
ACTOR = re.compile(r"^(---|[A-Z]{3})([A-Z]{3})*$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def cameo_codes() -> set[str]:
    """Return every CAMEO event code of the shipped table."""
    lines = CODES.read_text(encoding="utf-8").splitlines()[1:]
    return {line.split("\t")[0] for line in lines if line.strip()}


def sentences_of(work: Path, doc_id: str) -> dict[str, str]:
    """Return sentence number -> text for one document of the manifest."""
    for line in (work / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["doc_id"] == doc_id:
            text = (work / "docs" / record["work_file"]).read_text(encoding="utf-8")
            found = re.findall(r"^\[S(\d+)\] \(\w+\) (.*)$", text, re.MULTILINE)
            return dict(found)
    raise KeyError(doc_id)


def check_actor(where: str, actor: object, sentence: str, optional: bool) -> list[str]:
    """Return the problems of one source/target/reported_by object."""
    if actor is None:
        return [] if optional else [f"{where}: missing"]
    if not isinstance(actor, dict) or set(actor) - {"text", "code"}:
        return [f"{where}: must be {{'text', 'code'}}"]
    problems = []
    code = actor.get("code")
    if not isinstance(code, str) or not ACTOR.match(code):
        problems.append(f"{where}: code {code!r} is not a CAMEO actor code (e.g. AFGMIL, ---REB)")
    text = actor.get("text")
    if text is not None and text not in sentence:
        problems.append(f"{where}: text {text!r} is not in the sentence")
    return problems


def check_event(where: str, event: dict, sentence: str, codes: set[str]) -> list[str]:
    """Return the problems of one event."""
    problems = []
    if event.get("trigger") not in (None,) and event.get("trigger") not in sentence:
        problems.append(f"{where}: trigger {event.get('trigger')!r} is not in the sentence")
    problems += check_actor(f"{where} source", event.get("source"), sentence, False)
    problems += check_actor(f"{where} target", event.get("target"), sentence, True)
    problems += check_actor(f"{where} reported_by", event.get("reported_by"), sentence, True)
    if event.get("cameo") not in codes:
        problems.append(f"{where}: cameo {event.get('cameo')!r} is not in the CAMEO table")
    if event.get("factuality") not in FACTUALITY:
        problems.append(f"{where}: factuality {event.get('factuality')!r}")
    if event.get("date") is not None and not DATE.match(str(event["date"])):
        problems.append(f"{where}: date {event.get('date')!r} (YYYY, YYYY-MM, YYYY-MM-DD or null)")
    return problems


def check_file(work: Path, path: Path, codes: set[str]) -> tuple[list[str], int]:
    """Return the problems of one annotation file and its number of events."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        sentences = sentences_of(work, data["doc_id"])
    except (ValueError, KeyError) as exc:
        return [f"{path}: unreadable ({exc})"], 0
    problems = []
    given = data.get("sentences", {})
    missing = sorted(set(sentences) - set(given), key=int)
    if missing:
        problems.append(f"{path}: sentences without an entry: {', '.join(missing)}")
    events = 0
    for number, found in given.items():
        if number not in sentences:
            problems.append(f"{path}: S{number} is not a sentence of this document")
            continue
        for index, event in enumerate(found):
            events += 1
            where = f"{path.name} S{number} event {index + 1}"
            problems += check_event(where, event, sentences[number], codes)
    return problems, events


def main() -> int:
    work = Path(sys.argv[1])
    codes = cameo_codes()
    total_problems = total_events = 0
    for name in sys.argv[2:]:
        problems, events = check_file(work, Path(name), codes)
        total_events += events
        total_problems += len(problems)
        for problem in problems:
            print(problem)
    print(f"{len(sys.argv) - 2} files, {total_events} events, {total_problems} problems")
    return 1 if total_problems else 0


if __name__ == "__main__":
    sys.exit(main())
