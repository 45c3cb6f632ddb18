#include "bulkrows.h"

#include "sqlite.h"

#include <QString>

#include <sqlite3.h>

namespace fa {
namespace {

// Columns c0..c31, then the hidden argument column that receives the BulkRows pointer.
constexpr int kArgColumn = BulkRows::kMaxColumns;

struct Cursor {
    sqlite3_vtab_cursor base{}; // first member: SQLite casts between the two
    const BulkRows* rows = nullptr;
    std::size_t row = 0;
};

int connect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** out, char**)
{
    QByteArray schema = "CREATE TABLE x(";
    for (int i = 0; i < BulkRows::kMaxColumns; ++i)
        schema += 'c' + QByteArray::number(i) + ", ";
    schema += "rows HIDDEN)";
    if (int rc = sqlite3_declare_vtab(db, schema.constData()); rc != SQLITE_OK)
        return rc;
    auto* vtab = static_cast<sqlite3_vtab*>(sqlite3_malloc(sizeof(sqlite3_vtab)));
    if (!vtab)
        return SQLITE_NOMEM;
    *vtab = sqlite3_vtab{};
    *out = vtab;
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab* vtab)
{
    sqlite3_free(vtab);
    return SQLITE_OK;
}

// The only plan: the pointer argument given, every row read in order.
int bestIndex(sqlite3_vtab*, sqlite3_index_info* info)
{
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto& c = info->aConstraint[i];
        if (c.iColumn == kArgColumn && c.op == SQLITE_INDEX_CONSTRAINT_EQ) {
            if (!c.usable)
                return SQLITE_CONSTRAINT;
            info->aConstraintUsage[i].argvIndex = 1;
            info->aConstraintUsage[i].omit = 1;
            info->idxNum = 1;
            info->estimatedCost = 1000;
            info->estimatedRows = 1000;
            return SQLITE_OK;
        }
    }
    return SQLITE_CONSTRAINT; // bulk_rows() without its argument
}

int open(sqlite3_vtab*, sqlite3_vtab_cursor** out)
{
    auto* cursor = new (std::nothrow) Cursor;
    if (!cursor)
        return SQLITE_NOMEM;
    *out = &cursor->base;
    return SQLITE_OK;
}

int close(sqlite3_vtab_cursor* base)
{
    delete reinterpret_cast<Cursor*>(base);
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor* base, int idxNum, const char*, int argc, sqlite3_value** argv)
{
    auto* cursor = reinterpret_cast<Cursor*>(base);
    cursor->rows =
        idxNum == 1 && argc == 1
            ? static_cast<const BulkRows*>(sqlite3_value_pointer(argv[0], BulkRows::kPointerType))
            : nullptr;
    cursor->row = 0;
    if (!cursor->rows) {
        // A missing or foreign pointer would otherwise read as an empty table.
        sqlite3_free(base->pVtab->zErrMsg);
        base->pVtab->zErrMsg = sqlite3_mprintf("bulk_rows() needs a BulkRows pointer");
        return SQLITE_ERROR;
    }
    return SQLITE_OK;
}

int next(sqlite3_vtab_cursor* base)
{
    ++reinterpret_cast<Cursor*>(base)->row;
    return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* base)
{
    const auto* cursor = reinterpret_cast<Cursor*>(base);
    return !cursor->rows || cursor->row >= cursor->rows->rowCount();
}

int column(sqlite3_vtab_cursor* base, sqlite3_context* ctx, int col)
{
    const auto* cursor = reinterpret_cast<Cursor*>(base);
    if (col >= cursor->rows->columns()) {
        sqlite3_result_null(ctx);
        return SQLITE_OK;
    }
    const BulkRows::Value& v = cursor->rows->at(cursor->row, col);
    if (const auto* i = std::get_if<qint64>(&v))
        sqlite3_result_int64(ctx, *i);
    else if (const auto* d = std::get_if<double>(&v))
        sqlite3_result_double(ctx, *d);
    else if (const auto* t = std::get_if<QByteArray>(&v))
        // SQLITE_STATIC: the buffer outlives the statement that reads it.
        sqlite3_result_text(ctx, t->isNull() ? "" : t->constData(), int(t->size()), SQLITE_STATIC);
    else
        sqlite3_result_null(ctx);
    return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* base, sqlite3_int64* out)
{
    *out = sqlite3_int64(reinterpret_cast<Cursor*>(base)->row);
    return SQLITE_OK;
}

sqlite3_module makeModule()
{
    sqlite3_module m{};
    m.iVersion = 1;
    m.xCreate = nullptr; // eponymous-only: no CREATE VIRTUAL TABLE, nothing in the schema
    m.xConnect = connect;
    m.xBestIndex = bestIndex;
    m.xDisconnect = disconnect;
    m.xDestroy = nullptr;
    m.xOpen = open;
    m.xClose = close;
    m.xFilter = filter;
    m.xNext = next;
    m.xEof = eof;
    m.xColumn = column;
    m.xRowid = rowid;
    return m;
}

const sqlite3_module kModule = makeModule();

} // namespace

Status BulkRows::registerOn(Database& db)
{
    const int rc = sqlite3_create_module_v2(db.handle(), "bulk_rows", &kModule, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return db.lastError(rc, QStringLiteral("registering bulk_rows"));
    return {};
}

} // namespace fa
