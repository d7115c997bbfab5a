"""The store's schema: creating it in a new file, and refusing or migrating another version.

A new store gets `schema.sql` and a meta table naming the application and the schema
version. An older store is migrated forward in one transaction by `MIGRATIONS`; a newer one,
or a DuckDB file that is not a dyad store, is refused with a StoreError.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb

from dyad.errors import StoreError

APPLICATION = "dyad"
SCHEMA_VERSION = 5
# SQL that brings a store from version N to N+1, applied in order when an older store opens.
MIGRATIONS: dict[int, str] = {
    # Event.confidence was always 0.5: it is no longer stored until a real one exists (#14)
    1: "ALTER TABLE events DROP COLUMN confidence",
    2: "UPDATE events SET cluster_id = {cluster}",  # dedup no longer keyed on the source (#17)
    3: "ALTER TABLE documents ADD COLUMN IF NOT EXISTS text_hash VARCHAR",  # one text per id (#19)
    # districts as a filter level (#17); earlier events never had a district
    4: "ALTER TABLE events ADD COLUMN IF NOT EXISTS location_district VARCHAR; "
    "UPDATE events SET location_district = json_extract_string(location, '$.district')",
}

# `cluster_id` over the events table, for the migration of stores written before it.
CLUSTER_SQL = """
    CASE WHEN date IS NULL THEN left(sha256('undated|' || event_id), 20)
    ELSE left(sha256(concat_ws('|', 'v2',
        CASE WHEN target_code IS NULL THEN source_code ELSE '' END,
        coalesce(target_code, ''), cameo, date, coalesce(location_name, ''))), 20) END
"""


def check_schema(connection: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
    """Create the schema in an empty store, or check (and, unless `read_only`, migrate) it."""
    tables = {row[0] for row in connection.execute("SHOW TABLES").fetchall()}
    if not tables and not read_only:
        connection.execute("BEGIN TRANSACTION")
        connection.execute(resources.files("dyad.store").joinpath("schema.sql").read_text())
        connection.execute(
            "INSERT INTO meta VALUES ('application', ?), ('schema_version', ?)",
            [APPLICATION, str(SCHEMA_VERSION)],
        )
        connection.execute("COMMIT")
        return
    meta: dict[str, str] = {}
    if "meta" in tables:
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("application") != APPLICATION:
        raise StoreError(
            "not a dyad store: a DuckDB database without dyad's meta table",
            path=str(path),
            hint="pass another file with --db; dyad does not write into other databases",
        )
    version = int(meta.get("schema_version", "0"))
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {version}; this dyad reads up to {SCHEMA_VERSION}",
            path=str(path),
            hint="upgrade dyad to read it",
        )
    if version < SCHEMA_VERSION:
        if read_only:
            raise StoreError(
                f"the store has schema version {version} and needs migrating",
                path=str(path),
                hint="run any writing command (e.g. `dyad ingest`) once to migrate it",
            )
        _migrate(connection, version)


def _migrate(connection: duckdb.DuckDBPyConnection, version: int) -> None:
    connection.execute("BEGIN TRANSACTION")
    for step in range(version, SCHEMA_VERSION):
        connection.execute(MIGRATIONS[step].format(cluster=CLUSTER_SQL))
    connection.execute(
        "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)]
    )
    connection.execute("COMMIT")
