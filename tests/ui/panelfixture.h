#pragma once
// A temporary database with a few events, its index (kept current by an IndexUpdater, as the
// window's DatabaseController does) and a ViewState whose time window covers them all: what
// the panel tests share.

#include "eventindex.h"
#include "eventstore.h"
#include "indexupdater.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTimeZone>
#include <gtest/gtest.h>

#include <memory>

namespace fa::test {

inline Event makeEvent(const QString& title, const QDate& date, Family family = Family::Incident,
                       const QString& type = QStringLiteral("clash"))
{
    Event e;
    e.title = title;
    e.family = family;
    e.eventType = type;
    e.start = QDateTime(date, QTime(0, 0), QTimeZone::UTC);
    e.timePrecision = TimePrecision::Day;
    e.place = QStringLiteral("Panj");
    e.district = QStringLiteral("Panj");
    e.region = QStringLiteral("Khatlon");
    e.country = QStringLiteral("TJ");
    e.latitude = 37.24;
    e.longitude = 69.1;
    e.coordPrecision = CoordPrecision::District;
    e.actors = {QStringLiteral("Tajik border troops")};
    e.confidence = Confidence::Reported;
    Source s;
    s.url = QStringLiteral("https://example.org/report");
    s.publisher = QStringLiteral("Example News");
    e.sources = {s};
    return e;
}

class PanelFixture {
public:
    PanelFixture()
    {
        // Panels remember choices in QSettings: keep the tests' own apart from the user's.
        QCoreApplication::setOrganizationName(QStringLiteral("Frontier Atlas Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("panel tests"));
        auto s = EventStore::create(m_dir.filePath(QStringLiteral("panels.sqlite")));
        if (!s)
            ADD_FAILURE() << s.error().message.toStdString();
        else
            store = std::move(s.value());
    }
    QUuid add(const Event& e)
    {
        auto r = store->add(e);
        EXPECT_TRUE(r.ok()) << (r ? "" : r.error().message.toStdString());
        return r ? r.value() : QUuid();
    }
    /// Builds the index and opens the data in the state, window = 2000..2030 (the extent is
    /// the data's, from the updater).
    void open()
    {
        auto r = EventIndex::build(*store);
        ASSERT_TRUE(r.ok());
        index = std::move(r.value());
        const qint64 from =
            QDateTime(QDate(2000, 1, 1), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();
        const qint64 to =
            QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();
        updater.attach(store.get(), &index);
        state.navigator()->setWindow(from, to);
        state.setData(store.get(), &index);
    }
    QString dir() const { return m_dir.path(); }

    std::unique_ptr<EventStore> store;
    EventIndex index;
    ViewState state;
    IndexUpdater updater{&state};

private:
    QTemporaryDir m_dir;
};

} // namespace fa::test
