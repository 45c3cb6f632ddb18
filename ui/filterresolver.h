#pragma once
// Turns what the user narrowed the view to (the filter panel's EventFilter plus the navigator's
// time window) into the index's IndexQuery. Conditions the index cannot answer from its columns
// (full text, actors, countries) are resolved through the store into one sorted allow-list of
// rowids, owned by the result. Those lists depend only on the filter, not on the time window,
// so they are cached: brushing the window costs no SQL at all. There is one resolver, owned by
// ViewState beside the filter (ViewState::resolver()), so that every view shares its cache.

#include "eventfilter.h"
#include "eventindex.h"

#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace fa {

class EventStore;
class ViewState;

/// An IndexQuery together with the allow-list it points at. Copies share the list, so
/// query.allowRowids stays valid for as long as any copy lives.
struct ResolvedQuery {
    IndexQuery query;
    std::shared_ptr<const std::vector<qint64>> allow; ///< what query.allowRowids points at
    QString error; ///< e.g. a malformed full-text query; the query then matches nothing
    bool ok() const { return error.isEmpty(); }
};

class FilterResolver {
public:
    FilterResolver(const FilterResolver&) = delete;
    FilterResolver& operator=(const FilterResolver&) = delete;

    /// The state's filter within the navigator's effective window (effectiveFrom..windowTo).
    ResolvedQuery current() const;
    /// Any filter within [fromSecs, toSecs), using the cache of the state's store and index.
    ResolvedQuery resolve(const EventFilter& filter, qint64 fromSecs, qint64 toSecs) const;

    /// Stateless form for callers without a ViewState (tests, benchmarks, exports).
    static ResolvedQuery resolve(const EventStore* store, const EventIndex* index,
                                 const EventFilter& filter, qint64 fromSecs, qint64 toSecs);

    /// Drops the cached allow-list (ViewState does, when the data or any event changes).
    void invalidate();
    /// How many allow-lists this resolver has asked of the store so far.
    int storeQueries() const { return m_storeQueries; }

private:
    struct AllowKey {
        QString text;
        QSet<QString> actors;
        QSet<QString> countries;
        bool operator==(const AllowKey&) const = default;
    };
    /// The allow-list for the filter's text/actors/countries; nullptr = no restriction.
    static std::shared_ptr<const std::vector<qint64>> computeAllow(const EventStore* store,
                                                                   const EventIndex* index,
                                                                   const EventFilter& filter,
                                                                   QString* error);
    static ResolvedQuery build(const EventIndex* index, const EventFilter& filter, qint64 fromSecs,
                               qint64 toSecs, std::shared_ptr<const std::vector<qint64>> allow,
                               QString error);

    friend class ViewState; // the one owner
    explicit FilterResolver(ViewState* state);

    ViewState* m_state;
    mutable int m_storeQueries = 0;
    mutable bool m_cacheValid = false;
    mutable AllowKey m_cacheKey;
    mutable std::shared_ptr<const std::vector<qint64>> m_cacheAllow;
    mutable QString m_cacheError;
};

} // namespace fa
