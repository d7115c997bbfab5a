"""Write stored events and networks out: Parquet, JSON Lines, GDELT-like CSV, GraphML.

Parquet and JSON Lines rows have the event contract's shape (`event.schema.json`; nested
`segment`, `source`, `target`, `location`, `attributed_to`), so `dyad code` output and an
export read the same way; in Parquet `provenance` is a JSON string, and `extra` a JSON
object of any fields added to the event record since schema version 1 (JSON Lines merges
them in). The CSV has flat GDELT-like columns; the mapping is in README ("Store").
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from dyad.errors import QueryError
from dyad.store.aggregate import EventFilter
from dyad.store.database import Store

ExportFormat = Literal["parquet", "csv", "jsonl"]
FORMATS: tuple[ExportFormat, ...] = ("parquet", "csv", "jsonl")
BATCH_ROWS = 65_536
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def _actor(prefix: str) -> str:
    struct = (
        f"{{'text': e.{prefix}_text, 'code': e.{prefix}_code, "
        f"'name': e.{prefix}_name, 'country': e.{prefix}_country}}"
    )
    return f"CASE WHEN e.{prefix}_code IS NULL THEN NULL ELSE {struct} END"


CONTRACT_COLUMNS = f"""
    e.event_id, e.doc_id, s.text AS sentence, e.char_start, e.char_end,
    {{'kind': e.segment_kind, 'author': e.segment_author, 'posted': e.segment_posted}}
        AS segment,
    {_actor("source")} AS source, {_actor("target")} AS target,
    e.cameo, e.plover, CAST(e.quad_class AS INTEGER) AS quad_class, e.goldstein,
    e.date, e.date_precision, e.date_text,
    CASE WHEN e.location_name IS NULL THEN NULL ELSE {{
        'text': e.location_text, 'name': e.location_name, 'country': e.location_country,
        'lat': e.location_lat, 'lon': e.location_lon, 'precision': e.location_precision}}
    END AS location,
    e.factuality, {_actor("attributed")} AS attributed_to, e.rule, e.provenance,
    e.extra
"""

GDELT_COLUMNS = """
    e.event_id AS GLOBALEVENTID,
    CASE WHEN e.date_precision = 'day' THEN CAST(strftime(e.event_day, '%Y%m%d') AS INTEGER)
    END AS SQLDATE,
    CASE WHEN e.date_precision IN ('day', 'month')
        THEN CAST(strftime(e.event_day, '%Y%m') AS INTEGER) END AS MonthYear,
    year(e.event_day) AS Year,
    e.source_code AS Actor1Code, coalesce(e.source_name, e.source_text) AS Actor1Name,
    e.source_country AS Actor1CountryCode,
    e.target_code AS Actor2Code, coalesce(e.target_name, e.target_text) AS Actor2Name,
    e.target_country AS Actor2CountryCode,
    e.cameo AS EventCode, left(e.cameo, 3) AS EventBaseCode, e.root AS EventRootCode,
    CAST(e.quad_class AS INTEGER) AS QuadClass, e.goldstein AS GoldsteinScale,
    z.mentions AS NumMentions, z.documents AS NumArticles,
    e.location_name AS ActionGeo_FullName, e.location_country AS ActionGeo_CountryCode,
    e.location_lat AS ActionGeo_Lat, e.location_lon AS ActionGeo_Long,
    coalesce(d.url, d.path) AS SOURCEURL,
    e.date AS dyad_date, e.date_precision AS dyad_date_precision,
    e.factuality AS dyad_factuality, e.plover AS dyad_plover, e.doc_id AS dyad_doc_id,
    e.cluster_id AS dyad_cluster_id, s.text AS dyad_sentence
"""


def contract_query(where: EventFilter, *, whole_location: bool = False) -> tuple[str, list[Any]]:
    """Return SQL selecting the matching events in the event contract's shape.

    With `whole_location`, a `location_json` column holds every field of the place (the
    struct has the contract's); `contract_rows` puts it in place of the struct.
    """
    condition, params = where.where()
    columns = CONTRACT_COLUMNS + (", e.location AS location_json" if whole_location else "")
    sql = (
        f"SELECT {columns} FROM events e JOIN sentences s USING (sentence_id) "
        f"WHERE {condition} ORDER BY e.doc_id, e.char_start, e.event_id"
    )
    return sql, params


def _gdelt_query(where: EventFilter) -> tuple[str, list[Any]]:
    condition, params = where.where()
    sql = f"""
        WITH sizes AS (
            SELECT cluster_id, count(*) AS mentions, count(DISTINCT doc_id) AS documents
            FROM events GROUP BY cluster_id
        )
        SELECT {GDELT_COLUMNS}
        FROM events e JOIN sentences s USING (sentence_id) JOIN sizes z USING (cluster_id)
        LEFT JOIN documents d ON d.doc_id = e.doc_id
        WHERE {condition} ORDER BY e.doc_id, e.char_start, e.event_id
    """
    return sql, params


def contract_rows(batch: pa.RecordBatch) -> list[dict[str, Any]]:
    """Return contract-shaped dicts (as `Event.to_dict` gives) for a batch of contract rows."""
    rows: list[dict[str, Any]] = batch.to_pylist()
    for row in rows:
        row["provenance"] = json.loads(row["provenance"])
        whole = row.pop("location_json", None)
        if whole is not None:
            row["location"] = json.loads(whole)
        row.update(json.loads(row.pop("extra")))
    return rows


def export_events(store: Store, path: Path, fmt: str, where: EventFilter) -> int:
    """Write the matching events to `path`; return how many were written.

    Args:
        store: An open store.
        path: The file to write (replaced if it exists).
        fmt: "parquet" or "jsonl" (contract shape) or "csv" (GDELT-like columns).
        where: Which events to write.
    """
    if fmt not in FORMATS:
        raise QueryError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt == "csv":
        sql, params = _gdelt_query(where)
    else:
        sql, params = contract_query(where, whole_location=fmt == "jsonl")
    reader = store.stream(sql, params, BATCH_ROWS)
    written = 0
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as out:
            for batch in reader:
                for row in contract_rows(batch):
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                written += batch.num_rows
        return written
    writer: Any = (
        pq.ParquetWriter(str(path), reader.schema)
        if fmt == "parquet"
        else pa_csv.CSVWriter(str(path), reader.schema)
    )
    with writer:
        for batch in reader:
            writer.write_batch(batch)
            written += batch.num_rows
    return written


def network_json(table: pa.Table) -> dict[str, Any]:
    """Return a network table as `{"nodes": [...], "edges": [...]}` (node-link JSON)."""
    edges: list[dict[str, Any]] = table.to_pylist()
    return {"directed": True, "nodes": _nodes(edges), "edges": edges}


def _nodes(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    totals: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            totals[end] = totals.get(end, 0) + int(edge["events"])
    return [{"id": node, "events": totals[node]} for node in sorted(totals)]


def network_graphml(table: pa.Table) -> bytes:
    """Return a network table as GraphML (Gephi, networkx `read_graphml`, igraph)."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(_tag("graphml"))
    edges: list[dict[str, Any]] = table.to_pylist()
    names = [f.name for f in table.schema if f.name not in ("source", "target")]
    kinds = {f.name: "int" if pa.types.is_integer(f.type) else "double" for f in table.schema}
    _key(root, "n_events", "node", "events", "int")
    for name in names:
        _key(root, f"e_{name}", "edge", name, kinds[name])
    graph = ET.SubElement(root, _tag("graph"), id="dyad", edgedefault="directed")
    for node in _nodes(edges):
        element = ET.SubElement(graph, _tag("node"), id=node["id"])
        ET.SubElement(element, _tag("data"), key="n_events").text = str(node["events"])
    for edge in edges:
        element = ET.SubElement(graph, _tag("edge"), source=edge["source"], target=edge["target"])
        for name in names:
            ET.SubElement(element, _tag("data"), key=f"e_{name}").text = str(edge[name])
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document


def _tag(name: str) -> str:
    return f"{{{GRAPHML_NS}}}{name}"


def _key(root: ET.Element, key: str, owner: str, name: str, kind: str) -> None:
    attributes = {"id": key, "for": owner, "attr.name": name, "attr.type": kind}
    ET.SubElement(root, _tag("key"), attrib=attributes)
