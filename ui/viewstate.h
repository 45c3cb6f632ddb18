#pragma once
// The one change-notification hub of the window: what data is open, what filter and selection
// are active. Views listen to its signals instead of calling each other; edits go through
// undo commands on its QUndoStack into the store. Non-owning pointers to the core objects,
// which the composition root (app/gui.cpp) owns; the filter's one resolver lives here beside
// the filter.

#include "eventfilter.h"

#include <QObject>
#include <QUuid>

#include <memory>

class QUndoStack;

namespace fa {

class EventStore;
class EventIndex;
class FilterResolver;
class TimeNavigator;

class ViewState : public QObject {
    Q_OBJECT
public:
    explicit ViewState(QObject* parent = nullptr);
    ~ViewState() override;

    /// Replaces the open database (nullptrs allowed: no database). Emits dataReset().
    void setData(EventStore* store, EventIndex* index);
    EventStore* store() const { return m_store; }
    EventIndex* index() const { return m_index; }

    TimeNavigator* navigator() const { return m_navigator; }
    QUndoStack* undoStack() const { return m_undo; }

    /// The filter from the filter panel (time window excluded: that lives in the navigator).
    const EventFilter& filter() const { return m_filter; }
    void setFilter(const EventFilter& f); ///< emits filterChanged() on a real change
    /// The filter resolved for the index, shared by every view: what the store has to answer
    /// (full text, actors, countries) is asked once per filter or data change.
    FilterResolver* resolver() const { return m_resolver.get(); }

    QUuid selectedEvent() const { return m_selected; }
    void setSelectedEvent(const QUuid& id); ///< emits selectionChanged() on a real change

    /// Tells every view that events changed (the index was already updated).
    void notifyEventsChanged();

signals:
    void dataReset();
    void filterChanged();
    void selectionChanged(const QUuid& id);
    void eventsChanged();
    /// A view asks the map to show this event / the whole filtered set.
    void zoomToEventRequested(const QUuid& id);
    void zoomToFilteredRequested();

private:
    EventStore* m_store = nullptr;
    EventIndex* m_index = nullptr;
    TimeNavigator* m_navigator = nullptr; // child
    QUndoStack* m_undo = nullptr;         // child
    EventFilter m_filter;
    std::unique_ptr<FilterResolver> m_resolver;
    QUuid m_selected;
};

} // namespace fa
