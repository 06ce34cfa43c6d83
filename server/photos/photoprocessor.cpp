// SPDX-License-Identifier: GPL-3.0-or-later
#include "photoprocessor.h"

#include "photoslogging.h"
#include "shared/protocol.h"

#include <QBuffer>
#include <QColorSpace>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QMutex>
#include <QPainter>

#include <algorithm>
#include <cstring>
#include <optional>

namespace Pudding::Server {

namespace {

class PhotoText
{
    Q_DECLARE_TR_FUNCTIONS(Photos)
};

namespace EC = Protocol::ErrorCode;

Error unsupported(const QString &message)
{
    return Error { QString(EC::UnsupportedMediaType), message, {} };
}

QString acceptedFormatsHint()
{
    return PhotoText::tr("Please send a JPEG, PNG or WebP photo.");
}

/// The format the first bytes announce, for the whitelist ("jpeg", "png", "webp"), or empty.
/// Only inputs that pass this reach Qt's decoders, so the TIFF, SVG, TGA, … parsers never see
/// untrusted bytes; the decoder's own detection must then agree.
QByteArray sniffFormat(QByteArrayView data)
{
    if (data.size() >= 3 && data.startsWith("\xFF\xD8\xFF"))
        return "jpeg";
    if (data.startsWith("\x89PNG\r\n\x1A\n"))
        return "png";
    if (data.size() >= 12 && data.startsWith("RIFF") && data.sliced(8, 4) == "WEBP")
        return "webp";
    return {};
}

/// A name for formats people commonly try to upload, for a helpful message; else empty.
QString describeRefusedFormat(QByteArrayView data)
{
    if (data.startsWith("GIF87a") || data.startsWith("GIF89a"))
        return u"GIF"_s;
    if (data.size() >= 26 && data.startsWith("BM") && data.sliced(6, 4) == "\0\0\0\0"_ba)
        return u"BMP"_s;
    if (data.startsWith("II*\0"_ba) || data.startsWith("MM\0*"_ba))
        return u"TIFF"_s;
    if (data.size() >= 12 && data.sliced(4, 4) == "ftyp") {
        const QByteArrayView brand = data.sliced(8, 4);
        if (brand == "avif" || brand == "avis")
            return u"AVIF"_s;
        if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1"
            || brand == "hevc")
            return u"HEIC"_s;
    }
    if (data.trimmed().startsWith('<')
        && data.first(std::min<qsizetype>(data.size(), 1024)).contains("<svg"))
        return u"SVG"_s;
    return {};
}

quint16 bigEndian16(QByteArrayView data, qsizetype at)
{
    return quint16((quint16(quint8(data[at])) << 8) | quint8(data[at + 1]));
}

/// Whether a JPEG's marker structure runs up to its End Of Image marker. libjpeg decodes a
/// truncated file "successfully" (grey below the cut, only a warning), so a cut-off upload
/// would otherwise be stored. Walks the segments by their lengths, so the EOI of an EXIF
/// thumbnail inside APP1 does not count; trailing bytes after EOI are allowed.
bool jpegReachesEndOfImage(QByteArrayView data)
{
    const qsizetype size = data.size();
    qsizetype pos = 2; // after SOI
    while (pos + 1 < size) {
        if (quint8(data[pos]) != 0xFF)
            return false;
        const auto marker = quint8(data[pos + 1]);
        if (marker == 0xFF) { // fill byte before a marker
            ++pos;
            continue;
        }
        if (marker == 0xD9) // EOI
            return true;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length field
            pos += 2;
            continue;
        }
        if (pos + 3 >= size)
            return false;
        const qsizetype length = bigEndian16(data, pos + 2);
        if (length < 2 || pos + 2 + length > size)
            return false;
        pos += 2 + length;
        if (marker != 0xDA) // not SOS
            continue;
        // Entropy-coded data: inside it, 0xFF is followed by 0x00 (stuffing) or RSTn, so the
        // next other 0xFF xx is the following marker.
        for (;;) {
            const void *found = std::memchr(data.data() + pos, 0xFF, size_t(size - pos));
            if (!found)
                return false;
            pos = static_cast<const char *>(found) - data.data();
            if (pos + 1 >= size)
                return false;
            const auto next = quint8(data[pos + 1]);
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                pos += 2;
                continue;
            }
            break; // a marker (or a fill byte before one)
        }
    }
    return false;
}

/// QImageReader's allocation limit is process-wide; set it only when it differs, under a
/// lock, so that concurrent calls with the same limits never write it at all.
void ensureAllocationLimit(int megabytes)
{
    static QMutex mutex;
    const QMutexLocker locker(&mutex);
    if (QImageReader::allocationLimit() != megabytes)
        QImageReader::setAllocationLimit(megabytes);
}

/// `size` shrunk to fit a box of side `box` with its aspect ratio kept; never enlarged and
/// never below one pixel.
QSize fitWithin(QSize size, int box)
{
    const int longSide = std::max(size.width(), size.height());
    if (longSide <= box)
        return size;
    const double factor = double(box) / longSide;
    return { std::max(1, qRound(size.width() * factor)),
        std::max(1, qRound(size.height() * factor)) };
}

QImage scaledToFit(const QImage &image, int box)
{
    const QSize target = fitWithin(image.size(), box);
    if (target == image.size())
        return image;
    return image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

/// A new opaque RGB32 image with `image`'s pixels over white: drops alpha and, being a fresh
/// QImage, carries none of the source's text (JPEG comments, PNG tEXt), colour space or DPI.
QImage flattenedOntoWhite(const QImage &image)
{
    QImage result(image.size(), QImage::Format_RGB32);
    result.fill(Qt::white);
    QPainter painter(&result);
    painter.drawImage(0, 0, image);
    painter.end();
    return result;
}

std::optional<QByteArray> encodeJpeg(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    if (writer.supportsOption(QImageIOHandler::OptimizedWrite))
        writer.setOptimizedWrite(true);
    if (writer.supportsOption(QImageIOHandler::ProgressiveScanWrite))
        writer.setProgressiveScanWrite(true);
    if (!writer.write(image)) {
        qCWarning(lcPhotos) << "JPEG encoding failed:" << writer.errorString();
        return std::nullopt;
    }
    return bytes;
}

} // namespace

Result<ProcessedPhoto> processPhoto(const QByteArray &bytes, const PhotoLimits &limits)
{
    QElapsedTimer timer;
    timer.start();

    if (bytes.size() > limits.maxBytes) {
        return Error { QString(EC::PayloadTooLarge),
            PhotoText::tr("The photo is too large (%1 MB); the limit is %2 MB.")
                .arg(double(bytes.size()) / (1024 * 1024), 0, 'f', 1)
                .arg(double(limits.maxBytes) / (1024 * 1024), 0, 'f', 1),
            {} };
    }
    if (bytes.isEmpty())
        return unsupported(PhotoText::tr("The photo is empty.") + u' ' + acceptedFormatsHint());

    const QByteArray sniffed = sniffFormat(bytes);
    if (sniffed.isEmpty()) {
        const QString known = describeRefusedFormat(bytes);
        qCDebug(lcPhotos) << "refused: not JPEG, PNG or WebP" << known;
        if (!known.isEmpty()) {
            return unsupported(PhotoText::tr("%1 images are not accepted.").arg(known) + u' '
                + acceptedFormatsHint());
        }
        return unsupported(
            PhotoText::tr("This file is not an image.") + u' ' + acceptedFormatsHint());
    }
    if (!QImageReader::supportedImageFormats().contains(sniffed)) {
        qCWarning(lcPhotos) << "no Qt image plugin for" << sniffed;
        return unsupported(PhotoText::tr("%1 photos are not supported by this server.")
                               .arg(QString::fromLatin1(sniffed.toUpper()))
            + u' ' + acceptedFormatsHint());
    }

    ensureAllocationLimit(limits.allocationLimitMb);

    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);

    QByteArray format = reader.format();
    if (format == "jpg")
        format = "jpeg";
    if (format != sniffed) {
        qCDebug(lcPhotos) << "refused: decoder says" << format << "but signature says" << sniffed;
        return unsupported(PhotoText::tr("The photo could not be read; the file is damaged.") + u' '
            + acceptedFormatsHint());
    }

    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty()) {
        return unsupported(PhotoText::tr("The photo could not be read; the file is damaged or "
                                         "incomplete."));
    }
    const qint64 pixels = qint64(size.width()) * size.height();
    const qint64 decodedBytes = pixels * 4; // what Qt allocates for a 32-bit image
    if (size.width() > limits.maxWidth || size.height() > limits.maxHeight
        || pixels > limits.maxPixels
        || decodedBytes > qint64(limits.allocationLimitMb) * 1024 * 1024) {
        qCInfo(lcPhotos) << "refused: dimensions" << size << "exceed the limits";
        return Error { QString(Protocol::ErrorCode::ImageTooLarge),
            PhotoText::tr("The photo is %1 × %2 pixels; at most %3 × %4 pixels and "
                          "%5 megapixels are accepted.")
                .arg(size.width())
                .arg(size.height())
                .arg(limits.maxWidth)
                .arg(limits.maxHeight)
                .arg(double(limits.maxPixels) / 1e6, 0, 'f', 0),
            {} };
    }
    if (format == "jpeg" && !jpegReachesEndOfImage(bytes)) {
        return unsupported(PhotoText::tr("The photo is incomplete (the upload was cut off?). "
                                         "Please send it again."));
    }

    QImage image;
    if (!reader.read(&image) || image.isNull()) {
        qCDebug(lcPhotos) << "refused: decoding failed:" << reader.errorString();
        return unsupported(PhotoText::tr("The photo could not be read; the file is damaged or "
                                         "incomplete."));
    }

    QImage display = scaledToFit(image, limits.displaySize);
    image = QImage(); // the decoded original can be large; free it early
    if (display.colorSpace().isValid() && display.colorSpace() != QColorSpace::SRgb)
        display.convertToColorSpace(QColorSpace::SRgb); // before the profile is dropped
    display = flattenedOntoWhite(display);
    const QImage thumbnail = scaledToFit(display, limits.thumbSize);

    auto displayJpeg = encodeJpeg(display, limits.jpegQuality);
    auto thumbnailJpeg = encodeJpeg(thumbnail, limits.jpegQuality);
    if (!displayJpeg || !thumbnailJpeg) {
        return Error { QString(EC::Internal), PhotoText::tr("The photo could not be processed."),
            {} };
    }

    ProcessedPhoto result;
    result.sha256 = QCryptographicHash::hash(*displayJpeg, QCryptographicHash::Sha256);
    result.display = std::move(*displayJpeg);
    result.thumbnail = std::move(*thumbnailJpeg);
    result.width = display.width();
    result.height = display.height();
    result.sourceFormat = format;
    qCDebug(lcPhotos) << "processed" << format << size << "->" << display.size() << "in"
                      << timer.elapsed() << "ms";
    return result;
}

} // namespace Pudding::Server
