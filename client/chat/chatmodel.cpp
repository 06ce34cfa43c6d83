// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatmodel.h"

#include "api/apiclient.h"
#include "auth/accountmanager.h"
#include "chat/chatrooms.h"
#include "settings/appsettings.h"

#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
QString dayLabel(const QDate &date)
{
    const QDate today = QDate::currentDate();
    if (date == today)
        return ChatModel::tr("Today");
    if (date == today.addDays(-1))
        return ChatModel::tr("Yesterday");
    return QLocale().toString(date, QLocale::LongFormat);
}

// The locale's short time without seconds (the C locale's short format has them).
QString shortTime(const QTime &time)
{
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s);
    format.remove(u".ss"_s);
    return locale.toString(time, format);
}
} // namespace

ChatModel::ChatModel(QObject *parent)
    : QAbstractListModel(parent)
{
    // Nothing of an account stays once it signed out; reload() finds no token and clears.
    if (auto *accounts = AccountManager::instance())
        connect(accounts, &AccountManager::signedOut, this, &ChatModel::reload);
    // Times, days and states are texts in the user's language: say they changed with it.
    if (auto *settings = AppSettings::instance())
        connect(settings, &AppSettings::languageChanged, this, [this] {
            if (rowCount() > 0)
                Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                    { TimeTextRole, DayLabelRole, StatusTextRole });
            Q_EMIT onlineUsersChanged();
            Q_EMIT typingTextChanged();
        });
}

ChatModel::~ChatModel()
{
    if (m_room && m_rooms) {
        disconnect(m_room, nullptr, this, nullptr);
        if (m_active)
            m_room->setVisible(false);
        m_rooms->close(m_room);
    }
}

int ChatModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_room ? 0 : m_room->count();
}

bool ChatModel::sameRun(int row) const
{
    if (row <= 0)
        return false;
    const ChatRoom::Message &a = m_room->at(row - 1);
    const ChatRoom::Message &b = m_room->at(row);
    return a.author.id == b.author.id
        && a.createdAt.toLocalTime().date() == b.createdAt.toLocalTime().date();
}

QString ChatModel::statusText(const ChatRoom::Message &message)
{
    switch (message.status) {
    case Status::Sending:
        return tr("Sending…");
    case Status::Failed:
        return message.errorText.isEmpty() ? tr("Not sent") : message.errorText;
    case Status::Sent:
        break;
    }
    return {};
}

QVariant ChatModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const ChatRoom::Message &r = m_room->at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case AuthorIdRole:
        return r.author.id;
    case AuthorNameRole:
        return r.author.name;
    case Qt::DisplayRole:
    case ContentRole:
        return r.content;
    case RichTextRole:
        return toRichText(r.content);
    case PhotoIdRole:
        return r.photoId;
    case LocalPhotoRole:
        return r.localPhoto;
    case CreatedAtRole:
        return r.createdAt.toLocalTime();
    case TimeTextRole:
        return shortTime(r.createdAt.toLocalTime().time());
    case IsOwnRole:
        return m_room->isOwn(r);
    case StatusRole:
        return int(r.status);
    case StatusTextRole:
        return statusText(r);
    case ShowAuthorRole:
        return !sameRun(index.row());
    case ShowDaySeparatorRole:
        return index.row() == 0
            || m_room->at(index.row() - 1).createdAt.toLocalTime().date()
            != r.createdAt.toLocalTime().date();
    case DayLabelRole:
        return dayLabel(r.createdAt.toLocalTime().date());
    case ClientMsgIdRole:
        return r.clientMsgId;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatModel::roleNames() const
{
    return { { IdRole, "messageId" }, { AuthorIdRole, "authorId" },
        { AuthorNameRole, "authorName" }, { ContentRole, "content" }, { RichTextRole, "richText" },
        { PhotoIdRole, "photoId" }, { LocalPhotoRole, "localPhoto" },
        { CreatedAtRole, "createdAt" }, { TimeTextRole, "timeText" }, { IsOwnRole, "isOwn" },
        { StatusRole, "status" }, { StatusTextRole, "statusText" },
        { ShowAuthorRole, "showAuthor" }, { ShowDaySeparatorRole, "showDaySeparator" },
        { DayLabelRole, "dayLabel" }, { ClientMsgIdRole, "clientMsgId" } };
}

bool ChatModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_room && m_room->hasMore() && !m_room->isLoadingOlder()
        && m_room->access() == Access::Available;
}

void ChatModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        m_room->loadOlder();
}

// ---- the room ----------------------------------------------------------------------------

void ChatModel::attachRoom(ChatRoom *room)
{
    beginResetModel();
    m_room = room;
    endResetModel();
    connect(room, &ChatRoom::aboutToInsertRows, this,
        [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(room, &ChatRoom::rowsInserted, this, [this] {
        endInsertRows();
        Q_EMIT countChanged();
    });
    connect(room, &ChatRoom::aboutToRemoveRow, this,
        [this](int row) { beginRemoveRows({}, row, row); });
    connect(room, &ChatRoom::rowRemoved, this, [this] {
        endRemoveRows();
        Q_EMIT countChanged();
    });
    connect(room, &ChatRoom::aboutToMoveRow, this,
        [this](int from, int to) { beginMoveRows({}, from, from, {}, to); });
    connect(room, &ChatRoom::rowMoved, this, [this] { endMoveRows(); });
    connect(room, &ChatRoom::rowChanged, this, &ChatModel::onRowChanged);
    connect(room, &ChatRoom::aboutToReset, this, [this] { beginResetModel(); });
    connect(room, &ChatRoom::reset, this, [this] {
        endResetModel();
        Q_EMIT countChanged();
    });
    connect(room, &ChatRoom::accessChanged, this, &ChatModel::accessChanged);
    connect(room, &ChatRoom::loadingChanged, this, &ChatModel::loadingChanged);
    connect(room, &ChatRoom::hasMoreChanged, this, &ChatModel::hasMoreChanged);
    connect(room, &ChatRoom::joinedChanged, this, &ChatModel::joinedChanged);
    connect(room, &ChatRoom::uploadingChanged, this, &ChatModel::uploadingChanged);
    connect(room, &ChatRoom::errorTextChanged, this, &ChatModel::errorTextChanged);
    connect(room, &ChatRoom::typingChanged, this, &ChatModel::typingTextChanged);
    connect(room, &ChatRoom::onlineUsersChanged, this, &ChatModel::onlineUsersChanged);
    connect(room, &ChatRoom::historyLoaded, this, &ChatModel::historyLoaded);
    connect(room, &ChatRoom::olderLoaded, this, &ChatModel::olderLoaded);
    connect(room, &ChatRoom::messageReceived, this, &ChatModel::messageReceived);
    // The account signed out and its rooms are gone.
    connect(room, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_room = nullptr;
        endResetModel();
        emitStateChanged();
    });
    if (m_active)
        room->setVisible(true);
    Q_EMIT countChanged();
    emitStateChanged();
}

void ChatModel::detachRoom()
{
    if (!m_room)
        return;
    ChatRoom *room = m_room;
    disconnect(room, nullptr, this, nullptr);
    if (m_active)
        room->setVisible(false);
    beginResetModel();
    m_room = nullptr;
    endResetModel();
    if (m_rooms)
        m_rooms->close(room);
    Q_EMIT countChanged();
    emitStateChanged();
}

void ChatModel::emitStateChanged()
{
    Q_EMIT accessChanged();
    Q_EMIT loadingChanged();
    Q_EMIT hasMoreChanged();
    Q_EMIT joinedChanged();
    Q_EMIT uploadingChanged();
    Q_EMIT errorTextChanged();
    Q_EMIT typingTextChanged();
    Q_EMIT onlineUsersChanged();
}

void ChatModel::onRowChanged(int row, ChatRoom::Change change)
{
    if (row < 0 || row >= rowCount())
        return;
    QList<int> roles;
    switch (change) {
    case ChatRoom::Change::All:
        break;
    case ChatRoom::Change::Status:
        roles = { StatusRole, StatusTextRole };
        break;
    case ChatRoom::Change::Photo:
        roles = { PhotoIdRole };
        break;
    case ChatRoom::Change::Run:
        roles = { ShowAuthorRole, ShowDaySeparatorRole };
        break;
    }
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, roles);
}

// ---- properties ---------------------------------------------------------------------------

void ChatModel::setRooms(ChatRooms *rooms)
{
    m_roomsSet = true;
    if (m_rooms == rooms)
        return;
    detachRoom();
    m_rooms = rooms;
    Q_EMIT roomsChanged();
    reload();
}

void ChatModel::setEventId(qint64 id)
{
    if (m_eventId == id)
        return;
    detachRoom();
    m_eventId = id;
    Q_EMIT eventIdChanged();
    reload();
}

void ChatModel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (m_room) {
        m_room->setVisible(active);
        if (!active)
            m_room->stopTyping();
    }
    Q_EMIT activeChanged();
}

void ChatModel::reload()
{
    if (!m_roomsSet && !m_rooms && ChatRooms::instance()) {
        m_rooms = ChatRooms::instance();
        Q_EMIT roomsChanged();
    }
    if (m_eventId <= 0 || !m_rooms || m_rooms->api()->token().isEmpty()) {
        detachRoom();
        return;
    }
    if (!m_room)
        attachRoom(m_rooms->open(m_eventId));
    m_room->reload();
}

void ChatModel::loadOlder()
{
    fetchMore({});
}

bool ChatModel::send(const QString &text)
{
    if (!m_room) {
        // Nothing to write into: no meetup, or not signed in.
        return false;
    }
    return m_room->send(text);
}

void ChatModel::sendPhoto(const QUrl &file, const QString &text)
{
    if (m_room)
        m_room->sendPhoto(file, text);
}

void ChatModel::retry(int row)
{
    if (m_room)
        m_room->retry(row);
}

void ChatModel::composerChanged(const QString &text)
{
    if (m_room)
        m_room->composerChanged(text);
}

int ChatModel::indexOfMessage(qint64 id) const
{
    return m_room ? m_room->indexOfMessage(id) : -1;
}

void ChatModel::clearError()
{
    if (m_room)
        m_room->setErrorText({});
}

QString ChatModel::typingText() const
{
    return m_room ? typingTextFor(m_room->typingNames()) : QString();
}

QVariantList ChatModel::onlineUsers() const
{
    return m_room ? m_room->onlineUsers() : QVariantList();
}

QString ChatModel::onlineText() const
{
    QStringList names;
    for (const QVariant &user : onlineUsers())
        names.append(user.toMap().value(u"name"_s).toString());
    if (names.isEmpty())
        return {};
    return tr("%n online: %1", "", int(names.size())).arg(QLocale().createSeparatedList(names));
}

QString ChatModel::typingTextFor(const QStringList &names)
{
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return tr("%1 is typing…").arg(names.at(0));
    case 2:
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    default:
        return tr("%1 and %n other(s) are typing…", "", int(names.size() - 1)).arg(names.at(0));
    }
}

QString ChatModel::toRichText(const QString &plain)
{
    static const QRegularExpression link(
        u"\\bhttps?://[^\\s<>\"]+"_s, QRegularExpression::CaseInsensitiveOption);
    QString html;
    qsizetype pos = 0;
    auto it = link.globalMatch(plain);
    while (it.hasNext()) {
        const auto match = it.next();
        QString url = match.captured();
        // Sentence punctuation after a link is not part of it.
        while (!url.isEmpty() && QStringView(u".,;:!?)]'").contains(url.back()))
            url.chop(1);
        if (url.size() <= 8)
            continue;
        html += plain.mid(pos, match.capturedStart() - pos).toHtmlEscaped();
        const QString escaped = url.toHtmlEscaped();
        html += u"<a href=\""_s % escaped % u"\">"_s % escaped % u"</a>"_s;
        pos = match.capturedStart() + url.size();
    }
    html += plain.mid(pos).toHtmlEscaped();
    html.replace(u'\n', u"<br>"_s);
    return html;
}

} // namespace Pudding::Client
