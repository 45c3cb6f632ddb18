#include "importrunner.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <variant>

namespace fa {

// --- the report ---

QString ImportReport::summaryLine() const
{
    if (cancelled)
        return QStringLiteral("%1: cancelled, nothing imported").arg(input);
    if (error && !committed)
        return QStringLiteral("%1: nothing imported: %2").arg(input, error->message);
    return QStringLiteral("%1: %2 rows read, %3 added, %4 duplicates, %5 rejected")
        .arg(input)
        .arg(rowsRead)
        .arg(added)
        .arg(duplicates)
        .arg(rejectedCount);
}

QString ImportReport::toText() const
{
    QString t;
    t += QStringLiteral("Import report\n");
    t += QStringLiteral("file: %1\nformat: %2\npolicy: %3\n")
             .arg(input, toString(format),
                  policy == ImportPolicy::AllOrNothing ? QStringLiteral("all or nothing")
                                                       : QStringLiteral("import the valid rows"));
    t += QStringLiteral("result: %1\n").arg(summaryLine());
    t += QStringLiteral("rows read: %1\nadded: %2\nduplicates (already stored): %3\nrejected: %4\n")
             .arg(rowsRead)
             .arg(added)
             .arg(duplicates)
             .arg(rejectedCount);
    for (const QString& n : notes)
        t += QStringLiteral("note: %1\n").arg(n);
    if (!rejected.empty()) {
        t += QStringLiteral("\nRejected %1s:\n").arg(recordNoun);
        for (const Rejected& r : rejected)
            t += QStringLiteral("%1 %2: %3\n").arg(recordNoun).arg(r.record).arg(r.reason);
        if (rejectedCount > qint64(rejected.size()))
            t += QStringLiteral("... and %1 more\n").arg(rejectedCount - qint64(rejected.size()));
    }
    return t;
}

Status ImportReport::saveText(const QString& path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error::make(Error::Kind::Io,
                           QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    f.write(toText().toUtf8());
    if (!f.commit())
        return Error::make(Error::Kind::Io,
                           QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

// --- the runner ---

namespace {

struct Item {
    qint64 record = 0;
    std::variant<Event, QString> value; // an event, or the reason it was rejected
};

// Parser thread -> inserting thread, in chunks so that locking is rare; bounded so that a
// fast parser cannot fill memory while SQLite catches up.
class ChunkQueue {
public:
    static constexpr std::size_t kChunk = 512;
    static constexpr std::size_t kMaxChunks = 16;

    bool push(std::vector<Item>&& chunk)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_chunks.size() < kMaxChunks || m_stop; });
        if (m_stop)
            return false;
        m_chunks.push_back(std::move(chunk));
        m_notEmpty.notify_one();
        return true;
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_all();
    }
    /// Makes the producer's next push fail (consumer gave up).
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_chunks.clear();
        m_notFull.notify_all();
    }
    bool pop(std::vector<Item>& out)
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return !m_chunks.empty() || m_closed; });
        if (m_chunks.empty())
            return false;
        out = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_notFull.notify_one();
        return true;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notEmpty, m_notFull;
    std::deque<std::vector<Item>> m_chunks;
    bool m_closed = false;
    bool m_stop = false;
};

// Applies the items to the batch and keeps the counts.
class Inserter {
public:
    Inserter(EventStore::Batch& batch, ImportReport& report, ImportPolicy policy)
        : m_batch(batch), m_report(report), m_policy(policy)
    {
    }

    /// False when the import must stop (the store failed).
    bool apply(Item& item)
    {
        ++m_report.rowsRead;
        if (auto* reason = std::get_if<QString>(&item.value)) {
            reject(item.record, *reason);
            return true;
        }
        Event& e = std::get<Event>(item.value);
        if (m_policy == ImportPolicy::AllOrNothing && m_report.rejectedCount > 0) {
            // Nothing will be committed: only find out whether the store would take it.
            if (Status s = validateEvent(e); !s)
                reject(item.record, s.error().message);
            return true;
        }
        auto r = m_batch.add(std::move(e));
        if (!r) {
            if (r.error().kind == Error::Kind::Invalid) {
                reject(item.record, r.error().message);
                return true;
            }
            Error err = r.error();
            err.message = QStringLiteral("%1 %2: %3")
                              .arg(m_report.recordNoun)
                              .arg(item.record)
                              .arg(err.message);
            m_report.error = err;
            return false;
        }
        if (*r == EventStore::Batch::Outcome::Added)
            ++m_report.added;
        else
            ++m_report.duplicates;
        return true;
    }

private:
    void reject(qint64 record, const QString& reason)
    {
        ++m_report.rejectedCount;
        if (qsizetype(m_report.rejected.size()) < ImportReport::kMaxListed)
            m_report.rejected.push_back({record, reason});
    }

    EventStore::Batch& m_batch;
    ImportReport& m_report;
    ImportPolicy m_policy;
};

} // namespace

ImportReport ImportRunner::run(Importer& importer, QIODevice& in, EventStore::Batch& batch,
                               const Options& options)
{
    ImportReport report;
    report.format = importer.format();
    report.policy = options.policy;
    report.recordNoun = importer.recordNoun();
    report.input = options.importer.sourceName;
    Inserter inserter(batch, report, options.policy);
    Status readStatus;

    if (!options.parallel) {
        ImportSink sink;
        bool storeFailed = false;
        sink.accept = [&](Event&& e, qint64 record) {
            Item item{record, std::move(e)};
            storeFailed = !inserter.apply(item);
            return !storeFailed;
        };
        sink.reject = [&](qint64 record, const QString& reason) {
            Item item{record, reason};
            return inserter.apply(item);
        };
        sink.progress = [&](qint64 done, qint64 total) {
            return !options.progress || options.progress(done, total);
        };
        readStatus = importer.read(in, sink);
        if (storeFailed)
            readStatus = Status{};
    } else {
        ChunkQueue queue;
        std::atomic<bool> cancel{false};
        std::atomic<qint64> done{0}, total{0};
        std::vector<Item> pending;
        pending.reserve(ChunkQueue::kChunk);
        const auto flush = [&] {
            if (pending.empty())
                return true;
            std::vector<Item> chunk;
            chunk.reserve(ChunkQueue::kChunk);
            std::swap(chunk, pending);
            return queue.push(std::move(chunk));
        };
        ImportSink sink;
        sink.accept = [&](Event&& e, qint64 record) {
            pending.push_back(Item{record, std::move(e)});
            return !cancel.load(std::memory_order_relaxed) &&
                   (pending.size() < ChunkQueue::kChunk || flush());
        };
        sink.reject = [&](qint64 record, const QString& reason) {
            pending.push_back(Item{record, reason});
            return !cancel.load(std::memory_order_relaxed) &&
                   (pending.size() < ChunkQueue::kChunk || flush());
        };
        sink.progress = [&](qint64 d, qint64 t) {
            done.store(d, std::memory_order_relaxed);
            total.store(t, std::memory_order_relaxed);
            return !cancel.load(std::memory_order_relaxed);
        };
        std::thread parser([&] {
            readStatus = importer.read(in, sink);
            if (readStatus && !flush())
                readStatus =
                    Error::make(Error::Kind::Cancelled, QStringLiteral("the import was cancelled"));
            queue.close();
        });
        std::vector<Item> chunk;
        bool storeFailed = false;
        while (queue.pop(chunk)) {
            for (Item& item : chunk)
                if (!inserter.apply(item)) {
                    storeFailed = true;
                    break;
                }
            if (!storeFailed && options.progress && !options.progress(done.load(), total.load())) {
                cancel = true;
                report.cancelled = true;
            }
            if (storeFailed || cancel) {
                cancel = true;
                queue.stop();
                break;
            }
        }
        parser.join();
        if (storeFailed)
            readStatus = Status{};
    }
    report.notes = importer.notes();

    if (report.error) // the store failed: the batch refuses to commit anyway
        return report;
    if (!readStatus) {
        report.error = readStatus.error();
        report.cancelled = readStatus.error().kind == Error::Kind::Cancelled;
        return report;
    }
    if (report.cancelled) {
        report.error =
            Error::make(Error::Kind::Cancelled, QStringLiteral("the import was cancelled"));
        return report;
    }
    if (options.policy == ImportPolicy::AllOrNothing && report.rejectedCount > 0) {
        const auto& first = report.rejected.front();
        Error e = Error::make(
            Error::Kind::Invalid,
            QStringLiteral("%1 %2 rejected (all or nothing); first: %3 %4: %5")
                .arg(report.rejectedCount)
                .arg(report.rejectedCount == 1 ? report.recordNoun : report.recordNoun + u's')
                .arg(report.recordNoun)
                .arg(first.record)
                .arg(first.reason));
        e.line = first.record;
        report.error = e;
        report.added = 0;
        report.duplicates = 0;
        return report;
    }
    if (Status s = batch.commit(); !s) {
        report.error = s.error();
        return report;
    }
    report.committed = true;
    return report;
}

ImportReport ImportRunner::run(EventStore& store, const QString& path, const Options& options)
{
    ImportReport failed;
    failed.input = QFileInfo(path).fileName();
    failed.policy = options.policy;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        failed.error =
            Error::make(file.exists() ? Error::Kind::Io : Error::Kind::NotFound,
                        QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
        return failed;
    }
    ImportFormat format = options.format;
    if (format == ImportFormat::Unknown) {
        format = detectImportFormat(file.peek(4096), path);
        if (format == ImportFormat::Unknown) {
            failed.error = Error::make(Error::Kind::Unsupported,
                                       QStringLiteral("cannot tell the format of %1; choose one "
                                                      "(acled, ucdp, geojson, kml, kmz, json)")
                                           .arg(failed.input));
            return failed;
        }
    }
    failed.format = format;
    Options opts = options;
    if (opts.importer.sourceName.isEmpty())
        opts.importer.sourceName = failed.input;
    auto importer = makeImporter(format, opts.importer);
    if (!importer) {
        failed.error =
            Error::make(Error::Kind::Unsupported,
                        QStringLiteral("importing %1 files is not available in this build")
                            .arg(toString(format)));
        return failed;
    }
    auto batch = store.beginBatch();
    if (!batch) {
        failed.error = batch.error();
        return failed;
    }
    ImportReport report = run(*importer, file, **batch, opts);
    report.input = failed.input;
    return report; // an uncommitted batch rolls back here
}

} // namespace fa
