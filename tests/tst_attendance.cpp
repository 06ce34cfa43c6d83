// SPDX-License-Identifier: GPL-3.0-or-later
// Joining with a pudding photo against the real server and PostgreSQL: the request, the
// organizer's review, capacity under concurrent approvals, the waitlist, leaving, and who
// may see what.
#include "testserver.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;

namespace {
QByteArray jpeg(int seed)
{
    QImage image(320, 240, QImage::Format_RGB32);
    image.fill(QColor::fromHsv(seed * 37 % 360, 200, 230));
    QPainter p(&image);
    p.fillRect(20 + seed % 100, 60, 120, 90, QColor::fromHsv((seed * 91) % 360, 255, 160));
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

const QByteArray kBoundary = "----puddingBoundary7MA4YWxk";

/// A multipart/form-data body as curl -F builds it.
QByteArray multipartBody(const QList<std::tuple<QByteArray, QByteArray, QByteArray>> &parts)
{
    QByteArray body;
    for (const auto &[name, filename, data] : parts) {
        body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name + '"';
        if (!filename.isEmpty())
            body += "; filename=\"" + filename + "\"\r\nContent-Type: image/jpeg";
        body += "\r\n\r\n" + data + "\r\n";
    }
    body += "--" + kBoundary + "--\r\n";
    return body;
}
} // namespace

class TstAttendance : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    QByteArray m_organizer;
    int m_users = 0;

    QByteArray newUser()
    {
        const int n = ++m_users;
        return m_server->registerUser(u"user%1@example.org"_s.arg(n), u"User %1"_s.arg(n));
    }

    qint64 createEvent(int limit)
    {
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(5);
        const auto r = m_server->postJson(
                u"/api/events"_s,
                { { u"title"_s, u"Pudding tasting"_s },
                  { u"location"_s, QJsonObject { { u"lat"_s, 50.1137 }, { u"lng"_s, 8.6843 } } },
                  { u"city"_s, u"Frankfurt am Main"_s },
                  { u"startTime"_s, start.toString(Qt::ISODate) },
                  { u"endTime"_s, start.addSecs(7200).toString(Qt::ISODate) },
                  { u"attendeeLimit"_s, limit } },
                m_organizer);
        if (r.status != 201)
            qWarning() << "create event failed" << r.status << r.body;
        return r.json().value("id"_L1).toInteger();
    }

    HttpResult join(qint64 eventId, const QByteArray &token, const QByteArray &photo,
                    const QByteArray &name = "Schokoladenpudding")
    {
        const QByteArray body = multipartBody({ { "puddingName", {}, name },
                                                { "puddingDescription", {}, "Mit Sahne." },
                                                { "photo", "pudding.jpg", photo } });
        return m_server->request("POST", u"/api/attendance/events/%1/join"_s.arg(eventId), body,
                                 token, "multipart/form-data; boundary=" + kBoundary);
    }

    HttpResult decide(qint64 eventId, qint64 attendanceId, const char *status,
                      const QByteArray &token)
    {
        return m_server->patchJson(u"/api/attendance/events/%1/attendances/%2"_s.arg(eventId).arg(attendanceId),
                                   { { u"status"_s, QString::fromLatin1(status) } }, token);
    }

    static qint64 attendanceId(const HttpResult &r)
    {
        return r.json().value("attendance"_L1).toObject().value("id"_L1).toInteger();
    }
    static QString statusOf(const HttpResult &r)
    {
        return r.json().value("attendance"_L1).toObject().value("status"_L1).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(u"attendance"_s);
        QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
        TestServer::Options options;
        options.threads = 2;
        m_server = std::make_unique<TestServer>(m_db->url(), options);
        QVERIFY(m_server->start());
        m_organizer = m_server->registerUser(u"olga@example.org"_s, u"Olga"_s);
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

        const auto list = m_server->get(u"/api/attendance/events/%1/attendances"_s.arg(event), m_organizer);
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
        QCOMPARE(m_server->get(u"/api/events/%1"_s.arg(event)).json().value("attendeeCount"_L1).toInt(), 1);
        // Approved cannot be approved again.
        QCOMPARE(decide(event, attendanceId(joined), "APPROVED", m_organizer).status, 409);
    }

    void joinErrors()
    {
        const qint64 event = createEvent(5);
        const QByteArray bert = newUser();
        QCOMPARE(join(event, bert, jpeg(2)).status, 201);
        const auto twice = join(event, bert, jpeg(3));
        QCOMPARE(twice.status, 409);
        QCOMPARE(join(event, m_organizer, jpeg(4)).status, 409); // not into one's own event
        const QByteArray carla = newUser();
        const auto text = join(event, carla, "just some text, not an image at all");
        QCOMPARE(text.status, 415);
        QCOMPARE(text.errorCode(), u"unsupported_media_type"_s);
        // Over the 5 MB photo limit: the multipart parser stops reading at the limit.
        const auto big = join(event, carla, jpeg(5) + QByteArray(5'500'000, 'x'));
        QCOMPARE(big.status, 413);
        QCOMPARE(big.errorCode(), u"payload_too_large"_s);
        // A 6 MB upload is refused from its Content-Length alone, before the body is read.
        auto socket = m_server->connectRaw();
        QVERIFY(socket);
        socket->write("POST /api/attendance/events/" + QByteArray::number(event)
                      + "/join HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + carla
                      + "\r\nContent-Type: multipart/form-data; boundary=" + kBoundary
                      + "\r\nContent-Length: 6400000\r\n\r\n");
        const auto responses = readRawResponses(*socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 413);
        const auto unnamed = join(event, carla, jpeg(6), "");
        QCOMPARE(unnamed.status, 400);
        QCOMPARE(unnamed.json().value("error"_L1).toObject().value("field"_L1).toString(), u"puddingName"_s);
        QCOMPARE(join(999999, carla, jpeg(7)).status, 404);
        QCOMPARE(join(event, {}, jpeg(8)).status, 401);
        const auto json = m_server->postJson(u"/api/attendance/events/%1/join"_s.arg(event),
                                             { { u"puddingName"_s, u"x"_s } }, carla);
        QCOMPARE(json.status, 415);
        // None of the refused attempts left anything behind.
        const auto list = m_server->get(u"/api/attendance/events/%1/attendances"_s.arg(event), m_organizer);
        QCOMPARE(list.json().value("attendances"_L1).toArray().size(), 1);
    }

    void whoMaySeeWhat()
    {
        const qint64 event = createEvent(5);
        const QByteArray dora = newUser();
        const QByteArray emil = newUser();
        const QByteArray stranger = newUser();
        const auto doraJoin = join(event, dora, jpeg(9));
        const auto emilJoin = join(event, emil, jpeg(10));
        const qint64 photo = doraJoin.json().value("attendance"_L1).toObject().value("photoId"_L1).toInteger();
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
            const auto exact = m_server->get(eventPath, token).json().value("location"_L1).toObject();
            QCOMPARE(exact.value("lat"_L1).toDouble(), 50.1137);
            QCOMPARE(exact.value("lng"_L1).toDouble(), 8.6843);
        }
        for (const QByteArray &token : { stranger, QByteArray() }) {
            const auto area = m_server->get(eventPath, token).json().value("location"_L1).toObject();
            QCOMPARE(area.value("lat"_L1).toDouble(), 50.11);
            QCOMPARE(area.value("lng"_L1).toDouble(), 8.68);
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
        QCOMPARE(m_server->get(u"/api/attendance/events/%1/attendances"_s.arg(event), dora).status, 403);
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
        const QByteArray body = R"({"status":"APPROVED"})";
        for (qint64 id : ids) {
            auto s = m_server->connectRaw();
            QVERIFY(s);
            sockets.push_back(std::move(s));
            Q_UNUSED(id);
        }
        for (size_t i = 0; i < sockets.size(); ++i) {
            sockets[i]->write("PATCH /api/attendance/events/" + QByteArray::number(event)
                              + "/attendances/" + QByteArray::number(ids[qsizetype(i)])
                              + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_organizer
                              + "\r\nContent-Type: application/json\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            sockets[i]->flush();
        }
        int ok = 0;
        int full = 0;
        for (auto &s : sockets) {
            const auto responses = readRawResponses(*s, 1);
            QCOMPARE(responses.size(), 1);
            if (responses[0].status == 200)
                ++ok;
            else if (responses[0].status == 409 && responses[0].body.contains("event_full"))
                ++full;
        }
        QCOMPARE(ok, limit);
        QCOMPARE(full, requests - limit);
        const auto approved = m_server->get(
                u"/api/attendance/events/%1/attendances?status=APPROVED"_s.arg(event), m_organizer);
        QCOMPARE(approved.json().value("attendances"_L1).toArray().size(), limit);
        QCOMPARE(m_server->get(u"/api/events/%1"_s.arg(event)).json().value("attendeeCount"_L1).toInt(), limit);
    }

    void waitlistAndPromotion()
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
        QCOMPARE(b.json().value("attendance"_L1).toObject().value("waitlistPosition"_L1).toInt(), 1);
        QCOMPARE(c.json().value("attendance"_L1).toObject().value("waitlistPosition"_L1).toInt(), 2);
        // Approving a waitlisted request is refused; the place is taken.
        QCOMPARE(decide(event, attendanceId(b), "APPROVED", m_organizer).status, 409);

        // The approved attendee leaves: the first waitlisted is promoted, the next moves up.
        const auto left = m_server->request("DELETE", u"/api/attendance/events/%1/attendance"_s.arg(event), {}, first);
        QCOMPARE(left.status, 200);
        QCOMPARE(statusOf(left), u"LEFT"_s);
        const auto mineSecond = m_server->get(u"/api/attendance/mine"_s, second);
        const auto secondNow = mineSecond.json().value("attendances"_L1).toArray().first().toObject();
        QCOMPARE(secondNow.value("status"_L1).toString(), u"PENDING"_s);
        QCOMPARE(secondNow.value("event"_L1).toObject().value("id"_L1).toInteger(), event);
        const auto thirdNow = m_server->get(u"/api/attendance/mine"_s, third)
                                      .json().value("attendances"_L1).toArray().first().toObject();
        QCOMPARE(thirdNow.value("status"_L1).toString(), u"WAITLISTED"_s);
        QCOMPARE(thirdNow.value("waitlistPosition"_L1).toInt(), 1);
        QCOMPARE(decide(event, attendanceId(b), "APPROVED", m_organizer).status, 200);
        // Leaving twice, or without having joined: 404.
        QCOMPARE(m_server->request("DELETE", u"/api/attendance/events/%1/attendance"_s.arg(event), {}, first).status, 404);
        // Who left may ask again, at the end of the queue.
        const auto again = join(event, first, jpeg(203));
        QCOMPARE(again.status, 201);
        QCOMPARE(statusOf(again), u"WAITLISTED"_s);
        QCOMPARE(again.json().value("attendance"_L1).toObject().value("waitlistPosition"_L1).toInt(), 2);
    }

    void raisingTheLimitPromotes()
    {
        const qint64 event = createEvent(1);
        const auto a = join(event, newUser(), jpeg(400));
        QCOMPARE(decide(event, attendanceId(a), "APPROVED", m_organizer).status, 200);
        const QByteArray waiting = newUser();
        QCOMPARE(statusOf(join(event, waiting, jpeg(401))), u"WAITLISTED"_s);
        QCOMPARE(m_server->patchJson(u"/api/events/%1"_s.arg(event), { { u"attendeeLimit"_s, 2 } },
                                     m_organizer).status,
                 200);
        const auto mine = m_server->get(u"/api/attendance/mine"_s, waiting);
        QCOMPARE(mine.json().value("attendances"_L1).toArray().first().toObject()
                         .value("status"_L1).toString(),
                 u"PENDING"_s);
    }

    void cancelledEventsTakeNoRequests()
    {
        const qint64 event = createEvent(3);
        QCOMPARE(m_server->request("DELETE", u"/api/events/%1"_s.arg(event), {}, m_organizer).status, 200);
        QCOMPARE(join(event, newUser(), jpeg(300)).status, 409);
    }
};

QTEST_GUILESS_MAIN(TstAttendance)
#include "tst_attendance.moc"
