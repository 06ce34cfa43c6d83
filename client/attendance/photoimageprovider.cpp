// SPDX-License-Identifier: GPL-3.0-or-later
#include "photoimageprovider.h"

#include "api/apiclient.h"

#include <QImage>
#include <QNetworkReply>
#include <QPointer>
#include <QQmlEngine>
#include <QFutureWatcher>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {

/// One photo download. The engine asks for it on its image-loader thread; the object moves to
/// ApiClient's thread at once, so the request, the reply and the result all live there.
class PhotoImageResponse : public QQuickImageResponse
{
public:
    PhotoImageResponse(const QString &id, const QSize &requestedSize)
        : m_requestedSize(requestedSize)
    {
        const QStringList parts = id.split(u'/', Qt::SkipEmptyParts);
        bool ok = false;
        m_photoId = parts.value(0).toLongLong(&ok);
        if (!ok)
            m_photoId = 0;
        m_thumb = parts.value(1) == "thumb"_L1;
        auto *api = ApiClient::instance();
        if (!api || m_photoId <= 0) {
            m_error = QCoreApplication::translate("PhotoImageProvider", "No such photo.");
            QMetaObject::invokeMethod(this, &QQuickImageResponse::finished, Qt::QueuedConnection);
            return;
        }
        moveToThread(api->thread());
        QMetaObject::invokeMethod(this, [this] { start(); }, Qt::QueuedConnection);
    }

    [[nodiscard]] QQuickTextureFactory *textureFactory() const override
    {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }
    [[nodiscard]] QString errorString() const override { return m_error; }

    void cancel() override
    {
        QMetaObject::invokeMethod(this, [this] {
            if (m_cancelled)
                return;
            m_cancelled = true;
            if (m_reply)
                m_reply->deleteLater();
            Q_EMIT finished();
        }, Qt::QueuedConnection);
    }

private:
    void start()
    {
        if (m_cancelled)
            return;
        auto *api = ApiClient::instance();
        QUrl url = api->baseUrl();
        const QString base = url.path().endsWith(u'/') ? url.path().chopped(1) : url.path();
        url.setPath(base + u"/api/photos/"_s + QString::number(m_photoId));
        if (m_thumb)
            url.setQuery(u"size=thumb"_s);
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setTransferTimeout(30000);
        if (!api->token().isEmpty())
            request.setRawHeader("Authorization", "Bearer " + api->token());
        m_reply = api->networkAccessManager()->get(request);
        connect(m_reply, &QNetworkReply::finished, this, [this] { received(); });
    }

    void received()
    {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_cancelled)
            return;
        if (status != 200) {
            m_error = QCoreApplication::translate("PhotoImageProvider",
                                                  "The photo could not be loaded (%1).")
                              .arg(status == 0 ? reply->errorString() : QString::number(status));
            Q_EMIT finished();
            return;
        }
        const QByteArray bytes = reply->readAll();
        const QSize size = m_requestedSize;
        // Decoding a full-size photo takes a while: not on the GUI thread.
        auto *watcher = new QFutureWatcher<QImage>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
            watcher->deleteLater();
            const QImage image = watcher->result();
            if (m_cancelled)
                return;
            m_image = image;
            if (image.isNull())
                m_error = QCoreApplication::translate("PhotoImageProvider",
                                                      "The photo could not be decoded.");
            Q_EMIT finished();
        });
        watcher->setFuture(QtConcurrent::run([bytes, size] {
            QImage image = QImage::fromData(bytes);
            if (!image.isNull() && size.isValid() && !size.isEmpty())
                image = image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            return image;
        }));
    }

    qint64 m_photoId = 0;
    bool m_thumb = false;
    bool m_cancelled = false;
    QSize m_requestedSize;
    QPointer<QNetworkReply> m_reply;
    QImage m_image;
    QString m_error;
};

} // namespace

void PhotoImageProvider::install(QQmlEngine &engine)
{
    engine.addImageProvider(QString::fromLatin1(Id), new PhotoImageProvider);
}

QQuickImageResponse *PhotoImageProvider::requestImageResponse(const QString &id,
                                                              const QSize &requestedSize)
{
    return new PhotoImageResponse(id, requestedSize);
}

} // namespace Pudding::Client
