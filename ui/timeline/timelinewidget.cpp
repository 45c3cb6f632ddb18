#include "timelinewidget.h"

#include "eventstore.h"
#include "eventtext.h"
#include "symbology.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fa {

namespace {

constexpr double kMargin = 0.03; // fit-all leaves this fraction free on each side
constexpr double kDragThreshold = 4;

/// Tooltip text from data: escaped, then forced to rich text so that a title that looks like
/// markup still shows as the characters it holds.
QString richText(const QString& plain)
{
    return QStringLiteral("<qt>") +
           plain.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")) +
           QStringLiteral("</qt>");
}

} // namespace

TimelineWidget::TimelineWidget(ViewState* state, QWidget* parent) : QWidget(parent), m_state(state)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(QString()); // tooltips are shown by hand (per hovered event)

    TimeNavigator* nav = m_state->navigator();
    connect(m_state, &ViewState::dataReset, this, &TimelineWidget::onDataReset);
    connect(m_state, &ViewState::filterChanged, this, &TimelineWidget::rebuildLanes);
    // Any edit may add a type or a country and moves index rows: the lanes are rebuilt.
    auto eventsChanged = [this] {
        m_countries.reset();
        rebuildLanes();
    };
    connect(m_state, &ViewState::eventsChanged, this, eventsChanged);
    connect(m_state, &ViewState::eventsReloaded, this, eventsChanged);
    connect(m_state, &ViewState::selectionChanged, this, [this](const QUuid& id) {
        ensureEventVisible(id);
        update();
    });
    connect(nav, &TimeNavigator::windowChanged, this, [this] {
        followWindow();
        update();
    });
    connect(nav, &TimeNavigator::extentChanged, this, qOverload<>(&QWidget::update));
    connect(nav, &TimeNavigator::modeChanged, this, qOverload<>(&QWidget::update));
    onDataReset();
}

TimelineWidget::~TimelineWidget() = default;

void TimelineWidget::onDataReset()
{
    m_painter.setIndex(m_state->index());
    m_countries.reset();
    rebuildLanes();
    fitAll(); // the extent is the new data's already (IndexUpdater::attach runs first)
}

void TimelineWidget::rebuildLanes()
{
    const EventIndex* index = m_state->index();
    m_base = m_state->resolver()->resolve(m_state->filter(), std::numeric_limits<qint64>::min(),
                                          std::numeric_limits<qint64>::max());
    if (!index) {
        m_painter.setLanes({});
        update();
        return;
    }
    if (m_laneMode == TimelineLaneMode::Country && !m_countries && m_state->store())
        m_countries = countryRowids(*index, *m_state->store());
    m_painter.setLanes(makeTimelineLanes(m_laneMode, *index, m_state->store(), m_base.query, 12,
                                         m_countries ? &*m_countries : nullptr));
    m_painter.setOverviewQuery(m_base.query, m_base.allow);
    update();
}

void TimelineWidget::setLaneMode(TimelineLaneMode mode)
{
    if (mode == m_laneMode)
        return;
    m_laneMode = mode;
    rebuildLanes();
    emit laneModeChanged(mode);
}

void TimelineWidget::setVisibleRange(double fromSecs, double toSecs)
{
    if (toSecs < fromSecs)
        std::swap(fromSecs, toSecs);
    // Clamp the span to what the scale allows, keeping the centre.
    const double span =
        std::clamp(toSecs - fromSecs, TimeScale::kMinSpanSecs, TimeScale::kMaxSpanSecs);
    const double mid = (fromSecs + toSecs) / 2;
    fromSecs = mid - span / 2;
    toSecs = mid + span / 2;
    if (fromSecs == m_from && toSecs == m_to)
        return;
    m_from = fromSecs;
    m_to = toSecs;
    update();
    emit visibleRangeChanged(m_from, m_to);
}

TimelineView TimelineWidget::currentView() const
{
    const TimeNavigator* nav = m_state->navigator();
    TimelineView v;
    v.visibleFrom = m_from;
    v.visibleTo = m_to;
    v.windowFrom = nav->windowFrom();
    v.windowTo = nav->windowTo();
    v.extentFrom = nav->extentFrom();
    v.extentTo = nav->extentTo();
    v.cumulative = nav->mode() == TimeNavigator::Mode::Cumulative;
    v.selected = m_state->selectedEvent();
    v.fontFamily = font().family();
    v.fontPixelSize = std::max(9.0, QFontInfo(font()).pixelSize() * 0.92);
    return v;
}

TimelineLayout TimelineWidget::currentLayout() const
{
    return m_painter.layout(QRectF(rect()), currentView(), 1.0);
}

void TimelineWidget::fitAll()
{
    const TimeNavigator* nav = m_state->navigator();
    const double from = double(nav->extentFrom());
    const double to = double(nav->extentTo());
    const double margin = std::max(86400.0, (to - from) * kMargin);
    setVisibleRange(from - margin, to + margin);
}

void TimelineWidget::zoomBy(double factor)
{
    const TimeScale s = currentLayout().scale.zoomedAround(
        currentLayout().scale.left() + currentLayout().scale.width() / 2, factor);
    setVisibleRange(s.fromSecs(), s.toSecs());
}

void TimelineWidget::panByFraction(double fraction)
{
    const double d = (m_to - m_from) * fraction;
    setVisibleRange(m_from + d, m_to + d);
}

void TimelineWidget::goToDate(qint64 secs)
{
    const double half = (m_to - m_from) / 2;
    setVisibleRange(double(secs) - half, double(secs) + half);
}

void TimelineWidget::ensureEventVisible(const QUuid& id)
{
    const EventIndex* index = m_state->index();
    if (id.isNull() || !index)
        return;
    const auto row = index->rowOf(id);
    if (!row)
        return;
    const double t = double(index->startAt(*row));
    const double edge = (m_to - m_from) * 0.02;
    if (t < m_from + edge || t > m_to - edge)
        goToDate(qint64(t));
}

void TimelineWidget::followWindow()
{
    // While playing (or after typing dates), keep the window in view: slide the view along so
    // that the window's end stays at 85 % of the width, or fit the window when it is wider.
    const TimeNavigator* nav = m_state->navigator();
    const double w0 = double(nav->windowFrom()), w1 = double(nav->windowTo());
    const double span = m_to - m_from;
    if (w0 >= m_from && w1 <= m_to)
        return;
    if (m_drag != Drag::None)
        return; // the user is brushing or resizing: do not move the ground under the mouse
    if (w1 - w0 > span * 0.9) {
        const double margin = (w1 - w0) * kMargin;
        setVisibleRange(w0 - margin, w1 + margin);
        return;
    }
    if (nav->isPlaying())
        setVisibleRange(w1 - span * 0.85, w1 + span * 0.15);
    else
        setVisibleRange((w0 + w1) / 2 - span / 2, (w0 + w1) / 2 + span / 2);
}

// ----------------------------------------------------------------------------------------------

void TimelineWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    m_painter.paint(&p, QRectF(rect()), currentView(), 1.0);
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1));
        p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

TimelineWidget::Drag TimelineWidget::handleAt(const QPointF& pos, const TimelineLayout& l) const
{
    const TimeNavigator* nav = m_state->navigator();
    const double grab = 5;
    auto near = [&](const TimeScale& s, const QRectF& r) -> Drag {
        if (!r.adjusted(-grab, 0, grab, 0).contains(pos))
            return Drag::None;
        const double d0 = std::abs(pos.x() - s.xOf(double(nav->windowFrom())));
        const double d1 = std::abs(pos.x() - s.xOf(double(nav->windowTo())));
        if (std::min(d0, d1) > grab)
            return Drag::None;
        return d0 <= d1 ? Drag::ResizeFrom : Drag::ResizeTo;
    };
    const Drag inLanes = near(l.scale, l.lanes);
    if (inLanes != Drag::None)
        return inLanes;
    return l.overview.isValid() ? near(l.overviewScale, l.overview) : Drag::None;
}

void TimelineWidget::mousePressEvent(QMouseEvent* e)
{
    if (e->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(e);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    QToolTip::hideText();
    const TimelineLayout l = currentLayout();
    const TimeNavigator* nav = m_state->navigator();
    const QPointF pos = e->position();
    m_pressPos = pos;
    m_pressFrom = m_from;
    m_pressTo = m_to;
    m_pressWindowFrom = nav->windowFrom();
    m_pressWindowTo = nav->windowTo();
    m_dragInOverview = l.overview.contains(pos);

    m_drag = handleAt(pos, l);
    if (m_drag != Drag::None)
        return;
    if (m_dragInOverview) {
        const qint64 t = qint64(l.overviewScale.secsAt(pos.x()));
        if (t >= nav->windowFrom() && t < nav->windowTo()) {
            m_drag = Drag::MoveWindow;
            m_anchorSecs = t;
        } else {
            m_drag = Drag::Brush;
            m_anchorSecs = t;
        }
        return;
    }
    if (l.lanes.contains(pos) || l.axis.contains(pos)) {
        if (e->modifiers() & Qt::ShiftModifier) {
            m_drag = Drag::Brush;
            m_anchorSecs = qint64(l.scale.secsAt(pos.x()));
        } else {
            m_drag = Drag::PendingClick;
        }
    }
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* e)
{
    const QPointF pos = e->position();
    if (m_drag == Drag::None) {
        const TimelineLayout l = currentLayout();
        const Drag h = handleAt(pos, l);
        if (h != Drag::None)
            setCursor(Qt::SizeHorCursor);
        else if (l.overview.contains(pos))
            setCursor(Qt::PointingHandCursor);
        else
            unsetCursor();
        showHover(pos, e->globalPosition().toPoint());
        return;
    }
    TimeNavigator* nav = m_state->navigator();
    const TimeScale pressScale = TimeScale(m_pressFrom, m_pressTo, currentLayout().scale.left(),
                                           currentLayout().scale.width());
    const TimeScale& s = m_dragInOverview ? currentLayout().overviewScale : pressScale;
    const qint64 t = qint64(std::llround(s.secsAt(pos.x())));
    switch (m_drag) {
    case Drag::PendingClick:
        if (std::abs(pos.x() - m_pressPos.x()) < kDragThreshold &&
            std::abs(pos.y() - m_pressPos.y()) < kDragThreshold)
            return;
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
        [[fallthrough]];
    case Drag::Pan: {
        const TimeScale panned = pressScale.pannedBy(pos.x() - m_pressPos.x());
        setVisibleRange(panned.fromSecs(), panned.toSecs());
        break;
    }
    case Drag::Brush:
        if (std::abs(pos.x() - m_pressPos.x()) >= kDragThreshold)
            nav->setWindow(std::min(m_anchorSecs, t), std::max(m_anchorSecs, t));
        break;
    case Drag::MoveWindow: {
        const qint64 d = t - m_anchorSecs;
        nav->setWindow(m_pressWindowFrom + d, m_pressWindowTo + d);
        break;
    }
    case Drag::ResizeFrom:
        nav->setWindow(t, m_pressWindowTo);
        break;
    case Drag::ResizeTo:
        nav->setWindow(m_pressWindowFrom, t);
        break;
    case Drag::None:
        break;
    }
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* e)
{
    if (e->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(e);
        return;
    }
    const Drag drag = m_drag;
    m_drag = Drag::None;
    unsetCursor();
    const QPointF pos = e->position();
    const bool moved = std::abs(pos.x() - m_pressPos.x()) >= kDragThreshold;
    if (drag == Drag::PendingClick) {
        const TimelinePainter::Hit hit = m_painter.hitTest(pos);
        if (hit.kind == TimelinePainter::Hit::Kind::Event)
            m_state->setSelectedEvent(hit.id);
        else if (hit.kind == TimelinePainter::Hit::Kind::Density)
            setVisibleRange(double(hit.fromSecs) - (m_to - m_from) / 40,
                            double(hit.toSecs) + (m_to - m_from) / 40); // zoom into the bar
        else
            m_state->setSelectedEvent(QUuid());
    } else if (drag == Drag::Brush && !moved && m_dragInOverview) {
        // A click in the overview jumps the view there.
        goToDate(qint64(currentLayout().overviewScale.secsAt(pos.x())));
    }
    update();
}

void TimelineWidget::mouseDoubleClickEvent(QMouseEvent* e)
{
    if (e->button() == Qt::LeftButton &&
        m_painter.hitTest(e->position()).kind == TimelinePainter::Hit::Kind::None) {
        fitAll();
        return;
    }
    QWidget::mouseDoubleClickEvent(e);
}

void TimelineWidget::wheelEvent(QWheelEvent* e)
{
    const TimelineLayout l = currentLayout();
    const double steps =
        e->angleDelta().y() != 0 ? e->angleDelta().y() / 120.0 : e->pixelDelta().y() / 40.0;
    if (steps == 0) {
        e->ignore();
        return;
    }
    // Zoom around the time under the cursor (clamped to the lanes so the axis gutter works).
    const double x = std::clamp(e->position().x(), l.scale.left(), l.scale.right());
    const TimeScale z = l.scale.zoomedAround(x, std::pow(1.25, steps));
    setVisibleRange(z.fromSecs(), z.toSecs());
    e->accept();
}

void TimelineWidget::keyPressEvent(QKeyEvent* e)
{
    switch (e->key()) {
    case Qt::Key_Left:
        panByFraction(-0.1);
        break;
    case Qt::Key_Right:
        panByFraction(0.1);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.5);
        break;
    case Qt::Key_Minus:
        zoomBy(1 / 1.5);
        break;
    case Qt::Key_Space:
        m_state->navigator()->togglePlay();
        break;
    case Qt::Key_Home:
        fitAll();
        break;
    default:
        QWidget::keyPressEvent(e);
        return;
    }
    e->accept();
}

void TimelineWidget::leaveEvent(QEvent* e)
{
    QToolTip::hideText();
    QWidget::leaveEvent(e);
}

void TimelineWidget::showHover(const QPointF& pos, const QPoint& globalPos)
{
    const TimelinePainter::Hit hit = m_painter.hitTest(pos);
    const QString text = tooltipFor(hit);
    if (text.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(globalPos, text, this, QRect(pos.toPoint() - QPoint(4, 4), QSize(8, 8)));
}

QString TimelineWidget::tooltipFor(const TimelinePainter::Hit& hit) const
{
    const EventIndex* index = m_state->index();
    if (hit.kind == TimelinePainter::Hit::Kind::Density) {
        return tr("%n event(s)", nullptr, int(hit.count)) + QStringLiteral("\n") +
               eventtext::rangeText(hit.fromSecs, hit.toSecs) + QStringLiteral("\n") +
               tr("Click to zoom in");
    }
    if (hit.kind != TimelinePainter::Hit::Kind::Event || !index)
        return {};
    // The title lives only in the store; the index knows the rest.
    if (const EventStore* store = m_state->store()) {
        if (auto ev = store->get(hit.id)) {
            const QString date = eventtext::eventDateText(*ev, m_state->displayZone());
            QString place = ev->place;
            if (!ev->country.isEmpty())
                place += (place.isEmpty() ? QString() : QStringLiteral(", ")) + ev->country;
            // Plain text: a title containing markup must show as text.
            QString text = ev->title + QStringLiteral("\n") + date + QStringLiteral(" · ") +
                           Symbology::familyLabel(ev->family) + QStringLiteral(" · ") +
                           ev->eventType;
            if (!place.isEmpty())
                text += QStringLiteral("\n") + place;
            return richText(text);
        }
    }
    const auto [c0, c1] = index->coverage(hit.row);
    return richText(Symbology::familyLabel(index->familyAt(hit.row)) + QStringLiteral("\n") +
                    eventtext::rangeText(c0, c1));
}

} // namespace fa
