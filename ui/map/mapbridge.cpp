#include "mapbridge.h"

#include "eventindex.h"
#include "eventstore.h"
#include "eventtext.h"
#include "filterresolver.h"
#include "markermodel.h"
#include "symbology.h"
#include "viewstate.h"

#include <algorithm>
#include <cmath>

namespace fa {

MapBridge::MapBridge(ViewState* state, QObject* parent)
    : QObject(parent), m_state(state), m_markers(new MarkerModel(state, this))
{
    connect(state, &ViewState::zoomToEventRequested, this, &MapBridge::zoomToEvent);
    connect(state, &ViewState::zoomToFilteredRequested, this, &MapBridge::zoomToFiltered);
    connect(state, &ViewState::selectionChanged, this, &MapBridge::followSelection);
}

QAbstractItemModel* MapBridge::markers() const
{
    return m_markers;
}
QColor MapBridge::selectionColor() const
{
    return Symbology::selectionColor();
}
double MapBridge::precisionZoom() const
{
    return Symbology::kPrecisionZoom;
}
MercatorView MapBridge::viewport() const
{
    return m_markers->viewport();
}

void MapBridge::setViewport(double centerLat, double centerLon, double zoom, double width,
                            double height)
{
    MercatorView v;
    v.centerLat = centerLat;
    v.centerLon = centerLon;
    v.zoom = zoom;
    v.width = width;
    v.height = height;
    m_markers->setViewport(v);
}

void MapBridge::markerClicked(int row)
{
    if (row < 0 || row >= m_markers->rowCount())
        return;
    const MarkerModel::Marker& m = m_markers->marker(row);
    if (m.count == 1) {
        if (m.id != m_state->selectedEvent()) {
            m_state->setSelectedEvent(m.id);
            return;
        }
        // The selected event drawn over its cluster: a second click goes to the cluster (zoom
        // in, or the next co-located event), since the cluster itself is hidden beneath.
        for (int r = 0; r < m_markers->rowCount(); ++r) {
            const MarkerModel::Marker& c = m_markers->marker(r);
            if (c.count > 1 && c.cellX == m.cellX && c.cellY == m.cellY) {
                markerClicked(r);
                return;
            }
        }
        return;
    }
    const EventIndex* index = m_state->index();
    if (!index)
        return;
    // The cluster's members are the matching events of its grid cell.
    const MercatorView view = viewport();
    const double cell = m_markers->cellPx(), z = m_markers->rowsZoom();
    const double cx = double(m.cellX) * cell, cy = double(m.cellY) * cell;
    IndexQuery q = m_markers->lastQuery().query;
    const GeoBox cellBox{
        MercatorView::lonFromWorldX(cx, z), MercatorView::latFromWorldY(cy + cell, z),
        MercatorView::lonFromWorldX(cx + cell, z), MercatorView::latFromWorldY(cy, z)};
    q.box = GeoBox{std::max(q.box.west, cellBox.west), std::max(q.box.south, cellBox.south),
                   std::min(q.box.east, cellBox.east), std::min(q.box.north, cellBox.north)};
    const std::vector<std::uint32_t> rows = index->query(q);
    const auto box = boundingBox(rows, [index](std::uint32_t r) {
        return QPointF(index->longitudeAt(r), index->latitudeAt(r));
    });
    if (!box)
        return;
    const GeoBox b = *box;
    const bool oneSpot = (b.east - b.west) < 1e-5 && (b.north - b.south) < 1e-5;
    if (oneSpot || view.zoom >= maximumZoom() - 0.01) {
        // Nothing to expand: step through the members, the next one after the selection.
        const auto cur = index->rowOf(m_state->selectedEvent());
        auto it = cur ? std::find(rows.begin(), rows.end(), *cur) : rows.end();
        it = (it == rows.end() || std::next(it) == rows.end()) ? rows.begin() : std::next(it);
        m_state->setSelectedEvent(index->idAt(*it));
        return;
    }
    const MercatorView fit = MercatorView::fit(b, view.width, view.height, 60);
    const double zoom = std::clamp(fit.zoom, view.zoom + 1.0, maximumZoom());
    requestView((b.north + b.south) / 2, (b.east + b.west) / 2, zoom);
}

int MapBridge::markerAt(double x, double y) const
{
    return m_markers->markerAt(x, y);
}

void MapBridge::clickAt(double x, double y)
{
    const int row = m_markers->markerAt(x, y);
    if (row >= 0) {
        markerClicked(row);
        return;
    }
    const MercatorView v = viewport();
    emit mapClickedAt(v.toLat(y), v.toLon(x));
}

double MapBridge::metresPerPixel(double latitude, double zoom) const
{
    MercatorView v;
    v.centerLat = latitude;
    v.zoom = zoom;
    return v.metresPerPixel();
}

QString MapBridge::tooltipText(int row) const
{
    if (row < 0 || row >= m_markers->rowCount())
        return {};
    const MarkerModel::Marker& m = m_markers->marker(row);
    if (m.count > 1) {
        QStringList parts;
        for (int f = 0; f < kFamilyCount; ++f) {
            if (m.familyCounts[f] > 0)
                parts << tr("%1 %2")
                             .arg(m.familyCounts[f])
                             .arg(Symbology::familyLanePlural(Family(f)).toLower());
        }
        return tr("%n events", nullptr, int(m.count)) + QLatin1Char('\n') +
               parts.join(QStringLiteral(", ")) + QLatin1Char('\n') + tr("Click to zoom in");
    }
    const EventStore* store = m_state->store();
    if (!store)
        return {};
    auto e = store->get(m.id);
    if (!e)
        return e.error().message;
    QString text =
        e->title + QLatin1Char('\n') + eventtext::eventDateText(*e, m_state->displayZone());
    if (!e->eventType.isEmpty())
        text += QStringLiteral(" · ") + e->eventType;
    return text;
}

void MapBridge::cursorMoved(double lat, double lon)
{
    emit cursorCoordinate(lat, lon);
}
void MapBridge::cursorLeft()
{
    emit cursorLeftMap();
}
void MapBridge::zoomToEvent(const QUuid& id)
{
    const EventIndex* index = m_state->index();
    if (!index)
        return;
    if (auto row = index->rowOf(id))
        requestView(index->latitudeAt(*row), index->longitudeAt(*row),
                    std::max(viewport().zoom, 10.0));
}

void MapBridge::zoomToFiltered()
{
    const EventIndex* index = m_state->index();
    if (!index)
        return;
    const ResolvedQuery rq = m_state->resolver()->current();
    const auto b = boundingBox(index->query(rq.query), [index](std::uint32_t r) {
        return QPointF(index->longitudeAt(r), index->latitudeAt(r));
    });
    if (!b)
        return;
    const MercatorView view = viewport();
    const MercatorView fit = MercatorView::fit(*b, view.width, view.height, 50);
    requestView(fit.centerLat, fit.centerLon,
                std::clamp(fit.zoom, minimumZoom(), std::min(maximumZoom(), 12.0)));
}

void MapBridge::zoomBy(double delta)
{
    const MercatorView v = viewport();
    requestView(v.centerLat, v.centerLon, std::clamp(v.zoom + delta, minimumZoom(), maximumZoom()));
}

void MapBridge::followSelection(const QUuid& id)
{
    // A selection made elsewhere (table, timeline) brings its marker into view if it is off
    // screen; the zoom stays.
    const EventIndex* index = m_state->index();
    if (!index || id.isNull())
        return;
    const auto row = index->rowOf(id);
    if (!row)
        return;
    const MercatorView v = viewport();
    const double lon = index->longitudeAt(*row), lat = index->latitudeAt(*row);
    const double x = v.toX(lon), y = v.toY(lat);
    if (x < 20 || y < 20 || x > v.width - 20 || y > v.height - 20)
        requestView(lat, lon, v.zoom);
}

void MapBridge::requestView(double lat, double lon, double zoom)
{
    emit viewRequested(lat, lon, zoom);
}

} // namespace fa
