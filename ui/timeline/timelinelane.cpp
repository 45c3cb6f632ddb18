#include "timelinelane.h"

#include "countries.h"
#include "eventstore.h"
#include "symbology.h"

#include <QLocale>
#include <QObject>

#include <algorithm>
#include <iterator>
#include <limits>

namespace fa {

namespace {

std::vector<qint64> intersectSorted(const std::vector<qint64>& a, const std::vector<qint64>& b)
{
    std::vector<qint64> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

} // namespace

CountryRowids countryRowids(const EventIndex& index, const EventStore& store)
{
    CountryRowids out;
    auto countries = store.distinctCountries();
    if (!countries)
        return out;
    for (const QString& code : countries.value()) {
        EventFilter f;
        f.countries = {code};
        auto ids = store.queryIds(f);
        if (!ids)
            continue;
        std::vector<qint64> rowids;
        rowids.reserve(ids->size());
        for (const QUuid& id : *ids) {
            if (auto row = index.rowOf(id))
                rowids.push_back(index.rowidAt(*row));
        }
        std::sort(rowids.begin(), rowids.end());
        out.emplace_back(code, std::move(rowids));
    }
    return out;
}

std::vector<TimelineLane> makeTimelineLanes(TimelineLaneMode mode, const EventIndex& index,
                                            const EventStore* store, const IndexQuery& base,
                                            int maxLanes, const CountryRowids* countries)
{
    maxLanes = std::max(2, maxLanes);
    std::vector<TimelineLane> lanes;
    IndexQuery all = base;
    all.fromSecs = std::numeric_limits<qint64>::min();
    all.toSecs = std::numeric_limits<qint64>::max();

    switch (mode) {
    case TimelineLaneMode::Family: {
        for (int f = 0; f < kFamilyCount; ++f) {
            TimelineLane lane;
            lane.label = Symbology::familyLanePlural(Family(f));
            lane.query = base;
            lane.query.familyMask = std::uint8_t(base.familyMask & (1u << f));
            lanes.push_back(std::move(lane));
        }
        return lanes;
    }
    case TimelineLaneMode::EventType: {
        const int n = index.typeCount();
        struct Candidate {
            int code;
            std::size_t count;
        };
        std::vector<Candidate> candidates;
        for (int code = 0; code < n; ++code) {
            if (!base.typeMask.empty() && code < int(base.typeMask.size()) &&
                !base.typeMask[std::size_t(code)])
                continue; // filtered out by the user
            IndexQuery q = all;
            q.typeMask.assign(std::size_t(n), false);
            q.typeMask[std::size_t(code)] = true;
            candidates.push_back({code, index.count(q)});
        }
        // Keep the busiest types; the rest share one lane.
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate& a, const Candidate& b) { return a.count > b.count; });
        std::vector<Candidate> kept = candidates;
        std::vector<Candidate> rest;
        if (int(candidates.size()) > maxLanes) {
            kept.assign(candidates.begin(), candidates.begin() + (maxLanes - 1));
            rest.assign(candidates.begin() + (maxLanes - 1), candidates.end());
        }
        // Shown alphabetically so that a filter change does not reshuffle the lanes.
        std::sort(kept.begin(), kept.end(), [&](const Candidate& a, const Candidate& b) {
            return index.typeName(a.code).compare(index.typeName(b.code), Qt::CaseInsensitive) < 0;
        });
        for (const Candidate& c : kept) {
            TimelineLane lane;
            lane.label = index.typeName(c.code);
            if (lane.label.isEmpty())
                lane.label = QObject::tr("(no type)");
            lane.query = base;
            lane.query.typeMask.assign(std::size_t(n), false);
            lane.query.typeMask[std::size_t(c.code)] = true;
            lane.typeCodes = {c.code};
            lanes.push_back(std::move(lane));
        }
        if (!rest.empty()) {
            TimelineLane lane;
            lane.label = QObject::tr("Other types");
            lane.query = base;
            lane.query.typeMask.assign(std::size_t(n), false);
            for (const Candidate& c : rest) {
                lane.query.typeMask[std::size_t(c.code)] = true;
                lane.typeCodes.push_back(c.code);
            }
            lanes.push_back(std::move(lane));
        }
        return lanes;
    }
    case TimelineLaneMode::Country: {
        CountryRowids computed;
        if (!countries && store) {
            computed = countryRowids(index, *store);
            countries = &computed;
        }
        if (!countries || countries->empty()) {
            // Without the store nobody knows the countries: one lane with everything.
            TimelineLane lane;
            lane.label = QObject::tr("All countries");
            lane.query = base;
            lanes.push_back(std::move(lane));
            return lanes;
        }
        struct Candidate {
            QString code;
            std::vector<qint64> rowids;
        };
        std::vector<Candidate> candidates;
        for (const auto& [code, rowids] : *countries) {
            candidates.push_back(
                {code, base.allowRowids ? intersectSorted(rowids, *base.allowRowids) : rowids});
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate& a, const Candidate& b) {
                             return a.rowids.size() > b.rowids.size();
                         });
        std::vector<qint64> restRowids;
        QStringList restCodes;
        if (int(candidates.size()) > maxLanes) {
            for (auto it = candidates.begin() + (maxLanes - 1); it != candidates.end(); ++it) {
                restRowids.insert(restRowids.end(), it->rowids.begin(), it->rowids.end());
                restCodes << it->code;
            }
            candidates.resize(std::size_t(maxLanes - 1));
            std::sort(restRowids.begin(), restRowids.end());
        }
        for (Candidate& c : candidates) {
            TimelineLane lane;
            lane.label = countryNameWithCode(c.code);
            lane.query = base;
            lane.allow = std::make_shared<const std::vector<qint64>>(std::move(c.rowids));
            lane.query.allowRowids = lane.allow.get();
            lanes.push_back(std::move(lane));
        }
        if (!restCodes.isEmpty()) {
            TimelineLane lane;
            lane.label = QObject::tr("Other (%1)").arg(restCodes.join(QLatin1String(", ")));
            lane.query = base;
            lane.allow = std::make_shared<const std::vector<qint64>>(std::move(restRowids));
            lane.query.allowRowids = lane.allow.get();
            lanes.push_back(std::move(lane));
        }
        return lanes;
    }
    }
    return lanes;
}

} // namespace fa
