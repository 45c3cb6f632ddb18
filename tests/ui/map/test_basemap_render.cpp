// The basemap drawn for real: offscreen renders of the QML map with BasemapLayer, checked pixel
// by pixel against the projection the Map itself reports (fromCoordinate), and the painter
// used by exports.
#include "basemapitem.h"
#include "basemappainter.h"
#include "messagecollector.h"
#include "symbology.h"
#include "tilesourceprobe.h"

#include <QDir>
#include <QGeoCoordinate>
#include <QImage>
#include <QPainter>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

#include <map>
#include <memory>

using namespace fa;

namespace {

const char* kSceneQml = R"(
import QtQuick
import QtLocation
import QtPositioning
import FrontierAtlas.Map
Item {
    width: 900; height: 700
    Plugin { id: overlay; name: "itemsoverlay" }
    Map {
        id: map
        objectName: "map"
        anchors.fill: parent
        plugin: overlay
        color: "#dfe8ef"
        center: QtPositioning.coordinate(37.4, 69.4)
        zoomLevel: 9
        minimumZoomLevel: 4
        maximumZoomLevel: 14
        BasemapLayer { id: layer; map: map }
    }
    BasemapSwitcher { anchors.fill: parent; map: map; basemap: layer }
}
)";

int colourDistance(QColor a, QColor b)
{
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                     std::abs(a.blue() - b.blue())});
}

/// The scene in a window of its own, made of the map module's own basemap components.
class Scene {
public:
    Scene()
    {
        m_view = std::make_unique<QQuickView>();
        QQmlComponent c(m_view->engine());
        c.setData(kSceneQml, QUrl(QStringLiteral("qrc:/test/BasemapTestScene.qml")));
        m_errors = c.errorString();
        QObject* root = c.create();
        if (!root) {
            m_errors += c.errorString();
            return;
        }
        m_view->setContent(QUrl(QStringLiteral("qrc:/test/BasemapTestScene.qml")), nullptr, root);
        m_view->resize(900, 700);
        m_view->show();
        m_exposed = QTest::qWaitForWindowExposed(m_view.get());
        map = root->findChild<QQuickItem*>(QStringLiteral("map"));
        layer = root->findChild<QQuickItem*>(QStringLiteral("basemapLayer"));
        item = root->findChild<BasemapItem*>(QStringLiteral("basemapItem"));
    }
    bool ok() const { return m_exposed && map && layer && item; }
    QString errors() const { return m_errors; }

    void setView(double lat, double lon, double zoom)
    {
        map->setProperty("zoomLevel", zoom);
        map->setProperty("center", QVariant::fromValue(QGeoCoordinate(lat, lon)));
    }
    QImage grab()
    {
        QTest::qWait(20);
        return m_view->grabWindow().convertToFormat(QImage::Format_RGB32);
    }
    QPointF fromCoordinate(double lat, double lon) const
    {
        QPointF p;
        QMetaObject::invokeMethod(map, "fromCoordinate", Q_RETURN_ARG(QPointF, p),
                                  Q_ARG(QGeoCoordinate, QGeoCoordinate(lat, lon)),
                                  Q_ARG(bool, false));
        return p;
    }
    QGeoCoordinate toCoordinate(QPointF pt) const
    {
        QGeoCoordinate c;
        QMetaObject::invokeMethod(map, "toCoordinate", Q_RETURN_ARG(QGeoCoordinate, c),
                                  Q_ARG(QPointF, pt), Q_ARG(bool, false));
        return c;
    }

    QQuickItem* map = nullptr;
    QQuickItem* layer = nullptr;
    BasemapItem* item = nullptr;

private:
    std::unique_ptr<QQuickView> m_view;
    QString m_errors;
    bool m_exposed = false;
};

/// The Tajik-Afghan border vertex nearest to a point, from the data the map draws.
QPointF nearestTjAfBorderPoint(const BasemapLod& lod, QPointF lonLat)
{
    QPointF best;
    double bestD = 1e9;
    for (const BasemapBorder& b : lod.borders) {
        if (b.kind != BorderKind::TajikAfghan)
            continue;
        for (const QPointF& p : b.points) {
            const double d = std::hypot(p.x() - lonLat.x(), p.y() - lonLat.y());
            if (d < bestD) {
                bestD = d;
                best = p;
            }
        }
    }
    return best;
}

bool polygonContains(const BasemapPolygon& poly, QPointF lonLat)
{
    bool in = false;
    for (const QList<QPointF>& ring : poly.rings) {
        QPolygonF r(ring);
        if (r.containsPoint(lonLat, Qt::OddEvenFill))
            in = !in;
    }
    return in;
}

/// The most common colour among the sampled pixels.
QColor dominant(const std::vector<QRgb>& pixels)
{
    std::map<QRgb, int> counts;
    for (QRgb p : pixels)
        ++counts[p];
    QRgb best = 0;
    int n = -1;
    for (auto [c, k] : counts) {
        if (k > n) {
            n = k;
            best = c;
        }
    }
    return QColor::fromRgb(best);
}

} // namespace

TEST(BasemapRender, TheMapDrawsTheTajikAfghanBorderWhereTheMapProjectsIt)
{
    test::takeQtWarnings();
    {
        Scene scene;
        ASSERT_TRUE(scene.ok()) << scene.errors().toStdString();
        ASSERT_TRUE(scene.item->isValid());
        const auto painter = BasemapPainter::shared();
        const BasemapStyle style = painter->style();
        for (double zoom : {7.0, 9.0, 11.0}) {
            scene.setView(37.23, 69.10, zoom);
            // The border point on the Panj closest to the town of Panj (37.23 N, 69.10 E).
            const QPointF border =
                nearestTjAfBorderPoint(painter->basemap().lodForZoom(zoom), QPointF(69.10, 37.23));
            ASSERT_LT(std::hypot(border.x() - 69.10, border.y() - 37.23), 0.05);
            const QImage img = scene.grab();
            const QPointF at = scene.fromCoordinate(border.y(), border.x());
            ASSERT_TRUE(QRectF(img.rect()).contains(at)) << at.x() << "," << at.y();
            int bestDist = 255;
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const QColor c = img.pixelColor(qRound(at.x()) + dx, qRound(at.y()) + dy);
                    bestDist = std::min(bestDist, colourDistance(c, style.tajikAfghanBorder));
                }
            }
            EXPECT_LT(bestDist, 40)
                << "zoom " << zoom << ": no border colour at " << at.x() << "," << at.y();
            // A few pixels off the border on the Tajik side is not border-coloured any more.
            const QPointF north = scene.fromCoordinate(border.y() + 0.2, border.x());
            if (QRectF(img.rect()).contains(north)) {
                EXPECT_GT(colourDistance(img.pixelColor(north.toPoint()), style.tajikAfghanBorder),
                          60);
            }
        }
    }
    const QStringList warnings = test::takeQtWarnings();
    EXPECT_TRUE(warnings.isEmpty()) << warnings.join('\n').toStdString();
}

TEST(BasemapRender, CountriesAndLakesHaveTheirColours)
{
    test::takeQtWarnings();
    {
        Scene scene;
        ASSERT_TRUE(scene.ok()) << scene.errors().toStdString();
        const auto painter = BasemapPainter::shared();
        const BasemapStyle style = painter->style();

        // Around the Panj at zoom 8: both Tajikistan and Afghanistan are on screen.
        scene.setView(37.5, 69.5, 8);
        QImage img = scene.grab();
        const BasemapLod& lod = painter->basemap().lodForZoom(8);
        std::map<QString, std::vector<QRgb>> byCountry;
        for (int y = 20; y < img.height() - 20; y += 23) {
            for (int x = 20; x < img.width() - 20; x += 23) {
                const QGeoCoordinate c = scene.toCoordinate(QPointF(x, y));
                for (const BasemapCountry& country : lod.countries) {
                    for (const BasemapPolygon& poly : country.polygons) {
                        if (polygonContains(poly, QPointF(c.longitude(), c.latitude())))
                            byCountry[country.iso].push_back(img.pixel(x, y));
                    }
                }
            }
        }
        ASSERT_GT(byCountry[QStringLiteral("TJ")].size(), 50u);
        ASSERT_GT(byCountry[QStringLiteral("AF")].size(), 50u);
        EXPECT_EQ(dominant(byCountry[QStringLiteral("TJ")]), style.tajikistan);
        EXPECT_EQ(dominant(byCountry[QStringLiteral("AF")]), style.afghanistan);
        EXPECT_NE(style.tajikistan, style.afghanistan);

        // Lake Karakul at zoom 10: its inside is lake-coloured.
        scene.setView(39.0, 73.42, 10);
        img = scene.grab();
        const BasemapLod& lod10 = painter->basemap().lodForZoom(10);
        const BasemapLake* karakul = nullptr;
        for (const BasemapLake& l : lod10.lakes) {
            if (l.name == QLatin1String("Karakul"))
                karakul = &l;
        }
        ASSERT_NE(karakul, nullptr);
        std::vector<QRgb> inLake;
        for (int y = 10; y < img.height() - 10; y += 13) {
            for (int x = 10; x < img.width() - 10; x += 13) {
                const QGeoCoordinate c = scene.toCoordinate(QPointF(x, y));
                if (polygonContains(karakul->polygon, QPointF(c.longitude(), c.latitude())))
                    inLake.push_back(img.pixel(x, y));
            }
        }
        ASSERT_GT(inLake.size(), 100u);
        EXPECT_EQ(dominant(inLake), style.lake);
    }
    const QStringList warnings = test::takeQtWarnings();
    EXPECT_TRUE(warnings.isEmpty()) << warnings.join('\n').toStdString();
}

TEST(BasemapRender, OnlineChoiceWithoutNetworkShowsANoticeAndKeepsTheOfflineMap)
{
    test::takeQtWarnings();
    {
        Scene scene;
        ASSERT_TRUE(scene.ok()) << scene.errors().toStdString();
        scene.layer->setProperty("source", QStringLiteral("osm"));
        QObject* probe = scene.layer->property("probe").value<QObject*>();
        ASSERT_NE(probe, nullptr);
        // The check ends on its own within its timeout (4 s + margin): it never hangs.
        QTRY_VERIFY_WITH_TIMEOUT(probe->property("state").toInt() !=
                                     static_cast<int>(TileSourceProbe::State::Checking),
                                 8000);
        const bool online = scene.layer->property("onlineShown").toBool();
        if (!online) {
            // No network here: the notice says so and the offline fills stay on.
            QQuickItem* notice = scene.layer->window()->contentItem()->findChild<QQuickItem*>(
                QStringLiteral("basemapNotice"));
            ASSERT_NE(notice, nullptr);
            EXPECT_TRUE(notice->isVisible());
            EXPECT_FALSE(notice->property("text").toString().isEmpty());
            EXPECT_TRUE(scene.item->showFills());
        } else {
            EXPECT_FALSE(scene.item->showFills()); // the tiles are the base now
        }
        scene.layer->setProperty("source", QStringLiteral("frontier"));
        EXPECT_TRUE(scene.item->showFills());
    }
    const QStringList warnings = test::takeQtWarnings();
    EXPECT_TRUE(warnings.isEmpty()) << warnings.join('\n').toStdString();
}

TEST(BasemapRender, TileFolderIsDrawnUnderTheVectorOverlay)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // One magenta tile at zoom 9 covering the view centre.
    const int z = 9;
    const double lon = 69.4, lat = 37.4;
    const int tx = static_cast<int>(MercatorView::worldX(lon, z) / 256);
    const int ty = static_cast<int>(MercatorView::worldY(lat, z) / 256);
    ASSERT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("%1/%2").arg(z).arg(tx)));
    QImage tileImg(256, 256, QImage::Format_RGB32);
    tileImg.fill(QColor(0xff, 0x00, 0xff));
    ASSERT_TRUE(tileImg.save(dir.filePath(QStringLiteral("%1/%2/%3.png").arg(z).arg(tx).arg(ty))));

    test::takeQtWarnings();
    {
        Scene scene;
        ASSERT_TRUE(scene.ok()) << scene.errors().toStdString();
        scene.setView(lat, lon, z);
        scene.layer->setProperty("tileFolder", dir.path());
        scene.layer->setProperty("source", QStringLiteral("folder"));
        EXPECT_FALSE(scene.item->showFills());
        EXPECT_EQ(scene.item->tileFolderZoomLevels(), 1);
        const QImage img = scene.grab();
        // The tile's centre pixel, found through the Map's own projection.
        const double cx = (tx + 0.5) * 256, cy = (ty + 0.5) * 256;
        const QPointF at = scene.fromCoordinate(MercatorView::latFromWorldY(cy, z),
                                                MercatorView::lonFromWorldX(cx, z));
        int magenta = 0;
        for (int dy = -20; dy <= 20; dy += 5)
            for (int dx = -20; dx <= 20; dx += 5)
                magenta += img.pixelColor(at.toPoint() + QPoint(dx, dy)) == QColor(255, 0, 255);
        EXPECT_GT(magenta, 40);
    }
    const QStringList warnings = test::takeQtWarnings();
    EXPECT_TRUE(warnings.isEmpty()) << warnings.join('\n').toStdString();
}

TEST(BasemapPainter, PaintsIntoAnImageForExportsWithTheSameProjection)
{
    const auto painter = BasemapPainter::shared();
    ASSERT_NE(painter, nullptr);
    for (double scale : {1.0, 2.0}) {
        MercatorView view;
        view.centerLat = 37.23;
        view.centerLon = 69.10;
        view.zoom = 9 + std::log2(scale);
        view.width = 800 * scale;
        view.height = 600 * scale;
        QImage img(QSize(int(view.width), int(view.height)), QImage::Format_RGB32);
        img.fill(painter->style().water);
        QPainter p(&img);
        painter->paint(&p, view, scale);
        p.end();
        const QPointF border =
            nearestTjAfBorderPoint(painter->basemap().lodForZoom(view.zoom), QPointF(69.10, 37.23));
        const QPoint at(qRound(view.toX(border.x())), qRound(view.toY(border.y())));
        int best = 255;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                best = std::min(best, colourDistance(img.pixelColor(at + QPoint(dx, dy)),
                                                     Symbology::borderEmphasisColor()));
        EXPECT_LT(best, 40) << "scale " << scale;
    }
}

TEST(BasemapPainter, LabelsNeverOverlapAndGrowInNumberWithZoom)
{
    const auto painter = BasemapPainter::shared();
    ASSERT_NE(painter, nullptr);
    size_t previous = 0;
    for (double zoom = 5; zoom <= 12; zoom += 1) {
        const std::vector<PlacedLabel> labels = painter->labelsForZoom(zoom);
        EXPECT_GT(labels.size(), 0u) << "zoom " << zoom;
        EXPECT_GE(labels.size(), previous) << "zoom " << zoom;
        previous = labels.size();
        for (size_t i = 0; i < labels.size(); ++i) {
            const BasemapPlace& pl = painter->basemap().places()[size_t(labels[i].place)];
            EXPECT_GE(pl.importance, BasemapPainter::minImportanceForZoom(zoom));
            for (size_t j = i + 1; j < labels.size(); ++j)
                ASSERT_FALSE(labels[i].box.intersects(labels[j].box))
                    << "zoom " << zoom << ": " << i << " and " << j << " overlap";
        }
    }
    // Far out only the capitals (Dushanbe, Kabul, ...) are named.
    for (const PlacedLabel& l : painter->labelsForZoom(5))
        EXPECT_EQ(painter->basemap().places()[size_t(l.place)].featureCode, QStringLiteral("PPLC"));
}

TEST(BasemapPainter, ScaleBarIsARoundDistanceThatFits)
{
    MercatorView view;
    view.centerLat = 37.5;
    view.zoom = 8;
    const auto [metres, pixels] = BasemapPainter::scaleBar(view, 120);
    EXPECT_LE(pixels, 120.0);
    EXPECT_GT(pixels, 40.0);
    EXPECT_DOUBLE_EQ(metres, 50000.0); // 120 px at zoom 8 and 37.5 N are about 59 km
    EXPECT_EQ(BasemapPainter::formatDistance(metres), QStringLiteral("50 km"));
    EXPECT_EQ(BasemapPainter::formatDistance(500), QStringLiteral("500 m"));
}

#include "databasecontroller.h"
#include "mainwindow.h"
#include "mapwidget.h"
#include "viewstate.h"
#include "windowfixture.h"

TEST(BasemapRender, MarkersAreDrawnOverTheBasemapInTheMainWindow)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("basemap.db"));
    QString error;
    // One incident in the middle of Tajikistan, away from borders, rivers and labels' dots.
    const auto ids = test::makeDatabase(
        path, {test::makeEvent(QStringLiteral("Test"), 38.05, 70.25, test::utcDate(2024, 5, 1))},
        &error);
    ASSERT_EQ(ids.size(), 1u) << error.toStdString();
    test::takeQtWarnings();
    {
        ViewState state;
        DatabaseController db(&state);
        ASSERT_TRUE(db.open(path));
        MainWindow window(&state, &db);
        window.resize(1200, 800);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        MapWidget* map = window.mapWidget();
        ASSERT_TRUE(QTest::qWaitFor([&] { return test::markerItemCount(map) > 0; }));
        QTest::qWait(50);
        const QImage img = map->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
        if (!qEnvironmentVariableIsEmpty("FRONTIER_BASEMAP_GRAB"))
            img.save(qEnvironmentVariable("FRONTIER_BASEMAP_GRAB") + QStringLiteral("-window.png"));
        const QPoint at = test::mapPoint(map, 38.05, 70.25).toPoint();
        ASSERT_TRUE(img.rect().contains(at));
        EXPECT_LT(colourDistance(img.pixelColor(at), Symbology::familyColor(Family::Incident)), 40)
            << "the marker is hidden under the basemap";
        // ... and the basemap is there around it: mostly Tajikistan's fill up and to the left.
        std::vector<QRgb> patch;
        for (int dy = -50; dy <= -30; ++dy)
            for (int dx = -70; dx <= -50; ++dx)
                patch.push_back(img.pixel(at + QPoint(dx, dy)));
        EXPECT_EQ(dominant(patch), BasemapPainter::shared()->style().tajikistan);
    }
    const QStringList warnings = test::takeQtWarnings();
    EXPECT_TRUE(warnings.isEmpty()) << warnings.join('\n').toStdString();
}
