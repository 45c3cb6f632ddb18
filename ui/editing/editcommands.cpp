#include "editcommands.h"

#include "eventstore.h"
#include "viewstate.h"

#include <QUndoStack>

namespace fa {
namespace {

Error noStore()
{
    return Error::make(Error::Kind::NotFound, QStringLiteral("No database is open."));
}

QString shortTitle(const Event& e)
{
    const QString t = e.title.simplified();
    return t.size() > 40 ? t.left(39) + QChar(0x2026) : t;
}

} // namespace

EventCommand::EventCommand(ViewState* state, QUndoCommand* parent)
    : QUndoCommand(parent), m_state(state)
{
}

Status EventCommand::put(const Event& e, bool add)
{
    EventStore* store = m_state->store();
    if (!store)
        return noStore();
    if (add) {
        auto r = store->add(e);
        if (!r)
            return r.error();
        return {};
    }
    return store->update(e);
}

Status EventCommand::erase(const QUuid& id)
{
    EventStore* store = m_state->store();
    if (!store)
        return noStore();
    Status s = store->remove(id);
    if (!s)
        return s;
    if (m_state->selectedEvent() == id)
        m_state->setSelectedEvent({});
    return {};
}

void EventCommand::finish(Status s)
{
    if (!s) {
        qWarning("Frontier Atlas: %s", qPrintable(s.error().message));
        setObsolete(true);
    }
    if (m_report)
        *m_report = s;
    m_status = std::move(s);
}

AddEventCommand::AddEventCommand(ViewState* state, Event e)
    : EventCommand(state), m_event(std::move(e))
{
    if (m_event.id.isNull())
        m_event.id = newEventId();
    setText(QObject::tr("add “%1”").arg(shortTitle(m_event)));
}

void AddEventCommand::redo()
{
    Status s = put(m_event, true);
    if (s)
        m_state->setSelectedEvent(m_event.id);
    finish(std::move(s));
}

void AddEventCommand::undo()
{
    finish(erase(m_event.id));
}

EditEventCommand::EditEventCommand(ViewState* state, Event before, Event after)
    : EventCommand(state), m_before(std::move(before)), m_after(std::move(after))
{
    m_after.id = m_before.id;
    setText(QObject::tr("edit “%1”").arg(shortTitle(m_after)));
}

void EditEventCommand::redo()
{
    finish(put(m_after, false));
}
void EditEventCommand::undo()
{
    finish(put(m_before, false));
}

DeleteEventCommand::DeleteEventCommand(ViewState* state, Event e)
    : EventCommand(state), m_event(std::move(e))
{
    setText(QObject::tr("delete “%1”").arg(shortTitle(m_event)));
}

void DeleteEventCommand::redo()
{
    finish(erase(m_event.id));
}

void DeleteEventCommand::undo()
{
    Status s = put(m_event, true);
    if (s)
        m_state->setSelectedEvent(m_event.id);
    finish(std::move(s));
}

Status pushEventCommand(ViewState* state, std::unique_ptr<EventCommand> cmd)
{
    // redo() runs inside push(), and the stack deletes a command left obsolete by it: the
    // outcome is reported through a pointer that outlives the command.
    Status outcome;
    cmd->m_report = &outcome;
    EventCommand* raw = cmd.get();
    state->undoStack()->push(cmd.release());
    const QUndoStack* stack = state->undoStack();
    if (stack->count() > 0 && stack->command(stack->count() - 1) == raw)
        raw->m_report = nullptr; // still alive: later undo/redo must not write to our local
    return outcome;
}

} // namespace fa
