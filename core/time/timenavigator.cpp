#include "timenavigator.h"

#include <algorithm>
#include <utility>

namespace fa {

TimeNavigator::TimeNavigator(QObject* parent) : QObject(parent)
{
    m_timer.setInterval(m_tickMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { advance(stepSecs()); });
}

void TimeNavigator::setExtent(qint64 fromSecs, qint64 toSecs)
{
    if (fromSecs > toSecs)
        std::swap(fromSecs, toSecs);
    if (fromSecs == toSecs)
        toSecs = fromSecs + 1;
    if (fromSecs == m_extentFrom && toSecs == m_extentTo)
        return;
    m_extentFrom = fromSecs;
    m_extentTo = toSecs;
    emit extentChanged(m_extentFrom, m_extentTo);
}

qint64 TimeNavigator::extentFrom() const
{
    return m_extentFrom;
}
qint64 TimeNavigator::extentTo() const
{
    return m_extentTo;
}

void TimeNavigator::setWindow(qint64 fromSecs, qint64 toSecs)
{
    if (fromSecs > toSecs)
        std::swap(fromSecs, toSecs);
    if (fromSecs == toSecs)
        toSecs = fromSecs + 1;
    if (fromSecs == m_from && toSecs == m_to)
        return;
    m_from = fromSecs;
    m_to = toSecs;
    emit windowChanged(m_from, m_to);
}

qint64 TimeNavigator::windowFrom() const
{
    return m_from;
}
qint64 TimeNavigator::windowTo() const
{
    return m_to;
}

qint64 TimeNavigator::effectiveFrom() const
{
    return m_mode == Mode::Cumulative ? std::min(m_extentFrom, m_from) : m_from;
}

void TimeNavigator::resetWindow()
{
    setWindow(m_extentFrom, m_extentTo);
}

void TimeNavigator::setMode(Mode m)
{
    if (m == m_mode)
        return;
    m_mode = m;
    emit modeChanged(m);
    // The effective window changed even though from/to did not.
    emit windowChanged(m_from, m_to);
}

TimeNavigator::Mode TimeNavigator::mode() const
{
    return m_mode;
}

void TimeNavigator::setStepSecs(qint64 secs)
{
    secs = std::max<qint64>(0, secs);
    if (secs == m_step)
        return;
    m_step = secs;
    emit stepChanged(secs);
}

qint64 TimeNavigator::stepSecs() const
{
    return m_step > 0 ? m_step : std::max<qint64>(1, (m_to - m_from) / 10);
}

void TimeNavigator::setTickIntervalMs(int ms)
{
    ms = std::clamp(ms, 16, 10000);
    if (ms == m_tickMs)
        return;
    m_tickMs = ms;
    m_timer.setInterval(ms);
    emit speedChanged(ms);
}

int TimeNavigator::tickIntervalMs() const
{
    return m_tickMs;
}
void TimeNavigator::setLooping(bool loop)
{
    m_loop = loop;
}
bool TimeNavigator::isPlaying() const
{
    return m_timer.isActive();
}

void TimeNavigator::play()
{
    if (m_timer.isActive())
        return;
    m_timer.start();
    emit playingChanged(true);
}

void TimeNavigator::pause()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void TimeNavigator::togglePlay()
{
    isPlaying() ? pause() : play();
}
void TimeNavigator::stepForward()
{
    advance(stepSecs());
}
void TimeNavigator::stepBackward()
{
    advance(-stepSecs());
}

void TimeNavigator::advance(qint64 delta)
{
    const qint64 length = m_to - m_from;
    qint64 from = m_from + delta;
    if (delta > 0 && from >= m_extentTo) {
        // Past the end: wrap to the start when looping, else stop at the end.
        if (m_loop) {
            from = m_extentFrom;
        } else {
            pause();
            return;
        }
    }
    if (delta < 0 && from + length <= m_extentFrom)
        from = m_extentFrom;
    setWindow(from, from + length);
}

} // namespace fa
