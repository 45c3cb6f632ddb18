#include "timelinepanel.h"

#include "timelinewidget.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStyle>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace fa {

namespace {

/// Window lengths offered in the combo box: calendar months/years, or fixed days.
struct Length {
    const char* label;
    int days;
    int months;
    int years;
};
constexpr Length kLengths[] = {
    {QT_TRANSLATE_NOOP("fa::TimelinePanel", "1 day"), 1, 0, 0},
    {QT_TRANSLATE_NOOP("fa::TimelinePanel", "1 week"), 7, 0, 0},
    {QT_TRANSLATE_NOOP("fa::TimelinePanel", "1 month"), 0, 1, 0},
    {QT_TRANSLATE_NOOP("fa::TimelinePanel", "3 months"), 0, 3, 0},
    {QT_TRANSLATE_NOOP("fa::TimelinePanel", "6 months"), 0, 6, 0},
    {QT_TRANSLATE_NOOP("fa::TimelinePanel", "1 year"), 0, 0, 1},
    {QT_TRANSLATE_NOOP("fa::TimelinePanel", "2 years"), 0, 0, 2},
    {QT_TRANSLATE_NOOP("fa::TimelinePanel", "5 years"), 0, 0, 5},
};
constexpr int kLengthAll = int(std::size(kLengths)); // "Whole period"
constexpr int kLengthCustom = kLengthAll + 1;        // shown when the window matches none

QDateTime utc(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::UTC);
}

qint64 addLength(qint64 from, const Length& l)
{
    return utc(from).addDays(l.days).addMonths(l.months).addYears(l.years).toSecsSinceEpoch();
}

QToolButton* makeButton(QWidget* parent, QStyle::StandardPixmap icon, const QString& tip)
{
    auto* b = new QToolButton(parent);
    b->setIcon(parent->style()->standardIcon(icon));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

QDateTimeEdit* makeDateTimeEdit(QWidget* parent)
{
    auto* e = new QDateTimeEdit(parent);
    e->setTimeZone(QTimeZone::UTC);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    e->setCalendarPopup(true);
    e->setKeyboardTracking(false);
    return e;
}

} // namespace

TimelinePanel::TimelinePanel(ViewState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_timeline(new TimelineWidget(state, this))
{
    TimeNavigator* nav = m_state->navigator();

    auto* stepBack = makeButton(this, QStyle::SP_MediaSeekBackward, tr("Step back"));
    m_play = makeButton(this, QStyle::SP_MediaPlay, tr("Play (Space)"));
    auto* stepForward = makeButton(this, QStyle::SP_MediaSeekForward, tr("Step forward"));
    connect(stepBack, &QToolButton::clicked, nav, &TimeNavigator::stepBackward);
    connect(m_play, &QToolButton::clicked, nav, &TimeNavigator::togglePlay);
    connect(stepForward, &QToolButton::clicked, nav, &TimeNavigator::stepForward);
    connect(nav, &TimeNavigator::playingChanged, this, [this](bool playing) {
        m_play->setIcon(
            style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        m_play->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
    });

    m_speed = new QComboBox(this);
    m_speed->setToolTip(tr("Playback speed"));
    for (const auto& [label, ms] :
         {std::pair{"0.5×", 1000}, std::pair{"1×", 500}, std::pair{"2×", 250}, std::pair{"4×", 125},
          std::pair{"8×", 60}})
        m_speed->addItem(QString::fromUtf8(label), ms);
    connect(m_speed, &QComboBox::activated, this,
            [this, nav](int i) { nav->setTickIntervalMs(m_speed->itemData(i).toInt()); });
    connect(nav, &TimeNavigator::speedChanged, this, &TimelinePanel::syncFromNavigator);

    m_length = new QComboBox(this);
    m_length->setToolTip(tr("Length of the time window"));
    for (const Length& l : kLengths)
        m_length->addItem(tr(l.label));
    m_length->addItem(tr("Whole period"));
    m_length->addItem(tr("Custom"));
    connect(m_length, &QComboBox::activated, this, &TimelinePanel::applyLength);

    m_mode = new QComboBox(this);
    m_mode->setToolTip(tr("Sliding: only the window. Cumulative: everything up to its end."));
    m_mode->addItem(tr("Sliding window"), int(TimeNavigator::Mode::Sliding));
    m_mode->addItem(tr("Cumulative"), int(TimeNavigator::Mode::Cumulative));
    connect(m_mode, &QComboBox::activated, this,
            [this, nav](int i) { nav->setMode(TimeNavigator::Mode(m_mode->itemData(i).toInt())); });
    connect(nav, &TimeNavigator::modeChanged, this, &TimelinePanel::syncFromNavigator);

    m_lanes = new QComboBox(this);
    m_lanes->setToolTip(tr("Lanes"));
    m_lanes->addItem(tr("Lanes: family"), int(TimelineLaneMode::Family));
    m_lanes->addItem(tr("Lanes: event type"), int(TimelineLaneMode::EventType));
    m_lanes->addItem(tr("Lanes: country"), int(TimelineLaneMode::Country));
    connect(m_lanes, &QComboBox::activated, this, [this](int i) {
        m_timeline->setLaneMode(TimelineLaneMode(m_lanes->itemData(i).toInt()));
    });
    connect(m_timeline, &TimelineWidget::laneModeChanged, this, [this](TimelineLaneMode m) {
        const QSignalBlocker block(m_lanes);
        m_lanes->setCurrentIndex(m_lanes->findData(int(m)));
    });

    auto* fit = makeButton(this, QStyle::SP_BrowserReload, tr("Fit all (Home)"));
    fit->setText(tr("Fit all"));
    fit->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(fit, &QToolButton::clicked, m_timeline, &TimelineWidget::fitAll);

    m_fromEdit = makeDateTimeEdit(this);
    m_fromEdit->setToolTip(tr("Window start (UTC)"));
    m_toEdit = makeDateTimeEdit(this);
    m_toEdit->setToolTip(tr("Window end (UTC, exclusive)"));
    connect(m_fromEdit, &QDateTimeEdit::editingFinished, this, &TimelinePanel::applyTypedWindow);
    connect(m_toEdit, &QDateTimeEdit::editingFinished, this, &TimelinePanel::applyTypedWindow);

    m_goTo = new QDateEdit(this);
    m_goTo->setTimeZone(QTimeZone::UTC);
    m_goTo->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_goTo->setCalendarPopup(true);
    m_goTo->setToolTip(tr("Go to date"));
    auto* go = new QToolButton(this);
    go->setText(tr("Go"));
    go->setToolTip(tr("Show this date (the window moves there, keeping its length)"));
    connect(go, &QToolButton::clicked, this, &TimelinePanel::goToDate);

    auto* row1 = new QHBoxLayout;
    row1->setContentsMargins(0, 0, 0, 0);
    row1->setSpacing(4);
    row1->addWidget(stepBack);
    row1->addWidget(m_play);
    row1->addWidget(stepForward);
    row1->addWidget(m_speed);
    row1->addSpacing(8);
    row1->addWidget(new QLabel(tr("Window"), this));
    row1->addWidget(m_length);
    row1->addWidget(m_fromEdit);
    row1->addWidget(new QLabel(QStringLiteral("–"), this));
    row1->addWidget(m_toEdit);
    row1->addWidget(m_mode);
    row1->addStretch(1);
    row1->addWidget(m_lanes);
    row1->addSpacing(8);
    row1->addWidget(new QLabel(tr("Go to"), this));
    row1->addWidget(m_goTo);
    row1->addWidget(go);
    row1->addWidget(fit);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(row1);
    layout->addWidget(m_timeline, 1);

    connect(nav, &TimeNavigator::windowChanged, this, &TimelinePanel::syncFromNavigator);
    connect(nav, &TimeNavigator::extentChanged, this, &TimelinePanel::syncFromNavigator);
    syncFromNavigator();
}

void TimelinePanel::syncFromNavigator()
{
    const TimeNavigator* nav = m_state->navigator();
    {
        const QSignalBlocker b1(m_fromEdit), b2(m_toEdit);
        m_fromEdit->setDateTime(utc(nav->windowFrom()));
        m_toEdit->setDateTime(utc(nav->windowTo()));
    }
    {
        const QSignalBlocker b(m_length);
        int match = kLengthCustom;
        if (nav->windowFrom() == nav->extentFrom() && nav->windowTo() == nav->extentTo())
            match = kLengthAll;
        for (int i = 0; i < kLengthAll; ++i) {
            if (addLength(nav->windowFrom(), kLengths[i]) == nav->windowTo())
                match = i;
        }
        m_length->setCurrentIndex(match);
    }
    {
        // "Go to" offers the window's start, a date that exists in the data.
        const QSignalBlocker b(m_goTo);
        m_goTo->setDate(utc(nav->windowFrom()).date());
    }
    {
        const QSignalBlocker b(m_mode);
        m_mode->setCurrentIndex(m_mode->findData(int(nav->mode())));
    }
    {
        const QSignalBlocker b(m_speed);
        int best = 0;
        for (int i = 0; i < m_speed->count(); ++i) {
            if (std::abs(m_speed->itemData(i).toInt() - nav->tickIntervalMs()) <
                std::abs(m_speed->itemData(best).toInt() - nav->tickIntervalMs()))
                best = i;
        }
        m_speed->setCurrentIndex(best);
    }
}

void TimelinePanel::applyTypedWindow()
{
    const qint64 from = m_fromEdit->dateTime().toSecsSinceEpoch();
    const qint64 to = m_toEdit->dateTime().toSecsSinceEpoch();
    m_state->navigator()->setWindow(from, to);
    syncFromNavigator(); // a swapped or empty window shows as the navigator corrected it
}

void TimelinePanel::applyLength(int i)
{
    TimeNavigator* nav = m_state->navigator();
    if (i == kLengthAll) {
        nav->resetWindow();
        return;
    }
    if (i < 0 || i >= kLengthAll) {
        syncFromNavigator();
        return;
    }
    const qint64 from = nav->windowFrom();
    nav->setWindow(from, addLength(from, kLengths[i]));
}

void TimelinePanel::goToDate()
{
    TimeNavigator* nav = m_state->navigator();
    const qint64 t = QDateTime(m_goTo->date(), QTime(12, 0), QTimeZone::UTC).toSecsSinceEpoch();
    const qint64 length = nav->windowTo() - nav->windowFrom();
    nav->setWindow(t - length / 2, t - length / 2 + length);
    m_timeline->goToDate(t);
}

} // namespace fa
