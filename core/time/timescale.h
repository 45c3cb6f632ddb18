#pragma once
// The timeline's time <-> pixel mapping and its calendar ticks: a copyable value type with no
// widget behind it, so that the screen, the export and the tests share the same maths.
// Times are UTC seconds since the epoch (double, so that zooming keeps sub-second precision);
// the ticks follow the Gregorian calendar in UTC, from decades down to hours.

#include <QString>
#include <QtGlobal>

#include <vector>

namespace fa {

class TimeScale {
public:
    /// A tick spacing: `count` calendar units (e.g. {Year, 10} is a decade, {Hour, 6}).
    enum class Unit { Hour, Day, Month, Year };
    struct Step {
        Unit unit = Unit::Year;
        int count = 1;
        bool operator==(const Step&) const = default;
        double approxSecs() const; ///< mean length (months 30.44 days, years 365.25 days)
    };
    /// One tick: its time, its x and (for labelled ticks) its text.
    struct Tick {
        qint64 secs = 0;
        double x = 0;
        QString label;
    };

    /// The smallest time span a view may show and the largest (zoom limits).
    static constexpr double kMinSpanSecs = 2.0 * 3600;
    static constexpr double kMaxSpanSecs = 400.0 * 365.25 * 86400;

    TimeScale() = default;
    /// Maps [fromSecs, toSecs] onto [left, left + width] pixels. A degenerate span or width is
    /// widened to one second / one pixel so that the maths never divides by zero.
    TimeScale(double fromSecs, double toSecs, double left, double width);

    double fromSecs() const { return m_from; }
    double toSecs() const { return m_to; }
    double spanSecs() const { return m_to - m_from; }
    double left() const { return m_left; }
    double width() const { return m_width; }
    double right() const { return m_left + m_width; }
    double secsPerPixel() const { return spanSecs() / m_width; }

    double xOf(double secs) const { return m_left + (secs - m_from) / secsPerPixel(); }
    double secsAt(double x) const { return m_from + (x - m_left) * secsPerPixel(); }

    /// Zoom by `factor` (> 1 zooms in) keeping the time under pixel x where it is; the span is
    /// clamped to [kMinSpanSecs, kMaxSpanSecs].
    TimeScale zoomedAround(double x, double factor) const;
    /// Moves the view by dx pixels (dx > 0 shows earlier times: content follows the mouse).
    TimeScale pannedBy(double dxPixels) const;
    /// The same span centred on secs.
    TimeScale centredOn(double secs) const;
    /// Same times on another pixel range (used to draw the same view at another size).
    TimeScale withPixels(double left, double width) const;
    bool operator==(const TimeScale&) const = default;

    /// The finest step whose ticks are at least minSpacingPx apart at this zoom.
    static Step chooseStep(double secsPerPixel, double minSpacingPx);
    /// The finest step that nests inside `major` (every major tick is also a minor tick) and is
    /// at least minSpacingPx apart; equals `major` when none fits.
    static Step chooseMinorStep(Step major, double secsPerPixel, double minSpacingPx);
    /// The coarser unit whose names give the axis's context row (day ticks -> "March 2024").
    /// Returns false for year steps, which need no context.
    static bool contextStep(Step step, Step& context);

    /// Largest tick time <= secs for this step (calendar aligned, UTC).
    static qint64 floorTo(qint64 secs, Step step);
    static qint64 advance(qint64 secs, Step step); ///< the next tick after an aligned secs
    /// Label of an aligned tick time: "1990", "2024", "Mar", "12", "14:00".
    static QString label(qint64 secs, Step step);
    /// Label of a context segment: "March 2024" (month), "2024" (year), "Tue 12 Mar 2024" (day).
    static QString contextLabel(qint64 secs, Step context);

    /// Ticks from floorTo(fromSecs) to past toSecs (at most maxTicks), labelled with `step`.
    std::vector<Tick> ticks(Step step, int maxTicks = 2000) const;

private:
    double m_from = 0, m_to = 1;
    double m_left = 0, m_width = 1;
};

} // namespace fa
