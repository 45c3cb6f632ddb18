#include "countries.h"

#include <QHash>
#include <QLocale>

#include <mutex>

namespace fa {
namespace {

struct CountryTables {
    QHash<QString, QString> byName; // lower-case name or code -> alpha-2
};

struct Alpha3 {
    const char* a2;
    const char* a3;
    int numeric;
};
// The countries around the frontier and the ones ACLED/UCDP exports of the region mention.
constexpr Alpha3 kAlpha3[] = {
    {"AF", "AFG", 4},   {"TJ", "TJK", 762}, {"UZ", "UZB", 860}, {"TM", "TKM", 795},
    {"KG", "KGZ", 417}, {"KZ", "KAZ", 398}, {"CN", "CHN", 156}, {"PK", "PAK", 586},
    {"IN", "IND", 356}, {"IR", "IRN", 364}, {"RU", "RUS", 643}, {"US", "USA", 840},
    {"TR", "TUR", 792}, {"AZ", "AZE", 31},  {"AM", "ARM", 51},  {"GE", "GEO", 268},
    {"MN", "MNG", 496}, {"IQ", "IRQ", 368}, {"SY", "SYR", 760}, {"UA", "UKR", 804},
    {"GB", "GBR", 826}, {"DE", "DEU", 276}, {"FR", "FRA", 250}, {"SA", "SAU", 682},
    {"AE", "ARE", 784}, {"QA", "QAT", 634}, {"BD", "BGD", 50},  {"NP", "NPL", 524},
};

const CountryTables& countryTables()
{
    static CountryTables t;
    static std::once_flag once;
    std::call_once(once, [] {
        for (int i = 1; i <= int(QLocale::LastTerritory); ++i) {
            const auto terr = QLocale::Territory(i);
            const QString code = QLocale::territoryToCode(terr);
            if (code.size() != 2)
                continue;
            t.byName.insert(countryName(code).toLower(), code);
            t.byName.insert(code.toLower(), code);
        }
        for (const auto& a : kAlpha3)
            t.byName.insert(QString::fromLatin1(a.a3).toLower(), QString::fromLatin1(a.a2));
        const std::pair<const char*, const char*> aliases[] = {
            {"russian federation", "RU"},
            {"united states of america", "US"},
            {"iran (islamic republic of)", "IR"},
            {"kyrgyz republic", "KG"},
            {"democratic republic of congo", "CD"},
            {"republic of congo", "CG"},
            {"cote d'ivoire", "CI"},
            {"ivory coast", "CI"},
            {"myanmar (burma)", "MM"},
            {"north korea", "KP"},
            {"south korea", "KR"},
            {"palestine", "PS"},
            {"syria", "SY"},
            {"laos", "LA"},
            {"vietnam", "VN"},
            {"czech republic", "CZ"},
            {"united kingdom", "GB"},
            {"turkey", "TR"},
            {"eswatini", "SZ"},
        };
        for (const auto& [name, code] : aliases)
            t.byName.insert(QString::fromLatin1(name), QString::fromLatin1(code));
    });
    return t;
}

} // namespace

QString countryCode(const QString& nameOrCode)
{
    const QString key = nameOrCode.trimmed().toLower();
    if (key.isEmpty())
        return {};
    return countryTables().byName.value(key);
}

QString countryName(const QString& alpha2)
{
    const QString code = alpha2.trimmed().toUpper();
    const auto terr = code.size() == 2 ? QLocale::codeToTerritory(code) : QLocale::AnyTerritory;
    if (terr == QLocale::AnyTerritory)
        return alpha2;
    return QLocale::territoryToString(terr);
}

QString countryNameWithCode(const QString& alpha2)
{
    const QString name = countryName(alpha2);
    return name == alpha2 ? alpha2 : QStringLiteral("%1 (%2)").arg(name, alpha2);
}

int countryNumeric(const QString& alpha2)
{
    for (const auto& a : kAlpha3)
        if (alpha2 == QLatin1StringView(a.a2))
            return a.numeric;
    return 0;
}

} // namespace fa
