// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobworker.h"

#include "db/database.h"
#include "db/notificationlistener.h"
#include "jobqueue.h"
#include "jobslogging.h"
#include "metrics/metrics.h"
#include "metrics/servermetrics.h"

#include <QHostInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
std::atomic<qint64> g_deadJobs = 0;

Metrics::Counter *finishedCounter(const char *family, const char *help, const QString &kind)
{
    return Metrics::registry().counter(family, help, { "kind" }, { kind.toUtf8() });
}
} // namespace

JobWorker::JobWorker(DbConfig config, Options options)
    : m_config(std::move(config))
    , m_options(options)
{ }

JobWorker::~JobWorker()
{
    stop();
}

void JobWorker::registerHandler(const QString &kind, Handler handler)
{
    Q_ASSERT(!m_started);
    m_handlers.insert(kind, std::move(handler));
}

double JobWorker::backoffSeconds(int attempts, double jitter)
{
    const double base = std::min(std::ldexp(30.0, std::clamp(attempts, 0, 30)), 6.0 * 3600);
    return base * std::clamp(jitter, 0.5, 1.5);
}

void JobWorker::start()
{
    if (m_started)
        return;
    m_started = true;
    m_stopping = false;
    if (Metrics::enabled()) {
        static std::once_flag once;
        std::call_once(once, [] {
            Metrics::addGaugeCollector("pudding_jobs_dead",
                "Jobs that failed for good and wait for an admin (pudding-server jobs list "
                "--dead).",
                [] { return g_deadJobs.load(); });
        });
        for (auto it = m_handlers.cbegin(); it != m_handlers.cend(); ++it)
            (void)finishedCounter(
                "pudding_jobs_done_total", "Jobs finished successfully, by kind.", it.key());
    }
    // LISTEN on a connection of its own in a thread with an event loop; a notification (or a
    // reconnect, which may have missed some) wakes every worker thread.
    m_listenThread = std::make_unique<QThread>();
    m_listenThread->setObjectName(u"pudding-jobs-listen"_s);
    m_listenThread->start();
    m_listener = new NotificationListener(
        m_config, u"pudding-jobs-listen"_s, QString::fromLatin1(JobQueue::NotifyChannel));
    m_listener->moveToThread(m_listenThread.get());
    QObject::connect(
        m_listener, &NotificationListener::notification, m_listener,
        [this](const QString &) { wakeAll(); }, Qt::DirectConnection);
    QObject::connect(
        m_listener, &NotificationListener::reconnected, m_listener, [this] { wakeAll(); },
        Qt::DirectConnection);
    QMetaObject::invokeMethod(
        m_listener,
        [listener = m_listener] {
            if (const auto opened = listener->open(); !opened)
                qCWarning(lcJobs).noquote()
                    << "cannot LISTEN for new jobs (polling every 2 s):" << opened.error().message;
        },
        Qt::BlockingQueuedConnection);
    for (int i = 0; i < std::max(1, m_options.threads); ++i)
        m_threads.emplace_back([this, i] { runThread(i); });
    qCInfo(lcJobs) << "job worker running with" << m_threads.size() << "thread(s)";
}

void JobWorker::stop()
{
    if (!m_started)
        return;
    m_stopping = true;
    wakeAll();
    for (auto &t : m_threads)
        t.join();
    m_threads.clear();
    if (m_listener) {
        QMetaObject::invokeMethod(
            m_listener, [listener = m_listener] { delete listener; }, Qt::BlockingQueuedConnection);
        m_listener = nullptr;
    }
    if (m_listenThread) {
        m_listenThread->quit();
        m_listenThread->wait();
        m_listenThread.reset();
    }
    m_started = false;
}

void JobWorker::wakeAll()
{
    {
        const std::lock_guard lock(m_mutex);
        ++m_generation;
    }
    m_wake.notify_all();
}

void JobWorker::runThread(int index)
{
    const QString lockedBy = QHostInfo::localHostName() % u':' % QString::number(::getpid()) % u':'
        % QString::number(index);
    DbSession session(m_config, u"pudding-jobs-%1"_s.arg(index));
    while (!m_stopping) {
        quint64 seen = 0;
        {
            const std::lock_guard lock(m_mutex);
            seen = m_generation;
        }
        int waitMs = m_options.pollMilliseconds;
        if (session.ensureOpen()) {
            // Work until nothing is due, then sleep until woken, due or the poll interval.
            while (!m_stopping && runOne(session, lockedBy)) { }
            if (m_stopping)
                break;
            waitMs = nextWaitMs(session);
        } else {
            qCWarning(lcJobs).noquote()
                << "job worker cannot reach the database:" << session.lastError().text();
        }
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, std::chrono::milliseconds(waitMs),
            [&] { return m_stopping || m_generation != seen; });
    }
}

bool JobWorker::runOne(DbSession &session, const QString &lockedBy)
{
    // One job per claim: the lease starts when the work starts. A job whose claimer's backend
    // is gone from pg_stat_activity (pid and start time, since pids are reused) or whose lease
    // ran out is claimed again.
    auto *q = session.run(
        u"UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ?, "
        "locked_pid = pg_backend_pid(), locked_backend_start = (SELECT backend_start FROM "
        "pg_stat_activity WHERE pid = pg_backend_pid()), locked_until = pudding_now() + "
        "make_interval(secs => ?) WHERE id IN (SELECT j.id FROM jobs j WHERE (j.state = "
        "'queued' AND j.run_at <= pudding_now()) OR (j.state = 'running' AND (j.locked_until < "
        "pudding_now() OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = "
        "j.locked_pid AND a.backend_start = j.locked_backend_start))) ORDER BY j.run_at, j.id "
        "LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id, kind, payload::text, attempts, "
        "max_attempts, coalesce(message_id, ''), pudding_now()"_s,
        { lockedBy, m_options.leaseSeconds });
    if (!q) {
        qCWarning(lcJobs).noquote() << "claiming a job failed:" << session.lastError().text();
        session.reset();
        return false;
    }
    if (!q->next()) {
        q->finish();
        return false;
    }
    Job job;
    job.id = q->value(0).toLongLong();
    job.kind = q->value(1).toString();
    job.payload = QJsonDocument::fromJson(q->value(2).toString().toUtf8()).object();
    job.attempts = q->value(3).toInt();
    const int maxAttempts = q->value(4).toInt();
    job.messageId = q->value(5).toString();
    job.claimedAt = q->value(6).toDateTime().toUTC();
    q->finish();

    JobResult result;
    if (job.attempts > maxAttempts) {
        // The claimer of the last attempt died; that attempt counted.
        result = JobResult::dead(u"the last attempt's worker died"_s);
    } else if (const auto handler = m_handlers.constFind(job.kind); handler == m_handlers.cend()) {
        result = JobResult::retry(u"no handler for kind \"%1\" on this instance"_s.arg(job.kind));
    } else {
        result = (*handler)(session, job);
    }
    finish(session, job, maxAttempts, result);
    return true;
}

bool JobWorker::markDone(Transaction &transaction, const Job &job)
{
    auto *q = transaction.exec(
        u"UPDATE jobs SET state = 'done', finished_at = pudding_now(), locked_by = NULL, "
        "locked_pid = NULL, locked_backend_start = NULL, locked_until = NULL, last_error = NULL "
        "WHERE id = ? AND state = 'running'"_s,
        { job.id });
    return q != nullptr;
}

void JobWorker::finish(DbSession &session, const Job &job, int maxAttempts, const JobResult &result)
{
    JobResult::Kind kind = result.kind;
    if (kind == JobResult::Retry && job.attempts >= maxAttempts)
        kind = JobResult::Dead;
    QSqlQuery *q = nullptr;
    switch (kind) {
    case JobResult::Done:
        // A handler that used markDone() already left 'running'; then this changes nothing.
        q = session.run(u"UPDATE jobs SET state = 'done', finished_at = pudding_now(), "
                        "locked_by = NULL, locked_pid = NULL, locked_backend_start = NULL, "
                        "locked_until = NULL, last_error = NULL WHERE id = ? AND state = "
                        "'running'"_s,
            { job.id });
        break;
    case JobResult::Retry: {
        const double delay
            = backoffSeconds(job.attempts, 0.5 + QRandomGenerator::global()->generateDouble());
        q = session.run(u"UPDATE jobs SET state = 'queued', run_at = pudding_now() + "
                        "make_interval(secs => ?), locked_by = NULL, locked_pid = NULL, "
                        "locked_backend_start = NULL, locked_until = NULL, last_error = ? "
                        "WHERE id = ? AND state = 'running'"_s,
            { delay, result.error.left(2000), job.id });
        qCInfo(lcJobs).noquote() << "job" << job.id << job.kind << "attempt" << job.attempts
                                 << "failed, again in" << qRound(delay) << "s:" << result.error;
        break;
    }
    case JobResult::Dead:
        q = session.run(u"UPDATE jobs SET state = 'dead', finished_at = pudding_now(), "
                        "locked_by = NULL, locked_pid = NULL, locked_backend_start = NULL, "
                        "locked_until = NULL, last_error = ? WHERE id = ? AND state = "
                        "'running'"_s,
            { result.error.left(2000), job.id });
        qCWarning(lcJobs).noquote()
            << "job" << job.id << job.kind << "is dead after" << job.attempts
            << "attempt(s):" << result.error << "(pudding-server jobs list --dead; jobs retry"
            << job.id << ")";
        break;
    }
    if (!q) {
        // The claim stays 'running'; a lost connection ends our backend, so another worker
        // claims it again (the handler repeats: at least once).
        qCWarning(lcJobs).noquote()
            << "marking job" << job.id << "failed:" << session.lastError().text();
        session.reset();
        return;
    }
    if (Metrics::enabled()) {
        if (kind == JobResult::Done)
            finishedCounter(
                "pudding_jobs_done_total", "Jobs finished successfully, by kind.", job.kind)
                ->inc();
        else if (kind == JobResult::Retry)
            finishedCounter("pudding_jobs_retried_total",
                "Job attempts that failed and were queued again, by kind.", job.kind)
                ->inc();
        else
            finishedCounter(
                "pudding_jobs_dead_total", "Jobs that failed for good, by kind.", job.kind)
                ->inc();
    }
}

int JobWorker::nextWaitMs(DbSession &session)
{
    auto *q = session.run(
        u"SELECT (SELECT count(*) FROM jobs WHERE state = 'dead'), (SELECT extract(epoch FROM "
        "min(run_at) - pudding_now()) * 1000 FROM jobs WHERE state = 'queued')"_s);
    if (!q) {
        session.reset();
        return m_options.pollMilliseconds;
    }
    int wait = m_options.pollMilliseconds;
    if (q->next()) {
        g_deadJobs = q->value(0).toLongLong();
        if (!q->value(1).isNull())
            wait = int(std::clamp(std::ceil(q->value(1).toDouble()), 0.0, double(wait)));
    }
    q->finish();
    return std::max(wait, 10);
}

} // namespace Pudding::Server
