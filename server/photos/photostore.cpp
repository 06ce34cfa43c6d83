// SPDX-License-Identifier: GPL-3.0-or-later
#include "photostore.h"

#include "photoslogging.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {

class PhotoStoreText
{
    Q_DECLARE_TR_FUNCTIONS(Photos)
};

Error storageError()
{
    return Error { QString(Protocol::ErrorCode::Internal),
        PhotoStoreText::tr("The photo could not be saved."), {} };
}

/// Whether `path` already holds exactly `content`.
bool holds(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (file.size() != content.size() || !file.open(QIODevice::ReadOnly))
        return false;
    return file.readAll() == content;
}

/// Writes `content` to `path` atomically, unless it is already there. Concurrent writers of
/// the same content each rename their own complete temporary file over it: any of them wins,
/// and every state in between is a complete, correct file.
bool writeOnce(const QString &path, const QByteArray &content)
{
    if (holds(path, content))
        return true;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcPhotos) << "cannot create" << path << file.errorString();
        return false;
    }
    if (file.write(content) != content.size() || !file.commit()) {
        qCWarning(lcPhotos) << "cannot write" << path << file.errorString();
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace

PhotoStore::PhotoStore(QString root)
    : m_root(std::move(root))
{ }

bool PhotoStore::isValidHash(QByteArrayView hexHash)
{
    return hexHash.size() == 64 && std::all_of(hexHash.begin(), hexHash.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

QString PhotoStore::pathFor(QByteArrayView hexHash, Size size) const
{
    if (!isValidHash(hexHash))
        return {};
    const QString hex = QString::fromLatin1(hexHash);
    const QString suffix = size == Size::Display ? u".jpg"_s : u".thumb.jpg"_s;
    return m_root + u'/' + hex.first(2) + u'/' + hex.sliced(2, 2) + u'/' + hex + suffix;
}

Result<QString> PhotoStore::store(const ProcessedPhoto &photo)
{
    if (photo.display.isEmpty() || photo.thumbnail.isEmpty()
        || photo.sha256 != QCryptographicHash::hash(photo.display, QCryptographicHash::Sha256)) {
        qCWarning(lcPhotos) << "refusing to store a photo whose hash does not match";
        return storageError();
    }
    const QByteArray hex = photo.sha256.toHex();
    const QString displayPath = pathFor(hex, Size::Display);
    if (!QDir().mkpath(QFileInfo(displayPath).path())) {
        qCWarning(lcPhotos) << "cannot create the directory for" << displayPath;
        return storageError();
    }
    // Thumbnail first: once the display file exists, the photo is complete.
    if (!writeOnce(pathFor(hex, Size::Thumbnail), photo.thumbnail)
        || !writeOnce(displayPath, photo.display))
        return storageError();
    return QString::fromLatin1(hex);
}

std::optional<QByteArray> PhotoStore::read(QByteArrayView hexHash, Size size) const
{
    const QString path = pathFor(hexHash, size);
    if (path.isEmpty())
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray content = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return std::nullopt;
    return content;
}

} // namespace Pudding::Server
