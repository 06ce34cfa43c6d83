// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationsapi.h"

#include "db/database.h"
#include "http/htmlpage.h"
#include "jobs/jobworker.h"
#include "links/links.h"
#include "notifications.h"
#include "notificationslogging.h"
#include "publish/livepublisher.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class NotificationsText
{
    Q_DECLARE_TR_FUNCTIONS(Notifications)
};
namespace EC = Protocol::ErrorCode;

/// The transactional mails of the account (password reset, address confirmation): listed
/// with the preferences as the one row whose mail cannot be switched off.
constexpr auto kAccountType = "account";
constexpr int kDefaultLimit = 30;
constexpr int kMaxLimit = 100;
constexpr int kMaxIds = 500;

// Unsubscribe pages, in the recipient's language (server catalogue, context "Notification").
constexpr const char *kUnsubTitle = QT_TRANSLATE_NOOP("Notification", "Unsubscribe");
constexpr const char *kUnsubText = QT_TRANSLATE_NOOP("Notification",
    "Stop mails of this kind: %1? You still see them in the app, "
    "and you can switch the mails on again in its settings.");
constexpr const char *kUnsubButton = QT_TRANSLATE_NOOP("Notification", "Unsubscribe");
constexpr const char *kUnsubDoneTitle = QT_TRANSLATE_NOOP("Notification", "Unsubscribed");
constexpr const char *kUnsubDoneText
    = QT_TRANSLATE_NOOP("Notification", "You will get no more mails of this kind: %1.");
constexpr const char *kBadLinkTitle = QT_TRANSLATE_NOOP("Notification", "This link is not valid");
constexpr const char *kBadLinkText = QT_TRANSLATE_NOOP("Notification",
    "The link may be incomplete. Copy the whole link from the mail, or change your mail "
    "settings in the app.");
constexpr const char *kErrorTitle = QT_TRANSLATE_NOOP("Notification", "Something went wrong");
constexpr const char *kErrorText
    = QT_TRANSLATE_NOOP("Notification", "Please try again in a moment.");
constexpr const char *kTypeJoinRequest
    = QT_TRANSLATE_NOOP("Notification", "requests to join your meetups");
constexpr const char *kTypeApproved = QT_TRANSLATE_NOOP("Notification", "approved requests");
constexpr const char *kTypeRejected = QT_TRANSLATE_NOOP("Notification", "declined requests");
constexpr const char *kTypeOffer
    = QT_TRANSLATE_NOOP("Notification", "places offered from the waiting list");
constexpr const char *kTypeExpired = QT_TRANSLATE_NOOP("Notification", "expired offers");
constexpr const char *kTypeChanged = QT_TRANSLATE_NOOP("Notification", "changed meetups");
constexpr const char *kTypeCancelled = QT_TRANSLATE_NOOP("Notification", "cancelled meetups");
constexpr const char *kTypeChat = QT_TRANSLATE_NOOP("Notification", "chat messages");
constexpr const char *kTypeReminder = QT_TRANSLATE_NOOP("Notification", "reminders");

QString typeLabel(const QString &lang, const QString &type)
{
    static const QHash<QString, const char *> labels { { u"join_request"_s, kTypeJoinRequest },
        { u"approved"_s, kTypeApproved }, { u"rejected"_s, kTypeRejected },
        { u"waitlist_offer"_s, kTypeOffer }, { u"offer_expired"_s, kTypeExpired },
        { u"meetup_changed"_s, kTypeChanged }, { u"meetup_cancelled"_s, kTypeCancelled },
        { u"chat_message"_s, kTypeChat }, { u"reminder"_s, kTypeReminder } };
    const char *label = labels.value(type);
    return label ? Notifications::text(lang, label) : type;
}

const QString kColumns = u"id, type, title, body, link, event_id, attendance_id, count, "
                         "(extract(epoch from created_at) * 1000)::bigint, read_at IS NOT NULL"_s;

QJsonObject rowJson(const QSqlQuery &q)
{
    return { { u"id"_s, q.value(0).toLongLong() }, { u"type"_s, q.value(1).toString() },
        { u"title"_s, q.value(2).toString() }, { u"body"_s, q.value(3).toString() },
        { u"link"_s, q.value(4).toString() },
        { u"eventId"_s, q.value(5).isNull() ? QJsonValue() : q.value(5).toLongLong() },
        { u"attendanceId"_s, q.value(6).isNull() ? QJsonValue() : q.value(6).toLongLong() },
        { u"count"_s, q.value(7).toInt() }, { u"createdAt"_s, q.value(8).toLongLong() },
        { u"read"_s, q.value(9).toBool() } };
}

HttpResponse preferencesJson(DbSession &s, qint64 userId)
{
    auto *q = s.run(u"SELECT type, channel, enabled FROM notification_preferences "
                    "WHERE user_id = ?"_s,
        { userId });
    if (!q)
        return HttpResponse::fromError(databaseError(s.lastError(), "preferences"));
    QHash<QString, bool> chosen;
    while (q->next())
        chosen.insert(q->value(0).toString() % u'/' % q->value(1).toString(), q->value(2).toBool());
    q->finish();
    auto *u = s.run(u"SELECT join_request_mail FROM users WHERE id = ?"_s, { userId });
    if (!u || !u->next())
        return HttpResponse::fromError(databaseError(s.lastError(), "preferences"));
    const QString rhythm = u->value(0).toString();
    u->finish();
    QJsonArray list;
    for (const QString &type : Notifications::types())
        list.append(
            QJsonObject { { u"type"_s, type }, { u"app"_s, chosen.value(type % u"/app"_s, true) },
                { u"mail"_s, chosen.value(type % u"/mail"_s, Notifications::mailByDefault(type)) },
                { u"mailLocked"_s, false } });
    list.append(QJsonObject { { u"type"_s, QString::fromLatin1(kAccountType) }, { u"app"_s, false },
        { u"mail"_s, true }, { u"mailLocked"_s, true } });
    return HttpResponse::json(
        QJsonObject { { u"preferences"_s, list }, { u"joinRequestMail"_s, rhythm } });
}

QString languageOf(DbSession &s, qint64 userId)
{
    auto *q = s.run(u"SELECT language FROM users WHERE id = ?"_s, { userId });
    QString lang = u"en"_s;
    if (q && q->next())
        lang = q->value(0).toString();
    if (q)
        q->finish();
    return lang;
}

struct UnsubscribeClaims
{
    qint64 userId = 0;
    QString type;
};

std::optional<UnsubscribeClaims> claimsOf(const Request &request)
{
    const auto claims
        = Links::verify(u"unsubscribe", request.tokens.value(0), QDateTime::currentDateTimeUtc());
    if (!claims)
        return std::nullopt;
    UnsubscribeClaims c { claims->value("u"_L1).toInteger(), claims->value("t"_L1).toString() };
    if (c.userId <= 0 || !Notifications::types().contains(c.type))
        return std::nullopt;
    return c;
}
} // namespace

NotificationsApi::NotificationsApi(Database &db)
    : m_db(db)
{ }

void NotificationsApi::list(Request &request, const Reply &reply)
{
    const qint64 userId = request.user->id;
    qint64 before = 0;
    int limit = kDefaultLimit;
    if (request.query.hasQueryItem(u"before"_s)) {
        before = canonicalId(request.queryValue(u"before"_s));
        if (before <= 0) {
            reply.send(HttpResponse::validation(
                { { u"before"_s, NotificationsText::tr("Use the id of a notification.") } }));
            return;
        }
    }
    if (request.query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = request.queryValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxLimit) {
            reply.send(HttpResponse::validation(
                { { u"limit"_s, NotificationsText::tr("Use a number from 1 to 100.") } }));
            return;
        }
    }
    m_db.run([userId, before, limit](DbSession &s) -> HttpResponse {
            // One snapshot for the page and the count.
            Transaction tx(s);
            auto *q = tx.exec(u"SELECT "_s % kColumns
                    % u" FROM notifications WHERE user_id = ? AND (? = 0 OR id < ?) "
                      "ORDER BY id DESC LIMIT ?"_s,
                { userId, before, before, limit });
            if (!q)
                return HttpResponse::fromError(databaseError(s.lastError(), "notifications"));
            QJsonArray rows;
            while (q->next())
                rows.append(rowJson(*q));
            q->finish();
            const qint64 unread = Notifications::unreadCount(s, userId);
            if (unread < 0 || !tx.commit())
                return HttpResponse::fromError(databaseError(s.lastError(), "notifications"));
            return HttpResponse::json(
                QJsonObject { { u"notifications"_s, rows }, { u"unreadCount"_s, unread } });
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void NotificationsApi::markRead(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    const qint64 userId = request.user->id;
    const bool all = body->value("all"_L1).toBool(false);
    QList<qint64> ids;
    if (body->contains("all"_L1) && !body->value("all"_L1).isBool()) {
        reply.send(HttpResponse::validation({ { u"all"_s, NotificationsText::tr("Use true.") } }));
        return;
    }
    if (!all) {
        const QJsonValue v = body->value("ids"_L1);
        bool ok = v.isArray() && !v.toArray().isEmpty() && v.toArray().size() <= kMaxIds;
        for (const auto &id : v.toArray()) {
            const qint64 n = id.toInteger(0);
            ok = ok && id.isDouble() && n > 0 && static_cast<double>(n) == id.toDouble();
            ids.append(n);
        }
        if (!ok) {
            reply.send(HttpResponse::validation({ { u"ids"_s,
                NotificationsText::tr("Give 1 to 500 notification ids, or all: true.") } }));
            return;
        }
    }
    m_db.run([userId, all, ids](DbSession &s) -> HttpResponse {
            Transaction tx(s);
            QString idArray = u"{"_s;
            for (qsizetype i = 0; i < ids.size(); ++i)
                idArray += (i ? u","_s : QString()) % QString::number(ids[i]);
            idArray += u"}"_s;
            QSqlQuery *q = all
                ? tx.exec(u"UPDATE notifications SET read_at = pudding_now() WHERE user_id = ? "
                          "AND read_at IS NULL"_s,
                    { userId })
                : tx.exec(u"UPDATE notifications SET read_at = pudding_now() WHERE user_id = ? "
                          "AND read_at IS NULL AND id = ANY (?::bigint[])"_s,
                    { userId, idArray });
            if (!q)
                return HttpResponse::fromError(databaseError(s.lastError(), "mark read"));
            const qint64 unread = Notifications::unreadCount(s, userId);
            if (unread < 0)
                return HttpResponse::fromError(databaseError(s.lastError(), "mark read"));
            QJsonObject frame { { u"type"_s, u"notifications_read"_s },
                { u"unreadCount"_s, unread } };
            if (all) {
                frame.insert(u"all"_s, true);
            } else {
                QJsonArray list;
                for (const qint64 id : ids)
                    list.append(id);
                frame.insert(u"ids"_s, list);
            }
            if (!LivePublisher::notifyUsers(
                    s, { userId }, QJsonDocument(frame).toJson(QJsonDocument::Compact))
                || !tx.commit())
                return HttpResponse::fromError(databaseError(tx.error(), "mark read"));
            return HttpResponse::json(QJsonObject { { u"unreadCount"_s, unread } });
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void NotificationsApi::preferences(Request &request, const Reply &reply)
{
    const qint64 userId = request.user->id;
    m_db.run([userId](DbSession &s) { return preferencesJson(s, userId); })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void NotificationsApi::updatePreferences(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    const qint64 userId = request.user->id;
    struct Change
    {
        QString type;
        QString channel;
        bool enabled;
    };
    QList<Change> changes;
    const QJsonValue prefs = body->value("preferences"_L1);
    const QString bad = NotificationsText::tr(
        "Give a list of {type, app, mail} with a known type and true or false.");
    if (!prefs.isUndefined()) {
        if (!prefs.isArray()) {
            reply.send(HttpResponse::validation({ { u"preferences"_s, bad } }));
            return;
        }
        for (const auto &v : prefs.toArray()) {
            const QJsonObject o = v.toObject();
            const QString type = o.value("type"_L1).toString();
            const bool account = type == QLatin1StringView(kAccountType);
            if (!v.isObject() || (!Notifications::types().contains(type) && !account)) {
                reply.send(HttpResponse::validation({ { u"preferences"_s, bad } }));
                return;
            }
            for (const QString &channel : { u"app"_s, u"mail"_s }) {
                const QJsonValue e = o.value(channel);
                if (e.isUndefined())
                    continue;
                if (!e.isBool()) {
                    reply.send(HttpResponse::validation({ { u"preferences"_s, bad } }));
                    return;
                }
                if (account) {
                    // Password reset and address confirmation always go out.
                    if ((channel == u"mail") != e.toBool()) {
                        reply.send(HttpResponse::validation({ { u"preferences"_s,
                            NotificationsText::tr(
                                "Mails about your account cannot be switched off.") } }));
                        return;
                    }
                    continue;
                }
                changes.append({ type, channel, e.toBool() });
            }
        }
    }
    const QJsonValue rhythmValue = body->value("joinRequestMail"_L1);
    QString rhythm;
    if (!rhythmValue.isUndefined()) {
        rhythm = rhythmValue.toString();
        if (rhythm != u"immediate" && rhythm != u"hourly" && rhythm != u"daily") {
            reply.send(HttpResponse::validation({ { u"joinRequestMail"_s,
                NotificationsText::tr("Use immediate, hourly or daily.") } }));
            return;
        }
    }
    m_db.run([userId, changes, rhythm](DbSession &s) -> HttpResponse {
            Transaction tx(s);
            for (const Change &c : changes) {
                if (!tx.exec(u"INSERT INTO notification_preferences (user_id, type, channel, "
                             "enabled) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, type, channel) "
                             "DO UPDATE SET enabled = EXCLUDED.enabled"_s,
                        { userId, c.type, c.channel, c.enabled }))
                    return HttpResponse::fromError(databaseError(tx.error(), "preferences"));
            }
            if (!rhythm.isEmpty()
                && !tx.exec(
                    u"UPDATE users SET join_request_mail = ? WHERE id = ?"_s, { rhythm, userId }))
                return HttpResponse::fromError(databaseError(tx.error(), "preferences"));
            HttpResponse response = preferencesJson(s, userId);
            if (response.status != 200 || !tx.commit())
                return HttpResponse::fromError(databaseError(tx.error(), "preferences"));
            return response;
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void NotificationsApi::unsubscribePage(Request &request, const Reply &reply)
{
    const auto claims = claimsOf(request);
    if (!claims) {
        reply.send(htmlPage(u"en"_s, Notifications::text(u"en"_s, kBadLinkTitle),
            Notifications::text(u"en"_s, kBadLinkText), {}, 400));
        return;
    }
    const QString action = request.path;
    // Reads only: mail scanners follow links, so GET never changes anything.
    m_db.run([c = *claims, action](DbSession &s) {
            const QString lang = languageOf(s, c.userId);
            auto t = [&](const char *src) { return Notifications::text(lang, src); };
            HtmlForm form;
            form.action = action;
            form.button = t(kUnsubButton);
            form.hidden = { { u"List-Unsubscribe"_s, u"One-Click"_s } };
            return htmlPage(lang, t(kUnsubTitle), t(kUnsubText).arg(typeLabel(lang, c.type)), form);
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void NotificationsApi::unsubscribe(Request &request, const Reply &reply)
{
    const auto claims = claimsOf(request);
    if (!claims) {
        reply.send(htmlPage(u"en"_s, Notifications::text(u"en"_s, kBadLinkTitle),
            Notifications::text(u"en"_s, kBadLinkText), {}, 400));
        return;
    }
    m_db.run([c = *claims](DbSession &s) {
            Transaction tx(s);
            auto *q = tx.exec(u"INSERT INTO notification_preferences (user_id, type, channel, "
                              "enabled) SELECT id, ?, 'mail', false FROM users WHERE id = ? "
                              "ON CONFLICT (user_id, type, channel) DO UPDATE SET enabled = "
                              "false RETURNING user_id"_s,
                { c.type, c.userId });
            const bool found = q && q->next();
            if (q)
                q->finish();
            const QString lang = languageOf(s, c.userId);
            auto t = [&](const char *src) { return Notifications::text(lang, src); };
            if (!q || !tx.commit())
                return htmlPage(lang, t(kErrorTitle), t(kErrorText), {}, 503);
            if (!found)
                return htmlPage(lang, t(kBadLinkTitle), t(kBadLinkText), {}, 404);
            qCInfo(lcNotifications) << "user" << c.userId << "unsubscribed from" << c.type;
            return htmlPage(
                lang, t(kUnsubDoneTitle), t(kUnsubDoneText).arg(typeLabel(lang, c.type)));
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void NotificationsApi::registerJobs(JobWorker &worker)
{
    const auto handler = [](bool (*run)(DbSession &, const QJsonObject &, QString &)) {
        return [run](DbSession &s, const Job &job) {
            QString error;
            return run(s, job.payload, error) ? JobResult::done() : JobResult::retry(error);
        };
    };
    worker.registerHandler(
        QString::fromLatin1(Notifications::DigestJob), handler(&Notifications::runDigest));
    worker.registerHandler(
        QString::fromLatin1(Notifications::ChatMailJob), handler(&Notifications::runChatMail));
}

} // namespace Pudding::Server
