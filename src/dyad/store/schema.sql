-- dyad store, schema version 5. Ids are content hashes, so re-inserting is harmless
-- (INSERT ... ON CONFLICT DO NOTHING). `store.py` runs this once on a new file.

CREATE TABLE meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE documents (
    doc_id VARCHAR PRIMARY KEY,
    path VARCHAR NOT NULL,
    line INTEGER,
    date VARCHAR,
    doc_day DATE,               -- `date` as a DATE, for per-period denominators
    title VARCHAR,
    url VARCHAR,
    perspective VARCHAR,
    content_type VARCHAR NOT NULL,
    chars INTEGER NOT NULL,
    events INTEGER NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    text_hash VARCHAR           -- one text per doc_id; a clash is rejected (store/identity.py)
);

-- Only sentences that produced at least one event are kept.
CREATE TABLE sentences (
    sentence_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    segment_kind VARCHAR NOT NULL,
    segment_author VARCHAR,
    segment_posted VARCHAR
);

CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    cluster_id VARCHAR NOT NULL,  -- dedup key: target (else source), cameo, date, place
    doc_id VARCHAR NOT NULL,
    sentence_id VARCHAR NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    segment_kind VARCHAR NOT NULL,
    segment_author VARCHAR,
    segment_posted VARCHAR,
    source_code VARCHAR NOT NULL,
    source_text VARCHAR NOT NULL,
    source_name VARCHAR,
    source_country VARCHAR,
    target_code VARCHAR,
    target_text VARCHAR,
    target_name VARCHAR,
    target_country VARCHAR,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    quad_class TINYINT NOT NULL,
    goldstein DOUBLE NOT NULL,
    plover VARCHAR,
    date VARCHAR,
    date_precision VARCHAR NOT NULL,
    date_text VARCHAR,
    event_day DATE,             -- first day of `date` at its precision; NULL when unknown
    location_text VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    location_precision VARCHAR,
    location VARCHAR,           -- the whole place as JSON (fields added to Place included)
    factuality VARCHAR NOT NULL,
    attributed_code VARCHAR,
    attributed_text VARCHAR,
    attributed_name VARCHAR,
    attributed_country VARCHAR,
    rule VARCHAR NOT NULL,
    provenance VARCHAR NOT NULL, -- JSON object
    extra VARCHAR NOT NULL,      -- JSON: fields of Event.to_dict() newer than these columns
    location_district VARCHAR    -- the district the text names (Sangin); its province: location
);

-- The words each actor code was read from, and the dictionary entry that matched.
CREATE TABLE actors (
    code VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    name VARCHAR,
    country VARCHAR,
    entry VARCHAR,
    PRIMARY KEY (code, text)
);

CREATE TABLE rejections (
    rejection_id VARCHAR PRIMARY KEY,  -- hash of path, line, stage, reason
    path VARCHAR NOT NULL,
    line INTEGER,
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    hint VARCHAR,
    doc_id VARCHAR,
    recorded_at TIMESTAMP NOT NULL
);
