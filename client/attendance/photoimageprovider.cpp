// SPDX-License-Identifier: GPL-3.0-or-later
#include "photoimageprovider.h"
#include "shared/futures.h"

#include "api/apiclient.h"
#include "api/endpoints.h"

#include <QImage>
#include <QPointer>
#include <QQmlEngine>
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
        QMetaObject::invokeMethod(
            this, [this] { start(); }, Qt::QueuedConnection);
    }

    [[nodiscard]] QQuickTextureFactory *textureFactory() const override
    {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }
    [[nodiscard]] QString errorString() const override { return m_error; }

    void cancel() override
    {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_cancelled)
                    return;
                m_cancelled = true;
                if (m_call)
                    m_call->abort();
                Q_EMIT finished();
            },
            Qt::QueuedConnection);
    }

private:
    void start()
    {
        if (m_cancelled)
            return;
        QUrlQuery query;
        if (m_thumb)
            query.addQueryItem(u"size"_s, u"thumb"_s);
        m_call = ApiClient::instance()->get(Endpoints::photo(m_photoId), query);
        connect(m_call, &ApiCall::finished, this, [this, call = m_call.data()] { received(call); });
    }

    void received(ApiCall *call)
    {
        m_call = nullptr;
        if (m_cancelled)
            return;
        const int status = call->status();
        if (status != 200) {
            m_error = QCoreApplication::translate(
                "PhotoImageProvider", "The photo could not be loaded (%1).")
                          .arg(call->isNetworkFailure() ? call->error()->message
                                                        : QString::number(status));
            Q_EMIT finished();
            return;
        }
        const QByteArray &bytes = call->rawBody();
        const QSize size = m_requestedSize;
        // Decoding a full-size photo takes a while: not on the GUI thread.
        auto decoded = QtConcurrent::run([bytes, size] {
            QImage image = QImage::fromData(bytes);
            if (!image.isNull() && size.isValid() && !size.isEmpty())
                image = image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            return image;
        });
        onFinished(decoded, this, [this](const QImage &image) {
            if (m_cancelled)
                return;
            m_image = image;
            if (image.isNull())
                m_error = QCoreApplication::translate(
                    "PhotoImageProvider", "The photo could not be decoded.");
            Q_EMIT finished();
        });
    }

    qint64 m_photoId = 0;
    bool m_thumb = false;
    bool m_cancelled = false;
    QSize m_requestedSize;
    QPointer<ApiCall> m_call;
    QImage m_image;
    QString m_error;
};

} // namespace

void PhotoImageProvider::install(QQmlEngine &engine)
{
    engine.addImageProvider(QString::fromLatin1(Id), new PhotoImageProvider);
}

QQuickImageResponse *PhotoImageProvider::requestImageResponse(
    const QString &id, const QSize &requestedSize)
{
    return new PhotoImageResponse(id, requestedSize);
}

} // namespace Pudding::Client
