#include "markermodel.h"

#include "eventindex.h"
#include "eventstore.h"
#include "symbology.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace fa {

namespace {

/// Identity of a marker's content, to keep unchanged markers in their rows (and so their QML
/// delegates) across a refresh.
size_t markerHash(const MarkerModel::Marker& m)
{
    return qHashMulti(0, m.latitude, m.longitude, m.count, m.id, m.selected, m.precisionMetres);
}

/// The largest cell (>= base) for which a viewport of w x h plus one cell of margin on every
/// side touches no more than maxCells grid cells.
double cellFor(double w, double h, double base, int maxCells)
{
    double c = base;
    for (int i = 0; i < 60; ++i) {
        const double cols = std::ceil((w + 2 * c) / c) + 1;
        const double rows = std::ceil((h + 2 * c) / c) + 1;
        if (cols * rows <= maxCells)
            break;
        c *= 1.1;
    }
    return c;
}

} // namespace

MarkerModel::MarkerModel(ViewState* state, QObject* parent)
    : QAbstractListModel(parent), m_state(state)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &MarkerModel::refreshNow);

    connect(state, &ViewState::filterChanged, this, [this] { schedule(Change::Query); });
    connect(state->navigator(), &TimeNavigator::windowChanged, this,
            [this] { schedule(Change::Query); });
    connect(state, &ViewState::dataReset, this, [this] { schedule(Change::Query); });
    // An edit moves index rows and may change any cluster in view: the rows are recomputed
    // (bounded by the viewport), and applyRows() touches only the markers that differ.
    connect(state, &ViewState::eventsChanged, this, [this] { schedule(Change::Query); });
    connect(state, &ViewState::eventsReloaded, this, [this] { schedule(Change::Query); });
    // Selection only changes which marker stands out (and maybe one extra row).
    connect(state, &ViewState::selectionChanged, this, [this] { schedule(Change::Viewport); });
}

int MarkerModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MarkerModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Marker& m = m_rows[std::size_t(index.row())];
    switch (role) {
    case LatitudeRole:
        return m.latitude;
    case LongitudeRole:
        return m.longitude;
    case CountRole:
        return int(m.count);
    case FamilyRole:
        return int(m.family);
    case LookRole:
        return QVariant::fromValue(look(index.row()));
    case StackingRole:
        return stackingOrder(index.row());
    case EventIdRole:
        return m.count == 1 ? m.id.toString(QUuid::WithoutBraces) : QString();
    case SelectedRole:
        return m.selected;
    case PrecisionRole:
        return m.precisionMetres;
    case Qt::DisplayRole:
        return m.count > 1 ? QString::number(m.count) : m.id.toString();
    default:
        return {};
    }
}

QHash<int, QByteArray> MarkerModel::roleNames() const
{
    return {
        {LatitudeRole, "latitude"},
        {LongitudeRole, "longitude"},
        {CountRole, "markerCount"},
        {FamilyRole, "family"},
        {LookRole, "look"},
        {StackingRole, "stackingOrder"},
        {EventIdRole, "eventId"},
        {SelectedRole, "isSelected"},
        {PrecisionRole, "precisionMetres"},
    };
}

MarkerLook MarkerModel::look(int row) const
{
    const Marker& m = m_rows[std::size_t(row)];
    return Symbology::markerLook(m.count, m.casualties, m.family, m.selected);
}

double MarkerModel::stackingOrder(int row) const
{
    const Marker& m = m_rows[std::size_t(row)];
    return Symbology::stackingOrder(Symbology::markerLayer(m.count, m.selected), m.latitude,
                                    m.longitude);
}

int MarkerModel::markerAt(double x, double y) const
{
    int best = -1;
    double bestZ = 0;
    const double reach = MarkerLook::kMaxExtent / 2.0 + MarkerLook::kPointerSlop;
    for (int r = 0; r < rowCount(); ++r) {
        const Marker& m = m_rows[std::size_t(r)];
        const double dx = x - m_view.toX(m.longitude), dy = y - m_view.toY(m.latitude);
        if (std::abs(dx) > reach || std::abs(dy) > reach)
            continue; // cheap rejection before building the look
        const double z = stackingOrder(r);
        if (best >= 0 && z < bestZ)
            continue;
        if (look(r).contains(QPointF(dx, dy))) {
            best = r;
            bestZ = z;
        }
    }
    return best;
}

void MarkerModel::setViewport(const MercatorView& view)
{
    if (m_hasView && view.centerLat == m_view.centerLat && view.centerLon == m_view.centerLon &&
        view.zoom == m_view.zoom && view.width == m_view.width && view.height == m_view.height)
        return;
    m_view = view;
    m_hasView = true;
    schedule(Change::Viewport);
}

void MarkerModel::schedule(Change c)
{
    if (c == Change::Query) {
        m_queryDirty = true;
        m_selChecked = false;
    }
    // Query changes come one at a time (a brush step, a checkbox): answer at once. Viewport
    // changes come as a stream while panning: throttle them, never postponing indefinitely.
    const int delay = c == Change::Query ? 0 : 15;
    if (!m_timer.isActive() || m_timer.remainingTime() > delay)
        m_timer.start(delay);
}

void MarkerModel::refreshNow()
{
    m_timer.stop();
    const EventIndex* index = m_state->index();
    if (m_queryDirty) {
        m_query = m_state->resolver()->current();
        m_matching = index ? index->count(m_query.query) : 0;
        m_queryDirty = false;
    }
    std::vector<Marker> rows;
    if (index && m_hasView && m_view.width > 0 && m_view.height > 0) {
        m_rowsZoom = m_view.zoom;
        m_cellPx = cellFor(m_view.width, m_view.height, Symbology::kClusterCellPx, kMaxItems - 100);
        const double margin = m_cellPx;
        std::vector<Cluster> clusters = index->clusters(
            m_query.query, m_view.zoom, m_view.left() - margin, m_view.top() - margin,
            m_view.width + 2 * margin, m_view.height + 2 * margin, m_cellPx);
        if (clusters.size() > std::size_t(kMaxItems - 1)) {
            // Cannot happen with the cell chosen above, but the bound is a promise: keep the
            // biggest groups.
            std::partial_sort(clusters.begin(), clusters.begin() + (kMaxItems - 1), clusters.end(),
                              [](const Cluster& a, const Cluster& b) { return a.count > b.count; });
            clusters.resize(std::size_t(kMaxItems - 1));
        }
        const bool zoomedIn = m_view.zoom >= Symbology::kPrecisionZoom;
        rows.reserve(clusters.size() + 1);
        for (const Cluster& c : clusters) {
            Marker m;
            m.latitude = c.latitude;
            m.longitude = c.longitude;
            m.count = c.count;
            m.family = c.dominant;
            m.casualties = c.maxCasualties;
            m.cellX = c.cellX;
            m.cellY = c.cellY;
            std::memcpy(m.familyCounts, c.familyCounts, sizeof m.familyCounts);
            if (c.count == 1) {
                m.id = index->idAt(c.firstRow);
                if (zoomedIn)
                    m.precisionMetres =
                        Symbology::precisionRadiusMetres(index->coordPrecisionAt(c.firstRow));
            }
            rows.push_back(m);
        }
        markSelection(rows);
    }
    applyRows(std::move(rows));
    emit refreshed();
}

void MarkerModel::markSelection(std::vector<Marker>& rows)
{
    const QUuid sel = m_state->selectedEvent();
    if (sel.isNull())
        return;
    for (Marker& m : rows) {
        if (m.count == 1 && m.id == sel) {
            m.selected = true;
            return;
        }
    }
    // The selected event sits inside a cluster: draw it on top as well, if the filter and
    // window let it through (answered once per query and selection, not per pan).
    const EventIndex* index = m_state->index();
    if (!m_selChecked || m_selCheckedId != sel) {
        m_selChecked = true;
        m_selCheckedId = sel;
        m_selRow.reset();
        if (auto row = index->rowOf(sel)) {
            IndexQuery q = m_query.query;
            const double lon = index->longitudeAt(*row), lat = index->latitudeAt(*row);
            if (q.box.contains(lon, lat)) {
                q.box = GeoBox{lon - 1e-7, lat - 1e-7, lon + 1e-7, lat + 1e-7};
                const std::vector<std::uint32_t> hits = index->query(q);
                if (std::find(hits.begin(), hits.end(), *row) != hits.end())
                    m_selRow = *row;
            }
        }
    }
    if (!m_selRow)
        return;
    // Ring the cluster holding it, so that its count stays readable and a click on it still
    // expands the cluster (or steps to the next co-located event).
    // The index says which cell that is: the same arithmetic as the clustering.
    const ClusterCell cell = EventIndex::cellOf(
        index->longitudeAt(*m_selRow), index->latitudeAt(*m_selRow), m_view.zoom, m_cellPx);
    for (Marker& m : rows) {
        if (m.cellX == cell.x && m.cellY == cell.y) {
            m.selected = true;
            return;
        }
    }
}

void MarkerModel::applyRows(std::vector<Marker> rows)
{
    // Keep every marker that did not change in its row, so that a pan only touches the QML
    // delegates of markers that appear or disappear.
    QMultiHash<size_t, std::size_t> fresh; // hash -> index into rows
    for (std::size_t i = 0; i < rows.size(); ++i)
        fresh.insert(markerHash(rows[i]), i);
    std::vector<bool> placed(rows.size(), false);
    std::vector<std::size_t> freeSlots;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        bool kept = false;
        const size_t h = markerHash(m_rows[r]);
        for (auto it = fresh.find(h); it != fresh.end() && it.key() == h; ++it) {
            if (!placed[*it] && rows[*it] == m_rows[r]) {
                placed[*it] = true;
                fresh.erase(it);
                kept = true;
                break;
            }
        }
        if (!kept)
            freeSlots.push_back(r);
    }
    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (!placed[i])
            pending.push_back(i);

    // Reuse free rows for new markers (dataChanged), then append or remove the rest.
    std::size_t k = 0;
    for (; k < freeSlots.size() && k < pending.size(); ++k) {
        const std::size_t r = freeSlots[k];
        m_rows[r] = rows[pending[k]];
        const QModelIndex ix = index(int(r));
        emit dataChanged(ix, ix);
    }
    if (k < pending.size()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(pending.size() - k) - 1);
        for (; k < pending.size(); ++k)
            m_rows.push_back(rows[pending[k]]);
        endInsertRows();
    } else if (k < freeSlots.size()) {
        // Remove the unused rows from the bottom up, one contiguous run at a time.
        std::size_t j = freeSlots.size();
        while (j > k) {
            std::size_t runEnd = freeSlots[j - 1], runStart = runEnd;
            --j;
            while (j > k && freeSlots[j - 1] + 1 == runStart) {
                runStart = freeSlots[j - 1];
                --j;
            }
            beginRemoveRows({}, int(runStart), int(runEnd));
            m_rows.erase(m_rows.begin() + std::ptrdiff_t(runStart),
                         m_rows.begin() + std::ptrdiff_t(runEnd) + 1);
            endRemoveRows();
        }
    }
}

} // namespace fa
