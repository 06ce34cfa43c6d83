// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

#include <QTranslator>

namespace Pudding::Server {

class AttendanceApi;
class Database;

/// The reminders' routes: a guest's offsets (GET/PUT /api/reminders) and the signed
/// "can't come after all" link of the reminder mail (GET|POST /cant-come/<token>). The link's
/// GET shows the meetup's title and one button and changes nothing; its POST frees the place
/// through AttendanceApi::leaveEvent(), the very code DELETE …/attendance runs. The pages are in
/// the guest's language (users.language).
class RemindersApi
{
public:
    RemindersApi(Database &db, AttendanceApi &attendance);

    /// Every reminders route (reminders/remindersroutes.cpp).
    void registerRoutes(Router &router);

    /// A page text in `language` ("de" or "en").
    [[nodiscard]] QString text(const QString &language, const char *source) const;

private:
    void getOffsets(Request &request, const Reply &reply);
    void putOffsets(Request &request, const Reply &reply);
    void cantComePage(Request &request, const Reply &reply);
    void cantComeConfirm(Request &request, const Reply &reply);

    Database &m_db;
    AttendanceApi &m_attendance;
    QTranslator m_german;
};

} // namespace Pudding::Server
