#include "importdialog.h"

#include "dateformats.h"
#include "eventstore.h"
#include "eventtext.h"
#include "viewstate.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace fa {
namespace {

constexpr int kPreviewRows = 20;

const ImportFormat kFormats[] = {ImportFormat::Acled, ImportFormat::Ucdp, ImportFormat::GeoJson,
                                 ImportFormat::Kml,   ImportFormat::Kmz,  ImportFormat::Json};

QString formatLabel(ImportFormat f)
{
    switch (f) {
    case ImportFormat::Acled:
        return ImportDialog::tr("ACLED CSV");
    case ImportFormat::Ucdp:
        return ImportDialog::tr("UCDP GED CSV");
    case ImportFormat::GeoJson:
        return ImportDialog::tr("GeoJSON");
    case ImportFormat::Kml:
        return ImportDialog::tr("KML");
    case ImportFormat::Kmz:
        return ImportDialog::tr("KMZ (zipped KML)");
    case ImportFormat::Json:
        return ImportDialog::tr("Frontier Atlas JSON");
    case ImportFormat::Unknown:
        break;
    }
    return ImportDialog::tr("Unknown");
}

// Progress shared with the worker thread: plain atomics, polled by a UI timer.
struct Shared {
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
};

} // namespace

void ImportDialog::run(ViewState* state, QWidget* parent, const std::function<void()>& afterCommit,
                       const QString& givenPath)
{
    if (!state || !state->store()) {
        QMessageBox::information(parent, tr("Import"), tr("Open or create a database first."));
        return;
    }
    if (state->store()->isReadOnly()) {
        QMessageBox::information(
            parent, tr("Import"),
            tr("This database is open read-only; nothing can be imported into it."));
        return;
    }
    QString path = givenPath;
    if (path.isEmpty())
        path = QFileDialog::getOpenFileName(
            parent, tr("Import Events"), QString(),
            tr("Event files (*.csv *.geojson *.json *.kml *.kmz);;CSV (*.csv);;GeoJSON (*.geojson "
               "*.json);;KML/KMZ (*.kml *.kmz);;All files (*)"));
    if (path.isEmpty())
        return;
    ImportDialog dialog(state, path, parent);
    connect(&dialog, &ImportDialog::importFinished, &dialog, [afterCommit](bool committed) {
        if (committed && afterCommit)
            afterCommit();
    });
    dialog.exec();
}

ImportDialog::ImportDialog(ViewState* state, const QString& path, QWidget* parent)
    : QDialog(parent), m_state(state), m_path(path)
{
    setWindowTitle(tr("Import %1").arg(QFileInfo(path).fileName()));
    resize(900, 560);

    auto* form = new QFormLayout;
    auto* fileLabel = new QLabel(QFileInfo(path).fileName(), this);
    fileLabel->setToolTip(path);
    form->addRow(tr("File:"), fileLabel);
    m_format = new QComboBox(this);
    for (ImportFormat f : kFormats)
        m_format->addItem(formatLabel(f), int(f));
    form->addRow(tr("&Format:"), m_format);
    m_dateProperty = new QLineEdit(this);
    m_dateProperty->setPlaceholderText(tr("detected (date, event_date, start, time…)"));
    m_dateLabel = new QLabel(tr("&Date property:"), this);
    m_dateLabel->setBuddy(m_dateProperty);
    form->addRow(m_dateLabel, m_dateProperty);

    auto* previewBox = new QGroupBox(tr("The first rows, as they will be imported"), this);
    m_preview = new QTableWidget(previewBox);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->verticalHeader()->hide();
    m_previewNote = new QLabel(previewBox);
    m_previewNote->setWordWrap(true);
    auto* pv = new QVBoxLayout(previewBox);
    pv->addWidget(m_preview);
    pv->addWidget(m_previewNote);

    auto* policyBox = new QGroupBox(tr("Rows that cannot be read"), this);
    m_validRows =
        new QRadioButton(tr("Import the &valid rows and list the others in the report"), policyBox);
    m_allOrNothing = new QRadioButton(tr("Import &nothing if any row is rejected"), policyBox);
    m_validRows->setChecked(true);
    auto* pl = new QVBoxLayout(policyBox);
    pl->addWidget(m_validRows);
    pl->addWidget(m_allOrNothing);

    auto* setup = new QWidget(this);
    auto* sl = new QVBoxLayout(setup);
    sl->setContentsMargins(0, 0, 0, 0);
    sl->addLayout(form);
    sl->addWidget(previewBox, 1);
    sl->addWidget(policyBox);

    auto* result = new QWidget(this);
    auto* rl = new QVBoxLayout(result);
    rl->setContentsMargins(0, 0, 0, 0);
    m_progress = new QProgressBar(result);
    m_progress->setRange(0, 1000);
    m_reportView = new QPlainTextEdit(result);
    m_reportView->setReadOnly(true);
    m_reportView->setLineWrapMode(QPlainTextEdit::NoWrap);
    rl->addWidget(m_progress);
    rl->addWidget(m_reportView, 1);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(setup);
    m_pages->addWidget(result);

    auto* buttons = new QDialogButtonBox(this);
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_saveButton = buttons->addButton(tr("&Save Report…"), QDialogButtonBox::ActionRole);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_saveButton->hide();
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_saveButton, &QPushButton::clicked, this, &ImportDialog::saveReport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::cancelOrClose);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(buttons);

    // The detected format, which the user may override.
    QFile f(path);
    ImportFormat detected = ImportFormat::Unknown;
    if (f.open(QIODevice::ReadOnly))
        detected = detectImportFormat(f.peek(4096), path);
    if (detected != ImportFormat::Unknown)
        setChosenFormat(detected);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::refreshPreview);
    connect(m_dateProperty, &QLineEdit::editingFinished, this, &ImportDialog::refreshPreview);
    refreshPreview();
}

ImportDialog::~ImportDialog()
{
    // The worker holds only shared state, but let it finish before the dialog goes away.
    if (m_cancel)
        m_cancel->store(true);
    if (m_future.isRunning())
        m_future.waitForFinished();
}

ImportFormat ImportDialog::chosenFormat() const
{
    return ImportFormat(m_format->currentData().toInt());
}

ImportPolicy ImportDialog::chosenPolicy() const
{
    return m_allOrNothing->isChecked() ? ImportPolicy::AllOrNothing : ImportPolicy::ValidRows;
}

void ImportDialog::setChosenFormat(ImportFormat f)
{
    const int i = m_format->findData(int(f));
    if (i >= 0)
        m_format->setCurrentIndex(i);
}

void ImportDialog::setChosenPolicy(ImportPolicy p)
{
    (p == ImportPolicy::AllOrNothing ? m_allOrNothing : m_validRows)->setChecked(true);
}

QString ImportDialog::reportText() const
{
    return m_report ? m_report->toText() : QString();
}

void ImportDialog::refreshPreview()
{
    const ImportFormat format = chosenFormat();
    const bool geojson = format == ImportFormat::GeoJson;
    m_dateLabel->setVisible(geojson);
    m_dateProperty->setVisible(geojson);

    ImportOptions opts;
    opts.sourceName = QFileInfo(m_path).fileName();
    opts.dateProperty = m_dateProperty->text().trimmed();
    auto importer = makeImporter(format, opts);
    const QStringList headers = {importer ? importer->recordNoun() : tr("Record"),
                                 tr("Status"),
                                 tr("Date"),
                                 tr("Title"),
                                 tr("Family"),
                                 tr("Type"),
                                 tr("Place"),
                                 tr("Country"),
                                 tr("Latitude"),
                                 tr("Longitude"),
                                 tr("Killed")};
    m_preview->clear();
    m_preview->setColumnCount(int(headers.size()));
    m_preview->setHorizontalHeaderLabels(headers);
    m_preview->setRowCount(0);
    if (!importer) {
        m_previewNote->setText(tr("This format cannot be read by this build."));
        m_importButton->setEnabled(false);
        return;
    }
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_previewNote->setText(tr("Cannot open the file: %1").arg(file.errorString()));
        m_importButton->setEnabled(false);
        return;
    }
    int rows = 0;
    // Dates read as in the event table: the short form, in the chosen zone.
    const DisplayZone zone = m_state ? m_state->displayZone() : DisplayZone::Utc;
    const auto addRow = [&](qint64 record, const QString& status, const Event* e) {
        m_preview->insertRow(rows);
        QStringList cells = {QString::number(record), status};
        if (e)
            cells << eventtext::shortDateText(*e, zone) << e->title << toString(e->family)
                  << e->eventType << e->place << e->country << QString::number(e->latitude, 'f', 4)
                  << QString::number(e->longitude, 'f', 4)
                  << (e->killed ? QString::number(*e->killed) : tr("unknown"));
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (!e)
                item->setForeground(QColor(0xb0, 0x20, 0x20));
            m_preview->setItem(rows, c, item);
        }
        ++rows;
        return rows < kPreviewRows;
    };
    ImportSink sink;
    sink.accept = [&](Event&& e, qint64 record) { return addRow(record, tr("ok"), &e); };
    sink.reject = [&](qint64 record, const QString& why) { return addRow(record, why, nullptr); };
    const Status st = importer->read(file, sink);
    m_preview->resizeColumnsToContents();
    if (!st && st.error().kind != Error::Kind::Cancelled) {
        m_previewNote->setText(tr("This file cannot be imported as %1: %2")
                                   .arg(formatLabel(format), st.error().message));
        m_importButton->setEnabled(false);
        return;
    }
    QStringList notes = importer->notes();
    m_previewNote->setText(rows == 0 ? tr("The file holds no rows.")
                                     : notes.join(QStringLiteral("; ")));
    m_importButton->setEnabled(rows > 0);
}

void ImportDialog::startImport()
{
    if (m_running || !m_state || !m_state->store())
        return;
    m_running = true;
    m_pages->setCurrentIndex(1);
    m_importButton->setEnabled(false);
    m_reportView->setPlainText(tr("Importing %1…").arg(QFileInfo(m_path).fileName()));

    ImportRunner::Options opts;
    opts.policy = chosenPolicy();
    opts.format = chosenFormat();
    opts.importer.dateProperty = m_dateProperty->text().trimmed();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto shared = std::make_shared<Shared>();
    const QString dbPath = m_state->store()->path();
    const QString input = m_path;
    auto cancel = m_cancel;
    opts.progress = [cancel, shared](qint64 done, qint64 total) {
        shared->done = done;
        shared->total = total;
        return !cancel->load();
    };

    auto* poll = new QTimer(this);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, this, [this, shared] {
        const qint64 total = shared->total.load();
        if (total > 0)
            m_progress->setValue(int(shared->done.load() * 1000 / total));
        else
            m_progress->setRange(0, 0); // busy indicator when the size is unknown
    });
    poll->start();

    auto* watcher = new QFutureWatcher<ImportReport>(this);
    connect(watcher, &QFutureWatcher<ImportReport>::finished, this, [this, watcher, poll] {
        poll->stop();
        poll->deleteLater();
        const ImportReport report = watcher->result();
        watcher->deleteLater();
        onFinished(report);
    });
    // A connection of its own, on the worker thread: SQLite connections are not shared.
    m_future = QtConcurrent::run([dbPath, input, opts]() -> ImportReport {
        auto store = EventStore::open(dbPath);
        if (!store) {
            ImportReport r;
            r.input = QFileInfo(input).fileName();
            r.error = store.error();
            return r;
        }
        return ImportRunner::run(**store, input, opts);
    });
    watcher->setFuture(m_future);
}

void ImportDialog::onFinished(const ImportReport& report)
{
    m_running = false;
    m_report = std::make_unique<ImportReport>(report);
    m_progress->setRange(0, 1000);
    m_progress->setValue(report.committed ? 1000 : m_progress->value());
    m_reportView->setPlainText(report.toText());
    m_saveButton->show();
    m_cancelButton->setText(tr("Close"));
    emit importFinished(report.committed);
}

void ImportDialog::cancelOrClose()
{
    if (m_running) {
        m_cancel->store(true);
        m_cancelButton->setEnabled(false);
        m_reportView->setPlainText(tr("Cancelling; the database stays as it was…"));
        connect(this, &ImportDialog::importFinished, m_cancelButton,
                [this] { m_cancelButton->setEnabled(true); });
        return;
    }
    reject();
}

void ImportDialog::saveReport()
{
    if (!m_report)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Import Report"),
                                                      QFileInfo(m_path).completeBaseName() +
                                                          QStringLiteral("-import-report.txt"),
                                                      tr("Text files (*.txt)"));
    if (path.isEmpty())
        return;
    if (Status s = m_report->saveText(path); !s)
        QMessageBox::warning(this, tr("Save Import Report"), s.error().message);
}

} // namespace fa
