#include "migrations.h"

#include "sqlite.h"

#include <QString>

#include <array>

namespace fa::schema {
namespace {

// Version 1. Frozen: tests/data/make-schema-v1.sh writes the same tables for the fixture.
// Enumerations are stored by their stable names (event.h) so that the file reads on its own.
// cover_from/cover_to: the [from, to) UTC seconds an event covers (see coverageSecs()).
constexpr const char* kV1 = R"sql(
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
-- NULLs are distinct in a UNIQUE index: events without a source id never collide.
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
)sql";

// Version 2: full text and spatial search. Actors live in their own table, but an FTS5
// external-content table can only index columns of one table, so events keeps the actors
// joined in actors_text (written by the store together with the actor rows).
// The R*Tree holds each event as a point in lon/lat plus its time coverage as a third axis, so
// one R*Tree search answers a viewport + time window. Its 32-bit floats are rounded outwards
// by SQLite, so it is a superset filter; queries recheck the exact columns.
constexpr const char* kV2 = R"sql(
ALTER TABLE events ADD COLUMN actors_text TEXT NOT NULL DEFAULT '';
UPDATE events SET actors_text = coalesce(
    (SELECT group_concat(name, '; ') FROM
        (SELECT name FROM actors WHERE actors.event_id = events.id ORDER BY position)), '');

CREATE VIRTUAL TABLE events_fts USING fts5(
    title, summary, place, actors_text, notes,
    content = 'events', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts(rowid, title, summary, place, actors_text, notes)
    VALUES (new.id, new.title, new.summary, new.place, new.actors_text, new.notes);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, title, summary, place, actors_text, notes)
    VALUES ('delete', old.id, old.title, old.summary, old.place, old.actors_text, old.notes);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF title, summary, place, actors_text, notes
ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, title, summary, place, actors_text, notes)
    VALUES ('delete', old.id, old.title, old.summary, old.place, old.actors_text, old.notes);
    INSERT INTO events_fts(rowid, title, summary, place, actors_text, notes)
    VALUES (new.id, new.title, new.summary, new.place, new.actors_text, new.notes);
END;

CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat,
                                              min_t, max_t);
INSERT INTO events_rtree(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t)
    SELECT id, longitude, longitude, latitude, latitude, cover_from, cover_to FROM events;
CREATE TRIGGER events_rtree_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_rtree(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t)
    VALUES (new.id, new.longitude, new.longitude, new.latitude, new.latitude,
            new.cover_from, new.cover_to);
END;
CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_rtree WHERE id = old.id;
END;
CREATE TRIGGER events_rtree_update AFTER UPDATE OF longitude, latitude, cover_from, cover_to
ON events BEGIN
    UPDATE events_rtree SET min_lon = new.longitude, max_lon = new.longitude,
                            min_lat = new.latitude, max_lat = new.latitude,
                            min_t = new.cover_from, max_t = new.cover_to
    WHERE id = new.id;
END;
)sql";

// steps[i] upgrades version i to version i + 1.
constexpr std::array<const char*, 2> kSteps{kV1, kV2};

} // namespace

int currentVersion()
{
    return int(kSteps.size());
}

Status migrate(Database& db, int from, int to)
{
    if (from < 0 || to > currentVersion() || from > to)
        return Error::make(
            Error::Kind::Unsupported,
            QStringLiteral("cannot migrate the schema from version %1 to %2").arg(from).arg(to));
    if (from == 0) {
        // PRAGMA takes no parameters; the value is our own constant, not user data.
        const QByteArray pragma = "PRAGMA application_id = " + QByteArray::number(kApplicationId);
        if (auto s = db.exec(pragma.constData()); !s)
            return s;
    }
    for (int v = from; v < to; ++v) {
        if (auto s = db.exec(kSteps[std::size_t(v)]); !s) {
            Error e = s.error();
            e.message = QStringLiteral("upgrading the schema to version %1 failed: %2")
                            .arg(v + 1)
                            .arg(e.message);
            return e;
        }
    }
    const QByteArray pragma = "PRAGMA user_version = " + QByteArray::number(to);
    return db.exec(pragma.constData());
}

} // namespace fa::schema
