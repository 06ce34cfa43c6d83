// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatrooms.h"

#include "api/apiclient.h"
#include "chat/chatroom.h"
#include "chat/liveconnection.h"
#include "shared/attendance.h"
#include "shared/chat.h"
#include "shared/protocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcChat, "pudding.client.chat", QtInfoMsg)

namespace Pudding::Client {

namespace {
ChatRooms *s_instance = nullptr;
namespace SF = Chat::ServerFrame;
namespace CF = Chat::ClientFrame;
namespace EC = Protocol::ErrorCode;
} // namespace

ChatRooms::ChatRooms(ApiClient *api, LiveConnection *live, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_live(live)
{
    m_ackTimer.setInterval(1000);
    connect(&m_ackTimer, &QTimer::timeout, this, [this] {
        for (ChatRoom *room : std::as_const(m_rooms))
            room->checkAckTimeouts();
    });
    connect(m_live, &LiveConnection::frameReceived, this, &ChatRooms::route);
    // Resume: every room again, from the newest message it has.
    connect(m_live, &LiveConnection::ready, this, [this] {
        m_ackTimer.start();
        for (ChatRoom *room : std::as_const(m_rooms))
            room->join();
    });
    connect(m_live, &LiveConnection::disconnected, this, [this] {
        for (ChatRoom *room : std::as_const(m_rooms))
            room->handleDisconnected();
    });
    // Whatever was queued belonged to the session that ends here.
    connect(m_live, &LiveConnection::stopped, this, [this] {
        m_ackTimer.stop();
        const QList<ChatRoom *> rooms = m_rooms.values();
        for (ChatRoom *room : rooms) {
            room->failOutbox(tr("Not sent: you are signed out."));
            room->handleDisconnected();
        }
    });
}

ChatRooms::~ChatRooms()
{
    if (s_instance == this)
        s_instance = nullptr;
}

ChatRooms *ChatRooms::instance()
{
    return s_instance;
}

void ChatRooms::setInstance(ChatRooms *rooms)
{
    s_instance = rooms;
}

int ChatRooms::unreadCount(qint64 eventId) const
{
    const ChatRoom *r = m_rooms.value(eventId);
    return r ? r->unreadCount() : 0;
}

int ChatRooms::totalUnread() const
{
    int total = 0;
    for (const ChatRoom *room : m_rooms)
        total += room->unreadCount();
    return total;
}

QVariantMap ChatRooms::unreadCounts() const
{
    QVariantMap counts;
    for (const ChatRoom *room : m_rooms) {
        if (room->unreadCount() > 0)
            counts.insert(QString::number(room->eventId()), room->unreadCount());
    }
    return counts;
}

void ChatRooms::watchEvent(qint64 eventId)
{
    if (eventId <= 0 || m_live->state() == LiveConnection::State::Offline)
        return;
    ChatRoom *r = ensureRoom(eventId);
    r->watch();
    r->join();
}

void ChatRooms::markRead(qint64 eventId)
{
    if (ChatRoom *r = m_rooms.value(eventId))
        r->markRead();
}

void ChatRooms::forgetAccount()
{
    m_live->stop();
    const QList<ChatRoom *> rooms = m_rooms.values();
    m_rooms.clear();
    m_joinRefs.clear();
    for (ChatRoom *room : rooms) {
        const qint64 eventId = room->eventId();
        room->clear();
        delete room;
        Q_EMIT unreadChanged(eventId);
    }
}

ChatRoom *ChatRooms::ensureRoom(qint64 eventId)
{
    if (ChatRoom *existing = m_rooms.value(eventId))
        return existing;
    auto *room = new ChatRoom(eventId, m_api, m_live, this);
    m_rooms.insert(eventId, room);
    connect(room, &ChatRoom::joinRequested, this, [this, room] { sendJoin(room); });
    connect(
        room, &ChatRoom::unreadChanged, this, [this, eventId] { Q_EMIT unreadChanged(eventId); });
    return room;
}

ChatRoom *ChatRooms::open(qint64 eventId)
{
    ChatRoom *room = ensureRoom(eventId);
    room->addObserver();
    return room;
}

void ChatRooms::close(ChatRoom *room)
{
    room->removeObserver();
    releaseIfUnused(room);
}

void ChatRooms::releaseIfUnused(ChatRoom *room)
{
    if (!room->isInUse())
        dropRoom(room);
}

void ChatRooms::dropRoom(ChatRoom *room)
{
    const qint64 eventId = room->eventId();
    if (room->isJoinSent())
        m_live->sendFrame(CF::LeaveEvent, { { u"eventId"_s, eventId } });
    const bool hadUnread = room->unreadCount() > 0;
    m_rooms.remove(eventId);
    delete room;
    if (hadUnread)
        Q_EMIT unreadChanged(eventId);
}

void ChatRooms::sendJoin(ChatRoom *room)
{
    const QString ref = u"join-%1"_s.arg(++m_refCounter);
    m_joinRefs.insert(ref, room->eventId());
    QJsonObject fields = room->joinFields();
    fields.insert(u"ref"_s, ref);
    m_live->sendFrame(CF::JoinEvent, fields);
}

void ChatRooms::route(const QJsonObject &frame)
{
    const QString type = frame.value("type"_L1).toString();
    const qint64 eventId = frame.value("eventId"_L1).toInteger();

    if (type == SF::NewMessage || type == SF::Ack) {
        const ChatMessage message = ChatMessage::fromJson(frame.value("message"_L1).toObject());
        ChatRoom *room = m_rooms.value(message.eventId);
        if (!room)
            return;
        if (room->handleMessage(message, type == SF::Ack))
            Q_EMIT notificationPosted(message.user.name, message.content.left(200));
        releaseIfUnused(room);
    } else if (type == SF::Joined) {
        m_joinRefs.remove(frame.value("ref"_L1).toString());
        if (ChatRoom *room = m_rooms.value(eventId))
            room->handleJoined(frame.value("lastMessageId"_L1).toInteger());
    } else if (type == SF::Left) {
        // A plain "left" answers our own leave_event; only a removal concerns the room.
        ChatRoom *room = m_rooms.value(eventId);
        if (!room || frame.value("reason"_L1).toString() != Chat::LeftReason::Removed)
            return;
        room->handleRemoved();
        if (!room->isObserved())
            dropRoom(room);
    } else if (type == SF::UserTyping) {
        const UserRef user = UserRef::fromJson(frame.value("user"_L1).toObject());
        ChatRoom *room = m_rooms.value(eventId);
        if (room && user.id != m_live->userId())
            room->handleTyping(user, frame.value("isTyping"_L1).toBool());
    } else if (type == SF::Presence) {
        if (ChatRoom *room = m_rooms.value(eventId))
            room->handlePresence(frame.value("online"_L1).toArray().toVariantList());
    } else if (type == SF::Error) {
        routeError(frame);
    } else if (type == SF::NewJoinRequest) {
        const QJsonObject attendance = frame.value("attendance"_L1).toObject();
        Q_EMIT newJoinRequest(attendance.toVariantMap());
        const Attendance a = Attendance::fromJson(attendance);
        Q_EMIT notificationPosted(
            tr("New request to join"), tr("%1 wants to bring %2.").arg(a.user.name, a.puddingName));
    } else if (type == SF::AttendanceApproved || type == SF::AttendanceRejected
        || type == SF::WaitlistOffer) {
        const QJsonObject attendance = frame.value("attendance"_L1).toObject();
        notifyAttendance(type, attendance);
        // Let in: an open chat of the meetup, refused so far, asks again. (A removal is told
        // by its own "left" frame.)
        ChatRoom *room = m_rooms.value(attendance.value("eventId"_L1).toInteger());
        if (room && room->isObserved() && type != SF::AttendanceRejected)
            room->reload();
    } else if (type == SF::EventUpdated) {
        Q_EMIT eventUpdated(frame.value("event"_L1).toObject().toVariantMap());
    } else if (type == SF::EventCancelled) {
        const QJsonObject event = frame.value("event"_L1).toObject();
        Q_EMIT eventCancelled(eventId, event.toVariantMap());
        Q_EMIT notificationPosted(tr("Meetup cancelled"),
            tr("“%1” was cancelled.").arg(event.value("title"_L1).toString()));
    } else if (type == SF::CheckinUpdate) {
        Q_EMIT checkinUpdated(eventId, frame);
    } else if (type == "notification"_L1 || type == "notifications_read"_L1) {
        Q_EMIT inboxFrame(frame);
    }
    // ready (LiveConnection::ready), pong and unknown types: nothing to route.
}

void ChatRooms::notifyAttendance(const QString &type, const QJsonObject &attendance)
{
    Q_EMIT attendanceChanged(type, attendance.toVariantMap());
    const QString title = attendance.value("event"_L1).toObject().value("title"_L1).toString();
    QString body;
    if (type == SF::AttendanceApproved)
        body = title.isEmpty() ? tr("You are in: your request was approved.")
                               : tr("You are in: your request for “%1” was approved.").arg(title);
    else if (type == SF::AttendanceRejected)
        body = title.isEmpty() ? tr("Your request was declined.")
                               : tr("Your request for “%1” was declined.").arg(title);
    else if (attendance.value("status"_L1).toString() != "OFFERED"_L1)
        return; // an offer that ended (expired): the inbox tells it, the views update
    else
        body = title.isEmpty()
            ? tr("A place is held for you until %1: accept or decline it.")
                  .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(
                                              attendance.value("offerExpiresAt"_L1).toInteger())
                                              .toLocalTime()
                                              .time(),
                      QLocale::ShortFormat))
            : tr("A place at “%1” is held for you: accept or decline it.").arg(title);
    Q_EMIT notificationPosted(tr("Pudding Gabel"), body);
}

void ChatRooms::routeError(const QJsonObject &frame)
{
    const QString code = frame.value("code"_L1).toString();
    const QString serverText = frame.value("message"_L1).toString();
    const QString clientMsgId = frame.value("clientMsgId"_L1).toString();
    if (!clientMsgId.isEmpty()) {
        QString text;
        if (code == EC::RateLimited)
            text = tr("Not sent: too many messages at once. Try again.");
        else if (code == EC::Forbidden)
            text = tr("Not sent: you are not in this chat.");
        else if (code == EC::NotJoined)
            text = tr("Not sent: the chat was not open yet. Try again.");
        else
            text = ApiClient::messageForCode(code, serverText);
        for (ChatRoom *room : std::as_const(m_rooms)) {
            if (room->handleSendError(clientMsgId, text))
                break;
        }
        return;
    }
    const qint64 eventId = m_joinRefs.take(frame.value("ref"_L1).toString());
    ChatRoom *room = m_rooms.value(eventId);
    if (!room) {
        qCInfo(lcChat) << "error frame" << code << serverText;
        return;
    }
    const QString text = code == EC::Forbidden
        ? tr("Only the organizer and approved guests can read this chat.")
        : ApiClient::messageForCode(code, serverText);
    room->handleJoinRefused(code, text);
    const bool final
        = code == EC::Forbidden || code == EC::NotFound || code == EC::ValidationFailed;
    if (final && !room->isObserved())
        dropRoom(room);
    else if (!final) // busy or rate-limited: ask again in a moment
        QTimer::singleShot(3000, room, [room] { room->join(); });
}

} // namespace Pudding::Client
