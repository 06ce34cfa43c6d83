// SPDX-License-Identifier: GPL-3.0-or-later
#include "calendarapi.h"

#include "auth/credentials.h"
#include "calendarlogging.h"
#include "db/database.h"
#include "icalwriter.h"
#include "shared/event.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTranslator>
#include <QUrl>

using namespace Qt::StringLiterals;

// Outside any namespace, as Q_INIT_RESOURCE requires: the static library's German catalogue.
static void initCalendarResources()
{
    Q_INIT_RESOURCE(pudding_calendar_i18n);
}

namespace Pudding::Server {

namespace {
class CalendarText
{
    Q_DECLARE_TR_FUNCTIONS(Calendar)
};
namespace EC = Protocol::ErrorCode;

// The texts of a calendar entry, in the feed owner's (or the downloader's) language: marked
// for lupdate here, translated with the German catalogue once in the constructor.
constexpr const char *kContext = "CalendarEntry";
constexpr const char *kCancelled = QT_TRANSLATE_NOOP("CalendarEntry", "Cancelled: %1");
constexpr const char *kPending
    = QT_TRANSLATE_NOOP("CalendarEntry", "Your request to join is waiting for the organizer.");
constexpr const char *kWaitlisted
    = QT_TRANSLATE_NOOP("CalendarEntry", "You are on the waiting list.");
constexpr const char *kOrganizedBy = QT_TRANSLATE_NOOP("CalendarEntry", "Organized by %1");
constexpr const char *kLink = QT_TRANSLATE_NOOP("CalendarEntry", "Meetup on Pudding Gabel: %1");
constexpr const char *kCityOnly
    = QT_TRANSLATE_NOOP("CalendarEntry", "%1 (the exact place is shown to approved guests)");
constexpr const char *kCalendarName = QT_TRANSLATE_NOOP("CalendarEntry", "My pudding meetups");

/// How long a calendar app (never a shared cache) may reuse a feed it fetched.
constexpr auto kFeedCacheControl = "private, max-age=300";
/// What the feed holds: meetups that ended less than a year ago, and the ones to come.
constexpr int kFeedMaxEntries = 2000;

const QString kEntryColumns
    = u"e.id, e.title, e.description, e.lat, e.lng, e.city, e.venue, "
      "(extract(epoch from e.start_time) * 1000)::bigint, "
      "(extract(epoch from e.end_time) * 1000)::bigint, e.cancelled_at IS NOT NULL, e.revision, "
      "e.organizer_id, u.name, (extract(epoch from e.created_at) * 1000)::bigint, "
      "(extract(epoch from e.updated_at) * 1000)::bigint"_s;

// The viewer's relation to one meetup (0 for nobody: no organizer or guest has id 0).
const QString kEventSql = u"SELECT "_s % kEntryColumns
    % u", CASE WHEN e.organizer_id = ? THEN 'ORGANIZER' ELSE (SELECT a.status FROM attendances a "
      "WHERE a.event_id = e.id AND a.user_id = ?) END "
      "FROM events e JOIN users u ON u.id = e.organizer_id WHERE e.id = ?"_s;

// The feed: organized meetups and open or granted requests; each by its own index (organizer,
// attendances by user), the organizer's row first when both apply.
const QString kFeedSql = u"SELECT "_s % kEntryColumns
    % u", m.relation FROM ("
      "SELECT id AS event_id, 'ORGANIZER' AS relation, 0 AS rank FROM events "
      "WHERE organizer_id = ? "
      "UNION ALL SELECT event_id, status, 1 FROM attendances "
      "WHERE user_id = ? AND status IN ('APPROVED', 'PENDING', 'WAITLISTED')) m "
      "JOIN events e ON e.id = m.event_id JOIN users u ON u.id = e.organizer_id "
      "WHERE e.end_time > now() - interval '1 year' "
      "ORDER BY e.start_time, e.id, m.rank LIMIT "_s
    % QString::number(kFeedMaxEntries);

QDateTime utcFromMs(const QVariant &v)
{
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

CalendarApi::Entry entryFromRow(const QSqlQuery &q)
{
    CalendarApi::Entry e;
    e.id = q.value(0).toLongLong();
    e.title = q.value(1).toString();
    e.description = q.value(2).toString();
    e.lat = q.value(3).toDouble();
    e.lng = q.value(4).toDouble();
    e.city = q.value(5).toString();
    e.venue = q.value(6).toString();
    e.start = utcFromMs(q.value(7));
    e.end = utcFromMs(q.value(8));
    e.cancelled = q.value(9).toBool();
    e.revision = q.value(10).toLongLong();
    e.organizerId = q.value(11).toLongLong();
    e.organizerName = q.value(12).toString();
    e.created = utcFromMs(q.value(13));
    e.updated = utcFromMs(q.value(14));
    e.relation = q.value(15).toString();
    return e;
}

HttpResponse calendarResponse(QByteArray body)
{
    HttpResponse response;
    response.contentType = "text/calendar; charset=utf-8";
    response.body = std::move(body);
    return response;
}

HttpResponse feedNotFound()
{
    return HttpResponse::error(EC::NotFound, CalendarText::tr("There is no such calendar feed."));
}

QString languageCode(CalendarApi::Language language)
{
    return language == CalendarApi::Language::De ? u"de"_s : u"en"_s;
}

std::optional<CalendarApi::Language> languageFromCode(QStringView code)
{
    if (code == u"de")
        return CalendarApi::Language::De;
    if (code == u"en")
        return CalendarApi::Language::En;
    return std::nullopt;
}
} // namespace

CalendarApi::CalendarApi(Database &db, EventIndex &index, QString publicUrl)
    : m_db(db)
    , m_index(index)
    , m_publicUrl(std::move(publicUrl))
{
    initCalendarResources();
    const QString host = QUrl(m_publicUrl).host(QUrl::FullyEncoded);
    m_uidHost = host.isEmpty() ? QByteArrayLiteral("pudding-gabel") : host.toUtf8();

    QTranslator german;
    if (!german.load(u":/pudding-calendar/pudding_de.qm"_s))
        qCWarning(lcCalendar) << "the German catalogue is missing; calendars stay English";
    for (const Language language : { Language::En, Language::De }) {
        auto text = [&](const char *source) {
            const QString translated
                = language == Language::De ? german.translate(kContext, source) : QString();
            return translated.isEmpty() ? QString::fromUtf8(source) : translated;
        };
        Texts &t = m_texts[language == Language::De ? 1 : 0];
        t.cancelled = text(kCancelled);
        t.pending = text(kPending);
        t.waitlisted = text(kWaitlisted);
        t.organizedBy = text(kOrganizedBy);
        t.link = text(kLink);
        t.cityOnly = text(kCityOnly);
        t.calendarName = text(kCalendarName);
    }
}

std::optional<CalendarApi::Language> CalendarApi::languageOf(const Request &request)
{
    if (request.query.hasQueryItem(u"lang"_s))
        return languageFromCode(request.queryValue(u"lang"_s));
    // Accept-Language: the highest q of de and en (the first listed on a tie).
    std::optional<Language> best;
    double bestQ = 0;
    for (const QByteArray &item : request.header("accept-language").split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray tag = parts.value(0).trimmed().toLower();
        const auto language = languageFromCode(QString::fromLatin1(tag.split('-').value(0)));
        if (!language)
            continue;
        double q = 1;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray p = parts[i].trimmed();
            if (p.startsWith("q=")) {
                bool ok = false;
                q = p.mid(2).toDouble(&ok);
                if (!ok)
                    q = 0;
            }
        }
        if (q > bestQ) {
            best = language;
            bestQ = q;
        }
    }
    return best.value_or(Language::En);
}

QString CalendarApi::baseUrl(const Request &request) const
{
    if (!m_publicUrl.isEmpty())
        return m_publicUrl;
    // Without --public-url: the address the client used. Only a plain host[:port] is taken.
    const QByteArray host = request.header("host").trimmed();
    const bool plain = !host.isEmpty() && host.size() <= 255
        && std::all_of(host.begin(), host.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                   || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
           });
    return u"http://"_s % (plain ? QString::fromLatin1(host) : u"localhost"_s);
}

void CalendarApi::decidePlace(Entry &entry, qint64 viewerId, const QDateTime &now) const
{
    entry.exactPlace = false;
    if (viewerId <= 0 || (entry.relation != "ORGANIZER"_L1 && entry.relation != "APPROVED"_L1))
        return;
    // The index's one rule, as GET /api/events/<id> applies it to this viewer.
    const auto json = m_index.eventJson(entry.id, now, Viewer::user(viewerId));
    entry.exactPlace
        = json && QJsonDocument::fromJson(*json).object().value("exactLocation"_L1).toBool();
}

QByteArray CalendarApi::render(const QList<Entry> &entries, Language language,
    const QString &baseUrl, const QString &calendarName, const QDateTime &now) const
{
    const Texts &t = texts(language);
    ICal::Writer w;
    w.begin("VCALENDAR");
    w.raw("VERSION", "2.0");
    w.raw("PRODID",
        language == Language::De ? "-//Pudding Gabel//Pudding Gabel Server//DE"
                                 : "-//Pudding Gabel//Pudding Gabel Server//EN");
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    if (!calendarName.isEmpty()) {
        // A subscription: its name in the calendar app and how often to look again.
        w.text("NAME", calendarName);
        w.text("X-WR-CALNAME", calendarName);
        w.raw("X-WR-TIMEZONE", ICal::BerlinTzid);
        w.raw("REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
        w.raw("X-PUBLISHED-TTL", "PT1H");
    }
    w.appendLines(ICal::berlinTimeZone());
    for (const Entry &e : entries) {
        const QString link
            = baseUrl % u"/api/events/"_s % QString::number(e.id) % u"/calendar.ics"_s;
        w.begin("VEVENT");
        w.raw("UID", QByteArray("event-" + QByteArray::number(e.id) + '@' + m_uidHost));
        w.raw("SEQUENCE", QByteArray::number(e.revision));
        w.utc("DTSTAMP", now);
        w.utc("CREATED", e.created);
        w.utc("LAST-MODIFIED", e.updated);
        w.berlin("DTSTART", e.start);
        w.berlin("DTEND", e.end);
        w.text("SUMMARY", e.cancelled ? t.cancelled.arg(e.title) : e.title);
        QStringList description;
        if (!e.cancelled && e.relation == "PENDING"_L1)
            description << t.pending;
        else if (!e.cancelled && e.relation == "WAITLISTED"_L1)
            description << t.waitlisted;
        if (!e.description.isEmpty())
            description << e.description;
        description << QString() << t.organizedBy.arg(e.organizerName) << t.link.arg(link);
        if (description.first().isEmpty())
            description.removeFirst();
        w.text("DESCRIPTION", description.join(u'\n'));
        if (e.exactPlace) {
            w.text("LOCATION", e.venue.isEmpty() ? e.city : e.venue % u", "_s % e.city);
            w.raw("GEO",
                QByteArray(
                    QByteArray::number(e.lat, 'f', 6) + ';' + QByteArray::number(e.lng, 'f', 6)));
        } else {
            w.text("LOCATION", t.cityOnly.arg(e.city));
        }
        if (e.cancelled)
            w.raw("STATUS", "CANCELLED");
        else if (e.relation == "PENDING"_L1 || e.relation == "WAITLISTED"_L1)
            w.raw("STATUS", "TENTATIVE");
        else
            w.raw("STATUS", "CONFIRMED");
        w.raw("URL", QUrl(link).toEncoded());
        w.end("VEVENT");
    }
    w.end("VCALENDAR");
    return w.data();
}

void CalendarApi::eventCalendar(Request &request, const Reply &reply)
{
    const auto language = languageOf(request);
    if (!language) {
        reply.send(HttpResponse::validation(
            { { u"lang"_s, CalendarText::tr("Use lang=de or lang=en.") } }));
        return;
    }
    const qint64 id = request.id();
    // Whoever may see the meetup (GET /api/events/<id>) may put it in a calendar.
    if (!m_index.organizerOf(id)) {
        reply.send(HttpResponse::error(EC::NotFound, CalendarText::tr("There is no such meetup.")));
        return;
    }
    const qint64 viewerId = request.user ? request.user->id : 0;
    const QString base = baseUrl(request);
    m_db.run([this, id, viewerId, language = *language, base](DbSession &s) -> HttpResponse {
            const auto ics
                = meetupIcs(s, id, viewerId, language, base, QDateTime::currentDateTimeUtc());
            if (!ics)
                return HttpResponse::fromError(ics.error());
            if (!ics.value())
                return HttpResponse::error(
                    EC::NotFound, CalendarText::tr("There is no such meetup."));
            HttpResponse response = calendarResponse(*ics.value());
            response.withHeader("Content-Disposition",
                "attachment; filename=\"pudding-meetup-" + QByteArray::number(id) + ".ics\"");
            return response;
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

Result<std::optional<QByteArray>> CalendarApi::meetupIcs(DbSession &s, qint64 eventId,
    qint64 viewerId, Language language, const QString &baseUrl, const QDateTime &now) const
{
    auto *q = s.run(kEventSql, { viewerId, viewerId, eventId });
    if (!q)
        return databaseError(s.lastError(), "calendar entry");
    if (!q->next())
        return std::optional<QByteArray>();
    Entry entry = entryFromRow(*q);
    q->finish();
    decidePlace(entry, viewerId, now);
    return std::optional<QByteArray>(render({ entry }, language, baseUrl, {}, now));
}

void CalendarApi::feed(Request &request, const Reply &reply)
{
    const QByteArray token = request.tokens.value(0).toLatin1();
    if (!Credentials::looksLikeToken(token)) {
        reply.send(feedNotFound());
        return;
    }
    const QByteArray hash = Credentials::tokenHash(token);
    const QString base = baseUrl(request);
    m_db.run([this, hash, base](DbSession &s) -> HttpResponse {
            auto *owner = s.run(
                u"SELECT user_id, language FROM calendar_feeds WHERE token_hash = ?"_s, { hash });
            if (!owner)
                return HttpResponse::fromError(databaseError(s.lastError(), "calendar feed"));
            if (!owner->next())
                return feedNotFound();
            const qint64 userId = owner->value(0).toLongLong();
            const Language language
                = languageFromCode(owner->value(1).toString()).value_or(Language::En);
            owner->finish();
            auto *rows = s.run(kFeedSql, { userId, userId });
            if (!rows)
                return HttpResponse::fromError(databaseError(s.lastError(), "calendar feed"));
            const QDateTime now = QDateTime::currentDateTimeUtc();
            QList<Entry> entries;
            while (rows->next()) {
                Entry entry = entryFromRow(*rows);
                if (!entries.isEmpty() && entries.last().id == entry.id)
                    continue; // organizer and guest at once: the organizer's row came first
                decidePlace(entry, userId, now);
                entries.append(std::move(entry));
            }
            rows->finish();
            HttpResponse response = calendarResponse(
                render(entries, language, base, texts(language).calendarName, now));
            // The URL is a credential and the content personal: no shared cache keeps it.
            response.withHeader("Cache-Control", kFeedCacheControl);
            return response;
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void CalendarApi::feedStatus(Request &request, const Reply &reply)
{
    const qint64 userId = request.user->id;
    m_db.run([userId](DbSession &s) -> HttpResponse {
            auto *q = s.run(u"SELECT (extract(epoch from created_at) * 1000)::bigint, language "
                            "FROM calendar_feeds WHERE user_id = ?"_s,
                { userId });
            if (!q)
                return HttpResponse::fromError(databaseError(s.lastError(), "calendar feed"));
            QJsonObject json { { u"active"_s, false }, { u"createdAt"_s, QJsonValue::Null },
                { u"language"_s, QJsonValue::Null } };
            if (q->next()) {
                json.insert(u"active"_s, true);
                json.insert(u"createdAt"_s, toIsoString(utcFromMs(q->value(0))));
                json.insert(u"language"_s, q->value(1).toString());
            }
            q->finish();
            return HttpResponse::json(json);
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void CalendarApi::createFeed(Request &request, const Reply &reply)
{
    Language language = Language::En;
    if (!request.body.isEmpty()) {
        const auto body = jsonBodyOrReply(request, reply);
        if (!body)
            return;
        const QJsonValue value = body->value("language"_L1);
        if (!value.isUndefined()) {
            const auto parsed
                = value.isString() ? languageFromCode(value.toString()) : std::nullopt;
            if (!parsed) {
                reply.send(HttpResponse::validation(
                    { { u"language"_s, CalendarText::tr("Use de or en.") } }));
                return;
            }
            language = *parsed;
        }
    }
    const qint64 userId = request.user->id;
    const QString base = baseUrl(request);
    m_db.run([userId, language, base](DbSession &s) -> HttpResponse {
            const QByteArray token = Credentials::newToken();
            // One row per user: a new token replaces the old one, whose URL is dead from the
            // moment this statement commits.
            auto *q = s.run(u"INSERT INTO calendar_feeds(user_id, token_hash, language) "
                            "VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                            "token_hash = EXCLUDED.token_hash, language = EXCLUDED.language, "
                            "created_at = now() "
                            "RETURNING (extract(epoch from created_at) * 1000)::bigint"_s,
                { userId, Credentials::tokenHash(token), languageCode(language) });
            if (!q || !q->next())
                return HttpResponse::fromError(databaseError(s.lastError(), "calendar feed"));
            const QDateTime created = utcFromMs(q->value(0));
            q->finish();
            qCInfo(lcCalendar) << "calendar feed (re)created for user" << userId;
            const QString path = u"/calendar/"_s % QString::fromLatin1(token) % u".ics"_s;
            const QString url = base % path;
            const QString webcal = u"webcal"_s % url.mid(url.indexOf(u"://"_s));
            return HttpResponse::json(
                QJsonObject { { u"url"_s, url }, { u"webcalUrl"_s, webcal }, { u"active"_s, true },
                    { u"createdAt"_s, toIsoString(created) },
                    { u"language"_s, languageCode(language) } },
                201);
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void CalendarApi::deleteFeed(Request &request, const Reply &reply)
{
    const qint64 userId = request.user->id;
    m_db.run([userId](DbSession &s) -> HttpResponse {
            auto *q = s.run(u"DELETE FROM calendar_feeds WHERE user_id = ?"_s, { userId });
            if (!q)
                return HttpResponse::fromError(databaseError(s.lastError(), "calendar feed"));
            qCInfo(lcCalendar) << "calendar feed deleted for user" << userId
                               << "rows:" << q->numRowsAffected();
            q->finish();
            return HttpResponse::noContent();
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

} // namespace Pudding::Server
