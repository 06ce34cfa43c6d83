// SPDX-License-Identifier: GPL-3.0-or-later
#include "remindersapi.h"

#include "attendance/attendanceapi.h"
#include "db/database.h"
#include "http/htmlpage.h"
#include "links/links.h"
#include "reminders.h"
#include "reminderslogging.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>
#include <cmath>

using namespace Qt::StringLiterals;

// Outside any namespace, as Q_INIT_RESOURCE requires: the static library's German catalogue.
static void initRemindersResources()
{
    Q_INIT_RESOURCE(pudding_reminders_i18n);
}

namespace Pudding::Server {

namespace {
class ReminderApiText
{
    Q_DECLARE_TR_FUNCTIONS(Reminders)
};
namespace EC = Protocol::ErrorCode;

// The can't-come pages, in the guest's language: marked for lupdate here, translated with the
// German catalogue (RemindersApi::text).
constexpr const char *kContext = "CantComePage";
constexpr const char *kPageTitle = QT_TRANSLATE_NOOP("CantComePage", "Can't come after all?");
constexpr const char *kPageText = QT_TRANSLATE_NOOP("CantComePage",
    "You have a place at “%1”. If you cannot come, give it back so that someone from the "
    "waiting list can take it. This cannot be undone.");
constexpr const char *kButton = QT_TRANSLATE_NOOP("CantComePage", "Give back my place");
constexpr const char *kDoneTitle = QT_TRANSLATE_NOOP("CantComePage", "Your place is free");
constexpr const char *kDoneText = QT_TRANSLATE_NOOP(
    "CantComePage", "Thank you for letting us know. Your place at “%1” is free for someone else.");
constexpr const char *kGoneTitle = QT_TRANSLATE_NOOP("CantComePage", "Nothing to give back");
constexpr const char *kGoneText
    = QT_TRANSLATE_NOOP("CantComePage", "You no longer hold a place at “%1”.");
constexpr const char *kInvalidTitle = QT_TRANSLATE_NOOP("CantComePage", "This link is not valid");
constexpr const char *kInvalidText = QT_TRANSLATE_NOOP("CantComePage",
    "The link is damaged or has expired (it works until the meetup starts). Open the meetup in "
    "the app to change your plans.");
constexpr const char *kFailedTitle = QT_TRANSLATE_NOOP("CantComePage", "Something went wrong");
constexpr const char *kFailedText
    = QT_TRANSLATE_NOOP("CantComePage", "Nothing was changed. Please try again later.");

/// The shared page of links in mails (http/htmlpage.h), with a button that POSTs to `action`
/// when there is one.
HttpResponse page(const QString &language, const QString &title, const QString &text,
    const QString &button = {}, const QString &action = {}, int status = 200)
{
    std::optional<HtmlForm> form;
    if (!button.isEmpty())
        form = HtmlForm { action, button, {}, {} };
    return htmlPage(language, title, text, form, status);
}

/// What the link names, as the database has it now.
struct LinkTarget
{
    bool valid = false; ///< genuine, not expired (pudding_now()), the attendance is the user's
    qint64 attendanceId = 0;
    qint64 userId = 0;
    qint64 eventId = 0;
    QString title;
    QString status;
    QString language = u"en"_s;
};

/// Verifies the token against the queue's clock and loads what it names.
Result<LinkTarget> resolve(DbSession &s, const QString &token)
{
    LinkTarget target;
    auto *clock = s.run(u"SELECT (extract(epoch from pudding_now()) * 1000)::bigint"_s);
    if (!clock || !clock->next())
        return databaseError(s.lastError(), "cant-come clock");
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(clock->value(0).toLongLong(), Qt::UTC);
    clock->finish();
    const auto claims = Links::verify(u"cant_come", token, now);
    if (!claims || !claims->value("exp"_L1).isDouble())
        return target;
    target.attendanceId = claims->value("a"_L1).toInteger();
    target.userId = claims->value("u"_L1).toInteger();
    auto *q = s.run(u"SELECT a.event_id, e.title, a.status, u.language FROM attendances a "
                    "JOIN events e ON e.id = a.event_id JOIN users u ON u.id = a.user_id "
                    "WHERE a.id = ? AND a.user_id = ?"_s,
        { target.attendanceId, target.userId });
    if (!q)
        return databaseError(s.lastError(), "cant-come link");
    if (q->next()) {
        target.valid = true;
        target.eventId = q->value(0).toLongLong();
        target.title = q->value(1).toString();
        target.status = q->value(2).toString();
        target.language = q->value(3).toString();
    }
    q->finish();
    return target;
}
} // namespace

RemindersApi::RemindersApi(Database &db, AttendanceApi &attendance)
    : m_db(db)
    , m_attendance(attendance)
{
    initRemindersResources();
    if (!m_german.load(u":/pudding-reminders/pudding_de.qm"_s))
        qCWarning(lcReminders) << "the German catalogue is missing; pages stay English";
}

QString RemindersApi::text(const QString &language, const char *source) const
{
    const QString translated
        = language == "de"_L1 ? m_german.translate(kContext, source) : QString();
    return translated.isEmpty() ? QString::fromUtf8(source) : translated;
}

void RemindersApi::getOffsets(Request &request, const Reply &reply)
{
    const qint64 userId = request.user->id;
    m_db.run([userId](DbSession &s) -> HttpResponse {
            auto *q
                = s.run(u"SELECT array_to_json(reminder_offsets)::text FROM users WHERE id = ?"_s,
                    { userId });
            if (!q || !q->next())
                return HttpResponse::fromError(databaseError(s.lastError(), "reminders"));
            const QJsonArray offsets = QJsonDocument::fromJson(q->value(0).toByteArray()).array();
            q->finish();
            return HttpResponse::json(QJsonObject { { u"offsets"_s, offsets } });
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void RemindersApi::putOffsets(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    const QJsonValue value = body->value("offsets"_L1);
    QList<int> offsets;
    bool wellFormed = value.isArray();
    for (const auto &v : value.toArray()) {
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != std::floor(d) || d < 0 || d > 1e6) {
            wellFormed = false;
            break;
        }
        offsets.append(int(d));
    }
    if (!wellFormed) {
        reply.send(HttpResponse::validation({ { u"offsets"_s,
            ReminderApiText::tr(
                "A list of whole minutes before the start, e.g. [1440, 120].") } }));
        return;
    }
    const auto normalized = Reminders::normalizeOffsets(offsets);
    if (!normalized) {
        reply.send(HttpResponse::fromError(normalized.error()));
        return;
    }
    QJsonArray stored;
    QStringList literal;
    for (const int o : normalized.value()) {
        stored.append(o);
        literal.append(QString::number(o));
    }
    const QString array = u"{"_s % literal.join(u',') % u"}"_s;
    const qint64 userId = request.user->id;
    m_db.run([userId, array, stored](DbSession &s) -> HttpResponse {
            auto *q = s.run(u"UPDATE users SET reminder_offsets = ?::integer[] WHERE id = ?"_s,
                { array, userId });
            if (!q)
                return HttpResponse::fromError(databaseError(s.lastError(), "reminders"));
            q->finish();
            return HttpResponse::json(QJsonObject { { u"offsets"_s, stored } });
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void RemindersApi::cantComePage(Request &request, const Reply &reply)
{
    const QString token = request.tokens.value(0);
    // GET changes nothing: it only reads what the link names.
    m_db.run([this, token](DbSession &s) -> HttpResponse {
            const auto target = resolve(s, token);
            if (!target)
                return page(u"en"_s, text({}, kFailedTitle), text({}, kFailedText), {}, {}, 503);
            const LinkTarget &t = target.value();
            const QString &lang = t.language;
            if (!t.valid)
                return page(lang, text(lang, kInvalidTitle), text(lang, kInvalidText), {}, {}, 400);
            if (t.status != "APPROVED"_L1)
                return page(
                    lang, text(lang, kGoneTitle), text(lang, kGoneText).arg(t.title), {}, {}, 409);
            return page(lang, text(lang, kPageTitle), text(lang, kPageText).arg(t.title),
                text(lang, kButton), u"/cant-come/"_s + token);
        })
        .then([reply](const HttpResponse &r) { reply.send(r); });
}

void RemindersApi::cantComeConfirm(Request &request, const Reply &reply)
{
    const QString token = request.tokens.value(0);
    m_db.run([token](DbSession &s) { return resolve(s, token); })
        .then([this, reply](const Result<LinkTarget> &target) {
            if (!target) {
                reply.send(
                    page(u"en"_s, text({}, kFailedTitle), text({}, kFailedText), {}, {}, 503));
                return;
            }
            const LinkTarget &t = target.value();
            if (!t.valid) {
                reply.send(page(t.language, text(t.language, kInvalidTitle),
                    text(t.language, kInvalidText), {}, {}, 400));
                return;
            }
            // The very code of DELETE …/attendance: LEFT, the freed place passed on.
            m_attendance.leaveEvent({ t.eventId, t.userId, true, t.attendanceId })
                .then([this, reply, t](const HttpResponse &left) {
                    const QString &lang = t.language;
                    if (left.status == 200) {
                        qCInfo(lcReminders) << "attendance" << t.attendanceId
                                            << "gave back its place by the mail's link";
                        reply.send(
                            page(lang, text(lang, kDoneTitle), text(lang, kDoneText).arg(t.title)));
                    } else if (left.status == 404 || left.status == 409) {
                        reply.send(page(lang, text(lang, kGoneTitle),
                            text(lang, kGoneText).arg(t.title), {}, {}, 409));
                    } else {
                        reply.send(page(lang, text(lang, kFailedTitle), text(lang, kFailedText), {},
                            {}, left.status >= 500 ? left.status : 503));
                    }
                });
        });
}

} // namespace Pudding::Server
