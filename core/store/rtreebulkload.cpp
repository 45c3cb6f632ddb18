#include "rtreebulkload.h"

#include "sqlite.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

namespace fa {
namespace {

constexpr int kDims = 3;
constexpr int kCellBytes = 8 + 2 * kDims * 4; // id + min/max per axis as 32-bit floats

float centre(const RtreeBox& b, int axis)
{
    return 0.5f * (b.bounds[2 * axis] + b.bounds[2 * axis + 1]);
}

// Sorts [first, last) into tiles along `axis` and the axes after it, so that each run of
// `capacity` boxes becomes one compact node.
void tile(std::vector<RtreeBox>::iterator first, std::vector<RtreeBox>::iterator last, int axis,
          int capacity)
{
    const std::size_t n = std::size_t(last - first);
    std::sort(first, last, [axis](const RtreeBox& a, const RtreeBox& b) {
        return centre(a, axis) < centre(b, axis);
    });
    if (axis == kDims - 1 || n <= std::size_t(capacity))
        return;
    const double nodes = std::ceil(double(n) / capacity);
    // (the epsilon keeps pow(27, 1/3) = 3.0000000000000004 from making a fourth slab)
    const double slabs = std::ceil(std::pow(nodes, 1.0 / (kDims - axis)) - 1e-9);
    // Whole nodes per slab, so only the last node of the last slab is partly filled.
    const std::size_t perSlab = std::size_t(std::ceil(nodes / slabs)) * std::size_t(capacity);
    for (std::size_t from = 0; from < n; from += perSlab)
        tile(first + std::ptrdiff_t(from), first + std::ptrdiff_t(std::min(n, from + perSlab)),
             axis + 1, capacity);
}

RtreeBox boundsOf(const PackedRtree::Node& node, qint64 id)
{
    RtreeBox box;
    box.id = id;
    for (int i = 0; i < 2 * kDims; i += 2) {
        box.bounds[i] = node.cells.front().bounds[i];
        box.bounds[i + 1] = node.cells.front().bounds[i + 1];
    }
    for (const RtreeBox& c : node.cells)
        for (int i = 0; i < 2 * kDims; i += 2) {
            box.bounds[i] = std::min(box.bounds[i], c.bounds[i]);
            box.bounds[i + 1] = std::max(box.bounds[i + 1], c.bounds[i + 1]);
        }
    return box;
}

void putBigEndian(char* out, quint64 v, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out[i] = char(v >> (8 * (bytes - 1 - i)));
}

} // namespace

float rtreeFloatDown(double v)
{
    float f = float(v);
    if (double(f) > v)
        f = std::nextafter(f, -HUGE_VALF);
    return f;
}

float rtreeFloatUp(double v)
{
    float f = float(v);
    if (double(f) < v)
        f = std::nextafter(f, HUGE_VALF);
    return f;
}

PackedRtree packRtree(std::vector<RtreeBox> boxes, int capacity)
{
    PackedRtree tree;
    capacity = std::max(capacity, 2);
    for (;;) {
        tile(boxes.begin(), boxes.end(), 0, capacity);
        std::vector<PackedRtree::Node> level;
        level.reserve((boxes.size() + std::size_t(capacity) - 1) / std::size_t(capacity));
        for (std::size_t from = 0; from < boxes.size(); from += std::size_t(capacity)) {
            const auto to = std::min(boxes.size(), from + std::size_t(capacity));
            level.push_back({std::vector<RtreeBox>(boxes.begin() + std::ptrdiff_t(from),
                                                   boxes.begin() + std::ptrdiff_t(to))});
        }
        if (level.empty())
            level.emplace_back(); // an empty tree is one empty root
        tree.levels.push_back(std::move(level));
        const auto& made = tree.levels.back();
        if (made.size() == 1)
            return tree;
        boxes.clear();
        for (std::size_t i = 0; i < made.size(); ++i)
            boxes.push_back(boundsOf(made[i], qint64(i)));
    }
}

Status bulkLoadRtree(Database& db, const QByteArray& table, std::vector<RtreeBox> boxes)
{
    // Table names are our own constants (never user data); SQL cannot bind identifiers.
    const QByteArray nodeTable = table + "_node";
    auto nodeSize =
        db.queryInt(("SELECT length(data) FROM " + nodeTable + " WHERE nodeno = 1").constData());
    if (!nodeSize)
        return nodeSize.error();
    if (!nodeSize->has_value() || **nodeSize < 4 + 2 * kCellBytes)
        return Error::make(Error::Kind::Corrupt,
                           QStringLiteral("the spatial index %1 has no usable root node")
                               .arg(QString::fromLatin1(table)));
    const int bytes = int(**nodeSize);
    const int capacity = (bytes - 4) / kCellBytes;

    const PackedRtree tree = packRtree(std::move(boxes), capacity);

    // Node numbers: the root is 1 (SQLite looks for it there), the rest follow level by level.
    std::vector<std::vector<qint64>> numbers(tree.levels.size());
    qint64 next = 1;
    for (std::size_t l = tree.levels.size(); l-- > 0;) {
        numbers[l].resize(tree.levels[l].size());
        for (qint64& n : numbers[l])
            n = next++;
    }

    for (const char* shadow : {"_node", "_rowid", "_parent"})
        if (auto s = db.exec(("DELETE FROM " + table + shadow).constData()); !s)
            return s;
    auto insertNode =
        db.prepare(("INSERT INTO " + nodeTable + "(nodeno, data) VALUES (?1, ?2)").constData());
    auto insertRowid =
        db.prepare(("INSERT INTO " + table + "_rowid(rowid, nodeno) VALUES (?1, ?2)").constData());
    auto insertParent = db.prepare(
        ("INSERT INTO " + table + "_parent(nodeno, parentnode) VALUES (?1, ?2)").constData());
    for (auto* st : {&insertNode, &insertRowid, &insertParent})
        if (!*st)
            return st->error();

    // Leaf links are collected and written in rowid order: appending to the rowid table is
    // much cheaper than inserting at random places.
    std::vector<std::pair<qint64, qint64>> leafOf;
    QByteArray blob(bytes, '\0');
    const int depth = int(tree.levels.size()) - 1;
    for (std::size_t l = 0; l < tree.levels.size(); ++l) {
        for (std::size_t i = 0; i < tree.levels[l].size(); ++i) {
            const auto& cells = tree.levels[l][i].cells;
            const qint64 nodeno = numbers[l][i];
            blob.fill('\0');
            char* p = blob.data();
            putBigEndian(p, l + 1 == tree.levels.size() ? quint64(depth) : 0, 2);
            putBigEndian(p + 2, cells.size(), 2);
            p += 4;
            for (const RtreeBox& c : cells) {
                const qint64 id = l == 0 ? c.id : numbers[l - 1][std::size_t(c.id)];
                putBigEndian(p, quint64(id), 8);
                p += 8;
                for (float f : c.bounds) {
                    quint32 raw = 0;
                    static_assert(sizeof raw == sizeof f);
                    std::memcpy(&raw, &f, sizeof raw);
                    putBigEndian(p, raw, 4);
                    p += 4;
                }
                if (l == 0) {
                    leafOf.emplace_back(id, nodeno);
                } else {
                    insertParent->reset();
                    if (auto s = insertParent->bind(1, id).bind(2, nodeno).run(); !s)
                        return s;
                }
            }
            insertNode->reset();
            if (auto s = insertNode->bind(1, nodeno).bindBlob(2, blob).run(); !s)
                return s;
        }
    }
    std::sort(leafOf.begin(), leafOf.end());
    for (const auto& [rowid, nodeno] : leafOf) {
        insertRowid->reset();
        if (auto s = insertRowid->bind(1, rowid).bind(2, nodeno).run(); !s)
            return s;
    }
    return {};
}

} // namespace fa
