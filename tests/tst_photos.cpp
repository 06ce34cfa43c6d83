// SPDX-License-Identifier: GPL-3.0-or-later
// The photo pipeline (server/photos): processPhoto decides the type from the bytes, refuses
// what is not JPEG/PNG/WebP, refuses decompression bombs from the header, applies the EXIF
// orientation and strips all metadata (checked with libexif and by walking the JPEG markers);
// PhotoStore stores by content, atomically, and never lets a hash become a path traversal.
// Every test image is made here; runs in a QCoreApplication, as the headless server does.
#include "http/httpresponse.h"
#include "photos/photoprocessor.h"
#include "photos/photostore.h"
#include "shared/protocol.h"

#include <QBuffer>
#include <QColorSpace>
#include <QColorTransform>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrentMap>
#include <QtConcurrentRun>

#include <libexif/exif-data.h>
#include <libexif/exif-entry.h>
#include <libexif/exif-utils.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <latch>
#include <memory>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Server;

namespace {

namespace EC = Protocol::ErrorCode;

/// The error message of a failed Result, for QVERIFY2 (which evaluates its message always).
template <typename T> QByteArray whyNot(const Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

QByteArray encode(const QImage &image, const char *format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        qWarning() << "encoding" << format << "failed:" << writer.errorString();
    return bytes;
}

QImage decode(const QByteArray &bytes)
{
    return QImage::fromData(bytes);
}

bool hasWebP()
{
    return QImageReader::supportedImageFormats().contains("webp")
        && QImageWriter::supportedImageFormats().contains("webp");
}

/// Left half red, right half blue, a green square in the top-left corner: every rotation and
/// mirroring of it looks different.
QImage asymmetricImage()
{
    QImage image(400, 200, QImage::Format_RGB32);
    image.fill(Qt::red);
    QPainter painter(&image);
    painter.fillRect(200, 0, 200, 200, Qt::blue);
    painter.fillRect(0, 0, 50, 50, Qt::green);
    return image;
}

/// A smooth gradient with per-pixel noise, so JPEG cannot compress it to nothing.
QImage noiseImage(int width, int height, int amplitude, quint32 seed = 42)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator rng(seed);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int noise = int(rng.bounded(2 * amplitude + 1)) - amplitude;
            const auto channel = [noise](int v) { return std::clamp(v + noise, 0, 255); };
            line[x] = qRgb(
                channel(x * 255 / width), channel(y * 255 / height), channel(128 + (x + y) % 64));
        }
    }
    return image;
}

QImage gradientImage(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = qRgb(x * 255 / width, y * 255 / height, 100);
    }
    return image;
}

bool near(QRgb actual, QColor expected, int tolerance = 40)
{
    return std::abs(qRed(actual) - expected.red()) <= tolerance
        && std::abs(qGreen(actual) - expected.green()) <= tolerance
        && std::abs(qBlue(actual) - expected.blue()) <= tolerance;
}

QString describe(QRgb pixel)
{
    return u"rgb(%1,%2,%3)"_s.arg(qRed(pixel)).arg(qGreen(pixel)).arg(qBlue(pixel));
}

// ---- JPEG structure ---------------------------------------------------------------------

struct Segment
{
    quint8 marker = 0;
    QByteArray payload;
};

/// The segments before the first scan (where all metadata lives), in order.
QList<Segment> headerSegments(const QByteArray &jpeg)
{
    QList<Segment> segments;
    qsizetype pos = 2;
    while (pos + 4 <= jpeg.size() && quint8(jpeg[pos]) == 0xFF) {
        const auto marker = quint8(jpeg[pos + 1]);
        const int length = (quint8(jpeg[pos + 2]) << 8) | quint8(jpeg[pos + 3]);
        segments.append({ marker, jpeg.mid(pos + 4, length - 2) });
        if (marker == 0xDA)
            break;
        pos += 2 + length;
    }
    return segments;
}

/// The marker names of everything that can carry metadata: APPn (except the JFIF APP0) and COM.
QStringList metadataSegments(const QByteArray &jpeg)
{
    QStringList found;
    for (const Segment &segment : headerSegments(jpeg)) {
        const bool jfif = segment.marker == 0xE0 && segment.payload.startsWith("JFIF");
        if ((segment.marker >= 0xE0 && segment.marker <= 0xEF && !jfif) || segment.marker == 0xFE)
            found.append(u"%1:%2"_s.arg(int(segment.marker), 2, 16)
                             .arg(QString::fromLatin1(segment.payload.left(12))));
    }
    return found;
}

/// `jpeg` with `segment` (marker + length + payload) inserted after SOI and the JFIF APP0.
QByteArray insertSegment(const QByteArray &jpeg, quint8 marker, const QByteArray &payload)
{
    qsizetype at = 2;
    if (quint8(jpeg[2]) == 0xFF && quint8(jpeg[3]) == 0xE0)
        at += 2 + ((quint8(jpeg[4]) << 8) | quint8(jpeg[5]));
    QByteArray segment;
    segment.append(char(0xFF)).append(char(marker));
    const qsizetype length = payload.size() + 2;
    segment.append(char(length >> 8)).append(char(length & 0xFF));
    segment.append(payload);
    return QByteArray(jpeg).insert(at, segment);
}

/// `jpeg` with the dimensions in its SOFn header replaced (a bomb that stays small).
QByteArray withFrameSize(QByteArray jpeg, int width, int height)
{
    qsizetype pos = 2;
    while (pos + 9 < jpeg.size()) {
        const auto marker = quint8(jpeg[pos + 1]);
        const int length = (quint8(jpeg[pos + 2]) << 8) | quint8(jpeg[pos + 3]);
        if (marker >= 0xC0 && marker <= 0xC2) {
            jpeg[pos + 5] = char(height >> 8);
            jpeg[pos + 6] = char(height & 0xFF);
            jpeg[pos + 7] = char(width >> 8);
            jpeg[pos + 8] = char(width & 0xFF);
            return jpeg;
        }
        pos += 2 + length;
    }
    return {};
}

// ---- EXIF via libexif --------------------------------------------------------------------

struct ExifDataDeleter
{
    void operator()(ExifData *data) const { exif_data_unref(data); }
};
using ExifPtr = std::unique_ptr<ExifData, ExifDataDeleter>;

/// Adds a tag libexif cannot initialise itself (the GPS tags), with room for `components`.
ExifEntry *addEntry(
    ExifData *exif, ExifIfd ifd, ExifTag tag, ExifFormat format, unsigned long components)
{
    ExifMem *mem = exif_mem_new_default();
    ExifEntry *entry = exif_entry_new_mem(mem);
    const unsigned int size = exif_format_get_size(format) * components;
    entry->data = static_cast<unsigned char *>(exif_mem_alloc(mem, size));
    entry->size = size;
    entry->tag = tag;
    entry->components = components;
    entry->format = format;
    exif_content_add_entry(exif->ifd[ifd], entry);
    exif_mem_unref(mem);
    exif_entry_unref(entry);
    return entry;
}

void setDegrees(ExifEntry *entry, ExifByteOrder order, double degrees)
{
    const double minutes = (degrees - int(degrees)) * 60;
    const double seconds = (minutes - int(minutes)) * 60;
    const ExifRational parts[3]
        = { { ExifLong(degrees), 1 }, { ExifLong(minutes), 1 }, { ExifLong(seconds * 100), 100 } };
    for (int i = 0; i < 3; ++i)
        exif_set_rational(entry->data + std::ptrdiff_t(i) * 8, order, parts[i]);
}

/// An APP1 payload ("Exif\0\0" + TIFF) with IFD0 Orientation and a GPS IFD with the
/// latitude and longitude of Berlin; optionally carrying `thumbnail` (a JPEG) in IFD1.
QByteArray exifPayload(int orientation, const QByteArray &thumbnail = {})
{
    const ExifPtr exif(exif_data_new());
    const ExifByteOrder order = EXIF_BYTE_ORDER_INTEL;
    exif_data_set_option(exif.get(), EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
    exif_data_set_data_type(exif.get(), EXIF_DATA_TYPE_COMPRESSED);
    exif_data_set_byte_order(exif.get(), order);

    ExifEntry *orientationEntry = exif_entry_new();
    exif_content_add_entry(exif->ifd[EXIF_IFD_0], orientationEntry);
    exif_entry_initialize(orientationEntry, EXIF_TAG_ORIENTATION);
    exif_set_short(orientationEntry->data, order, ExifShort(orientation));
    exif_entry_unref(orientationEntry);

    ExifEntry *latRef = addEntry(
        exif.get(), EXIF_IFD_GPS, ExifTag(EXIF_TAG_GPS_LATITUDE_REF), EXIF_FORMAT_ASCII, 2);
    std::memcpy(latRef->data, "N", 2);
    setDegrees(
        addEntry(exif.get(), EXIF_IFD_GPS, ExifTag(EXIF_TAG_GPS_LATITUDE), EXIF_FORMAT_RATIONAL, 3),
        order, 52.5200);
    ExifEntry *lngRef = addEntry(
        exif.get(), EXIF_IFD_GPS, ExifTag(EXIF_TAG_GPS_LONGITUDE_REF), EXIF_FORMAT_ASCII, 2);
    std::memcpy(lngRef->data, "E", 2);
    setDegrees(addEntry(exif.get(), EXIF_IFD_GPS, ExifTag(EXIF_TAG_GPS_LONGITUDE),
                   EXIF_FORMAT_RATIONAL, 3),
        order, 13.4050);

    if (!thumbnail.isEmpty()) {
        exif->data = static_cast<unsigned char *>(malloc(size_t(thumbnail.size())));
        std::memcpy(exif->data, thumbnail.constData(), size_t(thumbnail.size()));
        exif->size = unsigned(thumbnail.size());
    }

    unsigned char *buffer = nullptr;
    unsigned int length = 0;
    exif_data_save_data(exif.get(), &buffer, &length);
    QByteArray payload(reinterpret_cast<const char *>(buffer), qsizetype(length));
    free(buffer);
    return payload;
}

struct ExifSummary
{
    int entries = 0; ///< in all IFDs together
    bool hasGps = false; ///< GPSLatitude present
    int orientation = 0; ///< 0: none
};

ExifSummary readExif(const QByteArray &jpeg)
{
    ExifSummary summary;
    const ExifPtr exif(exif_data_new_from_data(
        reinterpret_cast<const unsigned char *>(jpeg.constData()), unsigned(jpeg.size())));
    if (!exif)
        return summary;
    for (ExifContent *content : exif->ifd)
        summary.entries += int(content->count);
    summary.hasGps = exif_content_get_entry(exif->ifd[EXIF_IFD_GPS], ExifTag(EXIF_TAG_GPS_LATITUDE))
        != nullptr;
    if (ExifEntry *entry = exif_data_get_entry(exif.get(), EXIF_TAG_ORIENTATION))
        summary.orientation = exif_get_short(entry->data, exif_data_get_byte_order(exif.get()));
    return summary;
}

// ---- PNG by hand -------------------------------------------------------------------------

quint32 crc32(QByteArrayView data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void appendBigEndian32(QByteArray &out, quint32 value)
{
    out.append(char(value >> 24))
        .append(char(value >> 16))
        .append(char(value >> 8))
        .append(char(value));
}

QByteArray pngChunk(QByteArrayView type, const QByteArray &data)
{
    QByteArray chunk;
    appendBigEndian32(chunk, quint32(data.size()));
    const QByteArray body = type.toByteArray() + data;
    chunk.append(body);
    appendBigEndian32(chunk, crc32(body));
    return chunk;
}

/// A valid PNG header announcing width × height RGB pixels, followed by a tiny zlib stream of
/// zeros: a few hundred bytes that would decode to gigabytes.
QByteArray pngBomb(quint32 width, quint32 height)
{
    QByteArray ihdr;
    appendBigEndian32(ihdr, width);
    appendBigEndian32(ihdr, height);
    ihdr.append(char(8)).append(char(2)).append(char(0)).append(char(0)).append(char(0));
    const QByteArray zlib = qCompress(QByteArray(qsizetype(64) * 1024, '\0'), 9).sliced(4);
    return "\x89PNG\r\n\x1A\n"_ba + pngChunk("IHDR", ihdr) + pngChunk("IDAT", zlib)
        + pngChunk("IEND", {});
}

/// The smallest GIF (1×1, one colour): a valid image of a refused format.
QByteArray tinyGif()
{
    return QByteArray::fromHex("47494638396101000100800000ffffff00000021f90401000000002c0000"
                               "0000010001000002024401003b");
}

qint64 peakRssKiB()
{
#ifdef Q_OS_LINUX
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
#else
    return 0;
#endif
}

ProcessedPhoto processedSample(quint32 seed = 7)
{
    auto result = processPhoto(encode(noiseImage(640, 480, 20, seed), "jpeg", 90));
    if (!result)
        qFatal("processing the sample failed: %s", qPrintable(result.error().message));
    return std::move(result).value();
}

QStringList filesBelow(const QString &root)
{
    QStringList files;
    QDir dir(root);
    const auto entries
        = dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &info : entries) {
        if (info.isDir())
            files += filesBelow(info.filePath());
        else
            files.append(info.filePath());
    }
    return files;
}

} // namespace

class TestPhotos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    // First, while the peak memory is still low.
    void decompressionBombIsRefusedFromTheHeader_data();
    void decompressionBombIsRefusedFromTheHeader();
    void oversizedUploadIsRefusedBeforeDecoding();
    void refusedInputs_data();
    void refusedInputs();
    void exifGpsIsStrippedAndOrientationApplied();
    void commentsXmpAndIccAreStripped();
    void acceptedFormats_data();
    void acceptedFormats();
    void pixelFormats_data();
    void pixelFormats();
    void sizes_data();
    void sizes();
    void processesOnManyThreads();
    void storeAndRead();
    void storeIsIdempotent();
    void storeRefusesAWrongHash();
    void readRejectsBadHashes_data();
    void readRejectsBadHashes();
    void concurrentStoreOfTheSamePhoto();
    void medianTimeFor4MbPhoto();
};

void TestPhotos::initTestCase()
{
    // The server is headless: no QGuiApplication, yet the image plugins must load.
    QVERIFY(QCoreApplication::instance());
    QVERIFY(!qobject_cast<QGuiApplication *>(QCoreApplication::instance()));
    const auto formats = QImageReader::supportedImageFormats();
    qInfo() << "image formats (read):" << formats;
    qInfo() << "image formats (write):" << QImageWriter::supportedImageFormats();
    QVERIFY(formats.contains("jpeg"));
    QVERIFY(formats.contains("png"));
    if (!formats.contains("webp"))
        qWarning("no WebP plugin (qt6-image-formats-plugins): WebP uploads will be refused");
}

void TestPhotos::decompressionBombIsRefusedFromTheHeader_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("allocationLimitMb");
    QTest::addColumn<bool>("relaxDimensions");

    QTest::newRow("png 20000x20000") << pngBomb(20000, 20000) << 256 << false;
    QTest::newRow("png 60000x60000") << pngBomb(60000, 60000) << 256 << false;
    QTest::newRow("png 8001 wide") << pngBomb(8001, 100) << 256 << false;
    QTest::newRow("png 7000x7000 (49 MP)") << pngBomb(7000, 7000) << 256 << false;
    const QByteArray jpeg = encode(gradientImage(64, 48), "jpeg", 90);
    QTest::newRow("jpeg 60000x60000") << withFrameSize(jpeg, 60000, 60000) << 256 << false;
    // Dimension limits out of the way: the allocation limit still refuses it.
    QTest::newRow("png 6000x6000 over 64 MB") << pngBomb(6000, 6000) << 64 << true;
}

void TestPhotos::decompressionBombIsRefusedFromTheHeader()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, allocationLimitMb);
    QFETCH(bool, relaxDimensions);
    QVERIFY(!bytes.isEmpty());
    QVERIFY2(bytes.size() < 100'000, "the bomb itself must be small");
    {
        // It is a real image header: Qt reports the huge size without decoding.
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        QVERIFY(reader.size().width() >= 6000);
    }

    PhotoLimits limits;
    limits.allocationLimitMb = allocationLimitMb;
    if (relaxDimensions) {
        limits.maxWidth = 100000;
        limits.maxHeight = 100000;
        limits.maxPixels = qint64(1) << 40;
    }
    const qint64 rssBefore = peakRssKiB();
    QElapsedTimer timer;
    timer.start();
    const auto result = processPhoto(bytes, limits);
    const qint64 elapsed = timer.elapsed();

    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, EC::ImageTooLarge);
    QCOMPARE(httpStatusFor(result.error()), 422);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY2(elapsed < 1000, qPrintable(u"took %1 ms"_s.arg(elapsed)));
    QVERIFY2(peakRssKiB() - rssBefore < 65'536,
        qPrintable(u"peak RSS grew by %1 KiB"_s.arg(peakRssKiB() - rssBefore)));
    QCOMPARE(QImageReader::allocationLimit(), allocationLimitMb);
}

void TestPhotos::oversizedUploadIsRefusedBeforeDecoding()
{
    QByteArray bytes = encode(gradientImage(64, 48), "jpeg", 90).left(600);
    QRandomGenerator rng(1);
    while (bytes.size() < qsizetype(6) * 1024 * 1024)
        bytes.append(char(rng.bounded(256)));
    QElapsedTimer timer;
    timer.start();
    const auto result = processPhoto(bytes);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, EC::PayloadTooLarge);
    QCOMPARE(httpStatusFor(result.error()), 413);
    QVERIFY(result.error().message.contains(u"5.0 MB"_s));
    QVERIFY2(timer.elapsed() < 1000, "must not decode");

    // The limit is the caller's: exactly maxBytes is accepted, one more byte is not.
    const QByteArray photo = encode(gradientImage(64, 48), "jpeg", 90);
    PhotoLimits limits;
    limits.maxBytes = photo.size();
    QVERIFY(processPhoto(photo, limits).ok());
    limits.maxBytes = photo.size() - 1;
    QCOMPARE(processPhoto(photo, limits).error().code, EC::PayloadTooLarge);
}

void TestPhotos::refusedInputs_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("qtCanDecodeIt"); ///< a valid image, just not an allowed one
    QTest::addColumn<QString>("messageMentions");

    const QByteArray jpeg = encode(noiseImage(400, 300, 40), "jpeg", 90);
    const QByteArray png = encode(noiseImage(200, 150, 40), "png");
    QVERIFY(jpeg.size() > 10000);

    QTest::newRow("text") << "Hello, this is a shopping list, not a pudding.\n"_ba << false
                          << u"not an image"_s;
    QTest::newRow("text starting like a BMP")
        << "BMW-Treffen mit Pudding, Samstag 14 Uhr\n"_ba << false << u"not an image"_s;
    QTest::newRow("html") << "<!doctype html><html><body>pudding</body></html>"_ba << false
                          << u"not an image"_s;
    QTest::newRow("empty") << QByteArray() << false << u"empty"_s;
    QTest::newRow("truncated jpeg (half)")
        << jpeg.left(jpeg.size() / 2) << false << u"incomplete"_s;
    QTest::newRow("truncated jpeg (no EOI)") << jpeg.chopped(2) << false << u"incomplete"_s;
    QTest::newRow("jpeg header only") << jpeg.left(20) << false << u"damaged"_s;
    QTest::newRow("jpeg signature, then garbage")
        << "\xFF\xD8\xFF\xE0"_ba + QByteArray(2000, 'x') << false << QString();
    {
        // The EXIF thumbnail inside APP1 has an EOI of its own; it must not count.
        const QByteArray thumb = encode(gradientImage(80, 60), "jpeg", 80);
        const QByteArray withThumb = insertSegment(jpeg, 0xE1, exifPayload(1, thumb));
        QVERIFY(withThumb.size() > jpeg.size() + thumb.size());
        QTest::newRow("truncated jpeg with EXIF thumbnail")
            << withThumb.left(withThumb.size() - jpeg.size() / 2) << false << u"incomplete"_s;
    }
    QTest::newRow("truncated png") << png.left(png.size() / 2) << false << QString();
    if (hasWebP()) {
        const QByteArray webp = encode(noiseImage(200, 150, 40), "webp", 80);
        QTest::newRow("truncated webp") << webp.left(webp.size() / 2) << false << QString();
    }
    QTest::newRow("gif") << tinyGif() << true << u"GIF"_s;
    QTest::newRow("bmp") << encode(gradientImage(40, 30), "bmp") << true << u"BMP"_s;
    QTest::newRow("tiff") << encode(gradientImage(40, 30), "tiff") << true << u"TIFF"_s;
    QTest::newRow("heic") << "\0\0\0\x18"_ba + "ftypheic\0\0\0\0mif1heic"_ba + QByteArray(100, 0)
                          << false << u"HEIC"_s;
    QTest::newRow("svg") << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
                            "height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"_ba
                         << false << u"SVG"_s;
    QTest::newRow("svg with prolog")
        << "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"_ba << false
        << u"SVG"_s;
}

void TestPhotos::refusedInputs()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, qtCanDecodeIt);
    QFETCH(QString, messageMentions);
    if (qtCanDecodeIt)
        QVERIFY2(!decode(bytes).isNull(), "the input should be a valid image");

    const auto result = processPhoto(bytes);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, EC::UnsupportedMediaType);
    QCOMPARE(httpStatusFor(result.error()), 415);
    QVERIFY(!result.error().message.isEmpty());
    if (!messageMentions.isEmpty())
        QVERIFY2(
            result.error().message.contains(messageMentions), qPrintable(result.error().message));
}

void TestPhotos::exifGpsIsStrippedAndOrientationApplied()
{
    const QByteArray plain = encode(asymmetricImage(), "jpeg", 95);
    const QByteArray input = insertSegment(plain, 0xE1, exifPayload(6));

    // The input really carries what must not survive.
    const ExifSummary before = readExif(input);
    QVERIFY(before.hasGps);
    QCOMPARE(before.orientation, 6);
    QVERIFY(before.entries >= 5);
    QVERIFY(input.contains("Exif"));

    const auto result = processPhoto(input);
    QVERIFY2(result.ok(), whyNot(result).constData());
    const ProcessedPhoto &photo = result.value();
    QCOMPARE(photo.sourceFormat, "jpeg"_ba);
    QCOMPARE(photo.width, 200); // rotated by 90°, not upscaled
    QCOMPARE(photo.height, 400);
    QCOMPARE(photo.sha256, QCryptographicHash::hash(photo.display, QCryptographicHash::Sha256));

    for (const QByteArray &output : { photo.display, photo.thumbnail }) {
        QVERIFY(output.startsWith("\xFF\xD8\xFF"));
        const ExifSummary after = readExif(output);
        QCOMPARE(after.entries, 0);
        QVERIFY(!after.hasGps);
        QCOMPARE(after.orientation, 0);
        QCOMPARE(metadataSegments(output), QStringList());
        QVERIFY(!output.contains("Exif"));
    }

    // Orientation 6: rotate 90° clockwise. The red left half is now on top, the green corner
    // (top-left before) at the top right.
    const QImage display = decode(photo.display);
    QCOMPARE(display.size(), QSize(200, 400));
    const QList<std::pair<QPoint, QColor>> expectations {
        { { 100, 120 }, Qt::red },
        { { 100, 300 }, Qt::blue },
        { { 180, 20 }, Qt::green },
        { { 20, 20 }, Qt::red },
        { { 20, 380 }, Qt::blue },
        { { 180, 380 }, Qt::blue },
    };
    for (const auto &[point, colour] : expectations) {
        const QRgb pixel = display.pixel(point);
        QVERIFY2(near(pixel, colour),
            qPrintable(describe(pixel) + u" at %1,%2"_s.arg(point.x()).arg(point.y())));
    }
    const QImage thumbnail = decode(photo.thumbnail);
    QCOMPARE(thumbnail.size(), QSize(128, 256));
    QVERIFY(near(thumbnail.pixel(64, 60), Qt::red));
    QVERIFY(near(thumbnail.pixel(64, 200), Qt::blue));
    QVERIFY(near(thumbnail.pixel(120, 5), Qt::green));
}

void TestPhotos::commentsXmpAndIccAreStripped()
{
    // A Display P3 photo with a comment (Qt writes COM and an ICC APP2) and an XMP packet.
    QImage source(320, 240, QImage::Format_RGB32);
    const QColor p3Colour(200, 120, 60);
    source.fill(p3Colour);
    source.setColorSpace(QColorSpace::DisplayP3);
    source.setText(u"Description"_s, u"secret: Musterstrasse 1, Berlin"_s);
    QByteArray input = encode(source, "jpeg", 95);
    input = insertSegment(input, 0xE1,
        "http://ns.adobe.com/xap/1.0/\0"_ba
            + "<x:xmpmeta><exif:GPSLatitude>52,31.2N</exif:GPSLatitude>"
              "</x:xmpmeta>"_ba);
    const QStringList inputMetadata = metadataSegments(input);
    QVERIFY2(inputMetadata.size() >= 3, qPrintable(inputMetadata.join(u", ")));
    QVERIFY(input.contains("secret"));
    QVERIFY(input.contains("ICC_PROFILE"));
    QVERIFY(input.contains("GPSLatitude"));

    const auto result = processPhoto(input);
    QVERIFY2(result.ok(), whyNot(result).constData());
    for (const QByteArray &output : { result.value().display, result.value().thumbnail }) {
        QCOMPARE(metadataSegments(output), QStringList());
        QVERIFY(!output.contains("secret"));
        QVERIFY(!output.contains("ICC_PROFILE"));
        QVERIFY(!output.contains("GPSLatitude"));
        const QImage decoded = decode(output);
        QVERIFY(!decoded.colorSpace().isValid()); // untagged, i.e. sRGB
        QVERIFY(decoded.text().isEmpty());
        // The colours were converted to sRGB before the profile was dropped.
        const QColor expected = QColorSpace(QColorSpace::DisplayP3)
                                    .transformationToColorSpace(QColorSpace::SRgb)
                                    .map(p3Colour);
        const QRgb pixel = decoded.pixel(decoded.width() / 2, decoded.height() / 2);
        QVERIFY2(near(pixel, expected, 6),
            qPrintable(describe(pixel) + u" expected "_s + describe(expected.rgb())));
    }
}

void TestPhotos::acceptedFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("jpeg") << u"jpeg"_s;
    QTest::newRow("png with alpha, claimed to be a JPEG") << u"png"_s;
    QTest::newRow("webp") << u"webp"_s;
}

void TestPhotos::acceptedFormats()
{
    QFETCH(QString, format);
    if (format == u"webp" && !hasWebP())
        QSKIP("no WebP plugin");

    // Left half fully transparent, right half opaque green.
    QImage source(300, 200, QImage::Format_ARGB32);
    source.fill(Qt::transparent);
    QPainter painter(&source);
    painter.fillRect(150, 0, 150, 200, QColor(0, 160, 0));
    painter.end();
    const QByteArray bytes = encode(source, qPrintable(format), 90);
    QVERIFY(!bytes.isEmpty());
    // What a client claimed (image/jpeg, photo.jpg) never reaches processPhoto: the bytes decide.

    const auto result = processPhoto(bytes);
    QVERIFY2(result.ok(), whyNot(result).constData());
    const ProcessedPhoto &photo = result.value();
    QCOMPARE(photo.sourceFormat, format.toLatin1());
    QVERIFY(photo.display.startsWith("\xFF\xD8\xFF"));
    QVERIFY(photo.thumbnail.startsWith("\xFF\xD8\xFF"));
    QCOMPARE(QSize(photo.width, photo.height), QSize(300, 200));
    QCOMPARE(photo.sha256.size(), 32);

    const QImage display = decode(photo.display);
    QVERIFY(!display.hasAlphaChannel());
    if (format != u"jpeg") { // JPEG has no alpha: its transparent half was black
        QVERIFY2(near(display.pixel(50, 100), Qt::white, 8),
            qPrintable(describe(display.pixel(50, 100))));
    }
    QVERIFY2(near(display.pixel(250, 100), QColor(0, 160, 0), 12),
        qPrintable(describe(display.pixel(250, 100))));
    QCOMPARE(decode(photo.thumbnail).size(), QSize(256, 171));
}

void TestPhotos::pixelFormats_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QColor>("expected");

    const QColor colour(120, 160, 200);
    const QColor grey(150, 150, 150);
    const auto filled = [](QImage::Format format, QColor fill) {
        QImage image(200, 100, QImage::Format_RGB32);
        image.fill(fill);
        return image.convertToFormat(format);
    };
    QTest::newRow("grey png") << encode(filled(QImage::Format_Grayscale8, grey), "png") << grey;
    QTest::newRow("grey jpeg") << encode(filled(QImage::Format_Grayscale8, grey), "jpeg", 95)
                               << grey;
    QTest::newRow("16-bit png") << encode(filled(QImage::Format_RGBA64, colour), "png") << colour;
    QTest::newRow("indexed png") << encode(filled(QImage::Format_Indexed8, colour), "png")
                                 << colour;
    {
        // A grey PNG with a gAMA chunk (gamma 1.8): Qt gives it a colour space, which must be
        // converted to sRGB before the output drops it.
        QByteArray png = encode(filled(QImage::Format_Grayscale8, grey), "png");
        QByteArray gamma;
        appendBigEndian32(gamma, 55556); // 1/1.8 × 100000
        png.insert(8 + 25, pngChunk("gAMA", gamma));
        const QImage decoded = decode(png);
        QVERIFY(decoded.colorSpace().isValid());
        QVERIFY(decoded.colorSpace() != QColorSpace::SRgb);
        QTest::newRow("grey png with gamma 1.8")
            << png
            << QColor(decoded.colorSpace().transformationToColorSpace(QColorSpace::SRgb).map(grey));
    }
    QImage deepInP3 = filled(QImage::Format_RGBA64, colour);
    deepInP3.setColorSpace(QColorSpace::DisplayP3);
    QTest::newRow("16-bit png with a colour space")
        << encode(deepInP3, "png")
        << QColor(QColorSpace(QColorSpace::DisplayP3)
                      .transformationToColorSpace(QColorSpace::SRgb)
                      .map(colour));
}

void TestPhotos::pixelFormats()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QColor, expected);
    QVERIFY(!bytes.isEmpty());

    const auto result = processPhoto(bytes);
    QVERIFY2(result.ok(), whyNot(result).constData());
    const QImage display = decode(result.value().display);
    QCOMPARE(display.size(), QSize(200, 100));
    QVERIFY(!display.colorSpace().isValid());
    const QRgb pixel = display.pixel(100, 50);
    QVERIFY2(near(pixel, expected, 6),
        qPrintable(describe(pixel) + u" expected "_s + describe(expected.rgb())));
}

void TestPhotos::sizes_data()
{
    QTest::addColumn<QSize>("source");
    QTest::addColumn<QSize>("display");
    QTest::addColumn<QSize>("thumbnail");

    QTest::newRow("4000x3000") << QSize(4000, 3000) << QSize(1280, 960) << QSize(256, 192);
    QTest::newRow("3000x4000") << QSize(3000, 4000) << QSize(960, 1280) << QSize(192, 256);
    QTest::newRow("1281x721") << QSize(1281, 721) << QSize(1280, 720) << QSize(256, 144);
    QTest::newRow("1280x720 exactly") << QSize(1280, 720) << QSize(1280, 720) << QSize(256, 144);
    QTest::newRow("500x300 not upscaled") << QSize(500, 300) << QSize(500, 300) << QSize(256, 154);
    QTest::newRow("100x50 not upscaled") << QSize(100, 50) << QSize(100, 50) << QSize(100, 50);
    QTest::newRow("256x256") << QSize(256, 256) << QSize(256, 256) << QSize(256, 256);
    QTest::newRow("3000x10 sliver") << QSize(3000, 10) << QSize(1280, 4) << QSize(256, 1);
}

void TestPhotos::sizes()
{
    QFETCH(QSize, source);
    QFETCH(QSize, display);
    QFETCH(QSize, thumbnail);

    const auto result
        = processPhoto(encode(gradientImage(source.width(), source.height()), "jpeg", 90));
    QVERIFY2(result.ok(), whyNot(result).constData());
    const ProcessedPhoto &photo = result.value();
    const QSize displaySize = decode(photo.display).size();
    const QSize thumbnailSize = decode(photo.thumbnail).size();
    QCOMPARE(QSize(photo.width, photo.height), displaySize);

    const auto close = [](QSize actual, QSize expected) {
        return std::abs(actual.width() - expected.width()) <= 1
            && std::abs(actual.height() - expected.height()) <= 1;
    };
    QVERIFY2(close(displaySize, display),
        qPrintable(u"display %1x%2"_s.arg(displaySize.width()).arg(displaySize.height())));
    QVERIFY2(close(thumbnailSize, thumbnail),
        qPrintable(u"thumbnail %1x%2"_s.arg(thumbnailSize.width()).arg(thumbnailSize.height())));
    QVERIFY(std::max(displaySize.width(), displaySize.height()) <= 1280);
    QVERIFY(std::max(thumbnailSize.width(), thumbnailSize.height()) <= 256);
    // Never upscaled, aspect ratio kept to a pixel.
    QVERIFY(displaySize.width() <= source.width() && displaySize.height() <= source.height());
    QVERIFY(thumbnailSize.width() <= source.width() && thumbnailSize.height() <= source.height());
    for (const QSize size : { displaySize, thumbnailSize }) {
        const double expectedWidth = double(size.height()) * source.width() / source.height();
        const double expectedHeight = double(size.width()) * source.height() / source.width();
        QVERIFY(std::abs(size.width() - expectedWidth) <= 1.0
            || std::abs(size.height() - expectedHeight) <= 1.0);
    }
}

void TestPhotos::processesOnManyThreads()
{
    QList<QByteArray> inputs;
    for (quint32 seed = 0; seed < 8; ++seed)
        inputs.append(encode(noiseImage(900, 600, 20, seed), seed % 2 ? "png" : "jpeg", 90));
    QThreadPool pool;
    pool.setMaxThreadCount(4);
    const QList<QByteArray> hashes
        = QtConcurrent::blockingMapped(&pool, inputs, [](const QByteArray &bytes) {
              const auto result = processPhoto(bytes);
              return result ? result.value().sha256 : QByteArray();
          });
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        QCOMPARE(hashes[i].size(), 32);
        QCOMPARE(hashes[i], processPhoto(inputs[i]).value().sha256); // deterministic
    }
}

void TestPhotos::storeAndRead()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PhotoStore store(dir.path() + u"/photos"_s);
    const ProcessedPhoto photo = processedSample();

    const auto stored = store.store(photo);
    QVERIFY2(stored.ok(), whyNot(stored).constData());
    const QString &hex = stored.value();
    QCOMPARE(hex, QString::fromLatin1(photo.sha256.toHex()));
    QCOMPARE(hex.size(), 64);

    const QString displayPath = store.pathFor(hex.toLatin1(), PhotoStore::Size::Display);
    const QString thumbPath = store.pathFor(hex.toLatin1(), PhotoStore::Size::Thumbnail);
    QCOMPARE(displayPath,
        dir.path() + u"/photos/"_s + hex.first(2) + u'/' + hex.sliced(2, 2) + u'/' + hex
            + u".jpg"_s);
    QCOMPARE(thumbPath,
        dir.path() + u"/photos/"_s + hex.first(2) + u'/' + hex.sliced(2, 2) + u'/' + hex
            + u".thumb.jpg"_s);
    QVERIFY(QFileInfo::exists(displayPath));
    QVERIFY(QFileInfo::exists(thumbPath));

    QCOMPARE(store.read(hex.toLatin1(), PhotoStore::Size::Display).value_or(QByteArray()),
        photo.display);
    QCOMPARE(store.read(hex.toLatin1(), PhotoStore::Size::Thumbnail).value_or(QByteArray()),
        photo.thumbnail);
    QFile file(displayPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), photo.display);

    const QByteArray absent = QByteArray(64, 'a');
    QVERIFY(!store.read(absent, PhotoStore::Size::Display));
}

void TestPhotos::storeIsIdempotent()
{
    QTemporaryDir dir;
    PhotoStore store(dir.path());
    const ProcessedPhoto photo = processedSample();
    const auto first = store.store(photo);
    QVERIFY(first.ok());
    const QString path = store.pathFor(first.value().toLatin1(), PhotoStore::Size::Display);
    const QDateTime written = QFileInfo(path).lastModified();

    // Same picture uploaded again: processed again, same bytes, same hash, nothing rewritten.
    const auto second = store.store(processedSample());
    QVERIFY(second.ok());
    QCOMPARE(second.value(), first.value());
    QCOMPARE(QFileInfo(path).lastModified(), written);
    QCOMPARE(filesBelow(dir.path()).size(), 2);

    // A damaged file is repaired by the next store of the same content.
    QFile damaged(path);
    QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("broken");
    damaged.close();
    QVERIFY(store.store(photo).ok());
    QCOMPARE(store.read(first.value().toLatin1(), PhotoStore::Size::Display).value_or(QByteArray()),
        photo.display);

    // A different photo lands elsewhere.
    const auto other = store.store(processedSample(8));
    QVERIFY(other.ok());
    QVERIFY(other.value() != first.value());
    QCOMPARE(filesBelow(dir.path()).size(), 4);
}

void TestPhotos::storeRefusesAWrongHash()
{
    QTemporaryDir dir;
    PhotoStore store(dir.path());
    ProcessedPhoto photo = processedSample();
    photo.sha256 = QCryptographicHash::hash("something else", QCryptographicHash::Sha256);
    const auto result = store.store(photo);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, EC::Internal);
    QCOMPARE(httpStatusFor(result.error()), 500);
    QVERIFY(filesBelow(dir.path()).isEmpty());
}

void TestPhotos::readRejectsBadHashes_data()
{
    QTest::addColumn<QByteArray>("hash");
    const QByteArray valid = QCryptographicHash::hash("x", QCryptographicHash::Sha256).toHex();
    QTest::newRow("path traversal") << "../etc/passwd"_ba;
    QTest::newRow("traversal padded to 64") << ("../../../../etc/passwd"_ba + QByteArray(42, 'a'));
    QTest::newRow("uppercase") << valid.toUpper();
    QTest::newRow("short") << valid.chopped(1);
    QTest::newRow("long") << valid + "0";
    QTest::newRow("not hex") << valid.chopped(1) + "g";
    QTest::newRow("slash inside") << valid.first(30) + "/" + valid.sliced(31);
    QTest::newRow("NUL inside") << valid.first(30) + "\0"_ba + valid.sliced(31);
    QTest::newRow("empty") << QByteArray();
}

void TestPhotos::readRejectsBadHashes()
{
    QFETCH(QByteArray, hash);
    QTemporaryDir dir;
    PhotoStore store(dir.path());
    // Something a traversal could reach, to be sure nothing is read from outside.
    QFile secret(dir.path() + u"/passwd"_s);
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("root:x:0:0");
    secret.close();

    QVERIFY(!PhotoStore::isValidHash(hash));
    QCOMPARE(store.pathFor(hash, PhotoStore::Size::Display), QString());
    QVERIFY(!store.read(hash, PhotoStore::Size::Display));
    QVERIFY(!store.read(hash, PhotoStore::Size::Thumbnail));
}

void TestPhotos::concurrentStoreOfTheSamePhoto()
{
    QTemporaryDir dir;
    PhotoStore store(dir.path());
    const ProcessedPhoto photo = processedSample();
    constexpr int writers = 8;

    QThreadPool pool;
    pool.setMaxThreadCount(writers);
    std::latch start(writers);
    QList<QFuture<QString>> futures;
    for (int i = 0; i < writers; ++i) {
        futures.append(QtConcurrent::run(&pool, [&store, &photo, &start] {
            start.arrive_and_wait(); // all at once
            const auto result = store.store(photo);
            return result ? result.value() : QString();
        }));
    }
    const QString expected = QString::fromLatin1(photo.sha256.toHex());
    for (auto &future : futures)
        QCOMPARE(future.result(), expected);

    const QStringList files = filesBelow(dir.path());
    QCOMPARE(files.size(), 2); // display and thumbnail, no temporary files left over
    QCOMPARE(store.read(expected.toLatin1(), PhotoStore::Size::Display).value_or(QByteArray()),
        photo.display);
    QCOMPARE(store.read(expected.toLatin1(), PhotoStore::Size::Thumbnail).value_or(QByteArray()),
        photo.thumbnail);
}

void TestPhotos::medianTimeFor4MbPhoto()
{
    // A 12-megapixel camera-sized JPEG of about 4 MB (noise keeps it from compressing).
    const QByteArray input = encode(noiseImage(4000, 3000, 13), "jpeg", 90);
    QVERIFY2(input.size() > 3'500'000 && input.size() < qsizetype(5) * 1024 * 1024,
        qPrintable(QString::number(input.size())));
    QList<qint64> times;
    ProcessedPhoto last;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto result = processPhoto(input);
        times.append(timer.nsecsElapsed() / 1000);
        QVERIFY(result.ok());
        last = std::move(result).value();
    }
    std::sort(times.begin(), times.end());
    qInfo("processPhoto, %.2f MB 4000x3000 JPEG -> %dx%d (%.0f KB) + thumbnail (%.0f KB): "
          "median %.1f ms over 5 runs (min %.1f, max %.1f)",
        double(input.size()) / (1024 * 1024), last.width, last.height,
        double(last.display.size()) / 1024, double(last.thumbnail.size()) / 1024,
        double(times[2]) / 1000, double(times.first()) / 1000, double(times.last()) / 1000);
}

QTEST_GUILESS_MAIN(TestPhotos)
#include "tst_photos.moc"
