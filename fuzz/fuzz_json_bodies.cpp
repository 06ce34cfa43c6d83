// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the JSON request bodies: the strict body parser (server/http/request.h:
// findJsonStringViolation + parseJsonObject) and what the handlers do with the object.
//
// Input: byte 0 picks the body kind, the rest is the body as it arrives on the wire.
//   kind % 3 == 0: an event draft (POST/PATCH /api/events): EventDraft::fromJson, then
//                  Validation::validateEventDraft for create and for an update merged onto a
//                  stored event;
//   kind % 3 == 1: a join decision (PATCH …/attendances/<id>): status and note;
//   kind % 3 == 2: a chat client frame (WebSocket /ws, shared/chat.h), read as
//                  server/live/wssession.cpp reads it: type, ids, content and clientMsgId.
// Properties checked (a violation aborts, which libFuzzer reports as a crash):
//   - whatever the strict parser accepts, Qt's parser accepts too, as the same object (unless
//     a string holds a raw U+FEFF, which Qt 6.4 drops at the start of a string: see below);
//   - Qt's own compact output of an accepted object passes the strict parser and reads back
//     as the same object (what the server writes, its clients can read);
//   - a draft that reads without errors writes a JSON form that reads back to the same draft;
//   - a stored message's JSON form reads back to the same message.
#include "http/request.h"
#include "shared/attendance.h"
#include "shared/chat.h"
#include "shared/event.h"
#include "shared/validation.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Pudding;
using namespace Qt::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

const QDateTime &fixedNow()
{
    static const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
    return now;
}

Event storedEvent()
{
    Event e;
    e.id = 7;
    e.title = u"Pudding picnic"_s;
    e.description = u"Bring a spoon."_s;
    e.location = { 52.52, 13.405 };
    e.city = u"Berlin"_s;
    e.state = u"Berlin"_s;
    e.startTime = fixedNow().addDays(3);
    e.endTime = e.startTime.addSecs(7200);
    e.attendeeLimit = 10;
    return e;
}

void eventDraft(const QJsonObject &body)
{
    const auto draft = EventDraft::fromJson(body);
    if (!draft)
        return;
    (void)Validation::validateEventDraft(draft.value(), Validation::DraftMode::Create, fixedNow());
    const EventDraft merged = draft.value().mergedOnto(storedEvent());
    (void)Validation::validateEventDraft(merged, Validation::DraftMode::Update, fixedNow());
    const QJsonObject written = draft.value().toJson();
    const auto reread = EventDraft::fromJson(written);
    check(bool(reread));
    check(reread.value().toJson() == written);
}

void decision(const QJsonObject &body)
{
    const auto status = attendanceStatusFromString(body.value("status"_L1).toString());
    if (status)
        check(attendanceStatusFromString(toString(*status)) == status);
    const QString note = body.value("note"_L1).toString().trimmed();
    check(Chat::characterCount(note) <= note.size());
    for (const auto from : { AttendanceStatus::Pending, AttendanceStatus::Waitlisted,
             AttendanceStatus::Approved, AttendanceStatus::Rejected })
        (void)isOrganizerTransitionAllowed(from, status.value_or(AttendanceStatus::Left));
}

void chatFrame(const QJsonObject &frame)
{
    const QString type = frame.value("type"_L1).toString();
    (void)Chat::frame(Chat::ServerFrame::Pong, { { u"ref"_s, frame.value("ref"_L1) } });
    const qint64 eventId = Chat::idField(frame, "eventId"_L1);
    check(eventId >= 0);
    if (type == Chat::ClientFrame::SendMessage) {
        const QString content = frame.value("content"_L1).toString().trimmed();
        const QString clientMsgId = frame.value("clientMsgId"_L1).toString();
        const FieldErrors errors = Chat::validateMessage(content, clientMsgId);
        if (errors.isEmpty()) {
            check(Chat::characterCount(content) <= Chat::ContentMax);
            ChatMessage m;
            m.id = 1;
            m.eventId = eventId;
            m.user = { 3, u"Anna"_s };
            m.content = content;
            m.clientMsgId = clientMsgId;
            m.photoId = Chat::idField(frame, "photoId"_L1);
            m.createdAt = fixedNow();
            const QJsonObject json = m.toJson();
            check(ChatMessage::fromJson(json).toJson() == json);
        }
    }
    // Whatever a client sends as a message, the reader of stored messages copes with it.
    (void)ChatMessage::fromJson(frame.value("message"_L1).toObject());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t kind = data[0] % 3;
    const QByteArrayView body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));

    const auto parsed = Server::parseJsonObject(body);
    if (Server::findJsonStringViolation(body) < 0) {
        // The strict checks only add refusals: on the rest, the answer is Qt's.
        QJsonParseError error;
        const QJsonDocument qt = QJsonDocument::fromJson(body.toByteArray(), &error);
        check(bool(parsed) == (error.error == QJsonParseError::NoError && qt.isObject()));
        // Qt drops a raw byte order mark at the start of a string; the strict parser keeps it
        // (request.cpp), so only inputs without one must read the same.
        if (parsed && !body.contains("\xEF\xBB\xBF"))
            check(qt.object() == parsed.value());
    } else {
        check(!parsed);
    }
    if (!parsed)
        return 0;

    const QByteArray written = QJsonDocument(parsed.value()).toJson(QJsonDocument::Compact);
    check(Server::findJsonStringViolation(written) < 0);
    const auto reread = Server::parseJsonObject(written);
    check(bool(reread));
    check(reread.value() == parsed.value());

    switch (kind) {
    case 0:
        eventDraft(parsed.value());
        break;
    case 1:
        decision(parsed.value());
        break;
    default:
        chatFrame(parsed.value());
    }
    return 0;
}
