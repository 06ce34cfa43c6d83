// SPDX-License-Identifier: GPL-3.0-or-later
// Joining with a pudding photo against the real server and PostgreSQL: the request, the
// organizer's review, capacity under concurrent approvals, the waitlist, leaving, and who
// may see what.
#include "fixtures.h"
#include "serverfixture.h"
#include "shared/geo.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QPainter>
#include <QProcess>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;

namespace F = Pudding::Test::Fixtures;
using F::jpeg;
using F::kBoundary;
using F::multipartBody;

namespace {
/// A request to join that the server refuses (see joinErrors).
enum class JoinAttempt {
    Twice,
    OwnMeetup,
    NotAnImage,
    PhotoTooLarge,
    NoPuddingName,
    UnknownMeetup,
    SignedOut,
    Json
};
} // namespace
Q_DECLARE_METATYPE(JoinAttempt)

class TstAttendance : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QByteArray m_organizer;
    // The meetup the refused requests to join are sent to: Bert has asked to join it.
    qint64 m_refusing = 0;
    QByteArray m_bert;
    QByteArray m_carla;

    QByteArray newUser() { return m_server.signUp().token; }
    qint64 createEvent(int limit) { return m_server.createMeetup(m_organizer, limit); }
    HttpResult join(qint64 eventId, const QByteArray &token, const QByteArray &photo,
        const QByteArray &name = "Schokoladenpudding")
    {
        return m_server.postJoin(eventId, token, photo, name);
    }
    HttpResult decide(
        qint64 eventId, qint64 attendanceId, const char *status, const QByteArray &token)
    {
        return m_server.decision(eventId, attendanceId, status, token);
    }

    /// Tickets follow the approvals exactly (migration 0004's triggers): the valid tickets of
    /// the event are one per APPROVED attendance and nothing else (`expected` of each), checked
    /// in the database.
    void checkTicketsMatchApprovals(qint64 eventId, int expected)
    {
        QSqlQuery q(m_server.sql(u"tickets-check"_s));
        QVERIFY(
            q.prepare(u"SELECT a.id, t.attendance_id FROM "
                      "(SELECT id FROM attendances WHERE event_id = ? AND status = 'APPROVED') a "
                      "FULL JOIN (SELECT attendance_id FROM tickets WHERE event_id = ? AND "
                      "revoked_at IS NULL) t ON t.attendance_id = a.id"_s));
        q.addBindValue(eventId);
        q.addBindValue(eventId);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        int approved = 0;
        while (q.next()) {
            QVERIFY2(!q.value(0).isNull(),
                qPrintable(u"valid ticket for attendance %1, which is not approved"_s.arg(
                    q.value(1).toLongLong())));
            QVERIFY2(!q.value(1).isNull(),
                qPrintable(
                    u"approved attendance %1 has no valid ticket"_s.arg(q.value(0).toLongLong())));
            ++approved;
        }
        QCOMPARE(approved, expected);
    }

    static qint64 attendanceId(const HttpResult &r)
    {
        return r.json().value("attendance"_L1).toObject().value("id"_L1).toInteger();
    }
    static QString statusOf(const HttpResult &r)
    {
        return r.json().value("attendance"_L1).toObject().value("status"_L1).toString();
    }

    /// One HTTP/1.1 request as raw bytes, for firing many at once on separate sockets.
    static QByteArray rawRequest(const QByteArray &method, const QByteArray &path,
        const QByteArray &token, const QByteArray &contentType = {}, const QByteArray &body = {})
    {
        QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + token + "\r\n";
        if (!contentType.isEmpty())
            r += "Content-Type: " + contentType + "\r\n";
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        return r;
    }

    static QByteArray rawJoin(qint64 eventId, const QByteArray &token, const QByteArray &photo)
    {
        const QByteArray body = multipartBody({ { "puddingName", {}, "Vanillepudding" },
            { "puddingDescription", {}, "Mit Kirschen." }, { "photo", "pudding.jpg", photo } });
        return rawRequest("POST", "/api/attendance/events/" + QByteArray::number(eventId) + "/join",
            token, "multipart/form-data; boundary=" + kBoundary, body);
    }

    /// Opens one connection per request, writes all of them before reading any answer, and
    /// returns the answers in request order (status 0 where none arrived).
    QList<RawResponse> fireAtOnce(const QList<QByteArray> &requests)
    {
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            auto s = m_server->connectRaw();
            if (!s)
                return {};
            sockets.push_back(std::move(s));
        }
        for (size_t i = 0; i < sockets.size(); ++i) {
            sockets[i]->write(requests[qsizetype(i)]);
            sockets[i]->flush();
        }
        QList<RawResponse> answers;
        for (auto &s : sockets) {
            const auto responses = readRawResponses(*s, 1, 60000);
            answers.append(responses.isEmpty() ? RawResponse {} : responses.first());
        }
        return answers;
    }

    static QJsonObject attendanceOf(const RawResponse &r)
    {
        return QJsonDocument::fromJson(r.body).object().value("attendance"_L1).toObject();
    }

    QJsonArray attendances(qint64 eventId, const QString &status)
    {
        return m_server
            ->get(u"/api/attendance/events/%1/attendances?status=%2"_s.arg(eventId).arg(status),
                m_organizer)
            .json()
            .value("attendances"_L1)
            .toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServer::Options options;
        options.threads = 2;
        QVERIFY2(m_server.start(u"attendance"_s, options), qPrintable(m_server.errorString()));
        m_organizer = m_server.signUp(u"Olga"_s).token;
        QVERIFY(!m_organizer.isEmpty());
    }

    void joinThenApprove()
    {
        const qint64 event = createEvent(5);
        const QByteArray anna = newUser();
        const auto joined = join(event, anna, jpeg(1));
        QCOMPARE(joined.status, 201);
        QCOMPARE(statusOf(joined), u"PENDING"_s);
        const auto a = joined.json().value("attendance"_L1).toObject();
        QCOMPARE(a.value("puddingName"_L1).toString(), u"Schokoladenpudding"_s);
        QVERIFY(a.value("photoId"_L1).toInteger() > 0);

        const auto list
            = m_server->get(u"/api/attendance/events/%1/attendances"_s.arg(event), m_organizer);
        QCOMPARE(list.status, 200);
        const auto items = list.json().value("attendances"_L1).toArray();
        QCOMPARE(items.size(), 1);
        const QString thumb = items[0].toObject().value("thumbnailUrl"_L1).toString();
        const auto thumbnail = m_server->get(thumb, m_organizer);
        QCOMPARE(thumbnail.status, 200);
        QCOMPARE(thumbnail.header("content-type"), QByteArray("image/jpeg"));
        QVERIFY(QImage::fromData(thumbnail.body).width() <= 256);

        const auto approved = decide(event, attendanceId(joined), "APPROVED", m_organizer);
        QCOMPARE(approved.status, 200);
        QCOMPARE(statusOf(approved), u"APPROVED"_s);
        QCOMPARE(
            m_server->get(u"/api/events/%1"_s.arg(event)).json().value("attendeeCount"_L1).toInt(),
            1);
        // Approved cannot be approved again.
        QCOMPARE(decide(event, attendanceId(joined), "APPROVED", m_organizer).status, 409);
    }

    void joinWithoutDescription()
    {
        // The description is optional (curl -F with name and photo only).
        const auto minimal = m_server.postJoin(createEvent(5), newUser(), jpeg(9), "Quark", {});
        QCOMPARE(minimal.status, 201);
        QCOMPARE(minimal.json()
                     .value("attendance"_L1)
                     .toObject()
                     .value("puddingDescription"_L1)
                     .toString(),
            QString());
    }

    void joinErrors_data()
    {
        QTest::addColumn<JoinAttempt>("attempt");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("twice") << JoinAttempt::Twice << 409 << u"conflict"_s << QString();
        QTest::newRow("into one's own meetup")
            << JoinAttempt::OwnMeetup << 409 << u"conflict"_s << QString();
        QTest::newRow("not an image")
            << JoinAttempt::NotAnImage << 415 << u"unsupported_media_type"_s << QString();
        // Over the 5 MB photo limit: the multipart parser stops reading at the limit.
        QTest::newRow("photo over 5 MB")
            << JoinAttempt::PhotoTooLarge << 413 << u"payload_too_large"_s << QString();
        QTest::newRow("no pudding name")
            << JoinAttempt::NoPuddingName << 400 << u"validation_failed"_s << u"puddingName"_s;
        QTest::newRow("unknown meetup")
            << JoinAttempt::UnknownMeetup << 404 << u"not_found"_s << QString();
        QTest::newRow("signed out")
            << JoinAttempt::SignedOut << 401 << u"unauthorized"_s << QString();
        QTest::newRow("JSON instead of multipart")
            << JoinAttempt::Json << 415 << u"unsupported_media_type"_s << QString();
    }
    void joinErrors()
    {
        QFETCH(JoinAttempt, attempt);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        if (!m_refusing) {
            m_refusing = createEvent(5);
            m_bert = newUser();
            m_carla = newUser();
            QCOMPARE(join(m_refusing, m_bert, jpeg(2)).status, 201);
        }
        const HttpResult r = [&] {
            switch (attempt) {
            case JoinAttempt::Twice:
                return join(m_refusing, m_bert, jpeg(3));
            case JoinAttempt::OwnMeetup:
                return join(m_refusing, m_organizer, jpeg(4));
            case JoinAttempt::NotAnImage:
                return join(m_refusing, m_carla, "just some text, not an image at all");
            case JoinAttempt::PhotoTooLarge:
                return join(m_refusing, m_carla, jpeg(5) + QByteArray(5'500'000, 'x'));
            case JoinAttempt::NoPuddingName:
                return join(m_refusing, m_carla, jpeg(6), "");
            case JoinAttempt::UnknownMeetup:
                return join(999999, m_carla, jpeg(7));
            case JoinAttempt::SignedOut:
                return join(m_refusing, {}, jpeg(8));
            case JoinAttempt::Json:
                return m_server->postJson(u"/api/attendance/events/%1/join"_s.arg(m_refusing),
                    { { u"puddingName"_s, u"x"_s } }, m_carla);
            }
            return HttpResult {};
        }();
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(r.json().value("error"_L1).toObject().value("field"_L1).toString(), field);
        // The refused attempt left nothing behind: Bert's is still the only request.
        const auto list = m_server->get(
            u"/api/attendance/events/%1/attendances"_s.arg(m_refusing), m_organizer);
        QCOMPARE(list.json().value("attendances"_L1).toArray().size(), 1);
    }

    void joinIsRefusedFromItsLengthAlone()
    {
        // A 6 MB upload is refused from its Content-Length alone, before the body is read.
        const qint64 event = createEvent(5);
        auto socket = m_server->connectRaw();
        QVERIFY(socket);
        socket->write("POST /api/attendance/events/" + QByteArray::number(event)
            + "/join HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + newUser()
            + "\r\nContent-Type: multipart/form-data; boundary=" + kBoundary
            + "\r\nContent-Length: 6400000\r\n\r\n");
        const auto responses = readRawResponses(*socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 413);
        const auto list
            = m_server->get(u"/api/attendance/events/%1/attendances"_s.arg(event), m_organizer);
        QCOMPARE(list.json().value("attendances"_L1).toArray().size(), 0);
    }

    void whoMaySeeWhat()
    {
        const qint64 event = createEvent(5);
        const QByteArray dora = newUser();
        const QByteArray emil = newUser();
        const QByteArray stranger = newUser();
        const auto doraJoin = join(event, dora, jpeg(9));
        const auto emilJoin = join(event, emil, jpeg(10));
        const qint64 photo
            = doraJoin.json().value("attendance"_L1).toObject().value("photoId"_L1).toInteger();
        const QString path = u"/api/photos/%1"_s.arg(photo);

        QCOMPARE(m_server->get(path).status, 401);
        QCOMPARE(m_server->get(path, stranger).status, 403);
        QCOMPARE(m_server->get(path, emil).status, 403); // not approved yet
        QCOMPARE(m_server->get(path, dora).status, 200);
        const auto organizerView = m_server->get(path, m_organizer);
        QCOMPARE(organizerView.status, 200);
        // Once both are approved, they see each other's puddings.
        QCOMPARE(decide(event, attendanceId(doraJoin), "APPROVED", m_organizer).status, 200);
        QCOMPARE(decide(event, attendanceId(emilJoin), "APPROVED", m_organizer).status, 200);
        QCOMPARE(m_server->get(path, emil).status, 200);
        QCOMPARE(m_server->get(path, stranger).status, 403);
        // The exact spot is for approved attendees and the organizer; others see the area.
        const QString eventPath = u"/api/events/%1"_s.arg(event);
        for (const QByteArray &token : { emil, m_organizer }) {
            const auto exact
                = m_server->get(eventPath, token).json().value("location"_L1).toObject();
            QCOMPARE(exact.value("lat"_L1).toDouble(), 50.1137);
            QCOMPARE(exact.value("lng"_L1).toDouble(), 8.6843);
        }
        for (const QByteArray &token : { stranger, QByteArray() }) {
            const auto json = m_server->get(eventPath, token).json();
            const auto area = json.value("location"_L1).toObject();
            const double away = Pudding::distanceMetres(
                { area.value("lat"_L1).toDouble(), area.value("lng"_L1).toDouble() },
                { 50.1137, 8.6843 });
            QVERIFY2(away >= 590 && away <= 1210, qPrintable(QString::number(away)));
            QCOMPARE(json.value("exactLocation"_L1).toBool(), false);
        }
        // Caching: the same ETag answers 304.
        const QByteArray etag = organizerView.header("etag");
        QVERIFY(!etag.isEmpty());
        auto socket = m_server->connectRaw();
        QVERIFY(socket);
        socket->write("GET " + path.toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + m_organizer + "\r\nIf-None-Match: " + etag + "\r\n\r\n");
        const auto responses = readRawResponses(*socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 304);

        // Only the organizer reviews.
        QCOMPARE(
            m_server->get(u"/api/attendance/events/%1/attendances"_s.arg(event), dora).status, 403);
        QCOMPARE(decide(event, attendanceId(emilJoin), "REJECTED", dora).status, 403);
        QCOMPARE(m_server->get(u"/api/attendance/events/%1/attendances"_s.arg(event)).status, 401);
    }

    void concurrentApprovalsNeverOverbook()
    {
        constexpr int limit = 10;
        constexpr int requests = 40;
        const qint64 event = createEvent(limit);
        QList<qint64> ids;
        for (int i = 0; i < requests; ++i) {
            const auto r = join(event, newUser(), jpeg(100 + i));
            QCOMPARE(r.status, 201);
            ids.append(attendanceId(r));
        }
        // All approvals at once, each on its own connection.
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < requests; ++i) {
            sockets.push_back(m_server->connectRaw());
            QVERIFY(sockets.back());
        }
        const auto burst = F::approveAllAtOnce(sockets, event, ids, m_organizer);
        QVERIFY2(burst.unexpected.isEmpty(), qPrintable(burst.unexpected.join(u"; "_s)));
        QCOMPARE(burst.approved, limit);
        QCOMPARE(burst.full, requests - limit);
        const auto approved = m_server->get(
            u"/api/attendance/events/%1/attendances?status=APPROVED"_s.arg(event), m_organizer);
        QCOMPARE(approved.json().value("attendances"_L1).toArray().size(), limit);
        QCOMPARE(
            m_server->get(u"/api/events/%1"_s.arg(event)).json().value("attendeeCount"_L1).toInt(),
            limit);
        // Exactly one valid ticket per approval won in the race, none for the refused.
        checkTicketsMatchApprovals(event, limit);
    }

    void waitlistAndOffer()
    {
        const qint64 event = createEvent(1);
        const QByteArray first = newUser();
        const QByteArray second = newUser();
        const QByteArray third = newUser();
        const auto a = join(event, first, jpeg(200));
        QCOMPARE(decide(event, attendanceId(a), "APPROVED", m_organizer).status, 200);
        const auto b = join(event, second, jpeg(201));
        const auto c = join(event, third, jpeg(202));
        QCOMPARE(statusOf(b), u"WAITLISTED"_s);
        QCOMPARE(
            b.json().value("attendance"_L1).toObject().value("waitlistPosition"_L1).toInt(), 1);
        QCOMPARE(
            c.json().value("attendance"_L1).toObject().value("waitlistPosition"_L1).toInt(), 2);
        // Approving a waitlisted request is refused; the place is taken.
        QCOMPARE(decide(event, attendanceId(b), "APPROVED", m_organizer).status, 409);

        // The approved attendee leaves: the first waitlisted gets an offer (the place is held
        // for them), the next moves up.
        const auto left = m_server->request(
            "DELETE", u"/api/attendance/events/%1/attendance"_s.arg(event), {}, first);
        QCOMPARE(left.status, 200);
        QCOMPARE(statusOf(left), u"LEFT"_s);
        const auto mineSecond = m_server->get(u"/api/attendance/mine"_s, second);
        const auto secondNow
            = mineSecond.json().value("attendances"_L1).toArray().first().toObject();
        QCOMPARE(secondNow.value("status"_L1).toString(), u"OFFERED"_s);
        QCOMPARE(secondNow.value("holdsPlace"_L1).toBool(), true);
        QVERIFY(secondNow.value("offerExpiresAt"_L1).toInteger() > 0);
        QCOMPARE(secondNow.value("event"_L1).toObject().value("id"_L1).toInteger(), event);
        const auto thirdNow = m_server->get(u"/api/attendance/mine"_s, third)
                                  .json()
                                  .value("attendances"_L1)
                                  .toArray()
                                  .first()
                                  .toObject();
        QCOMPARE(thirdNow.value("status"_L1).toString(), u"WAITLISTED"_s);
        QCOMPARE(thirdNow.value("waitlistPosition"_L1).toInt(), 1);
        // An open offer is the guest's to answer, not the organizer's to approve.
        QCOMPARE(decide(event, attendanceId(b), "APPROVED", m_organizer).status, 409);
        const auto accepted = m_server->postJson(
            u"/api/attendance/events/%1/offer/accept"_s.arg(event), {}, second);
        QCOMPARE(accepted.status, 200);
        QCOMPARE(statusOf(accepted), u"PENDING"_s);
        QCOMPARE(decide(event, attendanceId(b), "APPROVED", m_organizer).status, 200);
        // Leaving twice, or without having joined: 404.
        QCOMPARE(
            m_server
                ->request("DELETE", u"/api/attendance/events/%1/attendance"_s.arg(event), {}, first)
                .status,
            404);
        // Who left may ask again, at the end of the queue.
        const auto again = join(event, first, jpeg(203));
        QCOMPARE(again.status, 201);
        QCOMPARE(statusOf(again), u"WAITLISTED"_s);
        QCOMPARE(
            again.json().value("attendance"_L1).toObject().value("waitlistPosition"_L1).toInt(), 2);
    }

    void raisingTheLimitOffers()
    {
        const qint64 event = createEvent(1);
        const auto a = join(event, newUser(), jpeg(400));
        QCOMPARE(decide(event, attendanceId(a), "APPROVED", m_organizer).status, 200);
        const QByteArray waiting = newUser();
        QCOMPARE(statusOf(join(event, waiting, jpeg(401))), u"WAITLISTED"_s);
        QCOMPARE(m_server
                     ->patchJson(
                         u"/api/events/%1"_s.arg(event), { { u"attendeeLimit"_s, 2 } }, m_organizer)
                     .status,
            200);
        const auto mine = m_server->get(u"/api/attendance/mine"_s, waiting);
        QCOMPARE(mine.json()
                     .value("attendances"_L1)
                     .toArray()
                     .first()
                     .toObject()
                     .value("status"_L1)
                     .toString(),
            u"OFFERED"_s);
    }

    void hundredParallelJoins()
    {
        constexpr int limit = 20;
        constexpr int waiting = 100;
        const qint64 event = createEvent(limit);
        QVERIFY(event > 0);
        for (int i = 0; i < limit; ++i) {
            const auto r = join(event, newUser(), jpeg(500 + i));
            QCOMPARE(r.status, 201);
            QCOMPARE(decide(event, attendanceId(r), "APPROVED", m_organizer).status, 200);
        }
        QCOMPARE(
            m_server->get(u"/api/events/%1"_s.arg(event)).json().value("attendeeCount"_L1).toInt(),
            limit);

        QList<QByteArray> requests;
        for (int i = 0; i < waiting; ++i) {
            const QByteArray token = newUser();
            QVERIFY(!token.isEmpty());
            requests.append(rawJoin(event, token, jpeg(600 + i)));
        }
        const auto answers = fireAtOnce(requests);
        QCOMPARE(answers.size(), waiting);
        QSet<qint64> joinedIds;
        for (const auto &answer : answers) {
            QVERIFY2(answer.status == 201, answer.body.constData());
            const auto a = attendanceOf(answer);
            QCOMPARE(a.value("status"_L1).toString(), u"WAITLISTED"_s);
            joinedIds.insert(a.value("id"_L1).toInteger());
        }
        QCOMPARE(joinedIds.size(), waiting);

        // Exactly the 100 are waiting, numbered 1..100 in the order they were stored.
        const auto waitlist = attendances(event, u"WAITLISTED"_s);
        QCOMPARE(waitlist.size(), waiting);
        QSet<qint64> listedIds;
        qint64 previousId = 0;
        for (qsizetype i = 0; i < waitlist.size(); ++i) {
            const auto a = waitlist[i].toObject();
            const qint64 id = a.value("id"_L1).toInteger();
            QVERIFY(id > previousId); // listed by id
            previousId = id;
            listedIds.insert(id);
            QCOMPARE(a.value("waitlistPosition"_L1).toInt(), int(i + 1));
        }
        QCOMPARE(listedIds, joinedIds);
        QCOMPARE(attendances(event, u"APPROVED"_s).size(), limit);
        QCOMPARE(attendances(event, u"PENDING"_s).size(), 0);
        QCOMPARE(
            m_server->get(u"/api/events/%1"_s.arg(event)).json().value("attendeeCount"_L1).toInt(),
            limit);

        // The same user joining twice at once: one request is stored, the other refused.
        const QByteArray twice = newUser();
        const auto pair
            = fireAtOnce({ rawJoin(event, twice, jpeg(700)), rawJoin(event, twice, jpeg(701)) });
        QCOMPARE(pair.size(), 2);
        QList<int> statuses { pair[0].status, pair[1].status };
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int> { 201, 409 }));
        const auto &created = pair[0].status == 201 ? pair[0] : pair[1];
        QCOMPARE(attendanceOf(created).value("waitlistPosition"_L1).toInt(), waiting + 1);
        const auto mine = m_server->get(u"/api/attendance/mine"_s, twice)
                              .json()
                              .value("attendances"_L1)
                              .toArray();
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().toObject().value("waitlistPosition"_L1).toInt(), waiting + 1);
        QCOMPARE(attendances(event, u"WAITLISTED"_s).size(), waiting + 1);
    }

    void parallelLeavesOfferExactlyOnce()
    {
        constexpr int limit = 5;
        constexpr int waiting = 10;
        const qint64 event = createEvent(limit);
        QVERIFY(event > 0);
        QList<QByteArray> approvedTokens;
        for (int i = 0; i < limit; ++i) {
            const QByteArray token = newUser();
            const auto r = join(event, token, jpeg(800 + i));
            QCOMPARE(r.status, 201);
            QCOMPARE(decide(event, attendanceId(r), "APPROVED", m_organizer).status, 200);
            approvedTokens.append(token);
        }
        QList<qint64> waitlistedIds;
        QList<QByteArray> waitlistedTokens;
        for (int i = 0; i < waiting; ++i) {
            waitlistedTokens.append(newUser());
            const auto r = join(event, waitlistedTokens.last(), jpeg(850 + i));
            QCOMPARE(r.status, 201);
            QCOMPARE(statusOf(r), u"WAITLISTED"_s);
            QCOMPARE(
                r.json().value("attendance"_L1).toObject().value("waitlistPosition"_L1).toInt(),
                i + 1);
            waitlistedIds.append(attendanceId(r));
        }

        // All approved attendees leave at once.
        QList<QByteArray> requests;
        const QByteArray path
            = "/api/attendance/events/" + QByteArray::number(event) + "/attendance";
        for (const QByteArray &token : approvedTokens)
            requests.append(rawRequest("DELETE", path, token));
        const auto answers = fireAtOnce(requests);
        QCOMPARE(answers.size(), limit);
        for (const auto &answer : answers) {
            QVERIFY2(answer.status == 200, answer.body.constData());
            QCOMPARE(attendanceOf(answer).value("status"_L1).toString(), u"LEFT"_s);
        }
        QCOMPARE(attendances(event, u"APPROVED"_s).size(), 0);
        QCOMPARE(attendances(event, u"LEFT"_s).size(), limit);
        // Every ticket of those who left is revoked, in the leave's own transaction.
        checkTicketsMatchApprovals(event, 0);
        if (QTest::currentTestFailed())
            return;

        // Each freed place was offered to exactly one request: the five oldest.
        const auto pending = attendances(event, u"OFFERED"_s);
        QList<qint64> pendingIds;
        for (const auto &v : pending)
            pendingIds.append(v.toObject().value("id"_L1).toInteger());
        QCOMPARE(pendingIds, waitlistedIds.mid(0, limit));
        const auto stillWaiting = attendances(event, u"WAITLISTED"_s);
        QCOMPARE(stillWaiting.size(), waiting - limit);
        for (qsizetype i = 0; i < stillWaiting.size(); ++i) {
            const auto a = stillWaiting[i].toObject();
            QCOMPARE(a.value("id"_L1).toInteger(), waitlistedIds[limit + i]);
            QCOMPARE(a.value("waitlistPosition"_L1).toInt(), int(i + 1));
        }

        // The offered accept and fill the event exactly; the rest stay on the waitlist.
        for (int i = 0; i < limit; ++i)
            QCOMPARE(m_server
                         ->postJson(u"/api/attendance/events/%1/offer/accept"_s.arg(event), {},
                             waitlistedTokens[i])
                         .status,
                200);
        for (qint64 id : pendingIds)
            QCOMPARE(decide(event, id, "APPROVED", m_organizer).status, 200);
        QCOMPARE(decide(event, waitlistedIds[limit], "APPROVED", m_organizer).status, 409);
        QCOMPARE(attendances(event, u"APPROVED"_s).size(), limit);
        QCOMPARE(attendances(event, u"WAITLISTED"_s).size(), waiting - limit);
        QCOMPARE(
            m_server->get(u"/api/events/%1"_s.arg(event)).json().value("attendeeCount"_L1).toInt(),
            limit);
        checkTicketsMatchApprovals(event, limit);
    }

    void cancelledEventsTakeNoRequests()
    {
        const qint64 event = createEvent(3);
        QCOMPARE(
            m_server->request("DELETE", u"/api/events/%1"_s.arg(event), {}, m_organizer).status,
            200);
        QCOMPARE(join(event, newUser(), jpeg(300)).status, 409);
    }

    // Photos that nothing references go after the grace period: an uploaded chat photo never
    // sent, and a file without a row; a join request's photo stays.
    void unreferencedPhotosAreCollected()
    {
        const qint64 event = createEvent(3);
        const QByteArray guest = newUser();
        const auto joined = join(event, guest, jpeg(401));
        QCOMPARE(joined.status, 201);
        const qint64 kept
            = joined.json().value("attendance"_L1).toObject().value("photoId"_L1).toInteger();
        const QByteArray upload = multipartBody({ { "photo", "chat.jpg", jpeg(402) } });
        const auto uploaded = m_server->request(
            "POST", u"/api/photos"_s, upload, guest, "multipart/form-data; boundary=" + kBoundary);
        QCOMPARE(uploaded.status, 201);
        const qint64 orphan
            = uploaded.json().value("photo"_L1).toObject().value("id"_L1).toInteger();
        const QString photoDir = m_server->dataDir() + u"/photos"_s;
        const QString stray = photoDir + u"/ab/cd/"_s + QString(64, u'a') + u".jpg"_s;
        QVERIFY(QDir().mkpath(QFileInfo(stray).path()));
        {
            QFile f(stray);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not referenced");
        }
        auto photoRows = [&] {
            QSqlDatabase db = m_server.sql(u"gc-check"_s);
            QSqlQuery q(db);
            QSet<qint64> ids;
            if (q.exec(u"SELECT id FROM photos"_s))
                while (q.next())
                    ids.insert(q.value(0).toLongLong());
            return ids;
        };
        QVERIFY(photoRows().contains(orphan));

        // With the default grace (a day) nothing this new is touched.
        auto collect = [&](const QString &grace) {
            QProcess gc;
            gc.start(QStringLiteral(PUDDING_SERVER_BINARY),
                { u"gc-photos"_s, u"--database"_s, m_server.databaseUrl(), u"--data-dir"_s,
                    m_server->dataDir(), u"--photo-grace-seconds"_s, grace });
            return gc.waitForFinished(30000) && gc.exitCode() == 0;
        };
        QVERIFY(collect(u"86400"_s));
        QVERIFY(photoRows().contains(orphan));
        QVERIFY(QFile::exists(stray));

        QVERIFY(collect(u"0"_s));
        const auto rows = photoRows();
        QVERIFY(!rows.contains(orphan));
        QVERIFY(rows.contains(kept));
        QVERIFY(!QFile::exists(stray));
        // The request's photo is still served to its owner.
        QCOMPARE(m_server->get(u"/api/photos/%1"_s.arg(kept), guest).status, 200);
    }
};

QTEST_GUILESS_MAIN(TstAttendance)
#include "tst_attendance.moc"
