#pragma once
// What matches an IndexQuery apart from time (the time window is IndexColumns::forEachInTime's
// job): private to core/index, inline so that the hot loops of query, count, histogram and
// clustering inline the test.

#include "eventindex.h"
#include "indexcolumns.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace fa {

/// Everything in an IndexQuery except time, prepared once per call. The flags let the hot
/// loops skip the columns a query does not restrict.
class IndexMatcher {
public:
    IndexMatcher(const IndexColumns& c, const IndexQuery& q) : m_c(c)
    {
        m_familyMask = q.familyMask;
        if (!q.typeMask.empty()) {
            m_typeOk.assign(c.typeNames.size(), 1);
            for (std::size_t t = 0; t < m_typeOk.size() && t < q.typeMask.size(); ++t)
                m_typeOk[t] = q.typeMask[t] ? 1 : 0;
            m_useType = std::find(m_typeOk.begin(), m_typeOk.end(), 0) != m_typeOk.end();
        }
        m_useCasualties = q.minCasualties > 0;
        m_useBox =
            !(q.box.west <= -180 && q.box.east >= 180 && q.box.south <= -90 && q.box.north >= 90);
        m_allow = q.allowRowids;
        m_box = q.box;
        m_minCasualties = q.minCasualties;
    }

    /// True when nothing but the family mask restricts the query.
    bool onlyFamilies() const { return !m_useType && !m_useCasualties && !m_useBox && !m_allow; }
    bool familyShown(int f) const { return m_familyMask & (1u << f); }

    /// Whether row r passes. The cheap tests combine with & instead of && so that a random
    /// mix of passing and failing rows costs no branch mispredictions; only the allow-list
    /// lookup (a binary search) is skipped when the row already failed.
    __attribute__((always_inline)) bool operator()(std::size_t r) const
    {
        bool ok = (m_familyMask >> m_c.family[r]) & 1u;
        if (m_useType)
            ok &= m_typeOk[m_c.type[r]] != 0;
        if (m_useCasualties)
            ok &= m_c.casualties[r] >= m_minCasualties;
        if (m_useBox) {
            const double lo = m_c.lon[r], la = m_c.lat[r];
            ok &=
                (lo >= m_box.west) & (lo <= m_box.east) & (la >= m_box.south) & (la <= m_box.north);
        }
        if (m_allow && ok)
            ok = std::binary_search(m_allow->begin(), m_allow->end(), m_c.rowid[r]);
        return ok;
    }

private:
    const IndexColumns& m_c;
    // Copies of the query's values: the hot loops read them without an indirection.
    GeoBox m_box;
    int m_minCasualties = 0;
    std::uint8_t m_familyMask = 0xFF;
    std::vector<std::uint8_t> m_typeOk;
    bool m_useType = false;
    bool m_useCasualties = false;
    bool m_useBox = false;
    const std::vector<qint64>* m_allow = nullptr;
};

} // namespace fa
