#pragma once
// Keeps what the window derives from the store — the in-memory EventIndex and the dataset's
// time extent on the navigator — in step with the store. The store's own signals are the one
// source of change: an added or edited event is read back with its rowid (what the full-text
// and actor allow-lists answer in) and upserted, a removed one dropped, and ViewState then tells
// the views which ids changed. A batch commit (or an import through another connection, see
// DatabaseController::reload) rebuilds the index in place.
//
// The only writer of TimeNavigator::setExtent: one rule (TimeExtent), computed in full when a
// database is attached or rebuilt and kept up to date edit by edit.

#include "result.h"
#include "timeextent.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUuid>

#include <optional>

namespace fa {

class EventIndex;
class EventStore;
class ViewState;

class IndexUpdater : public QObject {
    Q_OBJECT
public:
    explicit IndexUpdater(ViewState* state, QObject* parent = nullptr);

    /// Follows this store's changes into this index (nullptrs: nothing) and sets the
    /// navigator's extent from the index; an empty one gets a year up to now, so that the
    /// timeline is not degenerate. The window is left alone. A null store with an index only
    /// sets the extent.
    void attach(EventStore* store, EventIndex* index);
    /// Rebuilds the index from the store in place (its address is what the views hold), then
    /// the extent, and tells the views through ViewState::notifyEventsReloaded(). The window,
    /// the selection and the undo history stay. On failure the old index stays.
    Status rebuild();

    const TimeExtent& extent() const { return m_extent; }

private:
    void putEvent(const QUuid& id); ///< added or updated
    void dropEvent(const QUuid& id);
    std::optional<TimeExtent::Span> coverageOf(const QUuid& id) const;
    void publishExtent(bool emptyFallback);

    ViewState* m_state;
    QPointer<EventStore> m_store;
    EventIndex* m_index = nullptr;
    TimeExtent m_extent;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace fa
