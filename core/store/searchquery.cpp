#include "searchquery.h"

#include <QStringList>

namespace fa {

QString searchQuery(const QString& userText)
{
    // Every term becomes an FTS5 string ("..." with quotes doubled), so no user text can be
    // read as FTS5 syntax. A word is searched as a prefix (FTS5's `"word" *`): search boxes
    // filter as the user types, and typing the start of a word should already find it. A
    // quoted phrase stays exact once its closing quote is typed. Terms without a letter or digit
    // are dropped (the tokenizer would ignore them anyway, and an empty phrase is an FTS5 error).
    auto hasWordChar = [](const QString& s) {
        for (QChar c : s)
            if (c.isLetterOrNumber())
                return true;
        return false;
    };
    auto quote = [](QString s) {
        s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    };
    QStringList parts;
    bool pendingOr = false;
    const qsizetype n = userText.size();
    qsizetype i = 0;
    while (i < n) {
        if (userText[i].isSpace()) {
            ++i;
            continue;
        }
        QString term;
        bool phrase = false;
        bool prefix = true;
        if (userText[i] == QLatin1Char('"')) {
            const qsizetype close = userText.indexOf(QLatin1Char('"'), i + 1);
            const qsizetype stop = close < 0 ? n : close;
            term = userText.mid(i + 1, stop - i - 1);
            i = close < 0 ? n : close + 1;
            phrase = true;
            prefix = close < 0; // still being typed: its last word is a prefix
        } else {
            qsizetype j = i;
            while (j < n && !userText[j].isSpace() && userText[j] != QLatin1Char('"'))
                ++j;
            term = userText.mid(i, j - i);
            i = j;
        }
        if (!phrase && term == QLatin1String("OR")) {
            pendingOr = !parts.isEmpty();
            continue;
        }
        if (!phrase && term == QLatin1String("AND"))
            continue;
        if (!phrase)
            while (term.endsWith(QLatin1Char('*')))
                term.chop(1);
        if (!hasWordChar(term))
            continue;
        QString piece = quote(term);
        if (prefix)
            piece += QStringLiteral(" *");
        if (pendingOr && !parts.isEmpty())
            parts.last() += QStringLiteral(" OR ") + piece;
        else
            parts << piece;
        pendingOr = false;
    }
    // "a OR b c": (a OR b) AND c, which is what a reader expects; parentheses make FTS5 agree,
    // and an explicit AND (FTS5 allows the implicit one only between phrases).
    for (QString& p : parts)
        if (p.contains(QLatin1String(" OR ")))
            p = QLatin1Char('(') + p + QLatin1Char(')');
    return parts.join(QLatin1String(" AND "));
}

} // namespace fa
