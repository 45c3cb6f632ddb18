#pragma once
// What the QML map draws: one row per marker (a single event or a cluster of nearby events),
// from EventIndex::clusters for the current viewport and zoom, within the ViewState's filter and
// the navigator's window. The number of rows is bounded (kMaxItems) whatever the dataset size,
// because clustering cells grow with the viewport instead of the item count growing. Each row
// carries its Symbology::markerLook, so the QML only draws what it is given, and the model
// answers which marker lies under a point with the same shapes.

#include "event.h"
#include "filterresolver.h"
#include "mercatorview.h"
#include "symbology.h"

#include <QAbstractListModel>
#include <QHash>
#include <QTimer>
#include <QUuid>

#include <optional>
#include <vector>

namespace fa {

class ViewState;

class MarkerModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int kMaxItems = 2000;

    enum Role {
        LatitudeRole = Qt::UserRole + 1,
        LongitudeRole,
        CountRole,     ///< events in the marker (1 = a single event)
        FamilyRole,    ///< int(Family): the event's, or a cluster's dominant family
        LookRole,      ///< MarkerLook from Symbology: shape, size, colours, label, ring
        StackingRole,  ///< the QML z: higher is drawn on top (see stackingOrder)
        EventIdRole,   ///< the event's id as a string; empty for clusters
        SelectedRole,  ///< the selected event
        PrecisionRole, ///< radius in metres of the location's uncertainty; 0 = precise
    };

    struct Marker {
        double latitude = 0, longitude = 0;
        quint32 count = 0;
        Family family = Family::Incident;
        int casualties = 0; ///< singles: the event's; clusters: the largest member's
        quint32 familyCounts[kFamilyCount] = {0, 0, 0};
        QUuid id; ///< singles only
        bool selected = false;
        double precisionMetres = 0;
        std::int64_t cellX = 0, cellY = 0; ///< the clustering cell (see EventIndex::clusters)
        bool operator==(const Marker&) const = default;
    };

    explicit MarkerModel(ViewState* state, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The map's view; the model follows it after a short throttle (a pan is many changes).
    void setViewport(const MercatorView& view);
    const MercatorView& viewport() const { return m_view; }
    /// The clustering cell used for the current viewport (world pixels at its zoom):
    /// Symbology::kClusterCellPx, enlarged when the viewport would otherwise hold too many.
    double cellPx() const { return m_cellPx; }
    /// The zoom the current rows were clustered at (the viewport may have moved on since).
    double rowsZoom() const { return m_rowsZoom; }

    const Marker& marker(int row) const { return m_rows[std::size_t(row)]; }
    MarkerLook look(int row) const;
    /// Where a row lies in the drawing order (the QML z): Symbology::stackingOrder of its
    /// marker, so it never depends on the row and survives rows moving.
    double stackingOrder(int row) const;
    /// The topmost marker whose drawn shape (MarkerLook::contains) covers (x, y), in pixels of
    /// the current viewport; -1 if none. The one hit test behind clicks and hover text.
    int markerAt(double x, double y) const;
    /// The query of the last refresh (filter + window), e.g. to find a cluster's members.
    const ResolvedQuery& lastQuery() const { return m_query; }
    /// Events matching filter and window (all of them, not only those in the viewport).
    std::size_t matchingCount() const { return m_matching; }

    /// Recomputes now (tests and benchmarks; the views rely on the scheduled refresh).
    void refreshNow();
    bool isRefreshPending() const { return m_timer.isActive(); }

signals:
    void refreshed();

private:
    enum class Change { Viewport, Query };
    void schedule(Change c);
    void applyRows(std::vector<Marker> rows);
    void markSelection(std::vector<Marker>& rows);

    ViewState* m_state;
    MercatorView m_view;
    bool m_hasView = false;
    double m_cellPx = Symbology::kClusterCellPx;
    double m_rowsZoom = 0;
    std::vector<Marker> m_rows;
    ResolvedQuery m_query;
    bool m_queryDirty = true;
    std::size_t m_matching = 0;
    QTimer m_timer;
    // The selected event's "passes the filter" answer, kept until query or selection change.
    QUuid m_selCheckedId;
    bool m_selChecked = false;
    std::optional<std::uint32_t> m_selRow;
};

} // namespace fa
