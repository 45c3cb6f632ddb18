#include "eventtablemodel.h"

#include "countries.h"
#include "eventindex.h"
#include "eventstore.h"
#include "eventtext.h"
#include "filterresolver.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <algorithm>
#include <limits>
#include <ranges>
#include <utility>

namespace fa {
namespace {

/// A shown row whose event left the index (between an edit and the table's update).
constexpr std::uint32_t kGone = std::numeric_limits<std::uint32_t>::max();

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
    : QAbstractTableModel(parent), m_state(state)
{
    connect(state, &ViewState::dataReset, this, &EventTableModel::dropCachedEvents);
    connect(state, &ViewState::eventsReloaded, this, &EventTableModel::dropCachedEvents);
    connect(state, &ViewState::eventsAboutToChange, this, &EventTableModel::onEventsAboutToChange);
    connect(state, &ViewState::eventsChanged, this, &EventTableModel::onEventsChanged);
    connect(state, &ViewState::filterChanged, this, &EventTableModel::refresh);
    connect(state->navigator(), &TimeNavigator::windowChanged, this, &EventTableModel::refresh);
    connect(state->navigator(), &TimeNavigator::modeChanged, this, &EventTableModel::refresh);
    connect(state, &ViewState::displayZoneChanged, this, &EventTableModel::zoneChanged);
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

void EventTableModel::zoneChanged()
{
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

void EventTableModel::dropCachedEvents()
{
    m_cache.clear();
    m_sortKeys.clear();
    m_sortKeysColumn = -1;
    refresh();
}

std::vector<std::uint32_t> EventTableModel::computeRows(QString* notice)
{
    std::vector<std::uint32_t> rows;
    const EventIndex* index = m_state->index();
    if (!index)
        return rows;
    const ResolvedQuery rq = m_state->resolver()->current();
    if (!rq.ok())
        *notice = rq.error;
    rows = index->query(rq.query);
    const QString text = m_text.trimmed();
    if (!text.isEmpty() && !m_state->store()) {
        rows.clear();
    } else if (!text.isEmpty()) {
        auto allow = m_state->store()->fullTextRowids(text);
        if (!allow) {
            *notice = tr("Text filter: %1").arg(allow.error().message);
            rows.clear();
        } else {
            std::vector<qint64> ids = std::move(allow.value());
            std::sort(ids.begin(), ids.end());
            std::erase_if(rows, [&](std::uint32_t r) {
                return !std::binary_search(ids.begin(), ids.end(), index->rowidAt(r));
            });
        }
    }
    sortRows(rows, notice);
    return rows;
}

void EventTableModel::refresh()
{
    m_changing.clear();
    QString notice;
    std::vector<std::uint32_t> rows = computeRows(&notice);
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    setNotice(notice);
    emit rowsRefreshed();
}

void EventTableModel::onEventsAboutToChange(const QList<QUuid>& ids)
{
    m_changing.clear();
    const EventIndex* index = m_state->index();
    for (const QUuid& id : ids)
        m_changing.append({id, rowOf(id), index ? index->rowOf(id) : std::nullopt});
}

void EventTableModel::onEventsChanged(const QList<QUuid>& ids)
{
    // Only the changed events' cached values are stale.
    const bool keysInUse = m_sortKeysColumn == m_sortColumn && m_sortColumn != Date;
    for (const QUuid& id : ids) {
        m_cache.remove(id);
        m_sortKeys.remove(id);
        if (keysInUse && m_state->store()) {
            if (auto e = m_state->store()->get(id))
                m_sortKeys.insert(id, sortKey(e.value()));
        }
    }
    const QList<Change> changing = std::exchange(m_changing, {});
    const bool one = ids.size() == 1 && changing.size() == 1 && changing.front().id == ids[0] &&
                     m_state->index();
    if (one)
        renumberRows(changing.front());
    const int sortedBefore = m_sortedBy;
    QString notice;
    std::vector<std::uint32_t> rows = computeRows(&notice);
    if (!one || m_sortedBy != sortedBefore || !patchRows(rows, changing.front())) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    setNotice(notice);
    emit rowsRefreshed();
}

void EventTableModel::renumberRows(const Change& c)
{
    // Index rows are positions in start order: taking one event out moves the rows after it
    // up by one, putting it back moves the rows from its new place down by one.
    const std::optional<std::uint32_t> now = m_state->index()->rowOf(c.id);
    for (std::uint32_t& r : m_rows) {
        if (c.indexRow && r == *c.indexRow) {
            r = now ? *now : kGone;
            continue;
        }
        if (c.indexRow && r > *c.indexRow)
            --r;
        if (now && r >= *now)
            ++r;
    }
}

bool EventTableModel::patchRows(std::vector<std::uint32_t>& rows, const Change& c)
{
    int newPos = -1;
    if (const auto indexRow = m_state->index()->rowOf(c.id)) {
        const auto it = std::find(rows.begin(), rows.end(), *indexRow);
        if (it != rows.end())
            newPos = int(it - rows.begin());
    }
    // Every other event must keep its place (see the header); if not, the caller resets.
    auto others = [](const std::vector<std::uint32_t>& v, int skip) {
        return std::views::iota(std::size_t(0), v.size()) |
               std::views::filter([skip](std::size_t i) { return int(i) != skip; }) |
               std::views::transform([&v](std::size_t i) { return v[i]; });
    };
    if (!std::ranges::equal(others(m_rows, c.shownAt), others(rows, newPos)))
        return false;
    const int oldPos = c.shownAt;
    if (oldPos < 0 && newPos < 0) {
        m_rows = std::move(rows); // not shown before or after
    } else if (oldPos < 0) {
        beginInsertRows({}, newPos, newPos);
        m_rows = std::move(rows);
        endInsertRows();
    } else if (newPos < 0) {
        beginRemoveRows({}, oldPos, oldPos);
        m_rows = std::move(rows);
        endRemoveRows();
    } else {
        if (newPos != oldPos) {
            beginMoveRows({}, oldPos, oldPos, {}, newPos > oldPos ? newPos + 1 : newPos);
            m_rows = std::move(rows);
            endMoveRows();
        } else {
            m_rows = std::move(rows);
        }
        emit dataChanged(index(newPos, 0), index(newPos, ColumnCount - 1));
    }
    return true;
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
    QString notice = m_notice.startsWith(tr("Sorting")) ? QString() : m_notice;
    sortRows(m_rows, &notice);
    setNotice(notice);
    QModelIndexList after;
    for (std::size_t k = 0; k < beforeIds.size(); ++k) {
        const int r = rowOf(beforeIds[k]);
        after << (r < 0 ? QModelIndex() : index(r, before[qsizetype(k)].column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void EventTableModel::sortRows(std::vector<std::uint32_t>& rows, QString* notice)
{
    const EventIndex* idx = m_state->index();
    if (!idx || rows.empty())
        return;
    auto byDate = [idx](std::uint32_t a, std::uint32_t b) {
        const qint64 sa = idx->startAt(a), sb = idx->startAt(b);
        return sa != sb ? sa < sb : a < b;
    };
    int column = m_sortColumn;
    if (column != Date && !loadSortKeys(rows)) {
        *notice = tr("Sorting by %1 needs at most %L2 rows; narrow the filter. Sorted by date.")
                      .arg(headerData(column, Qt::Horizontal).toString().toLower())
                      .arg(kMaxStoreSortRows);
        column = Date;
    }
    if (column == Date) {
        // The index answers in start-time order already: at most a flip is needed (a sort of
        // a million rows would take tens of milliseconds).
        auto later = [&byDate](std::uint32_t a, std::uint32_t b) { return byDate(b, a); };
        const bool desc = m_sortOrder == Qt::DescendingOrder;
        const bool ascending = std::is_sorted(rows.begin(), rows.end(), byDate);
        const bool descending = !ascending && std::is_sorted(rows.begin(), rows.end(), later);
        if (!ascending && !descending)
            std::sort(rows.begin(), rows.end(), byDate);
        if (desc != descending)
            std::reverse(rows.begin(), rows.end());
    } else {
        const bool desc = m_sortOrder == Qt::DescendingOrder;
        std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
            const QVariant ka = m_sortKeys.value(idx->idAt(a));
            const QVariant kb = m_sortKeys.value(idx->idAt(b));
            int c = compareKeys(ka, kb);
            if (c != 0 && !ka.isNull() && !kb.isNull() && desc)
                c = -c;
            return c != 0 ? c < 0 : byDate(a, b);
        });
    }
    m_sortedBy = column;
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

bool EventTableModel::loadSortKeys(const std::vector<std::uint32_t>& rows)
{
    const EventIndex* idx = m_state->index();
    EventStore* store = m_state->store();
    if (!idx || !store)
        return false;
    if (m_sortKeysColumn == m_sortColumn) {
        bool complete = true;
        for (std::uint32_t r : rows) {
            if (!m_sortKeys.contains(idx->idAt(r))) {
                complete = false;
                break;
            }
        }
        if (complete)
            return true;
    }
    if (rows.size() > std::size_t(kMaxStoreSortRows))
        return false;
    // One query over the rows' time span, narrowed by what the store can filter on itself.
    qint64 first = std::numeric_limits<qint64>::max(), last = std::numeric_limits<qint64>::min();
    for (std::uint32_t r : rows) {
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
    const EventIndex* idx = m_state->index();
    if (row < 0 || std::size_t(row) >= m_rows.size() || !idx ||
        m_rows[std::size_t(row)] >= idx->size())
        return {};
    return idx->idAt(m_rows[std::size_t(row)]);
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
        return role == Qt::ToolTipRole
                   ? eventtext::eventDateText(*e, m_state->displayZone()) + QLatin1Char('\n') +
                         eventtext::eventSolarHijriText(*e, m_state->displayZone())
                   : eventtext::shortDateText(*e, m_state->displayZone());
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
