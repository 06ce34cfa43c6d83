// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"
#include "meetups/eventindex.h"
#include "shared/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <array>

namespace Pudding::Server {

class Database;
class DbSession;

/// Calendars (RFC 5545): one meetup as .ics for anyone who may see it, and a personal feed a
/// calendar app subscribes to (webcal://…/calendar/<token>.ics) with the user's organized
/// meetups and requests. The feed token is its own credential — 256 random bits, only its
/// SHA-256 stored (calendar_feeds), one per user, regenerated or revoked at will — never the
/// login token, which the calendar app would otherwise hold forever.
///
/// What a viewer learns of the place is the index's one rule (EventIndex::eventJson): the venue
/// and GEO only for the organizer and approved guests; everyone else gets the city, and no GEO
/// at all: the public point lies up to 1.2 km off by design, and a calendar offers GEO as the
/// place to go to.
class CalendarApi
{
public:
    /// `publicUrl`: the configured base of links (--public-url), or empty.
    CalendarApi(Database &db, EventIndex &index, QString publicUrl);

    /// Every calendar route (calendar/calendarroutes.cpp).
    void registerRoutes(Router &router);

    enum class Language { En, De };
    /// One meetup as a calendar entry sees it (from the database: title, times, revision and
    /// cancellation in one consistent row).
    struct Entry
    {
        qint64 id = 0;
        QString title;
        QString description;
        QString city;
        QString venue;
        QString organizerName;
        double lat = 0;
        double lng = 0;
        QDateTime start;
        QDateTime end;
        QDateTime created;
        QDateTime updated;
        bool cancelled = false;
        qint64 revision = 0;
        qint64 organizerId = 0;
        /// ORGANIZER, APPROVED, PENDING, WAITLISTED, or empty (no relation, anonymous).
        QString relation;
        /// The viewer sees the exact place (decided by the index's rule).
        bool exactPlace = false;
    };
    /// The texts of one language, translated once at start-up (read by many threads).
    struct Texts
    {
        QString cancelled; ///< "Cancelled: %1"
        QString pending;
        QString waitlisted;
        QString organizedBy; ///< "Organized by %1"
        QString link; ///< "Meetup on Pudding Gabel: %1"
        QString cityOnly; ///< "%1 (exact place for approved guests)"
        QString calendarName;
    };
    /// A VCALENDAR with these entries, in `language`; `baseUrl` is where links point.
    [[nodiscard]] QByteArray render(const QList<Entry> &entries, Language language,
        const QString &baseUrl, const QString &calendarName, const QDateTime &now) const;
    [[nodiscard]] const Texts &texts(Language language) const
    {
        return m_texts[language == Language::De ? 1 : 0];
    }
    /// One meetup's .ics as `viewerId` sees it (0: anonymous), read in the caller's session —
    /// GET /api/events/<id>/calendar.ics and the reminder's attachment (server/reminders).
    /// Nothing when there is no such meetup; the database's error when the query failed.
    [[nodiscard]] Result<std::optional<QByteArray>> meetupIcs(DbSession &session, qint64 eventId,
        qint64 viewerId, Language language, const QString &baseUrl, const QDateTime &now) const;
    /// ?lang=de|en, else the best of de/en in Accept-Language, else en; nothing for a bad lang.
    [[nodiscard]] static std::optional<Language> languageOf(const Request &request);

private:
    void eventCalendar(Request &request, const Reply &reply);
    void feedStatus(Request &request, const Reply &reply);
    void createFeed(Request &request, const Reply &reply);
    void deleteFeed(Request &request, const Reply &reply);
    void feed(Request &request, const Reply &reply);

    /// Where links point: --public-url, else http:// and the request's Host header.
    [[nodiscard]] QString baseUrl(const Request &request) const;
    /// Asks the index whether `viewerId` sees the exact place of the entry's meetup; only the
    /// organizer and approved guests can (both must agree: the row just read and the index).
    void decidePlace(Entry &entry, qint64 viewerId, const QDateTime &now) const;

    Database &m_db;
    EventIndex &m_index;
    QString m_publicUrl;
    QByteArray m_uidHost;
    std::array<Texts, 2> m_texts;
};

} // namespace Pudding::Server
