#include "eventtableview.h"

#include "eventtablemodel.h"
#include "viewstate.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace fa {

EventTableView::EventTableView(ViewState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_model(new EventTableModel(state, this)),
      m_filter(new QLineEdit(this)), m_status(new QLabel(this)), m_table(new QTableView(this)),
      m_filterDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("eventTable"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_filter->setObjectName(QStringLiteral("tableFilter"));
    m_filter->setPlaceholderText(tr("Filter the table: words in title, summary, place, actors"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_status->setObjectName(QStringLiteral("tableStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(EventTableModel::Date, Qt::AscendingOrder);
    m_table->verticalHeader()->setVisible(false);
    // Fixed row height: the view then never asks for every row's size (a million rows).
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView* h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setStretchLastSection(false);
    h->setSectionResizeMode(EventTableModel::Title, QHeaderView::Stretch);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    h->resizeSection(EventTableModel::Date, digit * 18); // "2025-11-30 23:40"
    h->resizeSection(EventTableModel::Type, digit * 16);
    h->resizeSection(EventTableModel::Place, digit * 22);
    h->resizeSection(EventTableModel::Country, digit * 8);
    h->resizeSection(EventTableModel::Killed, digit * 8);
    h->resizeSection(EventTableModel::Injured, digit * 8);
    h->resizeSection(EventTableModel::Confidence, digit * 11);
    layout->addWidget(m_table, 1);

    // Type-ahead without a query per keystroke.
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(200);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this,
            [this] { m_model->setTextFilter(m_filter->text()); });

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (m_syncing || !current.isValid())
                    return;
                m_state->setSelectedEvent(m_model->idAt(current.row()));
            });
    // An edit that removes the current row moves the table's current index to a neighbour:
    // the model's doing, not the user's choice. Until the model has its new rows
    // (rowsRefreshed, which ends in selectFromState), the selection follows the state only.
    connect(state, &ViewState::eventsAboutToChange, this, [this] { m_syncing = true; });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& i) {
        const QUuid id = m_model->idAt(i.row());
        if (!id.isNull())
            emit editRequested(id);
    });
    connect(state, &ViewState::selectionChanged, this, &EventTableView::selectFromState);
    connect(m_model, &EventTableModel::rowsRefreshed, this, [this] {
        selectFromState();
        updateStatus();
    });
    connect(m_model, &EventTableModel::noticeChanged, this, &EventTableView::updateStatus);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &EventTableView::selectFromState);
    updateStatus();
    selectFromState();
}

void EventTableView::selectFromState()
{
    const int row = m_model->rowOf(m_state->selectedEvent());
    m_syncing = true;
    if (row < 0) {
        m_table->selectionModel()->clearSelection();
        m_table->selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
    } else {
        const QModelIndex i = m_model->index(row, EventTableModel::Title);
        m_table->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
        m_table->scrollTo(i);
    }
    m_syncing = false;
}

void EventTableView::updateStatus()
{
    QString s = tr("%Ln event(s)", nullptr, m_model->rowCount());
    if (!m_model->notice().isEmpty())
        s += QStringLiteral(" — ") + m_model->notice();
    m_status->setText(s);
}

} // namespace fa
