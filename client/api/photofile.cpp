// SPDX-License-Identifier: GPL-3.0-or-later
#include "photofile.h"

#include "shared/protocol.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
Error photoError(QLatin1StringView code, const QString &message)
{
    return Error { QString(code), message, { { u"photo"_s, message } } };
}
} // namespace

Result<PhotoFile> PhotoFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return photoError(Protocol::ErrorCode::PhotoUnreadable,
            QCoreApplication::translate("PhotoFile", "This file cannot be opened."));
    if (file.size() > MaxBytes)
        return photoError(Protocol::ErrorCode::PayloadTooLarge,
            QCoreApplication::translate(
                "PhotoFile", "The photo is too large: at most 5 MB, please."));
    PhotoFile photo;
    photo.bytes = file.readAll();
    photo.fileName = QFileInfo(path).fileName();
    // Decide the format from the magic bytes: probing every image plugin with arbitrary
    // content can block in some of them, and the server takes only these three anyway.
    const QByteArrayView head(photo.bytes.constData(), std::min<qsizetype>(photo.bytes.size(), 12));
    QByteArray format;
    if (head.startsWith("\xFF\xD8\xFF"))
        format = "jpeg";
    else if (head.startsWith("\x89PNG\r\n\x1A\n"))
        format = "png";
    else if (head.size() == 12 && head.startsWith("RIFF") && head.sliced(8) == "WEBP")
        format = "webp";
    QBuffer buffer(&photo.bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    reader.setDecideFormatFromContent(false);
    if (format.isEmpty() || !reader.canRead() || reader.size().isEmpty())
        return photoError(Protocol::ErrorCode::UnsupportedMediaType,
            QCoreApplication::translate(
                "PhotoFile", "This is not an image. Use a JPEG, PNG or WebP photo."));
    photo.mime = "image/" + format;
    return photo;
}

} // namespace Pudding::Client
