#pragma once
// The timeline with its controls: playback (step back, play/pause, step forward, speed), the
// window's length, sliding or cumulative mode, lane mode, date fields to type the window
// exactly, a "go to date" field and a fit-all button. Every control only calls the
// TimeNavigator (or the TimelineWidget's own view) and follows the navigator's signals back.

#include <QWidget>

class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QToolButton;

namespace fa {

class TimelineWidget;
class ViewState;

class TimelinePanel : public QWidget {
    Q_OBJECT
public:
    explicit TimelinePanel(ViewState* state, QWidget* parent = nullptr);

    TimelineWidget* timeline() const { return m_timeline; }

    // The controls, for tests and for the main window's shortcuts.
    QToolButton* playButton() const { return m_play; }
    QDateTimeEdit* fromEdit() const { return m_fromEdit; }
    QDateTimeEdit* toEdit() const { return m_toEdit; }
    QComboBox* lengthBox() const { return m_length; }
    QComboBox* modeBox() const { return m_mode; }
    QComboBox* laneBox() const { return m_lanes; }
    QComboBox* speedBox() const { return m_speed; }
    QDateEdit* goToEdit() const { return m_goTo; }

public slots:
    void goToDate(); ///< centres the view and the window on the "go to" field's date

private:
    void syncFromNavigator();
    void applyTypedWindow();
    void applyLength(int comboIndex);

    ViewState* m_state;
    TimelineWidget* m_timeline;
    QToolButton* m_play;
    QComboBox* m_speed;
    QComboBox* m_length;
    QComboBox* m_mode;
    QComboBox* m_lanes;
    QDateTimeEdit* m_fromEdit;
    QDateTimeEdit* m_toEdit;
    QDateEdit* m_goTo;
};

} // namespace fa
