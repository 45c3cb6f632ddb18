#include "editcommands.h"
#include "filterpanel.h"
#include "panelfixture.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

using namespace fa;
using fa::test::makeEvent;

namespace {
QListWidgetItem* itemFor(QListWidget* list, const QString& prefix)
{
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text().startsWith(prefix))
            return list->item(i);
    return nullptr;
}
} // namespace

TEST(FilterPanel, CountsFacetsAndAppliesToTheState)
{
    test::PanelFixture fx;
    Event a = makeEvent(QStringLiteral("A"), QDate(2022, 5, 1));
    a.killed = 2;
    fx.add(a);
    fx.add(makeEvent(QStringLiteral("B"), QDate(2023, 5, 1), Family::Incident,
                     QStringLiteral("drone attack")));
    Event c = makeEvent(QStringLiteral("C"), QDate(2024, 5, 1), Family::Diplomatic,
                        QStringLiteral("visit"));
    c.actors = {QStringLiteral("Taliban authorities")};
    c.country = QStringLiteral("AF");
    fx.add(c);
    fx.open();
    FilterPanel panel(&fx.state);
    EXPECT_EQ(panel.familyCount(Family::Incident), 2);
    EXPECT_EQ(panel.familyCount(Family::Diplomatic), 1);
    EXPECT_EQ(panel.familyCount(Family::Context), 0);
    EXPECT_EQ(panel.typeCount(QStringLiteral("clash")), 1);
    EXPECT_EQ(panel.typeCount(QStringLiteral("visit")), 1);
    EXPECT_EQ(panel.familyBox(Family::Incident)->text(), QStringLiteral("Incident (2)"));
    EXPECT_TRUE(panel.summaryText().startsWith(QStringLiteral("All events")));
    EXPECT_FALSE(panel.clearButton()->isEnabled());

    // Unticking a family filters it out; type counts follow (facets), family counts do not.
    panel.familyBox(Family::Diplomatic)->setChecked(false);
    QTest::qWait(1); // counts are coalesced into the next event-loop turn
    EXPECT_EQ(fx.state.filter().families, (QSet<Family>{Family::Incident, Family::Context}));
    EXPECT_EQ(panel.typeCount(QStringLiteral("visit")), 0);
    EXPECT_EQ(panel.familyCount(Family::Diplomatic), 1);
    EXPECT_TRUE(panel.summaryText().startsWith(QStringLiteral("Incident and Context events")))
        << panel.summaryText().toStdString();

    // Unticking one type restricts to the others.
    QListWidgetItem* clash = itemFor(panel.typeList(), QStringLiteral("clash"));
    ASSERT_NE(clash, nullptr);
    clash->setCheckState(Qt::Unchecked);
    QTest::qWait(1);
    EXPECT_EQ(fx.state.filter().eventTypes,
              (QSet<QString>{QStringLiteral("drone attack"), QStringLiteral("visit")}));
    EXPECT_EQ(panel.familyCount(Family::Incident), 1);

    panel.minCasualtiesBox()->setValue(1);
    EXPECT_EQ(fx.state.filter().minCasualties, 1);
    EXPECT_TRUE(panel.summaryText().contains(QStringLiteral("at least 1 killed or injured")));

    // Actors: a searchable list; a search hides the others.
    panel.actorSearch()->setText(QStringLiteral("talib"));
    QListWidgetItem* taliban = itemFor(panel.actorList(), QStringLiteral("Taliban"));
    QListWidgetItem* troops = itemFor(panel.actorList(), QStringLiteral("Tajik border"));
    ASSERT_NE(taliban, nullptr);
    ASSERT_NE(troops, nullptr);
    EXPECT_FALSE(taliban->isHidden());
    EXPECT_TRUE(troops->isHidden());
    taliban->setCheckState(Qt::Checked);
    EXPECT_EQ(fx.state.filter().actors, (QSet<QString>{QStringLiteral("Taliban authorities")}));

    panel.textSearch()->setText(QStringLiteral("drone"));
    QTest::qWait(400); // the search box waits for typing to pause
    EXPECT_EQ(fx.state.filter().text, QStringLiteral("drone"));
    EXPECT_TRUE(panel.summaryText().contains(QStringLiteral("matching “drone”")));

    // One click clears everything and the controls follow.
    ASSERT_TRUE(panel.clearButton()->isEnabled());
    panel.clearButton()->click();
    EXPECT_TRUE(fx.state.filter().isEmpty());
    EXPECT_TRUE(panel.familyBox(Family::Diplomatic)->isChecked());
    EXPECT_EQ(clash->checkState(), Qt::Checked);
    EXPECT_EQ(taliban->checkState(), Qt::Unchecked);
    EXPECT_TRUE(panel.textSearch()->text().isEmpty());
    EXPECT_EQ(panel.minCasualtiesBox()->value(), 0);
    EXPECT_TRUE(panel.summaryText().startsWith(QStringLiteral("All events")));
}

TEST(FilterPanel, CountsFollowTheTimeWindowAndEdits)
{
    test::PanelFixture fx;
    fx.add(makeEvent(QStringLiteral("A"), QDate(2022, 5, 1)));
    const QUuid b = fx.add(makeEvent(QStringLiteral("B"), QDate(2025, 5, 1)));
    fx.open();
    FilterPanel panel(&fx.state);
    EXPECT_EQ(panel.typeCount(QStringLiteral("clash")), 2);
    const qint64 y2025 =
        QDateTime(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::UTC).toSecsSinceEpoch();
    fx.state.navigator()->setWindow(y2025, y2025 + 365 * 86400);
    QTest::qWait(1); // counts are coalesced into the next event-loop turn
    EXPECT_EQ(panel.typeCount(QStringLiteral("clash")), 1);
    EXPECT_TRUE(panel.summaryText().contains(QStringLiteral("1 Jan 2025 – 31 Dec 2025")))
        << panel.summaryText().toStdString();

    // An edit that changes the type and family moves the counts.
    Event before = fx.store->get(b).value();
    Event after = before;
    after.eventType = QStringLiteral("statement");
    after.family = Family::Diplomatic;
    ASSERT_TRUE(
        pushEventCommand(&fx.state, std::make_unique<EditEventCommand>(&fx.state, before, after))
            .ok());
    QTest::qWait(1);
    EXPECT_EQ(panel.typeCount(QStringLiteral("clash")), 0);
    EXPECT_EQ(panel.typeCount(QStringLiteral("statement")), 1);
    EXPECT_EQ(panel.familyCount(Family::Diplomatic), 1);
    EXPECT_EQ(panel.familyCount(Family::Incident), 0);
    fx.state.undoStack()->undo();
    QTest::qWait(1);
    EXPECT_EQ(panel.typeCount(QStringLiteral("clash")), 1);
    EXPECT_EQ(panel.familyCount(Family::Incident), 1);
}

TEST(FilterPanel, TheSummaryReadsExclusiveEndsAsTheLastDayIncluded)
{
    const auto utc = [](int y, int m, int d) {
        return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::UTC);
    };
    EventFilter f;
    f.from = utc(2024, 3, 1);
    f.to = utc(2024, 4, 1); // exclusive: March only
    const qint64 from = utc(2024, 1, 1).toSecsSinceEpoch();
    const qint64 to = utc(2025, 1, 1).toSecsSinceEpoch();
    QString s = FilterPanel::describe(f, from, to, false);
    EXPECT_TRUE(s.contains(QStringLiteral("dated 1 Mar 2024 – 31 Mar 2024"))) << s.toStdString();
    EXPECT_TRUE(s.endsWith(QStringLiteral(" · 1 Jan 2024 – 31 Dec 2024"))) << s.toStdString();
    s = FilterPanel::describe(f, from, to, true);
    EXPECT_TRUE(s.endsWith(QStringLiteral(" · up to 31 Dec 2024"))) << s.toStdString();
    f.from.reset();
    s = FilterPanel::describe(f, 0, 0, false);
    EXPECT_EQ(s, QStringLiteral("All events · dated any – 31 Mar 2024"));
}
