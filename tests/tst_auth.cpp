// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts against the real server and PostgreSQL: registration rules, login, tokens,
// revocation, how credentials are stored, and the rate limit.
#include "db/database.h"
#include "serverfixture.h"

#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;

class TstAuth : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    const QString m_password = u"correct horse battery 9"_s;

    QJsonObject registration(const QString &email, const QString &password, const QString &name)
    {
        return { { u"email"_s, email }, { u"password"_s, password }, { u"name"_s, name } };
    }

    /// A direct connection to the test database, to check what the server stored.
    QSqlDatabase sql() { return m_server.sql(u"check"_s); }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(u"auth"_s), qPrintable(m_server.errorString())); }

    void registerReturnsUserAndToken()
    {
        const auto r = m_server->postJson(u"/api/auth/register"_s,
            registration(u"Anna@Example.org"_s, m_password, u"  Anna   Beispiel "_s));
        QCOMPARE(r.status, 201);
        const auto user = r.json().value("user"_L1).toObject();
        QVERIFY(user.value("id"_L1).toInteger() > 0);
        QCOMPARE(user.value("name"_L1).toString(), u"Anna Beispiel"_s);
        QCOMPARE(user.value("email"_L1).toString(), u"Anna@Example.org"_s);
        const QString token = r.json().value("token"_L1).toString();
        QCOMPARE(token.size(), 43); // 256 bits, base64url
        const auto me = m_server->get(u"/api/auth/me"_s, token.toLatin1());
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value("user"_L1).toObject().value("id"_L1), user.value("id"_L1));
    }

    void emailIsUniqueCaseInsensitively()
    {
        QVERIFY(!m_server->registerUser(u"dup@example.org"_s).isEmpty());
        const auto r = m_server->postJson(
            u"/api/auth/register"_s, registration(u"DUP@example.ORG"_s, m_password, u"Other"_s));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), u"email_taken"_s);
    }

    void registrationValidation_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad email")
            << registration(u"not-an-email"_s, m_password, u"A"_s) << u"email"_s;
        QTest::newRow("short password")
            << registration(u"a1@example.org"_s, u"short"_s, u"A"_s) << u"password"_s;
        QTest::newRow("common password")
            << registration(u"a2@example.org"_s, u"1234567890"_s, u"A"_s) << u"password"_s;
        QTest::newRow("long password")
            << registration(u"a3@example.org"_s, QString(1025, u'x'), u"A"_s) << u"password"_s;
        QTest::newRow("empty name")
            << registration(u"a4@example.org"_s, m_password, u"  "_s) << u"name"_s;
        QTest::newRow("long name")
            << registration(u"a5@example.org"_s, m_password, QString(81, u'n')) << u"name"_s;
        QTest::newRow("missing email")
            << QJsonObject { { u"password"_s, m_password }, { u"name"_s, u"A"_s } } << u"email"_s;
        QTest::newRow("email not a string") << QJsonObject { { u"email"_s, 5 },
            { u"password"_s, m_password }, { u"name"_s, u"A"_s } }
                                            << u"email"_s;
    }
    void registrationValidation()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const auto r = m_server->postJson(u"/api/auth/register"_s, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"validation_failed"_s);
        const auto error = r.json().value("error"_L1).toObject();
        QCOMPARE(error.value("field"_L1).toString(), field);
        QVERIFY(!error.value("fields"_L1).toArray().isEmpty());
    }

    void loginAndSameErrorForUnknownOrWrong()
    {
        QVERIFY(!m_server->registerUser(u"bert@example.org"_s).isEmpty());
        const auto ok = m_server->postJson(u"/api/auth/login"_s,
            { { u"email"_s, u"BERT@example.org"_s }, { u"password"_s, m_password } });
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value("token"_L1).toString().size(), 43);

        const auto wrong = m_server->postJson(u"/api/auth/login"_s,
            { { u"email"_s, u"bert@example.org"_s }, { u"password"_s, u"wrong password 99"_s } });
        const auto unknown = m_server->postJson(u"/api/auth/login"_s,
            { { u"email"_s, u"nobody@example.org"_s }, { u"password"_s, m_password } });
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.errorCode(), u"invalid_credentials"_s);
        QCOMPARE(wrong.body, unknown.body); // no hint whether the account exists
    }

    void logoutRevokesOnlyThatToken()
    {
        const QByteArray first = m_server->registerUser(u"carla@example.org"_s);
        QVERIFY(!first.isEmpty());
        const auto login = m_server->postJson(u"/api/auth/login"_s,
            { { u"email"_s, u"carla@example.org"_s }, { u"password"_s, m_password } });
        const QByteArray second = login.json().value("token"_L1).toString().toLatin1();
        QCOMPARE(m_server->request("POST", u"/api/auth/logout"_s, {}, first).status, 204);
        const auto revoked = m_server->get(u"/api/auth/me"_s, first);
        QCOMPARE(revoked.status, 401);
        QCOMPARE(revoked.errorCode(), u"unauthorized"_s);
        QCOMPARE(m_server->get(u"/api/auth/me"_s, second).status, 200);
        // A revoked token cannot be used to log out again either.
        QCOMPARE(m_server->request("POST", u"/api/auth/logout"_s, {}, first).status, 401);
    }

    void badTokens_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("garbage") << QByteArray("Bearer nonsense");
        QTest::newRow("well-formed unknown")
            << QByteArray("Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("basic scheme") << QByteArray("Basic YWxhZGRpbjpvcGVuc2VzYW1l");
        QTest::newRow("empty bearer") << QByteArray("Bearer ");
    }
    void badTokens()
    {
        QFETCH(QByteArray, authorization);
        auto socket = m_server->connectRaw();
        QVERIFY(socket);
        socket->write(
            "GET /api/auth/me HTTP/1.1\r\nHost: x\r\nAuthorization: " + authorization + "\r\n\r\n");
        const auto responses = readRawResponses(*socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 401);
    }

    void tokenInUrlIsNotAccepted()
    {
        const QByteArray token = m_server->registerUser(u"dora@example.org"_s);
        const auto r = m_server->get(u"/api/auth/me?token="_s % QString::fromLatin1(token)
            % u"&access_token="_s % QString::fromLatin1(token));
        QCOMPARE(r.status, 401);
    }

    void credentialsStoredHashed()
    {
        const QByteArray token = m_server->registerUser(u"emil@example.org"_s);
        QVERIFY(!token.isEmpty());
        QSqlDatabase db = sql();
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT password_hash FROM users WHERE email = 'emil@example.org'"_s));
        QVERIFY(q.next());
        const QString hash = q.value(0).toString();
        QVERIFY2(hash.startsWith("$argon2id$"_L1), qPrintable(hash));
        QVERIFY(!hash.contains(m_password));
        QVERIFY(q.exec(u"SELECT count(*) FROM sessions WHERE token_hash = sha256('"_s
            % QString::fromLatin1(token)
            % u"'::bytea) AND expires_at > now() + "
              "interval '6 days 23 hours'"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1); // only the SHA-256 is stored, valid for 7 days
        QVERIFY(q.exec(u"SELECT count(*) FROM sessions WHERE encode(token_hash, 'escape') = '"_s
            % QString::fromLatin1(token) % u"'"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void expiredTokenRejected()
    {
        const QByteArray token = m_server->registerUser(u"fritz@example.org"_s);
        QCOMPARE(m_server->get(u"/api/auth/me"_s, token).status, 200);
        QSqlQuery q(sql());
        QVERIFY(q.exec(u"UPDATE sessions SET created_at = now() - interval '8 days', "
                       "expires_at = now() - interval '1 day' WHERE token_hash = sha256('"_s
            % QString::fromLatin1(token) % u"'::bytea)"_s));
        QCOMPARE(q.numRowsAffected(), 1);
        QCOMPARE(m_server->get(u"/api/auth/me"_s, token).status, 401);
    }

    void rateLimited()
    {
        TestServer::Options options;
        options.authRateLimit = 3; // burst of 5, then about one every 20 s
        TestServer limited(m_server.databaseUrl(), options);
        QVERIFY(limited.start());
        int tooMany = 0;
        HttpResult last;
        for (int i = 0; i < 8; ++i) {
            last = limited.postJson(u"/api/auth/login"_s,
                { { u"email"_s, u"nobody@example.org"_s },
                    { u"password"_s, u"wrong password 99"_s } });
            if (last.status == 429)
                ++tooMany;
        }
        QCOMPARE(tooMany, 3);
        QCOMPARE(last.errorCode(), u"rate_limited"_s);
        QVERIFY(last.header("retry-after").toInt() > 0);
    }

    void cleanupTestCase() { QVERIFY(m_server->isRunning()); }
};

QTEST_GUILESS_MAIN(TstAuth)
#include "tst_auth.moc"
