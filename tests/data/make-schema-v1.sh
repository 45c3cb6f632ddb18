#!/bin/sh
# Writes tests/data/schema-v1.sqlite: a tiny Frontier Atlas database in schema version 1 (before
# full text and the R*Tree), used by test_migrations.cpp to prove the upgrade keeps the data.
# The tables are a frozen copy of version 1 in core/migrations.cpp; never regenerate this file
# with a newer schema. Needs the sqlite3 command-line shell.
set -eu
out="${1:-$(dirname "$0")/schema-v1.sqlite}"
rm -f "$out"
sqlite3 "$out" <<'SQL'
PRAGMA application_id = 1178694764;
CREATE TABLE events(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    family TEXT NOT NULL CHECK (family IN ('incident', 'diplomatic', 'context')),
    event_type TEXT NOT NULL DEFAULT '',
    start_secs INTEGER NOT NULL,
    time_precision TEXT NOT NULL CHECK (time_precision IN ('year', 'month', 'day', 'minute')),
    end_secs INTEGER CHECK (end_secs IS NULL OR end_secs >= start_secs),
    cover_from INTEGER NOT NULL,
    cover_to INTEGER NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    district TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL,
    latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    coord_precision TEXT NOT NULL
        CHECK (coord_precision IN ('exact', 'settlement', 'district', 'region')),
    killed INTEGER CHECK (killed IS NULL OR killed >= 0),
    injured INTEGER CHECK (injured IS NULL OR injured >= 0),
    casualty_note TEXT NOT NULL DEFAULT '',
    confidence TEXT NOT NULL CHECK (confidence IN ('confirmed', 'reported', 'disputed')),
    notes TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    origin_kind TEXT NOT NULL CHECK (origin_kind IN ('bundled', 'imported', 'manual')),
    origin_name TEXT NOT NULL DEFAULT '',
    source_id TEXT
);
CREATE UNIQUE INDEX events_source_id ON events(source_id);
CREATE INDEX events_start ON events(start_secs);
CREATE TABLE actors(
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
) WITHOUT ROWID;
CREATE INDEX actors_name ON actors(name);
CREATE TABLE sources(
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    publisher TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    published TEXT,
    reliability TEXT CHECK (reliability IS NULL OR reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6),
    PRIMARY KEY (event_id, position)
) WITHOUT ROWID;
CREATE TABLE tags(
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags(tag);

-- Three events: a minute-precise incident with two actors, a month-precision diplomatic visit
-- (covers all of May 2022), and a context span with unknown casualties.
INSERT INTO events VALUES
 (1, '0b6f0a52-3c1e-4c5e-9d62-8f1f3a1e7c01', 'Border post shelled near Panj',
  'Mortar rounds hit a border post; one guard killed.', 'incident', 'shelling',
  1640995200 + 86400 * 40 + 3600 * 5, 'minute', NULL,
  1640995200 + 86400 * 40 + 3600 * 5, 1640995200 + 86400 * 40 + 3600 * 5 + 1,
  'Panj', 'Panj', 'Khatlon', 'TJ', 37.2367, 69.0958, 'settlement', 1, 0, '', 'confirmed',
  'Fixture event one.', 1700000000000, 1700000000000, 'manual', '', NULL),
 (2, '0b6f0a52-3c1e-4c5e-9d62-8f1f3a1e7c02', 'Delegation visits Khorog',
  'A delegation met regional officials.', 'diplomatic', 'visit',
  1651363200, 'month', NULL, 1651363200, 1654041600,
  'Khorog', 'Khorog', 'GBAO', 'TJ', 37.4897, 71.5531, 'district', NULL, NULL, '', 'reported',
  '', 1700000001000, 1700000002000, 'imported', 'facts.jsonl', 'visit-khorog-2022-05'),
 (3, '0b6f0a52-3c1e-4c5e-9d62-8f1f3a1e7c03', 'Crossing at Ishkashim closed',
  'The crossing stayed closed for weeks.', 'context', 'border closure',
  1672531200, 'day', 1675209600, 1672531200, 1675209600,
  'Ishkashim', '', 'Badakhshan', 'AF', 36.7117, 71.6117, 'exact', NULL, NULL,
  'no casualties reported', 'disputed', '', 1700000003000, 1700000003000, 'bundled', '',
  'closure-ishkashim-2023');
INSERT INTO actors VALUES (1, 0, 'Tajik Border Troops'), (1, 1, 'Unidentified armed group'),
 (2, 0, 'Ministry of Foreign Affairs');
INSERT INTO sources VALUES
 (1, 0, 'https://example.org/panj', 'Example News', 'Post shelled', '2022-02-10', 'B', 2),
 (2, 0, 'http://example.com/khorog', '', '', NULL, NULL, NULL),
 (3, 0, 'https://example.net/closure', 'Wire', 'Closure', '2023-01-02', NULL, NULL);
INSERT INTO tags VALUES (1, 0, 'mortar'), (3, 0, 'trade');
PRAGMA user_version = 1;
SQL
echo "wrote $out"
