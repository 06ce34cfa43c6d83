// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatmodel.h"

#include "api/apiclient.h"
#include "auth/accountmanager.h"
#include "chatconnection.h"
#include "settings/appsettings.h"
#include "shared/protocol.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHttpMultiPart>
#include <QImageReader>
#include <QJsonArray>
#include <QLocale>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QUuid>
#include <QtConcurrent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
constexpr qint64 MaxPhotoBytes = 5 * 1024 * 1024;

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

struct PhotoFile
{
    QByteArray bytes;
    QByteArray mime;
    QString error;
};

// Runs off the GUI thread: reading and sniffing a photo is disk work.
PhotoFile readPhoto(const QString &path)
{
    PhotoFile photo;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        photo.error = ChatModel::tr("The photo cannot be read.");
        return photo;
    }
    if (file.size() > MaxPhotoBytes) {
        photo.error = ChatModel::tr("The photo is too large (at most 5 MB).");
        return photo;
    }
    photo.bytes = file.readAll();
    QBuffer buffer(&photo.bytes);
    QImageReader reader(&buffer);
    const QByteArray format = reader.format().toLower();
    if (format == "jpeg" || format == "jpg")
        photo.mime = "image/jpeg";
    else if (format == "png")
        photo.mime = "image/png";
    else if (format == "webp")
        photo.mime = "image/webp";
    else
        photo.error = ChatModel::tr("Only JPEG, PNG or WebP photos can be sent.");
    return photo;
}
} // namespace

ChatModel::ChatModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_typerExpiry.setInterval(1000);
    connect(&m_typerExpiry, &QTimer::timeout, this, &ChatModel::expireTypers);
    m_typingIdle.setSingleShot(true);
    m_typingIdle.setInterval(TypingIdleMs);
    connect(&m_typingIdle, &QTimer::timeout, this, [this] { sendTypingState(false); });
    // Nothing of an account stays once it signed out; reload() finds no token and clears.
    if (auto *accounts = AccountManager::instance())
        connect(accounts, &AccountManager::signedOut, this, &ChatModel::reload);
    // Times, days and states are texts in the user's language: say they changed with it.
    if (auto *settings = AppSettings::instance())
        connect(settings, &AppSettings::languageChanged, this, [this] {
            if (!m_rows.isEmpty())
                Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                    { TimeTextRole, DayLabelRole, StatusTextRole });
            Q_EMIT onlineUsersChanged();
            Q_EMIT typingTextChanged();
        });
}

ChatModel::~ChatModel()
{
    detachFromRoom();
}

int ChatModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool ChatModel::sameRun(qsizetype row) const
{
    if (row <= 0)
        return false;
    const Row &a = m_rows.at(row - 1);
    const Row &b = m_rows.at(row);
    return a.author.id == b.author.id
        && a.createdAt.toLocalTime().date() == b.createdAt.toLocalTime().date();
}

QString ChatModel::statusText(const Row &row)
{
    switch (row.status) {
    case Status::Sending:
        return tr("Sending…");
    case Status::Failed:
        return row.errorText.isEmpty() ? tr("Not sent") : row.errorText;
    case Status::Sent:
        break;
    }
    return {};
}

QVariant ChatModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
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
        return r.id == 0 || (m_connection && r.author.id == m_connection->userId());
    case StatusRole:
        return int(r.status);
    case StatusTextRole:
        return statusText(r);
    case ShowAuthorRole:
        return !sameRun(index.row());
    case ShowDaySeparatorRole:
        return index.row() == 0
            || m_rows.at(index.row() - 1).createdAt.toLocalTime().date()
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

// ---- properties ---------------------------------------------------------------------------

void ChatModel::detachFromRoom()
{
    if (!m_connection || !m_attached)
        return;
    if (m_active)
        m_connection->setRoomVisible(m_eventId, false);
    m_connection->detach(this);
    m_attached = false;
}

void ChatModel::setConnection(ChatConnection *connection)
{
    m_connectionSet = true;
    if (m_connection == connection)
        return;
    detachFromRoom();
    m_connection = connection;
    Q_EMIT connectionChanged();
    reload();
}

void ChatModel::setEventId(qint64 id)
{
    if (m_eventId == id)
        return;
    detachFromRoom();
    m_eventId = id;
    Q_EMIT eventIdChanged();
    reload();
}

void ChatModel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (m_connection && m_attached)
        m_connection->setRoomVisible(m_eventId, active);
    if (!active)
        sendTypingState(false);
    Q_EMIT activeChanged();
}

void ChatModel::setAccess(Access access)
{
    if (m_access == access)
        return;
    m_access = access;
    Q_EMIT accessChanged();
}

void ChatModel::setJoined(bool joined)
{
    if (m_joined == joined)
        return;
    m_joined = joined;
    Q_EMIT joinedChanged();
}

void ChatModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

void ChatModel::clearError()
{
    setErrorText({});
}

void ChatModel::setHasMore(bool more)
{
    if (m_hasMore == more)
        return;
    m_hasMore = more;
    Q_EMIT hasMoreChanged();
}

QString ChatModel::onlineText() const
{
    QStringList names;
    for (const QVariant &user : m_online)
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

QString ChatModel::typingText() const
{
    QList<QPair<qint64, QString>> typers;
    for (auto it = m_typers.cbegin(); it != m_typers.cend(); ++it)
        typers.append({ it.key(), it->name });
    std::sort(typers.begin(), typers.end()); // a stable order, not the hash's
    QStringList names;
    for (const auto &t : std::as_const(typers))
        names.append(t.second);
    return typingTextFor(names);
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

// ---- loading ------------------------------------------------------------------------------

void ChatModel::clearRows()
{
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        m_ids.clear();
        endResetModel();
        Q_EMIT countChanged();
    }
    if (!m_typers.isEmpty()) {
        m_typers.clear();
        Q_EMIT typingTextChanged();
    }
    if (!m_online.isEmpty()) {
        m_online.clear();
        Q_EMIT onlineUsersChanged();
    }
}

void ChatModel::reload()
{
    ++m_generation;
    for (auto *call : { m_loadCall.data(), m_olderCall.data(), m_gapCall.data() }) {
        if (call)
            call->abort();
    }
    detachFromRoom();
    if (!m_connectionSet && !m_connection && ChatConnection::instance()) {
        m_connection = ChatConnection::instance();
        Q_EMIT connectionChanged();
    }
    clearRows();
    setJoined(false);
    setHasMore(false);
    setErrorText({});
    if (m_eventId <= 0 || !m_connection || m_connection->api()->token().isEmpty()) {
        setAccess(Access::Unknown);
        Q_EMIT loadingChanged();
        return;
    }
    setAccess(Access::Loading);
    m_loadCall = m_connection->api()->get(u"/api/messages/events/%1/messages"_s.arg(m_eventId),
        QUrlQuery { { u"limit"_s, QString::number(PageSize) } });
    connect(m_loadCall, &ApiCall::finished, this,
        [this, call = m_loadCall.data(), generation = m_generation] {
            if (generation != m_generation)
                return;
            m_loadCall = nullptr;
            Q_EMIT loadingChanged();
            if (const auto &error = call->error()) {
                if (call->status() == 403) {
                    setAccess(Access::Forbidden);
                    setErrorText(tr("Only the organizer and approved guests can read this "
                                    "chat."));
                } else {
                    setAccess(Access::Unknown);
                    setErrorText(error->message);
                }
                Q_EMIT historyLoaded();
                return;
            }
            const QJsonObject body = call->object();
            for (const auto &value : body.value("messages"_L1).toArray())
                insertConfirmed(ChatMessage::fromJson(value.toObject()));
            setHasMore(body.value("hasMore"_L1).toBool());
            setAccess(Access::Available);
            attachToConnection();
            Q_EMIT historyLoaded();
        });
    Q_EMIT loadingChanged();
}

void ChatModel::attachToConnection()
{
    qint64 newest = 0;
    const qsizetype end = confirmedEnd();
    if (end > 0)
        newest = m_rows.at(end - 1).id;
    const qint64 known = m_connection->lastMessageId(m_eventId);
    m_attached = true;
    m_connection->attach(this, newest);
    if (m_active)
        m_connection->setRoomVisible(m_eventId, true);
    // The room was already live (watched for unread counts): fetch what it saw before we came.
    if (known > newest)
        fetchAfter(newest);
    if (!m_typerExpiry.isActive())
        m_typerExpiry.start();
}

void ChatModel::fetchAfter(qint64 afterId)
{
    if (m_gapCall || !m_connection)
        return;
    m_gapCall = m_connection->api()->get(u"/api/messages/events/%1/messages"_s.arg(m_eventId),
        QUrlQuery { { u"after"_s, QString::number(afterId) },
            { u"limit"_s, QString::number(Chat::HistoryPageMax) } });
    connect(m_gapCall, &ApiCall::finished, this,
        [this, call = m_gapCall.data(), generation = m_generation] {
            if (generation != m_generation)
                return;
            m_gapCall = nullptr;
            if (call->error())
                return;
            qint64 last = 0;
            const QJsonObject body = call->object();
            for (const auto &value : body.value("messages"_L1).toArray()) {
                const ChatMessage m = ChatMessage::fromJson(value.toObject());
                last = std::max(last, m.id);
                insertConfirmed(m);
            }
            if (body.value("hasMore"_L1).toBool() && last > 0)
                fetchAfter(last);
        });
}

void ChatModel::loadOlder()
{
    if (m_olderCall || !m_hasMore || !m_connection || m_access != Access::Available)
        return;
    if (confirmedEnd() == 0)
        return;
    const qint64 oldest = m_rows.first().id;
    m_olderCall = m_connection->api()->get(u"/api/messages/events/%1/messages"_s.arg(m_eventId),
        QUrlQuery {
            { u"before"_s, QString::number(oldest) }, { u"limit"_s, QString::number(PageSize) } });
    connect(m_olderCall, &ApiCall::finished, this,
        [this, call = m_olderCall.data(), generation = m_generation] {
            if (generation != m_generation)
                return;
            m_olderCall = nullptr;
            Q_EMIT loadingChanged();
            if (const auto &error = call->error()) {
                setErrorText(error->message);
                Q_EMIT olderLoaded(0);
                return;
            }
            const QJsonObject body = call->object();
            const qint64 firstId = m_rows.isEmpty() ? 0 : m_rows.first().id;
            QList<Row> older;
            for (const auto &value : body.value("messages"_L1).toArray()) {
                const ChatMessage m = ChatMessage::fromJson(value.toObject());
                if (m.id <= 0 || m_ids.contains(m.id) || (firstId > 0 && m.id >= firstId))
                    continue;
                older.append(rowFrom(m));
            }
            std::sort(
                older.begin(), older.end(), [](const Row &a, const Row &b) { return a.id < b.id; });
            setHasMore(body.value("hasMore"_L1).toBool());
            if (!older.isEmpty()) {
                const int n = int(older.size());
                beginInsertRows({}, 0, n - 1);
                for (const Row &r : std::as_const(older))
                    m_ids.insert(r.id);
                m_rows = older + m_rows;
                endInsertRows();
                Q_EMIT countChanged();
                // The former first row may now continue a run or share a day.
                emitRowChanged(n, { ShowAuthorRole, ShowDaySeparatorRole });
            }
            Q_EMIT olderLoaded(int(older.size()));
        });
    Q_EMIT loadingChanged();
}

// ---- rows ---------------------------------------------------------------------------------

ChatModel::Row ChatModel::rowFrom(const ChatMessage &message)
{
    Row r;
    r.id = message.id;
    r.author = message.user;
    r.content = message.content;
    r.photoId = message.photoId;
    r.createdAt = message.createdAt;
    r.clientMsgId = message.clientMsgId;
    r.status = Status::Sent;
    return r;
}

qsizetype ChatModel::confirmedEnd() const
{
    qsizetype end = m_rows.size();
    while (end > 0 && m_rows.at(end - 1).id == 0)
        --end;
    return end;
}

int ChatModel::indexOfMessage(qint64 id) const
{
    if (!m_ids.contains(id))
        return -1;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

int ChatModel::indexOfClientMsgId(const QString &clientMsgId) const
{
    if (clientMsgId.isEmpty())
        return -1;
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (m_rows.at(i).clientMsgId == clientMsgId)
            return int(i);
    }
    return -1;
}

void ChatModel::emitRowChanged(qsizetype row, const QList<int> &roles)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const QModelIndex index = createIndex(int(row), 0);
    Q_EMIT dataChanged(index, index, roles);
}

void ChatModel::insertConfirmed(const ChatMessage &message)
{
    if (message.id <= 0)
        return;
    const int pending = indexOfClientMsgId(message.clientMsgId);
    if (m_ids.contains(message.id)) {
        // Seen before without its clientMsgId: the pending copy is a duplicate.
        if (pending >= 0 && m_rows.at(pending).id == 0) {
            beginRemoveRows({}, pending, pending);
            m_rows.removeAt(pending);
            endRemoveRows();
            Q_EMIT countChanged();
        }
        return;
    }
    const qsizetype end = confirmedEnd();
    // Confirmed rows are in id order; the first one with a bigger id follows the new one.
    const auto after = std::upper_bound(m_rows.cbegin(), m_rows.cbegin() + end, message.id,
        [](qint64 id, const Row &r) { return id < r.id; });
    const int target = int(after - m_rows.cbegin());
    if (pending >= 0 && m_rows.at(pending).id == 0) {
        // Our own message, confirmed: it moves from the pending tail to its place.
        if (pending != target) {
            beginMoveRows({}, pending, pending, {}, target);
            m_rows.move(pending, target);
            endMoveRows();
        }
        Row &r = m_rows[target];
        r.id = message.id;
        r.createdAt = message.createdAt;
        r.content = message.content;
        r.photoId = message.photoId;
        r.author = message.user;
        r.status = Status::Sent;
        r.errorText.clear();
        m_ids.insert(message.id);
        emitRowChanged(target);
        emitRowChanged(target + 1, { ShowAuthorRole, ShowDaySeparatorRole });
        return;
    }
    beginInsertRows({}, target, target);
    m_rows.insert(target, rowFrom(message));
    m_ids.insert(message.id);
    endInsertRows();
    Q_EMIT countChanged();
    emitRowChanged(target + 1, { ShowAuthorRole, ShowDaySeparatorRole });
}

void ChatModel::appendPending(const Row &row)
{
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
    Q_EMIT countChanged();
}

// ---- sending ------------------------------------------------------------------------------

bool ChatModel::send(const QString &text)
{
    const QString content = text.trimmed();
    if (m_access != Access::Available || !m_connection) {
        setErrorText(tr("You cannot write in this chat."));
        return false;
    }
    const QString clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const FieldErrors errors = Chat::validateMessage(content, clientMsgId);
    if (!errors.isEmpty()) {
        setErrorText(errors.first().message);
        return false;
    }
    setErrorText({});
    sendTypingState(false);
    Row r;
    r.author = { m_connection->userId(), m_connection->userName() };
    r.content = content;
    r.createdAt = QDateTime::currentDateTimeUtc();
    r.clientMsgId = clientMsgId;
    r.status = Status::Sending;
    appendPending(r);
    m_connection->sendMessage(m_eventId, clientMsgId, content, 0);
    return true;
}

void ChatModel::sendPhoto(const QUrl &file, const QString &text)
{
    if (m_access != Access::Available || !m_connection || !file.isLocalFile())
        return;
    const QString content = text.trimmed().isEmpty() ? u"📷"_s : text.trimmed();
    Row r;
    r.author = { m_connection->userId(), m_connection->userName() };
    r.content = content;
    r.localPhoto = file;
    r.createdAt = QDateTime::currentDateTimeUtc();
    r.clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.status = Status::Sending;
    appendPending(r);
    sendTypingState(false);
    ++m_uploads;
    Q_EMIT uploadingChanged();

    const QString clientMsgId = r.clientMsgId;
    auto *watcher = new QFutureWatcher<PhotoFile>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
        [this, watcher, clientMsgId, fileName = QFileInfo(file.toLocalFile()).fileName(),
            generation = m_generation] {
            watcher->deleteLater();
            const PhotoFile photo = watcher->result();
            auto finish = [this] {
                --m_uploads;
                Q_EMIT uploadingChanged();
            };
            if (generation != m_generation || !m_connection) {
                finish();
                return;
            }
            if (!photo.error.isEmpty()) {
                finish();
                handleFailed(clientMsgId, photo.error);
                return;
            }
            auto *api = m_connection->api();
            auto *multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
            QHttpPart part;
            QByteArray name = fileName.toUtf8();
            name.replace('"', '_');
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                QByteArray("form-data; name=\"photo\"; filename=\"" + name + '"'));
            part.setHeader(QNetworkRequest::ContentTypeHeader, photo.mime);
            part.setBody(photo.bytes);
            multiPart->append(part);
            QUrl url = api->baseUrl();
            const QString base = url.path().endsWith(u'/') ? url.path().chopped(1) : url.path();
            url.setPath(base + u"/api/photos"_s);
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::UserAgentHeader,
                QString(Protocol::UserAgentPrefix + QCoreApplication::applicationVersion()
                    + u" (desktop app)"_s));
            request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
            request.setTransferTimeout(120000);
            request.setRawHeader("Authorization", "Bearer " + api->token());
            QNetworkReply *reply = api->networkAccessManager()->post(request, multiPart);
            multiPart->setParent(reply);
            auto *call = new ApiCall(reply, this);
            connect(call, &ApiCall::finished, this, [this, call, clientMsgId, finish] {
                finish();
                const int row = indexOfClientMsgId(clientMsgId);
                if (row < 0 || !m_connection)
                    return;
                if (const auto &error = call->error()) {
                    handleFailed(clientMsgId, error->message);
                    return;
                }
                const qint64 photoId
                    = call->object().value("photo"_L1).toObject().value("id"_L1).toInteger();
                Row &r = m_rows[row];
                r.photoId = photoId;
                emitRowChanged(row, { PhotoIdRole });
                m_connection->sendMessage(m_eventId, clientMsgId, r.content, photoId);
            });
        });
    watcher->setFuture(QtConcurrent::run(readPhoto, file.toLocalFile()));
}

void ChatModel::retry(int row)
{
    if (row < 0 || row >= m_rows.size() || !m_connection)
        return;
    Row &r = m_rows[row];
    if (r.status != Status::Failed || r.id != 0)
        return;
    if (!r.localPhoto.isEmpty() && r.photoId == 0) {
        // The upload itself failed: start over with the file.
        const QUrl file = r.localPhoto;
        const QString content = r.content;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        Q_EMIT countChanged();
        sendPhoto(file, content);
        return;
    }
    r.status = Status::Sending;
    r.errorText.clear();
    emitRowChanged(row, { StatusRole, StatusTextRole });
    m_connection->sendMessage(m_eventId, r.clientMsgId, r.content, r.photoId);
}

void ChatModel::composerChanged(const QString &text)
{
    if (!m_joined)
        return;
    if (text.trimmed().isEmpty()) {
        sendTypingState(false);
        return;
    }
    m_typingIdle.start();
    if (!m_typingSent || !m_lastTypingSent.isValid()
        || m_lastTypingSent.hasExpired(TypingThrottleMs))
        sendTypingState(true);
}

void ChatModel::sendTypingState(bool typing)
{
    if (!typing)
        m_typingIdle.stop();
    if (!typing && !m_typingSent)
        return;
    m_typingSent = typing;
    m_lastTypingSent.start();
    if (m_connection && m_joined)
        m_connection->sendTyping(m_eventId, typing);
}

// ---- from the connection ------------------------------------------------------------------

void ChatModel::handleMessage(const ChatMessage &message)
{
    const bool known = m_ids.contains(message.id);
    // Someone who writes has stopped typing.
    if (m_typers.remove(message.user.id) > 0)
        Q_EMIT typingTextChanged();
    insertConfirmed(message);
    if (!known && m_connection && message.user.id != m_connection->userId())
        Q_EMIT messageReceived(message.id);
}

void ChatModel::handleAck(const ChatMessage &message)
{
    insertConfirmed(message);
}

void ChatModel::handleFailed(const QString &clientMsgId, const QString &text)
{
    const int row = indexOfClientMsgId(clientMsgId);
    if (row < 0 || m_rows.at(row).id != 0)
        return;
    Row &r = m_rows[row];
    r.status = Status::Failed;
    r.errorText = text;
    emitRowChanged(row, { StatusRole, StatusTextRole });
}

void ChatModel::handleJoined(qint64 lastMessageId)
{
    Q_UNUSED(lastMessageId)
    const bool wasJoined = m_joined;
    setJoined(true);
    if (m_access == Access::Removed || m_access == Access::Forbidden)
        setAccess(Access::Available);
    if (!wasJoined)
        setErrorText({}); // whatever kept us out is over
}

void ChatModel::handleDisconnected()
{
    setJoined(false);
    m_typingSent = false;
    if (!m_typers.isEmpty()) {
        m_typers.clear();
        Q_EMIT typingTextChanged();
    }
    if (!m_online.isEmpty()) {
        m_online.clear();
        Q_EMIT onlineUsersChanged();
    }
}

void ChatModel::handleRefused(const QString &code, const QString &text)
{
    setJoined(false);
    if (code == "forbidden"_L1)
        setAccess(Access::Forbidden);
    setErrorText(text);
}

void ChatModel::handleLeft(const QString &reason)
{
    handleDisconnected();
    if (reason == "removed"_L1) {
        setAccess(Access::Removed);
        setErrorText(tr("You are no longer in this chat: the organizer removed you from the "
                        "meetup."));
    }
}

void ChatModel::handleTyping(const UserRef &user, bool typing)
{
    const bool changed = typing ? !m_typers.contains(user.id) : m_typers.contains(user.id);
    if (typing) {
        Typer &t = m_typers[user.id];
        t.name = user.name;
        t.since.start();
    } else {
        m_typers.remove(user.id);
    }
    if (changed)
        Q_EMIT typingTextChanged();
}

void ChatModel::expireTypers()
{
    // The server clears typing itself; this only guards against a lost "stopped" frame.
    bool changed = false;
    for (auto it = m_typers.begin(); it != m_typers.end();) {
        if (it->since.hasExpired(Chat::TypingExpiryMs + 2000)) {
            it = m_typers.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    if (changed)
        Q_EMIT typingTextChanged();
}

void ChatModel::handlePresence(const QVariantList &online)
{
    QVariantList sorted = online;
    std::sort(sorted.begin(), sorted.end(), [](const QVariant &a, const QVariant &b) {
        return QString::localeAwareCompare(
                   a.toMap().value(u"name"_s).toString(), b.toMap().value(u"name"_s).toString())
            < 0;
    });
    if (sorted == m_online)
        return;
    m_online = sorted;
    Q_EMIT onlineUsersChanged();
}

} // namespace Pudding::Client
