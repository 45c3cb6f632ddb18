#pragma once
// File > Import: choose a file, see its first rows as they will be mapped (or why they will be
// rejected), pick the format and the policy, then import with a progress bar and Cancel. The
// import runs on a worker thread through its own connection to the database file, so the
// window stays responsive and never shares a SQLite connection across threads; when it has
// committed, importFinished(true) tells the caller, which reloads the open database
// (DatabaseController::reload). The report is shown at the end and can be saved as text.

#include "importer.h"
#include "importrunner.h"

#include <QDialog>
#include <QFuture>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTableWidget;

namespace fa {

class ViewState;

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    /// Asks for a file (when path is empty) and runs the dialog modally. The entry point the
    /// window's File > Import action calls; afterCommit runs once an import has committed.
    static void run(ViewState* state, QWidget* parent, const std::function<void()>& afterCommit,
                    const QString& path = {});

    ImportDialog(ViewState* state, const QString& path, QWidget* parent = nullptr);
    ~ImportDialog() override;

    // For tests: the state of the dialog.
    ImportFormat chosenFormat() const;
    ImportPolicy chosenPolicy() const;
    void setChosenFormat(ImportFormat f);
    void setChosenPolicy(ImportPolicy p);
    QTableWidget* previewTable() const { return m_preview; }
    const ImportReport* lastReport() const { return m_report.get(); }
    QString reportText() const;
    /// Starts the import (what the Import button does).
    void startImport();
    bool isRunning() const { return m_running; }

signals:
    /// Emitted on the UI thread when an import has finished (committed or not).
    void importFinished(bool committed);

private:
    void refreshPreview();
    void onFinished(const ImportReport& report);
    void cancelOrClose();
    void saveReport();

    QPointer<ViewState> m_state;
    QString m_path;
    QComboBox* m_format = nullptr;
    QLineEdit* m_dateProperty = nullptr;
    QLabel* m_dateLabel = nullptr;
    QRadioButton* m_validRows = nullptr;
    QRadioButton* m_allOrNothing = nullptr;
    QTableWidget* m_preview = nullptr;
    QLabel* m_previewNote = nullptr;
    QProgressBar* m_progress = nullptr;
    QPlainTextEdit* m_reportView = nullptr;
    QStackedWidget* m_pages = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    std::unique_ptr<ImportReport> m_report;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFuture<ImportReport> m_future;
    bool m_running = false;
};

} // namespace fa
