// SPDX-License-Identifier: GPL-3.0-or-later
#include "contractrecorder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Pudding::Test::Contract {

namespace {
QMutex &fileMutex()
{
    static QMutex mutex;
    return mutex;
}

QString programName()
{
    const QString path = QCoreApplication::applicationFilePath();
    return path.isEmpty() ? u"unknown"_s : QFileInfo(path).fileName();
}

QString pid()
{
    return QString::number(QCoreApplication::applicationPid());
}

void appendLine(const QString &fileName, const QJsonObject &line)
{
    const QString dir = directory();
    if (dir.isEmpty())
        return;
    const QMutexLocker lock(&fileMutex());
    QDir().mkpath(dir);
    QFile file(dir + u'/' + fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        qWarning().noquote() << "contract recording: cannot write" << file.fileName();
        return;
    }
    file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
}

void addTestName(QJsonObject &line)
{
    if (const char *function = QTest::currentTestFunction())
        line.insert(u"test"_s, QString::fromUtf8(function));
    if (const char *tag = QTest::currentDataTag())
        line.insert(u"dataTag"_s, QString::fromUtf8(tag));
}

bool isJsonType(QByteArrayView contentType)
{
    const QByteArray type = contentType.toByteArray().split(';').first().trimmed().toLower();
    return type == "application/json" || type.endsWith("+json");
}
} // namespace

QString directory()
{
    if (qEnvironmentVariableIsSet("PUDDING_CONTRACT_DIR"))
        return qEnvironmentVariable("PUDDING_CONTRACT_DIR");
#ifdef PUDDING_CONTRACT_DIR
    return QStringLiteral(PUDDING_CONTRACT_DIR);
#else
    return {};
#endif
}

void recordHttp(QByteArrayView method, const QUrl &url, QByteArrayView requestContentType,
    int status, QByteArrayView responseContentType, const QByteArray &body,
    const QList<QByteArray> &responseHeaderNames, const QByteArray &requestBody)
{
    if (status <= 0 || directory().isEmpty())
        return; // no answer at all: nothing to hold against the contract
    QJsonObject line { { u"kind"_s, u"http"_s }, { u"method"_s, QString::fromLatin1(method) },
        { u"path"_s, url.path(QUrl::FullyEncoded) }, { u"status"_s, status },
        { u"bodyBytes"_s, body.size() } };
    addTestName(line);
    if (url.hasQuery()) {
        QJsonObject query;
        for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
            query.insert(key, value);
        line.insert(u"query"_s, query);
    }
    if (!requestContentType.isEmpty())
        line.insert(u"requestContentType"_s, QString::fromLatin1(requestContentType));
    if (!requestBody.isEmpty() && isJsonType(requestContentType)) {
        QJsonParseError error;
        const auto sent = QJsonDocument::fromJson(requestBody, &error);
        if (error.error == QJsonParseError::NoError && !sent.isNull())
            line.insert(
                u"requestBody"_s, sent.isArray() ? QJsonValue(sent.array()) : sent.object());
    }
    if (!responseContentType.isEmpty())
        line.insert(u"responseContentType"_s, QString::fromLatin1(responseContentType));
    QJsonArray headers;
    for (const auto &name : responseHeaderNames)
        headers.append(QString::fromLatin1(name.toLower()));
    line.insert(u"responseHeaders"_s, headers);
    if (body.isEmpty()) {
        line.insert(u"bodyKind"_s, u"empty"_s);
    } else if (isJsonType(responseContentType)) {
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError) {
            line.insert(u"bodyKind"_s, u"invalid-json"_s);
            line.insert(u"bodyError"_s, error.errorString());
        } else {
            line.insert(u"bodyKind"_s, u"json"_s);
            line.insert(u"body"_s, doc.isArray() ? QJsonValue(doc.array()) : doc.object());
        }
    } else {
        line.insert(u"bodyKind"_s, u"bytes"_s); // a photo, Prometheus text: not JSON
    }
    appendLine(programName() % u'-' % pid() % u".jsonl"_s, line);
}

void recordReply(QNetworkReply &reply, const QByteArray &body)
{
    const QNetworkRequest request = reply.request();
    QByteArray method;
    switch (reply.operation()) {
    case QNetworkAccessManager::GetOperation:
        method = "GET";
        break;
    case QNetworkAccessManager::HeadOperation:
        method = "HEAD";
        break;
    case QNetworkAccessManager::PostOperation:
        method = "POST";
        break;
    case QNetworkAccessManager::PutOperation:
        method = "PUT";
        break;
    case QNetworkAccessManager::DeleteOperation:
        method = "DELETE";
        break;
    default:
        method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    }
    QList<QByteArray> names;
    for (const auto &[name, value] : reply.rawHeaderPairs())
        names.append(name);
    recordHttp(method, reply.url(), request.rawHeader("Content-Type"),
        reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
        reply.rawHeader("Content-Type"), body, names);
}

void recordFrame(QByteArrayView direction, const QString &text)
{
    if (directory().isEmpty())
        return;
    QJsonObject line { { u"kind"_s, u"ws"_s }, { u"direction"_s, QString::fromLatin1(direction) } };
    addTestName(line);
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && doc.isObject())
        line.insert(u"frame"_s, doc.object());
    else // not a JSON object (a test sending garbage on purpose): kept short
        line.insert(u"raw"_s, text.left(200));
    appendLine(programName() % u'-' % pid() % u".jsonl"_s, line);
}

void recordSecret(QByteArrayView kind, const QByteArray &secret)
{
    if (secret.isEmpty())
        return;
    appendLine(u"secrets-"_s % pid() % u".txt"_s,
        QJsonObject { { u"kind"_s, QString::fromLatin1(kind) }, { u"program"_s, programName() },
            { u"value"_s, QString::fromUtf8(secret) } });
}

void saveServerLog(const QByteArray &log)
{
    const QString dir = directory();
    if (dir.isEmpty())
        return;
    const QMutexLocker lock(&fileMutex());
    QDir().mkpath(dir);
    static int serial = 0;
    QFile file(dir % u'/' % programName() % u'-' % pid() % u"-server-"_s % QString::number(++serial)
        % u".log"_s);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        qWarning().noquote() << "contract recording: cannot write" << file.fileName();
        return;
    }
    file.write(log);
}

} // namespace Pudding::Test::Contract
