// SPDX-License-Identifier: GPL-3.0-or-later
#include "livehub.h"

#include "chat/chatsender.h"
#include "db/database.h"
#include "db/notificationlistener.h"
#include "livelogging.h"
#include "publish/livepublisher.h"
#include "shared/chat.h"
#include "shared/futures.h"
#include "workerhub.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
constexpr int PresenceRefreshMs = 30'000;
constexpr qint64 PresenceStaleMs = 95'000; // an instance silent for this long has gone

} // namespace

// ---- LiveHub ---------------------------------------------------------------------------------

LiveHub::LiveHub(Database &db, const Authenticator &authenticator, LiveConfig config)
    : m_db(db)
    , m_authenticator(authenticator)
    , m_config(config)
    , m_instanceId(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8))
    , m_writer(std::make_unique<ChatWriter>(db.config(), *this))
    , m_sender(
          std::make_unique<ChatSender>(*m_writer, config.chatMessagesPerSecond, config.chatBurst))
{
    m_clock.start();
    m_listenerThread.setObjectName(u"pudding-live-listener"_s);
}

LiveHub::~LiveHub()
{
    stop();
}

Result<void> LiveHub::start()
{
    m_listener = new LiveListener(this);
    m_listener->moveToThread(&m_listenerThread);
    connect(&m_listenerThread, &QThread::finished, m_listener, &QObject::deleteLater);
    m_listenerThread.start();
    Result<void> opened;
    QMetaObject::invokeMethod(
        m_listener, [this, &opened] { opened = m_listener->open(); }, Qt::BlockingQueuedConnection);
    if (!opened) {
        m_listenerThread.quit();
        m_listenerThread.wait();
        m_listener = nullptr;
        return opened;
    }
    m_writer->start();
    return {};
}

void LiveHub::stop()
{
    if (m_writer && m_writer->isRunning()) {
        // Leave the rooms of every instance's presence before going.
        QList<qint64> rooms;
        {
            QMutexLocker lock(&m_mutex);
            rooms = m_localPresence.keys();
            m_localPresence.clear();
        }
        for (const qint64 eventId : std::as_const(rooms))
            m_writer->enqueuePresence(eventId);
        m_writer->stop();
    }
    if (m_listener) {
        QMetaObject::invokeMethod(
            m_listener, [this] { m_listener->close(); }, Qt::BlockingQueuedConnection);
        m_listener = nullptr;
    }
    m_listenerThread.quit();
    m_listenerThread.wait();
}

void LiveHub::addWorkerHub(WorkerHub *hub)
{
    QMutexLocker lock(&m_mutex);
    m_workerHubs.append(hub);
}

QList<WorkerHub *> LiveHub::workerHubs() const
{
    QMutexLocker lock(&m_mutex);
    return m_workerHubs;
}

int LiveHub::socketCount() const
{
    int n = 0;
    for (const WorkerHub *hub : workerHubs())
        n += hub->sessionCount();
    return n;
}

void LiveHub::changePresence(qint64 eventId, const UserRef &user, int delta)
{
    bool changed = false;
    {
        QMutexLocker lock(&m_mutex);
        auto &room = m_localPresence[eventId];
        auto &p = room[user.id];
        p.user = user;
        const int before = p.sockets;
        p.sockets = std::max(0, p.sockets + delta);
        changed = (before == 0) != (p.sockets == 0);
        if (p.sockets == 0)
            room.remove(user.id);
        if (room.isEmpty())
            m_localPresence.remove(eventId);
    }
    if (changed)
        m_writer->enqueuePresence(eventId);
}

QList<UserRef> LiveHub::localPresence(qint64 eventId) const
{
    QMutexLocker lock(&m_mutex);
    QList<UserRef> users;
    const auto room = m_localPresence.value(eventId);
    for (const auto &p : room)
        users.append(p.user);
    std::sort(
        users.begin(), users.end(), [](const UserRef &a, const UserRef &b) { return a.id < b.id; });
    return users;
}

QList<UserRef> LiveHub::mergedPresence(qint64 eventId) const
{
    QMutexLocker lock(&m_mutex);
    return mergedPresenceLocked(eventId);
}

QList<UserRef> LiveHub::mergedPresenceLocked(qint64 eventId) const
{
    const qint64 now = m_clock.elapsed();
    QMap<qint64, UserRef> users;
    const auto instances = m_presence.value(eventId);
    for (auto it = instances.cbegin(); it != instances.cend(); ++it) {
        if (it.key() != m_instanceId && now - it->seenMs > PresenceStaleMs)
            continue;
        for (const auto &u : it->online)
            users.insert(u.id, u);
    }
    return users.values();
}

void LiveHub::refreshPresence()
{
    QList<qint64> rooms;
    {
        QMutexLocker lock(&m_mutex);
        rooms = m_localPresence.keys();
    }
    for (const qint64 eventId : std::as_const(rooms))
        m_writer->enqueuePresence(eventId);
}

void LiveHub::dispatch(const QByteArray &payload, DbSession &fetchSession)
{
    const QJsonObject json = QJsonDocument::fromJson(payload).object();
    const QString kind = json.value("k"_L1).toString();
    const auto hubs = workerHubs();
    auto post = [&hubs](auto &&f) {
        for (WorkerHub *hub : hubs)
            invokeGuarded(hub, QPointer<WorkerHub>(hub), [hub, f] { f(hub); });
    };
    // requestIds: the REST request that sent each message (by message id), if any.
    auto deliverMessages
        = [&](const QList<ChatMessage> &messages, const QHash<qint64, QString> &requestIds) {
              QList<Delivery> deliveries;
              deliveries.reserve(messages.size());
              for (const auto &m : messages) {
                  QJsonObject fields { { u"message"_s, m.toJson() } };
                  if (const auto r = requestIds.constFind(m.id); r != requestIds.cend())
                      fields.insert(u"requestId"_s, *r);
                  deliveries.append(
                      { m.eventId, m.id, Chat::frame(Chat::ServerFrame::NewMessage, fields) });
              }
              if (!deliveries.isEmpty())
                  post([deliveries](WorkerHub *hub) { hub->deliverMessages(deliveries); });
          };

    if (kind == "ref"_L1) {
        // A frame too large for a payload, stored by the writing transaction.
        auto *q = fetchSession.run(
            u"SELECT payload FROM live_frames WHERE id = ?"_s, { json.value("id"_L1).toInteger() });
        if (!q || !q->next()) {
            qCWarning(lcLive) << "cannot fetch live frame" << json.value("id"_L1).toInteger();
            return;
        }
        const QByteArray stored = q->value(0).toString().toUtf8();
        q->finish();
        if (QJsonDocument::fromJson(stored).object().value("k"_L1).toString() == "ref"_L1)
            return; // never stored so; refuse to loop
        dispatch(stored, fetchSession);
    } else if (kind == "msg"_L1) {
        QList<ChatMessage> messages;
        QHash<qint64, QString> requestIds;
        for (const auto &v : json.value("m"_L1).toArray()) {
            const QJsonObject object = v.toObject();
            messages.append(ChatMessage::fromJson(object));
            if (const QJsonValue r = object.value("r"_L1); r.isString())
                requestIds.insert(messages.last().id, r.toString());
        }
        deliverMessages(messages, requestIds);
    } else if (kind == "msgref"_L1) {
        QStringList ids;
        for (const auto &v : json.value("ids"_L1).toArray())
            ids.append(QString::number(v.toInteger()));
        auto *q = fetchSession.prepared(
            selectMessagesSql() % u"WHERE m.id = ANY(?::bigint[]) ORDER BY m.id"_s);
        if (!fetchSession.exec(q, { QString(u"{"_s % ids.join(u',') % u"}"_s) })) {
            qCWarning(lcLive) << "cannot fetch long messages" << ids;
            return;
        }
        QList<ChatMessage> messages;
        while (q->next())
            messages.append(messageFromRow(*q));
        deliverMessages(messages, {}); // stored without the request id
    } else if (kind == "typing"_L1) {
        const qint64 eventId = json.value("e"_L1).toInteger();
        const QJsonObject user = json.value("u"_L1).toObject();
        const QByteArray frame = Chat::frame(Chat::ServerFrame::UserTyping,
            { { u"eventId"_s, eventId }, { u"user"_s, user },
                { u"isTyping"_s, json.value("t"_L1).toBool() } });
        const qint64 except = user.value("id"_L1).toInteger();
        post(
            [eventId, frame, except](WorkerHub *hub) { hub->deliverRoom(eventId, frame, except); });
    } else if (kind == "presence"_L1) {
        const qint64 eventId = json.value("e"_L1).toInteger();
        QList<UserRef> online;
        for (const auto &v : json.value("online"_L1).toArray())
            online.append(UserRef::fromJson(v.toObject()));
        QList<UserRef> merged;
        {
            QMutexLocker lock(&m_mutex);
            auto &instances = m_presence[eventId];
            const QString instance = json.value("i"_L1).toString();
            if (online.isEmpty())
                instances.remove(instance);
            else
                instances[instance] = { online, m_clock.elapsed() };
            merged = mergedPresenceLocked(eventId);
            if (instances.isEmpty())
                m_presence.remove(eventId);
        }
        QJsonArray list;
        for (const auto &u : merged)
            list.append(u.toJson());
        const QByteArray frame = Chat::frame(
            Chat::ServerFrame::Presence, { { u"eventId"_s, eventId }, { u"online"_s, list } });
        post([eventId, frame](WorkerHub *hub) { hub->deliverRoom(eventId, frame, 0); });
    } else if (kind == "user"_L1) {
        QList<qint64> users;
        for (const auto &v : json.value("u"_L1).toArray())
            users.append(v.toInteger());
        QJsonObject object = json.value("f"_L1).toObject();
        if (const QJsonValue requestId = json.value("r"_L1); requestId.isString())
            object.insert(u"requestId"_s, requestId);
        const QByteArray frame = QJsonDocument(object).toJson(QJsonDocument::Compact);
        post([users, frame](WorkerHub *hub) { hub->deliverUsers(users, frame); });
    } else if (kind == "door"_L1) {
        const qint64 eventId = json.value("e"_L1).toInteger();
        QList<qint64> users;
        for (const auto &v : json.value("u"_L1).toArray())
            users.append(v.toInteger());
        QJsonObject object = json.value("f"_L1).toObject();
        if (const QJsonValue requestId = json.value("r"_L1); requestId.isString())
            object.insert(u"requestId"_s, requestId);
        const QByteArray frame = QJsonDocument(object).toJson(QJsonDocument::Compact);
        post([eventId, users, frame](WorkerHub *hub) {
            hub->deliverDoors(eventId, frame);
            hub->deliverUsers(users, frame);
        });
    } else if (kind == "tickets"_L1) {
        if (!m_ticketFrames)
            return;
        const qint64 eventId = json.value("e"_L1).toInteger();
        std::optional<QList<qint64>> tickets;
        if (const QJsonValue t = json.value("t"_L1); t.isArray()) {
            tickets.emplace();
            for (const auto &v : t.toArray())
                tickets->append(v.toInteger());
        }
        const auto built = m_ticketFrames->ticketsChanged(fetchSession, eventId, tickets);
        if (!built) {
            qCWarning(lcLive) << "cannot build the check-in update of event" << eventId;
            return;
        }
        post([eventId, built = *built](WorkerHub *hub) {
            hub->deliverDoors(eventId, built.frame);
            hub->deliverUsers(built.userIds, built.frame);
        });
    } else if (kind == "kick"_L1) {
        const qint64 eventId = json.value("e"_L1).toInteger();
        const qint64 userId = json.value("u"_L1).toInteger();
        post([eventId, userId](WorkerHub *hub) { hub->removeFromRoom(eventId, userId); });
    } else if (kind == "revoke"_L1) {
        const QByteArray hash = QByteArray::fromHex(json.value("h"_L1).toString().toLatin1());
        post([hash](WorkerHub *hub) { hub->revokeToken(hash); });
    } else {
        qCWarning(lcLive) << "unknown live notification" << kind;
    }
}

// ---- LiveListener ----------------------------------------------------------------------------

LiveListener::LiveListener(LiveHub *hub)
    : m_hub(hub)
{ }

LiveListener::~LiveListener()
{
    close();
}

Result<void> LiveListener::open()
{
    m_fetch = std::make_unique<DbSession>(m_hub->db().config(), u"pudding-live-fetch"_s);
    m_listener = std::make_unique<NotificationListener>(m_hub->db().config(),
        u"pudding-live-listen"_s, QString::fromLatin1(LivePublisher::Channel));
    if (auto opened = m_listener->open(); !opened)
        return opened;
    connect(m_listener.get(), &NotificationListener::notification, this,
        [this](const QString &payload) { m_hub->dispatch(payload.toUtf8(), *m_fetch); });
    // Notifications may have been missed while the connection was down: every socket
    // reconnects and resumes with afterId, so nothing is missed and nothing comes twice.
    connect(m_listener.get(), &NotificationListener::reconnected, this, [this] {
        for (WorkerHub *hub : m_hub->workerHubs())
            invokeGuarded(hub, QPointer<WorkerHub>(hub),
                [hub] { hub->closeAll(Chat::CloseCode::Resume, u"resume"_s); });
    });
    auto *refresh = new QTimer(this);
    refresh->setInterval(PresenceRefreshMs);
    connect(refresh, &QTimer::timeout, this, [this] {
        m_hub->refreshPresence();
        // Every instance has read a stored frame within seconds; minutes are plenty.
        if (auto *gc = m_fetch->run(u"DELETE FROM live_frames WHERE created_at < now() - "
                                    "interval '10 minutes'"_s))
            gc->finish();
    });
    refresh->start();
    return {};
}

void LiveListener::close()
{
    m_listener.reset();
    m_fetch.reset();
}

} // namespace Pudding::Server
