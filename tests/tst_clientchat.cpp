// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's live chat against the real server: LiveConnection, ChatRooms and ChatModel for
// an organizer and two approved guests — send and ack, history paging, typing, presence, unread
// counts, a server restart on the same port with messages queued meanwhile (delivered once,
// nothing missed), live join requests and decisions, and a picture of a busy chat pane.
#include "api/apiclient.h"
#include "app/appcontext.h"
#include "attendance/joinrequest.h"
#include "attendance/myrequestsmodel.h"
#include "attendance/photoimageprovider.h"
#include "attendance/reviewqueuemodel.h"
#include "chat/chatmodel.h"
#include "chat/chatrooms.h"
#include "chat/liveconnection.h"
#include "fixtures.h"
#include "serverfixture.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

Q_IMPORT_QML_PLUGIN(PuddingGabelPlugin)

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Client;
using namespace Pudding::Test;

namespace {
constexpr int kLong = 20000;
/// Long enough for a restarted server and the client's backoff (at most ~10 s by then).
constexpr int kReconnect = 60000;

struct Session
{
    QByteArray token;
    QString name;
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<LiveConnection> live;
    std::unique_ptr<ChatRooms> chat;
};

QStringList contents(const ChatModel &model)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out.append(model.index(i).data(ChatModel::ContentRole).toString());
    return out;
}

/// Every confirmed id once, ascending, and no pending row left.
bool idsStrictlyAscending(const ChatModel &model)
{
    qint64 previous = 0;
    for (int i = 0; i < model.rowCount(); ++i) {
        const qint64 id = model.index(i).data(ChatModel::IdRole).toLongLong();
        if (id <= previous)
            return false;
        previous = id;
    }
    return true;
}

/// A visible item under `root` whose text property is `text`.
QQuickItem *findText(QQuickItem *root, const QString &text)
{
    if (!root)
        return nullptr;
    for (QQuickItem *child : root->childItems()) {
        if (child->isVisible() && child->property("text").toString() == text)
            return child;
        if (QQuickItem *found = findText(child, text))
            return found;
    }
    return nullptr;
}

int rowOf(const ChatModel &model, const QString &content)
{
    for (int i = 0; i < model.rowCount(); ++i) {
        if (model.index(i).data(ChatModel::ContentRole).toString() == content)
            return i;
    }
    return -1;
}
} // namespace

class TstClientChat : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    std::unique_ptr<Session> m_olga; // organizer
    std::unique_ptr<Session> m_anna; // approved guest
    std::unique_ptr<Session> m_ben; // approved guest
    qint64 m_eventId = 0;

    std::unique_ptr<Session> connectAs(const QByteArray &token, const QString &name)
    {
        auto s = std::make_unique<Session>();
        s->token = token;
        s->name = name;
        s->api = std::make_unique<ApiClient>();
        s->api->setBaseUrl(m_server->url(u"/"_s));
        s->api->setToken(token);
        s->live = std::make_unique<LiveConnection>(s->api.get());
        s->chat = std::make_unique<ChatRooms>(s->api.get(), s->live.get());
        s->live->start();
        return s;
    }

    static std::unique_ptr<ChatModel> openChat(Session &s, qint64 eventId)
    {
        auto model = std::make_unique<ChatModel>();
        model->setRooms(s.chat.get());
        QSignalSpy loaded(model.get(), &ChatModel::historyLoaded);
        model->setEventId(eventId);
        if (!loaded.wait(kLong))
            qWarning() << "history did not load";
        return model;
    }

    /// A message over REST (as a client without a socket would), retried when rate-limited.
    HttpResult postMessage(
        const QByteArray &token, qint64 eventId, const QString &content, qint64 photoId = 0)
    {
        QJsonObject body { { u"content"_s, content },
            { u"clientMsgId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) } };
        if (photoId > 0)
            body.insert(u"photoId"_s, photoId);
        HttpResult r;
        for (int attempt = 0; attempt < 40; ++attempt) {
            r = m_server->postJson(u"/api/messages/events/%1/messages"_s.arg(eventId), body, token);
            if (r.status != 429)
                break;
            QTest::qWait(200);
        }
        return r;
    }

    QList<qint64> historyIds(qint64 eventId, const QString &content)
    {
        QList<qint64> ids;
        const auto r = m_server->get(
            u"/api/messages/events/%1/messages?limit=200"_s.arg(eventId), m_olga->token);
        for (const auto &v : r.json().value("messages"_L1).toArray()) {
            if (v.toObject().value("content"_L1).toString() == content)
                ids.append(v.toObject().value("id"_L1).toInteger());
        }
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The rate limit is part of what is tested (failed sends): not left to the environment.
        TestServer::Options options;
        options.extraArguments = { u"--chat-rate-limit"_s, u"10"_s };
        QVERIFY2(m_server.start(u"clientchat"_s, options), qPrintable(m_server.errorString()));

        const QByteArray olga = m_server->registerUser(u"olga@example.org"_s, u"Olga"_s);
        const QByteArray anna = m_server->registerUser(u"anna@example.org"_s, u"Anna"_s);
        const QByteArray ben = m_server->registerUser(u"ben@example.org"_s, u"Ben"_s);
        QVERIFY(!olga.isEmpty() && !anna.isEmpty() && !ben.isEmpty());
        m_eventId = Fixtures::createEvent(*m_server, olga);
        QVERIFY(m_eventId > 0);
        QVERIFY(Fixtures::joinApproved(*m_server, m_eventId, anna, olga, 1));
        QVERIFY(Fixtures::joinApproved(*m_server, m_eventId, ben, olga, 2));

        m_olga = connectAs(olga, u"Olga"_s);
        m_anna = connectAs(anna, u"Anna"_s);
        m_ben = connectAs(ben, u"Ben"_s);
        ApiClient::setInstance(m_olga->api.get());
        LiveConnection::setInstance(m_olga->live.get());
        ChatRooms::setInstance(m_olga->chat.get());
    }

    void connectsAndAuthenticates()
    {
        QCOMPARE(m_olga->live->state(), LiveConnection::State::Connecting);
        for (Session *s : { m_olga.get(), m_anna.get(), m_ben.get() }) {
            QTRY_COMPARE_WITH_TIMEOUT(s->live->state(), LiveConnection::State::Online, kLong);
            QCOMPARE(s->live->userName(), s->name);
            QVERIFY(s->live->userId() > 0);
        }
    }

    void outsidersCannotReadTheChat()
    {
        const QByteArray token = m_server->registerUser(u"eve@example.org"_s, u"Eve"_s);
        auto eve = connectAs(token, u"Eve"_s);
        QTRY_COMPARE_WITH_TIMEOUT(eve->live->state(), LiveConnection::State::Online, kLong);
        auto model = openChat(*eve, m_eventId);
        QCOMPARE(model->access(), ChatModel::Access::Forbidden);
        QVERIFY(!model->errorText().isEmpty());
        QVERIFY(!model->send(u"hi"_s));
        QCOMPARE(model->rowCount(), 0);
    }

    void sendAckAndDeliver()
    {
        auto olga = openChat(*m_olga, m_eventId);
        auto anna = openChat(*m_anna, m_eventId);
        QCOMPARE(olga->access(), ChatModel::Access::Available);
        QTRY_VERIFY_WITH_TIMEOUT(olga->isJoined() && anna->isJoined(), kLong);

        QVERIFY(olga->send(
            u"  Hallo zusammen! Wer bringt Vanille mit? https://example.org/rezept?a=1&b=2.  "_s));
        // At once, as "sending", on the right.
        QCOMPARE(olga->rowCount(), 1);
        const QModelIndex mine = olga->index(0);
        QCOMPARE(mine.data(ChatModel::StatusRole).toInt(), int(ChatModel::Status::Sending));
        QCOMPARE(mine.data(ChatModel::IsOwnRole).toBool(), true);
        QCOMPARE(mine.data(ChatModel::ContentRole).toString(),
            u"Hallo zusammen! Wer bringt Vanille mit? https://example.org/rezept?a=1&b=2."_s);
        // Sent on the ack, with the server's id.
        QTRY_COMPARE_WITH_TIMEOUT(olga->index(0).data(ChatModel::StatusRole).toInt(),
            int(ChatModel::Status::Sent), kLong);
        const qint64 id = olga->index(0).data(ChatModel::IdRole).toLongLong();
        QVERIFY(id > 0);
        QCOMPARE(olga->rowCount(), 1); // the echoed new_message did not add a second row

        QTRY_COMPARE_WITH_TIMEOUT(anna->rowCount(), 1, kLong);
        const QModelIndex theirs = anna->index(0);
        QCOMPARE(theirs.data(ChatModel::IdRole).toLongLong(), id);
        QCOMPARE(theirs.data(ChatModel::IsOwnRole).toBool(), false);
        QCOMPARE(theirs.data(ChatModel::AuthorNameRole).toString(), u"Olga"_s);
        QCOMPARE(theirs.data(ChatModel::ShowAuthorRole).toBool(), true);
        QCOMPARE(theirs.data(ChatModel::ShowDaySeparatorRole).toBool(), true);
        QCOMPARE(theirs.data(ChatModel::DayLabelRole).toString(), ChatModel::tr("Today"));
        const QString rich = theirs.data(ChatModel::RichTextRole).toString();
        QVERIFY2(rich.contains(u"<a href=\"https://example.org/rezept?a=1&amp;b=2\">"_s),
            qPrintable(rich));
        QVERIFY(rich.endsWith(u"</a>."_s));

        // A run by the same author shows the name once.
        QVERIFY(anna->send(u"Ich! <b>Grießpudding</b> 🍮"_s));
        QVERIFY(anna->send(u"Zeile eins\nZeile zwei"_s));
        QTRY_COMPARE_WITH_TIMEOUT(olga->rowCount(), 3, kLong);
        QTRY_COMPARE_WITH_TIMEOUT(anna->index(2).data(ChatModel::StatusRole).toInt(),
            int(ChatModel::Status::Sent), kLong);
        QCOMPARE(olga->index(1).data(ChatModel::ShowAuthorRole).toBool(), true);
        QCOMPARE(olga->index(2).data(ChatModel::ShowAuthorRole).toBool(), false);
        QCOMPARE(olga->index(1).data(ChatModel::RichTextRole).toString(),
            u"Ich! &lt;b&gt;Grießpudding&lt;/b&gt; 🍮"_s);
        QCOMPARE(
            olga->index(2).data(ChatModel::RichTextRole).toString(), u"Zeile eins<br>Zeile zwei"_s);
        QVERIFY(idsStrictlyAscending(*olga));
        QVERIFY(idsStrictlyAscending(*anna));

        // Empty and too long messages never leave the client.
        QVERIFY(!olga->send(u"   "_s));
        QVERIFY(!olga->send(QString(2001, u'x')));
        QVERIFY(!olga->errorText().isEmpty());
        QCOMPARE(olga->rowCount(), 3);
    }

    void sendPhoto()
    {
        auto olga = openChat(*m_olga, m_eventId);
        auto anna = openChat(*m_anna, m_eventId);
        QTRY_VERIFY_WITH_TIMEOUT(olga->isJoined() && anna->isJoined(), kLong);
        QTemporaryDir dir;
        QFile jpeg(dir.filePath(u"pudding.jpg"_s));
        QVERIFY(jpeg.open(QIODevice::WriteOnly));
        jpeg.write(Fixtures::jpeg(21));
        jpeg.close();
        const int before = anna->rowCount();

        anna->sendPhoto(QUrl::fromLocalFile(jpeg.fileName()), u"Probe vom Vortag"_s);
        QCOMPARE(anna->rowCount(), before + 1);
        const int row = anna->rowCount() - 1;
        QCOMPARE(
            anna->index(row).data(ChatModel::StatusRole).toInt(), int(ChatModel::Status::Sending));
        QCOMPARE(anna->index(row).data(ChatModel::LocalPhotoRole).toUrl(),
            QUrl::fromLocalFile(jpeg.fileName()));
        QVERIFY(anna->isUploading());
        QTRY_COMPARE_WITH_TIMEOUT(anna->index(row).data(ChatModel::StatusRole).toInt(),
            int(ChatModel::Status::Sent), kLong);
        QVERIFY(!anna->isUploading());
        const qint64 photoId = anna->index(row).data(ChatModel::PhotoIdRole).toLongLong();
        QVERIFY(photoId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(*olga, u"Probe vom Vortag"_s) >= 0, kLong);
        QCOMPARE(olga->index(rowOf(*olga, u"Probe vom Vortag"_s))
                     .data(ChatModel::PhotoIdRole)
                     .toLongLong(),
            photoId);
        // The organizer can see it (thumbnail, through the image provider).
        QCOMPARE(
            m_server->get(u"/api/photos/%1?size=thumb"_s.arg(photoId), m_olga->token).status, 200);

        // Not a picture: refused before any upload, and marked failed.
        QFile text(dir.filePath(u"notes.jpg"_s));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("Vanillepudding mit Soße\n");
        text.close();
        anna->sendPhoto(QUrl::fromLocalFile(text.fileName()), QString());
        const int bad = anna->rowCount() - 1;
        QTRY_COMPARE_WITH_TIMEOUT(anna->index(bad).data(ChatModel::StatusRole).toInt(),
            int(ChatModel::Status::Failed), kLong);
        QVERIFY(!anna->index(bad).data(ChatModel::StatusTextRole).toString().isEmpty());
    }

    /// One photo reader for joins and chat: the same file is refused for the same reason, in
    /// the same words, or accepted by both.
    void photoRulesAreTheJoinRules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("text") << u"notes.jpg"_s << QByteArray("Vanillepudding mit Soße\n") << false;
        QTest::newRow("6 MB") << u"huge.jpg"_s << QByteArray(6 * 1024 * 1024, 'x') << false;
        QTest::newRow("PNG header only")
            << u"cut.png"_s << QByteArray("\x89PNG\r\n\x1A\n", 8) << false;
        QTest::newRow("JPEG") << u"pudding.jpg"_s << Fixtures::jpeg(23) << true;
    }
    void photoRulesAreTheJoinRules()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(bool, accepted);
        QTemporaryDir dir;
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();
        const QUrl url = QUrl::fromLocalFile(file.fileName());

        JoinRequest join;
        QSignalSpy checked(&join, &JoinRequest::photoChecked);
        join.checkPhoto(url);
        QVERIFY(checked.wait(kLong));
        QCOMPARE(checked.first().first().toBool(), accepted);

        auto anna = openChat(*m_anna, m_eventId);
        QTRY_VERIFY_WITH_TIMEOUT(anna->isJoined(), kLong);
        anna->sendPhoto(url, name);
        const int row = anna->rowCount() - 1;
        const int expected = int(accepted ? ChatModel::Status::Sent : ChatModel::Status::Failed);
        QTRY_COMPARE_WITH_TIMEOUT(
            anna->index(row).data(ChatModel::StatusRole).toInt(), expected, kLong);
        if (!accepted) {
            QVERIFY(!join.errorText().isEmpty());
            QCOMPARE(anna->index(row).data(ChatModel::StatusTextRole).toString(), join.errorText());
        }
    }

    void typingAndPresence()
    {
        auto olga = openChat(*m_olga, m_eventId);
        auto anna = openChat(*m_anna, m_eventId);
        auto ben = openChat(*m_ben, m_eventId);
        QTRY_VERIFY_WITH_TIMEOUT(olga->isJoined() && anna->isJoined() && ben->isJoined(), kLong);

        // Presence lists everyone in the room.
        QTRY_COMPARE_WITH_TIMEOUT(olga->onlineUsers().size(), 3, kLong);
        QStringList names;
        for (const QVariant &u : olga->onlineUsers())
            names.append(u.toMap().value(u"name"_s).toString());
        QCOMPARE(names, (QStringList { u"Anna"_s, u"Ben"_s, u"Olga"_s }));
        QVERIFY(olga->onlineText().contains(u"Anna"_s));

        anna->composerChanged(u"Ich bring"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            olga->typingText(), ChatModel::tr("%1 is typing…").arg(u"Anna"_s), kLong);
        QTRY_COMPARE_WITH_TIMEOUT(
            ben->typingText(), ChatModel::tr("%1 is typing…").arg(u"Anna"_s), kLong);
        QVERIFY(anna->typingText().isEmpty()); // not about oneself
        ben->composerChanged(u"Moment"_s);
        QTRY_COMPARE_WITH_TIMEOUT(olga->typingText(),
            ChatModel::tr("%1 and %2 are typing…").arg(u"Anna"_s, u"Ben"_s), kLong);
        // Clearing the composer stops it; so does sending.
        anna->composerChanged(QString());
        QTRY_COMPARE_WITH_TIMEOUT(
            olga->typingText(), ChatModel::tr("%1 is typing…").arg(u"Ben"_s), kLong);
        QVERIFY(ben->send(u"Moment, ich schaue nach."_s));
        QTRY_VERIFY_WITH_TIMEOUT(olga->typingText().isEmpty(), kLong);

        // Leaving the room (closing the chat) updates the others' presence.
        ben.reset();
        QTRY_COMPARE_WITH_TIMEOUT(olga->onlineUsers().size(), 2, kLong);
    }

    void typingTextWording()
    {
        QCOMPARE(ChatModel::typingTextFor({}), QString());
        QCOMPARE(ChatModel::typingTextFor({ u"Anna"_s, u"Ben"_s, u"Cem"_s }),
            ChatModel::tr("%1 and %n other(s) are typing…", "", 2).arg(u"Anna"_s));
    }

    void unreadWhileNotVisible()
    {
        auto anna = openChat(*m_anna, m_eventId);
        QTRY_VERIFY_WITH_TIMEOUT(anna->isJoined(), kLong);
        QCOMPARE(m_anna->chat->unreadCount(m_eventId), 0);
        QSignalSpy unread(m_anna->chat.get(), &ChatRooms::unreadChanged);
        QVERIFY(postMessage(m_olga->token, m_eventId, u"Erinnerung: Löffel mitbringen"_s).status
            == 201);
        QVERIFY(postMessage(m_ben->token, m_eventId, u"Schon eingepackt"_s).status == 201);
        QTRY_COMPARE_WITH_TIMEOUT(m_anna->chat->unreadCount(m_eventId), 2, kLong);
        QVERIFY(unread.count() >= 2);
        // Own messages never count.
        QVERIFY(anna->send(u"Danke!"_s));
        QTRY_COMPARE_WITH_TIMEOUT(
            anna->index(anna->rowCount() - 1).data(ChatModel::StatusRole).toInt(),
            int(ChatModel::Status::Sent), kLong);
        QCOMPARE(m_anna->chat->unreadCount(m_eventId), 2);
        // Showing the chat reads them.
        anna->setActive(true);
        QCOMPARE(m_anna->chat->unreadCount(m_eventId), 0);
        QVERIFY(postMessage(m_olga->token, m_eventId, u"Bis Samstag"_s).status == 201);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(*anna, u"Bis Samstag"_s) >= 0, kLong);
        QCOMPARE(m_anna->chat->unreadCount(m_eventId), 0);
    }

    void watchedRoomCountsUnread()
    {
        // What the badges in "My requests" / "My meetups" rely on: a room joined without a chat.
        QSignalSpy frames(m_ben->live.get(), &LiveConnection::frameReceived);
        m_ben->chat->watchEvent(m_eventId);
        auto joined = [&] {
            for (const auto &args : std::as_const(frames)) {
                const QJsonObject f = args.first().toJsonObject();
                if (f.value("type"_L1).toString() == "joined"_L1
                    && f.value("eventId"_L1).toInteger() == m_eventId)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(joined(), kLong);
        const int before = m_ben->chat->unreadCount(m_eventId);
        QSignalSpy posted(m_ben->chat.get(), &ChatRooms::notificationPosted);
        QVERIFY(postMessage(m_olga->token, m_eventId, u"Neue Info zum Treffpunkt"_s).status == 201);
        QTRY_COMPARE_WITH_TIMEOUT(m_ben->chat->unreadCount(m_eventId), before + 1, kLong);
        QVERIFY(m_ben->chat->totalUnread() >= 1);
        QCOMPARE(posted.count(), 1);
        QCOMPARE(posted.first().at(0).toString(), u"Olga"_s);
        m_ben->chat->markRead(m_eventId);
        QCOMPARE(m_ben->chat->unreadCount(m_eventId), 0);
    }

    void historyPagesBackwardsWithoutDuplicates()
    {
        const qint64 eventId = Fixtures::createEvent(*m_server, m_olga->token);
        QVERIFY(Fixtures::joinApproved(*m_server, eventId, m_anna->token, m_olga->token, 3));
        const int total = 2 * ChatModel::PageSize + 7;
        for (int i = 1; i <= total; ++i) {
            const auto r = postMessage(
                i % 2 ? m_olga->token : m_anna->token, eventId, u"Nachricht %1"_s.arg(i));
            QCOMPARE(r.status, 201);
        }
        auto model = openChat(*m_anna, eventId);
        QCOMPARE(model->rowCount(), ChatModel::PageSize);
        QVERIFY(model->hasMore());
        QCOMPARE(model->index(model->rowCount() - 1).data(ChatModel::ContentRole).toString(),
            u"Nachricht %1"_s.arg(total));
        QTRY_VERIFY_WITH_TIMEOUT(model->isJoined(), kLong);

        QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy resets(model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy older(model.get(), &ChatModel::olderLoaded);
        model->loadOlder();
        QVERIFY(model->isLoadingOlder());
        model->loadOlder(); // a second scroll event while loading: ignored
        QVERIFY(older.wait(kLong));
        QCOMPARE(older.first().first().toInt(), ChatModel::PageSize);
        // Prepended as one block at the top, without a reset.
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), ChatModel::PageSize - 1);
        QVERIFY(model->hasMore());
        while (model->hasMore()) {
            model->loadOlder();
            QVERIFY(older.wait(kLong));
        }
        QCOMPARE(model->rowCount(), total);
        QVERIFY(idsStrictlyAscending(*model));
        QCOMPARE(model->index(0).data(ChatModel::ContentRole).toString(), u"Nachricht 1"_s);
        // A live message after all that still lands at the end, once.
        QVERIFY(postMessage(m_olga->token, eventId, u"Live danach"_s).status == 201);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), total + 1, kLong);
        QCOMPARE(contents(*model).last(), u"Live danach"_s);
        QVERIFY(idsStrictlyAscending(*model));
    }

    /// The model only mirrors its room: every insert, move (an ack), change, prepend (paging
    /// through fetchMore) and reset must keep it a consistent QAbstractItemModel.
    void chatModelPassesTheItemModelTester()
    {
        const qint64 eventId = Fixtures::createEvent(*m_server, m_olga->token);
        QVERIFY(Fixtures::joinApproved(*m_server, eventId, m_anna->token, m_olga->token, 6));
        const int total = ChatModel::PageSize + 5;
        for (int i = 1; i <= total; ++i)
            QCOMPARE(
                postMessage(i % 2 ? m_olga->token : m_anna->token, eventId, u"Test %1"_s.arg(i))
                    .status,
                201);
        auto model = std::make_unique<ChatModel>();
        QAbstractItemModelTester tester(
            model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setRooms(m_anna->chat.get());
        QSignalSpy loaded(model.get(), &ChatModel::historyLoaded);
        model->setEventId(eventId);
        QVERIFY(loaded.wait(kLong));
        QTRY_VERIFY_WITH_TIMEOUT(model->isJoined(), kLong);
        // Paging is fetchMore() (the tester asks for more itself whenever the model changes).
        while (model->canFetchMore({})) {
            QSignalSpy older(model.get(), &ChatModel::olderLoaded);
            model->fetchMore({});
            QVERIFY(older.count() > 0 || older.wait(kLong));
        }
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), total, kLong);
        QVERIFY(!model->canFetchMore({}));
        // Own (pending, then moved into place by its ack) and others' messages.
        QVERIFY(model->send(u"Eigene"_s));
        QVERIFY(postMessage(m_olga->token, eventId, u"Fremde"_s).status == 201);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), total + 2, kLong);
        QTRY_COMPARE_WITH_TIMEOUT(
            model->index(rowOf(*model, u"Eigene"_s)).data(ChatModel::StatusRole).toInt(),
            int(ChatModel::Status::Sent), kLong);
        QVERIFY(idsStrictlyAscending(*model));
        // A reload resets and loads the newest page again.
        QSignalSpy reloaded(model.get(), &ChatModel::historyLoaded);
        model->reload();
        QVERIFY(reloaded.wait(kLong));
        QVERIFY(model->rowCount() >= ChatModel::PageSize);
        QVERIFY(idsStrictlyAscending(*model));
    }

    void failedSendCanBeRetried()
    {
        auto olga = openChat(*m_olga, m_eventId);
        QTRY_VERIFY_WITH_TIMEOUT(olga->isJoined(), kLong);
        // Far past the burst: the server answers rate_limited for some of them.
        const int n = 40;
        for (int i = 0; i < n; ++i)
            QVERIFY(olga->send(u"Flut %1"_s.arg(i)));
        auto settled = [&] {
            for (int i = 0; i < olga->rowCount(); ++i) {
                if (olga->index(i).data(ChatModel::StatusRole).toInt()
                    == int(ChatModel::Status::Sending))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), kLong);
        auto failedRows = [&] {
            QList<int> rows;
            for (int i = 0; i < olga->rowCount(); ++i) {
                if (olga->index(i).data(ChatModel::StatusRole).toInt()
                    == int(ChatModel::Status::Failed))
                    rows.append(i);
            }
            return rows;
        };
        QList<int> failed = failedRows();
        QVERIFY2(!failed.isEmpty(), "the rate limit refused some of 40 messages at once");
        QVERIFY(!olga->index(failed.first()).data(ChatModel::StatusTextRole).toString().isEmpty());
        // Retrying, one at a time, gets every one through, each stored once.
        for (int round = 0; round < 200 && !failed.isEmpty(); ++round) {
            QTest::qWait(150);
            olga->retry(failed.first());
            QCOMPARE(olga->index(failed.first()).data(ChatModel::StatusRole).toInt(),
                int(ChatModel::Status::Sending));
            QTRY_VERIFY_WITH_TIMEOUT(settled(), kLong);
            failed = failedRows();
        }
        QVERIFY(failed.isEmpty());
        for (int i = 0; i < n; ++i)
            QCOMPARE(historyIds(m_eventId, u"Flut %1"_s.arg(i)).size(), 1);
        QVERIFY(idsStrictlyAscending(*olga));
    }

    void reconnectAndResumeAfterServerRestart()
    {
        auto olga = openChat(*m_olga, m_eventId);
        auto anna = openChat(*m_anna, m_eventId);
        QTRY_VERIFY_WITH_TIMEOUT(olga->isJoined() && anna->isJoined(), kLong);
        const int port = m_server->port();

        m_server->stop();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_olga->live->state(), LiveConnection::State::Reconnecting, kLong);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_anna->live->state(), LiveConnection::State::Reconnecting, kLong);
        QVERIFY(!olga->isJoined());

        // Written while the server is away: shown at once, queued.
        QVERIFY(olga->send(u"Geschrieben während der Pause"_s));
        QVERIFY(anna->send(u"Ich auch, offline"_s));
        const int olgaRow = olga->rowCount() - 1;
        QCOMPARE(olga->index(olgaRow).data(ChatModel::StatusRole).toInt(),
            int(ChatModel::Status::Sending));
        QTest::qWait(1500); // a few reconnect attempts fail meanwhile
        QCOMPARE(olga->index(olgaRow).data(ChatModel::StatusRole).toInt(),
            int(ChatModel::Status::Sending));

        // The same server again, on the same port, with the same database.
        TestServer::Options options;
        options.extraArguments
            = { u"--chat-rate-limit"_s, u"10"_s, u"--port"_s, QString::number(port) };
        QVERIFY2(m_server.startServer(options), qPrintable(m_server.errorString()));
        QCOMPARE(m_server->port(), port);
        // Ben writes over REST before the others are back: they must get it on resume.
        QCOMPARE(postMessage(m_ben->token, m_eventId, u"Ben war schneller"_s).status, 201);

        QTRY_COMPARE_WITH_TIMEOUT(m_olga->live->state(), LiveConnection::State::Online, kReconnect);
        QTRY_COMPARE_WITH_TIMEOUT(m_anna->live->state(), LiveConnection::State::Online, kReconnect);
        const QStringList expected { u"Geschrieben während der Pause"_s, u"Ich auch, offline"_s,
            u"Ben war schneller"_s };
        for (ChatModel *model : { olga.get(), anna.get() }) {
            for (const QString &text : expected)
                QTRY_VERIFY2_WITH_TIMEOUT(rowOf(*model, text) >= 0, qPrintable(text), kLong);
            QTRY_VERIFY_WITH_TIMEOUT(idsStrictlyAscending(*model), kLong); // all sent
            for (const QString &text : expected)
                QCOMPARE(contents(*model).count(text), 1);
        }
        for (const QString &text : expected)
            QCOMPARE(historyIds(m_eventId, text).size(), 1);

        // And live again afterwards.
        QVERIFY(anna->send(u"Wieder da"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(*olga, u"Wieder da"_s) >= 0, kLong);
    }

    void liveJoinRequestsAndDecisions()
    {
        // The organizer's review queue is open.
        ApiClient::setInstance(m_olga->api.get());
        ReviewQueueModel queue; // listens to the instance, Olga's rooms, by itself
        QSignalSpy fetched(&queue, &ReviewQueueModel::fetched);
        queue.setEventId(m_eventId);
        QVERIFY(fetched.wait(kLong));
        const int before = queue.rowCount();
        QSignalSpy resets(&queue, &QAbstractItemModel::modelReset);

        const QByteArray dora = m_server->registerUser(u"dora@example.org"_s, u"Dora"_s);
        auto doraSession = connectAs(dora, u"Dora"_s);
        QTRY_COMPARE_WITH_TIMEOUT(doraSession->live->state(), LiveConnection::State::Online, kLong);
        const qint64 attendanceId = Fixtures::requestJoin(*m_server, m_eventId, dora, 7);
        QVERIFY(attendanceId > 0);
        // Without a refresh.
        QTRY_COMPARE_WITH_TIMEOUT(queue.rowCount(), before + 1, kLong);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(fetched.count(), 1);
        QCOMPARE(
            queue.index(0).data(ReviewQueueModel::AttendanceIdRole).toLongLong(), attendanceId);
        QCOMPARE(queue.index(0).data(ReviewQueueModel::UserNameRole).toString(), u"Dora"_s);
        QCOMPARE(queue.index(0).data(ReviewQueueModel::StatusRole).toString(), u"PENDING"_s);

        // Dora's "My requests" turns to approved the moment the organizer decides.
        ApiClient::setInstance(doraSession->api.get());
        MyRequestsModel mine;
        QSignalSpy mineFetched(&mine, &MyRequestsModel::fetched);
        mine.refresh();
        QVERIFY(mineFetched.wait(kLong));
        connect(doraSession->chat.get(), &ChatRooms::attendanceChanged, &mine,
            [&mine](const QString &, const QVariantMap &a) { mine.applyAttendance(a); });
        QSignalSpy decided(doraSession->chat.get(), &ChatRooms::attendanceChanged);
        QSignalSpy posted(doraSession->chat.get(), &ChatRooms::notificationPosted);
        QCOMPARE(mine.statusOfEvent(m_eventId), u"PENDING"_s);
        QCOMPARE(
            Fixtures::decide(*m_server, m_eventId, attendanceId, "APPROVED", m_olga->token), 200);
        QTRY_COMPARE_WITH_TIMEOUT(mine.statusOfEvent(m_eventId), u"APPROVED"_s, kLong);
        QCOMPARE(mineFetched.count(), 1); // no refetch
        QCOMPARE(decided.first().first().toString(), u"attendance_approved"_s);
        QVERIFY(!posted.isEmpty());

        // Now she can chat; when the organizer removes her, the chat says so.
        auto doraChat = openChat(*doraSession, m_eventId);
        QCOMPARE(doraChat->access(), ChatModel::Access::Available);
        QTRY_VERIFY_WITH_TIMEOUT(doraChat->isJoined(), kLong);
        QCOMPARE(
            Fixtures::decide(*m_server, m_eventId, attendanceId, "REJECTED", m_olga->token), 200);
        QTRY_COMPARE_WITH_TIMEOUT(doraChat->access(), ChatModel::Access::Removed, kLong);
        QVERIFY(!doraChat->isJoined());
        QVERIFY(!doraChat->errorText().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(mine.statusOfEvent(m_eventId), u"REJECTED"_s, kLong);
        ApiClient::setInstance(m_olga->api.get());
    }

    void revokedTokenEndsTheSession()
    {
        const QByteArray token = m_server->registerUser(u"finn@example.org"_s, u"Finn"_s);
        auto finn = connectAs(token, u"Finn"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finn->live->state(), LiveConnection::State::Online, kLong);
        QSignalSpy ended(finn->live.get(), &LiveConnection::sessionEnded);
        QCOMPARE(m_server->request("POST", u"/api/auth/logout"_s, {}, token).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kLong);
        QCOMPARE(finn->live->state(), LiveConnection::State::Offline);
        QTest::qWait(1500); // and it does not come back
        QCOMPARE(finn->live->state(), LiveConnection::State::Offline);
    }

    void screenshotOfABusyChat()
    {
        // A fresh meetup with three people and a day and a half of talk.
        const qint64 eventId = Fixtures::createEvent(*m_server, m_olga->token);
        QVERIFY(Fixtures::joinApproved(*m_server, eventId, m_anna->token, m_olga->token, 4));
        QVERIFY(Fixtures::joinApproved(*m_server, eventId, m_ben->token, m_olga->token, 5));
        const QList<QPair<Session *, QString>> script {
            { m_olga.get(), u"Willkommen zum Pudding-Treffen am Samstag! 🎉"_s },
            { m_olga.get(), u"Ich bringe Löffel und Schüsseln mit."_s },
            { m_anna.get(), u"Super, ich freue mich!"_s },
            { m_anna.get(), u"Ich mache Grießpudding mit Kirschen 🍒"_s },
            { m_ben.get(),
                u"Schokopudding von mir. Das Rezept: https://www.chefkoch.de/rezepte/schokopudding"_s },
            { m_olga.get(), u"Klingt lecker. Wer hat eine Decke für die Wiese?"_s },
            { m_ben.get(), u"Ich habe zwei."_s },
            { m_anna.get(), u"Soll ich Sahne mitbringen?"_s },
            { m_olga.get(), u"Ja, gern!"_s },
            { m_ben.get(), u"Und Zimt und Zucker für den Grießpudding."_s },
            { m_anna.get(), u"Gute Idee 👍"_s },
            { m_olga.get(),
                u"Treffpunkt ist der Eingang am Rosengarten.\nIch halte ein gelbes Schild hoch."_s },
            { m_ben.get(), u"Wie lange bleiben wir ungefähr?"_s },
            { m_olga.get(), u"Zwei Stunden, von 15 bis 17 Uhr."_s },
            { m_anna.get(), u"Perfekt."_s },
            // the next day
            { m_anna.get(), u"Guten Morgen! Der Pudding ist fertig:"_s },
            { m_anna.get(), QString() }, // the photo
            { m_ben.get(), u"Wow, sieht toll aus!"_s },
            { m_olga.get(), u"Sehr schön 😍"_s },
            { m_ben.get(), u"Meiner wird heute Abend gekocht."_s },
            { m_olga.get(), u"Das Wetter soll gut werden: https://www.dwd.de"_s },
            { m_anna.get(), u"Sonne und 22 Grad ☀️"_s },
            { m_ben.get(), u"Dann bringe ich auch eine Kühlbox mit, damit nichts schmilzt."_s },
            { m_olga.get(), u"Sehr gut mitgedacht."_s },
            { m_olga.get(), u"Noch Fragen?"_s },
            { m_anna.get(), u"Gibt es einen Plan B bei Regen?"_s },
            { m_olga.get(), u"Dann gehen wir in das Café gegenüber, ich habe schon gefragt."_s },
            { m_ben.get(), u"Top!"_s },
            { m_anna.get(), u"Bis Samstag 👋"_s },
            { m_ben.get(), u"Bis dann!"_s },
        };
        // The photo Anna sends.
        const auto upload = m_server->request("POST", u"/api/photos"_s,
            Fixtures::multipartBody({ { "photo", "pudding.jpg", Fixtures::jpeg(11) } }),
            m_anna->token, "multipart/form-data; boundary=" + Fixtures::kBoundary);
        QCOMPARE(upload.status, 201);
        const qint64 photoId
            = upload.json().value("photo"_L1).toObject().value("id"_L1).toInteger();
        QVERIFY(photoId > 0);
        qint64 lastOfDayOne = 0;
        for (qsizetype i = 0; i < script.size(); ++i) {
            const auto &[who, text] = script.at(i);
            const auto r = text.isEmpty() ? postMessage(who->token, eventId, u"📷"_s, photoId)
                                          : postMessage(who->token, eventId, text);
            QCOMPARE(r.status, 201);
            if (i == 14)
                lastOfDayOne = r.json().value("message"_L1).toObject().value("id"_L1).toInteger();
        }
        QVERIFY(lastOfDayOne > 0);
        // Day one becomes yesterday evening (the API stamps "now"; only the test may rewrite it).
        {
            QSqlDatabase db = m_server.sql(u"screenshot"_s);
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            const QDateTime evening(QDate::currentDate().addDays(-1), QTime(19, 2));
            QVERIFY(q.prepare(
                u"UPDATE messages SET created_at = ?::timestamptz "
                "+ (id - (SELECT min(id) FROM messages WHERE event_id = ?)) * interval '3 minutes' "
                "WHERE event_id = ? AND id <= ?"_s));
            q.addBindValue(evening.toUTC().toString(Qt::ISODate));
            q.addBindValue(eventId);
            q.addBindValue(eventId);
            q.addBindValue(lastOfDayOne);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            QVERIFY(q.numRowsAffected() == 15);
        }

        // Olga's app shows the pane; Anna and Ben are in the room, Ben is typing.
        ApiClient::setInstance(m_olga->api.get());
        LiveConnection::setInstance(m_olga->live.get());
        ChatRooms::setInstance(m_olga->chat.get());
        auto annaChat = openChat(*m_anna, eventId);
        auto benChat = openChat(*m_ben, eventId);
        QTRY_VERIFY_WITH_TIMEOUT(annaChat->isJoined() && benChat->isJoined(), kLong);

        QQmlApplicationEngine engine;
        QStringList warnings;
        connect(&engine, &QQmlEngine::warnings, this, [&warnings](const QList<QQmlError> &w) {
            for (const auto &e : w)
                warnings.append(e.toString());
        });
        PhotoImageProvider::install(engine);
        engine.addImportPath(u"qrc:/qt/qml"_s);
        engine.loadData(
            QByteArrayLiteral("import QtQuick\nimport QtQuick.Controls\nimport PuddingGabel\n"
                              "ApplicationWindow {\n"
                              "  width: 480; height: 860; visible: true; title: \"chat\"\n"
                              "  property alias eventId: pane.eventId\n"
                              "  ChatPane { id: pane; objectName: \"pane\"; anchors.fill: parent; "
                              "anchors.margins: 12 }\n"
                              "}\n"));
        QVERIFY2(!engine.rootObjects().isEmpty(), qPrintable(warnings.join(u'\n')));
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QVERIFY(window);
        window->setProperty("eventId", eventId);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *model = window->findChild<ChatModel *>(u"chatModel"_s);
        QVERIFY(model);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(script.size()), kLong);
        QTRY_VERIFY_WITH_TIMEOUT(model->isJoined(), kLong);
        QTRY_COMPARE_WITH_TIMEOUT(model->onlineUsers().size(), 3, kLong);
        QCOMPARE(
            model->index(0).data(ChatModel::DayLabelRole).toString(), ChatModel::tr("Yesterday"));
        QCOMPARE(model->index(15).data(ChatModel::ShowDaySeparatorRole).toBool(), true);
        QCOMPARE(model->index(15).data(ChatModel::DayLabelRole).toString(), ChatModel::tr("Today"));
        QCOMPARE(model->index(16).data(ChatModel::PhotoIdRole).toLongLong(), photoId);
        benChat->composerChanged(u"Ich"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!model->typingText().isEmpty(), kLong);
        // A message being sent right now.
        QVERIFY(model->send(u"Ich freue mich auf euch alle!"_s));
        QTest::qWait(2500); // the photo thumbnail arrives asynchronously
        const QImage shot = window->grabWindow();
        QVERIFY(!shot.isNull());
        QVERIFY(QDir().mkpath(QStringLiteral(PUDDING_ARTIFACTS_DIR)));
        const QString path = QStringLiteral(PUDDING_ARTIFACTS_DIR) + u"/chat-pane.png"_s;
        QVERIFY(shot.save(path));
        qInfo().noquote() << "screenshot:" << path;
        // Scrolled up to where the days meet, with the photo.
        auto *list = window->findChild<QQuickItem *>(u"chatList"_s);
        QVERIFY(list);
        QVERIFY(QMetaObject::invokeMethod(
            list, "positionViewAtIndex", Q_ARG(int, 12), Q_ARG(int, 1 /* ListView.Beginning */)));
        QTest::qWait(2500);
        const QString earlier = QStringLiteral(PUDDING_ARTIFACTS_DIR) + u"/chat-pane-days.png"_s;
        QVERIFY(window->grabWindow().save(earlier));
        qInfo().noquote() << "screenshot:" << earlier;
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    }

    void appEventPageShowsTheChat()
    {
        // The real app, signed in as Anna: her meetup's details page has the chat.
        qputenv("PUDDING_TILE_URL", "none");
        LiveConnection::setInstance(nullptr);
        ChatRooms::setInstance(nullptr);
        AppContext context(m_server->url(u"/"_s));
        QQmlApplicationEngine engine;
        QStringList warnings;
        connect(&engine, &QQmlEngine::warnings, this, [&warnings](const QList<QQmlError> &w) {
            for (const auto &e : w)
                warnings.append(e.toString());
        });
        QVERIFY(context.load(engine));
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(context.live.state(), LiveConnection::State::Offline);
        QSignalSpy signedIn(&context.accounts, &AccountManager::signedInSuccessfully);
        context.accounts.signIn(u"anna@example.org"_s, u"correct horse battery 9"_s);
        QVERIFY(signedIn.wait(kLong));
        QTRY_COMPARE_WITH_TIMEOUT(context.live.state(), LiveConnection::State::Online, kLong);

        auto *page = window->findChild<QObject *>(u"discoverPage"_s);
        QVERIFY(page);
        QVERIFY(QMetaObject::invokeMethod(page, "focusEvent", Q_ARG(QVariant, m_eventId),
            Q_ARG(double, 50.1137), Q_ARG(double, 8.6843)));
        auto *pane = window->findChild<QQuickItem *>(u"eventChat"_s);
        QVERIFY(pane);
        QTRY_VERIFY_WITH_TIMEOUT(pane->isVisible(), kLong);
        auto *model = pane->findChild<ChatModel *>(u"chatModel"_s);
        QVERIFY(model);
        QTRY_VERIFY_WITH_TIMEOUT(model->isJoined(), kLong);
        QVERIFY(model->isActive());
        // Olga writes; it shows up in the open pane.
        QVERIFY(
            postMessage(m_olga->token, m_eventId, u"Hallo Anna, schön dass du dabei bist!"_s).status
            == 201);
        QTRY_VERIFY_WITH_TIMEOUT(
            rowOf(*model, u"Hallo Anna, schön dass du dabei bist!"_s) >= 0, kLong);
        QCOMPARE(context.chat.unreadCount(m_eventId), 0); // it is on screen

        // The composer: Shift+Enter is a new line, Enter sends.
        auto *input = window->findChild<QQuickItem *>(u"chatInput"_s);
        QVERIFY(input);
        input->forceActiveFocus();
        QTRY_VERIFY(input->hasActiveFocus());
        auto type = [window](const char *text) {
            for (const char *c = text; *c; ++c)
                QTest::keyClick(window, *c);
        };
        type("Bis gleich");
        QTest::keyClick(window, Qt::Key_Return, Qt::ShiftModifier);
        type("am Eingang");
        QCOMPARE(input->property("text").toString(), u"Bis gleich\nam Eingang"_s);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(input->property("text").toString().isEmpty(), kLong);
        const int sent = rowOf(*model, u"Bis gleich\nam Eingang"_s);
        QVERIFY(sent >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(sent).data(ChatModel::StatusRole).toInt(),
            int(ChatModel::Status::Sent), kLong);
        QCOMPARE(historyIds(m_eventId, u"Bis gleich\nam Eingang"_s).size(), 1);
        QTest::qWait(1000);
        const QString path = QStringLiteral(PUDDING_ARTIFACTS_DIR) + u"/event-chat.png"_s;
        QVERIFY(window->grabWindow().save(path));
        qInfo().noquote() << "screenshot:" << path;

        // Signing out closes the live connection.
        context.accounts.signOut();
        QTRY_COMPARE_WITH_TIMEOUT(context.live.state(), LiveConnection::State::Offline, kLong);
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isVisible(), kLong);

        // Greta asked to join; the page shows her request waiting, and no chat.
        const QByteArray greta = m_server->registerUser(u"greta@example.org"_s, u"Greta"_s);
        const qint64 request = Fixtures::requestJoin(*m_server, m_eventId, greta, 9);
        QVERIFY(request > 0);
        context.accounts.signIn(u"greta@example.org"_s, u"correct horse battery 9"_s);
        QVERIFY(signedIn.wait(kLong));
        QTRY_COMPARE_WITH_TIMEOUT(context.live.state(), LiveConnection::State::Online, kLong);
        auto *details = window->findChild<QQuickItem *>(u"eventDetails"_s);
        QVERIFY(details && details->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(details->property("myStatus").toString(), u"PENDING"_s, kLong);
        QTRY_COMPARE_WITH_TIMEOUT(model->access(), ChatModel::Access::Forbidden, kLong);
        QVERIFY(!pane->isVisible());
        // The organizer approves: the page says so at once, and the chat opens.
        QCOMPARE(Fixtures::decide(*m_server, m_eventId, request, "APPROVED", m_olga->token), 200);
        QTRY_COMPARE_WITH_TIMEOUT(details->property("myStatus").toString(), u"APPROVED"_s, kLong);
        QTRY_VERIFY_WITH_TIMEOUT(pane->isVisible(), kLong);
        QTRY_VERIFY_WITH_TIMEOUT(model->isJoined(), kLong);

        // "My requests" (the map page, with its chat, is hidden): new messages are counted
        // and shown on the request's chat button.
        auto *header = window->property("header").value<QQuickItem *>();
        QVERIFY(header);
        QVERIFY(QMetaObject::invokeMethod(header, "myRequestsRequested"));
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isVisible(), kLong);
        QTRY_VERIFY_WITH_TIMEOUT(findText(window->contentItem(), u"Chat"_s), kLong);
        QVERIFY(postMessage(m_olga->token, m_eventId, u"Willkommen, Greta!"_s).status == 201);
        QTRY_COMPARE_WITH_TIMEOUT(context.chat.unreadCount(m_eventId), 1, kLong);
        QTRY_VERIFY_WITH_TIMEOUT(findText(window->contentItem(), u"Chat (1 new)"_s), kLong);
        QTest::qWait(500);
        const QString requests
            = QStringLiteral(PUDDING_ARTIFACTS_DIR) + u"/my-requests-unread.png"_s;
        QVERIFY(window->grabWindow().save(requests));
        qInfo().noquote() << "screenshot:" << requests;
        context.accounts.signOut();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    }

    void cleanupTestCase()
    {
        LiveConnection::setInstance(nullptr);
        ChatRooms::setInstance(nullptr);
        ApiClient::setInstance(nullptr);
        m_olga.reset();
        m_anna.reset();
        m_ben.reset();
    }
};

QTEST_MAIN(TstClientChat)
#include "tst_clientchat.moc"
