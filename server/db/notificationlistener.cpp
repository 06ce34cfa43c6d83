// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationlistener.h"

#include "dblogging.h"
#include "metrics/servermetrics.h"
#include "shared/protocol.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

NotificationListener::NotificationListener(
    DbConfig config, QString connectionName, QString channel, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_name(std::move(connectionName))
    , m_channel(std::move(channel))
{
    m_watch.setInterval(2000);
    connect(&m_watch, &QTimer::timeout, this, &NotificationListener::check);
}

NotificationListener::~NotificationListener()
{
    close();
}

Result<void> NotificationListener::open()
{
    QSqlDatabase db = m_config.addConnection(m_name, u"pudding-listen");
    connect(db.driver(), &QSqlDriver::notification, this,
        [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
            Q_EMIT notification(payload.toString());
        });
    if (!subscribe())
        return Error { QString(Protocol::ErrorCode::Internal), db.lastError().text(), {} };
    m_watch.start();
    return {};
}

bool NotificationListener::subscribe()
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    return (db.isOpen() || db.open()) && db.driver()->subscribeToNotification(m_channel);
}

void NotificationListener::check()
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    {
        QSqlQuery probe(db);
        if (db.isOpen() && probe.exec(u"SELECT 1"_s))
            return;
    }
    db.close();
    if (!subscribe()) {
        qCWarning(lcDb).noquote() << "cannot LISTEN on" << m_channel << ":" << db.lastError().text()
                                  << "(retrying)";
        return;
    }
    qCWarning(lcDb).noquote() << "listening on" << m_channel << "again after a lost connection";
    if (Metrics::enabled())
        Metrics::server().notifyReconnects->inc();
    Q_EMIT reconnected();
}

void NotificationListener::close()
{
    m_watch.stop();
    if (!QSqlDatabase::contains(m_name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.driver()->unsubscribeFromNotification(m_channel);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

} // namespace Pudding::Server
