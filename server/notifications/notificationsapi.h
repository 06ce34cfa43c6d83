// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

namespace Pudding::Server {

class Database;
class JobWorker;

/// The inbox over HTTP: the list (newest first, paged with before=), marking read (frame
/// notifications_read to the user's sockets), the preferences per type and channel and the
/// join-request mail rhythm, and the signed one-click unsubscribe links of notice mails
/// (GET shows a page and changes nothing; POST unsubscribes, RFC 8058).
class NotificationsApi
{
public:
    explicit NotificationsApi(Database &db);

    /// Every route (notifications/notificationsroutes.cpp).
    void registerRoutes(Router &router);
    /// The job kinds "digest" (join requests at the next full hour or at 18:00) and
    /// "chat_mail" (chat messages while away), run by the instance's JobWorker. Each handler
    /// commits its own transaction; the worker marks the job done after it.
    static void registerJobs(JobWorker &worker);

    void list(Request &request, const Reply &reply);
    void markRead(Request &request, const Reply &reply);
    void preferences(Request &request, const Reply &reply);
    void updatePreferences(Request &request, const Reply &reply);
    void unsubscribePage(Request &request, const Reply &reply);
    void unsubscribe(Request &request, const Reply &reply);

private:
    Database &m_db;
};

} // namespace Pudding::Server
