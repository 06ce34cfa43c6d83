// SPDX-License-Identifier: GPL-3.0-or-later
#include "tilenetworkfactory.h"

#include <QCoreApplication>
#include <QNetworkDiskCache>
#include <QNetworkRequest>
#include <QQmlEngine>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

QNetworkAccessManager *TileNetworkFactory::create(QObject *parent)
{
    auto *manager = new TileNetworkAccessManager(parent);
    // One cache object per manager (they cannot be shared), all on the same directory.
    auto *cache = new QNetworkDiskCache(manager);
    cache->setCacheDirectory(cacheDirectory());
    cache->setMaximumCacheSize(CacheBytes);
    manager->setCache(cache);
    return manager;
}

void TileNetworkFactory::install(QQmlEngine &engine)
{
    engine.setNetworkAccessManagerFactory(new TileNetworkFactory);
}

QByteArray TileNetworkFactory::userAgent()
{
    QString version = QCoreApplication::applicationVersion();
    if (version.isEmpty())
        version = u"0"_s;
    return "PuddingGabel/" + version.toUtf8() + " (desktop app; pudding meetups)";
}

QString TileNetworkFactory::cacheDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/tiles"_s;
}

TileNetworkAccessManager::TileNetworkAccessManager(QObject *parent)
    : QNetworkAccessManager(parent)
    , m_userAgent(TileNetworkFactory::userAgent())
{ }

QNetworkReply *TileNetworkAccessManager::createRequest(
    Operation op, const QNetworkRequest &request, QIODevice *outgoingData)
{
    QNetworkRequest stamped(request);
    stamped.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    stamped.setRawHeader("Expect", QByteArray()); // a null value removes the header
    stamped.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    stamped.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    stamped.setAttribute(QNetworkRequest::CacheSaveControlAttribute, true);
    return QNetworkAccessManager::createRequest(op, stamped, outgoingData);
}

} // namespace Pudding::Client
