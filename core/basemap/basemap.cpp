#include "basemap.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace fa {

static GeoBox unite(const GeoBox& a, const GeoBox& b)
{
    return GeoBox{std::min(a.west, b.west), std::min(a.south, b.south), std::max(a.east, b.east),
                  std::max(a.north, b.north)};
}

double distanceToPolylineKm(const QPointF& lonLat, const QList<QPointF>& line)
{
    constexpr double kKmPerDeg = 6371.0 * std::numbers::pi / 180.0;
    const double k = std::cos(lonLat.y() * std::numbers::pi / 180.0);
    auto local = [&](const QPointF& p) {
        return QPointF((p.x() - lonLat.x()) * k * kKmPerDeg, (p.y() - lonLat.y()) * kKmPerDeg);
    };
    double best = std::numeric_limits<double>::infinity();
    for (qsizetype i = 0; i + 1 < line.size(); ++i) {
        const QPointF a = local(line[i]);
        const QPointF b = local(line[i + 1]);
        const QPointF d = b - a;
        const double ll = QPointF::dotProduct(d, d);
        const double t = ll > 0 ? std::clamp(-QPointF::dotProduct(a, d) / ll, 0.0, 1.0) : 0.0;
        const QPointF c = a + t * d;
        best = std::min(best, std::hypot(c.x(), c.y()));
    }
    if (line.size() == 1) {
        const QPointF a = local(line[0]);
        best = std::hypot(a.x(), a.y());
    }
    return best;
}

int Basemap::lodIndexForZoom(double zoom) const
{
    for (int i = 0; i < lodCount(); ++i) {
        if (zoom < m_lods[static_cast<size_t>(i)].maxZoom + 1)
            return i;
    }
    return lodCount() - 1;
}

namespace {

/// Parses one GeoJSON FeatureCollection written one feature per line, so that an error can
/// name the line (feature i is on line i + 2).
class LayerReader {
public:
    LayerReader(QString folder, QString file) : m_folder(std::move(folder)), m_file(std::move(file))
    {
    }

    Result<QJsonArray> features()
    {
        QFile f(QDir(m_folder).filePath(m_file));
        if (!f.open(QIODevice::ReadOnly))
            return Error::make(
                Error::Kind::Io,
                QStringLiteral("basemap: cannot open %1: %2").arg(f.fileName(), f.errorString()));
        const QByteArray bytes = f.readAll();
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
        if (pe.error != QJsonParseError::NoError) {
            Error e = Error::make(Error::Kind::Parse,
                                  QStringLiteral("basemap: %1 line %2: not valid JSON (%3)")
                                      .arg(m_file)
                                      .arg(bytes.left(pe.offset).count('\n') + 1)
                                      .arg(pe.errorString()));
            e.line = bytes.left(pe.offset).count('\n') + 1;
            return e;
        }
        const QJsonObject root = doc.object();
        if (!doc.isObject() ||
            root.value(QLatin1String("type")).toString() != QLatin1String("FeatureCollection") ||
            !root.value(QLatin1String("features")).isArray())
            return fail(1, QStringLiteral("not a GeoJSON FeatureCollection"));
        return root.value(QLatin1String("features")).toArray();
    }

    Error fail(qint64 line, const QString& what) const
    {
        Error e =
            Error::make(Error::Kind::Parse,
                        QStringLiteral("basemap: %1 line %2: %3").arg(m_file).arg(line).arg(what));
        e.line = line;
        return e;
    }

    /// Checks the feature's geometry type and returns its coordinates, or fails with a message.
    Result<QJsonArray> coordinates(const QJsonValue& feature, qsizetype index, QLatin1String type)
    {
        const qint64 line = index + 2;
        if (!feature.isObject())
            return fail(line, QStringLiteral("feature is not an object"));
        const QJsonObject geom = feature.toObject().value(QLatin1String("geometry")).toObject();
        if (geom.value(QLatin1String("type")).toString() != type)
            return fail(line, QStringLiteral("expected a %1 geometry").arg(type));
        if (!geom.value(QLatin1String("coordinates")).isArray())
            return fail(line, QStringLiteral("geometry has no coordinates array"));
        return geom.value(QLatin1String("coordinates")).toArray();
    }

    static QJsonObject properties(const QJsonValue& feature)
    {
        return feature.toObject().value(QLatin1String("properties")).toObject();
    }

    Result<QPointF> point(const QJsonValue& v, qint64 line) const
    {
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() < 2 || !a[0].isDouble() || !a[1].isDouble())
            return fail(line, QStringLiteral("a position is not [lon, lat]"));
        const double lon = a[0].toDouble();
        const double lat = a[1].toDouble();
        if (!std::isfinite(lon) || !std::isfinite(lat) || lon < -180 || lon > 180 || lat < -90 ||
            lat > 90)
            return fail(line,
                        QStringLiteral("position [%1, %2] is out of range").arg(lon).arg(lat));
        return QPointF(lon, lat);
    }

    Result<QList<QPointF>> line(const QJsonValue& v, qint64 lineNo, int minPoints) const
    {
        if (!v.isArray())
            return fail(lineNo, QStringLiteral("a line or ring is not an array of positions"));
        const QJsonArray a = v.toArray();
        if (a.size() < minPoints)
            return fail(lineNo, QStringLiteral("a line or ring has %1 positions, needs %2")
                                    .arg(a.size())
                                    .arg(minPoints));
        QList<QPointF> pts;
        pts.reserve(a.size());
        for (const QJsonValue& p : a) {
            Result<QPointF> r = point(p, lineNo);
            if (!r)
                return r.error();
            pts.append(*r);
        }
        return pts;
    }

    Result<BasemapPolygon> polygon(const QJsonValue& v, qint64 lineNo) const
    {
        const QJsonArray rings = v.toArray();
        if (!v.isArray() || rings.isEmpty())
            return fail(lineNo, QStringLiteral("a polygon has no rings"));
        BasemapPolygon poly;
        for (const QJsonValue& r : rings) {
            Result<QList<QPointF>> ring = line(r, lineNo, 4);
            if (!ring)
                return ring.error();
            if (ring->first() != ring->last())
                return fail(lineNo, QStringLiteral("a polygon ring is not closed"));
            poly.rings.append(std::move(*ring));
        }
        poly.bounds = *boundingBox(poly.rings.first()); // line() refused empty rings
        return poly;
    }

private:
    QString m_folder;
    QString m_file;
};

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

Result<std::vector<BasemapCountry>> readCountries(const QString& folder, const QString& file)
{
    LayerReader r(folder, file);
    Result<QJsonArray> feats = r.features();
    if (!feats)
        return feats.error();
    std::vector<BasemapCountry> out;
    for (qsizetype i = 0; i < feats->size(); ++i) {
        Result<QJsonArray> coords = r.coordinates(feats->at(i), i, QLatin1String("MultiPolygon"));
        if (!coords)
            return coords.error();
        const QJsonObject props = LayerReader::properties(feats->at(i));
        BasemapCountry c;
        c.iso = str(props, "iso");
        c.name = str(props, "name");
        if (c.iso.size() != 2)
            return r.fail(i + 2, QStringLiteral("a country has no two-letter \"iso\" code"));
        c.role = str(props, "role") == QLatin1String("focus") ? CountryRole::Focus
                                                              : CountryRole::Neighbour;
        for (const QJsonValue& pv : *coords) {
            Result<BasemapPolygon> p = r.polygon(pv, i + 2);
            if (!p)
                return p.error();
            c.bounds = c.polygons.empty() ? p->bounds : unite(c.bounds, p->bounds);
            c.polygons.push_back(std::move(*p));
        }
        if (c.polygons.empty())
            return r.fail(i + 2, QStringLiteral("country %1 has no polygons").arg(c.iso));
        out.push_back(std::move(c));
    }
    return out;
}

Result<std::vector<BasemapLake>> readLakes(const QString& folder, const QString& file)
{
    LayerReader r(folder, file);
    Result<QJsonArray> feats = r.features();
    if (!feats)
        return feats.error();
    std::vector<BasemapLake> out;
    for (qsizetype i = 0; i < feats->size(); ++i) {
        Result<QJsonArray> coords = r.coordinates(feats->at(i), i, QLatin1String("Polygon"));
        if (!coords)
            return coords.error();
        Result<BasemapPolygon> p = r.polygon(*coords, i + 2);
        if (!p)
            return p.error();
        out.push_back(
            BasemapLake{str(LayerReader::properties(feats->at(i)), "name"), std::move(*p)});
    }
    return out;
}

Result<std::vector<BasemapRiver>> readRivers(const QString& folder, const QString& file)
{
    LayerReader r(folder, file);
    Result<QJsonArray> feats = r.features();
    if (!feats)
        return feats.error();
    std::vector<BasemapRiver> out;
    for (qsizetype i = 0; i < feats->size(); ++i) {
        Result<QJsonArray> coords = r.coordinates(feats->at(i), i, QLatin1String("LineString"));
        if (!coords)
            return coords.error();
        Result<QList<QPointF>> pts = r.line(*coords, i + 2, 2);
        if (!pts)
            return pts.error();
        const QJsonObject props = LayerReader::properties(feats->at(i));
        if (!props.value(QLatin1String("importance")).isDouble())
            return r.fail(i + 2, QStringLiteral("a river has no numeric \"importance\""));
        BasemapRiver river;
        river.importance = std::clamp(props.value(QLatin1String("importance")).toInt(), 0, 3);
        river.level = props.value(QLatin1String("level")).toInt();
        river.name = str(props, "name");
        river.bounds = *boundingBox(*pts); // line() refused fewer than 2 points
        river.points = std::move(*pts);
        out.push_back(std::move(river));
    }
    std::stable_sort(out.begin(), out.end(), [](const BasemapRiver& a, const BasemapRiver& b) {
        return a.importance > b.importance;
    });
    return out;
}

Result<std::vector<BasemapBorder>> readBorders(const QString& folder, const QString& file)
{
    LayerReader r(folder, file);
    Result<QJsonArray> feats = r.features();
    if (!feats)
        return feats.error();
    std::vector<BasemapBorder> out;
    for (qsizetype i = 0; i < feats->size(); ++i) {
        Result<QJsonArray> coords = r.coordinates(feats->at(i), i, QLatin1String("LineString"));
        if (!coords)
            return coords.error();
        Result<QList<QPointF>> pts = r.line(*coords, i + 2, 2);
        if (!pts)
            return pts.error();
        const QString kind = str(LayerReader::properties(feats->at(i)), "kind");
        if (kind != QLatin1String("tj_af") && kind != QLatin1String("international"))
            return r.fail(i + 2, QStringLiteral("a border's \"kind\" is \"%1\", expected "
                                                "\"tj_af\" or \"international\"")
                                     .arg(kind));
        BasemapBorder b;
        b.kind =
            kind == QLatin1String("tj_af") ? BorderKind::TajikAfghan : BorderKind::International;
        b.bounds = *boundingBox(*pts); // line() refused fewer than 2 points
        b.points = std::move(*pts);
        out.push_back(std::move(b));
    }
    return out;
}

Result<std::vector<BasemapPlace>> readPlaces(const QString& folder, const QString& file)
{
    LayerReader r(folder, file);
    Result<QJsonArray> feats = r.features();
    if (!feats)
        return feats.error();
    std::vector<BasemapPlace> out;
    for (qsizetype i = 0; i < feats->size(); ++i) {
        Result<QJsonArray> coords = r.coordinates(feats->at(i), i, QLatin1String("Point"));
        if (!coords)
            return coords.error();
        Result<QPointF> pos = r.point(*coords, i + 2);
        if (!pos)
            return pos.error();
        const QJsonObject props = LayerReader::properties(feats->at(i));
        BasemapPlace p;
        p.name = str(props, "name");
        if (p.name.isEmpty())
            return r.fail(i + 2, QStringLiteral("a place has no \"name\""));
        p.country = str(props, "country");
        p.featureCode = str(props, "featureCode");
        p.population = props.value(QLatin1String("population")).toInteger();
        p.importance = std::clamp(props.value(QLatin1String("importance")).toInt(), 0, 4);
        p.position = *pos;
        out.push_back(std::move(p));
    }
    std::stable_sort(out.begin(), out.end(), [](const BasemapPlace& a, const BasemapPlace& b) {
        return a.importance != b.importance ? a.importance > b.importance
                                            : a.population > b.population;
    });
    return out;
}

Result<std::vector<BasemapCrossing>> readCrossings(const QString& folder, const QString& file)
{
    LayerReader r(folder, file);
    Result<QJsonArray> feats = r.features();
    if (!feats)
        return feats.error();
    std::vector<BasemapCrossing> out;
    for (qsizetype i = 0; i < feats->size(); ++i) {
        Result<QJsonArray> coords = r.coordinates(feats->at(i), i, QLatin1String("Point"));
        if (!coords)
            return coords.error();
        Result<QPointF> pos = r.point(*coords, i + 2);
        if (!pos)
            return pos.error();
        const QJsonObject props = LayerReader::properties(feats->at(i));
        BasemapCrossing c{str(props, "id"), str(props, "name"), str(props, "kind"),
                          str(props, "source"), *pos};
        if (c.name.isEmpty() || c.source.isEmpty())
            return r.fail(i + 2, QStringLiteral("a crossing needs a \"name\" and a \"source\""));
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace

Result<Basemap> Basemap::load(const QString& folder)
{
    QFile mf(QDir(folder).filePath(QStringLiteral("manifest.json")));
    if (!mf.open(QIODevice::ReadOnly))
        return Error::make(
            Error::Kind::Io,
            QStringLiteral("basemap: cannot open %1: %2").arg(mf.fileName(), mf.errorString()));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(mf.readAll(), &pe);
    const QJsonObject m = doc.object();
    if (pe.error != QJsonParseError::NoError || !doc.isObject() ||
        m.value(QLatin1String("format")).toString() != QLatin1String("frontier-basemap"))
        return Error::make(
            Error::Kind::Parse,
            QStringLiteral("basemap: %1 is not a frontier-basemap manifest").arg(mf.fileName()));
    if (m.value(QLatin1String("version")).toInt() != 1)
        return Error::make(Error::Kind::Unsupported,
                           QStringLiteral("basemap: manifest version %1 is not supported (need 1)")
                               .arg(m.value(QLatin1String("version")).toInt()));

    Basemap bm;
    bm.m_attribution = m.value(QLatin1String("attribution")).toString();
    const QJsonObject reg = m.value(QLatin1String("region")).toObject();
    bm.m_region = GeoBox{
        reg.value(QLatin1String("west")).toDouble(), reg.value(QLatin1String("south")).toDouble(),
        reg.value(QLatin1String("east")).toDouble(), reg.value(QLatin1String("north")).toDouble()};
    const QJsonArray lods = m.value(QLatin1String("lods")).toArray();
    const QJsonObject layers = m.value(QLatin1String("layers")).toObject();
    auto layerFile = [&](const char* layer, qsizetype i) {
        return layers.value(QLatin1String(layer)).toArray().at(i).toString();
    };
    if (lods.isEmpty())
        return Error::make(Error::Kind::Parse, QStringLiteral("basemap: manifest lists no LODs"));
    for (qsizetype i = 0; i < lods.size(); ++i) {
        BasemapLod lod;
        lod.minZoom = lods[i].toObject().value(QLatin1String("minZoom")).toInt();
        lod.maxZoom = lods[i].toObject().value(QLatin1String("maxZoom")).toInt();
        auto countries = readCountries(folder, layerFile("countries", i));
        if (!countries)
            return countries.error();
        auto lakes = readLakes(folder, layerFile("lakes", i));
        if (!lakes)
            return lakes.error();
        auto rivers = readRivers(folder, layerFile("rivers", i));
        if (!rivers)
            return rivers.error();
        auto borders = readBorders(folder, layerFile("borders", i));
        if (!borders)
            return borders.error();
        lod.countries = std::move(*countries);
        lod.lakes = std::move(*lakes);
        lod.rivers = std::move(*rivers);
        lod.borders = std::move(*borders);
        bm.m_lods.push_back(std::move(lod));
    }
    auto places = readPlaces(folder, layers.value(QLatin1String("places")).toString());
    if (!places)
        return places.error();
    auto crossings = readCrossings(folder, layers.value(QLatin1String("crossings")).toString());
    if (!crossings)
        return crossings.error();
    bm.m_places = std::move(*places);
    bm.m_crossings = std::move(*crossings);
    return bm;
}

} // namespace fa
