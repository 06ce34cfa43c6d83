// SPDX-License-Identifier: GPL-3.0-or-later
#include "notifications.h"

#include "db/database.h"
#include "publish/livepublisher.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Pudding::Server::Notifications {

bool post(DbSession &session, const Notice &notice)
{
    // Foundation: the row and the live frame. The texts in the recipient's language, the
    // preferences and the mail come with the notifications work (issue 14, INBOX).
    auto *q = session.run(u"INSERT INTO notifications (user_id, type, title, body, link, event_id, "
                          "attendance_id) VALUES (?, ?, ?, '', ?, nullif(?, 0), nullif(?, 0)) "
                          "RETURNING id"_s,
        { notice.userId, notice.type, notice.type, notice.link, notice.eventId,
            notice.attendanceId });
    if (!q || !q->next())
        return false;
    const qint64 id = q->value(0).toLongLong();
    q->finish();
    const QJsonObject frame { { u"type"_s, u"notification"_s },
        { u"notification"_s,
            QJsonObject {
                { u"id"_s, id }, { u"type"_s, notice.type }, { u"link"_s, notice.link } } } };
    return LivePublisher::notifyUsers(
        session, { notice.userId }, QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

} // namespace Pudding::Server::Notifications
