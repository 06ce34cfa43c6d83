// SPDX-License-Identifier: GPL-3.0-or-later
#include "notifications.h"

#include "db/database.h"
#include "jobs/jobqueue.h"
#include "links/links.h"
#include "notificationslogging.h"
#include "publish/livepublisher.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <QTranslator>

using namespace Qt::StringLiterals;

// Outside any namespace, as Q_INIT_RESOURCE requires: the static library's German catalogue.
static void initNotificationResources()
{
    Q_INIT_RESOURCE(pudding_notifications_i18n);
}

namespace Pudding::Server::Notifications {

namespace {
// The texts, marked for the app's lupdate (the catalogue is shared), translated at run time
// with the German catalogue when the recipient reads German.
constexpr const char *kContext = "Notification";
constexpr const char *kJoinRequestTitle
    = QT_TRANSLATE_NOOP("Notification", "%1 would like to join “%2”");
constexpr const char *kJoinRequestBody = QT_TRANSLATE_NOOP(
    "Notification", "%1 brings: %2. Open the requests of your meetup to approve or decline.");
constexpr const char *kApprovedTitle = QT_TRANSLATE_NOOP("Notification", "You are in: “%1”");
constexpr const char *kApprovedBody
    = QT_TRANSLATE_NOOP("Notification", "The organizer approved your request. See you on %1.");
constexpr const char *kRejectedTitle
    = QT_TRANSLATE_NOOP("Notification", "Your request for “%1” was declined");
constexpr const char *kRejectedBody
    = QT_TRANSLATE_NOOP("Notification", "The organizer declined your request this time.");
constexpr const char *kNote = QT_TRANSLATE_NOOP("Notification", "Note from the organizer: %1");
constexpr const char *kOfferTitle
    = QT_TRANSLATE_NOOP("Notification", "A place is free for you: “%1”");
constexpr const char *kOfferBody = QT_TRANSLATE_NOOP("Notification",
    "It is held for you until %1. Accept it in the app before "
    "then, or it goes to the next person on the waiting list.");
constexpr const char *kExpiredTitle
    = QT_TRANSLATE_NOOP("Notification", "Your offer for “%1” has expired");
constexpr const char *kExpiredBody = QT_TRANSLATE_NOOP(
    "Notification", "You did not accept the place in time; it went to the next person.");
constexpr const char *kChangedTitle = QT_TRANSLATE_NOOP("Notification", "“%1” has changed");
constexpr const char *kChangedBody
    = QT_TRANSLATE_NOOP("Notification", "Changed: %1. It now starts on %2 in %3.");
constexpr const char *kChangeTime = QT_TRANSLATE_NOOP("Notification", "the time");
constexpr const char *kChangePlace = QT_TRANSLATE_NOOP("Notification", "the place");
constexpr const char *kChangeTitle = QT_TRANSLATE_NOOP("Notification", "the title");
constexpr const char *kChangeDescription = QT_TRANSLATE_NOOP("Notification", "the description");
constexpr const char *kChangeLimit = QT_TRANSLATE_NOOP("Notification", "the number of places");
constexpr const char *kCancelledTitle = QT_TRANSLATE_NOOP("Notification", "“%1” is cancelled");
constexpr const char *kCancelledBody
    = QT_TRANSLATE_NOOP("Notification", "The meetup on %1 will not take place.");
constexpr const char *kChatTitleOne = QT_TRANSLATE_NOOP("Notification", "New message in “%1”");
constexpr const char *kChatTitleMany = QT_TRANSLATE_NOOP("Notification", "%1 new messages in “%2”");
constexpr const char *kChatBody = QT_TRANSLATE_NOOP("Notification", "%1: %2");
constexpr const char *kReminderTitle
    = QT_TRANSLATE_NOOP("Notification", "Reminder: “%1” starts on %2");
constexpr const char *kReminderBody
    = QT_TRANSLATE_NOOP("Notification", "Where: %1. You bring: %2.");
constexpr const char *kReminderCantCome = QT_TRANSLATE_NOOP(
    "Notification", "Can't come after all? Free your place for someone on the waiting list: %1");
// There is no web app to link to: the mail says where to look instead of a dead button.
constexpr const char *kOpenApp
    = QT_TRANSLATE_NOOP("Notification", "Open the Pudding Gabel app to answer or to see more.");
constexpr const char *kFooter = QT_TRANSLATE_NOOP(
    "Notification", "You get this mail because of your notification settings in Pudding Gabel.");
constexpr const char *kUnsubscribe
    = QT_TRANSLATE_NOOP("Notification", "Unsubscribe from these mails");
constexpr const char *kDigestSubjectOne
    = QT_TRANSLATE_NOOP("Notification", "A new request to join your meetups");
constexpr const char *kDigestSubjectMany
    = QT_TRANSLATE_NOOP("Notification", "%1 new requests to join your meetups");
constexpr const char *kDigestIntro = QT_TRANSLATE_NOOP("Notification",
    "These requests arrived since the last summary. Open the requests of each meetup to "
    "approve or decline.");
constexpr const char *kTimeFormatEn = QT_TRANSLATE_NOOP("Notification", "dddd d MMMM yyyy, HH:mm");

const QTranslator &german()
{
    static const QTranslator *const translator = [] {
        initNotificationResources();
        auto *t = new QTranslator; // lives as long as the process, read by every thread
        if (!t->load(u":/pudding-notifications/pudding_de.qm"_s))
            qCWarning(lcNotifications) << "the German catalogue is missing; notices stay English";
        return t;
    }();
    return *translator;
}

struct Recipient
{
    QString email;
    QString name;
    QString language;
    QString timeZone;
    QString joinRequestMail;
    bool app = true;
    bool mail = true;
};

struct EventInfo
{
    QString title;
    qint64 startMs = 0;
    QString place; ///< the venue and city for those who see the exact place, else the city
};

QString formatTime(qint64 ms, const QString &timeZone, const QString &language)
{
    QTimeZone zone(timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, zone);
    if (language == u"de")
        return QLocale(QLocale::German, QLocale::Germany)
            .toString(local, u"dddd, d. MMMM yyyy, HH:mm 'Uhr'"_s);
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(local, QString::fromUtf8(kTimeFormatEn));
}

struct Rendered
{
    QString title;
    QString body;
};

Rendered render(const Notice &n, const Recipient &r, const EventInfo &e, int count)
{
    const QString &lang = r.language;
    auto t = [&](const char *s) { return text(lang, s); };
    const QString when = formatTime(e.startMs, r.timeZone, lang);
    auto withNote = [&](QString body) {
        const QString note = n.args.value("note"_L1).toString().trimmed();
        if (!note.isEmpty())
            body += u"\n"_s % t(kNote).arg(note);
        return body;
    };
    const QString type = n.type;
    if (type == u"join_request")
        return { t(kJoinRequestTitle).arg(n.args.value("guestName"_L1).toString(), e.title),
            t(kJoinRequestBody)
                .arg(n.args.value("guestName"_L1).toString(),
                    n.args.value("puddingName"_L1).toString()) };
    if (type == u"approved")
        return { t(kApprovedTitle).arg(e.title), withNote(t(kApprovedBody).arg(when)) };
    if (type == u"rejected")
        return { t(kRejectedTitle).arg(e.title), withNote(t(kRejectedBody)) };
    if (type == u"waitlist_offer")
        return { t(kOfferTitle).arg(e.title),
            t(kOfferBody)
                .arg(formatTime(n.args.value("expiresAt"_L1).toInteger(), r.timeZone, lang)) };
    if (type == u"offer_expired")
        return { t(kExpiredTitle).arg(e.title), t(kExpiredBody) };
    if (type == u"meetup_changed") {
        QStringList changes;
        for (const auto &v : n.args.value("changes"_L1).toArray()) {
            const QString c = v.toString();
            if (c == u"time")
                changes << t(kChangeTime);
            else if (c == u"place")
                changes << t(kChangePlace);
            else if (c == u"title")
                changes << t(kChangeTitle);
            else if (c == u"description")
                changes << t(kChangeDescription);
            else if (c == u"limit")
                changes << t(kChangeLimit);
        }
        return { t(kChangedTitle).arg(e.title),
            t(kChangedBody).arg(changes.join(u", "_s), when, e.place) };
    }
    if (type == u"meetup_cancelled")
        return { t(kCancelledTitle).arg(e.title), t(kCancelledBody).arg(when) };
    if (type == u"chat_message") {
        QString excerpt = n.args.value("excerpt"_L1).toString().simplified();
        if (excerpt.size() > 140)
            excerpt = excerpt.left(139) % u"…"_s;
        return { count > 1 ? t(kChatTitleMany).arg(QString::number(count), e.title)
                           : t(kChatTitleOne).arg(e.title),
            t(kChatBody).arg(n.args.value("senderName"_L1).toString(), excerpt) };
    }
    if (type == u"reminder") {
        QString body = t(kReminderBody).arg(e.place, n.args.value("puddingName"_L1).toString());
        const QString cantCome = n.args.value("cantComeUrl"_L1).toString();
        if (!cantCome.isEmpty())
            body += u"\n"_s % t(kReminderCantCome).arg(cantCome);
        return { t(kReminderTitle).arg(e.title, when), body };
    }
    return { type, QString() };
}

/// The one layout of every notice mail: the title, the body, a button, the footer with the
/// unsubscribe link of the type.
Mail::OutgoingMail noticeMail(qint64 userId, const Recipient &r, const QString &type,
    const QString &title, const QString &body, const QString &link)
{
    auto t = [&](const char *s) { return text(r.language, s); };
    Q_UNUSED(link) // the app opens it from the inbox
    const QString unsubscribe = unsubscribeUrl(userId, type);
    Mail::OutgoingMail m;
    m.to = r.email;
    m.toName = r.name;
    m.subject = title;
    m.language = r.language;
    m.category = type;
    m.unsubscribeUrl = unsubscribe;
    m.userId = userId;
    m.text = title % u"\n\n"_s % body % u"\n\n"_s % t(kOpenApp) % u"\n\n-- \n"_s % t(kFooter)
        % u"\n"_s % t(kUnsubscribe) % u": "_s % unsubscribe % u"\n"_s;
    QString htmlBody = body.toHtmlEscaped();
    htmlBody.replace(u'\n', u"<br>"_s);
    // Links in the body (the signed can't-come link) can be clicked.
    static const QRegularExpression url(u"(https?://[^\\s<]+)"_s);
    htmlBody.replace(url, u"<a href=\"\\1\">\\1</a>"_s);
    m.html = u"<!DOCTYPE html><html lang=\""_s % r.language
        % u"\"><head><meta charset=\"utf-8\"><title>"_s % title.toHtmlEscaped()
        % u"</title></head><body style=\"font-family:sans-serif;color:#222;max-width:36em;"
          "margin:0 auto;padding:1em\"><h1 style=\"font-size:1.3em\">"_s
        % title.toHtmlEscaped() % u"</h1><p style=\"line-height:1.4\">"_s % htmlBody
        % u"</p><p style=\"margin:1.5em 0;line-height:1.4\">"_s % t(kOpenApp).toHtmlEscaped()
        % u"</p><hr style=\"border:0;border-top:1px solid #ccc\"><p style=\"font-size:.85em;"
          "color:#666\">"_s
        % t(kFooter).toHtmlEscaped() % u"<br><a href=\""_s % unsubscribe.toHtmlEscaped()
        % u"\" style=\"color:#666\">"_s % t(kUnsubscribe).toHtmlEscaped()
        % u"</a></p></body></html>"_s;
    return m;
}

std::optional<Recipient> loadRecipient(DbSession &s, qint64 userId, const QString &type)
{
    auto *q = s.run(u"SELECT u.email, u.name, u.language, u.time_zone, u.join_request_mail, "
                    "coalesce((SELECT enabled FROM notification_preferences p WHERE p.user_id = "
                    "u.id AND p.type = ? AND p.channel = 'app'), true), "
                    "coalesce((SELECT enabled FROM notification_preferences p WHERE p.user_id = "
                    "u.id AND p.type = ? AND p.channel = 'mail'), ?) "
                    "FROM users u WHERE u.id = ?"_s,
        { type, type, mailByDefault(type), userId });
    if (!q)
        return std::nullopt;
    Recipient r;
    if (q->next()) {
        r.email = q->value(0).toString();
        r.name = q->value(1).toString();
        r.language = q->value(2).toString();
        r.timeZone = q->value(3).toString();
        r.joinRequestMail = q->value(4).toString();
        r.app = q->value(5).toBool();
        r.mail = q->value(6).toBool();
    }
    q->finish();
    return r;
}

std::optional<EventInfo> loadEvent(DbSession &s, qint64 eventId, qint64 userId)
{
    EventInfo e;
    if (eventId == 0)
        return e;
    // The place by the one rule: the organizer and approved guests see the venue.
    auto *q = s.run(u"SELECT e.title, (extract(epoch from e.start_time) * 1000)::bigint, e.city, "
                    "e.venue, (e.organizer_id = ? OR EXISTS (SELECT 1 FROM attendances a WHERE "
                    "a.event_id = e.id AND a.user_id = ? AND a.status = 'APPROVED')) "
                    "FROM events e WHERE e.id = ?"_s,
        { userId, userId, eventId });
    if (!q)
        return std::nullopt;
    if (q->next()) {
        e.title = q->value(0).toString();
        e.startMs = q->value(1).toLongLong();
        const QString city = q->value(2).toString();
        const QString venue = q->value(3).toString();
        e.place = q->value(4).toBool() && !venue.isEmpty() ? venue % u", "_s % city : city;
    }
    q->finish();
    return e;
}

QJsonObject rowJson(const QSqlQuery &q)
{
    // id, type, title, body, link, event_id, attendance_id, count, created ms, read
    return { { u"id"_s, q.value(0).toLongLong() }, { u"type"_s, q.value(1).toString() },
        { u"title"_s, q.value(2).toString() }, { u"body"_s, q.value(3).toString() },
        { u"link"_s, q.value(4).toString() },
        { u"eventId"_s, q.value(5).isNull() ? QJsonValue() : q.value(5).toLongLong() },
        { u"attendanceId"_s, q.value(6).isNull() ? QJsonValue() : q.value(6).toLongLong() },
        { u"count"_s, q.value(7).toInt() }, { u"createdAt"_s, q.value(8).toLongLong() },
        { u"read"_s, q.value(9).toBool() } };
}

bool enqueueDigest(DbSession &s, qint64 userId, const Recipient &r)
{
    // The next slot by the queue's clock: the next full hour, or the next 18:00 on the
    // organizer's wall clock (timestamp arithmetic in the zone, so DST moves the instant).
    const bool daily = r.joinRequestMail == u"daily";
    QSqlQuery *q = nullptr;
    if (daily) {
        q = s.run(
            u"WITH z AS (SELECT coalesce((SELECT name FROM pg_timezone_names WHERE name = ?), "
            "'UTC') AS tz), d AS (SELECT tz, (date_trunc('day', pudding_now() AT TIME ZONE "
            "tz) + interval '18 hours') AS l18 FROM z) "
            "SELECT (extract(epoch from CASE WHEN (l18 AT TIME ZONE tz) > pudding_now() "
            "THEN l18 AT TIME ZONE tz ELSE (l18 + interval '1 day') AT TIME ZONE tz END) "
            "* 1000)::bigint FROM d"_s,
            { r.timeZone });
    } else {
        q = s.run(u"SELECT (extract(epoch from date_trunc('hour', pudding_now()) + interval "
                  "'1 hour') * 1000)::bigint"_s);
    }
    if (!q || !q->next())
        return false;
    const qint64 slot = q->value(0).toLongLong();
    q->finish();
    JobQueue::NewJob job;
    job.kind = QString::fromLatin1(DigestJob);
    job.payload = { { u"userId"_s, userId }, { u"slot"_s, slot } };
    job.runAt = QDateTime::fromMSecsSinceEpoch(slot, QTimeZone::utc());
    job.dedupeKey = u"digest:%1:%2"_s.arg(userId).arg(slot);
    return JobQueue::enqueue(s, job).ok();
}
} // namespace

QString text(const QString &language, const char *source)
{
    if (language == u"de") {
        QString translated = german().translate(kContext, source);
        if (!translated.isEmpty())
            return translated;
    }
    return QString::fromUtf8(source);
}

const QStringList &types()
{
    static const QStringList list { u"join_request"_s, u"approved"_s, u"rejected"_s,
        u"waitlist_offer"_s, u"offer_expired"_s, u"meetup_changed"_s, u"meetup_cancelled"_s,
        u"chat_message"_s, u"reminder"_s };
    return list;
}

bool mailByDefault(QStringView type)
{
    return type != u"chat_message";
}

QString unsubscribeUrl(qint64 userId, const QString &type)
{
    return Links::url(
        u"/unsubscribe/"_s % Links::sign(u"unsubscribe", { { u"u"_s, userId }, { u"t"_s, type } }));
}

qint64 unreadCount(DbSession &s, qint64 userId)
{
    auto *q = s.run(
        u"SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL"_s, { userId });
    if (!q || !q->next())
        return -1;
    const qint64 n = q->value(0).toLongLong();
    q->finish();
    return n;
}

bool post(DbSession &s, const Notice &notice)
{
    const auto recipient = loadRecipient(s, notice.userId, notice.type);
    if (!recipient)
        return false;
    if (recipient->email.isEmpty()) {
        qCWarning(lcNotifications) << "no such recipient" << notice.userId;
        return true;
    }
    const bool chat = notice.type == u"chat_message";
    if (chat && !recipient->app)
        return true;
    const auto event = loadEvent(s, notice.eventId, notice.userId);
    if (!event)
        return false;

    const QString columns
        = u"id, type, title, body, link, event_id, attendance_id, count, "
          "(extract(epoch from created_at) * 1000)::bigint, read_at IS NOT NULL"_s;
    QSqlQuery *q = nullptr;
    Rendered texts;
    if (chat) {
        // One unread row per (user, meetup): the count grows, the text shows the latest.
        auto *c = s.run(u"SELECT count FROM notifications WHERE user_id = ? AND event_id = ? AND "
                        "type = 'chat_message' AND read_at IS NULL FOR UPDATE"_s,
            { notice.userId, notice.eventId });
        if (!c)
            return false;
        const int count = c->next() ? c->value(0).toInt() + 1 : 1;
        c->finish();
        texts = render(notice, *recipient, *event, count);
        q = s.run(u"INSERT INTO notifications (user_id, type, title, body, link, event_id, "
                  "attendance_id) VALUES (?, 'chat_message', ?, ?, ?, ?, nullif(?, 0)) "
                  "ON CONFLICT (user_id, event_id) WHERE type = 'chat_message' AND read_at IS NULL "
                  "DO UPDATE SET count = notifications.count + 1, title = EXCLUDED.title, "
                  "body = EXCLUDED.body, created_at = pudding_now() RETURNING "_s
                % columns,
            { notice.userId, texts.title.left(300), texts.body.left(2000), notice.link,
                notice.eventId, notice.attendanceId });
    } else {
        texts = render(notice, *recipient, *event, 1);
        q = s.run(u"INSERT INTO notifications (user_id, type, title, body, link, event_id, "
                  "attendance_id, read_at) VALUES (?, ?, ?, ?, ?, nullif(?, 0), nullif(?, 0), "
                  "CASE WHEN ? THEN NULL ELSE pudding_now() END) RETURNING "_s
                % columns,
            { notice.userId, notice.type, texts.title.left(300), texts.body.left(2000), notice.link,
                notice.eventId, notice.attendanceId, recipient->app });
    }
    if (!q || !q->next())
        return false;
    const QJsonObject row = rowJson(*q);
    q->finish();
    const qint64 id = row.value("id"_L1).toInteger();

    if (recipient->app) {
        const qint64 unread = unreadCount(s, notice.userId);
        if (unread < 0)
            return false;
        const QJsonObject frame { { u"type"_s, u"notification"_s }, { u"notification"_s, row },
            { u"unreadCount"_s, unread } };
        if (!LivePublisher::notifyUsers(
                s, { notice.userId }, QJsonDocument(frame).toJson(QJsonDocument::Compact)))
            return false;
    }

    if (!recipient->mail)
        return true;
    if (chat) {
        JobQueue::NewJob job;
        job.kind = QString::fromLatin1(ChatMailJob);
        job.payload = { { u"userId"_s, notice.userId }, { u"eventId"_s, notice.eventId },
            { u"notificationId"_s, id } };
        auto *due = s.run(u"SELECT (extract(epoch from pudding_now() + make_interval(mins => ?)) "
                          "* 1000)::bigint"_s,
            { ChatMailDelayMinutes });
        if (!due || !due->next())
            return false;
        job.runAt = QDateTime::fromMSecsSinceEpoch(due->value(0).toLongLong(), QTimeZone::utc());
        due->finish();
        job.dedupeKey = u"chat_mail:%1:%2:%3"_s.arg(notice.userId).arg(notice.eventId).arg(id);
        return JobQueue::enqueue(s, job).ok();
    }
    if (notice.type == u"join_request" && recipient->joinRequestMail != u"immediate") {
        if (!s.run(u"UPDATE notifications SET mail_pending = true WHERE id = ?"_s, { id }))
            return false;
        return enqueueDigest(s, notice.userId, *recipient);
    }
    Mail::OutgoingMail mail
        = noticeMail(notice.userId, *recipient, notice.type, texts.title, texts.body, notice.link);
    mail.attachments = notice.attachments;
    const QString key
        = notice.mailDedupeKey.isEmpty() ? u"notice:%1"_s.arg(id) : notice.mailDedupeKey;
    return Mail::enqueue(s, mail, key).ok();
}

bool postToAll(DbSession &s, const QList<qint64> &userIds, Notice notice)
{
    const QString key = notice.mailDedupeKey;
    for (const qint64 userId : userIds) {
        notice.userId = userId;
        if (!key.isEmpty())
            notice.mailDedupeKey = key % u":"_s % QString::number(userId);
        if (!post(s, notice))
            return false;
    }
    return true;
}

bool postToAudience(DbSession &s, qint64 eventId, Notice notice)
{
    auto *q = s.run(u"SELECT a.user_id FROM attendances a JOIN events e ON e.id = a.event_id "
                    "WHERE a.event_id = ? AND a.user_id <> e.organizer_id AND a.status IN "
                    "('APPROVED', 'PENDING', 'WAITLISTED', 'OFFERED') ORDER BY a.user_id"_s,
        { eventId });
    if (!q)
        return false;
    QList<qint64> users;
    while (q->next())
        users.append(q->value(0).toLongLong());
    q->finish();
    notice.eventId = eventId;
    return postToAll(s, users, std::move(notice));
}

bool runDigest(DbSession &s, const QJsonObject &payload, QString &error)
{
    const qint64 userId = payload.value("userId"_L1).toInteger();
    const qint64 slot = payload.value("slot"_L1).toInteger();
    Transaction tx(s);
    const auto recipient = loadRecipient(s, userId, u"join_request"_s);
    auto *q = tx.exec(u"SELECT id, title, body, link FROM notifications WHERE user_id = ? AND "
                      "mail_pending ORDER BY id FOR UPDATE"_s,
        { userId });
    if (!recipient || !q) {
        error = s.lastError().text();
        return false;
    }
    QStringList titles;
    QStringList bodies;
    QString firstLink;
    while (q->next()) {
        titles << q->value(1).toString();
        bodies << q->value(2).toString();
        if (firstLink.isEmpty())
            firstLink = q->value(3).toString();
    }
    q->finish();
    if (titles.isEmpty())
        return true; // an earlier run (or another slot's digest) sent them
    if (!tx.exec(u"UPDATE notifications SET mail_pending = false WHERE user_id = ? AND "
                 "mail_pending"_s,
            { userId })) {
        error = s.lastError().text();
        return false;
    }
    if (recipient->mail && !recipient->email.isEmpty()) {
        auto t = [&](const char *src) { return text(recipient->language, src); };
        const QString subject = titles.size() == 1
            ? t(kDigestSubjectOne)
            : t(kDigestSubjectMany).arg(QString::number(titles.size()));
        QString body = t(kDigestIntro);
        for (qsizetype i = 0; i < titles.size(); ++i)
            body += u"\n\n• "_s % titles[i] % u"\n"_s % bodies[i];
        Mail::OutgoingMail mail
            = noticeMail(userId, *recipient, u"join_request"_s, subject, body, firstLink);
        if (!Mail::enqueue(s, mail, u"digest_mail:%1:%2"_s.arg(userId).arg(slot))) {
            error = s.lastError().text();
            return false;
        }
    }
    if (!tx.commit()) {
        error = tx.error().text();
        return false;
    }
    return true;
}

bool runChatMail(DbSession &s, const QJsonObject &payload, QString &error)
{
    const qint64 userId = payload.value("userId"_L1).toInteger();
    const qint64 notificationId = payload.value("notificationId"_L1).toInteger();
    Transaction tx(s);
    const auto recipient = loadRecipient(s, userId, u"chat_message"_s);
    auto *q = tx.exec(u"SELECT title, body, link FROM notifications WHERE id = ? AND user_id = ? "
                      "AND read_at IS NULL"_s,
        { notificationId, userId });
    if (!recipient || !q) {
        error = s.lastError().text();
        return false;
    }
    if (!q->next())
        return true; // read meanwhile: nothing to tell
    const QString title = q->value(0).toString();
    const QString body = q->value(1).toString();
    const QString link = q->value(2).toString();
    q->finish();
    if (!recipient->mail || recipient->email.isEmpty())
        return true;
    const Mail::OutgoingMail mail
        = noticeMail(userId, *recipient, u"chat_message"_s, title, body, link);
    if (!Mail::enqueue(s, mail, u"chat_mail_sent:%1"_s.arg(notificationId))) {
        error = s.lastError().text();
        return false;
    }
    if (!tx.commit()) {
        error = tx.error().text();
        return false;
    }
    return true;
}

} // namespace Pudding::Server::Notifications
