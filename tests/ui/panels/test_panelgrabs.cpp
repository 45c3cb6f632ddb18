// Not a check: renders the panels with realistic events to PNG files for a person to look at.
// Run with FRONTIER_GRAB_DIR=/some/dir ui_tests --gtest_also_run_disabled_tests
//   --gtest_filter='*PanelGrabs*'
#include "detailspanel.h"
#include "eventeditor.h"
#include "eventtableview.h"
#include "filterpanel.h"
#include "panelfixture.h"

#include <QDir>
#include <QTest>

using namespace fa;

namespace {

Event shohin()
{
    Event e;
    e.title = QStringLiteral("Drone and gun attack on the Shohin SM workers' camp");
    e.summary = QStringLiteral(
        "Night attack on a company workers' camp using firearms and a grenade-carrying drone. "
        "The Tajik MFA said the attack was launched from Afghan territory; border troops later "
        "said the attackers came from Shahri Buzurg district of Afghan Badakhshan.");
    e.family = Family::Incident;
    e.eventType = QStringLiteral("drone attack");
    e.start = QDateTime(QDate(2025, 11, 26), QTime(0, 0), QTimeZone::UTC);
    e.timePrecision = TimePrecision::Day;
    e.place = QStringLiteral("LLC Shohin SM workers' camp, area of 1st border post \"Istiqlol\"");
    e.district = QStringLiteral("Shamsiddin Shohin");
    e.region = QStringLiteral("Khatlon");
    e.country = QStringLiteral("TJ");
    e.latitude = 37.84;
    e.longitude = 70.04;
    e.coordPrecision = CoordPrecision::District;
    e.killed = 3;
    e.injured = 1;
    e.casualtyNote = QStringLiteral("3 Chinese employees killed; 1 more Chinese citizen injured");
    e.actors = {QStringLiteral("LLC Shohin SM"),
                QStringLiteral("criminal/terrorist groups from Afghanistan"),
                QStringLiteral("Tajik MFA"), QStringLiteral("Chinese embassy in Tajikistan")};
    auto src = [](const char* url, const char* pub, QDate d) {
        Source s;
        s.url = QString::fromLatin1(url);
        s.publisher = QString::fromLatin1(pub);
        if (d.isValid())
            s.published = d;
        return s;
    };
    e.sources = {
        src("https://www.trtworld.com/article/d1d5c494e77b", "TRT World", QDate(2025, 11, 27)),
        src("https://www.globaltimes.cn/page/202511/1349271.shtml", "Global Times",
            QDate(2025, 11, 28)),
        src("https://en.orda.kz/taliban-foreign-ministry-addresses-tajikistan-border-"
            "incident-9480",
            "Orda.kz", QDate())};
    e.confidence = Confidence::Confirmed;
    e.tags = {QStringLiteral("Chinese workers"), QStringLiteral("drone")};
    e.notes = QStringLiteral("Site described variously as a workers' camp (Tajik MFA) or a "
                             "gold-mining site; some outlets reported 'at least five' killed, "
                             "conflating it with the 30 Nov attack. <script>alert(1)</script>");
    e.origin.kind = OriginKind::Bundled;
    return e;
}

void grab(QWidget& w, const QSize& size, const QString& name)
{
    w.resize(size);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QTest::qWait(50);
    const QString dir = qEnvironmentVariable("FRONTIER_GRAB_DIR");
    ASSERT_TRUE(w.grab().save(QDir(dir).filePath(name)));
}

} // namespace

TEST(PanelGrabs, DISABLED_WritePngs)
{
    ASSERT_FALSE(qEnvironmentVariableIsEmpty("FRONTIER_GRAB_DIR"));
    test::PanelFixture fx;
    const QUuid id = fx.add(shohin());
    Event kabul = test::makeEvent(QStringLiteral("Taliban take Kabul"), QDate(2021, 8, 15),
                                  Family::Context, QStringLiteral("political change"));
    kabul.country = QStringLiteral("AF");
    kabul.place = QStringLiteral("Kabul");
    fx.add(kabul);
    Event month = test::makeEvent(QStringLiteral("CSTO drills near the border"), QDate(2024, 11, 1),
                                  Family::Diplomatic, QStringLiteral("military exercise"));
    month.timePrecision = TimePrecision::Month;
    month.killed = 0;
    fx.add(month);
    Event timed = test::makeEvent(QStringLiteral("Second attack on Chinese workers at Darvoz"),
                                  QDate(2025, 11, 30));
    timed.start = QDateTime(QDate(2025, 11, 30), QTime(18, 40), QTimeZone::UTC);
    timed.timePrecision = TimePrecision::Minute;
    timed.killed = 2;
    fx.add(timed);
    fx.open();
    fx.state.setSelectedEvent(id);

    DetailsPanel details(&fx.state);
    grab(details, QSize(420, 820), QStringLiteral("details.png"));
    fx.state.setDisplayZone(DisplayZone::Dushanbe);
    fx.state.setSelectedEvent(fx.index.idAt(3));
    grab(details, QSize(420, 600), QStringLiteral("details-timed-dushanbe.png"));
    fx.state.setDisplayZone(DisplayZone::Utc);
    fx.state.setSelectedEvent(id);

    EventTableView table(&fx.state);
    grab(table, QSize(1000, 260), QStringLiteral("table.png"));

    FilterPanel filter(&fx.state);
    EventFilter f;
    f.families = {Family::Incident, Family::Diplomatic};
    f.minCasualties = 1;
    fx.state.setFilter(f);
    grab(filter, QSize(320, 760), QStringLiteral("filter.png"));

    EventEditor editor(&fx.state);
    editor.setEvent(fx.store->get(id).value());
    Error err = Error::invalid(QStringLiteral("latitude"),
                               QStringLiteral("latitude 91 is outside -90..90"));
    editor.showError(err);
    grab(editor, QSize(620, 760), QStringLiteral("editor.png"));
    grab(editor, QSize(620, 1150), QStringLiteral("editor-tall.png"));
}
