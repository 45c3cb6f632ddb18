#pragma once
// The event table panel: a text filter box, a count/notice line and a sortable table of the
// events passing the shared filter and time window. Its selection follows ViewState's and
// sets it; a double-click asks for the editor.

#include <QUuid>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace fa {

class EventTableModel;
class ViewState;

class EventTableView : public QWidget {
    Q_OBJECT
public:
    explicit EventTableView(ViewState* state, QWidget* parent = nullptr);

    EventTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QLineEdit* filterBox() const { return m_filter; }

signals:
    void editRequested(const QUuid& id);

private:
    void selectFromState();
    void updateStatus();

    ViewState* m_state;
    EventTableModel* m_model;
    QLineEdit* m_filter;
    QLabel* m_status;
    QTableView* m_table;
    QTimer* m_filterDelay;
    bool m_syncing = false;
};

} // namespace fa
