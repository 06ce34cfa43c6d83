// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthapi.h"

#include "chat/chatwriter.h"
#include "db/database.h"
#include "live/livehub.h"
#include "meetups/eventindex.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QStorageInfo>
#include <QTemporaryFile>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class HealthText
{
    Q_DECLARE_TR_FUNCTIONS(Health)
};
constexpr qint64 kMinFreeBytes = 100 * 1024 * 1024;
} // namespace

HealthApi::HealthApi(Database &db, const EventIndex &index, QString storageDir, int workers)
    : m_db(db)
    , m_index(index)
    , m_storageDir(std::move(storageDir))
    , m_workers(workers)
{
    m_uptime.start();
}

void HealthApi::process(const Reply &reply)
{
    QJsonObject json { { u"status"_s, u"ok"_s },
        { u"version"_s, QCoreApplication::applicationVersion() },
        { u"uptimeSeconds"_s, m_uptime.elapsed() / 1000 }, { u"httpWorkers"_s, m_workers },
        { u"eventsIndexed"_s, m_index.size() } };
    if (m_live) {
        json.insert(u"webSockets"_s, m_live->socketCount());
        json.insert(u"chatMessagesStored"_s, m_live->writer().committedMessages());
        json.insert(u"chatTransactions"_s, m_live->writer().transactions());
    }
    reply.send(HttpResponse::json(json));
}

void HealthApi::database(const Reply &reply)
{
    m_db.run([](DbSession &s) -> HttpResponse {
            QElapsedTimer timer;
            timer.start();
            auto *q = s.prepared(u"SELECT 1"_s);
            if (!s.exec(q))
                return HttpResponse::fromError(databaseError(s.lastError(), "health"));
            q->finish();
            return HttpResponse::json(QJsonObject {
                { u"status"_s, u"ok"_s }, { u"latencyMs"_s, double(timer.nsecsElapsed()) / 1e6 } });
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void HealthApi::storage(const Reply &reply)
{
    // File I/O stays off the HTTP thread too.
    QtConcurrent::run([dir = m_storageDir]() -> HttpResponse {
        QTemporaryFile probe(dir % u"/.health-XXXXXX"_s);
        const bool writable = QDir(dir).exists() && probe.open() && probe.write("ok", 2) == 2;
        const QStorageInfo info(dir);
        const qint64 free = info.bytesAvailable();
        if (!writable || free < kMinFreeBytes)
            return HttpResponse::error(Protocol::ErrorCode::Unavailable,
                writable ? HealthText::tr("The photo storage is almost full.")
                         : HealthText::tr("The photo storage is not writable."));
        return HttpResponse::json(
            QJsonObject { { u"status"_s, u"ok"_s }, { u"freeBytes"_s, free } });
    }).then([reply](const HttpResponse &r) { reply.send(r); });
}

} // namespace Pudding::Server
