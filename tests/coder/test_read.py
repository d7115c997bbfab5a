"""Tests of dyad.coder.read: every input rule, with real files in tests/inputs or tmp_path."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from dyad.coder.read import read_documents
from dyad.config import Config, load_config
from dyad.records import Document, Rejection

INPUTS = Path(__file__).parents[1] / "inputs"


def read(*paths: Path, overrides: tuple[str, ...] = ()) -> list[Document | Rejection]:
    return list(read_documents(paths, load_config(overrides=overrides)))


def documents(items: list[Document | Rejection]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def rejections(items: list[Document | Rejection], stage: str = "read") -> list[Rejection]:
    return [item for item in items if isinstance(item, Rejection) and item.stage == stage]


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- JSON lines -----------------------------------------------------------------------------


def test_read_truncated_line_keeps_the_good_lines() -> None:
    items = read(INPUTS / "truncated.jsonl")
    assert [d.doc_id for d in documents(items)] == ["a1", "a3"]
    [rejection] = rejections(items)
    assert rejection.line == 2
    assert rejection.reason.startswith("truncated JSON (")
    assert rejection.reason.endswith("line skipped")
    assert rejection.message().startswith(f"{INPUTS / 'truncated.jsonl'}:2: truncated JSON")


def test_read_line_numbers_count_blank_lines(tmp_path: Path) -> None:
    text = '\n{"text": "one"}\n   \n\n{"text": "two"}\r\n{"text": "three"}\rnot json\n'
    items = read(write(tmp_path / "c.jsonl", text))
    assert [(d.line, d.doc_id, d.text) for d in documents(items)] == [
        (2, "c:2", "one"),
        (5, "c:5", "two"),
        (6, "c:6", "three"),
    ]
    assert [r.line for r in rejections(items)] == [7]


def test_read_malformed_json_names_the_column(tmp_path: Path) -> None:
    path = write(tmp_path / "m.jsonl", '{"text": "a" "id": "x"}\n')
    [rejection] = read(path)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == (
        "malformed JSON (Expecting ',' delimiter at column 14); line skipped"
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('["a"]', "line holds a list, not an object; line skipped"),
        ("12", "line holds a number, not an object; line skipped"),
        ('{"id": "x"}', 'no "text" field; line skipped'),
        ('{"text": ""}', 'field "text" is empty; line skipped'),
        ('{"text": "  \\n "}', 'field "text" is empty; line skipped'),
        ('{"text": 12}', 'field "text" is a number, not a string; line skipped'),
        ('{"text": null}', 'field "text" is null, not a string; line skipped'),
        (
            '{"text": "a", "id": true}',
            'field "id" is a boolean, not a string or integer; line skipped',
        ),
    ],
)
def test_read_bad_records_name_the_field(tmp_path: Path, line: str, reason: str) -> None:
    items = read(write(tmp_path / "r.jsonl", f'{line}\n{{"text": "kept"}}\n'))
    assert [d.text for d in documents(items)] == ["kept"]
    [rejection] = rejections(items)
    assert (rejection.line, rejection.reason) == (1, reason)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2007-03-01", "2007-03-01"),
        ("20070301", "2007-03-01"),
        ("2007-03-01T10:20:30Z", "2007-03-01"),
        ("2007-03-01T23:20:30-05:00", "2007-03-01"),
        ("2007-03-01T10:20:30.125+0200", "2007-03-01"),
    ],
)
def test_read_jsonl_dates_are_normalised(tmp_path: Path, value: str, expected: str) -> None:
    items = read(write(tmp_path / "d.jsonl", f'{{"text": "a", "date": "{value}"}}\n'))
    assert [d.date for d in documents(items)] == [expected]
    assert rejections(items, "read-warning") == []


@pytest.mark.parametrize("value", ['"2007-13-45"', '"yesterday"', '"2007-0301"', "20070301"])
def test_read_bad_date_keeps_document_undated(tmp_path: Path, value: str) -> None:
    items = read(write(tmp_path / "d.jsonl", f'\n{{"text": "a", "date": {value}}}\n'))
    assert [d.date for d in documents(items)] == [None]
    [warning] = rejections(items, "read-warning")
    assert warning.line == 2
    assert value.strip('"') in warning.reason


def test_read_title_is_prepended_and_kept(tmp_path: Path) -> None:
    record = (
        '{"id": 7, "title": "Talks", "text": "Iran met Iraq.", "url": "http://x", '
        '"perspective": "IRN"}\n'
    )
    [doc] = read(write(tmp_path / "t.jsonl", record))
    assert doc == Document(
        doc_id="7",
        text="Talks\n\nIran met Iraq.",
        path=str(tmp_path / "t.jsonl"),
        line=1,
        title="Talks",
        url="http://x",
        perspective="IRN",
        content_type="jsonl",
    )
    assert doc.text.index("Iran") == len("Talks\n\n")


def test_read_jsonl_normalises_newlines_and_nul(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path / "n.jsonl", '{"text": "a\\r\\nb\\rc\\u0000d\\ud800"}\n'))
    assert isinstance(doc, Document)
    assert doc.text == "a\nb\ncd\ufffd"


def test_read_jsonl_with_utf16_bom(tmp_path: Path) -> None:
    text = '{"text": "Genève"}\r\n\r\n{"text": "two"}\r\n'
    items = read(write(tmp_path / "w.jsonl", text.encode("utf-16")))
    assert [(d.line, d.text) for d in documents(items)] == [(1, "Genève"), (3, "two")]


def test_read_jsonl_latin1_line_is_kept_with_warning(tmp_path: Path) -> None:
    data = b'{"text": "ok"}\n{"text": "caf\xe9 cr\xe8me"}\n'
    items = read(write(tmp_path / "l.jsonl", data))
    assert [d.text for d in documents(items)] == ["ok", "café crème"]
    [warning] = rejections(items, "read-warning")
    assert warning.line == 2
    assert "decoded as cp1252" in warning.reason


def test_read_overlong_jsonl_line_is_skipped_unread(tmp_path: Path) -> None:
    body = "x" * 200
    path = write(tmp_path / "big.jsonl", f'{{"text": "{body}"}}\n{{"text": "small"}}\n')
    items = read(path, overrides=("input.max_document_chars=10",))
    assert [d.text for d in documents(items)] == ["small"]
    [rejection] = rejections(items)
    assert rejection.line == 1
    assert "too long" in rejection.reason


# --- encodings ------------------------------------------------------------------------------


def test_read_cp1252_file_is_kept_with_warning() -> None:
    items = read(INPUTS / "cp1252.txt")
    [doc] = documents(items)
    assert doc.text == "The minister’s café met the délégation."
    [warning] = rejections(items, "read-warning")
    assert warning.reason == (
        "not valid UTF-8 (invalid start byte at offset 12); decoded as cp1252"
    )
    assert warning.doc_id == doc.doc_id


def test_read_latin1_fallback_when_configured() -> None:
    items = read(INPUTS / "latin1.txt", overrides=('input.encoding_fallbacks=["latin-1"]',))
    assert [d.text for d in documents(items)] == ["Café crème à Genève."]
    [warning] = rejections(items, "read-warning")
    assert warning.reason.endswith("decoded as latin-1")


def test_read_falls_through_to_latin1_when_cp1252_fails(tmp_path: Path) -> None:
    data = b"Talks in Gen\xe8ve resumed on Monday \x81 after a pause."
    items = read(write(tmp_path / "x.txt", data))
    assert [d.text for d in documents(items)] == [data.decode("latin-1")]
    assert rejections(items, "read-warning")[0].reason.endswith("decoded as latin-1")


@pytest.mark.issue(19)
def test_read_mixed_encoding_reads_stray_bytes_as_cp1252(tmp_path: Path) -> None:
    data = "Genève, Zürich and Köln. ".encode() + b"caf\xe9 " + "Málaga.".encode()
    items = read(write(tmp_path / "mixed.txt", data))
    [doc] = documents(items)
    assert doc.text == "Genève, Zürich and Köln. café Málaga."
    [warning] = rejections(items, "read-warning")
    offset = data.index(b"\xe9")
    assert warning.reason == (
        f"mixed encodings: UTF-8, but 1 byte is cp1252 (first: invalid continuation byte at "
        f"offset {offset})"
    )


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_read_byte_order_marks(tmp_path: Path, encoding: str) -> None:
    text = "Genève talks\r\nresume"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = "\ufeff".encode(encoding) + data
    items = read(write(tmp_path / "bom.txt", data))
    assert items == documents(items)
    assert [d.text for d in documents(items)] == ["Genève talks\nresume"]


@pytest.mark.issue(19)
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_read_utf16_and_32_without_bom_are_read(tmp_path: Path, encoding: str) -> None:
    [document, warning] = read(write(tmp_path / "u.txt", "Iran met Iraq".encode(encoding)))
    assert isinstance(document, Document) and document.text == "Iran met Iraq"
    assert isinstance(warning, Rejection)
    assert warning.reason == f"no byte-order mark; read as {encoding.upper()}"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        bytes(range(1, 32)) * 20,
    ],
)
def test_read_binary_files_are_rejected(tmp_path: Path, data: bytes) -> None:
    [rejection] = read(write(tmp_path / "b.txt", data))
    assert isinstance(rejection, Rejection)
    assert rejection.stage == "read"
    assert rejection.reason.startswith("binary or undecodable content (")
    assert rejection.hint == "save the file as UTF-8"


def test_read_stray_nul_bytes_are_removed_with_warning(tmp_path: Path) -> None:
    items = read(write(tmp_path / "n.txt", b"Iran met\x00 Iraq in Baghdad on Monday."))
    assert [d.text for d in documents(items)] == ["Iran met Iraq in Baghdad on Monday."]
    [warning] = rejections(items, "read-warning")
    assert warning.reason == "removed 1 NUL bytes (first at offset 8)"


def test_read_newlines_are_normalised(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path / "n.txt", "a\r\nb\rc\n"))
    assert isinstance(doc, Document)
    assert doc.text == "a\nb\nc\n"


# --- documents and files --------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"  \r\n\t\n", b"\xef\xbb\xbf"])
def test_read_empty_document(tmp_path: Path, data: bytes) -> None:
    [rejection] = read(write(tmp_path / "e.txt", data))
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "empty document"


def test_read_empty_file_fixture() -> None:
    assert [r.reason for r in rejections(read(INPUTS / "empty.txt"))] == ["empty document"]


def test_read_oversize_document_names_size_limit_and_setting(tmp_path: Path) -> None:
    items = read(write(tmp_path / "big.jsonl", '{"text": "123456789012"}\n'),
                 overrides=("input.max_document_chars=10",))  # fmt: skip
    [rejection] = items
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "document has 12 characters, over the limit of 10"
    assert rejection.hint == (
        "raise input.max_document_chars with --set input.max_document_chars=12 "
        "or split the document"
    )


def test_read_oversize_file_is_rejected_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "x" * 41)
    [rejection] = read(path, overrides=("input.max_document_chars=10",))
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("file has 41 bytes, over the 40")
    assert "input.max_document_chars" in (rejection.hint or "")


def test_read_text_document_id_is_stable(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", "Iran met Iraq.")
    first, second = read(path), read(path)
    digest = hashlib.sha256(b"Iran met Iraq.").hexdigest()[:10]
    assert first == second
    assert first == [
        Document(doc_id=f"story-{digest}", text="Iran met Iraq.", path=str(path), title=None)
    ]


def test_read_missing_file_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "text")
    items = read(tmp_path / "missing.txt", good)
    assert isinstance(items[0], Rejection)
    assert items[0].reason == "cannot read file (No such file or directory)"
    assert [d.path for d in documents(items)] == [str(good)]


def test_read_unreadable_directory_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "scandir", refuse)
    [rejection] = read(tmp_path)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "cannot read directory (Permission denied)"


def test_read_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CI runs as root, which reads any file whatever its mode: refuse the open instead.
    path = write(tmp_path / "secret.txt", "x")
    real_open = os.open

    def refuse(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    [rejection] = read(path)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "cannot read file (Permission denied)"


def test_read_directory_walk_is_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.html", "a/c.jsonl", "c.md", "B.TXT", "d/e/f.text", "g.json"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write(path, '{"text": "x"}' if "json" in name else "<p>x</p>")
    items = read(tmp_path)
    assert items == documents(items)
    names = [Path(d.path).relative_to(tmp_path).as_posix() for d in documents(items)]
    assert names == ["B.TXT", "a/c.jsonl", "a/z.html", "b.txt", "d/e/f.text", "g.json"]


def test_read_explicit_unknown_extension_is_plain_text(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path / "notes.md", "<p>Iran</p>"))
    assert isinstance(doc, Document)
    assert (doc.text, doc.content_type) == ("<p>Iran</p>", "text")


# --- HTML -----------------------------------------------------------------------------------


def test_read_html_title_first_scripts_dropped_and_meta_date() -> None:
    [doc] = read(INPUTS / "article.html")
    assert isinstance(doc, Document)
    assert doc.content_type == "html"
    assert doc.title == "Talks resume"
    assert doc.date == "2024-03-05"
    assert doc.text == "Talks resume\n\nTalks resume\n\nIran and Iraq met.\n\nSecond\nline"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta property="og:published_time" content="2024-01-02">', "2024-01-02"),
        ('<meta name="DC.date" content="20240102">', "2024-01-02"),
        ('<meta name="pubdate" content="Tue, 02 Jan 2024 10:00:00 GMT">', "2024-01-02"),
        ('<meta name="date" content="soon">', None),
        ("", "2023-12-31"),
    ],
)
def test_read_html_dates(tmp_path: Path, head: str, expected: str | None) -> None:
    page = f'<html><head>{head}</head><body><p>Hi <time datetime="2023-12-31">x</time></p>'
    if expected is None:
        page = page.replace("<time", "<span").replace("</time>", "</span>")
    [doc] = documents(read(write(tmp_path / "d.html", page)))
    assert doc.date == expected


def test_read_html_without_title_uses_first_h1(tmp_path: Path) -> None:
    page = "<h1>Iran  warns</h1><ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td>"
    [doc] = documents(read(write(tmp_path / "h.htm", page)))
    assert doc.title == "Iran warns"
    assert doc.text == "Iran warns\n\none\n\ntwo\n\na b"


def test_read_html_with_only_markup_is_empty(tmp_path: Path) -> None:
    items = read(write(tmp_path / "e.html", "<title>T</title><script>var a;</script>"))
    assert [r.reason for r in rejections(items)] == ["empty document"]


@pytest.mark.parametrize(
    "page",
    [
        "<div>" * 50_000 + "deep",
        "<span>" * 3_000 + "deep",
        "<p><b><i>deep</p></b></div></i></span>",
        "<table><td>deep</tr></li></table></html></body>",
    ],
)
def test_read_html_deep_or_unbalanced_does_not_crash(tmp_path: Path, page: str) -> None:
    [doc] = documents(read(write(tmp_path / "deep.html", page)))
    assert doc.text == "deep"


def test_read_accepts_a_config_instance(tmp_path: Path) -> None:
    assert documents(list(read_documents([write(tmp_path / "a.txt", "x")], Config())))
