// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QUrl>

class QNetworkReply;

/// What the test support saw of the server, written down for the API contract check
/// (packaging/check-contract.py, the `contract` ctest): one JSON line per HTTP exchange and
/// per WebSocket frame in `<dir>/<program>-<pid>.jsonl`, every token and password the tests
/// used in `<dir>/secrets-<pid>.txt`, and every test server's full log in
/// `<dir>/<program>-<pid>-server-<n>.log`. `<dir>` is $PUDDING_CONTRACT_DIR, else the build's
/// contract-recordings folder; an empty $PUDDING_CONTRACT_DIR turns recording off.
namespace Pudding::Test::Contract {

/// The folder recordings go to; empty when recording is off.
[[nodiscard]] QString directory();

/// One HTTP exchange: the request's method, URL, Content-Type and body (kept when it is JSON:
/// a body the server accepted must be one the contract allows), and the response's status,
/// Content-Type, header names and body (parsed when it is JSON).
void recordHttp(QByteArrayView method, const QUrl &url, QByteArrayView requestContentType,
    int status, QByteArrayView responseContentType, const QByteArray &body,
    const QList<QByteArray> &responseHeaderNames = {}, const QByteArray &requestBody = {});
/// The same from a finished QNetworkReply whose body the caller has read (`body`).
void recordReply(QNetworkReply &reply, const QByteArray &body);

/// One WebSocket text frame: "in" (server to client) or "out" (client to server).
void recordFrame(QByteArrayView direction, const QString &text);

/// A token or password the tests obtained or sent: no server log may contain it.
void recordSecret(QByteArrayView kind, const QByteArray &secret);

/// Saves a test server's whole output (stdout and stderr) as the next server log of this
/// program.
void saveServerLog(const QByteArray &log);

} // namespace Pudding::Test::Contract
