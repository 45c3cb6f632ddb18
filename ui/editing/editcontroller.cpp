#include "editcontroller.h"

#include "editcommands.h"
#include "eventeditor.h"
#include "eventstore.h"
#include "viewstate.h"

#include <QTimeZone>

namespace fa {

EditController::EditController(ViewState* state, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_state(state), m_dialogParent(dialogParent)
{
    // A new database makes an open editor's event meaningless.
    connect(state, &ViewState::dataReset, this, [this] {
        if (m_editor)
            m_editor->close();
    });
}

EventEditor* EditController::openEditor()
{
    // One editor at a time: a second request reuses (and refills) the open one.
    if (!m_editor) {
        m_editor = new EventEditor(m_state, m_dialogParent);
        m_editor->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_editor, &EventEditor::pickLocationRequested, this,
                &EditController::pickLocationRequested);
    }
    m_editor->show();
    m_editor->raise();
    m_editor->activateWindow();
    emit editorOpened(m_editor);
    return m_editor;
}

EventEditor* EditController::addEvent()
{
    EventEditor* ed = openEditor();
    Event blank;
    blank.start = QDateTime(QDate::currentDate(), QTime(0, 0), QTimeZone::UTC);
    ed->setEvent(blank);
    return ed;
}

EventEditor* EditController::addEventAt(double lat, double lon)
{
    EventEditor* ed = addEvent();
    ed->setPickedLocation(lat, lon);
    return ed;
}

EventEditor* EditController::editEvent(const QUuid& id)
{
    if (!m_state->store())
        return nullptr;
    auto e = m_state->store()->get(id);
    if (!e) {
        emit errorOccurred(e.error().message);
        return nullptr;
    }
    EventEditor* ed = openEditor();
    ed->setEvent(e.value());
    return ed;
}

Status EditController::deleteEvent(const QUuid& id)
{
    if (!m_state->store())
        return Error::make(Error::Kind::NotFound, tr("No database is open."));
    auto e = m_state->store()->get(id);
    if (!e) {
        emit errorOccurred(e.error().message);
        return e.error();
    }
    Status s = pushEventCommand(m_state, std::make_unique<DeleteEventCommand>(m_state, e.value()));
    if (!s)
        emit errorOccurred(s.error().message);
    return s;
}

void EditController::setPickedLocation(double lat, double lon)
{
    if (m_editor)
        m_editor->setPickedLocation(lat, lon);
}

} // namespace fa
