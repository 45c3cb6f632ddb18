#include "viewstate.h"

#include "eventtext.h"
#include "filterresolver.h"
#include "timenavigator.h"

#include <QSettings>
#include <QUndoStack>

namespace fa {
namespace {

const QString kZoneKey = QStringLiteral("details/timeZone");

} // namespace

ViewState::ViewState(QObject* parent)
    : QObject(parent), m_navigator(new TimeNavigator(this)), m_undo(new QUndoStack(this)),
      m_resolver(new FilterResolver(this)),
      m_zone(eventtext::displayZoneFromInt(QSettings().value(kZoneKey, 0).toInt())
                 .value_or(DisplayZone::Utc))
{
}

ViewState::~ViewState() = default;

void ViewState::setData(EventStore* store, EventIndex* index)
{
    m_store = store;
    m_index = index;
    m_selected = QUuid();
    m_undo->clear();
    m_resolver->invalidate();
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

void ViewState::notifyEventsAboutToChange(const QList<QUuid>& ids)
{
    emit eventsAboutToChange(ids);
}

void ViewState::notifyEventsChanged(const QList<QUuid>& ids)
{
    // An edit can change what a full-text, actor or country condition lets through.
    m_resolver->invalidate();
    emit eventsChanged(ids);
}

void ViewState::notifyEventsReloaded()
{
    m_resolver->invalidate();
    emit eventsReloaded();
}

void ViewState::requestZoomToEvent(const QUuid& id)
{
    emit zoomToEventRequested(id);
}

void ViewState::requestZoomToFiltered()
{
    emit zoomToFilteredRequested();
}

} // namespace fa
