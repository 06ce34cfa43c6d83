// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fixtures.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QObject>
#include <memory>
#include <vector>

namespace Pudding::Bench {

/// `concurrency` uploaders, each joining events one after the other with the same photo
/// (POST /api/attendance/events/:id/join, multipart puddingName + photo) until `total` uploads
/// are done. Each uploader has its own connection (QNetworkAccessManager allows six per host).
class UploadRun : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl url;
        bool peer = false; ///< the peer has no accounts: the user id goes in X-Bench-User
        QByteArray photo;
        int total = 100;
        int concurrency = 20;
    };
    UploadRun(Config config, QList<Account> uploaders, QList<qint64> events);

    void start();
    [[nodiscard]] QJsonObject result() const;

Q_SIGNALS:
    void finished();

private:
    struct Chain
    {
        std::unique_ptr<QNetworkAccessManager> nam;
        Account account;
        int next = 0;
    };
    void sendNext(size_t chain);

    Config m_config;
    QList<qint64> m_events;
    std::vector<Chain> m_chains;
    QByteArray m_body;
    QByteArray m_boundary = "----puddingBenchUpload";
    QElapsedTimer m_clock;
    int m_started = 0;
    int m_done = 0;
    int m_ok = 0;
    qint64 m_wallUs = 0;
    std::vector<qint64> m_latencyUs;
    QMap<QString, int> m_failures;
    QString m_firstFailure;
};

} // namespace Pudding::Bench
