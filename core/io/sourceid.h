#pragma once
// Source ids for imported records (Origin::sourceId): re-importing a file must not duplicate
// its events, so a record without an id of its own gets one from its content.

#include <QByteArrayView>
#include <QString>

namespace fa::importhelpers {

/// A stable id for a record that has none: a hex SHA-1 of its bytes, with a prefix.
QString contentHashId(const QString& prefix, QByteArrayView bytes);

} // namespace fa::importhelpers
