// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testserver.h"

#include <QBuffer>
#include <QColor>
#include <QDateTime>
#include <QImage>
#include <QPainter>
#include <QStringList>
#include <memory>
#include <vector>

/// Building blocks of the scenarios the tests share: a pudding photo, a multipart body, an
/// event, a request to join and the organizer's decision — all through the real REST API.
namespace Pudding::Test::Fixtures {

/// A small JPEG that differs per seed.
inline QByteArray jpeg(int seed)
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

inline const QByteArray kBoundary = "----puddingBoundary7MA4YWxk";

/// A multipart/form-data body as curl -F builds it: (name, filename, data) per part.
inline QByteArray multipartBody(const QList<std::tuple<QByteArray, QByteArray, QByteArray>> &parts)
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

/// A meetup in Frankfurt five days from now; returns its id (0 on failure).
inline qint64 createEvent(TestServer &server, const QByteArray &organizer, int limit = 10)
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(5);
    const auto r = server.postJson(u"/api/events"_s,
        { { u"title"_s, u"Pudding tasting"_s },
            { u"location"_s, QJsonObject { { u"lat"_s, 50.1137 }, { u"lng"_s, 8.6843 } } },
            { u"city"_s, u"Frankfurt am Main"_s }, { u"startTime"_s, start.toString(Qt::ISODate) },
            { u"endTime"_s, start.addSecs(7200).toString(Qt::ISODate) },
            { u"attendeeLimit"_s, limit } },
        organizer);
    if (r.status != 201)
        qWarning() << "create event failed" << r.status << r.body;
    return r.json().value("id"_L1).toInteger();
}

/// The multipart body of a request to join: the pudding's name, its description (left out
/// when empty, as curl -F with name and photo only sends it) and the photo.
inline QByteArray joinBody(
    const QByteArray &puddingName, const QByteArray &description, const QByteArray &photo)
{
    QList<std::tuple<QByteArray, QByteArray, QByteArray>> parts { { "puddingName", {},
        puddingName } };
    if (!description.isEmpty())
        parts.append({ "puddingDescription", {}, description });
    parts.append({ "photo", "pudding.jpg", photo });
    return multipartBody(parts);
}

/// POSTs a join body (see joinBody()) to the event, whatever the answer.
inline HttpResult postJoin(
    TestServer &server, qint64 eventId, const QByteArray &token, const QByteArray &body)
{
    return server.request("POST", u"/api/attendance/events/%1/join"_s.arg(eventId), body, token,
        "multipart/form-data; boundary=" + kBoundary);
}

/// Asks to join with a photo; returns the attendance id (0 on failure).
inline qint64 requestJoin(TestServer &server, qint64 eventId, const QByteArray &token, int seed = 1)
{
    const auto r = postJoin(
        server, eventId, token, joinBody("Schokoladenpudding", "Mit Sahne.", jpeg(seed)));
    if (r.status != 201)
        qWarning() << "join failed" << r.status << r.body;
    return r.json().value("attendance"_L1).toObject().value("id"_L1).toInteger();
}

/// The organizer's decision ("APPROVED", "REJECTED"), whatever the answer.
inline HttpResult decision(TestServer &server, qint64 eventId, qint64 attendanceId,
    const char *status, const QByteArray &organizer)
{
    return server.patchJson(
        u"/api/attendance/events/%1/attendances/%2"_s.arg(eventId).arg(attendanceId),
        { { u"status"_s, QString::fromLatin1(status) } }, organizer);
}

/// The organizer's decision ("APPROVED" or "REJECTED"); returns the HTTP status.
inline int decide(TestServer &server, qint64 eventId, qint64 attendanceId, const char *status,
    const QByteArray &organizer)
{
    return decision(server, eventId, attendanceId, status, organizer).status;
}

/// requestJoin + decide APPROVED; true when both worked.
inline bool joinApproved(TestServer &server, qint64 eventId, const QByteArray &token,
    const QByteArray &organizer, int seed = 1)
{
    const qint64 id = requestJoin(server, eventId, token, seed);
    return id > 0 && decide(server, eventId, id, "APPROVED", organizer) == 200;
}

/// What a burst of approvals came back with.
struct ApprovalBurst
{
    int approved = 0; ///< 200
    int full = 0; ///< 409 event_full
    QStringList unexpected; ///< anything else: "status body"
};

/// The organizer approves `attendances[i]` on `sockets[i]` (raw HTTP/1.1, one connection each),
/// all written before any answer is read, so the decisions race in the server; then reads one
/// answer per socket.
template <typename Socket>
ApprovalBurst approveAllAtOnce(const std::vector<std::unique_ptr<Socket>> &sockets, qint64 event,
    const QList<qint64> &attendances, const QByteArray &organizerToken)
{
    const QByteArray body = R"({"status":"APPROVED"})";
    for (size_t i = 0; i < sockets.size(); ++i) {
        sockets[i]->write("PATCH /api/attendance/events/" + QByteArray::number(event)
            + "/attendances/" + QByteArray::number(attendances[qsizetype(i)])
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + organizerToken
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        sockets[i]->flush();
    }
    ApprovalBurst burst;
    for (const auto &s : sockets) {
        const auto responses = readRawResponses(*s, 1);
        if (responses.size() != 1)
            burst.unexpected.append(u"no answer"_s);
        else if (responses[0].status == 200)
            ++burst.approved;
        else if (responses[0].status == 409 && responses[0].body.contains("event_full"))
            ++burst.full;
        else
            burst.unexpected.append(
                QString::number(responses[0].status) + u' ' + QString::fromUtf8(responses[0].body));
    }
    return burst;
}

} // namespace Pudding::Test::Fixtures
