#pragma once
// Runs an importer into one store batch: the whole file is one transaction, committed only at
// the end. Policy "import the valid rows" commits what could be mapped and validated and
// reports the rest; "all or nothing" commits only when no row was rejected. Cancelling, or any
// error reading the file, leaves the database exactly as before. Parsing runs on a worker
// thread while this thread inserts, through a bounded queue (memory stays flat).

#include "eventstore.h"
#include "importer.h"

#include <QString>

#include <functional>
#include <optional>
#include <vector>

class QIODevice;

namespace fa {

enum class ImportPolicy { ValidRows, AllOrNothing };

/// What happened, for the CLI's summary line, the dialog and a saved text file.
struct ImportReport {
    struct Rejected {
        qint64 record = 0; ///< line (CSV), feature index (GeoJSON), placemark index (KML)
        QString reason;
        bool operator==(const Rejected&) const = default;
    };

    QString input; ///< file name
    ImportFormat format = ImportFormat::Unknown;
    ImportPolicy policy = ImportPolicy::ValidRows;
    QString recordNoun = QStringLiteral("line");
    qint64 rowsRead = 0; ///< records seen: accepted by the parser + rejected
    qint64 added = 0;
    qint64 duplicates = 0; ///< already stored (same source id): skipped
    qint64 rejectedCount = 0;
    std::vector<Rejected> rejected; ///< the first kMaxListed of them, in file order
    QStringList notes;              ///< facts the importer decided (delimiter, date property...)
    bool committed = false;
    bool cancelled = false;
    std::optional<Error> error; ///< why nothing was imported (parse error, all-or-nothing...)

    static constexpr qsizetype kMaxListed = 100000;

    bool ok() const { return committed; }
    /// One line: "example.csv: 12 rows read, 9 added, 2 duplicates, 1 rejected" or the error.
    QString summaryLine() const;
    /// The whole report as text: summary, notes, then one line per rejected record.
    QString toText() const;
    Status saveText(const QString& path) const;
};

class ImportRunner {
public:
    struct Options {
        ImportPolicy policy = ImportPolicy::ValidRows;
        ImportFormat format = ImportFormat::Unknown; ///< Unknown: detect
        ImportOptions importer;                      ///< sourceName defaults to the file name
        /// Called on the calling thread with (bytes read, total bytes); false cancels.
        std::function<bool(qint64 done, qint64 total)> progress;
        bool parallel = true; ///< parse on a worker thread
    };

    /// Opens path, detects or uses the format, and imports it into store in one batch.
    static ImportReport run(EventStore& store, const QString& path, const Options& options);

    /// The core of run(): importer + device into an open batch, which is committed only on
    /// success (an uncommitted batch is rolled back when the caller destroys it).
    static ImportReport run(Importer& importer, QIODevice& in, EventStore::Batch& batch,
                            const Options& options);
};

} // namespace fa
