// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverapp.h"

#include "apidoc/apidoc.h"
#include "applogging.h"
#include "attendance/attendanceapi.h"
#include "auth/authapi.h"
#include "auth/credentials.h"
#include "calendar/calendarapi.h"
#include "chat/messagesapi.h"
#include "checkin/checkinapi.h"
#include "db/database.h"
#include "db/migrator.h"
#include "db/notificationlistener.h"
#include "devdb/embeddedpostgres.h"
#include "events/eventsapi.h"
#include "health/healthapi.h"
#include "http/epoll/epolldispatcher.h"
#include "http/httproutes.h"
#include "http/httpworker.h"
#include "http/router.h"
#include "jobs/jobworker.h"
#include "links/links.h"
#include "live/livehub.h"
#include "live/workerhub.h"
#include "mail/mail.h"
#include "mail/mailsender.h"
#include "meetups/eventindex.h"
#include "meetups/meetuprepository.h"
#include "metrics/processmetrics.h"
#include "metrics/servermetrics.h"
#include "notifications/notificationsapi.h"
#include "photos/photogc.h"
#include "photos/photosapi.h"
#include "photos/photostore.h"
#include "reminders/reminders.h"
#include "reminders/remindersapi.h"
#include "seed/demoseeder.h"
#include "tickets/ticketkeys.h"
#include "tickets/ticketsapi.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
int g_signalFds[2] = { -1, -1 };

void onUnixSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFds[0], &byte, 1);
}
} // namespace

ServerApp::ServerApp(ServerConfig config)
    : m_config(std::move(config))
{ }

ServerApp::~ServerApp()
{
    shutdown();
}

void ServerApp::installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto *notifier
        = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, notifier, [notifier] {
        char byte;
        [[maybe_unused]] const auto n = ::read(g_signalFds[1], &byte, 1);
        notifier->setEnabled(false);
        qCInfo(lcServer) << "stopping";
        QCoreApplication::quit();
    });
    struct sigaction sa
    {
    };
    sa.sa_handler = onUnixSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

bool ServerApp::prepareDatabase()
{
    DbConfig dbConfig;
    if (m_config.databaseUrl.isEmpty()) {
        m_embedded = std::make_unique<EmbeddedPostgres>(m_config.dataDir % u"/postgres"_s);
        QElapsedTimer timer;
        timer.start();
        if (!m_embedded->start() || !m_embedded->ensureDatabase(u"pudding"_s)) {
            qCCritical(lcServer).noquote()
                << "Could not start the private PostgreSQL:" << m_embedded->errorString();
            return false;
        }
        const auto info = m_embedded->connectionInfo(u"pudding"_s);
        dbConfig = { info.host, info.port, info.user, info.password, info.database };
        qCInfo(lcServer).noquote()
            << "private PostgreSQL ready in" << timer.elapsed() << "ms at" << m_embedded->dataDir();
    } else {
        const auto parsed = DbConfig::fromUrl(m_config.databaseUrl);
        if (!parsed) {
            qCCritical(lcServer).noquote() << "The database URL is not valid; expected "
                                              "postgresql://user:password@host:port/database";
            return false;
        }
        dbConfig = *parsed;
    }
    m_db = std::make_unique<Database>(dbConfig, m_config.dbThreads);

    // Start-up work runs here, before the event loop: one session on this thread.
    DbSession session(dbConfig, u"pudding-startup"_s);
    QElapsedTimer waited;
    waited.start();
    while (!session.ensureOpen()) {
        if (waited.hasExpired(30'000)) {
            qCCritical(lcServer).noquote() << "Cannot connect to" << dbConfig.displayUrl() << ":"
                                           << session.lastError().text();
            return false;
        }
        QThread::msleep(500);
    }
    const auto applied = Migrator::apply(session);
    if (!applied) {
        qCCritical(lcServer).noquote() << "Migrations failed:" << applied.error().message;
        return false;
    }
    qCInfo(lcServer) << "schema up to date;" << applied.value() << "migration(s) applied now";
    if (m_config.command == ServerConfig::Command::Migrate)
        return true;
    Mail::setFrom(m_config.mailFrom);
    // The secret that signs the links in mails, shared by every instance (migration 0006).
    if (const auto key = Links::loadKey(session); !key) {
        qCCritical(lcServer).noquote() << "Cannot load the link secret:" << key.error().message;
        return false;
    }

    if (m_config.seedDemo || m_config.command == ServerConfig::Command::SeedDemo) {
        const auto seeded = DemoSeeder::seedIfEmpty(session, 300, m_config.storageDir);
        if (!seeded) {
            qCCritical(lcServer).noquote() << "Demo data failed:" << seeded.error().message;
            return false;
        }
        if (seeded.value() > 0)
            qCInfo(lcServer) << "demo data loaded:" << seeded.value() << "meetups";
    }
    if (m_config.command == ServerConfig::Command::SeedDemo)
        return true;
    if (m_config.command == ServerConfig::Command::GcPhotos) {
        const auto report = collectUnreferencedPhotos(
            session, PhotoStore(m_config.storageDir), m_config.photoGraceSeconds);
        if (!report) {
            qCCritical(lcServer).noquote() << "Photo collection failed:" << report.error().message;
            return false;
        }
        QTextStream(stdout) << "removed " << report.value().rows << " photo rows and "
                            << report.value().files << " files" << Qt::endl;
        return true;
    }
    if (m_config.command == ServerConfig::Command::TicketKeys)
        return runTicketKeysCommand(session);
    if (m_config.command == ServerConfig::Command::Jobs)
        return runJobsCommand(session);
    // Every time rule of the queue, offers and reminders reads pudding_now(): a moved clock in
    // production is a mistake (tests move it on purpose).
    if (auto *clock = session.run(u"SELECT offset_seconds FROM pudding_clock"_s);
        clock && clock->next()) {
        if (const double offset = clock->value(0).toDouble(); offset != 0)
            qCWarning(lcServer).noquote()
                << "the database clock (pudding_clock) is moved by" << offset
                << "seconds: jobs, offers and reminders run on that time; UPDATE pudding_clock "
                   "SET offset_seconds = 0 unless this is a test";
        clock->finish();
    }
    // This instance's ticket signing key: made on the first start, registered in ticket_keys.
    m_ticketKeys = std::make_unique<TicketKeys>(TicketKeys::directoryFor(m_config.dataDir));
    if (const auto opened = m_ticketKeys->open(session); !opened) {
        qCCritical(lcServer).noquote() << "Ticket keys failed:" << opened.error().message;
        return false;
    }

    m_index = std::make_unique<EventIndex>();
    if (m_config.metricsEnabled) {
        (void)Metrics::server(); // every family exposed from the start, with zeros
        Metrics::registerProcessCollector();
        Metrics::addGaugeCollector("pudding_event_index_events",
            "Events held in the in-memory index (what map search reads).",
            [index = m_index.get()] { return qint64(index->size()); });
    }
    // Subscribe before loading: a change committed while we load is then reloaded afterwards
    // instead of being missed.
    listenForChanges();
    QElapsedTimer timer;
    timer.start();
    const auto count = MeetupRepository::loadAll(session, *m_index);
    if (!count) {
        qCCritical(lcServer).noquote() << "Loading events failed:" << count.error().message;
        return false;
    }
    qCInfo(lcServer) << "indexed" << count.value() << "events in" << timer.elapsed() << "ms";
    return true;
}

bool ServerApp::runTicketKeysCommand(DbSession &session)
{
    QTextStream out(stdout);
    TicketKeys keys(TicketKeys::directoryFor(m_config.dataDir));
    const QString sub = m_config.commandArguments.value(0);
    if (sub == "retire"_L1) {
        const QString kid = m_config.commandArguments.value(1);
        const auto retired = TicketKeys::retire(session, kid);
        if (!retired) {
            qCCritical(lcServer).noquote() << retired.error().message;
            return false;
        }
        if (!retired.value()) {
            qCCritical(lcServer).noquote() << "No key" << kid << "in use (unknown or retired)";
            return false;
        }
        out << "retired " << kid
            << "; tickets signed with it no longer verify at the door until they are shown "
               "again (the app fetches them signed with an active key)"
            << Qt::endl;
        return true;
    }
    // list and rotate read this instance's key files (rotate: after making the new one).
    if (const auto opened = keys.open(session, false); !opened) {
        qCCritical(lcServer).noquote() << "Ticket keys failed:" << opened.error().message;
        return false;
    }
    if (sub == "rotate"_L1) {
        const auto kid = keys.rotate(session);
        if (!kid) {
            qCCritical(lcServer).noquote() << "Rotation failed:" << kid.error().message;
            return false;
        }
        out << "new active key " << kid.value() << " in "
            << TicketKeys::directoryFor(m_config.dataDir) << Qt::endl;
        return true;
    }
    const auto all = TicketKeys::allKeys(session);
    if (!all) {
        qCCritical(lcServer).noquote() << all.error().message;
        return false;
    }
    const QStringList local = keys.localKids();
    const QString active = keys.activeKid();
    out << u"kid"_s.leftJustified(24) << u"created"_s.leftJustified(26)
        << u"retired"_s.leftJustified(26) << "here\n";
    for (const TicketPublicKey &k : all.value()) {
        const QString here = k.kid == active ? u"active"_s
            : local.contains(k.kid)          ? u"local"_s
                                             : u"-"_s;
        out << k.kid.leftJustified(23) << ' ' << k.createdAt.toString(Qt::ISODate).leftJustified(25)
            << ' '
            << (k.retiredAt.isValid() ? k.retiredAt.toString(Qt::ISODate) : u"-"_s)
                   .leftJustified(25)
            << ' ' << here << '\n';
    }
    out.flush();
    return true;
}

bool ServerApp::runJobsCommand(DbSession &session)
{
    QTextStream out(stdout);
    if (m_config.commandArguments.value(0) == "retry"_L1) {
        const qint64 id = m_config.commandArguments.value(1).toLongLong();
        // A dead job starts over with all its attempts; a waiting one just runs now.
        auto *q = session.run(u"UPDATE jobs SET state = 'queued', run_at = pudding_now(), "
                              "attempts = CASE WHEN state = 'dead' THEN 0 ELSE attempts END, "
                              "finished_at = NULL WHERE id = ? AND state IN ('dead', 'queued') "
                              "RETURNING kind"_s,
            { id });
        if (!q) {
            qCCritical(lcServer).noquote() << session.lastError().text();
            return false;
        }
        if (!q->next()) {
            q->finish();
            qCCritical(lcServer).noquote()
                << "No job" << id << "that is dead or waiting (unknown, running or done)";
            return false;
        }
        out << "job " << id << " (" << q->value(0).toString() << ") queued again" << Qt::endl;
        q->finish();
        return session.execDirect(u"SELECT pg_notify('pudding_jobs', '')"_s);
    }
    auto *q = session.run(
        u"SELECT id, kind, state, attempts, max_attempts, to_char(run_at AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), coalesce(payload->>'to', ''), "
        "coalesce(last_error, '') FROM jobs WHERE CASE WHEN ? THEN state = 'dead' ELSE state "
        "IN ('queued', 'running', 'dead') END ORDER BY id"_s,
        { m_config.jobsDeadOnly });
    if (!q) {
        qCCritical(lcServer).noquote() << session.lastError().text();
        return false;
    }
    out << u"id"_s.leftJustified(8) << u"kind"_s.leftJustified(14) << u"state"_s.leftJustified(9)
        << u"tries"_s.leftJustified(7) << u"run at (UTC)"_s.leftJustified(22)
        << u"to"_s.leftJustified(28) << "last error\n";
    while (q->next()) {
        out << q->value(0).toString().leftJustified(7) << ' '
            << q->value(1).toString().leftJustified(13) << ' '
            << q->value(2).toString().leftJustified(8) << ' '
            << QString(q->value(3).toString() % u'/' % q->value(4).toString()).leftJustified(6)
            << ' ' << q->value(5).toString().leftJustified(21) << ' '
            << q->value(6).toString().leftJustified(27) << ' '
            << q->value(7).toString().simplified().left(200) << '\n';
    }
    q->finish();
    out.flush();
    return true;
}

void ServerApp::startJobs()
{
    JobWorker::Options options;
    options.threads = m_config.jobThreads;
    m_jobs = std::make_unique<JobWorker>(m_db->config(), options);
    MailSender::Config mail;
    mail.smtpUrl = m_config.smtpUrl;
    mail.smtpUser = m_config.smtpUser;
    if (!m_config.smtpPasswordFile.isEmpty()) {
        QFile file(m_config.smtpPasswordFile);
        if (file.open(QIODevice::ReadOnly))
            mail.smtpPassword = QString::fromUtf8(file.readLine()).trimmed();
        else
            qCWarning(lcServer).noquote()
                << "cannot read the SMTP password file" << m_config.smtpPasswordFile;
    }
    mail.from = m_config.mailFrom;
    mail.dropDir = m_config.dataDir % u"/mail"_s;
    MailSender::registerJobs(*m_jobs, mail);
    // Each part registers its job kinds here (one line each).
    AttendanceApi::registerJobs(*m_jobs);
    m_reminders->registerJobs(*m_jobs);
    NotificationsApi::registerJobs(*m_jobs);
    m_jobs->start();
}

void ServerApp::listenForChanges()
{
    // Other instances (behind the same load balancer) announce changed events; this
    // connection lives in the main thread, whose event loop delivers the notifications.
    m_eventListener = std::make_unique<NotificationListener>(
        m_db->config(), u"pudding-listen"_s, QString::fromLatin1(MeetupRepository::NotifyChannel));
    if (const auto opened = m_eventListener->open(); !opened) {
        qCWarning(lcServer) << "cannot LISTEN for event changes:" << opened.error().message;
        return;
    }
    connect(m_eventListener.get(), &NotificationListener::notification, this,
        [this](const QString &payload) {
            const qint64 id = payload.toLongLong();
            if (id <= 0)
                return;
            // The index is thread-safe: apply the reload where it finished. (A QFuture
            // continuation with a context object proved unreliable in Qt 6.4.)
            m_db->run([this, id](DbSession &s) {
                const auto e = MeetupRepository::loadOne(s, id);
                if (!e)
                    return;
                if (e.value())
                    m_index->upsert(*e.value());
                else
                    m_index->remove(id);
            });
        });
    // Changes may have been missed while the connection was down: reload every event.
    connect(m_eventListener.get(), &NotificationListener::reconnected, this, [this] {
        m_db->run([this](DbSession &s) {
            if (const auto count = MeetupRepository::loadAll(s, *m_index); !count)
                qCWarning(lcServer).noquote()
                    << "reloading events failed:" << count.error().message;
        });
    });
}

bool ServerApp::startHttp()
{
    QHostAddress address;
    if (!address.setAddress(m_config.host)) {
        qCCritical(lcServer).noquote() << "Not an IP address:" << m_config.host;
        return false;
    }
    m_router = std::make_unique<Router>(m_auth.get());
    m_auth->registerRoutes(*m_router);
    m_events->registerRoutes(*m_router);
    m_health->registerRoutes(*m_router);
    m_attendance->registerRoutes(*m_router);
    m_checkin->registerRoutes(*m_router);
    m_router->setDoorAuthenticator(m_checkin.get());
    m_photos->registerRoutes(*m_router);
    m_messages->registerRoutes(*m_router);
    m_tickets->registerRoutes(*m_router);
    m_calendar->registerRoutes(*m_router);
    m_remindersApi->registerRoutes(*m_router);
    m_notifications->registerRoutes(*m_router);
    if (m_config.metricsEnabled) {
        if (const auto allow = AddressAllowList::parse(m_config.metricsAllow, nullptr))
            registerMetricsRoute(*m_router, *allow);
    }
    m_apiDoc = std::make_unique<ApiDoc>();
    m_apiDoc->registerRoutes(*m_router);

    quint16 port = m_config.port;
    for (int i = 0; i < m_config.httpThreads; ++i) {
        const auto listening = HttpWorker::openListeningSocket(address, port);
        if (!listening) {
            qCCritical(lcServer).noquote() << "Cannot listen on" << m_config.host << "port" << port
                                           << ":" << listening.error().message;
            return false;
        }
        const int fd = listening.value();
        if (port == 0) {
            sockaddr_storage sa {};
            socklen_t len = sizeof sa;
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &len);
            port = ntohs(sa.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6 *>(&sa)->sin6_port
                                                  : reinterpret_cast<sockaddr_in *>(&sa)->sin_port);
        }
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(u"pudding-http-%1"_s.arg(i));
        // Thousands of idle WebSockets: Qt's poll()-based loops cost per open socket per
        // iteration, epoll per ready one. PUDDING_EVENT_LOOP=qt keeps Qt's own.
        if (qEnvironmentVariable("PUDDING_EVENT_LOOP") != "qt"_L1)
            thread->setEventDispatcher(new EpollEventDispatcher);
        auto *worker = new HttpWorker(i, *m_router, m_config.limits);
        worker->moveToThread(thread.get());
        // This thread's WebSocket sessions and rooms (/ws is upgraded by QHttpServer itself).
        auto *hub = new WorkerHub(*m_live);
        hub->moveToThread(thread.get());
        connect(thread.get(), &QThread::finished, hub, &QObject::deleteLater);
        m_live->addWorkerHub(hub);
        worker->onWebSocketConnection = [hub, worker](PuddingHttpServer *server) {
            while (server->hasPendingWebSocketConnections()) {
                auto socket = server->nextPendingWebSocketConnection();
                if (!socket)
                    continue;
                QTcpSocket *tcp
                    = worker->takeUpgradedSocket(socket->peerAddress(), socket->peerPort());
                hub->adopt(std::move(socket), tcp);
            }
        };
        connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        QMetaObject::invokeMethod(
            worker, [worker, fd] { worker->start(fd); }, Qt::BlockingQueuedConnection);
        m_workers.push_back(worker);
        m_threads.push_back(std::move(thread));
    }
    if (!m_config.portFile.isEmpty()) {
        QSaveFile file(m_config.portFile);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QByteArray::number(port) + '\n');
            file.commit();
        }
    }
    const QString shownHost = address.protocol() == QAbstractSocket::IPv6Protocol
        ? u"["_s % m_config.host % u"]"_s
        : m_config.host;
    const QString where = u"http://"_s % shownHost % u":"_s % QString::number(port);
    // The links in mails: --public-url, else where this instance listens.
    Links::setPublicUrl(m_config.publicUrl.isEmpty() ? where : m_config.publicUrl);
    qCInfo(lcServer).noquote() << "listening on" << where << "with" << m_config.httpThreads
                               << "HTTP threads";
    return true;
}

int ServerApp::run()
{
    LogFormat::install(m_config.logFormat);
    // Before any thread or route exists: "off" must leave nothing to measure.
    Metrics::setEnabled(m_config.metricsEnabled);
    if (!Credentials::initialize()) {
        qCCritical(lcServer) << "libsodium failed to initialise";
        return 1;
    }
    if (m_config.command == ServerConfig::Command::DbStart
        || m_config.command == ServerConfig::Command::DbStop) {
        EmbeddedPostgres pg(m_config.dataDir % u"/postgres"_s);
        if (m_config.command == ServerConfig::Command::DbStop) {
            if (!pg.stopCluster()) {
                qCCritical(lcServer).noquote() << pg.errorString();
                return 1;
            }
            return 0;
        }
        pg.setKeepRunning(true);
        if (!pg.start() || !pg.ensureDatabase(u"pudding"_s)) {
            qCCritical(lcServer).noquote() << pg.errorString();
            return 1;
        }
        QTextStream(stdout) << pg.connectionInfo(u"pudding"_s).toUrl() << Qt::endl;
        return 0;
    }
    installSignalHandlers();
    if (!QDir().mkpath(m_config.storageDir)) {
        qCCritical(lcServer).noquote()
            << "Cannot create the photo directory" << m_config.storageDir;
        return 1;
    }
    if (!prepareDatabase())
        return 1;
    if (m_config.command != ServerConfig::Command::Serve)
        return 0;

    m_auth = std::make_unique<AuthApi>(*m_db, m_config.authRatePerMinute);
    m_events = std::make_unique<EventsApi>(*m_db, *m_index);
    m_health
        = std::make_unique<HealthApi>(*m_db, *m_index, m_config.storageDir, m_config.httpThreads);
    m_photos = std::make_unique<PhotosApi>(*m_db, m_config.storageDir);
    m_attendance = std::make_unique<AttendanceApi>(*m_db, *m_index, *m_photos);
    // The negative control of the capacity race tests (tst_offers): read once, never in
    // production.
    if (qEnvironmentVariable("PUDDING_FAULT_SKIP_EVENT_LOCK") == "1"_L1) {
        qCWarning(lcServer).noquote()
            << "!!! FAULT INJECTION: PUDDING_FAULT_SKIP_EVENT_LOCK=1 — the event row lock is "
               "OFF; capacity limits WILL be broken under concurrency. Tests only, never in "
               "production. !!!";
        MeetupRepository::setSkipEventLockForTesting(true);
    }
    m_checkin = std::make_unique<CheckinApi>(*m_db);
    LiveConfig liveConfig;
    liveConfig.chatMessagesPerSecond = m_config.chatRatePerSecond;
    liveConfig.chatBurst = std::max(1, 2 * m_config.chatRatePerSecond);
    liveConfig.maxQueuedBytes = m_config.wsMaxQueuedBytes;
    m_live = std::make_unique<LiveHub>(*m_db, *m_auth, liveConfig);
    m_live->setDoorAuthenticator(m_checkin.get());
    m_live->setTicketFrameSource(m_checkin.get());
    if (const auto started = m_live->start(); !started) {
        qCCritical(lcServer).noquote()
            << "Cannot listen for live notifications:" << started.error().message;
        return 1;
    }
    m_messages = std::make_unique<MessagesApi>(*m_db, m_live->sender());
    m_tickets = std::make_unique<TicketsApi>(*m_db, *m_index, *m_ticketKeys);
    m_calendar = std::make_unique<CalendarApi>(*m_db, *m_index, m_config.publicUrl);
    m_reminders = std::make_unique<Reminders>(*m_calendar);
    m_remindersApi = std::make_unique<RemindersApi>(*m_db, *m_attendance);
    // The reminder scan's chain of jobs (one a minute): started here, kept going by each scan.
    m_db->run([](DbSession &s) {
        if (const auto scheduled = Reminders::scheduleNext(s); !scheduled)
            qCWarning(lcServer).noquote()
                << "cannot queue the reminder scan:" << scheduled.error().message;
    });
    m_notifications = std::make_unique<NotificationsApi>(*m_db);
    m_health->setLive(m_live.get());
    // Unreferenced photos go after their grace period; hourly is plenty.
    auto *photoGc = new QTimer(this);
    photoGc->setInterval(3600 * 1000);
    connect(photoGc, &QTimer::timeout, this, [this] {
        const QString root = m_config.storageDir;
        const int grace = m_config.photoGraceSeconds;
        m_db->run([root, grace](DbSession &s) {
            if (const auto report = collectUnreferencedPhotos(s, PhotoStore(root), grace); !report)
                qCWarning(lcServer).noquote()
                    << "photo collection failed:" << report.error().message;
        });
    });
    photoGc->start();
    if (!startHttp())
        return 1;
    startJobs();
    const int code = QCoreApplication::exec();
    shutdown();
    return code;
}

void ServerApp::shutdown()
{
    // Stop taking requests, let database work finish, then stop the threads and the database.
    for (HttpWorker *worker : m_workers)
        QMetaObject::invokeMethod(
            worker, [worker] { worker->stop(); }, Qt::BlockingQueuedConnection);
    m_workers.clear();
    // Let the running jobs finish (an SMTP transfer gives up and is retried later).
    if (m_jobs) {
        m_jobs->stop();
        m_jobs.reset();
    }
    // Commit what the chat writer holds (acks go out only after COMMIT), stop listening.
    if (m_live)
        m_live->stop();
    if (m_db)
        m_db->waitForDone();
    m_auth.reset();
    m_remindersApi.reset();
    m_reminders.reset();
    m_attendance.reset();
    m_photos.reset();
    for (auto &thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    m_threads.clear();
    m_eventListener.reset();
    m_messages.reset();
    m_tickets.reset();
    m_ticketKeys.reset();
    m_live.reset();
    m_events.reset();
    m_health.reset();
    m_router.reset();
    m_checkin.reset();
    m_db.reset();
    if (m_embedded) {
        m_embedded->stop();
        m_embedded.reset();
    }
}

} // namespace Pudding::Server
