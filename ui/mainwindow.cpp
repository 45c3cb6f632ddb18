#include "mainwindow.h"

#include "databasecontroller.h"
#include "detailspanel.h"
#include "editcontroller.h"
#include "eventeditor.h"
#include "eventindex.h"
#include "eventstore.h"
#include "eventtableview.h"
#include "eventtext.h"
#include "exportdatadialog.h"
#include "exportdialog.h"
#include "filterpanel.h"
#include "importdialog.h"
#include "mapbridge.h"
#include "mapwidget.h"
#include "markermodel.h"
#include "timelinepanel.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace fa {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kSplitterKey = QStringLiteral("window/splitter");
constexpr int kStateVersion = 1;

QString dbFileFilter()
{
    return QObject::tr("Frontier Atlas databases (*.db *.sqlite *.fadb);;All files (*)");
}

} // namespace

MainWindow::MainWindow(ViewState* state, DatabaseController* db, QWidget* parent)
    : QMainWindow(parent), m_state(state), m_db(db)
{
    setObjectName(QStringLiteral("MainWindow"));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    m_bridge = new MapBridge(state, this);
    buildCentre();
    buildDocks();
    buildActions();
    buildStatusBar();

    connect(m_bridge->markerModel(), &MarkerModel::refreshed, this, &MainWindow::updateCounts);
    connect(state->navigator(), &TimeNavigator::windowChanged, this,
            &MainWindow::updateWindowLabel);
    connect(state->navigator(), &TimeNavigator::modeChanged, this, &MainWindow::updateWindowLabel);
    connect(db, &DatabaseController::databaseChanged, this, &MainWindow::updateTitle);
    connect(db, &DatabaseController::recentFilesChanged, this, &MainWindow::updateRecentMenu);
    connect(state, &ViewState::dataReset, this, [this] {
        m_saveCopyAction->setEnabled(m_state->store() != nullptr);
        updateCounts();
    });

    // First start: most of the screen (the docks need room beside the map).
    const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1400, 900);
    resize(std::min(1600, avail.width() * 92 / 100), std::min(1000, avail.height() * 92 / 100));
    m_defaultState = saveState(kStateVersion);
    m_layoutRestored = restoreSettings();
    updateTitle();
    updateRecentMenu();
    updateWindowLabel();
    updateCounts();
    m_saveCopyAction->setEnabled(m_state->store() != nullptr);
}

MainWindow::~MainWindow()
{
    // The QML scene reads the bridge until it is gone: destroy the map before the bridge.
    delete m_splitter;
}

// ---------------------------------------------------------------------------------- layout

void MainWindow::buildCentre()
{
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("centreSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_map = new MapWidget(m_bridge, m_splitter);
    m_map->setMinimumSize(300, 200);
    m_splitter->addWidget(m_map);
    m_timeline = new TimelinePanel(m_state, m_splitter);
    m_timeline->setMinimumHeight(140);
    m_splitter->addWidget(m_timeline);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({560, 220});
    setCentralWidget(m_splitter);
}

QDockWidget* MainWindow::addDock(const QString& title, const QString& objectName, QWidget* content,
                                 Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::buildDocks()
{
    m_filterPanel = new FilterPanel(m_state, this);
    m_detailsPanel = new DetailsPanel(m_state, this);
    m_table = new EventTableView(m_state, this);
    m_filterDock =
        addDock(tr("Filters"), QStringLiteral("filterDock"), m_filterPanel, Qt::LeftDockWidgetArea);
    m_detailsDock = addDock(tr("Details"), QStringLiteral("detailsDock"), m_detailsPanel,
                            Qt::RightDockWidgetArea);
    m_tableDock =
        addDock(tr("Events"), QStringLiteral("tableDock"), m_table, Qt::BottomDockWidgetArea);

    // Editing: the panels ask, the controller opens editors and runs undo commands; "pick on
    // map" takes the map's next click as the location.
    m_edit = new EditController(m_state, this, this);
    connect(m_detailsPanel, &DetailsPanel::editRequested, m_edit, &EditController::editEvent);
    connect(m_detailsPanel, &DetailsPanel::deleteRequested, m_edit,
            [this](const QUuid& id) { reportEditStatus(m_edit->deleteEvent(id)); });
    connect(m_table, &EventTableView::editRequested, m_edit, &EditController::editEvent);
    connect(m_edit, &EditController::pickLocationRequested, this, [this] {
        m_pickingLocation = true;
        statusBar()->showMessage(tr("Click the map to place the event"));
        m_map->setFocus();
    });
    connect(m_bridge, &MapBridge::mapClickedAt, this, [this](double lat, double lon) {
        if (!m_pickingLocation)
            return;
        m_pickingLocation = false;
        statusBar()->clearMessage();
        m_edit->setPickedLocation(lat, lon);
    });
    connect(m_edit, &EditController::errorOccurred, this, [this](const QString& message) {
        showError(tr("The change was not saved"), Error::make(Error::Kind::Invalid, message));
    });
    // The table spans the bottom only under the centre; the side panels keep full height.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    resizeDocks({m_filterDock, m_detailsDock}, {260, 340}, Qt::Horizontal);
    resizeDocks({m_tableDock}, {220}, Qt::Vertical);
}

void MainWindow::buildStatusBar()
{
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_windowLabel = new QLabel(this);
    m_windowLabel->setObjectName(QStringLiteral("windowLabel"));
    m_cursorLabel = new QLabel(this);
    m_cursorLabel->setObjectName(QStringLiteral("cursorLabel"));
    // Wide enough for "-90.0000° S, -180.0000° E" so that moving the mouse does not jiggle.
    m_cursorLabel->setMinimumWidth(
        m_cursorLabel->fontMetrics().horizontalAdvance(QStringLiteral("00.0000° N, 000.0000° E")) +
        8);
    statusBar()->addWidget(m_countLabel);
    statusBar()->addWidget(m_windowLabel, 1);
    statusBar()->addPermanentWidget(m_cursorLabel);
    connect(m_bridge, &MapBridge::cursorCoordinate, this, [this](double lat, double lon) {
        m_cursorLabel->setText(eventtext::coordinateText(lat, lon));
    });
    connect(m_bridge, &MapBridge::cursorLeftMap, m_cursorLabel, &QLabel::clear);
}

// ---------------------------------------------------------------------------------- actions

void MainWindow::buildActions()
{
    QStyle* st = style();
    auto make = [this](const QString& text, const QKeySequence& key, auto slot) {
        auto* a = new QAction(text, this);
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    TimeNavigator* nav = m_state->navigator();

    // File
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAct = make(tr("&New Database…"), QKeySequence::New, &MainWindow::newDialog);
    newAct->setIcon(st->standardIcon(QStyle::SP_FileIcon));
    QAction* openAct = make(tr("&Open Database…"), QKeySequence::Open, &MainWindow::openDialog);
    openAct->setIcon(st->standardIcon(QStyle::SP_DialogOpenButton));
    file->addAction(newAct);
    file->addAction(openAct);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_saveCopyAction =
        make(tr("Save a &Copy As…"), QKeySequence(tr("Ctrl+Shift+S")), &MainWindow::saveCopyDialog);
    m_saveCopyAction->setIcon(st->standardIcon(QStyle::SP_DialogSaveButton));
    file->addAction(m_saveCopyAction);
    file->addSeparator();
    QAction* importAct = make(tr("&Import Events…"), QKeySequence(tr("Ctrl+I")), [this] {
        // The import commits through its own connection: the open database then reloads.
        ImportDialog::run(m_state, this, [this] {
            if (const Status s = m_db->reload(); !s)
                showError(tr("Could not reload the database"), s.error());
        });
    });
    QAction* exportData = make(tr("Export &Events…"), QKeySequence(tr("Ctrl+Shift+E")),
                               [this] { ExportDataDialog::run(m_state, this); });
    QAction* exportBriefing = make(tr("Export &Briefing…"), QKeySequence(tr("Ctrl+E")), [this] {
        // The briefing shows what the map shows now.
        auto* dialog = new ExportDialog(m_state, m_bridge->viewport().bounds(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction* copyBriefing =
        make(tr("Copy Briefing &Picture"), QKeySequence(tr("Ctrl+Shift+C")), [this] {
            // Same picture as the export dialog's remembered choices, straight to the clipboard.
            ExportDialog::copyToClipboard(m_state, m_bridge->viewport().bounds());
            statusBar()->showMessage(tr("Briefing picture copied to the clipboard"), 4000);
        });
    // Right-click on the map: export or copy what it shows now.
    QAction* exportView = make(tr("Export View as Briefing…"), QKeySequence(),
                               [exportBriefing] { exportBriefing->trigger(); });
    m_map->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_map->addAction(exportView);
    m_map->addAction(copyBriefing);
    for (QAction* a : {importAct, exportData, exportBriefing, copyBriefing, exportView}) {
        a->setEnabled(m_state->store() != nullptr);
        connect(m_state, &ViewState::dataReset, a,
                [this, a] { a->setEnabled(m_state->store() != nullptr); });
        if (a != exportView)
            file->addAction(a);
    }
    file->addSeparator();
    QAction* quit = make(tr("&Quit"), QKeySequence::Quit, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);
    file->addAction(quit);

    // Edit
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_state->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(st->standardIcon(QStyle::SP_ArrowBack));
    QAction* redo = m_state->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(tr("Ctrl+Y"))});
    redo->setIcon(st->standardIcon(QStyle::SP_ArrowForward));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* addEvent =
        make(tr("&Add Event…"), QKeySequence(tr("Ctrl+Shift+N")), [this] { m_edit->addEvent(); });
    QAction* editEvent = make(tr("&Edit Selected Event…"), QKeySequence(tr("F2")), [this] {
        if (!m_state->selectedEvent().isNull())
            m_edit->editEvent(m_state->selectedEvent());
    });
    QAction* deleteEvent = make(tr("&Delete Selected Event"), QKeySequence(tr("Ctrl+Del")), [this] {
        if (!m_state->selectedEvent().isNull())
            reportEditStatus(m_edit->deleteEvent(m_state->selectedEvent()));
    });
    edit->addAction(addEvent);
    edit->addAction(editEvent);
    edit->addAction(deleteEvent);
    edit->addSeparator();
    QAction* find = make(tr("&Find…"), QKeySequence::Find, &MainWindow::focusTextFilter);
    edit->addAction(find);
    QAction* clearFilters = make(tr("C&lear Filters"), QKeySequence(tr("Ctrl+Shift+X")),
                                 [this] { m_state->setFilter({}); });
    edit->addAction(clearFilters);
    QAction* clearSel = make(tr("Clear &Selection"), QKeySequence(Qt::Key_Escape),
                             [this] { m_state->setSelectedEvent({}); });
    edit->addAction(clearSel);

    // View
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* zoomIn = make(tr("Zoom &In"), QKeySequence::ZoomIn, [this] { m_bridge->zoomBy(1); });
    QAction* zoomOut =
        make(tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { m_bridge->zoomBy(-1); });
    QAction* zoomFiltered = make(tr("Zoom to &Filtered Events"), QKeySequence(tr("Ctrl+0")),
                                 [this] { m_state->requestZoomToFiltered(); });
    zoomFiltered->setIcon(st->standardIcon(QStyle::SP_FileDialogContentsView));
    QAction* zoomSelected = make(tr("Zoom to &Selected Event"), QKeySequence(tr("Ctrl+L")), [this] {
        if (!m_state->selectedEvent().isNull())
            m_state->requestZoomToEvent(m_state->selectedEvent());
    });
    view->addAction(zoomIn);
    view->addAction(zoomOut);
    view->addAction(zoomFiltered);
    view->addAction(zoomSelected);
    view->addSeparator();
    QMenu* panels = view->addMenu(tr("&Panels"));
    for (QDockWidget* d : {m_filterDock, m_detailsDock, m_tableDock})
        panels->addAction(d->toggleViewAction());
    m_filterDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+1")));
    m_detailsDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+2")));
    m_tableDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+3")));
    view->addAction(make(tr("&Reset Layout"), QKeySequence(), &MainWindow::resetLayout));

    // Go (time)
    QMenu* go = menuBar()->addMenu(tr("&Go"));
    QAction* fitAll =
        make(tr("&Whole Time Range"), QKeySequence(tr("Ctrl+Home")), [nav] { nav->resetWindow(); });
    fitAll->setIcon(st->standardIcon(QStyle::SP_BrowserReload));
    QAction* play =
        make(tr("&Play / Pause"), QKeySequence(tr("Ctrl+Space")), [nav] { nav->togglePlay(); });
    play->setIcon(st->standardIcon(QStyle::SP_MediaPlay));
    connect(nav, &TimeNavigator::playingChanged, play, [play, st](bool playing) {
        play->setIcon(st->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    QAction* back =
        make(tr("Step &Back"), QKeySequence(tr("Ctrl+Left")), [nav] { nav->stepBackward(); });
    back->setIcon(st->standardIcon(QStyle::SP_MediaSeekBackward));
    QAction* fwd =
        make(tr("Step &Forward"), QKeySequence(tr("Ctrl+Right")), [nav] { nav->stepForward(); });
    fwd->setIcon(st->standardIcon(QStyle::SP_MediaSeekForward));
    QAction* cumulative = new QAction(tr("&Cumulative (Everything up to the Window's End)"), this);
    cumulative->setCheckable(true);
    cumulative->setShortcut(QKeySequence(tr("Ctrl+K")));
    connect(cumulative, &QAction::toggled, nav, [nav](bool on) {
        nav->setMode(on ? TimeNavigator::Mode::Cumulative : TimeNavigator::Mode::Sliding);
    });
    connect(nav, &TimeNavigator::modeChanged, cumulative, [cumulative](TimeNavigator::Mode m) {
        cumulative->setChecked(m == TimeNavigator::Mode::Cumulative);
    });
    go->addAction(fitAll);
    go->addSeparator();
    go->addAction(play);
    go->addAction(back);
    go->addAction(fwd);
    go->addAction(cumulative);

    // Help
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(
        make(tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, &MainWindow::showShortcuts));
    QAction* about = make(tr("&About Frontier Atlas"), QKeySequence(), [this] {
        QMessageBox::about(this, tr("About Frontier Atlas"),
                           tr("<b>Frontier Atlas</b> %1<br>A timeline and map of events on the "
                              "Tajik–Afghan frontier.")
                               .arg(QApplication::applicationVersion().toHtmlEscaped()));
    });
    about->setMenuRole(QAction::AboutRole);
    help->addAction(about);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    bar->addAction(openAct);
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    bar->addAction(zoomFiltered);
    bar->addAction(fitAll);
    bar->addSeparator();
    bar->addAction(back);
    bar->addAction(play);
    bar->addAction(fwd);
    bar->addSeparator();
    bar->addAction(clearFilters);
    // Icons only where the symbol says it; words where it would not.
    for (QAction* a : {undo, redo, back, play, fwd})
        a->setPriority(QAction::LowPriority);
}

// ---------------------------------------------------------------------------------- status

QString MainWindow::countText() const
{
    return m_countLabel->text();
}
QString MainWindow::windowText() const
{
    return m_windowLabel->text();
}
QString MainWindow::cursorText() const
{
    return m_cursorLabel->text();
}

void MainWindow::updateCounts()
{
    const EventIndex* index = m_state->index();
    if (!index) {
        m_countLabel->setText(tr("No database open"));
        return;
    }
    const QLocale loc;
    const std::size_t shown = m_bridge->markerModel()->matchingCount();
    m_countLabel->setText(
        tr("%1 of %2 events shown")
            .arg(loc.toString(qulonglong(shown)), loc.toString(qulonglong(index->size()))));
}

void MainWindow::updateWindowLabel()
{
    const TimeNavigator* nav = m_state->navigator();
    if (nav->mode() == TimeNavigator::Mode::Cumulative)
        m_windowLabel->setText(tr("Up to %1").arg(eventtext::lastDayText(nav->windowTo())));
    else
        m_windowLabel->setText(eventtext::rangeText(nav->windowFrom(), nav->windowTo()));
}

void MainWindow::updateTitle()
{
    const QString path = m_db->currentPath();
    if (path.isEmpty()) {
        setWindowTitle(tr("Frontier Atlas"));
        return;
    }
    QString title = tr("%1 — Frontier Atlas").arg(QFileInfo(path).fileName());
    if (m_state->store() && m_state->store()->isReadOnly())
        title += tr(" [read-only]");
    setWindowTitle(title);
    setWindowFilePath(path);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_db->recentFiles();
    for (const QString& path : recent) {
        QAction* a = m_recentMenu->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openDatabase(path); });
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear List"), this, [this] { m_db->clearRecentFiles(); });
}

// ---------------------------------------------------------------------------------- files

bool MainWindow::openDatabase(const QString& path)
{
    Status st = m_db->open(path);
    if (!st && st.error().kind == Error::Kind::ReadOnly) {
        const auto answer = QMessageBox::question(
            this, tr("Open Read-Only?"),
            tr("%1\n\nOpen it read-only instead? You can browse but not edit.")
                .arg(st.error().message));
        if (answer == QMessageBox::Yes)
            st = m_db->open(path, EventStore::OpenMode::ReadOnly);
    }
    if (!st) {
        showError(tr("Could not open %1").arg(QFileInfo(path).fileName()), st.error());
        return false;
    }
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

bool MainWindow::newDatabase(const QString& path)
{
    const Status st = m_db->createNew(path);
    if (!st) {
        showError(tr("Could not create %1").arg(QFileInfo(path).fileName()), st.error());
        return false;
    }
    return true;
}

bool MainWindow::saveCopyAs(const QString& path)
{
    const Status st = m_db->saveCopyAs(path);
    if (!st) {
        showError(tr("Could not save a copy as %1").arg(QFileInfo(path).fileName()), st.error());
        return false;
    }
    statusBar()->showMessage(tr("Saved a copy as %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

void MainWindow::openDialog()
{
    const QString dir = QFileInfo(m_db->currentPath()).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Database"), dir, dbFileFilter());
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::newDialog()
{
    const QString dir = QFileInfo(m_db->currentPath()).absolutePath();
    // The store refuses to overwrite: no "replace?" question that it would then contradict.
    const QString path = QFileDialog::getSaveFileName(this, tr("New Database"), dir, dbFileFilter(),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        newDatabase(path);
}

void MainWindow::saveCopyDialog()
{
    const QFileInfo cur(m_db->currentPath());
    const QString suggestion = cur.absolutePath() + QLatin1Char('/') + cur.completeBaseName() +
                               tr("-copy") + QLatin1Char('.') + cur.suffix();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save a Copy As"), suggestion, dbFileFilter());
    if (!path.isEmpty())
        saveCopyAs(path);
}

void MainWindow::showError(const QString& what, const Error& error)
{
    // Window-modal and non-blocking: the window stays alive (and testable) behind it.
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Frontier Atlas"), what, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setInformativeText(error.message);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

// ---------------------------------------------------------------------------------- misc

void MainWindow::focusTextFilter()
{
    m_filterDock->show();
    m_filterDock->raise();
    m_filterPanel->textSearch()->setFocus(Qt::ShortcutFocusReason);
    m_filterPanel->textSearch()->selectAll();
}

void MainWindow::reportEditStatus(const Status& st)
{
    if (!st)
        showError(tr("The change was not saved"), st.error());
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState, kStateVersion);
    for (QDockWidget* d : {m_filterDock, m_detailsDock, m_tableDock})
        d->show();
    m_splitter->setSizes({560, 220});
}

void MainWindow::showShortcuts()
{
    QString text = QStringLiteral("<table cellspacing=4>");
    const QList<QAction*> all = findChildren<QAction*>();
    for (QAction* a : all) {
        if (a->shortcut().isEmpty() || a->text().isEmpty())
            continue;
        QString name = a->text();
        name.remove(QLatin1Char('&'));
        text += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                         name.toHtmlEscaped());
    }
    text += QStringLiteral("</table><p>Map: drag to pan, wheel to zoom, arrow keys and +/−; "
                           "click a cluster to zoom in on it.</p>");
    QMessageBox::information(this, tr("Keyboard Shortcuts"), text);
}

bool MainWindow::restoreSettings()
{
    QSettings s;
    if (s.contains(kGeometryKey))
        restoreGeometry(s.value(kGeometryKey).toByteArray());
    if (s.contains(kSplitterKey))
        m_splitter->restoreState(s.value(kSplitterKey).toByteArray());
    return s.contains(kStateKey) && restoreState(s.value(kStateKey).toByteArray(), kStateVersion);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_layoutRestored || m_defaultDocksSized)
        return;
    m_defaultDocksSized = true;
    // Dock sizes only stick once the window has its real size: set them on the first show.
    QTimer::singleShot(0, this, [this] {
        // The map and the timeline's controls need about 1,150 px: on narrower screens the
        // filters share the right-hand column with the details, as tabs.
        const int avail = screen() ? screen()->availableGeometry().width() : 1920;
        if (avail < 1900) {
            addDockWidget(Qt::RightDockWidgetArea, m_filterDock);
            tabifyDockWidget(m_filterDock, m_detailsDock);
            m_detailsDock->raise();
            resize(std::min(width(), avail * 96 / 100), height());
        }
        resizeDocks({m_filterDock, m_detailsDock}, {270, 380}, Qt::Horizontal);
        resizeDocks({m_tableDock}, {230}, Qt::Vertical);
        m_defaultState = saveState(kStateVersion);
    });
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(kGeometryKey, saveGeometry());
    s.setValue(kStateKey, saveState(kStateVersion));
    s.setValue(kSplitterKey, m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace fa
