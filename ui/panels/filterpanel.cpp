#include "filterpanel.h"

#include "countries.h"
#include "eventindex.h"
#include "eventstore.h"
#include "eventtext.h"
#include "filterresolver.h"
#include "symbology.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace fa {
namespace {

constexpr int kValueRole = Qt::UserRole + 1;
constexpr QLatin1StringView kNoType("\x01none");

QString listText(QStringList items, int max = 4)
{
    items.sort(Qt::CaseInsensitive);
    if (items.size() <= max)
        return items.join(QStringLiteral(", "));
    return QObject::tr("%1 and %2 more")
        .arg(items.mid(0, max).join(QStringLiteral(", ")))
        .arg(items.size() - max);
}

QSet<QString> checkedValues(const QListWidget* list)
{
    QSet<QString> out;
    for (int i = 0; i < list->count(); ++i) {
        const QListWidgetItem* it = list->item(i);
        if (it->checkState() == Qt::Checked)
            out.insert(it->data(kValueRole).toString());
    }
    return out;
}

QListWidget* checkList(QWidget* parent, const QString& name, int rows)
{
    auto* list = new QListWidget(parent);
    list->setObjectName(name);
    list->setUniformItemSizes(true);
    list->setMinimumHeight(list->fontMetrics().height() * rows + 8);
    return list;
}

} // namespace

FilterPanel::FilterPanel(ViewState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_countTimer(new QTimer(this)), m_textDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("filterPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);

    // The summary stays visible above the scrolling controls.
    auto* summaryRow = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("filterSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_clear = new QPushButton(tr("Clear"), this);
    m_clear->setObjectName(QStringLiteral("clearFilter"));
    m_clear->setToolTip(tr("Show every event again (the time window stays)"));
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_clear, 0, Qt::AlignTop);
    outer->addLayout(summaryRow);
    m_window = new QLabel(this);
    m_window->setObjectName(QStringLiteral("filterWindow"));
    m_window->setWordWrap(true);
    m_window->setStyleSheet(QStringLiteral("color:#555;"));
    outer->addWidget(m_window);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* page = new QWidget(scroll);
    auto* v = new QVBoxLayout(page);
    v->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(page);
    outer->addWidget(scroll, 1);

    m_text = new QLineEdit(page);
    m_text->setObjectName(QStringLiteral("fullTextSearch"));
    m_text->setPlaceholderText(tr("Search title, summary, place, actors, notes"));
    m_text->setClearButtonEnabled(true);
    v->addWidget(m_text);

    auto* famBox = new QGroupBox(tr("Families"), page);
    auto* famLayout = new QVBoxLayout(famBox);
    for (Family f : {Family::Incident, Family::Diplomatic, Family::Context}) {
        auto* cb = new QCheckBox(Symbology::familyLabel(f), famBox);
        cb->setObjectName(QStringLiteral("family_") + toString(f));
        cb->setChecked(true);
        QPixmap dot(10, 10);
        dot.fill(Symbology::familyColor(f));
        cb->setIcon(QIcon(dot));
        famLayout->addWidget(cb);
        m_families[int(f)] = cb;
        connect(cb, &QCheckBox::toggled, this, &FilterPanel::applyToState);
    }
    v->addWidget(famBox);

    auto* typeBox = new QGroupBox(tr("Event types"), page);
    auto* typeLayout = new QVBoxLayout(typeBox);
    m_types = checkList(typeBox, QStringLiteral("typeList"), 6);
    typeLayout->addWidget(m_types);
    v->addWidget(typeBox);

    auto* countryBox = new QGroupBox(tr("Countries (none ticked: all)"), page);
    auto* countryLayout = new QVBoxLayout(countryBox);
    m_countries = checkList(countryBox, QStringLiteral("countryList"), 4);
    countryLayout->addWidget(m_countries);
    v->addWidget(countryBox);

    auto* actorBox = new QGroupBox(tr("Actors (none ticked: all)"), page);
    auto* actorLayout = new QVBoxLayout(actorBox);
    m_actorSearch = new QLineEdit(actorBox);
    m_actorSearch->setObjectName(QStringLiteral("actorSearch"));
    m_actorSearch->setPlaceholderText(tr("Find an actor"));
    m_actorSearch->setClearButtonEnabled(true);
    m_actors = checkList(actorBox, QStringLiteral("actorList"), 6);
    actorLayout->addWidget(m_actorSearch);
    actorLayout->addWidget(m_actors);
    v->addWidget(actorBox);

    auto* casRow = new QHBoxLayout;
    auto* casLabel = new QLabel(tr("At least"), page);
    m_minCasualties = new QSpinBox(page);
    m_minCasualties->setObjectName(QStringLiteral("minCasualties"));
    m_minCasualties->setRange(0, 100000);
    m_minCasualties->setSpecialValueText(tr("any"));
    casLabel->setBuddy(m_minCasualties);
    casRow->addWidget(casLabel);
    casRow->addWidget(m_minCasualties);
    casRow->addWidget(new QLabel(tr("killed or injured"), page), 1);
    v->addLayout(casRow);
    v->addStretch(1);

    for (QListWidget* list : {m_types, m_countries, m_actors})
        connect(list, &QListWidget::itemChanged, this, [this] { applyToState(); });
    connect(m_minCasualties, &QSpinBox::valueChanged, this, &FilterPanel::applyToState);
    m_textDelay->setSingleShot(true);
    m_textDelay->setInterval(300);
    connect(m_text, &QLineEdit::textChanged, m_textDelay, qOverload<>(&QTimer::start));
    connect(m_textDelay, &QTimer::timeout, this, &FilterPanel::applyToState);
    connect(m_actorSearch, &QLineEdit::textChanged, this, &FilterPanel::filterActorList);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_textDelay->stop();
        m_state->setFilter(EventFilter{});
    });

    // Counting runs once after a burst of changes (a playing window moves many times a second).
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(0);
    connect(m_countTimer, &QTimer::timeout, this, &FilterPanel::updateCounts);

    connect(state, &ViewState::filterChanged, this, [this] {
        syncFromState();
        updateSummary();
        scheduleCounts();
    });
    connect(state, &ViewState::dataReset, this, &FilterPanel::reloadChoices);
    // An edit may bring a new type, country or actor: the lists are read again (a few
    // DISTINCT queries), and the counts with them.
    connect(state, &ViewState::eventsChanged, this, &FilterPanel::reloadChoices);
    connect(state, &ViewState::eventsReloaded, this, &FilterPanel::reloadChoices);
    TimeNavigator* nav = state->navigator();
    connect(nav, &TimeNavigator::windowChanged, this, [this] {
        updateSummary();
        scheduleCounts();
    });
    connect(nav, &TimeNavigator::modeChanged, this, [this] {
        updateSummary();
        scheduleCounts();
    });
    reloadChoices();
}

void FilterPanel::reloadChoices()
{
    m_syncing = true;
    EventStore* store = m_state->store();
    auto refill = [](QListWidget* list, const QStringList& values, auto label) {
        list->clear();
        for (const QString& v : values) {
            if (v.isEmpty())
                continue;
            auto* it = new QListWidgetItem(label(v), list);
            it->setData(kValueRole, v);
            it->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
            it->setCheckState(Qt::Unchecked);
        }
    };
    QStringList types, countries, actors;
    if (store) {
        if (auto r = store->distinctEventTypes())
            types = r.value();
        if (auto r = store->distinctCountries())
            countries = r.value();
        if (auto r = store->distinctActors())
            actors = r.value();
    }
    refill(m_types, types, [](const QString& v) { return v; });
    refill(m_countries, countries, [](const QString& v) { return countryNameWithCode(v); });
    refill(m_actors, actors, [](const QString& v) { return v; });
    m_syncing = false;
    syncFromState();
    filterActorList(m_actorSearch->text());
    updateSummary();
    updateCounts();
}

void FilterPanel::syncFromState()
{
    m_syncing = true;
    const EventFilter& f = m_state->filter();
    if (!m_textDelay->isActive() && m_text->text() != f.text)
        m_text->setText(f.text);
    m_textDelay->stop();
    for (int i = 0; i < kFamilyCount; ++i)
        m_families[i]->setChecked(f.families.isEmpty() || f.families.contains(Family(i)));
    for (int i = 0; i < m_types->count(); ++i) {
        QListWidgetItem* it = m_types->item(i);
        const bool shown =
            f.eventTypes.isEmpty() || f.eventTypes.contains(it->data(kValueRole).toString());
        it->setCheckState(shown ? Qt::Checked : Qt::Unchecked);
    }
    for (int i = 0; i < m_countries->count(); ++i) {
        QListWidgetItem* it = m_countries->item(i);
        it->setCheckState(f.countries.contains(it->data(kValueRole).toString()) ? Qt::Checked
                                                                                : Qt::Unchecked);
    }
    for (int i = 0; i < m_actors->count(); ++i) {
        QListWidgetItem* it = m_actors->item(i);
        it->setCheckState(f.actors.contains(it->data(kValueRole).toString()) ? Qt::Checked
                                                                             : Qt::Unchecked);
    }
    m_minCasualties->setValue(f.minCasualties);
    m_syncing = false;
}

void FilterPanel::applyToState()
{
    if (m_syncing)
        return;
    EventFilter f = m_state->filter(); // keeps what other views set (dates, map box)
    f.text = m_text->text().trimmed();
    f.families.clear();
    int ticked = 0;
    for (int i = 0; i < kFamilyCount; ++i) {
        if (m_families[i]->isChecked()) {
            f.families.insert(Family(i));
            ++ticked;
        }
    }
    if (ticked == 0) {
        // Unticking the last family would hide everything: keep the one just unticked.
        auto* box = qobject_cast<QCheckBox*>(sender());
        m_syncing = true;
        (box ? box : m_families[0])->setChecked(true);
        m_syncing = false;
        return;
    }
    if (ticked == kFamilyCount)
        f.families.clear(); // every family ticked = no restriction
    const QSet<QString> types = checkedValues(m_types);
    if (types.size() == m_types->count())
        f.eventTypes.clear(); // every type ticked = no restriction
    else if (types.isEmpty())
        f.eventTypes = {QString(kNoType)}; // none ticked: a type no event has
    else
        f.eventTypes = types;
    f.countries = checkedValues(m_countries);
    f.actors = checkedValues(m_actors);
    f.minCasualties = m_minCasualties->value();
    m_state->setFilter(f);
}

void FilterPanel::filterActorList(const QString& text)
{
    const QString t = text.trimmed();
    for (int i = 0; i < m_actors->count(); ++i) {
        QListWidgetItem* it = m_actors->item(i);
        // Ticked actors stay visible so that the selection is never hidden by a search.
        it->setHidden(!t.isEmpty() && it->checkState() != Qt::Checked &&
                      !it->text().contains(t, Qt::CaseInsensitive));
    }
}

void FilterPanel::scheduleCounts()
{
    m_countTimer->start();
}

void FilterPanel::updateCounts()
{
    m_countTimer->stop();
    const EventIndex* index = m_state->index();
    const TimeNavigator* nav = m_state->navigator();
    const qint64 from = nav->effectiveFrom(), to = nav->windowTo();
    // Each facet counts under every other condition but its own, as faceted search does.
    EventFilter noFamilies = m_state->filter();
    noFamilies.families.clear();
    EventFilter noTypes = m_state->filter();
    noTypes.eventTypes.clear();
    // One pass per facet: the matching rows are tallied by family / by type code.
    int families[kFamilyCount] = {0, 0, 0};
    std::vector<int> types(std::size_t(index ? index->typeCount() : 0), 0);
    if (index) {
        const ResolvedQuery byFamily = m_state->resolver()->resolve(noFamilies, from, to);
        for (std::uint32_t r : index->query(byFamily.query))
            ++families[int(index->familyAt(r))];
        const ResolvedQuery byType = m_state->resolver()->resolve(noTypes, from, to);
        for (std::uint32_t r : index->query(byType.query)) {
            const int code = index->typeCodeAt(r);
            if (code >= 0 && std::size_t(code) < types.size())
                ++types[std::size_t(code)];
        }
    }
    for (int i = 0; i < kFamilyCount; ++i) {
        m_familyCounts[i] = families[i];
        m_families[i]->setText(
            QStringLiteral("%1 (%L2)").arg(Symbology::familyLabel(Family(i))).arg(families[i]));
    }
    m_typeCounts.clear();
    const bool was = m_syncing;
    m_syncing = true; // a label change is not a filter change
    for (int i = 0; i < m_types->count(); ++i) {
        QListWidgetItem* it = m_types->item(i);
        const QString type = it->data(kValueRole).toString();
        const int code = index ? index->typeCode(type) : -1;
        const int n = code >= 0 && std::size_t(code) < types.size() ? types[std::size_t(code)] : 0;
        m_typeCounts.insert(type, n);
        it->setText(QStringLiteral("%1 (%L2)").arg(type).arg(n));
    }
    m_syncing = was;
}

int FilterPanel::familyCount(Family f) const
{
    return m_familyCounts[int(f)];
}

int FilterPanel::typeCount(const QString& type) const
{
    return m_typeCounts.value(type, -1);
}

QString FilterPanel::describe(const EventFilter& f, qint64 fromSecs, qint64 toSecs, bool cumulative)
{
    QStringList parts;
    if (f.families.isEmpty() || f.families.size() >= kFamilyCount) {
        parts << tr("All events");
    } else {
        QStringList fams;
        for (Family fam : {Family::Incident, Family::Diplomatic, Family::Context}) {
            if (f.families.contains(fam))
                fams << Symbology::familyLabel(fam);
        }
        parts << (fams.isEmpty() ? tr("No family ticked")
                                 : tr("%1 events").arg(fams.join(tr(" and "))));
    }
    if (!f.eventTypes.isEmpty()) {
        QStringList types;
        for (const QString& t : f.eventTypes) {
            if (t != kNoType)
                types << t;
        }
        parts << (types.isEmpty() ? tr("no type ticked") : tr("types: %1").arg(listText(types)));
    }
    if (!f.countries.isEmpty())
        parts << tr("in %1").arg(listText(QStringList(f.countries.begin(), f.countries.end())));
    if (!f.actors.isEmpty())
        parts << tr("actors: %1").arg(listText(QStringList(f.actors.begin(), f.actors.end()), 3));
    if (f.minCasualties > 0)
        parts << tr("at least %1 killed or injured").arg(f.minCasualties);
    if (!f.text.trimmed().isEmpty())
        parts << tr("matching “%1”").arg(f.text.trimmed());
    if (f.box)
        parts << tr("inside the map area");
    if (f.from || f.to)
        parts << tr("dated %1 – %2")
                     .arg(f.from ? eventtext::dayText(f.from->toSecsSinceEpoch()) : tr("any"),
                          f.to ? eventtext::lastDayText(f.to->toSecsSinceEpoch()) : tr("any"));
    QString s = parts.join(QStringLiteral(" · "));
    if (toSecs > fromSecs)
        s +=
            QStringLiteral(" · ") + (cumulative ? tr("up to %1").arg(eventtext::lastDayText(toSecs))
                                                : eventtext::rangeText(fromSecs, toSecs));
    return s;
}

QString FilterPanel::summaryText() const
{
    return m_summary->text();
}

void FilterPanel::updateSummary()
{
    const TimeNavigator* nav = m_state->navigator();
    const bool cumulative = nav->mode() == TimeNavigator::Mode::Cumulative;
    m_summary->setText(
        describe(m_state->filter(), nav->effectiveFrom(), nav->windowTo(), cumulative));
    m_clear->setEnabled(!m_state->filter().isEmpty());
    const bool whole = nav->windowFrom() <= nav->extentFrom() && nav->windowTo() >= nav->extentTo();
    m_window->setText(tr("Time window%1: %2 (set on the timeline)")
                          .arg(whole ? tr(" (whole dataset)") : QString(),
                               eventtext::rangeText(nav->effectiveFrom(), nav->windowTo())));
}

} // namespace fa
