#pragma once
// The timeline on screen: draws through TimelinePainter and turns gestures into calls on the
// TimeNavigator and the ViewState (QGIS split: the widget holds only its own zoom/scroll and
// lane mode; the window, extent and playback live in the navigator).
//
// Gestures: wheel zooms around the cursor; drag pans; Shift+drag (or a drag in the overview
// strip) brushes a new window; the window's edges (grips) resize it; dragging inside the window
// in the overview moves it; double-click fits everything; click selects an event. Keys (with
// focus): Left/Right pan, +/- zoom, Space play/pause, Home fit all.

#include "filterresolver.h"
#include "timelinepainter.h"

#include <QWidget>

#include <optional>

namespace fa {

class ViewState;

class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    explicit TimelineWidget(ViewState* state, QWidget* parent = nullptr);
    ~TimelineWidget() override;

    ViewState* viewState() const { return m_state; }

    /// The time range across the lanes (UTC seconds).
    double visibleFrom() const { return m_from; }
    double visibleTo() const { return m_to; }
    void setVisibleRange(double fromSecs, double toSecs);

    TimelineLaneMode laneMode() const { return m_laneMode; }
    void setLaneMode(TimelineLaneMode mode);

    /// What the widget currently shows, as plain values (for the export: copy, adjust, paint).
    TimelineView currentView() const;
    /// The layout of the current widget size (tests compute gesture positions from it).
    TimelineLayout currentLayout() const;
    TimelinePainter& painter() { return m_painter; }

    QSize sizeHint() const override { return {900, 300}; }
    QSize minimumSizeHint() const override { return {320, 170}; }

public slots:
    void fitAll();
    void zoomBy(double factor);          ///< around the centre; > 1 zooms in
    void panByFraction(double fraction); ///< of the visible width; > 0 shows later times
    void goToDate(qint64 secs);          ///< centres the view there, keeping the zoom
    /// Makes the event visible (centres the view on it when it is off screen).
    void ensureEventVisible(const QUuid& id);

signals:
    void visibleRangeChanged(double fromSecs, double toSecs);
    void laneModeChanged(fa::TimelineLaneMode mode);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void mouseDoubleClickEvent(QMouseEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void keyPressEvent(QKeyEvent*) override;
    void leaveEvent(QEvent*) override;

private:
    enum class Drag { None, PendingClick, Pan, Brush, MoveWindow, ResizeFrom, ResizeTo };
    void onDataReset();
    void rebuildLanes();
    void followWindow();
    void showHover(const QPointF& pos, const QPoint& globalPos);
    /// Which window edge (if any) is under pos, in the lanes or the overview.
    Drag handleAt(const QPointF& pos, const TimelineLayout& l) const;
    QString tooltipFor(const TimelinePainter::Hit& hit) const;

    ViewState* m_state;
    TimelinePainter m_painter;
    ResolvedQuery m_base; ///< keeps the lanes' allow-list alive
    /// Lanes by country: each country's rowids, asked of the store once per data change.
    std::optional<CountryRowids> m_countries;
    TimelineLaneMode m_laneMode = TimelineLaneMode::Family;
    double m_from = 0, m_to = 1;

    Drag m_drag = Drag::None;
    bool m_dragInOverview = false;
    QPointF m_pressPos;
    double m_pressFrom = 0, m_pressTo = 1; ///< visible range at press (panning)
    qint64 m_anchorSecs = 0;               ///< brush anchor / move offset
    qint64 m_pressWindowFrom = 0, m_pressWindowTo = 1;
};

} // namespace fa
