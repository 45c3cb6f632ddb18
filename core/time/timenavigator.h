#pragma once
// The time model (after QGIS's temporal controller/navigation split): the current window,
// the dataset's extent, and playback that slides the window. Views listen; the timeline
// widget only translates user gestures into calls here. Setters emit only on a real change.

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace fa {

class TimeNavigator : public QObject {
    Q_OBJECT
public:
    enum class Mode { Sliding, Cumulative }; ///< Cumulative: everything up to the window's end

    explicit TimeNavigator(QObject* parent = nullptr);

    // The dataset's extent (what "fit all" shows and where playback wraps).
    void setExtent(qint64 fromSecs, qint64 toSecs);
    qint64 extentFrom() const;
    qint64 extentTo() const;

    /// The selected window [from, to), UTC seconds. from < to is enforced (swapped if needed).
    void setWindow(qint64 fromSecs, qint64 toSecs);
    qint64 windowFrom() const;
    qint64 windowTo() const;
    /// The window a filter should use: in Cumulative mode from = extentFrom().
    qint64 effectiveFrom() const;
    void resetWindow(); ///< window = extent

    void setMode(Mode m);
    Mode mode() const;

    // Playback: every tick the window moves by stepSecs (default: its own length / 10).
    void setStepSecs(qint64 secs);
    qint64 stepSecs() const;
    void setTickIntervalMs(int ms); ///< speed: lower = faster
    int tickIntervalMs() const;
    void setLooping(bool loop);
    bool isPlaying() const;

public slots:
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBackward();

signals:
    void windowChanged(qint64 fromSecs, qint64 toSecs);
    void extentChanged(qint64 fromSecs, qint64 toSecs);
    void modeChanged(fa::TimeNavigator::Mode mode);
    void playingChanged(bool playing);
    void stepChanged(qint64 secs);
    void speedChanged(int tickIntervalMs);

private:
    void advance(qint64 delta);

    qint64 m_extentFrom = 0, m_extentTo = 1;
    qint64 m_from = 0, m_to = 1;
    qint64 m_step = 0; ///< 0 = window length / 10
    int m_tickMs = 500;
    bool m_loop = true;
    Mode m_mode = Mode::Sliding;
    QTimer m_timer;
};

} // namespace fa
