// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoseeder.h"

#include "auth/credentials.h"
#include "db/database.h"
#include "photos/photoprocessor.h"
#include "photos/photostore.h"
#include "shared/event.h"
#include "shared/germany.h"
#include "shared/protocol.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimeZone>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
/// A pudding on a plate, in a colour of its own: something to look at in the review queue.
QByteArray puddingPicture(QRandomGenerator &rng)
{
    QImage image(800, 600, QImage::Format_RGB32);
    image.fill(QColor(245, 240, 232));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(225, 225, 230));
    p.drawEllipse(QRectF(140, 360, 520, 150)); // plate
    const QColor colour = QColor::fromHsv(
        int(rng.bounded(60)) + 10, 120 + int(rng.bounded(120)), 140 + int(rng.bounded(100)));
    QRadialGradient shade(QPointF(360, 260), 260);
    shade.setColorAt(0, colour.lighter(130));
    shade.setColorAt(1, colour.darker(130));
    p.setBrush(shade);
    QPainterPath dome;
    dome.moveTo(230, 420);
    dome.cubicTo(230, 170, 570, 170, 570, 420);
    dome.closeSubpath();
    p.drawPath(dome);
    p.setBrush(QColor(150, 20, 40));
    p.drawEllipse(QRectF(385, 185, 36, 36)); // a cherry on top
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}
} // namespace

bool DemoSeeder::seedRequestsWithPhotos(DbSession &session, const QString &photoDir,
    const QList<qint64> &userIds, const QStringList &puddings, QRandomGenerator &rng)
{
    PhotoStore store(photoDir);
    QSqlQuery insertPhoto(session.db());
    insertPhoto.prepare(u"INSERT INTO photos(owner_id, sha256, mime_type, width, height, "
                        "byte_size) VALUES (?, ?, 'image/jpeg', ?, ?, ?) RETURNING id"_s);
    QSqlQuery insertRequest(session.db());
    insertRequest.prepare(u"INSERT INTO attendances(event_id, user_id, status, pudding_name, "
                          "pudding_description, photo_id) VALUES (1, ?, 'PENDING', ?, ?, ?) "
                          "ON CONFLICT (event_id, user_id) DO NOTHING"_s);
    // Six demo users (not Anna: her account is left for trying out joining) ask to join the
    // organizer's first meetup.
    const QList<qint64> askers { userIds[20], userIds[21], userIds[22], userIds[23], userIds[24],
        userIds[25] };
    for (const qint64 user : askers) {
        const auto photo = processPhoto(puddingPicture(rng));
        if (!photo || !store.store(photo.value()))
            return false;
        for (const QVariant &v : QVariantList { user, photo.value().sha256, photo.value().width,
                 photo.value().height, int(photo.value().display.size()) })
            insertPhoto.addBindValue(v);
        if (!insertPhoto.exec() || !insertPhoto.next())
            return false;
        const qint64 photoId = insertPhoto.value(0).toLongLong();
        insertPhoto.finish();
        const QString &pudding = puddings.at(int(rng.bounded(puddings.size())));
        insertRequest.addBindValue(user);
        insertRequest.addBindValue(pudding);
        insertRequest.addBindValue(u"Homemade, enough for everyone."_s);
        insertRequest.addBindValue(photoId);
        if (!insertRequest.exec())
            return false;
    }
    return true;
}

bool DemoSeeder::seedChat(DbSession &session, const QList<qint64> &userIds,
    const QStringList &lines, const QStringList &puddings)
{
    // Olga's second meetup: Anna is approved, and the chat has a history over the
    // last two days, so two app instances (Olga and Anna) can chat about it right away.
    QSqlQuery q(session.db());
    q.prepare(u"SELECT id FROM events WHERE organizer_id = ? ORDER BY id OFFSET 1 LIMIT 1"_s);
    q.addBindValue(userIds[0]);
    if (!q.exec() || !q.next())
        return false;
    const qint64 chatEvent = q.value(0).toLongLong();
    q.finish();
    // It starts in two to three hours: Door mode admits Anna with her ticket right away (a
    // ticket is valid from 12 hours before the start).
    q.prepare(u"UPDATE events SET start_time = date_trunc('hour', now()) + interval '3 hours', "
              "end_time = date_trunc('hour', now()) + interval '6 hours' WHERE id = ?"_s);
    q.addBindValue(chatEvent);
    if (!q.exec() || q.numRowsAffected() != 1)
        return false;
    q.prepare(u"INSERT INTO attendances(event_id, user_id, status, pudding_name) "
              "VALUES (?, ?, 'APPROVED', ?) ON CONFLICT (event_id, user_id) DO NOTHING"_s);
    q.addBindValue(chatEvent);
    q.addBindValue(userIds[1]);
    q.addBindValue(puddings.value(0));
    if (!q.exec())
        return false;
    QList<qint64> members { userIds[0], userIds[1] };
    q.prepare(u"SELECT user_id FROM attendances WHERE event_id = ? AND status = 'APPROVED' "
              "AND user_id <> ? ORDER BY id LIMIT 3"_s);
    q.addBindValue(chatEvent);
    q.addBindValue(userIds[1]);
    if (!q.exec())
        return false;
    while (q.next())
        members.append(q.value(0).toLongLong());
    QSqlQuery insert(session.db());
    insert.prepare(u"INSERT INTO messages(event_id, user_id, content, client_msg_id, created_at) "
                   "VALUES (?, ?, ?, ?, now() - make_interval(mins => ?))"_s);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        // Spread over two days, oldest first; authors take turns, sometimes twice in a row.
        const qint64 author = members.at((i * 2 + i / 3) % members.size());
        insert.addBindValue(chatEvent);
        insert.addBindValue(author);
        insert.addBindValue(lines[i]);
        insert.addBindValue(u"demo-%1"_s.arg(i));
        insert.addBindValue(int((lines.size() - i) * 2 * 24 * 60 / lines.size()));
        if (!insert.exec())
            return false;
    }
    return true;
}

bool DemoSeeder::seedWaitlistAndReminder(
    DbSession &session, const QList<qint64> &userIds, const QStringList &puddings)
{
    const qint64 olga = userIds[0];
    const qint64 anna = userIds[1];
    const qint64 ben = userIds.last();
    QSqlQuery q(session.db());
    q.prepare(u"SELECT id FROM events WHERE organizer_id = ? ORDER BY id OFFSET 2 LIMIT 2"_s);
    q.addBindValue(olga);
    if (!q.exec())
        return false;
    QList<qint64> events;
    while (q.next())
        events.append(q.value(0).toLongLong());
    q.finish();
    if (events.size() != 2)
        return false;
    const qint64 full = events[0];
    const qint64 tomorrow = events[1];
    auto exec = [&q](const QString &sql, const QVariantList &values) {
        q.prepare(sql);
        for (const auto &v : values)
            q.addBindValue(v);
        return q.exec();
    };
    // Olga's third meetup, in three days, is full with Anna among the guests; Ben and one more
    // wait. When Anna leaves, Ben gets the offer (the demo's waitlist walk-through).
    const bool fullSeeded
        = exec(u"UPDATE events SET start_time = (date_trunc('day', now() AT TIME ZONE "
               "'Europe/Berlin') + interval '3 days 18 hours') AT TIME ZONE 'Europe/Berlin', "
               "end_time = (date_trunc('day', now() AT TIME ZONE 'Europe/Berlin') + "
               "interval '3 days 21 hours') AT TIME ZONE 'Europe/Berlin' WHERE id = ?"_s,
              { full })
        && exec(u"INSERT INTO attendances(event_id, user_id, status, pudding_name) VALUES "
                "(?, ?, 'APPROVED', ?) ON CONFLICT (event_id, user_id) DO NOTHING"_s,
            { full, anna, puddings.value(1) })
        && exec(u"UPDATE events SET attendee_limit = (SELECT count(*) FROM attendances WHERE "
                "event_id = ? AND status = 'APPROVED') WHERE id = ?"_s,
            { full, full })
        && exec(u"INSERT INTO attendances(event_id, user_id, status, pudding_name) VALUES "
                "(?, ?, 'WAITLISTED', ?), (?, ?, 'WAITLISTED', ?) "
                "ON CONFLICT (event_id, user_id) DO NOTHING"_s,
            { full, ben, puddings.value(2), full, userIds[30], puddings.value(3) });
    // Olga's fourth meetup starts tomorrow, 23 hours from the hour: Anna is approved, so her
    // 24-hour reminder is due as soon as the server runs.
    return fullSeeded
        && exec(u"UPDATE events SET start_time = date_trunc('hour', now()) + interval '23 hours', "
                "end_time = date_trunc('hour', now()) + interval '26 hours' WHERE id = ?"_s,
            { tomorrow })
        && exec(u"INSERT INTO attendances(event_id, user_id, status, pudding_name) VALUES "
                "(?, ?, 'APPROVED', ?) ON CONFLICT (event_id, user_id) DO NOTHING"_s,
            { tomorrow, anna, puddings.value(4) })
        // The demo's guests were approved days ago, not at the moment the data was made: a
        // reminder whose moment came after the approval is due (migration 0008).
        && exec(u"UPDATE attendances SET approved_at = now() - interval '2 days' "
                "WHERE status = 'APPROVED'"_s,
            {});
}

Result<int> DemoSeeder::seedIfEmpty(DbSession &session, int eventCount, const QString &photoDir)
{
    auto fail = [&](const QString &what) -> Result<int> {
        // the transaction (if begun) rolls back as it goes out of scope
        return Error { QString(Protocol::ErrorCode::Internal),
            what % u": "_s % session.lastError().text(), {} };
    };
    {
        QSqlQuery q(session.db());
        if (!q.exec(u"SELECT count(*) FROM users"_s) || !q.next())
            return fail(u"count users"_s);
        if (q.value(0).toLongLong() > 0)
            return 0;
    }
    const QList<GermanCity> allCities = loadGermanCities();
    QFile material(u":/pudding/data/pudding-demo.json"_s);
    if (allCities.isEmpty() || !material.open(QIODevice::ReadOnly))
        return Error { QString(Protocol::ErrorCode::Internal),
            u"demo material missing from the resources"_s, {} };
    const QJsonObject m = QJsonDocument::fromJson(material.readAll()).object();
    auto strings = [&](const char *key) {
        QStringList out;
        for (const auto &v : m.value(QLatin1StringView(key)).toArray())
            out.append(v.toString());
        return out;
    };
    const QStringList puddings = strings("puddings");
    const QStringList titles = strings("titleTemplates");
    const QStringList descriptions = strings("descriptionTemplates");
    const QStringList venues = strings("venues");
    const QStringList firstNames = strings("firstNames");
    const QStringList lastNames = strings("lastNames");

    QRandomGenerator rng(20261124);
    auto pick = [&](const QStringList &list) { return list.at(int(rng.bounded(list.size()))); };

    Transaction tx(session);
    if (!tx.ok())
        return fail(u"BEGIN"_s);
    // All demo accounts share one password; hash it once.
    const QByteArray hash = Credentials::hashPassword(QString::fromLatin1(DemoPassword));
    QList<qint64> userIds;
    QSqlQuery insertUser(session.db());
    // The demo addresses are not real mailboxes: they count as confirmed.
    insertUser.prepare(u"INSERT INTO users(email, name, password_hash, email_confirmed_at) "
                       "VALUES (?, ?, ?, now()) RETURNING id"_s);
    auto addUser = [&](const QString &email, const QString &name) -> bool {
        insertUser.addBindValue(email);
        insertUser.addBindValue(name);
        insertUser.addBindValue(QString::fromLatin1(hash));
        if (!insertUser.exec() || !insertUser.next())
            return false;
        userIds.append(insertUser.value(0).toLongLong());
        insertUser.finish();
        return true;
    };
    if (!addUser(QString::fromLatin1(OrganizerEmail), u"Olga Organizer"_s)
        || !addUser(QString::fromLatin1(AttendeeEmail), u"Anna Attendee"_s))
        return fail(u"demo users"_s);
    for (int i = 0; i < 40; ++i) {
        const QString &first = firstNames.at(i % firstNames.size());
        const QString &last = lastNames.at((i * 7) % lastNames.size());
        if (!addUser(u"demo%1@demo.pudding-gabel.de"_s.arg(i + 1), first % u' ' % last))
            return fail(u"demo users"_s);
    }
    // Last, so that the demo users above keep their ids and the meetups stay the same.
    if (!addUser(QString::fromLatin1(WaitlistEmail), u"Ben Wartemann"_s))
        return fail(u"demo users"_s);

    // Bigger cities get more meetups: weight by the square root of the population.
    QList<double> cumulative;
    double total = 0;
    for (const auto &c : allCities) {
        total += std::sqrt(double(std::max(c.population, 1000)));
        cumulative.append(total);
    }
    QSqlQuery insertEvent(session.db());
    insertEvent.prepare(
        u"INSERT INTO events(organizer_id, title, description, lat, lng, city, state, venue, "
        "start_time, end_time, attendee_limit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
        "CAST(? AS timestamptz), CAST(? AS timestamptz), ?) RETURNING id"_s);
    QSqlQuery insertAttendance(session.db());
    insertAttendance.prepare(u"INSERT INTO attendances(event_id, user_id, status, pudding_name) "
                             "VALUES (?, ?, ?, ?)"_s);
    const QTimeZone berlin("Europe/Berlin");
    const QDate today = QDate::currentDate();
    for (int i = 0; i < eventCount; ++i) {
        const double r = rng.generateDouble() * total;
        const auto it = std::lower_bound(cumulative.cbegin(), cumulative.cend(), r);
        const GermanCity &city
            = allCities.at(std::min<qsizetype>(it - cumulative.cbegin(), allCities.size() - 1));
        // Somewhere in town: up to ~3 km from the centre, and in Germany (a border town's
        // circle reaches abroad: draw again there, from a generator of its own so that the
        // rest of the demo data stays the same).
        auto around = [&city](QRandomGenerator &g) {
            const double angle = g.generateDouble() * 2 * M_PI;
            const double distance = std::sqrt(g.generateDouble()) * 3000.0;
            return GeoPoint { city.location.lat + distance * std::cos(angle) / 111'320.0,
                city.location.lng
                    + distance * std::sin(angle)
                        / (111'320.0 * std::cos(city.location.lat * M_PI / 180)) };
        };
        GeoPoint place = around(rng);
        QRandomGenerator redraw { quint32(i) };
        for (int attempt = 0; !Germany::isInGermany(place) && attempt < 50; ++attempt)
            place = around(redraw);
        if (!Germany::isInGermany(place))
            place = city.location;
        const double lat = place.lat;
        const double lng = place.lng;
        const QString pudding = pick(puddings);
        QString title = pick(titles);
        title.replace(u"{city}"_s, city.name).replace(u"{pudding}"_s, pudding);
        QString description = pick(descriptions);
        description.replace(u"{city}"_s, city.name).replace(u"{pudding}"_s, pudding);
        // Where exactly is the venue, which only approved guests see.
        QString venue = pick(venues);
        venue[0] = venue[0].toUpper();
        const QDate day = today.addDays(1 + int(rng.bounded(60)));
        const QTime time(14 + int(rng.bounded(6)), rng.bounded(2) ? 30 : 0);
        const QDateTime start(day, time, berlin);
        const QDateTime end = start.addSecs(3600 * (2 + int(rng.bounded(2))));
        const int limit = 5 + int(rng.bounded(26));
        // The demo organizer runs one meetup in five; demo users the rest.
        const qint64 organizer = (i % 5 == 0) ? userIds[0] : userIds[2 + int(rng.bounded(40))];
        const QVariantList values { organizer, title, description, lat, lng, city.name, city.state,
            venue, toIsoString(start), toIsoString(end), limit };
        for (const auto &v : values)
            insertEvent.addBindValue(v);
        if (!insertEvent.exec() || !insertEvent.next())
            return fail(u"demo event"_s);
        const qint64 eventId = insertEvent.value(0).toLongLong();
        insertEvent.finish();
        // A few approved attendees, so places-left varies.
        const int approved = int(rng.bounded(std::min(limit, 8)));
        QSet<qint64> taken { organizer, userIds[1] };
        for (int a = 0; a < approved; ++a) {
            const qint64 user = userIds[2 + int(rng.bounded(40))];
            if (taken.contains(user))
                continue;
            taken.insert(user);
            insertAttendance.addBindValue(eventId);
            insertAttendance.addBindValue(user);
            insertAttendance.addBindValue(u"APPROVED"_s);
            insertAttendance.addBindValue(pick(puddings));
            if (!insertAttendance.exec())
                return fail(u"demo attendance"_s);
        }
    }
    if (!photoDir.isEmpty() && !seedRequestsWithPhotos(session, photoDir, userIds, puddings, rng))
        return fail(u"demo requests"_s);
    if (!seedChat(session, userIds, strings("chatLines"), puddings))
        return fail(u"demo chat"_s);
    if (!seedWaitlistAndReminder(session, userIds, puddings))
        return fail(u"demo waitlist"_s);
    if (!tx.commit())
        return fail(u"COMMIT"_s);
    return eventCount;
}

} // namespace Pudding::Server
