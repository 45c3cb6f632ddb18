#include "eventvalidation.h"

#include <QUrl>

#include <algorithm>
#include <cmath>

namespace fa {
namespace {

Status checkUrl(const QString& url, const QString& field)
{
    const QUrl u(url, QUrl::StrictMode);
    const QString scheme = u.scheme().toLower();
    if (url.trimmed().isEmpty())
        return Error::invalid(field, QStringLiteral("%1: the source URL is empty").arg(field));
    if (!u.isValid() || u.host().isEmpty() || url.contains(QLatin1Char(' ')))
        return Error::invalid(
            field, QStringLiteral("%1: \"%2\" is not a well-formed URL").arg(field, url.left(200)));
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return Error::invalid(field, QStringLiteral("%1: only http and https links are allowed, "
                                                    "not \"%2\"")
                                         .arg(field, scheme.left(20)));
    return {};
}

} // namespace

Status validateEvent(const Event& e)
{
    auto bad = [](const char* field, const QString& msg) {
        return Error::invalid(QString::fromLatin1(field), msg);
    };
    const auto blank = [](const QString& s) {
        return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.isSpace(); });
    };
    if (blank(e.title))
        return bad("title", QStringLiteral("the title is empty"));
    if (int(e.family) >= kFamilyCount)
        return bad("family", QStringLiteral("unknown event family"));
    if (!e.start.isValid())
        return bad("start", QStringLiteral("the start time is missing or invalid"));
    if (e.end) {
        if (!e.end->isValid())
            return bad("end", QStringLiteral("the end time is invalid"));
        if (*e.end < e.start)
            return bad("end", QStringLiteral("the end (%1) is before the start (%2)")
                                  .arg(e.end->toUTC().toString(Qt::ISODate),
                                       e.start.toUTC().toString(Qt::ISODate)));
    }
    if (!std::isfinite(e.latitude) || e.latitude < -90.0 || e.latitude > 90.0)
        return bad("latitude", QStringLiteral("latitude %1 is outside -90..90").arg(e.latitude));
    if (!std::isfinite(e.longitude) || e.longitude < -180.0 || e.longitude > 180.0)
        return bad("longitude",
                   QStringLiteral("longitude %1 is outside -180..180").arg(e.longitude));
    const auto upperAscii = [](QChar c) { return c >= u'A' && c <= u'Z'; };
    if (e.country.size() != 2 || !upperAscii(e.country[0]) || !upperAscii(e.country[1]))
        return bad("country", QStringLiteral("country \"%1\" is not a two-letter upper-case ISO "
                                             "3166-1 code (such as TJ or AF)")
                                  .arg(e.country.left(20)));
    if (e.killed && *e.killed < 0)
        return bad("killed", QStringLiteral("the number killed is negative"));
    if (e.injured && *e.injured < 0)
        return bad("injured", QStringLiteral("the number injured is negative"));
    for (qsizetype i = 0; i < e.actors.size(); ++i) {
        if (blank(e.actors[i])) {
            const QString field = QStringLiteral("actors[%1]").arg(i);
            return Error::invalid(field,
                                  QStringLiteral("%1: the actor's name is empty").arg(field));
        }
    }
    for (qsizetype i = 0; i < e.sources.size(); ++i) {
        const Source& s = e.sources[i];
        const QString prefix = QStringLiteral("sources[%1]").arg(i);
        if (auto st = checkUrl(s.url, prefix + QStringLiteral(".url")); !st)
            return st;
        if (s.reliability != '\0' && (s.reliability < 'A' || s.reliability > 'F')) {
            const QString field = prefix + QStringLiteral(".reliability");
            return Error::invalid(
                field, QStringLiteral("%1: source reliability must be A to F").arg(field));
        }
        if (s.credibility < 0 || s.credibility > 6) {
            const QString field = prefix + QStringLiteral(".credibility");
            return Error::invalid(
                field, QStringLiteral("%1: information credibility must be 1 to 6").arg(field));
        }
        if (s.published && !s.published->isValid()) {
            const QString field = prefix + QStringLiteral(".published");
            return Error::invalid(field, QStringLiteral("%1: invalid date").arg(field));
        }
    }
    return {};
}

} // namespace fa
