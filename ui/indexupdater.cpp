#include "indexupdater.h"

#include "eventindex.h"
#include "eventstore.h"
#include "indexsourcerow.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QDateTime>

namespace fa {

IndexUpdater::IndexUpdater(ViewState* state, QObject* parent) : QObject(parent), m_state(state) {}

void IndexUpdater::attach(EventStore* store, EventIndex* index)
{
    for (const QMetaObject::Connection& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_store = store;
    m_index = index;
    m_extent = index ? TimeExtent::of(*index) : TimeExtent();
    if (!index)
        return;
    publishExtent(true);
    if (!store)
        return; // an index without a store (tests, benchmarks): nothing will change it
    m_connections << connect(store, &EventStore::eventAdded, this, &IndexUpdater::putEvent)
                  << connect(store, &EventStore::eventUpdated, this, &IndexUpdater::putEvent)
                  << connect(store, &EventStore::eventRemoved, this, &IndexUpdater::dropEvent)
                  << connect(store, &EventStore::reset, this, [this] {
                         if (Status s = rebuild(); !s)
                             qWarning("Frontier Atlas: %s", qPrintable(s.error().message));
                     });
}

Status IndexUpdater::rebuild()
{
    if (!m_store || !m_index)
        return Error::make(Error::Kind::NotFound, tr("No database is open."));
    auto built = EventIndex::build(*m_store);
    if (!built)
        return built.error();
    *m_index = std::move(built.value());
    m_extent = TimeExtent::of(*m_index);
    publishExtent(false);
    m_state->notifyEventsReloaded();
    return {};
}

std::optional<TimeExtent::Span> IndexUpdater::coverageOf(const QUuid& id) const
{
    const auto row = m_index->rowOf(id);
    return row ? std::optional(m_index->coverage(*row)) : std::nullopt;
}

void IndexUpdater::putEvent(const QUuid& id)
{
    if (!m_store || !m_index)
        return;
    auto stored = m_store->get(id);
    auto rowid = m_store->rowidOf(id);
    if (!stored || !rowid) {
        // The store just wrote it: only a failing connection gets here. The next rebuild (a
        // reload, another database) puts the index right.
        qWarning("Frontier Atlas: the index could not be updated for event %s: %s",
                 qPrintable(id.toString(QUuid::WithoutBraces)),
                 qPrintable((stored ? rowid.error() : stored.error()).message));
        return;
    }
    const QList<QUuid> ids{id};
    m_state->notifyEventsAboutToChange(ids);
    const auto before = coverageOf(id);
    m_index->upsert(toIndexRow(stored.value(), rowid.value()));
    m_extent.update(*m_index, before, coverageOf(id));
    publishExtent(false);
    m_state->notifyEventsChanged(ids);
}

void IndexUpdater::dropEvent(const QUuid& id)
{
    if (!m_index)
        return;
    const auto before = coverageOf(id);
    if (!before)
        return; // never indexed: nothing any view shows changes
    const QList<QUuid> ids{id};
    m_state->notifyEventsAboutToChange(ids);
    m_index->remove(id);
    m_extent.update(*m_index, before, std::nullopt);
    publishExtent(false);
    m_state->notifyEventsChanged(ids);
}

void IndexUpdater::publishExtent(bool emptyFallback)
{
    TimeNavigator* nav = m_state->navigator();
    if (!m_extent.isEmpty()) {
        nav->setExtent(m_extent.from(), m_extent.to());
    } else if (emptyFallback) {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        nav->setExtent(now - 365 * 86400, now);
    }
}

} // namespace fa
