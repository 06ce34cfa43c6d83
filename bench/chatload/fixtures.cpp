// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.h"

#include <QBuffer>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Pudding::Bench {

QList<Account> readFixtures(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    QList<Account> out;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> parts = line.split('\t');
        if (parts.size() < 2) {
            *error = u"bad fixture line in %1"_s.arg(path);
            return {};
        }
        out.append({ parts[0].toLongLong(), parts[1].toLongLong(),
            parts.size() > 2 ? parts[2] : QByteArray() });
    }
    return out;
}

std::optional<QList<Room>> roomsFromFixtures(
    const QList<Account> &accounts, int rooms, int perRoom, QString *error)
{
    QList<Room> out;
    for (const Account &a : accounts) {
        if (out.isEmpty() || out.last().eventId != a.eventId) {
            if (out.size() == rooms)
                break;
            out.append(Room { a.eventId, {} });
        }
        if (out.last().members.size() < perRoom)
            out.last().members.append(a);
    }
    if (out.size() < rooms) {
        *error = u"the fixtures hold %1 rooms, %2 asked"_s.arg(out.size()).arg(rooms);
        return std::nullopt;
    }
    for (const Room &room : std::as_const(out)) {
        if (room.members.size() < perRoom) {
            *error = u"room %1 has %2 accounts, %3 asked"_s.arg(room.eventId)
                         .arg(room.members.size())
                         .arg(perRoom);
            return std::nullopt;
        }
    }
    return out;
}

QByteArray tinyJpeg()
{
    QImage image(96, 96, QImage::Format_RGB32);
    auto *rng = QRandomGenerator::global();
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(
                x, y, qRgb(200 + int(rng->bounded(55)), 150 + int(rng->bounded(60)), 40));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 80);
    return bytes;
}

QByteArray joinMultipart(const QByteArray &boundary, const QByteArray &jpeg)
{
    QByteArray body;
    body += "--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"puddingName\"\r\n\r\n"
          "Vanillepudding\r\n";
    // Sent although optional: without it the server answers 500 (a NULL bound for the
    // NOT NULL pudding_description, reported with the benchmark).
    body += "--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"puddingDescription\"\r\n\r\n"
          "Mit Sahne.\r\n";
    body += "--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"pudding.jpg\"\r\n"
          "Content-Type: image/jpeg\r\n\r\n";
    body += jpeg;
    body += "\r\n--" + boundary + "--\r\n";
    return body;
}

RestSetup::RestSetup(QUrl base)
    : m_base(std::move(base))
{ }

RestSetup::Reply RestSetup::call(const QByteArray &method, const QString &path,
    const QByteArray &body, const QByteArray &contentType, const QByteArray &token)
{
    static QNetworkAccessManager nam;
    QUrl url = m_base;
    const qsizetype q = path.indexOf(u'?');
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    // Set-up only: the measured phases run on the event loop without waiting.
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
        reply->readAll() };
    if (out.status == 0)
        m_error = u"%1 %2: %3"_s.arg(QString::fromLatin1(method), path, reply->errorString());
    else if (out.status >= 300)
        m_error = u"%1 %2: HTTP %3 %4"_s.arg(QString::fromLatin1(method), path)
                      .arg(out.status)
                      .arg(QString::fromUtf8(out.body.left(300)));
    reply->deleteLater();
    return out;
}

std::optional<QByteArray> RestSetup::registerUser(
    const QString &email, const QString &name, qint64 *userId)
{
    const QJsonObject body { { u"email"_s, email }, { u"password"_s, u"pudding-bench-2026"_s },
        { u"name"_s, name } };
    const Reply r = call("POST", u"/api/auth/register"_s,
        QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", {});
    if (r.status != 201)
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(r.body).object();
    *userId = json.value("user"_L1).toObject().value("id"_L1).toInteger();
    return json.value("token"_L1).toString().toLatin1();
}

std::optional<qint64> RestSetup::createEvent(const QByteArray &token, int index, int limit)
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(3).addSecs(index * 60);
    const QJsonObject body {
        { u"title"_s, u"Benchmark meetup %1"_s.arg(index) },
        { u"location"_s,
            QJsonObject { { u"lat"_s, 50.0 + (index % 40) * 0.05 },
                { u"lng"_s, 8.0 + (index % 50) * 0.05 } } },
        { u"city"_s, u"Benchstadt"_s },
        { u"startTime"_s, start.toString(Qt::ISODate) },
        { u"endTime"_s, start.addSecs(7200).toString(Qt::ISODate) },
        { u"attendeeLimit"_s, limit },
    };
    const Reply r = call("POST", u"/api/events"_s,
        QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", token);
    if (r.status != 201)
        return std::nullopt;
    return QJsonDocument::fromJson(r.body).object().value("id"_L1).toInteger();
}

std::optional<qint64> RestSetup::join(
    qint64 eventId, const QByteArray &token, const QByteArray &jpeg)
{
    const QByteArray boundary = "----puddingBench" + QByteArray::number(eventId);
    const Reply r = call("POST", u"/api/attendance/events/%1/join"_s.arg(eventId),
        joinMultipart(boundary, jpeg), "multipart/form-data; boundary=" + boundary, token);
    if (r.status != 201)
        return std::nullopt;
    return QJsonDocument::fromJson(r.body)
        .object()
        .value("attendance"_L1)
        .toObject()
        .value("id"_L1)
        .toInteger();
}

bool RestSetup::approve(qint64 eventId, qint64 attendanceId, const QByteArray &organizer)
{
    const Reply r = call("PATCH",
        u"/api/attendance/events/%1/attendances/%2"_s.arg(eventId).arg(attendanceId),
        R"({"status":"APPROVED"})", "application/json", organizer);
    return r.status == 200;
}

std::optional<QList<Room>> RestSetup::makeRooms(const QString &runId, int rooms, int perRoom)
{
    const QByteArray jpeg = tinyJpeg();
    QList<Room> out;
    for (int r = 0; r < rooms; ++r) {
        qint64 organizerId = 0;
        const auto organizer = registerUser(u"bench-%1-o%2@example.org"_s.arg(runId).arg(r),
            u"Bench organizer %1"_s.arg(r), &organizerId);
        if (!organizer)
            return std::nullopt;
        const auto eventId = createEvent(*organizer, r, std::max(perRoom, 1));
        if (!eventId)
            return std::nullopt;
        Room room { *eventId, {} };
        for (int c = 0; c < perRoom; ++c) {
            qint64 userId = 0;
            const auto token
                = registerUser(u"bench-%1-r%2c%3@example.org"_s.arg(runId).arg(r).arg(c),
                    u"Bench %1-%2"_s.arg(r).arg(c), &userId);
            if (!token)
                return std::nullopt;
            const auto attendance = join(*eventId, *token, jpeg);
            if (!attendance || !approve(*eventId, *attendance, *organizer))
                return std::nullopt;
            room.members.append(Account { *eventId, userId, *token });
        }
        out.append(room);
    }
    return out;
}

std::optional<QList<Account>> RestSetup::makeAccounts(
    const QString &runId, const QString &kind, int count)
{
    QList<Account> out;
    for (int i = 0; i < count; ++i) {
        qint64 userId = 0;
        const auto token = registerUser(u"bench-%1-%2%3@example.org"_s.arg(runId, kind).arg(i),
            u"Bench %1 %2"_s.arg(kind).arg(i), &userId);
        if (!token)
            return std::nullopt;
        out.append(Account { 0, userId, *token });
    }
    return out;
}

std::optional<QList<qint64>> RestSetup::makeEvents(const QString &runId, int count)
{
    qint64 organizerId = 0;
    const auto organizer = registerUser(
        u"bench-%1-events@example.org"_s.arg(runId), u"Bench organizer"_s, &organizerId);
    if (!organizer)
        return std::nullopt;
    QList<qint64> out;
    for (int i = 0; i < count; ++i) {
        const auto id = createEvent(*organizer, 1000 + i, 100);
        if (!id)
            return std::nullopt;
        out.append(*id);
    }
    return out;
}

} // namespace Pudding::Bench
