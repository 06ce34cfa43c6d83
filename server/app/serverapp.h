// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverconfig.h"

#include <QObject>
#include <QSqlDatabase>
#include <QThread>
#include <memory>
#include <vector>

namespace Pudding::Server {

class ApiDoc;
class AttendanceApi;
class AuthApi;
class CheckinApi;
class Database;
class DbSession;
class EmbeddedPostgres;
class EventIndex;
class EventsApi;
class HealthApi;
class HttpWorker;
class JobWorker;
class LiveHub;
class MessagesApi;
class CalendarApi;
class Reminders;
class RemindersApi;
class NotificationsApi;
class NotificationListener;
class PhotosApi;
class Router;
class TicketKeys;
class TicketsApi;

/// The whole server: private database (if none configured), migrations, the event index,
/// the HTTP workers and an orderly shutdown on SIGINT/SIGTERM.
class ServerApp : public QObject
{
    Q_OBJECT
public:
    explicit ServerApp(ServerConfig config);
    ~ServerApp() override;

    /// Runs the configured command; returns the process exit code.
    int run();

private:
    bool prepareDatabase();
    bool startHttp();
    void listenForChanges();
    /// pudding-server ticket-keys list | rotate | retire <kid>.
    bool runTicketKeysCommand(DbSession &session);
    /// pudding-server jobs list [--dead] | retry <id>.
    bool runJobsCommand(DbSession &session);
    /// The job worker with every part's handlers, started after the HTTP workers.
    void startJobs();
    void shutdown();
    static void installSignalHandlers();

    ServerConfig m_config;
    std::unique_ptr<EmbeddedPostgres> m_embedded;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<EventIndex> m_index;
    std::unique_ptr<AuthApi> m_auth;
    std::unique_ptr<EventsApi> m_events;
    std::unique_ptr<HealthApi> m_health;
    std::unique_ptr<PhotosApi> m_photos;
    std::unique_ptr<AttendanceApi> m_attendance;
    /// Door tokens: the router and the live layer ask it, so it outlives both.
    std::unique_ptr<CheckinApi> m_checkin;
    std::unique_ptr<LiveHub> m_live;
    std::unique_ptr<MessagesApi> m_messages;
    std::unique_ptr<CalendarApi> m_calendar;
    std::unique_ptr<Reminders> m_reminders;
    std::unique_ptr<RemindersApi> m_remindersApi;
    std::unique_ptr<NotificationsApi> m_notifications;
    std::unique_ptr<ApiDoc> m_apiDoc;
    std::unique_ptr<TicketKeys> m_ticketKeys;
    std::unique_ptr<TicketsApi> m_tickets;
    std::unique_ptr<Router> m_router;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<HttpWorker *> m_workers;
    std::unique_ptr<NotificationListener> m_eventListener;
    std::unique_ptr<JobWorker> m_jobs;
};

} // namespace Pudding::Server
