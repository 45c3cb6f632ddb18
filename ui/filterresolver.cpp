#include "filterresolver.h"

#include "eventstore.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace fa {

namespace {

std::vector<qint64> sortedUnique(std::vector<qint64> v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

/// Intersects into acc; the first list just becomes acc.
void intersectInto(std::optional<std::vector<qint64>>& acc, std::vector<qint64> next)
{
    next = sortedUnique(std::move(next));
    if (!acc) {
        acc = std::move(next);
        return;
    }
    std::vector<qint64> out;
    out.reserve(std::min(acc->size(), next.size()));
    std::set_intersection(acc->begin(), acc->end(), next.begin(), next.end(),
                          std::back_inserter(out));
    acc = std::move(out);
}

qint64 secsOf(const QDateTime& t)
{
    return t.toSecsSinceEpoch();
}

} // namespace

FilterResolver::FilterResolver(ViewState* state) : m_state(state) {}

void FilterResolver::invalidate()
{
    m_cacheValid = false;
    m_cacheAllow.reset();
    m_cacheError.clear();
}

ResolvedQuery FilterResolver::current() const
{
    const TimeNavigator* nav = m_state->navigator();
    return resolve(m_state->filter(), nav->effectiveFrom(), nav->windowTo());
}

ResolvedQuery FilterResolver::resolve(const EventFilter& filter, qint64 fromSecs,
                                      qint64 toSecs) const
{
    const AllowKey key{filter.text.trimmed(), filter.actors, filter.countries};
    if (!m_cacheValid || !(key == m_cacheKey)) {
        m_cacheError.clear();
        m_cacheAllow = computeAllow(m_state->store(), m_state->index(), filter, &m_cacheError);
        if (m_cacheAllow && m_state->store())
            ++m_storeQueries;
        m_cacheKey = key;
        m_cacheValid = true;
    }
    return build(m_state->index(), filter, fromSecs, toSecs, m_cacheAllow, m_cacheError);
}

ResolvedQuery FilterResolver::resolve(const EventStore* store, const EventIndex* index,
                                      const EventFilter& filter, qint64 fromSecs, qint64 toSecs)
{
    QString error;
    auto allow = computeAllow(store, index, filter, &error);
    return build(index, filter, fromSecs, toSecs, std::move(allow), error);
}

std::shared_ptr<const std::vector<qint64>> FilterResolver::computeAllow(const EventStore* store,
                                                                        const EventIndex* index,
                                                                        const EventFilter& filter,
                                                                        QString* error)
{
    const QString text = filter.text.trimmed();
    if (text.isEmpty() && filter.actors.isEmpty() && filter.countries.isEmpty())
        return nullptr;
    if (!store)
        return std::make_shared<const std::vector<qint64>>();

    std::optional<std::vector<qint64>> acc;
    if (!text.isEmpty()) {
        auto r = store->fullTextRowids(text);
        if (!r) {
            *error = r.error().message;
            return std::make_shared<const std::vector<qint64>>();
        }
        intersectInto(acc, std::move(r.value()));
    }
    if (!filter.actors.isEmpty()) {
        auto r = store->rowidsWithActors(QStringList(filter.actors.begin(), filter.actors.end()));
        if (!r) {
            *error = r.error().message;
            return std::make_shared<const std::vector<qint64>>();
        }
        intersectInto(acc, std::move(r.value()));
    }
    if (!filter.countries.isEmpty()) {
        // The store answers countries with ids; the index maps them to rowids.
        EventFilter byCountry;
        byCountry.countries = filter.countries;
        auto r = store->queryIds(byCountry);
        if (!r) {
            *error = r.error().message;
            return std::make_shared<const std::vector<qint64>>();
        }
        std::vector<qint64> rowids;
        rowids.reserve(r->size());
        if (index) {
            for (const QUuid& id : *r) {
                if (auto row = index->rowOf(id))
                    rowids.push_back(index->rowidAt(*row));
            }
        }
        intersectInto(acc, std::move(rowids));
    }
    return std::make_shared<const std::vector<qint64>>(std::move(*acc));
}

ResolvedQuery FilterResolver::build(const EventIndex* index, const EventFilter& filter,
                                    qint64 fromSecs, qint64 toSecs,
                                    std::shared_ptr<const std::vector<qint64>> allow, QString error)
{
    ResolvedQuery r;
    IndexQuery& q = r.query;
    // The filter's own dates (if any) narrow the navigator's window further.
    q.fromSecs = fromSecs;
    q.toSecs = toSecs;
    if (filter.from)
        q.fromSecs = std::max(q.fromSecs, secsOf(*filter.from));
    if (filter.to)
        q.toSecs = std::min(q.toSecs, secsOf(*filter.to));
    if (q.toSecs <= q.fromSecs)
        q.toSecs = q.fromSecs; // empty window: nothing matches, but the query stays valid
    if (filter.box)
        q.box = *filter.box;
    if (!filter.families.isEmpty()) {
        q.familyMask = 0;
        for (Family f : filter.families)
            q.familyMask |= std::uint8_t(1u << int(f));
    }
    if (!filter.eventTypes.isEmpty()) {
        // Every known type not listed is hidden; an unknown listed type simply matches nothing.
        const int n = index ? index->typeCount() : 0;
        q.typeMask.assign(std::size_t(std::max(n, 1)), false);
        for (const QString& t : filter.eventTypes) {
            const int code = index ? index->typeCode(t) : -1;
            if (code >= 0 && std::size_t(code) < q.typeMask.size())
                q.typeMask[std::size_t(code)] = true;
        }
        if (n == 0)
            q.familyMask = 0; // no types known at all: nothing can match
    }
    q.minCasualties = filter.minCasualties;
    if (!error.isEmpty() && !allow)
        allow = std::make_shared<const std::vector<qint64>>();
    r.allow = std::move(allow);
    q.allowRowids = r.allow.get();
    r.error = std::move(error);
    return r;
}

} // namespace fa
