#pragma once
// File > Export Events: a format (CSV with ACLED's columns, GeoJSON, KML for Google Earth's time
// slider, Frontier Atlas JSON) and a scope (every event, or those the current filter and time
// window show), then a file name. Writes through core/exporters.h, atomically.

#include "exporters.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QRadioButton;

namespace fa {

class ViewState;
struct EventFilter;

class ExportDataDialog : public QDialog {
    Q_OBJECT
public:
    /// Runs the dialog modally; the entry point the window's File > Export action calls.
    static void run(ViewState* state, QWidget* parent);

    explicit ExportDataDialog(ViewState* state, QWidget* parent = nullptr);

    ExportFormat chosenFormat() const;
    void setChosenFormat(ExportFormat f);
    bool onlyFiltered() const;
    void setOnlyFiltered(bool filtered);
    /// The filter the export uses: empty for all events; else the panel's filter plus the
    /// navigator's window.
    EventFilter exportFilter() const;
    /// Writes the chosen events to path; returns the number written.
    Result<qint64> exportTo(const QString& path) const;

private:
    EventFilter viewFilter() const;
    void updateCounts();
    void chooseFileAndExport();

    QPointer<ViewState> m_state;
    QComboBox* m_format = nullptr;
    QRadioButton* m_all = nullptr;
    QRadioButton* m_filtered = nullptr;
    QLabel* m_hint = nullptr;
};

} // namespace fa
