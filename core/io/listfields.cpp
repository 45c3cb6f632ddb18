#include "listfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fa::importhelpers {

QString toJsonText(const QStringList& list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

std::optional<QStringList> stringListFromJsonText(const QString& text)
{
    if (text.trimmed().isEmpty())
        return QStringList{};
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    QStringList out;
    for (const QJsonValue& v : doc.array()) {
        if (!v.isString())
            return std::nullopt;
        out << v.toString();
    }
    return out;
}

QString toJsonText(const QList<Source>& sources)
{
    QJsonArray arr;
    for (const Source& s : sources) {
        QJsonObject o;
        o.insert(QStringLiteral("url"), s.url);
        o.insert(QStringLiteral("publisher"), s.publisher);
        if (!s.title.isEmpty())
            o.insert(QStringLiteral("title"), s.title);
        o.insert(QStringLiteral("published"),
                 s.published ? QJsonValue(s.published->toString(Qt::ISODate)) : QJsonValue());
        if (s.reliability != '\0')
            o.insert(QStringLiteral("reliability"), QString(QChar::fromLatin1(s.reliability)));
        if (s.credibility != 0)
            o.insert(QStringLiteral("credibility"), s.credibility);
        arr.append(o);
    }
    return QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
}

std::optional<QList<Source>> sourcesFromJsonText(const QString& text)
{
    if (text.trimmed().isEmpty())
        return QList<Source>{};
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    QList<Source> out;
    for (const QJsonValue& v : doc.array()) {
        if (!v.isObject())
            return std::nullopt;
        const QJsonObject o = v.toObject();
        Source s;
        s.url = o.value(QStringLiteral("url")).toString();
        s.publisher = o.value(QStringLiteral("publisher")).toString();
        s.title = o.value(QStringLiteral("title")).toString();
        const QString pub = o.value(QStringLiteral("published")).toString();
        if (!pub.isEmpty()) {
            const QDate d = QDate::fromString(pub, Qt::ISODate);
            if (!d.isValid())
                return std::nullopt;
            s.published = d;
        }
        const QString rel = o.value(QStringLiteral("reliability")).toString();
        if (rel.size() == 1)
            s.reliability = rel[0].toLatin1();
        s.credibility = o.value(QStringLiteral("credibility")).toInt(0);
        out << s;
    }
    return out;
}

} // namespace fa::importhelpers
