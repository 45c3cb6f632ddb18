#include "databasecontroller.h"

#include "eventindex.h"
#include "indexupdater.h"
#include "timenavigator.h"
#include "viewstate.h"

#include <QFileInfo>
#include <QSettings>

namespace fa {

namespace {
const QString kRecentKey = QStringLiteral("database/recent");
const QString kLastKey = QStringLiteral("database/last");
} // namespace

DatabaseController::DatabaseController(ViewState* state, QObject* parent)
    : QObject(parent), m_state(state), m_updater(new IndexUpdater(state, this))
{
}

DatabaseController::~DatabaseController()
{
    // The views hold raw pointers to the store and index: take them away before freeing.
    if (m_state && (m_state->store() == m_store.get() || m_state->index() == m_index.get()))
        m_state->setData(nullptr, nullptr);
    m_updater->attach(nullptr, nullptr);
}

Status DatabaseController::open(const QString& path, EventStore::OpenMode mode)
{
    auto store = EventStore::open(path, mode);
    if (!store)
        return store.error();
    return adopt(std::move(store.value()));
}

Status DatabaseController::createNew(const QString& path)
{
    auto store = EventStore::create(path);
    if (!store)
        return store.error();
    return adopt(std::move(store.value()));
}

Status DatabaseController::adopt(std::unique_ptr<EventStore> store)
{
    auto index = EventIndex::build(*store);
    if (!index)
        return index.error();
    auto newIndex = std::make_unique<EventIndex>(std::move(index.value()));

    // Only now, with the successor ready, replace the current database.
    std::unique_ptr<EventStore> oldStore = std::move(m_store);
    std::unique_ptr<EventIndex> oldIndex = std::move(m_index);
    m_store = std::move(store);
    m_index = std::move(newIndex);
    // The extent first, so that the views fit the new data when dataReset() reaches them.
    m_updater->attach(m_store.get(), m_index.get());
    m_state->setData(m_store.get(), m_index.get());
    m_state->navigator()->resetWindow();
    oldStore.reset();
    oldIndex.reset();

    const QString path = QFileInfo(m_store->path()).absoluteFilePath();
    rememberRecent(path);
    emit databaseChanged(path);
    return {};
}

Status DatabaseController::saveCopyAs(const QString& path) const
{
    if (!m_store)
        return Error::make(Error::Kind::NotFound, tr("No database is open."));
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(m_store->path()).absoluteFilePath())
        return Error::make(Error::Kind::Invalid,
                           tr("Choose another file: this is the open database itself."));
    return m_store->backupTo(path);
}

void DatabaseController::close()
{
    m_updater->attach(nullptr, nullptr);
    m_state->setData(nullptr, nullptr);
    m_store.reset();
    m_index.reset();
    emit databaseChanged(QString());
}

Status DatabaseController::reload()
{
    return m_updater->rebuild();
}

QString DatabaseController::currentPath() const
{
    return m_store ? m_store->path() : QString();
}

QStringList DatabaseController::recentFiles() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void DatabaseController::clearRecentFiles()
{
    QSettings().remove(kRecentKey);
    emit recentFilesChanged();
}

QString DatabaseController::lastDatabase()
{
    return QSettings().value(kLastKey).toString();
}

void DatabaseController::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    settings.setValue(kLastKey, path);
    emit recentFilesChanged();
}

} // namespace fa
