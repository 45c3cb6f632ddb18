#include "detailspanel.h"

#include "eventstore.h"
#include "eventtext.h"
#include "symbology.h"
#include "viewstate.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace fa {
namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

/// Escaped, with line breaks kept.
QString escMultiline(const QString& s)
{
    return esc(s).replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString row(const QString& label, const QString& valueHtml)
{
    return QStringLiteral("<tr><td class='k'>%1</td><td>%2</td></tr>").arg(esc(label), valueHtml);
}

QString casualtyHtml(const std::optional<int>& n)
{
    if (!n)
        return QStringLiteral("<i>unknown</i>");
    return QString::number(*n);
}

} // namespace

DetailsPanel::DetailsPanel(ViewState* state, QWidget* parent)
    : QWidget(parent), m_state(state),
      m_opener([](const QUrl& url) { QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("detailsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* top = new QHBoxLayout;
    auto* zoneLabel = new QLabel(tr("Times in:"), this);
    m_zoneBox = new QComboBox(this);
    m_zoneBox->setObjectName(QStringLiteral("zoneBox"));
    for (DisplayZone z : {DisplayZone::Utc, DisplayZone::Dushanbe, DisplayZone::Kabul})
        m_zoneBox->addItem(eventtext::zoneLabel(z), int(z));
    m_zoneBox->setCurrentIndex(m_zoneBox->findData(int(state->displayZone())));
    zoneLabel->setBuddy(m_zoneBox);
    top->addWidget(zoneLabel);
    top->addWidget(m_zoneBox);
    top->addStretch(1);
    layout->addLayout(top);

    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("detailsText"));
    // We decide what a click opens: never let the browser follow a link itself.
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    layout->addWidget(m_browser, 1);

    auto* buttons = new QHBoxLayout;
    m_copy = new QPushButton(tr("Copy coordinates"), this);
    m_copy->setObjectName(QStringLiteral("copyCoordinates"));
    m_zoom = new QPushButton(tr("Zoom to"), this);
    m_zoom->setObjectName(QStringLiteral("zoomTo"));
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("edit"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("delete"));
    buttons->addWidget(m_copy);
    buttons->addWidget(m_zoom);
    buttons->addStretch(1);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    layout->addLayout(buttons);

    connect(m_zoneBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_state->setDisplayZone(DisplayZone(m_zoneBox->itemData(i).toInt()));
    });
    connect(m_browser, &QTextBrowser::anchorClicked, this, &DetailsPanel::openLink);
    connect(m_copy, &QPushButton::clicked, this, &DetailsPanel::copyCoordinates);
    connect(m_zoom, &QPushButton::clicked, this, [this] {
        if (m_event)
            m_state->requestZoomToEvent(m_event->id);
    });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (m_event)
            emit editRequested(m_event->id);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (m_event)
            emit deleteRequested(m_event->id);
    });

    connect(state, &ViewState::selectionChanged, this, &DetailsPanel::reload);
    connect(state, &ViewState::eventsChanged, this, [this](const QList<QUuid>& ids) {
        if (ids.contains(m_state->selectedEvent()))
            reload(); // only an edit of the event shown changes what is shown
    });
    connect(state, &ViewState::eventsReloaded, this, &DetailsPanel::reload);
    connect(state, &ViewState::dataReset, this, &DetailsPanel::reload);
    connect(state, &ViewState::displayZoneChanged, this, &DetailsPanel::followZone);
    reload();
}

void DetailsPanel::reload()
{
    const QUuid id = m_state->selectedEvent();
    std::optional<Event> e;
    if (!id.isNull() && m_state->store()) {
        auto r = m_state->store()->get(id);
        if (r)
            e = std::move(r.value());
    }
    displayEvent(e);
}

void DetailsPanel::displayEvent(const std::optional<Event>& e)
{
    m_event = e;
    render();
}

void DetailsPanel::followZone(DisplayZone z)
{
    const int i = m_zoneBox->findData(int(z));
    if (i >= 0 && i != m_zoneBox->currentIndex())
        m_zoneBox->setCurrentIndex(i);
    render();
}

void DetailsPanel::setUrlOpener(std::function<void(const QUrl&)> opener)
{
    m_opener = std::move(opener);
}

bool DetailsPanel::isOpenableUrl(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() &&
           (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
}

QString DetailsPanel::plainText() const
{
    return m_browser->toPlainText();
}

void DetailsPanel::copyCoordinates()
{
    if (m_event)
        QApplication::clipboard()->setText(
            eventtext::coordinateCopyText(m_event->latitude, m_event->longitude));
}

void DetailsPanel::openLink(const QUrl& url)
{
    // Anchors are only written for openable URLs, but check again: the click is what matters.
    if (isOpenableUrl(url) && m_opener)
        m_opener(url);
}

void DetailsPanel::render()
{
    const bool has = m_event.has_value();
    m_copy->setEnabled(has);
    m_zoom->setEnabled(has);
    const bool writable = has && m_state->store() && !m_state->store()->isReadOnly();
    m_edit->setEnabled(writable);
    m_delete->setEnabled(writable);
    if (!has) {
        m_html = QStringLiteral("<p style='color:#666'>%1</p>")
                     .arg(esc(tr("Select an event on the map, the timeline or the table.")));
    } else {
        m_html = buildHtml(*m_event);
    }
    m_browser->setHtml(m_html);
}

QString DetailsPanel::buildHtml(const Event& e) const
{
    QString h;
    h += QStringLiteral("<style>td.k{color:#555;padding-right:8px;white-space:nowrap;}"
                        "td{vertical-align:top;padding-bottom:2px;} h3{margin-bottom:2px;}"
                        "p.sub{margin-top:0;}</style>");
    h += QStringLiteral("<h3>%1</h3>")
             .arg(e.title.isEmpty() ? QStringLiteral("<i>untitled</i>") : esc(e.title));
    const QColor c = Symbology::familyColor(e.family);
    h += QStringLiteral("<p class='sub'><span style='color:%1'>&#9679;</span> <b>%2</b>%3</p>")
             .arg(c.name(), esc(eventtext::familyText(e.family)),
                  e.eventType.isEmpty() ? QString() : QStringLiteral(" · ") + esc(e.eventType));

    h += QStringLiteral("<table cellspacing='0'>");
    QString date = esc(eventtext::eventDateText(e, m_state->displayZone()));
    if (e.timePrecision == TimePrecision::Month || e.timePrecision == TimePrecision::Year)
        date += QStringLiteral(" <span style='color:#666'>(%1)</span>")
                    .arg(esc(tr("known only to the %1").arg(toString(e.timePrecision))));
    h += row(tr("Date"), date);
    const QString sh = eventtext::eventSolarHijriText(e, m_state->displayZone());
    if (!sh.isEmpty())
        h += row(tr("Solar Hijri"), esc(sh));
    h += row(tr("Place"), esc(eventtext::placeText(e)));
    h += row(tr("Coordinates"), QStringLiteral("%1<br><span style='color:#666'>%2</span>")
                                    .arg(esc(eventtext::coordinateText(e.latitude, e.longitude)),
                                         esc(eventtext::coordPrecisionText(e.coordPrecision))));
    if (!e.actors.isEmpty()) {
        QStringList actors;
        for (const QString& a : e.actors)
            actors << esc(a);
        h += row(tr("Actors"), actors.join(QStringLiteral("<br>")));
    }
    h += row(tr("Killed"), casualtyHtml(e.killed));
    h += row(tr("Injured"), casualtyHtml(e.injured));
    if (!e.casualtyNote.isEmpty())
        h += row(tr("Casualty note"), escMultiline(e.casualtyNote));
    h += row(tr("Confidence"), esc(eventtext::confidenceText(e.confidence)));
    if (!e.tags.isEmpty())
        h += row(tr("Tags"), esc(e.tags.join(QStringLiteral(", "))));
    h += QStringLiteral("</table>");

    if (!e.summary.isEmpty())
        h += QStringLiteral("<p><b>%1</b><br>%2</p>")
                 .arg(esc(tr("Summary")), escMultiline(e.summary));
    if (!e.notes.isEmpty())
        h += QStringLiteral("<p><b>%1</b><br>%2</p>").arg(esc(tr("Notes")), escMultiline(e.notes));

    if (!e.sources.isEmpty()) {
        h += QStringLiteral("<p><b>%1</b></p><ol style='margin-top:0'>").arg(esc(tr("Sources")));
        for (const Source& s : e.sources) {
            QString label = s.publisher.isEmpty() ? s.url : s.publisher;
            if (!s.title.isEmpty())
                label += QStringLiteral(": ") + s.title;
            QString item;
            const QUrl url(s.url, QUrl::StrictMode);
            if (isOpenableUrl(url)) {
                item = QStringLiteral("<a href=\"%1\">%2</a>")
                           .arg(esc(url.toString(QUrl::FullyEncoded)), esc(label));
            } else {
                // Not a web link: shown as text so that nothing can be opened from it.
                item = esc(label);
                if (!s.publisher.isEmpty())
                    item += QStringLiteral(" <span style='color:#666'>(%1)</span>").arg(esc(s.url));
            }
            QStringList extra;
            if (s.published)
                extra << s.published->toString(Qt::ISODate);
            if (s.reliability != '\0' || s.credibility > 0)
                extra << tr("graded %1%2")
                             .arg(s.reliability != '\0' ? QString(QLatin1Char(s.reliability))
                                                        : QStringLiteral("-"))
                             .arg(s.credibility > 0 ? QString::number(s.credibility)
                                                    : QStringLiteral("-"));
            if (!extra.isEmpty())
                item += QStringLiteral(" <span style='color:#666'>%1</span>")
                            .arg(esc(extra.join(QStringLiteral(", "))));
            h += QStringLiteral("<li>%1</li>").arg(item);
        }
        h += QStringLiteral("</ol>");
    }

    QString origin = toString(e.origin.kind);
    if (!e.origin.name.isEmpty())
        origin += QStringLiteral(": ") + e.origin.name;
    h += QStringLiteral("<p style='color:#777;font-size:small'>%1</p>")
             .arg(esc(tr("Origin: %1. Updated %2.")
                          .arg(origin, e.updated.isValid()
                                           ? eventtext::dateText(e.updated, TimePrecision::Minute,
                                                                 m_state->displayZone())
                                           : tr("never"))));
    return h;
}

} // namespace fa
