#include "sourceid.h"

#include <QCryptographicHash>

namespace fa::importhelpers {

QString contentHashId(const QString& prefix, QByteArrayView bytes)
{
    return prefix +
           QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
}

} // namespace fa::importhelpers
