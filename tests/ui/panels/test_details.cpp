#include "detailspanel.h"
#include "editcommands.h"
#include "eventtext.h"
#include "panelfixture.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTextBrowser>

using namespace fa;
using fa::test::makeEvent;

TEST(Details, HtmlInDataIsShownAsTextNeverAsMarkup)
{
    test::PanelFixture fx;
    Event e = makeEvent(QStringLiteral("<b>Bold</b> title"), QDate(2025, 11, 26));
    e.summary = QStringLiteral("<script>alert('x')</script><img src=x onerror=alert(1)>");
    e.notes = QStringLiteral("<a href=\"file:///etc/passwd\">click</a>");
    e.actors = {QStringLiteral("<i>Actor</i>")};
    const QUuid id = fx.add(e);
    fx.open();
    DetailsPanel panel(&fx.state);
    fx.state.setSelectedEvent(id);
    const QString text = panel.plainText();
    EXPECT_TRUE(text.contains(QStringLiteral("<b>Bold</b> title"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("<script>alert('x')</script>")));
    EXPECT_TRUE(text.contains(QStringLiteral("<a href=\"file:///etc/passwd\">click</a>")));
    EXPECT_TRUE(text.contains(QStringLiteral("<i>Actor</i>")));
    EXPECT_FALSE(panel.html().contains(QStringLiteral("<script")));
    EXPECT_FALSE(panel.html().contains(QStringLiteral("file:///etc/passwd\"")));
    EXPECT_FALSE(panel.html().contains(QStringLiteral("<img")));
}

TEST(Details, OnlyHttpSourcesAreLinksAndOnlyTheyOpen)
{
    test::PanelFixture fx;
    Event e = makeEvent(QStringLiteral("Links"), QDate(2025, 11, 26));
    Source good;
    good.url = QStringLiteral("https://news.example/a?b=1&c=2");
    good.publisher = QStringLiteral("Good");
    e.sources = {good};
    const QUuid id = fx.add(e);
    fx.open();
    DetailsPanel panel(&fx.state);
    QList<QUrl> opened;
    panel.setUrlOpener([&](const QUrl& u) { opened << u; });
    fx.state.setSelectedEvent(id);
    EXPECT_TRUE(
        panel.html().contains(QStringLiteral("href=\"https://news.example/a?b=1&amp;c=2\"")))
        << panel.html().toStdString();
    emit panel.browser()->anchorClicked(QUrl(good.url));
    emit panel.browser()->anchorClicked(QUrl(QStringLiteral("javascript:alert(1)")));
    emit panel.browser()->anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened[0], QUrl(good.url));

    // A source whose URL is not http(s) (the store refuses those; an old file may hold one)
    // is written as text, never as an anchor.
    Event bad = e;
    bad.sources[0].url = QStringLiteral("javascript:alert(1)");
    panel.displayEvent(bad);
    EXPECT_FALSE(panel.html().contains(QStringLiteral("href=\"javascript")));
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("javascript:alert(1)")));
    EXPECT_FALSE(DetailsPanel::isOpenableUrl(QUrl(QStringLiteral("ftp://x.org/a"))));
    EXPECT_TRUE(DetailsPanel::isOpenableUrl(QUrl(QStringLiteral("HTTP://x.org/a"))));
}

TEST(Details, UnknownCasualtiesAreNotZero)
{
    test::PanelFixture fx;
    Event e = makeEvent(QStringLiteral("Casualties"), QDate(2025, 11, 26));
    e.killed = 0;
    e.injured.reset();
    const QUuid id = fx.add(e);
    fx.open();
    DetailsPanel panel(&fx.state);
    fx.state.setSelectedEvent(id);
    const QString text = panel.plainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Killed\n0"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Injured\nunknown"))) << text.toStdString();
    EXPECT_EQ(eventtext::casualtyText(0), QStringLiteral("0"));
    EXPECT_EQ(eventtext::casualtyText(std::nullopt), QStringLiteral("unknown"));
}

TEST(Details, DatePrecisionAndSolarHijri)
{
    const QDateTime nov = QDateTime(QDate(2024, 11, 1), QTime(0, 0), QTimeZone::UTC);
    EXPECT_EQ(eventtext::dateText(nov, TimePrecision::Month, DisplayZone::Utc),
              QStringLiteral("November 2024"));
    EXPECT_EQ(eventtext::dateText(nov, TimePrecision::Year, DisplayZone::Kabul),
              QStringLiteral("2024"));
    EXPECT_EQ(eventtext::dateText(nov, TimePrecision::Day, DisplayZone::Utc),
              QStringLiteral("1 November 2024"));
    // November 2024 straddles Aban and Azar 1403.
    EXPECT_EQ(eventtext::solarHijriText(nov, TimePrecision::Month, DisplayZone::Utc),
              QStringLiteral("Aban–Azar 1403"));

    test::PanelFixture fx;
    Event e = makeEvent(QStringLiteral("Month only"), QDate(2024, 11, 1));
    e.timePrecision = TimePrecision::Month;
    const QUuid id = fx.add(e);
    Event day = makeEvent(QStringLiteral("Shohin"), QDate(2025, 11, 26));
    const QUuid dayId = fx.add(day);
    fx.open();
    DetailsPanel panel(&fx.state);
    fx.state.setSelectedEvent(id);
    EXPECT_TRUE(
        panel.plainText().contains(QStringLiteral("November 2024 (known only to the month)")))
        << panel.plainText().toStdString();
    EXPECT_FALSE(panel.plainText().contains(QStringLiteral("1 November 2024")));
    fx.state.setSelectedEvent(dayId);
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("26 November 2025")));
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("5 Azar 1404 SH")));
}

TEST(Details, TheZoneBoxSetsTheSharedZoneAndTimesMove)
{
    QSettings().remove(QStringLiteral("details/timeZone"));
    test::PanelFixture fx;
    Event e = makeEvent(QStringLiteral("Night attack"), QDate(2025, 11, 30));
    e.start = QDateTime(QDate(2025, 11, 30), QTime(20, 15), QTimeZone::UTC);
    e.timePrecision = TimePrecision::Minute;
    const QUuid id = fx.add(e);
    fx.open();
    DetailsPanel panel(&fx.state);
    fx.state.setSelectedEvent(id);
    EXPECT_EQ(fx.state.displayZone(), DisplayZone::Utc);
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("30 November 2025, 20:15 UTC")));
    auto* box = panel.findChild<QComboBox*>(QStringLiteral("zoneBox"));
    ASSERT_NE(box, nullptr);
    box->setCurrentIndex(box->findData(int(DisplayZone::Dushanbe)));
    EXPECT_EQ(fx.state.displayZone(), DisplayZone::Dushanbe);
    EXPECT_TRUE(
        panel.plainText().contains(QStringLiteral("1 December 2025, 01:15 Dushanbe (UTC+5)")))
        << panel.plainText().toStdString();
    // The Solar Hijri date follows the local date: 10 Azar 1404 in Dushanbe.
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("10 Azar 1404 SH")));
    // A zone chosen elsewhere (another view, a restored session) moves the box and the text.
    fx.state.setDisplayZone(DisplayZone::Kabul);
    EXPECT_EQ(box->currentData().toInt(), int(DisplayZone::Kabul));
    EXPECT_TRUE(
        panel.plainText().contains(QStringLiteral("1 December 2025, 00:45 Kabul (UTC+4:30)")));
    // The record's own time stamp reads in the same words and zone.
    static const QRegularExpression updated(QStringLiteral(
        "Updated \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d Kabul \\(UTC\\+4:30\\)\\."));
    EXPECT_TRUE(panel.plainText().contains(updated)) << panel.plainText().toStdString();
    QSettings().remove(QStringLiteral("details/timeZone"));
}

TEST(Details, FollowsSelectionButtonsAndCopy)
{
    test::PanelFixture fx;
    const QUuid a = fx.add(makeEvent(QStringLiteral("First"), QDate(2025, 1, 1)));
    const QUuid b = fx.add(makeEvent(QStringLiteral("Second"), QDate(2025, 2, 1)));
    fx.open();
    DetailsPanel panel(&fx.state);
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("Select an event")));
    fx.state.setSelectedEvent(a);
    EXPECT_TRUE(panel.plainText().startsWith(QStringLiteral("First")));
    fx.state.setSelectedEvent(b);
    EXPECT_TRUE(panel.plainText().startsWith(QStringLiteral("Second")));
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("37.2400° N, 69.1000° E")));
    EXPECT_TRUE(panel.plainText().contains(
        QStringLiteral("Panj, Panj district, Khatlon, Tajikistan (TJ)")));

    QSignalSpy edit(&panel, &DetailsPanel::editRequested);
    QSignalSpy del(&panel, &DetailsPanel::deleteRequested);
    QSignalSpy zoom(&fx.state, &ViewState::zoomToEventRequested);
    panel.findChild<QPushButton*>(QStringLiteral("edit"))->click();
    panel.findChild<QPushButton*>(QStringLiteral("delete"))->click();
    panel.findChild<QPushButton*>(QStringLiteral("zoomTo"))->click();
    ASSERT_EQ(edit.size(), 1);
    EXPECT_EQ(edit[0][0].toUuid(), b);
    EXPECT_EQ(del.size(), 1);
    ASSERT_EQ(zoom.size(), 1);
    EXPECT_EQ(zoom[0][0].toUuid(), b);
    panel.findChild<QPushButton*>(QStringLiteral("copyCoordinates"))->click();
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("37.240000, 69.100000"));
}

TEST(Details, OnlyAnEditOfTheEventShownRedrawsThePanel)
{
    test::PanelFixture fx;
    const QUuid shown = fx.add(makeEvent(QStringLiteral("Shown"), QDate(2024, 1, 1)));
    const QUuid other = fx.add(makeEvent(QStringLiteral("Other"), QDate(2024, 2, 1)));
    fx.open();
    DetailsPanel panel(&fx.state);
    fx.state.setSelectedEvent(shown);
    QSignalSpy redrawn(panel.browser(), &QTextBrowser::textChanged);
    auto retitle = [&](const QUuid& id, const QString& title) {
        const Event before = fx.store->get(id).value();
        Event after = before;
        after.title = title;
        ASSERT_TRUE(pushEventCommand(&fx.state,
                                     std::make_unique<EditEventCommand>(&fx.state, before, after))
                        .ok());
    };
    retitle(other, QStringLiteral("Other, renamed"));
    EXPECT_EQ(redrawn.size(), 0);
    retitle(shown, QStringLiteral("Shown, renamed"));
    EXPECT_GT(redrawn.size(), 0);
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("Shown, renamed")));
}
