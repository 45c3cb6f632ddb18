#pragma once
// Shared helpers for the store tests: a valid sample event and a full dump of a database file
// (every table's rows, in order) for "the file is exactly as before" checks.

#include "event.h"
#include "sqlite.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace fa::test {

inline QDateTime utc(int y, int m, int d, int hh = 0, int mm = 0)
{
    return QDateTime(QDate(y, m, d), QTime(hh, mm), QTimeZone::UTC);
}

inline Event sampleEvent(const QString& title = QStringLiteral("Drone strike near Khamyob"))
{
    Event e;
    e.title = title;
    e.summary = QStringLiteral("A drone struck a border post; two guards were wounded.");
    e.family = Family::Incident;
    e.eventType = QStringLiteral("drone attack");
    e.start = utc(2024, 8, 12, 3, 40);
    e.timePrecision = TimePrecision::Minute;
    e.place = QStringLiteral("Khamyob");
    e.district = QStringLiteral("Shamsiddin Shohin");
    e.region = QStringLiteral("Khatlon");
    e.country = QStringLiteral("TJ");
    e.latitude = 37.62;
    e.longitude = 70.11;
    e.coordPrecision = CoordPrecision::Settlement;
    e.injured = 2;
    e.actors = {QStringLiteral("Tajik Border Troops"), QStringLiteral("Unidentified armed group")};
    Source s;
    s.url = QStringLiteral("https://example.org/news/1");
    s.publisher = QStringLiteral("Example News");
    s.title = QStringLiteral("Drone strike on the border");
    s.published = QDate(2024, 8, 13);
    s.reliability = 'B';
    s.credibility = 2;
    e.sources = {s};
    e.confidence = Confidence::Reported;
    e.tags = {QStringLiteral("drone"), QStringLiteral("border post")};
    e.notes = QStringLiteral("Second strike in that sector this month.");
    e.origin.kind = OriginKind::Manual;
    return e;
}

/// Every row of every ordinary table (sorted by name), as text: compare two dumps to prove a
/// file's content did not change.
inline QString dumpDatabase(const QString& path)
{
    auto db = Database::open(path, Database::Mode::ReadOnly);
    if (!db)
        return QStringLiteral("<cannot open: %1>").arg(db.error().message);
    QString out;
    auto tables = (*db)->prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name "
                                 "NOT LIKE 'sqlite_%' AND name NOT LIKE 'events_fts%' AND name "
                                 "NOT LIKE 'events_rtree%' ORDER BY name");
    if (!tables)
        return QStringLiteral("<%1>").arg(tables.error().message);
    QStringList names;
    while (auto row = tables->step()) {
        if (!*row)
            break;
        names << tables->columnText(0);
    }
    // Table names come from the schema itself, not from user input.
    for (const QString& name : names) {
        const QByteArray sql = "SELECT * FROM \"" + name.toUtf8() + "\" ORDER BY 1, 2";
        auto st = (*db)->prepare(sql.constData());
        if (!st)
            return QStringLiteral("<%1>").arg(st.error().message);
        out += QStringLiteral("== %1\n").arg(name);
        while (auto row = st->step()) {
            if (!*row)
                break;
            QStringList cells;
            for (int c = 0; c < st->columnCount(); ++c)
                cells << (st->isNull(c) ? QStringLiteral("NULL") : st->columnText(c));
            out += cells.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
    }
    // The virtual tables' contents, through their own query interfaces.
    for (const char* sql :
         {"SELECT id, min_lon, min_lat, min_t, max_t FROM events_rtree ORDER BY id",
          "SELECT rowid FROM events_fts WHERE events_fts MATCH 'a* OR b* OR c* "
          "OR d* OR e* OR s* OR t*' ORDER BY rowid"}) {
        auto st = (*db)->prepare(sql);
        if (!st)
            continue; // an old schema without them
        out += QStringLiteral("== %1\n").arg(QString::fromLatin1(sql));
        while (auto row = st->step()) {
            if (!*row)
                break;
            QStringList cells;
            for (int c = 0; c < st->columnCount(); ++c)
                cells << st->columnText(c);
            out += cells.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
    }
    return out;
}

} // namespace fa::test
