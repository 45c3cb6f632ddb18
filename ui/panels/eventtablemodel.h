#pragma once
// The events passing the current filter and time window, as table rows. Built for a million
// events: the model keeps only the EventIndex rows that match (from the index, in start-time
// order) and reads an event's details from the store when its row is shown, through a small
// cache. Sorting by date uses the index order; sorting by a column only the store knows
// (title, place, killed, ...) reads those values once per data version, and is limited to
// kMaxStoreSortRows rows so that a click on a header never stalls the window.

#include "event.h"
#include "eventtext.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QUuid>
#include <QVariant>

#include <cstdint>
#include <vector>

namespace fa {

class FilterResolver;
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

    void setZone(DisplayZone z);

public slots:
    void refresh(); ///< re-reads the rows (filter, window or data changed)

signals:
    void rowsRefreshed(); ///< after every refresh(): the view restores its selection
    void noticeChanged(const QString& notice);

private:
    const Event* eventAt(int row) const; ///< cached; nullptr if the store no longer has it
    void applySort();
    bool loadSortKeys();
    QVariant sortKey(const Event& e) const;
    void setNotice(const QString& n);

    ViewState* m_state;
    FilterResolver* m_resolver;
    DisplayZone m_zone;
    QString m_text;
    std::vector<std::uint32_t> m_rows; ///< index rows, in display order
    int m_sortColumn = Date;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QHash<QUuid, QVariant> m_sortKeys; ///< for m_sortKeysColumn, cleared when data changes
    int m_sortKeysColumn = -1;
    QString m_notice;
    mutable QHash<QUuid, Event> m_cache;
};

} // namespace fa
