"""The event store (DuckDB) and what reads it: ingest, aggregate views, browse, export."""
