#include "kmlimporter.h"

#include "dateformats.h"
#include "fieldvalues.h"
#include "geojsonimporter.h"
#include "sourceid.h"

#include <QBuffer>
#include <QIODevice>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <unzip.h>

#include <memory>

namespace fa {
namespace {

// minizip reads the archive through these, straight from the QIODevice.
voidpf zOpen(voidpf opaque, const void*, int)
{
    return opaque;
}
uLong zRead(voidpf, voidpf stream, void* buf, uLong size)
{
    const qint64 n = static_cast<QIODevice*>(stream)->read(static_cast<char*>(buf), qint64(size));
    return n < 0 ? 0 : uLong(n);
}
uLong zWrite(voidpf, voidpf, const void*, uLong)
{
    return 0;
}
ZPOS64_T zTell(voidpf, voidpf stream)
{
    return ZPOS64_T(static_cast<QIODevice*>(stream)->pos());
}
long zSeek(voidpf, voidpf stream, ZPOS64_T offset, int origin)
{
    auto* dev = static_cast<QIODevice*>(stream);
    qint64 target = qint64(offset);
    if (origin == ZLIB_FILEFUNC_SEEK_CUR)
        target += dev->pos();
    else if (origin == ZLIB_FILEFUNC_SEEK_END)
        target += dev->size();
    if (target < 0 || target > dev->size())
        return -1;
    return dev->seek(target) ? 0 : -1;
}
int zClose(voidpf, voidpf)
{
    return 0;
}
int zError(voidpf, voidpf)
{
    return 0;
}

struct UnzCloser {
    void operator()(void* z) const { unzClose(z); }
};

Error kmzError(const QString& what)
{
    return Error::make(Error::Kind::Parse, QStringLiteral("KMZ: %1").arg(what));
}

// A placemark's pieces as read from the XML.
struct Placemark {
    QString id, name, description, when, begin, end, coordinates;
    QJsonObject data; // ExtendedData
    bool hasPoint = false;
    bool hasGeometry = false;
    QString geometryType;
    QString tooLong; // the element whose text exceeded the limit
};

} // namespace

Result<QByteArray> KmlImporter::extractKml(QIODevice& kmz, const ImportLimits& limits)
{
    // minizip needs random access: a sequential device is read into memory, within the limit.
    QBuffer memory;
    QIODevice* dev = &kmz;
    if (kmz.isSequential()) {
        QByteArray all = kmz.read(limits.maxUncompressedBytes + 1);
        if (all.size() > limits.maxUncompressedBytes)
            return kmzError(QStringLiteral("the archive is larger than %1 bytes")
                                .arg(limits.maxUncompressedBytes));
        memory.setData(all);
        memory.open(QIODevice::ReadOnly);
        dev = &memory;
    }
    zlib_filefunc64_def io{};
    io.zopen64_file = zOpen;
    io.zread_file = zRead;
    io.zwrite_file = zWrite;
    io.ztell64_file = zTell;
    io.zseek64_file = zSeek;
    io.zclose_file = zClose;
    io.zerror_file = zError;
    io.opaque = dev;
    std::unique_ptr<void, UnzCloser> zip(unzOpen2_64("kmz", &io));
    if (!zip)
        return kmzError(QStringLiteral("the file is not a readable zip archive"));
    unz_global_info64 gi{};
    if (unzGetGlobalInfo64(zip.get(), &gi) != UNZ_OK)
        return kmzError(QStringLiteral("the zip directory cannot be read"));
    if (gi.number_entry > 100000)
        return kmzError(
            QStringLiteral("the archive holds too many entries (%1)").arg(gi.number_entry));

    // doc.kml at the root is the main document; otherwise the first .kml entry.
    QString chosen;
    unz64_file_pos chosenPos{};
    unz_file_info64 chosenInfo{};
    for (int rc = unzGoToFirstFile(zip.get()); rc == UNZ_OK; rc = unzGoToNextFile(zip.get())) {
        char name[512] = {0};
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(zip.get(), &info, name, sizeof(name) - 1, nullptr, 0, nullptr,
                                    0) != UNZ_OK)
            return kmzError(QStringLiteral("an entry of the zip directory cannot be read"));
        const QString n = QString::fromUtf8(name);
        if (!n.endsWith(u".kml", Qt::CaseInsensitive))
            continue;
        const bool isDoc = n.compare(u"doc.kml", Qt::CaseInsensitive) == 0;
        if (chosen.isEmpty() || isDoc) {
            chosen = n;
            chosenInfo = info;
            unzGetFilePos64(zip.get(), &chosenPos);
            if (isDoc)
                break;
        }
    }
    if (chosen.isEmpty())
        return kmzError(QStringLiteral("the archive holds no .kml document"));
    const auto tooBig = [&]() {
        return kmzError(QStringLiteral("%1 inflates beyond the limit of %2 bytes (zip bomb?)")
                            .arg(chosen)
                            .arg(limits.maxUncompressedBytes));
    };
    const auto tooDense = [&]() {
        return kmzError(QStringLiteral("%1 has a compression ratio above %2 (zip bomb?)")
                            .arg(chosen)
                            .arg(limits.maxCompressionRatio));
    };
    constexpr qint64 kRatioFloor = 1 << 20; // small entries may compress very well
    const qint64 compressed = qint64(chosenInfo.compressed_size);
    if (qint64(chosenInfo.uncompressed_size) > limits.maxUncompressedBytes)
        return tooBig();
    if (qint64(chosenInfo.uncompressed_size) > kRatioFloor &&
        double(chosenInfo.uncompressed_size) >
            limits.maxCompressionRatio * double(std::max<qint64>(compressed, 1)))
        return tooDense();
    if (unzGoToFilePos64(zip.get(), &chosenPos) != UNZ_OK ||
        unzOpenCurrentFile(zip.get()) != UNZ_OK)
        return kmzError(QStringLiteral("%1 cannot be opened (encrypted or unsupported compression)")
                            .arg(chosen));
    // The directory's sizes can lie: the real inflated size is checked as it grows.
    QByteArray out;
    QByteArray chunk(1 << 16, Qt::Uninitialized);
    for (;;) {
        const int n = unzReadCurrentFile(zip.get(), chunk.data(), unsigned(chunk.size()));
        if (n < 0) {
            unzCloseCurrentFile(zip.get());
            return kmzError(QStringLiteral("%1 is damaged (inflate error %2)").arg(chosen).arg(n));
        }
        if (n == 0)
            break;
        out.append(chunk.constData(), n);
        if (out.size() > limits.maxUncompressedBytes) {
            unzCloseCurrentFile(zip.get());
            return tooBig();
        }
        if (out.size() > kRatioFloor &&
            double(out.size()) >
                limits.maxCompressionRatio * double(std::max<qint64>(compressed, 1))) {
            unzCloseCurrentFile(zip.get());
            return tooDense();
        }
    }
    if (unzCloseCurrentFile(zip.get()) == UNZ_CRCERROR)
        return kmzError(QStringLiteral("%1 is damaged (CRC error)").arg(chosen));
    return out;
}

Status KmlImporter::read(QIODevice& in, ImportSink& sink)
{
    if (!m_kmz)
        return readKml(in, sink, in.isSequential() ? 0 : in.size());
    auto kml = extractKml(in, m_opt.limits);
    if (!kml)
        return kml.error();
    QBuffer buf(&kml.value());
    buf.open(QIODevice::ReadOnly);
    return readKml(buf, sink, buf.size());
}

Status KmlImporter::readKml(QIODevice& in, ImportSink& sink, qint64 total)
{
    using namespace importhelpers;
    QXmlStreamReader xml(&in);
    const auto parseError = [&xml](const QString& what) {
        Error e = Error::make(Error::Kind::Parse,
                              QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(what));
        e.line = xml.lineNumber();
        return e;
    };
    const auto cancelled = [] { return Error::cancelled(); };
    const int maxDepth = m_opt.limits.maxNestingDepth;
    const qint64 maxText = m_opt.limits.maxRecordBytes;
    int depth = 0;
    bool sawKml = false;
    qint64 index = 0;

    // Reads the text of the current element, refusing more than maxText characters.
    const auto text = [&](Placemark& pm, const QString& what) {
        QString t = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        if (t.size() > maxText) {
            pm.tooLong = what;
            t.clear();
        }
        return t.trimmed();
    };

    while (!xml.atEnd()) {
        const auto tok = xml.readNext();
        if (tok == QXmlStreamReader::DTD)
            return parseError(QStringLiteral("the document declares a DTD; DTDs and entity "
                                             "declarations are refused"));
        if (tok == QXmlStreamReader::EndElement) {
            --depth;
            continue;
        }
        if (tok != QXmlStreamReader::StartElement)
            continue;
        if (++depth > maxDepth)
            return parseError(
                QStringLiteral("elements are nested deeper than %1 levels").arg(maxDepth));
        if (!sawKml) {
            if (xml.name() != u"kml")
                return parseError(QStringLiteral("not a KML document (the root element is <%1>)")
                                      .arg(xml.name().toString()));
            sawKml = true;
            continue;
        }
        if (xml.name() != u"Placemark")
            continue;

        // One placemark, read to its end tag.
        ++index;
        Placemark pm;
        pm.id = xml.attributes().value(u"id").toString();
        int inner = 0;
        QString parent;   // element whose children are being read (TimeSpan, ExtendedData...)
        QStringList path; // element names inside the placemark
        while (!xml.atEnd()) {
            const auto t = xml.readNext();
            if (t == QXmlStreamReader::DTD)
                return parseError(QStringLiteral("the document declares a DTD"));
            if (t == QXmlStreamReader::EndElement) {
                if (inner == 0)
                    break;
                --inner;
                path.removeLast();
                continue;
            }
            if (t != QXmlStreamReader::StartElement)
                continue;
            if (depth + inner + 1 > maxDepth)
                return parseError(
                    QStringLiteral("elements are nested deeper than %1 levels").arg(maxDepth));
            const QString n = xml.name().toString();
            const QString up = path.isEmpty() ? QString() : path.last();
            // Elements read whole (their end tag is consumed by readElementText).
            if (path.isEmpty() && n == u"name") {
                pm.name = text(pm, n);
                continue;
            }
            if (path.isEmpty() && n == u"description") {
                pm.description = text(pm, n);
                continue;
            }
            if (up == u"TimeStamp" && n == u"when") {
                pm.when = text(pm, n);
                continue;
            }
            if (up == u"TimeSpan" && (n == u"begin" || n == u"end")) {
                (n == u"begin" ? pm.begin : pm.end) = text(pm, n);
                continue;
            }
            if (up == u"Point" && n == u"coordinates" && !pm.hasPoint) {
                pm.coordinates = text(pm, n);
                pm.hasPoint = true;
                continue;
            }
            if (up == u"ExtendedData" && n == u"Data") {
                const QString key = xml.attributes().value(u"name").toString();
                QString value;
                // <Data name="k"><value>v</value></Data>
                while (!xml.atEnd()) {
                    const auto dt = xml.readNext();
                    if (dt == QXmlStreamReader::StartElement && xml.name() == u"value")
                        value = text(pm, key);
                    else if (dt == QXmlStreamReader::StartElement)
                        xml.skipCurrentElement();
                    else if (dt == QXmlStreamReader::EndElement)
                        break;
                }
                if (!key.isEmpty())
                    pm.data.insert(key, value);
                continue;
            }
            if (up == u"SchemaData" && n == u"SimpleData") {
                const QString key = xml.attributes().value(u"name").toString();
                const QString value = text(pm, key);
                if (!key.isEmpty())
                    pm.data.insert(key, value);
                continue;
            }
            if (n == u"Polygon" || n == u"LineString" || n == u"LinearRing" || n == u"Model" ||
                n == u"Track" || n == u"Point") {
                pm.hasGeometry = true;
                if (pm.geometryType.isEmpty() || n == u"Point")
                    pm.geometryType = n;
            }
            ++inner;
            path << n;
        }
        --depth; // the placemark's end tag
        if (xml.hasError())
            break;

        // Map it.
        Event e;
        e.origin.kind = OriginKind::Imported;
        e.origin.name = m_opt.sourceName;
        std::optional<QString> why;
        const auto reject = [&](const QString& r) { why = r; };
        if (!pm.tooLong.isEmpty()) {
            reject(QStringLiteral("<%1> is longer than the limit of %2 characters")
                       .arg(pm.tooLong)
                       .arg(maxText));
        } else if (!pm.hasPoint) {
            reject(pm.hasGeometry ? QStringLiteral("geometry is a %1; only Point is supported")
                                        .arg(pm.geometryType)
                                  : QStringLiteral("missing coordinates (no Point)"));
        } else {
            const QStringList parts = pm.coordinates.split(
                QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            const QStringList lonLat = parts.isEmpty() ? QStringList() : parts.first().split(u',');
            if (lonLat.size() < 2) {
                reject(
                    QStringLiteral("missing coordinates (<coordinates> needs longitude,latitude)"));
            } else if (auto w = readCoordinate(lonLat[1].toUtf8(), "latitude", 90, e.latitude)) {
                reject(*w);
            } else if (auto w2 =
                           readCoordinate(lonLat[0].toUtf8(), "longitude", 180, e.longitude)) {
                reject(*w2);
            }
        }
        if (!why) {
            const QString startText = !pm.when.isEmpty() ? pm.when : pm.begin;
            if (startText.isEmpty()) {
                reject(!pm.end.isEmpty()
                           ? QStringLiteral("missing date (TimeSpan has no begin)")
                           : QStringLiteral("missing date (no TimeStamp or TimeSpan)"));
            } else if (const auto d = parseDate(startText); !d) {
                reject(QStringLiteral("bad date \"%1\" in <%2>")
                           .arg(startText, pm.when.isEmpty() ? QStringLiteral("begin")
                                                             : QStringLiteral("when")));
            } else {
                e.start = d->start;
                e.timePrecision = d->precision;
                if (pm.when.isEmpty() && !pm.end.isEmpty()) {
                    const auto end = parseDate(pm.end);
                    if (!end)
                        reject(QStringLiteral("bad date \"%1\" in <end>").arg(pm.end));
                    else if (end->start < e.start)
                        reject(QStringLiteral("TimeSpan ends (%1) before it begins (%2)")
                                   .arg(pm.end, pm.begin));
                    else if (!pm.data.contains(u"end_date"))
                        e.end = end->start;
                }
            }
        }
        if (!why) {
            QJsonObject props = pm.data;
            props.insert(QStringLiteral("name"), pm.name);
            props.insert(QStringLiteral("description"), pm.description);
            if (auto w = applyEventProperties(props, e))
                reject(*w);
        }
        if (!why) {
            if (e.title.isEmpty())
                e.title = e.place.isEmpty() ? QStringLiteral("Placemark %1").arg(index) : e.place;
            if (e.origin.sourceId.isEmpty())
                e.origin.sourceId =
                    pm.id.isEmpty()
                        ? contentHashId(QStringLiteral("kml-sha1:"),
                                        (pm.name + u'\x1f' + pm.when + pm.begin + u'\x1f' + pm.end +
                                         u'\x1f' + pm.coordinates + u'\x1f' + pm.description)
                                            .toUtf8())
                        : QStringLiteral("kml:") + pm.id;
        }
        if (why) {
            if (sink.reject && !sink.reject(index, *why))
                return cancelled();
        } else if (sink.accept && !sink.accept(std::move(e), index)) {
            return cancelled();
        }
        if ((index & 0x3FF) == 0 && sink.progress && !sink.progress(in.pos(), total))
            return cancelled();
    }
    if (xml.hasError())
        return parseError(xml.errorString());
    if (!sawKml)
        return parseError(QStringLiteral("not a KML document (no <kml> element)"));
    if (sink.progress && !sink.progress(total, total))
        return cancelled();
    return {};
}

} // namespace fa
