#include "exportdatadialog.h"

#include "eventfilter.h"
#include "eventstore.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace fa {
namespace {

QString formatLabel(ExportFormat f)
{
    switch (f) {
    case ExportFormat::Csv:
        return ExportDataDialog::tr("CSV with ACLED's columns (*.csv)");
    case ExportFormat::GeoJson:
        return ExportDataDialog::tr("GeoJSON (*.geojson)");
    case ExportFormat::Kml:
        return ExportDataDialog::tr("KML for Google Earth, with time stamps (*.kml)");
    case ExportFormat::Json:
        return ExportDataDialog::tr("Frontier Atlas JSON (*.json)");
    }
    return {};
}

} // namespace

void ExportDataDialog::run(ViewState* state, QWidget* parent)
{
    if (!state || !state->store()) {
        QMessageBox::information(parent, tr("Export Events"), tr("Open a database first."));
        return;
    }
    ExportDataDialog dialog(state, parent);
    dialog.exec();
}

ExportDataDialog::ExportDataDialog(ViewState* state, QWidget* parent)
    : QDialog(parent), m_state(state)
{
    setWindowTitle(tr("Export Events"));
    m_format = new QComboBox(this);
    for (ExportFormat f :
         {ExportFormat::Csv, ExportFormat::GeoJson, ExportFormat::Kml, ExportFormat::Json})
        m_format->addItem(formatLabel(f), int(f));
    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);

    auto* scope = new QGroupBox(tr("Events"), this);
    m_all = new QRadioButton(scope);
    m_filtered = new QRadioButton(scope);
    m_filtered->setChecked(true);
    auto* sl = new QVBoxLayout(scope);
    sl->addWidget(m_all);
    sl->addWidget(m_filtered);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(exportButton, &QPushButton::clicked, this, &ExportDataDialog::chooseFileAndExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(scope);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDataDialog::updateCounts);
    updateCounts();
}

ExportFormat ExportDataDialog::chosenFormat() const
{
    return ExportFormat(m_format->currentData().toInt());
}

void ExportDataDialog::setChosenFormat(ExportFormat f)
{
    m_format->setCurrentIndex(m_format->findData(int(f)));
}

bool ExportDataDialog::onlyFiltered() const
{
    return m_filtered->isChecked();
}

void ExportDataDialog::setOnlyFiltered(bool filtered)
{
    (filtered ? m_filtered : m_all)->setChecked(true);
}

EventFilter ExportDataDialog::exportFilter() const
{
    return onlyFiltered() ? viewFilter() : EventFilter{};
}

EventFilter ExportDataDialog::viewFilter() const
{
    if (!m_state)
        return {};
    EventFilter f = m_state->filter();
    const TimeNavigator* nav = m_state->navigator();
    if (nav && nav->windowTo() > nav->effectiveFrom()) {
        f.from = QDateTime::fromSecsSinceEpoch(nav->effectiveFrom(), QTimeZone::UTC);
        f.to = QDateTime::fromSecsSinceEpoch(nav->windowTo(), QTimeZone::UTC);
    }
    return f;
}

void ExportDataDialog::updateCounts()
{
    if (!m_state || !m_state->store())
        return;
    const auto all = m_state->store()->count();
    const auto filtered = m_state->store()->count(viewFilter());
    m_all->setText(tr("&All events (%1)").arg(all ? QString::number(*all) : QStringLiteral("?")));
    m_filtered->setText(tr("Only those the current &filter and time window show (%1)")
                            .arg(filtered ? QString::number(*filtered) : QStringLiteral("?")));
    switch (chosenFormat()) {
    case ExportFormat::Csv:
        m_hint->setText(tr("ACLED's 31 columns, then fa_* columns that keep everything else: the "
                           "file imports back unchanged."));
        break;
    case ExportFormat::GeoJson:
        m_hint->setText(
            tr("RFC 7946 points (longitude, latitude) with every field as a property."));
        break;
    case ExportFormat::Kml:
        m_hint->setText(
            tr("Each event is a placemark with a TimeStamp or TimeSpan, so Google Earth's "
               "time slider plays them."));
        break;
    case ExportFormat::Json:
        m_hint->setText(tr("The application's own format, the same as the bundled dataset."));
        break;
    }
}

Result<qint64> ExportDataDialog::exportTo(const QString& path) const
{
    if (!m_state || !m_state->store())
        return Error::make(Error::Kind::Invalid, tr("no database is open"));
    auto events = m_state->store()->query(exportFilter());
    if (!events)
        return events.error();
    if (Status s = exportEventsToFile(*events, chosenFormat(), path); !s)
        return s.error();
    return qint64(events->size());
}

void ExportDataDialog::chooseFileAndExport()
{
    const ExportFormat f = chosenFormat();
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Events"), QStringLiteral("events.") + fileExtension(f), formatLabel(f));
    if (path.isEmpty())
        return;
    if (!path.endsWith(u'.' + fileExtension(f), Qt::CaseInsensitive))
        path += u'.' + fileExtension(f);
    const auto written = exportTo(path);
    if (!written) {
        QMessageBox::warning(this, tr("Export Events"),
                             tr("Could not export: %1").arg(written.error().message));
        return;
    }
    QMessageBox::information(this, tr("Export Events"),
                             tr("Wrote %n event(s) to %1.", nullptr, int(*written)).arg(path));
    accept();
}

} // namespace fa
