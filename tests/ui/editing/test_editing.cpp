#include "editcommands.h"
#include "editcontroller.h"
#include "eventeditor.h"
#include "panelfixture.h"

#include <QComboBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

using namespace fa;
using fa::test::makeEvent;

namespace {

/// The fields a user edits (the store sets created/updated).
void expectSameContent(const Event& a, const Event& b)
{
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.summary, b.summary);
    EXPECT_EQ(a.family, b.family);
    EXPECT_EQ(a.eventType, b.eventType);
    EXPECT_EQ(a.start, b.start);
    EXPECT_EQ(a.killed, b.killed);
    EXPECT_EQ(a.injured, b.injured);
    EXPECT_DOUBLE_EQ(a.latitude, b.latitude);
    EXPECT_DOUBLE_EQ(a.longitude, b.longitude);
    EXPECT_EQ(a.actors, b.actors);
    EXPECT_EQ(a.sources, b.sources);
    EXPECT_EQ(a.country, b.country);
}

} // namespace

TEST(Editing, AddUndoRedoRoundTripsThroughTheDatabaseAndTheIndex)
{
    test::PanelFixture fx;
    fx.add(makeEvent(QStringLiteral("Existing"), QDate(2022, 1, 1)));
    fx.open();
    QSignalSpy changed(&fx.state, &ViewState::eventsChanged);
    Event e = makeEvent(QStringLiteral("New clash"), QDate(2025, 3, 1));
    e.summary = QStringLiteral("unique-word-zebra");
    auto cmd = std::make_unique<AddEventCommand>(&fx.state, e);
    const QUuid id = cmd->eventId();
    ASSERT_TRUE(pushEventCommand(&fx.state, std::move(cmd)).ok());
    ASSERT_TRUE(fx.store->get(id).ok());
    EXPECT_EQ(fx.index.size(), 2u);
    EXPECT_TRUE(fx.index.rowOf(id).has_value());
    EXPECT_EQ(fx.state.selectedEvent(), id);
    EXPECT_EQ(changed.size(), 1);
    // The index row carries the store's rowid: full-text allow-lists find the new event.
    auto fts = fx.store->fullTextRowids(QStringLiteral("zebra"));
    ASSERT_TRUE(fts.ok());
    ASSERT_EQ(fts->size(), 1u);
    EXPECT_EQ(fx.index.rowidAt(*fx.index.rowOf(id)), fts->front());

    fx.state.undoStack()->undo();
    EXPECT_EQ(fx.store->get(id).error().kind, Error::Kind::NotFound);
    EXPECT_FALSE(fx.index.rowOf(id).has_value());
    EXPECT_TRUE(fx.state.selectedEvent().isNull());
    EXPECT_EQ(*fx.store->count(), 1);

    fx.state.undoStack()->redo();
    auto back = fx.store->get(id);
    ASSERT_TRUE(back.ok());
    expectSameContent(back.value(), e);
    EXPECT_TRUE(fx.index.rowOf(id).has_value());
    EXPECT_EQ(changed.size(), 3);
}

TEST(Editing, EditAndDeleteUndoRestoreTheOldValues)
{
    test::PanelFixture fx;
    Event original = makeEvent(QStringLiteral("Before"), QDate(2022, 1, 1));
    original.killed = 2;
    const QUuid id = fx.add(original);
    fx.open();
    const Event stored = fx.store->get(id).value();
    Event after = stored;
    after.title = QStringLiteral("After");
    after.killed.reset();
    after.start = QDateTime(QDate(2024, 6, 1), QTime(0, 0), QTimeZone::UTC);
    ASSERT_TRUE(
        pushEventCommand(&fx.state, std::make_unique<EditEventCommand>(&fx.state, stored, after))
            .ok());
    expectSameContent(fx.store->get(id).value(), after);
    EXPECT_EQ(fx.index.startAt(*fx.index.rowOf(id)), after.start.toSecsSinceEpoch());
    fx.state.undoStack()->undo();
    expectSameContent(fx.store->get(id).value(), stored);
    EXPECT_EQ(fx.index.startAt(*fx.index.rowOf(id)), stored.start.toSecsSinceEpoch());
    fx.state.undoStack()->redo();
    EXPECT_EQ(fx.store->get(id)->title, QStringLiteral("After"));

    // Delete through the controller, then undo brings the very same event back.
    EditController controller(&fx.state, nullptr);
    fx.state.setSelectedEvent(id);
    ASSERT_TRUE(controller.deleteEvent(id).ok());
    EXPECT_FALSE(fx.store->get(id).ok());
    EXPECT_FALSE(fx.index.rowOf(id).has_value());
    EXPECT_TRUE(fx.state.selectedEvent().isNull());
    fx.state.undoStack()->undo();
    ASSERT_TRUE(fx.store->get(id).ok());
    expectSameContent(fx.store->get(id).value(), after);
    EXPECT_TRUE(fx.index.rowOf(id).has_value());
    EXPECT_EQ(fx.state.undoStack()->count(), 2);
}

TEST(Editing, ValidationErrorsAreShownNextToTheirField)
{
    test::PanelFixture fx;
    fx.open();
    EventEditor editor(&fx.state);
    editor.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&editor));
    Event e = makeEvent(QStringLiteral("Typed"), QDate(2025, 2, 2));
    e.id = QUuid();
    editor.setEvent(e);

    auto* lat = qobject_cast<QLineEdit*>(editor.fieldWidget(QStringLiteral("latitude")));
    ASSERT_NE(lat, nullptr);
    lat->setText(QStringLiteral("91"));
    EXPECT_FALSE(editor.save().ok());
    EXPECT_TRUE(editor.errorText(QStringLiteral("latitude")).contains(QStringLiteral("-90..90")))
        << editor.errorText(QStringLiteral("latitude")).toStdString();
    EXPECT_TRUE(editor.errorText(QStringLiteral("title")).isEmpty());
    EXPECT_EQ(*fx.store->count(), 0);

    lat->setText(QStringLiteral("north"));
    EXPECT_FALSE(editor.save().ok());
    EXPECT_TRUE(editor.errorText(QStringLiteral("latitude")).contains(QStringLiteral("number")));

    lat->setText(QStringLiteral("37.5"));
    qobject_cast<QLineEdit*>(editor.fieldWidget(QStringLiteral("title")))->clear();
    qobject_cast<QLineEdit*>(editor.fieldWidget(QStringLiteral("country")))
        ->setText(QStringLiteral("Tajikistan"));
    EXPECT_FALSE(editor.save().ok());
    EXPECT_FALSE(editor.errorText(QStringLiteral("title")).isEmpty());
    // "Next to the field": the message is a visible label in the same cell, right below it.
    auto* titleError = editor.findChild<QLabel*>(QStringLiteral("error_title"));
    QWidget* title = editor.fieldWidget(QStringLiteral("title"));
    ASSERT_NE(titleError, nullptr);
    title->parentWidget()->layout()->activate();
    EXPECT_TRUE(titleError->isVisibleTo(&editor));
    EXPECT_EQ(titleError->parentWidget(), title->parentWidget());
    EXPECT_GE(titleError->geometry().top(), title->geometry().bottom());
    EXPECT_FALSE(editor.findChild<QLabel*>(QStringLiteral("error_country"))->isVisibleTo(&editor));
    EXPECT_TRUE(editor.errorText(QStringLiteral("latitude")).isEmpty()); // cleared on retry

    qobject_cast<QLineEdit*>(editor.fieldWidget(QStringLiteral("title")))
        ->setText(QStringLiteral("Typed"));
    EXPECT_FALSE(editor.save().ok());
    EXPECT_TRUE(editor.errorText(QStringLiteral("country")).contains(QStringLiteral("two-letter")));

    qobject_cast<QLineEdit*>(editor.fieldWidget(QStringLiteral("country")))
        ->setText(QStringLiteral("tj"));
    // A location picked on the map fills the coordinates.
    QSignalSpy pick(&editor, &EventEditor::pickLocationRequested);
    editor.setPickedLocation(37.123456, 69.654321);
    QSignalSpy saved(&editor, &EventEditor::saved);
    ASSERT_TRUE(editor.save().ok());
    ASSERT_EQ(saved.size(), 1);
    const Event stored = fx.store->get(saved[0][0].toUuid()).value();
    EXPECT_EQ(stored.title, QStringLiteral("Typed"));
    EXPECT_EQ(stored.country, QStringLiteral("TJ"));
    EXPECT_NEAR(stored.latitude, 37.123456, 1e-9);
    EXPECT_NEAR(stored.longitude, 69.654321, 1e-9);
    EXPECT_EQ(stored.sources, e.sources);
    EXPECT_EQ(fx.state.undoStack()->count(), 1);
    EXPECT_EQ(EventEditor::fieldKey(QStringLiteral("sources[2].url")), QStringLiteral("sources"));
}

TEST(Editing, UnknownCasualtiesStayUnknownThroughTheEditor)
{
    test::PanelFixture fx;
    Event e = makeEvent(QStringLiteral("Counts"), QDate(2025, 2, 2));
    e.killed = 0;
    const QUuid id = fx.add(e);
    fx.open();
    EventEditor editor(&fx.state);
    editor.setEvent(fx.store->get(id).value());
    EXPECT_EQ(qobject_cast<QSpinBox*>(editor.fieldWidget(QStringLiteral("killed")))->value(), 0);
    EXPECT_EQ(qobject_cast<QSpinBox*>(editor.fieldWidget(QStringLiteral("injured")))->text(),
              QStringLiteral("unknown"));
    const Event form = editor.formEvent();
    EXPECT_EQ(form.killed, std::optional<int>(0));
    EXPECT_FALSE(form.injured.has_value());
}
