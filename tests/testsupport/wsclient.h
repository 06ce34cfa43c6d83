// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contractrecorder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTest>
#include <QWebSocket>
#include <functional>
#include <optional>

namespace Pudding::Test {

using namespace Qt::StringLiterals;

/// A real QWebSocket client of /ws for tests: keeps every frame it received, lets a test wait
/// for (and take) the first frame matching a type and a predicate.
class WsClient : public QObject
{
public:
    WsClient()
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            Contract::recordFrame("in", text);
            m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
            ++m_received;
        });
        connect(&m_socket, &QWebSocket::disconnected, this, [this] {
            m_closed = true;
            m_closeCode = int(m_socket.closeCode());
        });
    }

    /// Connects to ws://127.0.0.1:port/ws, with the token in the upgrade request if given.
    bool open(int port, const QByteArray &token = {})
    {
        return openUrl(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port)), token);
    }
    /// Connects to `url` (wss:// through a proxy: with `ssl` trusting its certificate).
    bool openUrl(const QUrl &url, const QByteArray &token = {},
        const std::optional<QSslConfiguration> &ssl = std::nullopt)
    {
        m_closed = false;
        m_closeCode = -1;
        QNetworkRequest request(url);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        Contract::recordSecret("token", token);
        if (ssl)
            m_socket.setSslConfiguration(*ssl);
        m_socket.open(request);
        return QTest::qWaitFor(
                   [this] {
                       return m_socket.state() == QAbstractSocket::ConnectedState || m_closed;
                   },
                   10000)
            && !m_closed;
    }
    /// open() and wait for "ready".
    bool connectAs(int port, const QByteArray &token)
    {
        return open(port, token) && take(u"ready"_s).has_value();
    }

    void send(const QJsonObject &frame)
    {
        if (frame.value("type"_L1) == "auth"_L1) {
            Contract::recordSecret("token", frame.value("token"_L1).toString().toUtf8());
            Contract::recordSecret("token", frame.value("doorToken"_L1).toString().toUtf8());
        }
        sendRaw(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }
    void sendRaw(const QString &text)
    {
        Contract::recordFrame("out", text);
        m_socket.sendTextMessage(text);
    }
    void close() { m_socket.close(); }
    void abort() { m_socket.abort(); }

    /// The first frame of `type` matching `match` (removed from the list), waiting up to
    /// `timeoutMs` for it.
    std::optional<QJsonObject> take(const QString &type,
        const std::function<bool(const QJsonObject &)> &match = {}, int timeoutMs = 10000)
    {
        std::optional<QJsonObject> found;
        [[maybe_unused]] const bool arrived = QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < m_frames.size(); ++i) {
                    const QJsonObject &f = m_frames[i];
                    if (f.value("type"_L1).toString() == type && (!match || match(f))) {
                        found = f;
                        m_frames.removeAt(i);
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }
    /// Whether a frame of `type` matching `match` arrives within `ms` (without taking it).
    bool sees(const QString &type, const std::function<bool(const QJsonObject &)> &match, int ms)
    {
        return QTest::qWaitFor(
            [&] {
                for (const auto &f : std::as_const(m_frames))
                    if (f.value("type"_L1).toString() == type && (!match || match(f)))
                        return true;
                return false;
            },
            ms);
    }
    /// All frames of `type` received so far (not removed).
    [[nodiscard]] QList<QJsonObject> all(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const auto &f : m_frames)
            if (f.value("type"_L1).toString() == type)
                out.append(f);
        return out;
    }
    void clear() { m_frames.clear(); }
    bool waitClosed(int ms = 10000)
    {
        return QTest::qWaitFor([this] { return m_closed; }, ms);
    }
    [[nodiscard]] bool isClosed() const { return m_closed; }
    [[nodiscard]] int closeCode() const { return m_closeCode; }
    [[nodiscard]] qint64 received() const { return m_received; }
    [[nodiscard]] QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    qint64 m_received = 0;
    bool m_closed = false;
    int m_closeCode = -1;
};

} // namespace Pudding::Test
