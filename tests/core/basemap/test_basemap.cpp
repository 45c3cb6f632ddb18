#include "basemap.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <algorithm>

using namespace fa;

namespace {

const Basemap& embedded()
{
    static const Result<Basemap> bm = Basemap::load(Basemap::embeddedPath());
    EXPECT_TRUE(bm.ok()) << (bm.ok() ? "" : bm.error().message.toStdString());
    return bm.value();
}

/// Copies the embedded basemap into a temp folder so that a test can damage one file.
bool copyEmbeddedTo(const QString& dir)
{
    const QDir src(Basemap::embeddedPath());
    for (const QString& name : src.entryList(QDir::Files)) {
        if (!QFile::copy(src.filePath(name), QDir(dir).filePath(name)))
            return false;
        QFile::setPermissions(QDir(dir).filePath(name), QFile::ReadOwner | QFile::WriteOwner);
    }
    return true;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

TEST(Basemap, EmbeddedBasemapLoadsEveryLayerAtEveryLevelOfDetail)
{
    const Basemap& bm = embedded();
    ASSERT_EQ(bm.lodCount(), 3);
    EXPECT_DOUBLE_EQ(bm.region().west, 64.0);
    EXPECT_DOUBLE_EQ(bm.region().north, 42.0);
    for (int i = 0; i < bm.lodCount(); ++i) {
        const BasemapLod& lod = bm.lod(i);
        EXPECT_GT(lod.countries.size(), 0u) << "lod " << i;
        EXPECT_GT(lod.lakes.size(), 0u) << "lod " << i;
        EXPECT_GT(lod.rivers.size(), 0u) << "lod " << i;
        EXPECT_GT(lod.borders.size(), 0u) << "lod " << i;
        // Both focus countries and the Tajik-Afghan border are present at every level.
        auto hasIso = [&](const char* iso) {
            return std::any_of(lod.countries.begin(), lod.countries.end(), [&](const auto& c) {
                return c.iso == QLatin1String(iso) && c.role == CountryRole::Focus;
            });
        };
        EXPECT_TRUE(hasIso("TJ"));
        EXPECT_TRUE(hasIso("AF"));
        EXPECT_TRUE(std::any_of(lod.borders.begin(), lod.borders.end(),
                                [](const auto& b) { return b.kind == BorderKind::TajikAfghan; }));
        // Rivers come most important first, so a painter can stop early.
        EXPECT_TRUE(
            std::is_sorted(lod.rivers.begin(), lod.rivers.end(), [](const auto& a, const auto& b) {
                return a.importance > b.importance;
            }));
    }
    EXPECT_GT(bm.places().size(), 100u);
    EXPECT_EQ(bm.places().front().importance, 4); // a capital first
    EXPECT_GE(bm.crossings().size(), 1u);
    for (const BasemapCrossing& c : bm.crossings())
        EXPECT_FALSE(c.source.isEmpty()) << c.name.toStdString();
}

TEST(Basemap, CoarserLevelsHaveFewerVertices)
{
    const Basemap& bm = embedded();
    auto vertices = [](const BasemapLod& lod) {
        qsizetype n = 0;
        for (const auto& c : lod.countries)
            for (const auto& p : c.polygons)
                for (const auto& r : p.rings)
                    n += r.size();
        for (const auto& r : lod.rivers)
            n += r.points.size();
        return n;
    };
    EXPECT_LT(vertices(bm.lod(0)), vertices(bm.lod(1)));
    EXPECT_LT(vertices(bm.lod(1)), vertices(bm.lod(2)));
}

TEST(Basemap, PicksTheLevelOfDetailByZoom)
{
    const Basemap& bm = embedded();
    EXPECT_EQ(bm.lodIndexForZoom(4.0), 0);
    EXPECT_EQ(bm.lodIndexForZoom(6.9), 0);
    EXPECT_EQ(bm.lodIndexForZoom(7.0), 1);
    EXPECT_EQ(bm.lodIndexForZoom(8.5), 1);
    EXPECT_EQ(bm.lodIndexForZoom(9.0), 2);
    EXPECT_EQ(bm.lodIndexForZoom(14.0), 2);
}

TEST(Basemap, ThePanjNearTheTownOfPanjIsOnTheTajikAfghanBorder)
{
    // The town of Panj (Khatlon) sits on the river; the border passes within a few km of it.
    const QPointF panj(69.10, 37.23);
    const Basemap& bm = embedded();
    for (int i = 0; i < bm.lodCount(); ++i) {
        double best = 1e9;
        for (const BasemapBorder& b : bm.lod(i).borders) {
            if (b.kind == BorderKind::TajikAfghan)
                best = std::min(best, distanceToPolylineKm(panj, b.points));
        }
        EXPECT_LT(best, 5.0) << "lod " << i;
    }
    // ... and far from it is not: Dushanbe is about 150 km north of the border.
    double dushanbe = 1e9;
    for (const BasemapBorder& b : bm.lod(2).borders) {
        if (b.kind == BorderKind::TajikAfghan)
            dushanbe = std::min(dushanbe, distanceToPolylineKm(QPointF(68.78, 38.56), b.points));
    }
    EXPECT_GT(dushanbe, 100.0);
}

TEST(Basemap, BoundingBoxesCoverTheirGeometry)
{
    const Basemap& bm = embedded();
    for (const BasemapRiver& r : bm.lod(2).rivers) {
        for (const QPointF& p : r.points)
            ASSERT_TRUE(r.bounds.contains(p.x(), p.y()));
    }
    const GeoBox dushanbeArea{68.5, 38.3, 69.0, 38.8};
    const GeoBox farAway{10, 10, 11, 11};
    EXPECT_TRUE(std::any_of(bm.lod(2).countries.begin(), bm.lod(2).countries.end(),
                            [&](const auto& c) { return intersects(c.bounds, dushanbeArea); }));
    EXPECT_FALSE(std::any_of(bm.lod(2).countries.begin(), bm.lod(2).countries.end(),
                             [&](const auto& c) { return intersects(c.bounds, farAway); }));
}

TEST(Basemap, AttributionIsTheLineAttributionMdQuotes)
{
    // The one owner of the attribution text: the manifest, which the map and briefings show.
    const QString line = embedded().attribution();
    for (const char* source : {"GSHHG", "DCW-GMT", "GeoNames", "CC BY 4.0"})
        EXPECT_TRUE(line.contains(QLatin1String(source))) << source;
    QFile doc(Basemap::embeddedPath() + QStringLiteral("/ATTRIBUTION.md"));
    ASSERT_TRUE(doc.open(QIODevice::ReadOnly));
    EXPECT_TRUE(QString::fromUtf8(doc.readAll()).simplified().contains(u'"' + line + u'"'))
        << line.toStdString();
}

TEST(Basemap, AManifestWithoutAttributionLoadsWithNone)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(copyEmbeddedTo(dir.path()));
    const QString manifest = dir.filePath(QStringLiteral("manifest.json"));
    QFile f(manifest);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    f.close();
    const qsizetype start = bytes.indexOf("\"attribution\"");
    ASSERT_GE(start, 0);
    bytes.remove(start, bytes.indexOf('\n', start) - start + 1);
    ASSERT_TRUE(writeFile(manifest, bytes));
    const Result<Basemap> bm = Basemap::load(dir.path());
    ASSERT_TRUE(bm.ok()) << bm.error().message.toStdString();
    EXPECT_TRUE(bm->attribution().isEmpty());
}

TEST(Basemap, RejectsAMissingFolderWithAClearMessage)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const Result<Basemap> bm = Basemap::load(dir.filePath(QStringLiteral("nothing-here")));
    ASSERT_FALSE(bm.ok());
    EXPECT_EQ(bm.error().kind, Error::Kind::Io);
    EXPECT_TRUE(bm.error().message.contains(QLatin1String("manifest.json")))
        << bm.error().message.toStdString();
}

TEST(Basemap, RejectsInvalidJsonNamingTheFileAndLine)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(copyEmbeddedTo(dir.path()));
    ASSERT_TRUE(writeFile(dir.filePath(QStringLiteral("rivers.lod1.geojson")),
                          "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\n"));
    const Result<Basemap> bm = Basemap::load(dir.path());
    ASSERT_FALSE(bm.ok());
    EXPECT_EQ(bm.error().kind, Error::Kind::Parse);
    EXPECT_TRUE(bm.error().message.contains(QLatin1String("rivers.lod1.geojson")))
        << bm.error().message.toStdString();
    EXPECT_GE(bm.error().line, 2);
}

TEST(Basemap, RejectsAFeatureWithBadGeometryNamingItsLine)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(copyEmbeddedTo(dir.path()));
    // Second feature: a border with a position that is not [lon, lat].
    ASSERT_TRUE(writeFile(
        dir.filePath(QStringLiteral("borders.lod0.geojson")),
        "{\"type\":\"FeatureCollection\",\"features\":[\n"
        "{\"type\":\"Feature\",\"properties\":{\"kind\":\"tj_af\"},\"geometry\":{\"type\":"
        "\"LineString\",\"coordinates\":[[69,37],[69.1,37.2]]}},\n"
        "{\"type\":\"Feature\",\"properties\":{\"kind\":\"international\"},\"geometry\":{\"type\":"
        "\"LineString\",\"coordinates\":[[69,37],[\"x\",37.2]]}}\n]}\n"));
    const Result<Basemap> bm = Basemap::load(dir.path());
    ASSERT_FALSE(bm.ok());
    EXPECT_EQ(bm.error().kind, Error::Kind::Parse);
    EXPECT_EQ(bm.error().line, 3);
    EXPECT_TRUE(bm.error().message.contains(QLatin1String("borders.lod0.geojson line 3")))
        << bm.error().message.toStdString();
}

TEST(Basemap, RejectsAnUnclosedRingAndAWrongGeometryType)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(copyEmbeddedTo(dir.path()));
    ASSERT_TRUE(
        writeFile(dir.filePath(QStringLiteral("lakes.lod2.geojson")),
                  "{\"type\":\"FeatureCollection\",\"features\":[\n"
                  "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":"
                  "\"Polygon\",\"coordinates\":[[[73,39],[73.5,39],[73.5,39.2],[73,39.1]]]}}"
                  "\n]}\n"));
    Result<Basemap> bm = Basemap::load(dir.path());
    ASSERT_FALSE(bm.ok());
    EXPECT_TRUE(bm.error().message.contains(QLatin1String("not closed")))
        << bm.error().message.toStdString();

    ASSERT_TRUE(writeFile(dir.filePath(QStringLiteral("lakes.lod2.geojson")),
                          "{\"type\":\"FeatureCollection\",\"features\":[\n"
                          "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":"
                          "\"Point\",\"coordinates\":[73,39]}}\n]}\n"));
    bm = Basemap::load(dir.path());
    ASSERT_FALSE(bm.ok());
    EXPECT_TRUE(bm.error().message.contains(QLatin1String("expected a Polygon geometry")))
        << bm.error().message.toStdString();
}

TEST(Basemap, DistanceToPolylineIsInKilometres)
{
    const QList<QPointF> meridian{QPointF(70.0, 37.0), QPointF(70.0, 38.0)};
    // One degree of longitude at 37.5 N is about 88.2 km.
    EXPECT_NEAR(distanceToPolylineKm(QPointF(71.0, 37.5), meridian), 88.2, 0.5);
    EXPECT_NEAR(distanceToPolylineKm(QPointF(70.0, 37.5), meridian), 0.0, 1e-9);
    // Past the end: the distance to the end point (one degree of latitude, 111.2 km).
    EXPECT_NEAR(distanceToPolylineKm(QPointF(70.0, 39.0), meridian), 111.2, 0.5);
}
