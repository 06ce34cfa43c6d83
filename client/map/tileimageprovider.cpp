// SPDX-License-Identifier: GPL-3.0-or-later
#include "tileimageprovider.h"

#include "tilenetworkfactory.h"

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QThread>

using namespace Qt::StringLiterals;

// Every failed tile, on request only: QT_LOGGING_RULES="pudding.map.tiles.debug=true".
Q_LOGGING_CATEGORY(lcTiles, "pudding.map.tiles", QtInfoMsg)

namespace Pudding::Client {
namespace {

// One manager per loading thread (connections are kept alive between tiles), deleted when
// that thread finishes.
QNetworkAccessManager *threadNetworkManager()
{
    thread_local QNetworkAccessManager *manager = nullptr;
    if (!manager) {
        TileNetworkFactory factory;
        QNetworkAccessManager *created = factory.create(nullptr);
        manager = created;
        QObject::connect(
            QThread::currentThread(), &QThread::finished, created, [created] { delete created; },
            Qt::DirectConnection);
    }
    return manager;
}

QImage transparentTile()
{
    QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
}

} // namespace

QQuickImageResponse *TileImageProvider::requestImageResponse(
    const QString &id, const QSize &requestedSize)
{
    return new TileResponse(tileUrl(id), requestedSize);
}

void TileImageProvider::ensureInstalled(QQmlEngine *engine)
{
    if (engine && !engine->imageProvider(Id))
        engine->addImageProvider(Id, new TileImageProvider);
}

QUrl TileImageProvider::imageUrl(const QString &tileUrl)
{
    // Base64url: the tile URL comes back unchanged whatever it contains.
    const QByteArray encoded
        = tileUrl.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QUrl(u"image://"_s + Id + u'/' + QString::fromLatin1(encoded));
}

QUrl TileImageProvider::tileUrl(const QString &imageId)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        imageId.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return decoded ? QUrl(QString::fromUtf8(*decoded)) : QUrl();
}

TileResponse::TileResponse(const QUrl &url, const QSize &requestedSize)
    : m_requestedSize(requestedSize)
{
    if (!url.isValid()) {
        m_image = transparentTile();
        QMetaObject::invokeMethod(this, &QQuickImageResponse::finished, Qt::QueuedConnection);
        return;
    }
    m_reply = threadNetworkManager()->get(QNetworkRequest(url));
    connect(m_reply, &QNetworkReply::finished, this, &TileResponse::finish);
}

void TileResponse::finish()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    if (reply->error() == QNetworkReply::NoError)
        m_image = QImage::fromData(reply->readAll());
    if (m_image.isNull()) {
        qCDebug(lcTiles) << "tile unavailable:" << reply->url() << reply->errorString();
        m_image = transparentTile();
    } else if (m_requestedSize.isValid() && m_image.size() != m_requestedSize) {
        m_image = m_image.scaled(m_requestedSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    Q_EMIT finished();
}

QQuickTextureFactory *TileResponse::textureFactory() const
{
    return QQuickTextureFactory::textureFactoryForImage(m_image);
}

void TileResponse::cancel()
{
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        // A reply that has failed already must not be aborted (Qt 6.4 then reports its error
        // twice, with a warning); deleting it is enough.
        if (!reply->isFinished() && reply->error() == QNetworkReply::NoError)
            reply->abort();
        reply->deleteLater();
    }
    m_image = transparentTile();
    Q_EMIT finished();
}

MapTiles::MapTiles(QObject *parent)
    : QObject(parent)
{ }

MapTiles *MapTiles::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(jsEngine)
    TileImageProvider::ensureInstalled(qmlEngine);
    return new MapTiles; // one per engine, owned by it
}

QUrl MapTiles::url(const QString &urlTemplate, int zoom, int x, int y) const
{
    if (urlTemplate.isEmpty() || zoom < 0 || zoom > 30)
        return {};
    const qint64 n = qint64(1) << zoom;
    if (y < 0 || y >= n)
        return {};
    const qint64 column = ((x % n) + n) % n;
    QString url = urlTemplate;
    url.replace(u"{z}"_s, QString::number(zoom))
        .replace(u"{x}"_s, QString::number(column))
        .replace(u"{y}"_s, QString::number(y));
    return TileImageProvider::imageUrl(url);
}

} // namespace Pudding::Client
