// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQuickAsyncImageProvider>
#include <QUrl>

class QNetworkReply;

namespace Pudding::Client {

/// Loads map tiles for TileLayer ("image://pudding-tiles/<encoded tile URL>"), through a
/// TileNetworkAccessManager (honest User-Agent, disk cache, no HTTP/2: see
/// TileNetworkFactory) on the image loading thread.
///
/// A tile that cannot be loaded (offline, HTTP error, not an image) comes back as a fully
/// transparent image instead of an error, so the base map shows through and QML logs no
/// warning per tile: without a network that would be one for every tile on screen. Failures
/// go to the "pudding.map.tiles" logging category (debug).
class TileImageProvider : public QQuickAsyncImageProvider
{
public:
    static constexpr QLatin1StringView Id { "pudding-tiles" };

    QQuickImageResponse *requestImageResponse(
        const QString &id, const QSize &requestedSize) override;

    /// Adds the provider to `engine` unless it has it already.
    static void ensureInstalled(QQmlEngine *engine);
    /// The image URL that makes Image load `tileUrl` through the provider (and back).
    [[nodiscard]] static QUrl imageUrl(const QString &tileUrl);
    [[nodiscard]] static QUrl tileUrl(const QString &imageId);
};

/// One tile in flight (lives on the image loading thread).
class TileResponse : public QQuickImageResponse
{
    Q_OBJECT
public:
    TileResponse(const QUrl &url, const QSize &requestedSize);

    [[nodiscard]] QQuickTextureFactory *textureFactory() const override;
    void cancel() override;

private:
    void finish();

    QPointer<QNetworkReply> m_reply;
    QSize m_requestedSize;
    QImage m_image;
};

/// Tile URLs for QML. Using it makes sure the engine has the TileImageProvider.
class MapTiles : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    /// One per engine, owned by it; installs the image provider on that engine.
    static MapTiles *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    /// The Image source for tile (zoom, x, y) of `urlTemplate` ("{z}", "{x}", "{y}" are
    /// replaced; x wraps around the antimeridian). Empty when the tile does not exist.
    Q_INVOKABLE QUrl url(const QString &urlTemplate, int zoom, int x, int y) const;

private:
    // Not default-constructible from outside: Qt 6.4 would then bypass create().
    explicit MapTiles(QObject *parent = nullptr);
};

} // namespace Pudding::Client
