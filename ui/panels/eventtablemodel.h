#pragma once
// The events passing the current filter and time window, as table rows. Built for a million
// events: the model keeps only the EventIndex rows that match (from the index, in start-time
// order) and reads an event's details from the store when its row is shown, through a small
// cache. Sorting by date uses the index order; sorting by a column only the store knows
// (title, place, killed, ...) reads those values once per data version, and is limited to
// kMaxStoreSortRows rows so that a click on a header never stalls the window. An edit of one
// event changes only that event's row (updated, moved, inserted or removed), not the rest:
// whether an event passes the filter depends on that event alone, and the rows are ordered by
// (sort key, start, index row), which an edit of another event leaves in the same relative
// order (a reset is the fallback when the rows say otherwise).

#include "event.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QUuid>
#include <QVariant>

#include <cstdint>
#include <optional>
#include <vector>

namespace fa {

class ViewState;

class EventTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Date, Title, Type, Place, Country, Killed, Injured, Confidence, ColumnCount };
    static constexpr int kMaxStoreSortRows = 20000;
    static constexpr int kCacheSize = 2000;
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit EventTableModel(ViewState* state, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// The table's own text search (searchquery.h: what every search box means), on top of
    /// the shared filter.
    void setTextFilter(const QString& text);
    QString textFilter() const { return m_text; }

    QUuid idAt(int row) const;
    int rowOf(const QUuid& id) const; ///< -1 if not shown
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    /// Why the last sort or text filter could not be applied ("" if it was).
    QString notice() const { return m_notice; }

public slots:
    void refresh(); ///< re-reads the rows (filter, window or data changed)

signals:
    void rowsRefreshed(); ///< after every refresh(): the view restores its selection
    void noticeChanged(const QString& notice);

private:
    const Event* eventAt(int row) const; ///< cached; nullptr if the store no longer has it
    /// The rows for the filter, window and text filter, in display order. notice: why a
    /// condition or the sort could not be applied.
    std::vector<std::uint32_t> computeRows(QString* notice);
    void sortRows(std::vector<std::uint32_t>& rows, QString* notice);
    bool loadSortKeys(const std::vector<std::uint32_t>& rows);
    void dropCachedEvents(); ///< many events changed: nothing read from the store stays
    /// One event about to change: where the table shows it and where the index holds it.
    struct Change {
        QUuid id;
        int shownAt = -1;                      ///< display row; -1: not shown
        std::optional<std::uint32_t> indexRow; ///< before the change; nullopt: a new event
    };
    void onEventsAboutToChange(const QList<QUuid>& ids);
    void onEventsChanged(const QList<QUuid>& ids);
    /// Renumbers the shown rows for the index after the change (the event's own row left the
    /// order and came back at its new place), so that they still name the same events.
    void renumberRows(const Change& c);
    /// Replaces the rows after one event changed, announcing only its own row; false (nothing
    /// done) when more than that row differs.
    bool patchRows(std::vector<std::uint32_t>& rows, const Change& c);
    QVariant sortKey(const Event& e) const;
    void setNotice(const QString& n);
    void zoneChanged(); ///< the dates read in another zone now

    ViewState* m_state;
    QString m_text;
    std::vector<std::uint32_t> m_rows; ///< index rows, in display order
    int m_sortColumn = Date;
    int m_sortedBy = Date;    ///< the column the rows are really in order of (see sortRows)
    QList<Change> m_changing; ///< taken while the index still held the old rows
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QHash<QUuid, QVariant> m_sortKeys; ///< for m_sortKeysColumn, cleared when data changes
    int m_sortKeysColumn = -1;
    QString m_notice;
    mutable QHash<QUuid, Event> m_cache;
};

} // namespace fa
