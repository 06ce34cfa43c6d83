// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationsmodel.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "auth/accountmanager.h"
#include "chat/chatrooms.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
NotificationsModel *g_instance = nullptr;
constexpr int kPageSize = 30;
} // namespace

NotificationsModel::NotificationsModel(ChatRooms *rooms, AccountManager *accounts, QObject *parent)
    : QAbstractListModel(parent)
{
    if (rooms)
        connect(rooms, &ChatRooms::inboxFrame, this, &NotificationsModel::applyFrame);
    if (accounts) {
        connect(accounts, &AccountManager::signedOut, this, &NotificationsModel::clear);
        connect(accounts, &AccountManager::userChanged, this, [this, accounts] {
            if (accounts->isSignedIn())
                refresh();
        });
    }
}

NotificationsModel *NotificationsModel::instance()
{
    return g_instance;
}

void NotificationsModel::setInstance(NotificationsModel *model)
{
    g_instance = model;
}

int NotificationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant NotificationsModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case TypeRole:
        return r.type;
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case BodyRole:
        return r.body;
    case LinkRole:
        return r.link;
    case EventIdRole:
        return r.eventId;
    case CountRole:
        return r.count;
    case CreatedAtRole:
        return r.createdAt;
    case ReadRole:
        return r.read;
    default:
        return {};
    }
}

QHash<int, QByteArray> NotificationsModel::roleNames() const
{
    return { { IdRole, "noticeId" }, { TypeRole, "type" }, { TitleRole, "title" },
        { BodyRole, "body" }, { LinkRole, "link" }, { EventIdRole, "eventId" },
        { CountRole, "count" }, { CreatedAtRole, "createdAt" }, { ReadRole, "read" } };
}

NotificationsModel::Row NotificationsModel::rowFromJson(const QJsonObject &o)
{
    Row r;
    r.id = o.value("id"_L1).toInteger();
    r.type = o.value("type"_L1).toString();
    r.title = o.value("title"_L1).toString();
    r.body = o.value("body"_L1).toString();
    r.link = o.value("link"_L1).toString();
    r.eventId = o.value("eventId"_L1).toInteger();
    r.count = o.value("count"_L1).toInt(1);
    r.createdAt = o.value("createdAt"_L1).toInteger();
    r.read = o.value("read"_L1).toBool();
    return r;
}

void NotificationsModel::refresh()
{
    fetch(0);
}

void NotificationsModel::loadMore()
{
    if (m_hasMore && !m_rows.isEmpty() && !m_call)
        fetch(m_rows.constLast().id);
}

void NotificationsModel::fetch(qint64 before)
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    if (m_call)
        m_call->abort();
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(kPageSize));
    if (before > 0)
        query.addQueryItem(u"before"_s, QString::number(before));
    m_call = api->get(Endpoints::notifications(), query);
    Q_EMIT loadingChanged();
    connect(m_call, &ApiCall::finished, this, [this, before, call = m_call.data()] {
        m_call = nullptr;
        Q_EMIT loadingChanged();
        if (const auto &error = call->error()) {
            setErrorText(error->message);
            Q_EMIT fetched();
            return;
        }
        setErrorText({});
        QList<Row> rows;
        const QJsonArray list = call->object().value("notifications"_L1).toArray();
        for (const auto &value : list)
            rows.append(rowFromJson(value.toObject()));
        if (before == 0) {
            beginResetModel();
            m_rows = rows;
            endResetModel();
        } else if (!rows.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
            m_rows += rows;
            endInsertRows();
        }
        const bool more = list.size() == kPageSize;
        if (more != m_hasMore) {
            m_hasMore = more;
            Q_EMIT hasMoreChanged();
        }
        setUnread(call->object().value("unreadCount"_L1).toInt());
        Q_EMIT countChanged();
        Q_EMIT fetched();
    });
}

void NotificationsModel::applyFrame(const QJsonObject &frame)
{
    const QString type = frame.value("type"_L1).toString();
    if (type == u"notification") {
        const Row row = rowFromJson(frame.value("notification"_L1).toObject());
        // A chat notice whose count grew is the same row: it moves to the top.
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).id != row.id)
                continue;
            beginRemoveRows({}, int(i), int(i));
            m_rows.removeAt(i);
            endRemoveRows();
            break;
        }
        beginInsertRows({}, 0, 0);
        m_rows.prepend(row);
        endInsertRows();
        Q_EMIT countChanged();
        setUnread(frame.value("unreadCount"_L1).toInt());
        Q_EMIT noticeArrived(row.type, row.title, row.body);
    } else if (type == u"notifications_read") {
        QList<qint64> ids;
        for (const auto &id : frame.value("ids"_L1).toArray())
            ids.append(id.toInteger());
        markLocally(ids, frame.value("all"_L1).toBool());
        setUnread(frame.value("unreadCount"_L1).toInt());
    }
}

void NotificationsModel::markLocally(const QList<qint64> &ids, bool all)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        if (r.read || (!all && !ids.contains(r.id)))
            continue;
        r.read = true;
        const QModelIndex index = createIndex(int(i), 0);
        Q_EMIT dataChanged(index, index, { ReadRole });
    }
}

void NotificationsModel::markRead(qint64 id)
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    markLocally({ id }, false);
    auto *call = api->post(Endpoints::notificationsRead(), { { u"ids"_s, QJsonArray { id } } });
    connect(call, &ApiCall::finished, this, [this, call] {
        if (call->ok())
            setUnread(call->object().value("unreadCount"_L1).toInt());
        else if (const auto &error = call->error())
            setErrorText(error->message);
    });
}

void NotificationsModel::markAllRead()
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    markLocally({}, true);
    auto *call = api->post(Endpoints::notificationsRead(), { { u"all"_s, true } });
    connect(call, &ApiCall::finished, this, [this, call] {
        if (call->ok())
            setUnread(call->object().value("unreadCount"_L1).toInt());
        else if (const auto &error = call->error())
            setErrorText(error->message);
    });
}

void NotificationsModel::clear()
{
    if (m_call) {
        m_call->abort();
        m_call = nullptr;
        Q_EMIT loadingChanged();
    }
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT countChanged();
    setUnread(0);
    setErrorText({});
}

QString NotificationsModel::relativeTime(qint64 ms) const
{
    const QDateTime then = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    const QDateTime now = QDateTime::currentDateTime();
    const qint64 seconds = then.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    const QLocale locale;
    const QString time = locale.toString(then.time(), QLocale::ShortFormat);
    const qint64 days = then.date().daysTo(now.date());
    if (days == 0)
        return tr("today, %1").arg(time);
    if (days == 1)
        return tr("yesterday, %1").arg(time);
    return locale.toString(then.date(), QLocale::ShortFormat) + u", "_s + time;
}

QVariantMap NotificationsModel::target(const QString &link) const
{
    const QStringList parts = link.split(u'/');
    if (parts.size() < 2 || parts.at(0) != u"event")
        return {};
    const qint64 eventId = parts.at(1).toLongLong();
    const QString page = parts.size() > 2 ? parts.at(2) : u"event"_s;
    return { { u"page"_s, page }, { u"eventId"_s, eventId } };
}

void NotificationsModel::setUnread(int unread)
{
    if (m_unread == unread)
        return;
    m_unread = unread;
    Q_EMIT unreadCountChanged();
}

void NotificationsModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

// ---- preferences ---------------------------------------------------------------------------

NotificationPreferences::NotificationPreferences(QObject *parent)
    : QObject(parent)
{ }

void NotificationPreferences::load()
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    m_call = api->get(Endpoints::notificationPreferences());
    Q_EMIT loadingChanged();
    connect(m_call, &ApiCall::finished, this, [this, call = m_call.data()] {
        m_call = nullptr;
        Q_EMIT loadingChanged();
        if (const auto &error = call->error()) {
            m_errorText = error->message;
            Q_EMIT changed();
            return;
        }
        apply(call->object());
    });
}

void NotificationPreferences::setEnabled(const QString &type, const QString &channel, bool enabled)
{
    send({ { u"preferences"_s,
        QJsonArray { QJsonObject { { u"type"_s, type }, { channel, enabled } } } } });
}

void NotificationPreferences::setJoinRequestMail(const QString &rhythm)
{
    send({ { u"joinRequestMail"_s, rhythm } });
}

void NotificationPreferences::send(const QJsonObject &body)
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    auto *call = api->put(Endpoints::notificationPreferences(), body);
    connect(call, &ApiCall::finished, this, [this, call] {
        if (const auto &error = call->error()) {
            m_errorText = error->message;
            Q_EMIT changed(); // the switches go back to what is stored
            return;
        }
        apply(call->object());
    });
}

void NotificationPreferences::apply(const QJsonObject &json)
{
    m_preferences = json.value("preferences"_L1).toArray().toVariantList();
    m_rhythm = json.value("joinRequestMail"_L1).toString();
    m_errorText.clear();
    Q_EMIT changed();
}

QString NotificationPreferences::typeLabel(const QString &type) const
{
    if (type == u"join_request")
        return tr("Requests to join my meetups");
    if (type == u"approved")
        return tr("My request was approved");
    if (type == u"rejected")
        return tr("My request was declined");
    if (type == u"waitlist_offer")
        return tr("A place is offered from the waiting list");
    if (type == u"offer_expired")
        return tr("An offered place expired");
    if (type == u"meetup_changed")
        return tr("A meetup changed");
    if (type == u"meetup_cancelled")
        return tr("A meetup was cancelled");
    if (type == u"chat_message")
        return tr("Chat messages while I am away");
    if (type == u"reminder")
        return tr("Reminders before a meetup");
    if (type == u"account")
        return tr("My account (password reset, address confirmation)");
    return type;
}

} // namespace Pudding::Client
