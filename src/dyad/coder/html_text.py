"""Flatten an HTML page to its readable text: title, blocks, and the date and URL it gives."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from selectolax.lexbor import LexborHTMLParser, LexborNode

from dyad.coder.admit import parse_date

# Deeper HTML is not parsed: lexbor's time grows with the square of the nesting depth.
MAX_HTML_DEPTH = 2_000
_DROPPED_TAGS = ["script", "style", "noscript", "template", "svg"]
_BLOCK_TAGS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 tr blockquote article section ul ol dl dt dd table header "
    "footer nav main aside figure figcaption pre form address".split()
)
_BREAK_TAGS = frozenset({"br", "hr"})
_CELL_TAGS = frozenset({"td", "th"})
_HTML_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "date",
    "dc.date",
    "pubdate",
    "datepublished",
)
_VOID_OR_OPTIONAL_END = frozenset(
    "area base br col embed hr img input link meta source track wbr param p li dt dd tr td th "
    "option optgroup thead tbody tfoot colgroup caption rb rt rp html head body".split()
)
_FOREIGN_ROOTS = frozenset({"svg", "math"})
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_SPACES = re.compile(r"[ \t\f\v\xa0]+")


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    body: str
    title: str | None
    date: str | None
    url: str | None
    warnings: tuple[str, ...] = ()


def extract_html(source: str) -> Page:
    """Return the readable text of an HTML page: its title, a blank line, then its blocks."""
    depth = _nesting_depth(source)
    if depth > MAX_HTML_DEPTH:
        text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", source)
        text = _tidy(html.unescape(_TAG.sub("\n", text)))
        warning = f"HTML nested {depth:,} elements deep (over {MAX_HTML_DEPTH:,}); tags removed"
        return Page(text, text, None, None, None, (warning,))
    tree = LexborHTMLParser(source)
    day = _html_date(tree)
    canonical = tree.css_first('link[rel="canonical"]')
    url = canonical.attributes.get("href") if canonical else None
    tree.strip_tags(_DROPPED_TAGS, recursive=True)
    title_node = tree.css_first("title")
    title = _tidy(title_node.text()) if title_node else ""
    if not title and (heading := tree.css_first("h1")):
        title = _tidy(heading.text())
        heading.decompose()
    body = _block_text(tree.body) if tree.body else ""
    text = f"{title}\n\n{body}" if title and body else title or body
    return Page(text, body, title or None, day, url or None)


def _nesting_depth(source: str) -> int:
    """Return how deep the start tags nest, ignoring elements whose end tag may be left out.

    HTML ignores the slash of `<div/>`: only void elements and, inside `<svg>` or
    `<math>`, foreign ones close themselves, so 200,000 `<div/>` nest 200,000 deep.
    """
    depth = deepest = foreign = 0
    for match in _TAG.finditer(source):
        closing, name, self_closing = match.groups()
        name = name.lower()
        if name in _VOID_OR_OPTIONAL_END or (self_closing and foreign):
            continue
        if name in _FOREIGN_ROOTS:
            foreign = max(foreign - 1, 0) if closing else foreign + (not self_closing)
            if self_closing:
                continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _block_text(root: LexborNode) -> str:
    """Return the text under `root`, with a newline around each block element."""
    parts: list[str] = []
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:  # iterative, so deep nesting cannot exhaust the Python stack
        node, closing = stack.pop()
        tag = node.tag or ""
        if closing:
            parts.append(" " if tag in _CELL_TAGS else "\n")
        elif tag == "-text":
            parts.append(_SPACES.sub(" ", (node.text(deep=False) or "").replace("\n", " ")))
        elif tag in _BREAK_TAGS:
            parts.append("\n")
        elif not tag.startswith("-"):
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if tag in _BLOCK_TAGS or tag in _CELL_TAGS:
                stack.append((node, True))
            children = list(node.iter(include_text=True))
            stack.extend((child, False) for child in reversed(children))
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    """Collapse runs of spaces, strip each line, and keep at most one blank line in a row."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _html_date(tree: LexborHTMLParser) -> str | None:
    found: dict[str, str] = {}
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _HTML_DATE_KEYS and attrs.get("content"):
            found.setdefault(key, attrs["content"] or "")
    candidates = [found[key] for key in _HTML_DATE_KEYS if key in found]
    candidates += [node.attributes.get("datetime") or "" for node in tree.css("time[datetime]")]
    for value in candidates:
        day = parse_date(value)
        if day is None:
            try:
                day = parsedate_to_datetime(value).date().isoformat()
            except (TypeError, ValueError, IndexError):
                continue
        return day
    return None
