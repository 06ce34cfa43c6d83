// SPDX-License-Identifier: GPL-3.0-or-later
// GET /api/openapi.json: the server serves the repository's api/openapi.json, as one public,
// cacheable resource, and it describes every route the other suites exercise (the `contract`
// ctest checks their traffic against it).
#include "serverfixture.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;

class TstApiDoc : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(u"apidoc"_s), qPrintable(m_server.errorString()));
    }

    void servesTheRepositoryDocument()
    {
        QFile file(QStringLiteral(PUDDING_OPENAPI_FILE));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QJsonObject inRepository = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!inRepository.isEmpty());

        const auto r = m_server->get(u"/api/openapi.json"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), "application/json");
        QCOMPARE(r.json(), inRepository);
        QVERIFY(r.json().value("openapi"_L1).toString().startsWith("3.1."_L1));
        // Served compactly: the repository's indentation is for reading and diffs.
        QVERIFY(!r.body.contains('\n'));
    }

    void cacheableForAnonymousReaders_data()
    {
        QTest::addColumn<bool>("signedIn");
        QTest::addColumn<QByteArray>("cacheControl");
        QTest::addColumn<QByteArray>("vary");
        QTest::newRow("anonymous") << false << "no-cache"_ba
                                   << "Authorization"_ba;
        QTest::newRow("signed in") << true << "no-store"_ba << QByteArray();
    }

    void cacheableForAnonymousReaders()
    {
        QFETCH(bool, signedIn);
        QFETCH(QByteArray, cacheControl);
        QFETCH(QByteArray, vary);
        const QByteArray token = signedIn ? m_server.signUp().token : QByteArray();
        QCOMPARE(token.isEmpty(), !signedIn);
        const auto r = m_server->get(u"/api/openapi.json"_s, token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("cache-control"), cacheControl);
        QCOMPARE(r.header("vary"), vary);
    }

    void optionsAndOtherMethods()
    {
        // (HEAD is the router's, tested with raw requests in tst_http: QNetworkAccessManager's
        // custom verb would wait for the Content-Length it announces.)
        const auto options = m_server->request("OPTIONS", u"/api/openapi.json"_s);
        QCOMPARE(options.status, 204);
        QCOMPARE(options.header("allow"), "GET, HEAD, OPTIONS");
        const auto post = m_server->request("POST", u"/api/openapi.json"_s, "{}");
        QCOMPARE(post.status, 405);
        QCOMPARE(post.errorCode(), u"method_not_allowed"_s);
    }

    void describesEveryServedPath()
    {
        // Every path the document names reaches a handler: not the router's 404 for an unknown
        // path (the ids exist nowhere, so a handler's own 404, with its own message, is fine).
        const QJsonValue routerMessage = m_server->get(u"/api/no-such-route"_s)
                                             .json()
                                             .value("error"_L1)
                                             .toObject()
                                             .value("message"_L1);
        QVERIFY(routerMessage.isString());
        const QJsonObject paths
            = m_server->get(u"/api/openapi.json"_s).json().value("paths"_L1).toObject();
        QVERIFY(paths.size() >= 20);
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const QJsonObject operations = it.value().toObject();
            if (!operations.contains("get"_L1) || it.key() == "/ws"_L1
                || operations.value("get"_L1).toObject().contains("x-pudding-conditional"_L1))
                continue;
            QString path = it.key();
            path.replace(u"{id}"_s, u"999999"_s).replace(u"{attendanceId}"_s, u"999999"_s);
            path.replace(u"{ticketId}"_s, u"999999"_s).replace(u"{tokenId}"_s, u"999999"_s);
            // a well-formed token that exists nowhere (43 base64url characters, as issued)
            path.replace(u"{token}"_s, QString(43, u'A'));
            const auto r = m_server->get(path);
            QVERIFY2(r.status != 404
                    || r.json().value("error"_L1).toObject().value("message"_L1) != routerMessage,
                qPrintable(path));
            QVERIFY2(r.status != 405, qPrintable(path));
        }
    }
};

QTEST_GUILESS_MAIN(TstApiDoc)
#include "tst_apidoc.moc"
