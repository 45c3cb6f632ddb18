#pragma once
// What the user narrows every view to: families and event types (ticked = shown, with counts in
// the current window under the rest of the filter), countries and actors (ticked = only these;
// none ticked = all), minimum casualties and full-text search. Changes go to
// ViewState::setFilter; a summary line says in words what is active, with a one-click Clear.

#include "eventfilter.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSpinBox;
class QTimer;

namespace fa {

class ViewState;

class FilterPanel : public QWidget {
    Q_OBJECT
public:
    explicit FilterPanel(ViewState* state, QWidget* parent = nullptr);

    /// "Incident events · at least 1 killed or injured · ..." for a filter and window.
    static QString describe(const EventFilter& f, qint64 fromSecs, qint64 toSecs, bool cumulative);
    QString summaryText() const;

    /// Counts shown beside the boxes (in the current window, under the rest of the filter).
    int familyCount(Family f) const;
    int typeCount(const QString& type) const; ///< -1 if the type is not listed

    QCheckBox* familyBox(Family f) const { return m_families[int(f)]; }
    QListWidget* typeList() const { return m_types; }
    QListWidget* countryList() const { return m_countries; }
    QListWidget* actorList() const { return m_actors; }
    QLineEdit* actorSearch() const { return m_actorSearch; }
    QLineEdit* textSearch() const { return m_text; }
    QSpinBox* minCasualtiesBox() const { return m_minCasualties; }
    QPushButton* clearButton() const { return m_clear; }

public slots:
    void updateCounts();  ///< recounts now (normally coalesced after changes)
    void reloadChoices(); ///< re-reads types, countries and actors from the store

private:
    void applyToState();  ///< controls -> ViewState::setFilter
    void syncFromState(); ///< ViewState's filter -> controls
    void scheduleCounts();
    void updateSummary();
    void filterActorList(const QString& text);

    ViewState* m_state;
    bool m_syncing = false;
    QTimer* m_countTimer;
    QTimer* m_textDelay;

    QLabel* m_summary;
    QPushButton* m_clear;
    QLabel* m_window;
    QLineEdit* m_text;
    QCheckBox* m_families[kFamilyCount] = {};
    int m_familyCounts[kFamilyCount] = {0, 0, 0};
    QListWidget* m_types;
    QHash<QString, int> m_typeCounts;
    QListWidget* m_countries;
    QLineEdit* m_actorSearch;
    QListWidget* m_actors;
    QSpinBox* m_minCasualties;
};

} // namespace fa
