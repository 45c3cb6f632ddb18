#pragma once
// Builds an SQLite R*Tree in one pass instead of one INSERT per row. SQLite's R*Tree module
// has no bulk load: each insert walks the tree, and splits nodes as it goes (about 6 µs a
// row on a million points). Sort-Tile-Recursive packing (Leutenegger et al., 1997) orders the
// boxes once and writes full nodes bottom-up straight into the table's three shadow tables,
// in the node format the module documents in its source (a 2-byte depth, a 2-byte cell count,
// then cells of a 64-bit id and 32-bit big-endian coordinates). The result is an ordinary
// R*Tree: later inserts, updates and deletes go through SQLite as before, and
// `SELECT rtreecheck(...)` verifies it.

#include "result.h"

#include <QByteArray>

#include <array>
#include <vector>

namespace fa {

class Database;

/// One entry of a 3-dimensional R*Tree of 32-bit floats: an id and a box, min/max per axis.
struct RtreeBox {
    qint64 id = 0;
    std::array<float, 6> bounds{}; ///< min0, max0, min1, max1, min2, max2
};

/// Rounds a double to the float SQLite would store for a box's lower (down) or upper (up)
/// bound: never inside the exact value, so the tree stays a superset filter.
float rtreeFloatDown(double v);
float rtreeFloatUp(double v);

/// The nodes of a packed tree, before numbering: level 0 holds the leaves.
struct PackedRtree {
    struct Node {
        std::vector<RtreeBox> cells; ///< leaves: the entries; above: child index and its box
    };
    std::vector<std::vector<Node>> levels; ///< levels.back() has exactly one node (the root)
};

/// Sort-Tile-Recursive packing with at most `capacity` cells a node. Pure: no SQLite.
PackedRtree packRtree(std::vector<RtreeBox> boxes, int capacity);

/// Replaces the whole content of the 3-dimensional float R*Tree `table` with `boxes`. Must
/// run inside a transaction (the caller's), on a connection with no open cursor on the tree.
Status bulkLoadRtree(Database& db, const QByteArray& table, std::vector<RtreeBox> boxes);

} // namespace fa
