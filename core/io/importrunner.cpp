#include "importrunner.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimeZone>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

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

/// A run of consecutive records: the events that passed the store's checks, already encoded
/// (on the parsing thread), and the records that did not, with the reason.
struct Chunk {
    static constexpr qint64 kRecords = 2048;
    EventChunk events;
    std::vector<ImportReport::Rejected> rejected;
    qint64 records = 0; ///< accepted by the parser + rejected
    qint64 firstRecord = 0, lastRecord = 0;

    void note(qint64 record)
    {
        if (records++ == 0)
            firstRecord = record;
        lastRecord = record;
    }
    void clear()
    {
        events.clear();
        rejected.clear();
        records = 0;
    }
};

/// Parser thread -> inserting thread, bounded so that a fast parser cannot fill memory while
/// SQLite catches up. Used chunks travel back to the parser, which empties and refills them:
/// the memory a chunk holds is allocated and freed on the same thread (glibc's allocator
/// makes frees of another thread's memory expensive; they cost this import more than the
/// second thread saved).
class ChunkQueue {
public:
    static constexpr std::size_t kMaxChunks = 4;

    bool push(std::unique_ptr<Chunk> chunk)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_full.size() < kMaxChunks || m_stop; });
        if (m_stop)
            return false;
        m_full.push_back(std::move(chunk));
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
        m_notFull.notify_all();
    }
    std::unique_ptr<Chunk> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return !m_full.empty() || m_closed; });
        if (m_full.empty())
            return nullptr;
        auto chunk = std::move(m_full.front());
        m_full.pop_front();
        m_notFull.notify_one();
        return chunk;
    }
    void giveBack(std::unique_ptr<Chunk> chunk)
    {
        std::lock_guard lock(m_mutex);
        m_used.push_back(std::move(chunk));
    }
    /// An empty chunk: a used one emptied here, on the producer's thread, or a new one.
    std::unique_ptr<Chunk> takeEmpty()
    {
        std::unique_ptr<Chunk> chunk;
        {
            std::lock_guard lock(m_mutex);
            if (!m_used.empty()) {
                chunk = std::move(m_used.back());
                m_used.pop_back();
            }
        }
        if (!chunk)
            return std::make_unique<Chunk>();
        chunk->clear();
        return chunk;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notEmpty, m_notFull;
    std::deque<std::unique_ptr<Chunk>> m_full;
    std::vector<std::unique_ptr<Chunk>> m_used;
    bool m_closed = false;
    bool m_stop = false;
};

// Fills chunks from the importer's sink: runs on the parsing thread.
class ChunkBuilder {
public:
    ChunkBuilder(std::function<bool(std::unique_ptr<Chunk>)> ship,
                 std::function<std::unique_ptr<Chunk>()> fresh)
        : m_ship(std::move(ship)), m_fresh(std::move(fresh)), m_chunk(m_fresh())
    {
    }
    bool accept(Event&& e, qint64 record, const QDateTime& now)
    {
        m_chunk->note(record);
        if (Status s = m_chunk->events.add(std::move(e), now); !s)
            m_chunk->rejected.push_back({record, s.error().message});
        return m_chunk->records < Chunk::kRecords || flush();
    }
    bool reject(qint64 record, const QString& reason)
    {
        m_chunk->note(record);
        m_chunk->rejected.push_back({record, reason});
        return m_chunk->records < Chunk::kRecords || flush();
    }
    bool flush()
    {
        if (m_chunk->records == 0)
            return true;
        const bool ok = m_ship(std::move(m_chunk));
        m_chunk = m_fresh();
        return ok;
    }

private:
    std::function<bool(std::unique_ptr<Chunk>)> m_ship;
    std::function<std::unique_ptr<Chunk>()> m_fresh;
    std::unique_ptr<Chunk> m_chunk;
};

// Applies chunks to the batch and keeps the counts: runs on the calling thread.
class Inserter {
public:
    Inserter(EventStore::Batch& batch, ImportReport& report, ImportPolicy policy)
        : m_batch(batch), m_report(report), m_policy(policy)
    {
    }

    /// False when the import must stop (the store failed).
    bool apply(const Chunk& chunk)
    {
        m_report.rowsRead += chunk.records;
        for (const auto& r : chunk.rejected) {
            ++m_report.rejectedCount;
            if (qsizetype(m_report.rejected.size()) < ImportReport::kMaxListed)
                m_report.rejected.push_back(r);
        }
        if (m_policy == ImportPolicy::AllOrNothing && m_report.rejectedCount > 0)
            return true; // nothing will be committed: only go on finding rejected records
        auto r = m_batch.addChunk(chunk.events);
        if (!r) {
            Error err = r.error();
            const QString where =
                chunk.firstRecord == chunk.lastRecord
                    ? QStringLiteral("%1 %2").arg(m_report.recordNoun).arg(chunk.firstRecord)
                    : QStringLiteral("%1s %2–%3")
                          .arg(m_report.recordNoun)
                          .arg(chunk.firstRecord)
                          .arg(chunk.lastRecord);
            err.message = where + QStringLiteral(": ") + err.message;
            m_report.error = err;
            return false;
        }
        m_report.added += r->added;
        m_report.duplicates += r->duplicates;
        return true;
    }

private:
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
    // One creation time for the whole import, to the millisecond the file keeps.
    const QDateTime now =
        QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), QTimeZone::UTC);
    Status readStatus;

    if (!options.parallel) {
        bool storeFailed = false;
        std::unique_ptr<Chunk> spare;
        ChunkBuilder builder(
            [&](std::unique_ptr<Chunk> chunk) {
                storeFailed = !inserter.apply(*chunk);
                chunk->clear();
                spare = std::move(chunk);
                return !storeFailed;
            },
            [&] { return spare ? std::move(spare) : std::make_unique<Chunk>(); });
        ImportSink sink;
        sink.accept = [&](Event&& e, qint64 record) {
            return builder.accept(std::move(e), record, now);
        };
        sink.reject = [&](qint64 record, const QString& reason) {
            return builder.reject(record, reason);
        };
        sink.progress = [&](qint64 done, qint64 total) {
            return !options.progress || options.progress(done, total);
        };
        readStatus = importer.read(in, sink);
        if (readStatus && !storeFailed)
            builder.flush();
        if (storeFailed)
            readStatus = Status{};
    } else {
        ChunkQueue queue;
        std::atomic<bool> cancel{false};
        std::atomic<qint64> done{0}, total{0};
        std::thread parser([&] {
            ChunkBuilder builder(
                [&](std::unique_ptr<Chunk> chunk) {
                    return !cancel.load(std::memory_order_relaxed) && queue.push(std::move(chunk));
                },
                [&] { return queue.takeEmpty(); });
            ImportSink sink;
            sink.accept = [&](Event&& e, qint64 record) {
                return !cancel.load(std::memory_order_relaxed) &&
                       builder.accept(std::move(e), record, now);
            };
            sink.reject = [&](qint64 record, const QString& reason) {
                return !cancel.load(std::memory_order_relaxed) && builder.reject(record, reason);
            };
            sink.progress = [&](qint64 d, qint64 t) {
                done.store(d, std::memory_order_relaxed);
                total.store(t, std::memory_order_relaxed);
                return !cancel.load(std::memory_order_relaxed);
            };
            readStatus = importer.read(in, sink);
            if (readStatus && !builder.flush())
                readStatus = Error::cancelled();
            queue.close();
        });
        bool storeFailed = false;
        while (auto chunk = queue.pop()) {
            storeFailed = !inserter.apply(*chunk);
            queue.giveBack(std::move(chunk));
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
        report.error = Error::cancelled();
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
