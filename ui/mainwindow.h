#pragma once
// The main window: map and timeline in the centre, dockable details, table and filter panels,
// menus, toolbar and status bar. A thin shell: the views talk through the ViewState, databases
// are swapped by the DatabaseController, and the map is driven through its MapBridge.

#include "result.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;

namespace fa {

class DatabaseController;
class DetailsPanel;
class EditController;
class EventTableView;
class FilterPanel;
class TimelinePanel;
class MapBridge;
class MapWidget;
class ViewState;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// state and db are not owned and must outlive the window (the composition root owns them).
    MainWindow(ViewState* state, DatabaseController* db, QWidget* parent = nullptr);
    ~MainWindow() override;

    MapWidget* mapWidget() const { return m_map; }
    MapBridge* mapBridge() const { return m_bridge; }
    TimelinePanel* timelinePanel() const { return m_timeline; }
    DetailsPanel* detailsPanel() const { return m_detailsPanel; }
    EventTableView* eventTable() const { return m_table; }
    FilterPanel* filterPanel() const { return m_filterPanel; }
    EditController* editController() const { return m_edit; }
    QDockWidget* detailsDock() const { return m_detailsDock; }
    QDockWidget* tableDock() const { return m_tableDock; }
    QDockWidget* filterDock() const { return m_filterDock; }
    QSplitter* centreSplitter() const { return m_splitter; }
    /// Status bar texts (for tests).
    QString countText() const;
    QString windowText() const;
    QString cursorText() const;

    /// Opens a database, offering read-only where the file cannot be written. On failure the
    /// core's message is shown and the current database stays open. Returns success.
    bool openDatabase(const QString& path);
    bool newDatabase(const QString& path);
    bool saveCopyAs(const QString& path);
    /// A window-modal, non-blocking message: what failed, and the core's one-line reason.
    void showError(const QString& what, const Error& error);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildCentre();
    void buildDocks();
    void buildActions();
    void buildStatusBar();
    QDockWidget* addDock(const QString& title, const QString& objectName, QWidget* content,
                         Qt::DockWidgetArea area);
    void updateCounts();
    void updateWindowLabel();
    void updateTitle();
    void updateRecentMenu();
    bool restoreSettings(); ///< true if a saved dock layout was restored
    void saveSettings() const;
    void resetLayout();
    void showShortcuts();
    void focusTextFilter();
    void reportEditStatus(const Status& st);

    void openDialog();
    void newDialog();
    void saveCopyDialog();

    ViewState* m_state;
    DatabaseController* m_db;
    MapBridge* m_bridge = nullptr; // child
    MapWidget* m_map = nullptr;
    TimelinePanel* m_timeline = nullptr;
    FilterPanel* m_filterPanel = nullptr;
    DetailsPanel* m_detailsPanel = nullptr;
    EventTableView* m_table = nullptr;
    EditController* m_edit = nullptr;
    bool m_pickingLocation = false;
    QSplitter* m_splitter = nullptr;
    QDockWidget* m_detailsDock = nullptr;
    QDockWidget* m_tableDock = nullptr;
    QDockWidget* m_filterDock = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_windowLabel = nullptr;
    QLabel* m_cursorLabel = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_saveCopyAction = nullptr;
    QByteArray m_defaultState; ///< the dock layout as built, for "Reset Layout"
    bool m_layoutRestored = false;
    bool m_defaultDocksSized = false;
};

} // namespace fa
