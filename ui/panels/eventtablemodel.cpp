#include "eventtablemodel.h"

#include "countries.h"
#include "eventindex.h"
#include "eventstore.h"
#include "filterresolver.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <algorithm>

namespace fa {
namespace {

int compareKeys(const QVariant& a, const QVariant& b)
{
    // Unknown values (null) sort after every known one, whatever the direction of numbers.
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull() ? 0 : (a.isNull() ? 1 : -1);
    if (a.typeId() == QMetaType::Int && b.typeId() == QMetaType::Int)
        return a.toInt() < b.toInt() ? -1 : (a.toInt() > b.toInt() ? 1 : 0);
    return QString::localeAwareCompare(a.toString(), b.toString());
}

} // namespace

EventTableModel::EventTableModel(ViewState* state, QObject* parent)
    : QAbstractTableModel(parent), m_state(state), m_resolver(new FilterResolver(state, this)),
      m_zone(eventtext::savedZone())
{
    // The resolver was connected first, so its cache is invalid before refresh() runs.
    auto dataChanged = [this] {
        m_cache.clear();
        m_sortKeys.clear();
        m_sortKeysColumn = -1;
        refresh();
    };
    connect(state, &ViewState::dataReset, this, dataChanged);
    connect(state, &ViewState::eventsChanged, this, dataChanged);
    connect(state, &ViewState::filterChanged, this, &EventTableModel::refresh);
    connect(state->navigator(), &TimeNavigator::windowChanged, this, &EventTableModel::refresh);
    connect(state->navigator(), &TimeNavigator::modeChanged, this, &EventTableModel::refresh);
    refresh();
}

int EventTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void EventTableModel::setZone(DisplayZone z)
{
    if (z == m_zone)
        return;
    m_zone = z;
    if (!m_rows.empty())
        emit dataChanged(index(0, Date), index(rowCount() - 1, Date));
}

void EventTableModel::setTextFilter(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    refresh();
}

void EventTableModel::setNotice(const QString& n)
{
    if (n == m_notice)
        return;
    m_notice = n;
    emit noticeChanged(n);
}

void EventTableModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    QString notice;
    const EventIndex* index = m_state->index();
    if (index) {
        const ResolvedQuery rq = m_resolver->current();
        if (!rq.ok())
            notice = rq.error;
        m_rows = index->query(rq.query);
        const QString text = m_text.trimmed();
        if (!text.isEmpty() && !m_state->store()) {
            m_rows.clear();
        } else if (!text.isEmpty()) {
            auto allow = m_state->store()->fullTextRowids(text);
            if (!allow) {
                notice = tr("Text filter: %1").arg(allow.error().message);
                m_rows.clear();
            } else {
                std::vector<qint64> ids = std::move(allow.value());
                std::sort(ids.begin(), ids.end());
                std::erase_if(m_rows, [&](std::uint32_t r) {
                    return !std::binary_search(ids.begin(), ids.end(), index->rowidAt(r));
                });
            }
        }
    }
    setNotice(notice);
    applySort();
    endResetModel();
    emit rowsRefreshed();
}

void EventTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<QUuid> beforeIds;
    beforeIds.reserve(std::size_t(before.size()));
    for (const QModelIndex& i : before)
        beforeIds.push_back(idAt(i.row()));
    m_sortColumn = column;
    m_sortOrder = order;
    applySort();
    QModelIndexList after;
    for (std::size_t k = 0; k < beforeIds.size(); ++k) {
        const int r = rowOf(beforeIds[k]);
        after << (r < 0 ? QModelIndex() : index(r, before[qsizetype(k)].column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void EventTableModel::applySort()
{
    const EventIndex* idx = m_state->index();
    if (!idx || m_rows.empty())
        return;
    auto byDate = [idx](std::uint32_t a, std::uint32_t b) {
        const qint64 sa = idx->startAt(a), sb = idx->startAt(b);
        return sa != sb ? sa < sb : a < b;
    };
    int column = m_sortColumn;
    QString notice = m_notice.startsWith(tr("Sorting")) ? QString() : m_notice;
    if (column != Date && !loadSortKeys()) {
        notice = tr("Sorting by %1 needs at most %L2 rows; narrow the filter. Sorted by date.")
                     .arg(headerData(column, Qt::Horizontal).toString().toLower())
                     .arg(kMaxStoreSortRows);
        column = Date;
    }
    if (column == Date) {
        // The index answers in start-time order already: at most a flip is needed (a sort of
        // a million rows would take tens of milliseconds).
        auto later = [&byDate](std::uint32_t a, std::uint32_t b) { return byDate(b, a); };
        const bool desc = m_sortOrder == Qt::DescendingOrder;
        const bool ascending = std::is_sorted(m_rows.begin(), m_rows.end(), byDate);
        const bool descending = !ascending && std::is_sorted(m_rows.begin(), m_rows.end(), later);
        if (!ascending && !descending)
            std::sort(m_rows.begin(), m_rows.end(), byDate);
        if (desc != descending)
            std::reverse(m_rows.begin(), m_rows.end());
    } else {
        const bool desc = m_sortOrder == Qt::DescendingOrder;
        std::stable_sort(m_rows.begin(), m_rows.end(), [&](std::uint32_t a, std::uint32_t b) {
            const QVariant ka = m_sortKeys.value(idx->idAt(a));
            const QVariant kb = m_sortKeys.value(idx->idAt(b));
            int c = compareKeys(ka, kb);
            if (c != 0 && !ka.isNull() && !kb.isNull() && desc)
                c = -c;
            return c != 0 ? c < 0 : byDate(a, b);
        });
    }
    setNotice(notice);
}

QVariant EventTableModel::sortKey(const Event& e) const
{
    switch (m_sortColumn) {
    case Title:
        return e.title;
    case Type:
        return e.eventType;
    case Place:
        return eventtext::placeText(e);
    case Country:
        return e.country;
    case Killed:
        return e.killed ? QVariant(*e.killed) : QVariant();
    case Injured:
        return e.injured ? QVariant(*e.injured) : QVariant();
    case Confidence:
        return int(e.confidence);
    default:
        return {};
    }
}

bool EventTableModel::loadSortKeys()
{
    const EventIndex* idx = m_state->index();
    EventStore* store = m_state->store();
    if (!idx || !store)
        return false;
    if (m_sortKeysColumn == m_sortColumn) {
        bool complete = true;
        for (std::uint32_t r : m_rows) {
            if (!m_sortKeys.contains(idx->idAt(r))) {
                complete = false;
                break;
            }
        }
        if (complete)
            return true;
    }
    if (m_rows.size() > std::size_t(kMaxStoreSortRows))
        return false;
    // One query over the rows' time span, narrowed by what the store can filter on itself.
    qint64 first = std::numeric_limits<qint64>::max(), last = std::numeric_limits<qint64>::min();
    for (std::uint32_t r : m_rows) {
        first = std::min(first, idx->startAt(r));
        last = std::max(last, idx->startAt(r));
    }
    EventFilter f;
    f.from = QDateTime::fromSecsSinceEpoch(first, QTimeZone::UTC);
    f.to = QDateTime::fromSecsSinceEpoch(last + 1, QTimeZone::UTC);
    f.families = m_state->filter().families;
    f.eventTypes = m_state->filter().eventTypes;
    f.countries = m_state->filter().countries;
    auto events = store->query(f);
    if (!events)
        return false;
    m_sortKeys.clear();
    m_sortKeysColumn = m_sortColumn;
    for (const Event& e : events.value())
        m_sortKeys.insert(e.id, sortKey(e));
    return true;
}

QUuid EventTableModel::idAt(int row) const
{
    if (row < 0 || std::size_t(row) >= m_rows.size() || !m_state->index())
        return {};
    return m_state->index()->idAt(m_rows[std::size_t(row)]);
}

int EventTableModel::rowOf(const QUuid& id) const
{
    const EventIndex* idx = m_state->index();
    if (id.isNull() || !idx)
        return -1;
    const auto indexRow = idx->rowOf(id);
    if (!indexRow)
        return -1;
    const auto it = std::find(m_rows.begin(), m_rows.end(), *indexRow);
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

const Event* EventTableModel::eventAt(int row) const
{
    const QUuid id = idAt(row);
    if (id.isNull() || !m_state->store())
        return nullptr;
    auto it = m_cache.find(id);
    if (it != m_cache.end())
        return &it.value();
    auto e = m_state->store()->get(id);
    if (!e)
        return nullptr;
    // A small cache of what was on screen recently; dropped whole when full (cheap to refill:
    // a screenful is a few dozen reads by primary key).
    if (m_cache.size() >= kCacheSize)
        m_cache.clear();
    return &m_cache.insert(id, std::move(e.value())).value();
}

QVariant EventTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role == IdRole)
        return idAt(index.row());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::TextAlignmentRole)
        return {};
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Killed || index.column() == Injured)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const Event* e = eventAt(index.row());
    if (!e)
        return {};
    switch (index.column()) {
    case Date:
        return role == Qt::ToolTipRole ? eventtext::eventDateText(*e, m_zone) + QLatin1Char('\n') +
                                             eventtext::eventSolarHijriText(*e, m_zone)
                                       : eventtext::shortDateText(*e, m_zone);
    case Title:
        return e->title;
    case Type:
        return e->eventType;
    case Place: {
        // The table has a country column: the place and its district are enough here.
        if (role == Qt::ToolTipRole)
            return eventtext::placeText(*e);
        QStringList parts;
        for (const QString& p : {e->place, e->district, e->region})
            if (!p.isEmpty() && !parts.contains(p))
                parts << p;
        return parts.mid(0, 2).join(QStringLiteral(", "));
    }
    case Country:
        return role == Qt::ToolTipRole ? countryName(e->country) : e->country;
    case Killed:
        return eventtext::casualtyText(e->killed);
    case Injured:
        return eventtext::casualtyText(e->injured);
    case Confidence:
        return eventtext::confidenceText(e->confidence);
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case Date:
        return tr("Date");
    case Title:
        return tr("Title");
    case Type:
        return tr("Type");
    case Place:
        return tr("Place");
    case Country:
        return tr("Country");
    case Killed:
        return tr("Killed");
    case Injured:
        return tr("Injured");
    case Confidence:
        return tr("Confidence");
    default:
        return {};
    }
}

} // namespace fa
