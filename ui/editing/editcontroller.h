#pragma once
// Opens the event editor for "add" and "edit", deletes events, and relays map picks to the
// open editor. The window connects the panels' editRequested/deleteRequested signals and the
// map's click to this one object.

#include "result.h"

#include <QObject>
#include <QPointer>
#include <QUuid>

class QWidget;

namespace fa {

class EventEditor;
class ViewState;

class EditController : public QObject {
    Q_OBJECT
public:
    /// dialogParent: the window the editor dialogs belong to.
    EditController(ViewState* state, QWidget* dialogParent, QObject* parent = nullptr);

    EventEditor* currentEditor() const { return m_editor; }

public slots:
    EventEditor* addEvent();                         ///< an empty editor
    EventEditor* addEventAt(double lat, double lon); ///< an editor with this location
    EventEditor* editEvent(const QUuid& id);         ///< nullptr if the event is gone
    /// Deletes through an undo command (no confirmation: Undo brings it back).
    Status deleteEvent(const QUuid& id);
    /// The map's answer to pickLocationRequested(): goes to the editor that asked.
    void setPickedLocation(double lat, double lon);

signals:
    /// The editor's "Pick on map": the map should take the next click as a location.
    void pickLocationRequested();
    void editorOpened(fa::EventEditor* editor);
    void errorOccurred(const QString& message);

private:
    EventEditor* openEditor();

    ViewState* m_state;
    QWidget* m_dialogParent;
    QPointer<EventEditor> m_editor;
};

} // namespace fa
