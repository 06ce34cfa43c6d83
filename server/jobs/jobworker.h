// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/database.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class QThread;

namespace Pudding::Server {

class DbSession;
class NotificationListener;
class Transaction;

/// A claimed job as its handler sees it.
struct Job
{
    qint64 id = 0;
    QString kind;
    QJsonObject payload;
    /// This attempt's number: 1 on the first run (the claim counts it).
    int attempts = 0;
    /// A mail's Message-ID (fixed when it was queued), else empty.
    QString messageId;
    /// When this attempt claimed it, on the queue's clock (pudding_now()); a mail's Date.
    QDateTime claimedAt;
};

/// What a handler says about its job.
struct JobResult
{
    enum Kind { Done, Retry, Dead } kind = Done;
    QString error;

    [[nodiscard]] static JobResult done() { return { Done, {} }; }
    /// Run again later with exponential backoff (dead after the job's max_attempts).
    [[nodiscard]] static JobResult retry(QString error) { return { Retry, std::move(error) }; }
    /// Never run again; the admin sees it (`pudding-server jobs list --dead`).
    [[nodiscard]] static JobResult dead(QString error) { return { Dead, std::move(error) }; }
};

/// Runs the durable job queue (jobqueue.h) of this instance: its own threads, each with its own
/// DbSession (not the request pool), so nothing here ever waits in front of a request.
///
/// Every thread claims due jobs one at a time (UPDATE … FOR UPDATE SKIP LOCKED, so instances
/// on one database never run a job twice at once), runs the kind's handler, then marks the
/// job. It sleeps until a job is queued (LISTEN pudding_jobs, on a connection of its own), the
/// next job falls due, or two seconds passed. A claim holds a lease; a job whose lease ran out
/// or whose claimer's database session is gone (the instance crashed) is claimed again, so
/// every job runs at least once and handlers must be idempotent.
///
/// Marking: the handler gets the worker thread's session. A handler that changes data opens its
/// own Transaction and may call markDone() inside it, so its change and "done" commit together;
/// otherwise (and always after Retry/Dead) the worker marks the job in a separate short
/// statement after the handler returned — a crash in between repeats the handler.
class JobWorker
{
public:
    using Handler = std::function<JobResult(DbSession &, const Job &)>;

    struct Options
    {
        int threads = 2;
        /// How long a claim holds before another worker may take the job again.
        int leaseSeconds = 600;
        /// The longest sleep between looks at the queue.
        int pollMilliseconds = 2000;
    };

    JobWorker(DbConfig config, Options options);
    ~JobWorker();
    JobWorker(const JobWorker &) = delete;
    JobWorker &operator=(const JobWorker &) = delete;

    /// Before start(): the handler of `kind`. A job of a kind without a handler is retried
    /// later (another instance, maybe newer, may know it).
    void registerHandler(const QString &kind, Handler handler);
    /// Starts the listener and the threads.
    void start();
    /// Wakes every thread, lets the running jobs finish and joins the threads.
    void stop();
    /// True while stop() waits: long handlers (SMTP) may give up early and ask for a retry.
    [[nodiscard]] bool stopping() const { return m_stopping.load(); }

    /// Marks `job` done inside the handler's own transaction (see the class comment).
    [[nodiscard]] static bool markDone(Transaction &transaction, const Job &job);

    /// The delay before attempt `attempts + 1`: min(2^attempts × 30 s, 6 h) × jitter, where
    /// jitter is from 0.5 to 1.5.
    [[nodiscard]] static double backoffSeconds(int attempts, double jitter);

private:
    void runThread(int index);
    /// Claims and runs one job; false when none was due.
    bool runOne(DbSession &session, const QString &lockedBy);
    void finish(DbSession &session, const Job &job, int maxAttempts, const JobResult &result);
    /// Milliseconds until the next queued job is due (capped by the poll interval).
    int nextWaitMs(DbSession &session);
    void wakeAll();

    DbConfig m_config;
    Options m_options;
    QHash<QString, Handler> m_handlers;
    std::vector<std::thread> m_threads;
    std::unique_ptr<QThread> m_listenThread;
    NotificationListener *m_listener = nullptr; // lives in m_listenThread
    std::mutex m_mutex;
    std::condition_variable m_wake;
    quint64 m_generation = 0;
    std::atomic_bool m_stopping = false;
    bool m_started = false;
};

} // namespace Pudding::Server
