#include "exportdialog.h"

#include "briefingscene.h"
#include "eventstore.h"
#include "filterresolver.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fa {
namespace {

const char* kGroup = "briefingExport";

BriefingScene sceneFor(ViewState* state, const GeoBox& box)
{
    BriefingScene scene;
    if (!state || !state->store() || !state->index())
        return scene;
    BriefingSceneRequest req;
    req.filter = state->filter();
    req.fromSecs = state->navigator()->effectiveFrom();
    req.toSecs = state->navigator()->windowTo();
    req.mapBox = box;
    auto made = makeBriefingScene(*state->store(), *state->index(), req);
    if (made)
        scene = made.value();
    scene.datasetName = QFileInfo(state->store()->path()).fileName();
    return scene;
}

} // namespace

ExportDialog::ExportDialog(ViewState* state, GeoBox mapBox, QWidget* parent)
    : QDialog(parent), m_state(state), m_mapBox(mapBox)
{
    setWindowTitle(tr("Export briefing"));
    auto* form = new QFormLayout;

    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG picture"), int(Format::Png));
    m_format->addItem(tr("PDF document"), int(Format::Pdf));
    m_format->addItem(tr("Copy to clipboard"), int(Format::Clipboard));
    form->addRow(tr("&Format:"), m_format);

    m_size = new QComboBox(this);
    m_size->addItem(tr("1920 × 1080 (slide)"), int(SizePreset::FullHd));
    m_size->addItem(tr("3840 × 2160 (4K)"), int(SizePreset::Uhd4k));
    m_size->addItem(tr("A4 landscape, 300 dpi"), int(SizePreset::A4Landscape300));
    m_size->addItem(tr("A3 landscape, 300 dpi"), int(SizePreset::A3Landscape300));
    m_size->addItem(tr("Custom"), int(SizePreset::Custom));
    m_width = new QSpinBox(this);
    m_height = new QSpinBox(this);
    for (QSpinBox* b : {m_width, m_height}) {
        b->setRange(200, 16384);
        b->setSuffix(tr(" px"));
    }
    m_width->setValue(1920);
    m_height->setValue(1080);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_size, 1);
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    form->addRow(tr("&Size:"), sizeRow);

    m_content = new QComboBox(this);
    m_content->addItem(tr("Map and timeline"), int(BriefingSettings::Content::MapAndTimeline));
    m_content->addItem(tr("Map only"), int(BriefingSettings::Content::Map));
    m_content->addItem(tr("Timeline only"), int(BriefingSettings::Content::Timeline));
    form->addRow(tr("&Content:"), m_content);

    m_title = new QLineEdit(this);
    m_title->setPlaceholderText(tr("Default: the time window"));
    form->addRow(tr("&Title:"), m_title);
    m_subtitle = new QLineEdit(this);
    m_subtitle->setPlaceholderText(tr("Default: the active filter in words"));
    form->addRow(tr("S&ubtitle:"), m_subtitle);
    m_caveat = new QLineEdit(this);
    m_caveat->setPlaceholderText(tr("e.g. UNCLASSIFIED // FOR OFFICIAL USE ONLY"));
    form->addRow(tr("Handling &caveat:"), m_caveat);

    auto* checks = new QHBoxLayout;
    m_legend = new QCheckBox(tr("Legend"), this);
    m_scaleBar = new QCheckBox(tr("Scale bar"), this);
    m_northArrow = new QCheckBox(tr("North arrow"), this);
    m_attribution = new QCheckBox(tr("Attribution"), this);
    m_sources = new QCheckBox(tr("Data sources"), this);
    m_timestamp = new QCheckBox(tr("Time stamp and snapshot id"), this);
    for (QCheckBox* c :
         {m_legend, m_scaleBar, m_northArrow, m_attribution, m_sources, m_timestamp}) {
        c->setChecked(true);
        checks->addWidget(c);
    }
    form->addRow(tr("Show:"), checks);

    // Names for tests and for accessibility tools.
    m_format->setObjectName(QStringLiteral("format"));
    m_size->setObjectName(QStringLiteral("sizePreset"));
    m_content->setObjectName(QStringLiteral("content"));
    m_title->setObjectName(QStringLiteral("title"));
    m_subtitle->setObjectName(QStringLiteral("subtitle"));
    m_caveat->setObjectName(QStringLiteral("caveat"));
    m_legend->setObjectName(QStringLiteral("legend"));

    m_preview = new QLabel(this);
    m_preview->setMinimumSize(480, 270);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setObjectName(QStringLiteral("briefingPreview"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* go = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    go->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(go, &QPushButton::clicked, this, [this] {
        if (exportNow())
            accept();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(buttons);

    loadChoices();
    onFormatChanged();

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(150);
    connect(&m_previewTimer, &QTimer::timeout, this, &ExportDialog::updatePreview);
    auto changed = [this] { schedulePreview(); };
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        onFormatChanged();
        schedulePreview();
    });
    connect(m_size, &QComboBox::currentIndexChanged, this, [this] {
        onFormatChanged();
        schedulePreview();
    });
    connect(m_width, &QSpinBox::valueChanged, this, changed);
    connect(m_height, &QSpinBox::valueChanged, this, changed);
    connect(m_content, &QComboBox::currentIndexChanged, this, changed);
    for (QLineEdit* e : {m_title, m_subtitle, m_caveat})
        connect(e, &QLineEdit::textChanged, this, changed);
    for (QCheckBox* c : {m_legend, m_scaleBar, m_northArrow, m_attribution, m_sources, m_timestamp})
        connect(c, &QCheckBox::toggled, this, changed);
    updatePreview();
    resize(900, 760);
}

BriefingSettings ExportDialog::briefingSettings() const
{
    BriefingSettings s;
    s.content = BriefingSettings::Content(m_content->currentData().toInt());
    s.title = m_title->text().trimmed();
    s.subtitle = m_subtitle->text().trimmed();
    s.caveat = m_caveat->text().trimmed();
    s.legend = m_legend->isChecked();
    s.scaleBar = m_scaleBar->isChecked();
    s.northArrow = m_northArrow->isChecked();
    s.attribution = m_attribution->isChecked();
    s.sourcesLine = m_sources->isChecked();
    s.timestamp = m_timestamp->isChecked();
    return s;
}

ExportDialog::Format ExportDialog::format() const
{
    return Format(m_format->currentData().toInt());
}

ExportDialog::SizePreset ExportDialog::sizePreset() const
{
    return SizePreset(m_size->currentData().toInt());
}

QSize ExportDialog::pixelSize() const
{
    switch (sizePreset()) {
    case SizePreset::FullHd:
        return {1920, 1080};
    case SizePreset::Uhd4k:
        return {3840, 2160};
    case SizePreset::A4Landscape300:
        return {3508, 2480};
    case SizePreset::A3Landscape300:
        return {4961, 3508};
    case SizePreset::Custom:
        return {m_width->value(), m_height->value()};
    }
    return {1920, 1080};
}

void ExportDialog::saveChoices() const
{
    QSettings st;
    st.beginGroup(QLatin1String(kGroup));
    st.setValue(QStringLiteral("format"), int(format()));
    st.setValue(QStringLiteral("size"), int(sizePreset()));
    st.setValue(QStringLiteral("width"), m_width->value());
    st.setValue(QStringLiteral("height"), m_height->value());
    const BriefingSettings s = briefingSettings();
    st.setValue(QStringLiteral("content"), int(s.content));
    st.setValue(QStringLiteral("title"), s.title);
    st.setValue(QStringLiteral("subtitle"), s.subtitle);
    st.setValue(QStringLiteral("caveat"), s.caveat);
    st.setValue(QStringLiteral("legend"), s.legend);
    st.setValue(QStringLiteral("scaleBar"), s.scaleBar);
    st.setValue(QStringLiteral("northArrow"), s.northArrow);
    st.setValue(QStringLiteral("attribution"), s.attribution);
    st.setValue(QStringLiteral("sources"), s.sourcesLine);
    st.setValue(QStringLiteral("timestamp"), s.timestamp);
    st.endGroup();
}

void ExportDialog::loadChoices()
{
    QSettings st;
    st.beginGroup(QLatin1String(kGroup));
    auto select = [](QComboBox* box, int value) {
        const int i = box->findData(value);
        if (i >= 0)
            box->setCurrentIndex(i);
    };
    select(m_format, st.value(QStringLiteral("format"), int(Format::Png)).toInt());
    select(m_size, st.value(QStringLiteral("size"), int(SizePreset::FullHd)).toInt());
    m_width->setValue(st.value(QStringLiteral("width"), 1920).toInt());
    m_height->setValue(st.value(QStringLiteral("height"), 1080).toInt());
    select(m_content,
           st.value(QStringLiteral("content"), int(BriefingSettings::Content::MapAndTimeline))
               .toInt());
    m_title->setText(st.value(QStringLiteral("title")).toString());
    m_subtitle->setText(st.value(QStringLiteral("subtitle")).toString());
    m_caveat->setText(st.value(QStringLiteral("caveat")).toString());
    m_legend->setChecked(st.value(QStringLiteral("legend"), true).toBool());
    m_scaleBar->setChecked(st.value(QStringLiteral("scaleBar"), true).toBool());
    m_northArrow->setChecked(st.value(QStringLiteral("northArrow"), true).toBool());
    m_attribution->setChecked(st.value(QStringLiteral("attribution"), true).toBool());
    m_sources->setChecked(st.value(QStringLiteral("sources"), true).toBool());
    m_timestamp->setChecked(st.value(QStringLiteral("timestamp"), true).toBool());
    st.endGroup();
}

void ExportDialog::onFormatChanged()
{
    const bool custom = sizePreset() == SizePreset::Custom;
    m_width->setEnabled(custom);
    m_height->setEnabled(custom);
}

BriefingRenderer ExportDialog::makeRenderer() const
{
    BriefingRenderer r(briefingSettings(), sceneFor(m_state, m_mapBox));
    installDefaultPainters(r);
    return r;
}

void ExportDialog::schedulePreview()
{
    m_previewTimer.start();
}

void ExportDialog::updatePreview()
{
    // The preview is the real picture at a small size: same layout, same proportions.
    const QSize full = pixelSize();
    const QSize box = m_preview->size().isEmpty() ? QSize(480, 270) : m_preview->size();
    const QSize small = full.scaled(box, Qt::KeepAspectRatio);
    if (small.isEmpty())
        return;
    const qreal dpr = devicePixelRatioF();
    QImage img = makeRenderer().renderImage(small * dpr);
    img.setDevicePixelRatio(dpr);
    m_preview->setPixmap(QPixmap::fromImage(img));
}

bool ExportDialog::exportNow(const QString& givenPath)
{
    saveChoices();
    const BriefingRenderer renderer = makeRenderer();
    if (format() == Format::Clipboard) {
        QApplication::clipboard()->setImage(renderer.renderImage(pixelSize()));
        return true;
    }
    const bool pdf = format() == Format::Pdf;
    QString path = givenPath;
    if (path.isEmpty()) {
        QSettings st;
        const QString dir = st.value(QStringLiteral("briefingExport/lastDir")).toString();
        path = QFileDialog::getSaveFileName(this, tr("Export briefing"), dir,
                                            pdf ? tr("PDF documents (*.pdf)")
                                                : tr("PNG pictures (*.png)"));
        if (path.isEmpty())
            return false;
        st.setValue(QStringLiteral("briefingExport/lastDir"), QFileInfo(path).absolutePath());
    }
    if (pdf && !path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    if (!pdf && !path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        path += QStringLiteral(".png");
    Status st;
    if (pdf) {
        const QPageSize page(sizePreset() == SizePreset::A3Landscape300 ? QPageSize::A3
                                                                        : QPageSize::A4);
        st = renderer.writePdf(path, page, 300);
    } else {
        st = renderer.writePng(path, pixelSize());
    }
    if (!st) {
        QMessageBox::warning(this, tr("Export failed"), st.error().message);
        return false;
    }
    return true;
}

bool ExportDialog::copyToClipboard(ViewState* state, GeoBox mapBox)
{
    ExportDialog dialog(state, mapBox);
    QApplication::clipboard()->setImage(dialog.makeRenderer().renderImage(dialog.pixelSize()));
    return true;
}

} // namespace fa
