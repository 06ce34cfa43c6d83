// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

#include <QElapsedTimer>

namespace Pudding::Server {

class Database;
class EventIndex;
class LiveHub;

/// GET /health (the process), /health/db (a round trip to PostgreSQL) and /health/storage
/// (the photo directory is writable and has room): what a load balancer and an admin ask.
class HealthApi
{
public:
    HealthApi(Database &db, const EventIndex &index, QString storageDir, int workers);
    /// Every /health… route (health/healthroutes.cpp).
    void registerRoutes(Router &router);
    /// Adds the live layer's figures (sockets, stored messages) to /health.
    void setLive(const LiveHub *live) { m_live = live; }

private:
    void process(const Reply &reply);
    void database(const Reply &reply);
    void storage(const Reply &reply);

    const LiveHub *m_live = nullptr;
    Database &m_db;
    const EventIndex &m_index;
    QString m_storageDir;
    int m_workers;
    QElapsedTimer m_uptime;
};

} // namespace Pudding::Server
