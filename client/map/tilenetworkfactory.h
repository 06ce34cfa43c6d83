// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QQmlNetworkAccessManagerFactory>

class QQmlEngine;

namespace Pudding::Client {

/// The network access of QML (map tiles, remote images): one QNetworkAccessManager per QML
/// thread, made to follow the OpenStreetMap tile usage policy:
///  - an honest User-Agent, "PuddingGabel/<version> (desktop app; pudding meetups)";
///  - a 200 MB disk cache under <cache location>/tiles, preferred over the network but only
///    while an entry is fresh (its HTTP expiry is honoured);
///  - HTTP/2 off (Debian's Qt 6.4 may lack the HPACK fix) and no `Expect` header.
///
/// Install it before the first QML is loaded: `TileNetworkFactory::install(engine);`.
class TileNetworkFactory : public QQmlNetworkAccessManagerFactory
{
public:
    /// Disk cache budget for tiles.
    static constexpr qint64 CacheBytes = 200LL * 1024 * 1024;

    /// Creates a manager; QML calls this once per thread that loads something (reentrant).
    QNetworkAccessManager *create(QObject *parent) override;

    /// Makes `engine` use this factory; the engine takes ownership of it.
    static void install(QQmlEngine &engine);

    /// The User-Agent value sent with every request.
    [[nodiscard]] static QByteArray userAgent();
    /// Where tiles are cached on disk.
    [[nodiscard]] static QString cacheDirectory();
};

/// The manager TileNetworkFactory hands out: stamps every request as described there.
class TileNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT
public:
    explicit TileNetworkAccessManager(QObject *parent = nullptr);

protected:
    QNetworkReply *createRequest(
        Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    QByteArray m_userAgent;
};

} // namespace Pudding::Client
