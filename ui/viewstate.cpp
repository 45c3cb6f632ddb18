#include "viewstate.h"

#include "eventtext.h"
#include "timenavigator.h"

#include <QSettings>
#include <QUndoStack>

namespace fa {
namespace {

const QString kZoneKey = QStringLiteral("details/timeZone");

} // namespace

ViewState::ViewState(QObject* parent)
    : QObject(parent), m_navigator(new TimeNavigator(this)), m_undo(new QUndoStack(this)),
      m_zone(eventtext::displayZoneFromInt(QSettings().value(kZoneKey, 0).toInt())
                 .value_or(DisplayZone::Utc))
{
}

void ViewState::setData(EventStore* store, EventIndex* index)
{
    m_store = store;
    m_index = index;
    m_selected = QUuid();
    m_undo->clear();
    emit dataReset();
}

void ViewState::setFilter(const EventFilter& f)
{
    if (f == m_filter)
        return;
    m_filter = f;
    emit filterChanged();
}

void ViewState::setSelectedEvent(const QUuid& id)
{
    if (id == m_selected)
        return;
    m_selected = id;
    emit selectionChanged(id);
}

void ViewState::setDisplayZone(DisplayZone z)
{
    if (z == m_zone)
        return;
    m_zone = z;
    QSettings().setValue(kZoneKey, int(z));
    emit displayZoneChanged(z);
}

void ViewState::notifyEventsChanged()
{
    emit eventsChanged();
}

} // namespace fa
