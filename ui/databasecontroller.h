#pragma once
// Owns the open database (store and index) and swaps it for another: open, new, recent files,
// save a copy, reload after an import. A database is replaced only once its successor opened
// and indexed cleanly, so a bad file leaves the current one open. Its IndexUpdater keeps the
// index (and the navigator's extent) in step with the store. No dialogs here: callers show the
// returned errors.

#include "eventstore.h"
#include "result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

namespace fa {

class EventIndex;
class IndexUpdater;
class ViewState;

class DatabaseController : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxRecent = 8;

    explicit DatabaseController(ViewState* state, QObject* parent = nullptr);
    ~DatabaseController() override;

    /// Opens an existing database and makes it current (ViewState::setData, window = extent).
    Status open(const QString& path, EventStore::OpenMode mode = EventStore::OpenMode::ReadWrite);
    /// Creates a new, empty database and makes it current. Fails if the file exists.
    Status createNew(const QString& path);
    /// Makes an already opened store current (the composition root's first database).
    Status adopt(std::unique_ptr<EventStore> store);
    /// A consistent copy of the current database (SQLite backup API); the current one stays.
    Status saveCopyAs(const QString& path) const;
    /// Closes the current database (ViewState gets no data).
    void close();
    /// Rebuilds the index from the store after many events changed behind it (an import that
    /// committed through its own connection). The window, selection and undo history stay.
    Status reload();

    EventStore* store() const { return m_store.get(); }
    EventIndex* index() const { return m_index.get(); }
    QString currentPath() const;

    /// Most recent first; only files that existed when they were last opened.
    QStringList recentFiles() const;
    void clearRecentFiles();
    /// The database opened last (QSettings), or empty.
    static QString lastDatabase();

signals:
    void databaseChanged(const QString& path);
    void recentFilesChanged();

private:
    void rememberRecent(const QString& path);

    QPointer<ViewState> m_state;
    IndexUpdater* m_updater; // child
    std::unique_ptr<EventStore> m_store;
    std::unique_ptr<EventIndex> m_index;
};

} // namespace fa
