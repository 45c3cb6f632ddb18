// Basemap frame time: the QML Map (itemsoverlay) with BasemapLayer at 1600x1000, rendered
// offscreen with the software Quick backend, panning and zooming through 50 scripted views.
// Each frame = set centre and zoom + grabWindow(). Prints the median frame time (target 16 ms).
//
// Set FRONTIER_BASEMAP_GRAB=/path/prefix to also save the first and a zoomed-in frame as PNG.
#include "basemapitem.h"
#include "basemappainter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGeoCoordinate>
#include <QImage>
#include <QPainter>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

// The map's QML module (FrontierAtlas.Map), linked in statically.
Q_IMPORT_QML_PLUGIN(FrontierAtlas_MapPlugin)

namespace {

const char* kScene = R"(
import QtQuick
import QtLocation
import QtPositioning
import FrontierAtlas.Map
Item {
    width: 1600; height: 1000
    Plugin { id: overlay; name: "itemsoverlay" }
    Map {
        id: map
        objectName: "map"
        anchors.fill: parent
        plugin: overlay
        color: "#dfe8ef"
        center: QtPositioning.coordinate(37.8, 70.5)
        zoomLevel: 7
        minimumZoomLevel: 4
        maximumZoomLevel: 14
        BasemapLayer { id: layer; map: map }
    }
    BasemapSwitcher { anchors.fill: parent; map: map; basemap: layer }
}
)";

struct View {
    double lat, lon, zoom;
};

/// 50 views: a pan along the border at zoom 7, a zoom in on the Panj to 11, a pan up the
/// Pamirs at 9, and back out to 6.
std::vector<View> scriptedViews()
{
    std::vector<View> v;
    for (int i = 0; i < 15; ++i)
        v.push_back({37.2 + 0.05 * i, 67.8 + 0.45 * i, 7.0});
    for (int i = 0; i < 10; ++i)
        v.push_back({37.23, 69.10, 7.0 + 0.4 * (i + 1)});
    for (int i = 0; i < 15; ++i)
        v.push_back({37.3 + 0.08 * i, 69.3 + 0.25 * i, 9.0});
    for (int i = 0; i < 10; ++i)
        v.push_back({38.5 - 0.1 * i, 73.0 - 0.3 * i, 9.0 - 0.3 * (i + 1)});
    return v;
}

struct Scene {
    std::unique_ptr<QQuickView> view;
    QQuickItem* map = nullptr;

    Scene()
    {
        view = std::make_unique<QQuickView>();
        QQmlComponent c(view->engine());
        c.setData(kScene, QUrl(QStringLiteral("qrc:/bench/BasemapBench.qml")));
        QObject* root = c.create();
        if (!root) {
            std::fprintf(stderr, "bench_basemap: %s\n", qPrintable(c.errorString()));
            return;
        }
        view->setContent(QUrl(QStringLiteral("qrc:/bench/BasemapBench.qml")), nullptr, root);
        view->resize(1600, 1000);
        view->show();
        (void)QTest::qWaitForWindowExposed(view.get());
        map = root->findChild<QQuickItem*>(QStringLiteral("map"));
    }
    QImage frame(const View& v)
    {
        map->setProperty("zoomLevel", v.zoom);
        map->setProperty("center", QVariant::fromValue(QGeoCoordinate(v.lat, v.lon)));
        return view->grabWindow();
    }
};

Scene& scene()
{
    static Scene s;
    return s;
}

void BM_BasemapFrame(benchmark::State& state)
{
    Scene& s = scene();
    if (!s.map) {
        state.SkipWithError("the QML scene did not load");
        return;
    }
    const std::vector<View> views = scriptedViews();
    // One pass first: label placement per zoom step and label images are cached after it.
    const bool warm = state.range(0) == 1;
    if (warm) {
        for (const View& v : views)
            s.frame(v);
    }
    std::vector<double> ms;
    size_t i = 0;
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        QImage img = s.frame(views[i % views.size()]);
        benchmark::DoNotOptimize(img);
        ms.push_back(t.nsecsElapsed() / 1e6);
        ++i;
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[sorted.size() / 2];
    const double p90 = sorted[sorted.size() * 9 / 10];
    state.counters["median_ms"] = median;
    state.counters["p90_ms"] = p90;
    state.counters["max_ms"] = sorted.back();
    std::printf("bench_basemap (%s): %zu frames at 1600x1000, median %.2f ms, p90 %.2f ms, "
                "max %.2f ms\n",
                warm ? "warm caches" : "cold caches", ms.size(), median, p90, sorted.back());
}
BENCHMARK(BM_BasemapFrame)->Arg(0)->Iterations(50)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BasemapFrame)->Arg(1)->Iterations(150)->Unit(benchmark::kMillisecond);

/// The painter alone (what the export uses), without the Quick scene around it.
void BM_BasemapPainterOnly(benchmark::State& state)
{
    const auto painter = fa::BasemapPainter::shared();
    const std::vector<View> views = scriptedViews();
    QImage img(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    size_t i = 0;
    for (auto _ : state) {
        const View& v = views[i++ % views.size()];
        fa::MercatorView mv;
        mv.centerLat = v.lat;
        mv.centerLon = v.lon;
        mv.zoom = v.zoom;
        mv.width = 1600;
        mv.height = 1000;
        img.fill(painter->style().water);
        QPainter p(&img);
        painter->paint(&p, mv);
    }
}
BENCHMARK(BM_BasemapPainterOnly)->Iterations(150)->Unit(benchmark::kMillisecond);

void saveGrabs()
{
    const QByteArray prefix = qgetenv("FRONTIER_BASEMAP_GRAB");
    if (prefix.isEmpty())
        return;
    Scene& s = scene();
    const View views[] = {
        {37.8, 70.5, 7.0}, {37.25, 69.0, 10.0}, {38.6, 72.2, 8.5}, {37.9, 70.0, 5.5}};
    int n = 0;
    for (const View& v : views) {
        s.frame(v); // settle
        const QString file = QString::fromLocal8Bit(prefix) + QStringLiteral("-%1.png").arg(n++);
        s.frame(v).save(file);
        std::printf("saved %s\n", qPrintable(file));
    }
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_QUICK_BACKEND", "software");
    QApplication app(argc, argv);
    saveGrabs();
    ::benchmark::Initialize(&argc, argv);
    ::benchmark::RunSpecifiedBenchmarks();
    ::benchmark::Shutdown();
    return 0;
}
