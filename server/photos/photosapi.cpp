// SPDX-License-Identifier: GPL-3.0-or-later
#include "photosapi.h"

#include "db/database.h"
#include "http/multipart.h"
#include "metrics/logcontext.h"
#include "shared/protocol.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class PhotosText
{
    Q_DECLARE_TR_FUNCTIONS(Attendance) // where these strings were first translated
};
namespace EC = Protocol::ErrorCode;
} // namespace

PhotosApi::PhotosApi(Database &db, const QString &photoDir)
    : m_db(db)
    , m_store(photoDir)
{
    m_photoPool.setMaxThreadCount(2);
    m_photoPool.setObjectName(u"pudding-photos"_s);
}

PhotosApi::~PhotosApi()
{
    m_photoPool.waitForDone();
}

QFuture<Result<ProcessedPhoto>> PhotosApi::processAndStore(const QByteArray &bytes)
{
    // Decoding a 4 MB photo takes ~100 ms: never on an HTTP or database thread.
    // The request's log context goes along (and stays for the continuation that queues the
    // database work), as Database::run does.
    return QtConcurrent::run(
        &m_photoPool, [this, bytes, context = LogContext::current()]() -> Result<ProcessedPhoto> {
            LogContext::setCurrent(context);
            auto processed = processPhoto(bytes);
            if (!processed)
                return processed.error();
            auto stored = m_store.store(processed.value());
            if (!stored)
                return stored.error();
            return std::move(processed).value();
        });
}

std::optional<qint64> PhotosApi::insertPhoto(
    DbSession &s, qint64 ownerId, const ProcessedPhoto &photo)
{
    auto *insert = s.run(u"INSERT INTO photos(owner_id, sha256, mime_type, width, height, "
                         "byte_size) VALUES (?, ?, 'image/jpeg', ?, ?, ?) RETURNING id"_s,
        { ownerId, photo.sha256, photo.width, photo.height, int(photo.display.size()) });
    if (!insert || !insert->next())
        return std::nullopt;
    const qint64 id = insert->value(0).toLongLong();
    insert->finish();
    return id;
}

void PhotosApi::upload(Request &request, const Reply &reply)
{
    auto parts = parseMultipart(request.header("content-type"), request.body);
    if (!parts) {
        reply.send(HttpResponse::fromError(parts.error()));
        return;
    }
    QByteArray photoBytes;
    for (const auto &part : parts.value()) {
        if (part.name == "photo")
            photoBytes = part.data;
    }
    if (photoBytes.isEmpty()) {
        reply.send(HttpResponse::validation({ { u"photo"_s, PhotosText::tr("Add a photo.") } }));
        return;
    }
    const qint64 userId = request.user->id;
    processAndStore(photoBytes).then([this, reply, userId](const Result<ProcessedPhoto> &photo) {
        if (!photo) {
            reply.send(HttpResponse::fromError(photo.error()));
            return;
        }
        const ProcessedPhoto &processed = photo.value();
        m_db.run([=](DbSession &s) -> HttpResponse {
                const auto id = insertPhoto(s, userId, processed);
                if (!id)
                    return HttpResponse::fromError(databaseError(s.lastError(), "photo"));
                return HttpResponse::json(
                    QJsonObject { { u"photo"_s,
                        QJsonObject { { u"id"_s, *id }, { u"width"_s, processed.width },
                            { u"height"_s, processed.height } } } },
                    201);
            })
            .then([reply](const HttpResponse &r) { reply.send(r); });
    });
}

void PhotosApi::photo(Request &request, const Reply &reply)
{
    const qint64 photoId = request.id();
    // A door token (checkin/) sees the photos of its event's approved guests, nothing else.
    const qint64 userId = request.user ? request.user->id : 0;
    const qint64 doorEventId = request.door ? request.door->eventId : 0;
    const bool thumb = request.queryValue(u"size"_s) == "thumb"_L1;
    const QByteArray ifNoneMatch = request.header("if-none-match");
    m_db.run([=](DbSession &s) -> Result<QByteArray> {
            // The uploader, the event's organizer, and — once the request is approved — the
            // event's other approved attendees may see it; a photo posted in a chat is for
            // everyone in that chat.
            auto *q = s.prepared(
                u"SELECT encode(p.sha256, 'hex'), p.owner_id = ? OR EXISTS ("
                "  SELECT 1 FROM attendances a JOIN events e ON e.id = a.event_id "
                "  WHERE a.photo_id = p.id AND (e.organizer_id = ? OR (a.status = 'APPROVED' "
                "    AND EXISTS (SELECT 1 FROM attendances b WHERE b.event_id = a.event_id "
                "      AND b.user_id = ? AND b.status = 'APPROVED')))) OR EXISTS ("
                "  SELECT 1 FROM messages m JOIN events e ON e.id = m.event_id "
                "  WHERE m.photo_id = p.id AND (e.organizer_id = ? OR EXISTS (SELECT 1 "
                "    FROM attendances b WHERE b.event_id = m.event_id AND b.user_id = ? "
                "    AND b.status = 'APPROVED'))) OR EXISTS ("
                "  SELECT 1 FROM attendances d WHERE d.photo_id = p.id AND d.event_id = ? "
                "    AND d.status = 'APPROVED') "
                "FROM photos p WHERE p.id = ?"_s);
            if (!s.exec(q, { userId, userId, userId, userId, userId, doorEventId, photoId }))
                return databaseError(s.lastError(), "photo");
            if (!q->next())
                return Error { QString(EC::NotFound), PhotosText::tr("No such photo."), {} };
            const QByteArray hash = q->value(0).toString().toLatin1();
            const bool allowed = q->value(1).toBool();
            q->finish();
            if (!allowed)
                return Error { QString(EC::Forbidden),
                    PhotosText::tr("You may not see this photo."), {} };
            return hash;
        })
        .then([this, reply, thumb, ifNoneMatch](const Result<QByteArray> &found) {
            if (!found) {
                reply.send(HttpResponse::fromError(found.error()));
                return;
            }
            const QByteArray &hash = found.value();
            const QByteArray etag = '"' + hash + (thumb ? "-t" : "") + '"';
            if (ifNoneMatch == etag) {
                HttpResponse r;
                r.status = 304;
                r.contentType.clear();
                reply.send(r.withHeader("ETag", etag));
                return;
            }
            // Reading the file stays off the HTTP thread.
            QtConcurrent::run(&m_photoPool, [this, hash, thumb] {
                return m_store.read(
                    hash, thumb ? PhotoStore::Size::Thumbnail : PhotoStore::Size::Display);
            }).then([reply, etag](const std::optional<QByteArray> &bytes) {
                if (!bytes) {
                    reply.send(HttpResponse::error(
                        EC::NotFound, PhotosText::tr("The photo file is missing.")));
                    return;
                }
                HttpResponse r;
                r.contentType = "image/jpeg";
                r.body = *bytes;
                r.withHeader("ETag", etag).withHeader("Cache-Control", "private, max-age=86400");
                reply.send(r);
            });
        });
}

} // namespace Pudding::Server
