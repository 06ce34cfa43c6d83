// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

#include <QElapsedTimer>

namespace Pudding::Server {

class Database;
class EventIndex;

/// GET /health (the process), /health/db (a round trip to PostgreSQL) and /health/storage
/// (the photo directory is writable and has room): what a load balancer and an admin ask.
class HealthApi
{
public:
    HealthApi(Database &db, const EventIndex &index, QString storageDir, int workers);
    void registerRoutes(Router &router);

private:
    Database &m_db;
    const EventIndex &m_index;
    QString m_storageDir;
    int m_workers;
    QElapsedTimer m_uptime;
};

} // namespace Pudding::Server
