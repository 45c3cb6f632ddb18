#pragma once
// Every user edit is an undo command on ViewState::undoStack(). Each command holds the full
// Event values it needs to go both ways (the event as added, before/after an edit, the event as
// deleted) and writes them to the store at once; nothing else. The store's signals reach the
// index and the views through the IndexUpdater. The stack owns the commands.

#include "event.h"
#include "result.h"

#include <QUndoCommand>

#include <memory>

namespace fa {

class ViewState;

class EventCommand;
Status pushEventCommand(ViewState* state, std::unique_ptr<EventCommand> cmd);

class EventCommand : public QUndoCommand {
public:
    /// The store's answer to the last redo()/undo(); a failed first redo() drops the command.
    const Status& status() const { return m_status; }

protected:
    explicit EventCommand(ViewState* state, QUndoCommand* parent = nullptr);
    /// Writes e (adding it when absent).
    Status put(const Event& e, bool add);
    Status erase(const QUuid& id);
    /// Records the outcome; a failure makes the command obsolete so the stack discards it.
    void finish(Status s);

    ViewState* m_state;
    Status m_status;

private:
    friend Status pushEventCommand(ViewState*, std::unique_ptr<EventCommand>);
    Status* m_report = nullptr; ///< set only while pushEventCommand runs the first redo()
};

class AddEventCommand : public EventCommand {
public:
    AddEventCommand(ViewState* state, Event e);
    void redo() override;
    void undo() override;
    QUuid eventId() const { return m_event.id; }

private:
    Event m_event; ///< id filled in by the first redo(), so that redo re-adds the same event
};

class EditEventCommand : public EventCommand {
public:
    EditEventCommand(ViewState* state, Event before, Event after);
    void redo() override;
    void undo() override;

private:
    Event m_before, m_after;
};

class DeleteEventCommand : public EventCommand {
public:
    DeleteEventCommand(ViewState* state, Event e);
    void redo() override;
    void undo() override;

private:
    Event m_event;
};

/// Pushes cmd onto state's undo stack (which runs it). Returns the store's error when it failed;
/// the stack then holds nothing new.
Status pushEventCommand(ViewState* state, std::unique_ptr<EventCommand> cmd);

} // namespace fa
