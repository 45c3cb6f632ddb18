#include "eventeditor.h"

#include "editcommands.h"
#include "eventstore.h"
#include "eventtext.h"
#include "viewstate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fa {
namespace {

constexpr int kUnknown = -1; // spin box value shown as "unknown"

QSpinBox* casualtyBox(QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(kUnknown, 1000000);
    box->setSpecialValueText(QObject::tr("unknown"));
    box->setValue(kUnknown);
    box->setToolTip(QObject::tr("Leave at “unknown” when no source gives a count; 0 means none."));
    return box;
}

QStringList lines(const QString& text)
{
    QStringList out;
    for (const QString& l : text.split(QLatin1Char('\n'))) {
        const QString t = l.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

std::optional<int> casualtyValue(const QSpinBox* box)
{
    return box->value() == kUnknown ? std::nullopt : std::optional<int>(box->value());
}

} // namespace

EventEditor::EventEditor(ViewState* state, QWidget* parent)
    : QDialog(parent), m_state(state), m_zone(state->displayZone())
{
    setObjectName(QStringLiteral("eventEditor"));
    setWindowTitle(tr("Add event"));
    auto* outer = new QVBoxLayout(this);

    m_generalError = new QLabel(this);
    m_generalError->setObjectName(QStringLiteral("generalError"));
    m_generalError->setStyleSheet(QStringLiteral("color:#b00020;"));
    m_generalError->setWordWrap(true);
    m_generalError->hide();
    outer->addWidget(m_generalError);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* page = new QWidget(scroll);
    auto* pageLayout = new QVBoxLayout(page);
    m_form = new QFormLayout;
    pageLayout->addLayout(m_form);
    pageLayout->addStretch(1); // a tall dialog keeps the rows together instead of spreading them
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    scroll->setWidget(page);
    outer->addWidget(scroll, 1);

    m_title = new QLineEdit(page);
    addRow(tr("&Title"), m_title, QStringLiteral("title"));

    m_family = new QComboBox(page);
    for (Family f : {Family::Incident, Family::Diplomatic, Family::Context})
        m_family->addItem(eventtext::familyText(f), int(f));
    addRow(tr("&Family"), m_family, QStringLiteral("family"));

    m_type = new QComboBox(page);
    m_type->setEditable(true);
    m_type->setInsertPolicy(QComboBox::NoInsert);
    if (state->store()) {
        if (auto types = state->store()->distinctEventTypes())
            m_type->addItems(types.value());
    }
    addRow(tr("Event t&ype"), m_type, QStringLiteral("eventtype"));

    // Start: the date edit's format follows the precision; times are typed in the chosen zone.
    auto* startRow = new QWidget(page);
    auto* startLayout = new QHBoxLayout(startRow);
    startLayout->setContentsMargins(0, 0, 0, 0);
    m_start = new QDateTimeEdit(startRow);
    m_start->setCalendarPopup(true);
    m_start->setTimeZone(eventtext::timeZone(m_zone));
    m_precision = new QComboBox(startRow);
    m_precision->addItem(tr("known to the year"), int(TimePrecision::Year));
    m_precision->addItem(tr("known to the month"), int(TimePrecision::Month));
    m_precision->addItem(tr("known to the day"), int(TimePrecision::Day));
    m_precision->addItem(tr("time known (%1)").arg(eventtext::zoneLabel(m_zone)),
                         int(TimePrecision::Minute));
    startLayout->addWidget(m_start, 1);
    startLayout->addWidget(m_precision);
    m_fields.insert(QStringLiteral("timeprecision"), m_precision);
    addRow(tr("&Date"), startRow, QStringLiteral("start"));
    m_fields.insert(QStringLiteral("start"), m_start);

    auto* endRow = new QWidget(page);
    auto* endLayout = new QHBoxLayout(endRow);
    endLayout->setContentsMargins(0, 0, 0, 0);
    m_hasEnd = new QCheckBox(tr("lasted until"), endRow);
    m_end = new QDateTimeEdit(endRow);
    m_end->setCalendarPopup(true);
    m_end->setTimeZone(eventtext::timeZone(m_zone));
    m_end->setEnabled(false);
    endLayout->addWidget(m_hasEnd);
    endLayout->addWidget(m_end, 1);
    addRow(tr("&End"), endRow, QStringLiteral("end"));
    m_fields.insert(QStringLiteral("end"), m_end);
    connect(m_hasEnd, &QCheckBox::toggled, m_end, &QWidget::setEnabled);
    connect(m_precision, &QComboBox::currentIndexChanged, this, &EventEditor::updateTimeFields);

    m_place = new QLineEdit(page);
    addRow(tr("&Place"), m_place, QStringLiteral("place"));
    m_district = new QLineEdit(page);
    addRow(tr("District"), m_district, QStringLiteral("district"));
    m_region = new QLineEdit(page);
    addRow(tr("Region"), m_region, QStringLiteral("region"));
    m_country = new QLineEdit(page);
    m_country->setPlaceholderText(tr("two-letter code, e.g. TJ or AF"));
    addRow(tr("&Country"), m_country, QStringLiteral("country"));

    auto* coordRow = new QWidget(page);
    auto* coordLayout = new QHBoxLayout(coordRow);
    coordLayout->setContentsMargins(0, 0, 0, 0);
    m_latitude = new QLineEdit(coordRow);
    m_latitude->setPlaceholderText(tr("latitude, e.g. 37.84"));
    m_longitude = new QLineEdit(coordRow);
    m_longitude->setPlaceholderText(tr("longitude, e.g. 70.04"));
    auto* pick = new QPushButton(tr("Pick on map"), coordRow);
    pick->setObjectName(QStringLiteral("pickOnMap"));
    pick->setToolTip(tr("Click the map to set the coordinates"));
    coordLayout->addWidget(m_latitude, 1);
    coordLayout->addWidget(m_longitude, 1);
    coordLayout->addWidget(pick);
    connect(pick, &QPushButton::clicked, this, &EventEditor::pickLocationRequested);
    addRow(tr("C&oordinates"), coordRow, QStringLiteral("latitude"));
    // Latitude and longitude share one row: both errors land under it.
    m_errorLabels.insert(QStringLiteral("longitude"),
                         m_errorLabels.value(QStringLiteral("latitude")));
    m_fields.insert(QStringLiteral("latitude"), m_latitude);
    m_fields.insert(QStringLiteral("longitude"), m_longitude);

    m_coordPrecision = new QComboBox(page);
    for (CoordPrecision p : {CoordPrecision::Exact, CoordPrecision::Settlement,
                             CoordPrecision::District, CoordPrecision::Region})
        m_coordPrecision->addItem(eventtext::coordPrecisionText(p), int(p));
    addRow(tr("Location is"), m_coordPrecision, QStringLiteral("coordprecision"));

    m_killed = casualtyBox(page);
    addRow(tr("&Killed"), m_killed, QStringLiteral("killed"));
    m_injured = casualtyBox(page);
    addRow(tr("&Injured"), m_injured, QStringLiteral("injured"));
    m_casualtyNote = new QLineEdit(page);
    addRow(tr("Casualty note"), m_casualtyNote, QStringLiteral("casualtynote"));

    m_actors = new QPlainTextEdit(page);
    m_actors->setPlaceholderText(tr("one actor per line"));
    m_actors->setFixedHeight(m_actors->fontMetrics().lineSpacing() * 4 + 12);
    addRow(tr("&Actors"), m_actors, QStringLiteral("actors"));

    m_summary = new QPlainTextEdit(page);
    m_summary->setFixedHeight(m_summary->fontMetrics().lineSpacing() * 5 + 12);
    addRow(tr("&Summary"), m_summary, QStringLiteral("summary"));

    m_confidence = new QComboBox(page);
    for (Confidence c : {Confidence::Confirmed, Confidence::Reported, Confidence::Disputed})
        m_confidence->addItem(eventtext::confidenceText(c), int(c));
    addRow(tr("Confidence"), m_confidence, QStringLiteral("confidence"));

    m_tags = new QLineEdit(page);
    m_tags->setPlaceholderText(tr("comma-separated"));
    addRow(tr("Tags"), m_tags, QStringLiteral("tags"));

    m_notes = new QPlainTextEdit(page);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 3 + 12);
    addRow(tr("&Notes"), m_notes, QStringLiteral("notes"));

    auto* sourcesBox = new QWidget(page);
    auto* sourcesLayout = new QVBoxLayout(sourcesBox);
    sourcesLayout->setContentsMargins(0, 0, 0, 0);
    m_sources = new QTableWidget(0, 4, sourcesBox);
    m_sources->setObjectName(QStringLiteral("sourcesTable"));
    m_sources->setHorizontalHeaderLabels(
        {tr("URL (http/https)"), tr("Publisher"), tr("Title"), tr("Published (yyyy-mm-dd)")});
    m_sources->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_sources->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_sources->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_sources->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_sources->verticalHeader()->setVisible(false);
    m_sources->setMinimumHeight(110);
    auto* sourceButtons = new QHBoxLayout;
    auto* addSource = new QPushButton(tr("Add source"), sourcesBox);
    auto* removeSource = new QPushButton(tr("Remove source"), sourcesBox);
    sourceButtons->addWidget(addSource);
    sourceButtons->addWidget(removeSource);
    sourceButtons->addStretch(1);
    sourcesLayout->addWidget(m_sources);
    sourcesLayout->addLayout(sourceButtons);
    connect(addSource, &QPushButton::clicked, this, [this] {
        m_sources->insertRow(m_sources->rowCount());
        m_sources->setCurrentCell(m_sources->rowCount() - 1, 0);
    });
    connect(removeSource, &QPushButton::clicked, this, [this] {
        if (m_sources->currentRow() >= 0)
            m_sources->removeRow(m_sources->currentRow());
    });
    addRow(tr("Sources"), sourcesBox, QStringLiteral("sources"));
    m_fields.insert(QStringLiteral("sources"), m_sources);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EventEditor::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EventEditor::reject);
    outer->addWidget(m_buttons);

    resize(620, 760);
    Event blank;
    blank.start = QDateTime(QDate::currentDate(), QTime(0, 0), QTimeZone::UTC);
    setEvent(blank);
}

QLabel* EventEditor::addErrorLabel(const QString& key)
{
    auto* label = new QLabel;
    label->setObjectName(QStringLiteral("error_") + key);
    label->setStyleSheet(QStringLiteral("color:#b00020;"));
    label->setWordWrap(true);
    label->hide();
    m_errorLabels.insert(key, label);
    return label;
}

void EventEditor::addRow(const QString& label, QWidget* field, const QString& key)
{
    // The field with its error label right under it: an error sits next to what it is about.
    auto* cell = new QWidget;
    auto* v = new QVBoxLayout(cell);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    v->addWidget(field);
    v->addWidget(addErrorLabel(key));
    m_form->addRow(label, cell);
    m_fields.insert(key, field);
}

void EventEditor::updateTimeFields()
{
    const auto p = TimePrecision(m_precision->currentData().toInt());
    QString fmt;
    switch (p) {
    case TimePrecision::Year:
        fmt = QStringLiteral("yyyy");
        break;
    case TimePrecision::Month:
        fmt = QStringLiteral("MMMM yyyy");
        break;
    case TimePrecision::Day:
        fmt = QStringLiteral("d MMMM yyyy");
        break;
    case TimePrecision::Minute:
        fmt = QStringLiteral("d MMMM yyyy HH:mm");
        break;
    }
    m_start->setDisplayFormat(fmt);
    m_end->setDisplayFormat(p == TimePrecision::Minute ? fmt : QStringLiteral("d MMMM yyyy"));
}

void EventEditor::setEvent(const Event& e)
{
    m_original = e;
    clearErrors();
    setWindowTitle(e.id.isNull() ? tr("Add event") : tr("Edit event"));
    m_title->setText(e.title);
    m_family->setCurrentIndex(m_family->findData(int(e.family)));
    m_type->setCurrentText(e.eventType);
    m_precision->setCurrentIndex(m_precision->findData(int(e.timePrecision)));
    updateTimeFields();
    m_start->setDateTime(e.start.isValid() ? e.start.toTimeZone(eventtext::timeZone(m_zone))
                                           : QDateTime::currentDateTimeUtc());
    m_hasEnd->setChecked(e.end.has_value());
    m_end->setDateTime(
        (e.end ? *e.end : m_start->dateTime()).toTimeZone(eventtext::timeZone(m_zone)));
    m_place->setText(e.place);
    m_district->setText(e.district);
    m_region->setText(e.region);
    m_country->setText(e.country);
    const bool hasPoint = !e.id.isNull() || e.latitude != 0.0 || e.longitude != 0.0;
    m_latitude->setText(hasPoint ? QLocale::c().toString(e.latitude, 'f', 6) : QString());
    m_longitude->setText(hasPoint ? QLocale::c().toString(e.longitude, 'f', 6) : QString());
    m_coordPrecision->setCurrentIndex(m_coordPrecision->findData(int(e.coordPrecision)));
    m_killed->setValue(e.killed.value_or(kUnknown));
    m_injured->setValue(e.injured.value_or(kUnknown));
    m_casualtyNote->setText(e.casualtyNote);
    m_actors->setPlainText(e.actors.join(QLatin1Char('\n')));
    m_summary->setPlainText(e.summary);
    m_confidence->setCurrentIndex(m_confidence->findData(int(e.confidence)));
    m_tags->setText(e.tags.join(QStringLiteral(", ")));
    m_notes->setPlainText(e.notes);
    m_sources->setRowCount(0);
    for (const Source& s : e.sources) {
        const int r = m_sources->rowCount();
        m_sources->insertRow(r);
        auto* url = new QTableWidgetItem(s.url);
        url->setData(Qt::UserRole, r); // index into m_original.sources, to keep the grades
        m_sources->setItem(r, 0, url);
        m_sources->setItem(r, 1, new QTableWidgetItem(s.publisher));
        m_sources->setItem(r, 2, new QTableWidgetItem(s.title));
        m_sources->setItem(
            r, 3,
            new QTableWidgetItem(s.published ? s.published->toString(Qt::ISODate) : QString()));
    }
}

Event EventEditor::formEvent(std::optional<Error>* error) const
{
    auto fail = [error](const QString& field, const QString& message) {
        if (error && !*error)
            *error = Error::invalid(field, message);
    };
    Event e = m_original;
    e.title = m_title->text().trimmed();
    e.family = Family(m_family->currentData().toInt());
    e.eventType = m_type->currentText().trimmed();
    e.timePrecision = TimePrecision(m_precision->currentData().toInt());
    const QDateTime local = m_start->dateTime();
    QDate d = local.date();
    switch (e.timePrecision) {
    case TimePrecision::Year:
        d = QDate(d.year(), 1, 1);
        break;
    case TimePrecision::Month:
        d = QDate(d.year(), d.month(), 1);
        break;
    case TimePrecision::Day:
    case TimePrecision::Minute:
        break;
    }
    e.start = e.timePrecision == TimePrecision::Minute ? local.toUTC()
                                                       : QDateTime(d, QTime(0, 0), QTimeZone::UTC);
    if (m_hasEnd->isChecked()) {
        const QDateTime endLocal = m_end->dateTime();
        e.end = e.timePrecision == TimePrecision::Minute
                    ? endLocal.toUTC()
                    : QDateTime(endLocal.date(), QTime(0, 0), QTimeZone::UTC);
    } else {
        e.end.reset();
    }
    e.place = m_place->text().trimmed();
    e.district = m_district->text().trimmed();
    e.region = m_region->text().trimmed();
    e.country = m_country->text().trimmed().toUpper();

    bool ok = false;
    const QString lat = m_latitude->text().trimmed();
    e.latitude = QLocale::c().toDouble(lat, &ok);
    if (!ok)
        fail(QStringLiteral("latitude"),
             lat.isEmpty() ? tr("Type a latitude or pick the location on the map.")
                           : tr("Latitude must be a number in degrees, e.g. 37.84."));
    const QString lon = m_longitude->text().trimmed();
    e.longitude = QLocale::c().toDouble(lon, &ok);
    if (!ok)
        fail(QStringLiteral("longitude"),
             lon.isEmpty() ? tr("Type a longitude or pick the location on the map.")
                           : tr("Longitude must be a number in degrees, e.g. 70.04."));
    e.coordPrecision = CoordPrecision(m_coordPrecision->currentData().toInt());
    e.killed = casualtyValue(m_killed);
    e.injured = casualtyValue(m_injured);
    e.casualtyNote = m_casualtyNote->text().trimmed();
    e.actors = lines(m_actors->toPlainText());
    e.summary = m_summary->toPlainText().trimmed();
    e.confidence = Confidence(m_confidence->currentData().toInt());
    e.tags.clear();
    for (const QString& t : m_tags->text().split(QLatin1Char(','))) {
        if (!t.trimmed().isEmpty())
            e.tags << t.trimmed();
    }
    e.notes = m_notes->toPlainText().trimmed();

    e.sources.clear();
    for (int r = 0; r < m_sources->rowCount(); ++r) {
        auto text = [this, r](int c) {
            const QTableWidgetItem* it = m_sources->item(r, c);
            return it ? it->text().trimmed() : QString();
        };
        Source s;
        if (const QTableWidgetItem* it = m_sources->item(r, 0);
            it && it->data(Qt::UserRole).isValid()) {
            const int i = it->data(Qt::UserRole).toInt();
            if (i >= 0 && i < m_original.sources.size())
                s = m_original.sources[i];
        }
        s.url = text(0);
        s.publisher = text(1);
        s.title = text(2);
        const QString published = text(3);
        if (s.url.isEmpty() && s.publisher.isEmpty() && s.title.isEmpty() && published.isEmpty())
            continue; // an empty row left by "Add source"
        s.published.reset();
        if (!published.isEmpty()) {
            const QDate pd = QDate::fromString(published, Qt::ISODate);
            if (pd.isValid())
                s.published = pd;
            else
                fail(QStringLiteral("sources[%1].published").arg(e.sources.size()),
                     tr("Source %1: the publication date must read yyyy-mm-dd.")
                         .arg(e.sources.size() + 1));
        }
        e.sources << s;
    }
    return e;
}

Status EventEditor::save()
{
    clearErrors();
    std::optional<Error> formError;
    const Event e = formEvent(&formError);
    if (formError) {
        showError(*formError);
        return *formError;
    }
    if (Status v = validateEvent(e); !v) {
        showError(v.error());
        return v;
    }
    if (!m_state->store()) {
        const Error err = Error::make(Error::Kind::NotFound, tr("No database is open."));
        showError(err);
        return err;
    }
    if (!isNewEvent() && e == m_original) {
        emit saved(e.id);
        return {};
    }
    std::unique_ptr<EventCommand> cmd;
    AddEventCommand* add = nullptr;
    if (isNewEvent()) {
        auto c = std::make_unique<AddEventCommand>(m_state, e);
        add = c.get();
        cmd = std::move(c);
    } else {
        cmd = std::make_unique<EditEventCommand>(m_state, m_original, e);
    }
    const QUuid id = add ? add->eventId() : e.id;
    Status s = pushEventCommand(m_state, std::move(cmd));
    if (!s) {
        showError(s.error());
        return s;
    }
    // Further saves from this dialog edit what is now stored.
    if (auto stored = m_state->store()->get(id))
        m_original = stored.value();
    emit saved(id);
    return {};
}

void EventEditor::accept()
{
    if (save())
        QDialog::accept();
}

QString EventEditor::fieldKey(const QString& field)
{
    QString key = field.trimmed().toLower();
    const qsizetype cut = key.indexOf(QRegularExpression(QStringLiteral("[\\[.]")));
    if (cut >= 0)
        key.truncate(cut);
    key.remove(QLatin1Char('_'));
    if (key == QLatin1String("type") || key == QLatin1String("event"))
        key = QStringLiteral("eventtype");
    else if (key == QLatin1String("lat"))
        key = QStringLiteral("latitude");
    else if (key == QLatin1String("lon") || key == QLatin1String("lng"))
        key = QStringLiteral("longitude");
    else if (key == QLatin1String("timeprecision") || key == QLatin1String("date"))
        key = QStringLiteral("start");
    else if (key == QLatin1String("source") || key == QLatin1String("url"))
        key = QStringLiteral("sources");
    else if (key == QLatin1String("actor"))
        key = QStringLiteral("actors");
    else if (key == QLatin1String("tag"))
        key = QStringLiteral("tags");
    return key;
}

void EventEditor::showError(const Error& e)
{
    const QString key = fieldKey(e.field);
    QLabel* label = m_errorLabels.value(key);
    if (!label) {
        m_generalError->setText(e.message);
        m_generalError->show();
        return;
    }
    label->setText(e.message);
    label->show();
    if (QWidget* w = m_fields.value(key)) {
        w->setFocus();
        // The scroll area brings the field into view so the message is seen.
        for (QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
            if (auto* scroll = qobject_cast<QScrollArea*>(p)) {
                scroll->ensureWidgetVisible(label);
                break;
            }
        }
    }
    // A source error also selects the row it is about.
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^sources\\[(\\d+)\\]")).match(e.field);
    if (m.hasMatch())
        m_sources->selectRow(m.captured(1).toInt());
}

void EventEditor::clearErrors()
{
    m_generalError->clear();
    m_generalError->hide();
    for (QLabel* l : std::as_const(m_errorLabels)) {
        l->clear();
        l->hide();
    }
}

QString EventEditor::errorText(const QString& field) const
{
    const QLabel* l = m_errorLabels.value(fieldKey(field));
    if (!l)
        return m_generalError->text();
    return l->text();
}

QWidget* EventEditor::fieldWidget(const QString& field) const
{
    return m_fields.value(fieldKey(field));
}

void EventEditor::setPickedLocation(double lat, double lon)
{
    m_latitude->setText(QLocale::c().toString(lat, 'f', 6));
    m_longitude->setText(QLocale::c().toString(lon, 'f', 6));
    // A clicked point is as good as the user's aim: call it a settlement unless they say more.
    if (CoordPrecision(m_coordPrecision->currentData().toInt()) == CoordPrecision::Exact)
        m_coordPrecision->setCurrentIndex(
            m_coordPrecision->findData(int(CoordPrecision::Settlement)));
    raise();
    activateWindow();
}

} // namespace fa
