// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/chat.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QWebSocket>

namespace Pudding::Client {

class ApiClient;

/// The app's one socket to pudding-server (`/ws`), and only its lifecycle: authenticated with
/// the session's token, kept alive with pings, reconnecting by itself with exponential backoff
/// and jitter. What the frames mean is not its business: every frame comes out of
/// frameReceived(), and ChatRooms routes them (rooms, review queue, request lists).
class LiveConnection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool online READ isOnline NOTIFY stateChanged)
    Q_PROPERTY(int reconnectInSeconds READ reconnectInSeconds NOTIFY reconnectInSecondsChanged)
    Q_PROPERTY(qint64 userId READ userId NOTIFY userChanged)
public:
    enum class State {
        Offline, ///< not signed in, stopped, or the server refused the session
        Connecting, ///< the first attempt after start()
        Online, ///< authenticated ("ready")
        Reconnecting, ///< the connection dropped; waiting for or making the next attempt
    };
    Q_ENUM(State)

    /// Time without any frame after a ping before the connection counts as dead.
    static constexpr int PingIntervalMs = 25000;
    static constexpr int PongTimeoutMs = 10000;
    static constexpr int FirstBackoffMs = 500;
    static constexpr int MaxBackoffMs = 30000;

    explicit LiveConnection(ApiClient *api, QObject *parent = nullptr);
    ~LiveConnection() override;

    /// The instance QML sees (C++-owned); set by whoever owns it (AppContext or a test).
    static LiveConnection *instance();
    static void setInstance(LiveConnection *connection);
    static LiveConnection *create(QQmlEngine *, QJSEngine *)
    {
        QJSEngine::setObjectOwnership(instance(), QJSEngine::CppOwnership);
        return instance();
    }

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isOnline() const { return m_state == State::Online; }
    /// Authenticated: frames can be sent.
    [[nodiscard]] bool isReady() const { return m_authenticated; }
    [[nodiscard]] int reconnectInSeconds() const { return m_reconnectIn; }
    /// The user the server confirmed in "ready" (0 before).
    [[nodiscard]] qint64 userId() const { return m_user.id; }
    [[nodiscard]] QString userName() const { return m_user.name; }

    /// Connects with the API client's current token (and keeps reconnecting until stop()).
    Q_INVOKABLE void start();
    /// Closes the connection; no reconnect.
    Q_INVOKABLE void stop();
    /// Tries at once instead of waiting for the next backoff step.
    Q_INVOKABLE void reconnectNow();

    /// Sends a frame if the connection is authenticated; false otherwise.
    bool sendFrame(QLatin1StringView type, const QJsonObject &fields = {});

Q_SIGNALS:
    void stateChanged();
    void reconnectInSecondsChanged();
    void userChanged();
    /// Authenticated ("ready"): whatever was joined must be joined again.
    void ready();
    /// The socket is gone (it reconnects by itself unless stopped or refused).
    void disconnected();
    /// stop() was called: the session this connection served is over.
    void stopped();
    /// The server refused the token (close code 4401): the session has ended.
    void sessionEnded();
    /// Every frame the server sent, parsed.
    void frameReceived(const QJsonObject &frame);

private:
    void openSocket();
    void setState(State state);
    void scheduleReconnect();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void onReady(const QJsonObject &frame);
    [[nodiscard]] QUrl socketUrl() const;

    ApiClient *m_api;
    QWebSocket *m_socket = nullptr;
    State m_state = State::Offline;
    bool m_wanted = false;
    QByteArray m_token;
    bool m_authenticated = false;
    UserRef m_user;
    int m_attempt = 0;
    int m_reconnectIn = 0;
    QTimer m_reconnectTimer;
    QTimer m_countdown;
    QTimer m_pingTimer;
    QElapsedTimer m_lastFrame;
    QElapsedTimer m_pingSent;
};

} // namespace Pudding::Client
