// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include "database.h"

#include <QObject>
#include <QTimer>

namespace Pudding::Server {

/// LISTEN on one channel with a connection of its own, in the thread this object lives in
/// (whose event loop delivers the notifications). PostgreSQL drops listeners silently when it
/// restarts: a probe every two seconds notices, reconnects, subscribes again and says so with
/// reconnected(), because notifications may have been missed meanwhile.
class NotificationListener : public QObject
{
    Q_OBJECT
public:
    NotificationListener(
        DbConfig config, QString connectionName, QString channel, QObject *parent = nullptr);
    ~NotificationListener() override;

    /// Connects and subscribes; false (with the database's text in *error) if that failed.
    [[nodiscard]] Result<void> open();
    void close();

Q_SIGNALS:
    void notification(const QString &payload);
    void reconnected();

private:
    void check();
    bool subscribe();

    DbConfig m_config;
    QString m_name;
    QString m_channel;
    QTimer m_watch;
};

} // namespace Pudding::Server
