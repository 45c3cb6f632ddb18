#pragma once
// The one change-notification hub of the window: what data is open, what filter and selection
// are active, and which events changed. Views listen to its signals instead of calling each
// other; edits go through undo commands on its QUndoStack into the store, and the store's own
// signals reach the views through the IndexUpdater and this hub. Non-owning pointers to the
// core objects, which the composition root (app/gui.cpp) owns; the filter's one resolver lives
// here beside the filter.

#include "displayzone.h"
#include "eventfilter.h"

#include <QList>
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

    /// The zone every view reads times in (details, table, tooltips, editor). Starts as the one
    /// chosen last time (QSettings "details/timeZone"), UTC by default.
    DisplayZone displayZone() const { return m_zone; }
    void setDisplayZone(DisplayZone z); ///< remembers it; emits displayZoneChanged() on a change

    // The IndexUpdater's reports (it alone writes the index): emit the signals below.
    void notifyEventsAboutToChange(const QList<QUuid>& ids);
    void notifyEventsChanged(const QList<QUuid>& ids);
    void notifyEventsReloaded();

    /// Asks the map to show this event / the whole filtered set (emits the request signals).
    void requestZoomToEvent(const QUuid& id);
    void requestZoomToFiltered();

signals:
    void dataReset();
    void filterChanged();
    void selectionChanged(const QUuid& id);
    /// These events are about to change in the index (which still holds their old rows): a
    /// view that keeps index rows notes where they are.
    void eventsAboutToChange(const QList<QUuid>& ids);
    /// These events were added, edited or removed; the index holds their new state.
    void eventsChanged(const QList<QUuid>& ids);
    /// Many events changed at once (an import): the index was rebuilt in place. The window,
    /// selection and undo history stay.
    void eventsReloaded();
    void displayZoneChanged(fa::DisplayZone zone);
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
    DisplayZone m_zone = DisplayZone::Utc;
};

} // namespace fa
