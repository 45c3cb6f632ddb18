#include "fieldvalues.h"

#include <charconv>
#include <cmath>

namespace fa::importhelpers {

std::optional<double> parseDouble(QByteArrayView text)
{
    QByteArrayView s = text.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    if (s[0] == '+')
        s = s.mid(1);
    double v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<int> parseInt(QByteArrayView text)
{
    QByteArrayView s = text.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    if (s[0] == '+')
        s = s.mid(1);
    int v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && ptr == s.data() + s.size())
        return v;
    // "3.0" as some tools write integers.
    const auto d = parseDouble(text);
    if (d && *d == std::floor(*d) && std::abs(*d) < 2e9)
        return int(*d);
    return std::nullopt;
}

QString quoted(QByteArrayView v)
{
    QString s = QString::fromUtf8(v.trimmed());
    if (s.size() > 40)
        s = s.left(40) + QStringLiteral("...");
    return u'"' + s + u'"';
}

std::optional<QString> readCoordinate(QByteArrayView text, const char* name, double limit,
                                      double& out)
{
    if (text.trimmed().isEmpty())
        return QStringLiteral("missing coordinates (%1 is empty)").arg(QLatin1StringView(name));
    auto v = parseDouble(text);
    if (!v && text.count(',') == 1 && !text.contains('.')) {
        // A decimal comma, as semicolon-separated files from European spreadsheets have.
        QByteArray dotted = text.toByteArray();
        dotted.replace(',', '.');
        v = parseDouble(dotted);
    }
    if (!v)
        return QStringLiteral("%1 %2 is not a number").arg(QLatin1StringView(name), quoted(text));
    if (*v < -limit || *v > limit)
        return QStringLiteral("%1 %2 is out of range (-%3..%3)")
            .arg(QLatin1StringView(name), QString::fromUtf8(text.trimmed()))
            .arg(limit);
    out = *v;
    return std::nullopt;
}

} // namespace fa::importhelpers
