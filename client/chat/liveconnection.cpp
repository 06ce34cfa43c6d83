// SPDX-License-Identifier: GPL-3.0-or-later
#include "liveconnection.h"

#include "api/apiclient.h"
#include "api/endpoints.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLive, "pudding.client.live", QtInfoMsg)

namespace Pudding::Client {

namespace {
LiveConnection *s_instance = nullptr;
namespace SF = Chat::ServerFrame;
namespace CF = Chat::ClientFrame;
} // namespace

LiveConnection::LiveConnection(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &LiveConnection::openSocket);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        m_reconnectIn = std::max(0, m_reconnectIn - 1);
        Q_EMIT reconnectInSecondsChanged();
        if (m_reconnectIn == 0)
            m_countdown.stop();
    });
    m_pingTimer.setInterval(PingIntervalMs / 5);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (!m_socket || !m_authenticated)
            return;
        // A silent peer (suspended laptop, dropped route) is only noticed by asking.
        if (m_pingSent.isValid() && m_pingSent.hasExpired(PongTimeoutMs)
            && m_lastFrame.hasExpired(PongTimeoutMs)) {
            qCInfo(lcLive) << "no answer to ping: reconnecting";
            m_pingSent.invalidate();
            m_socket->abort();
            return;
        }
        if (!m_pingSent.isValid() && m_lastFrame.hasExpired(PingIntervalMs)) {
            sendFrame(CF::Ping);
            m_pingSent.start();
        }
    });
    // When REST finds the server again, do not wait for the next backoff step.
    connect(m_api, &ApiClient::reachableChanged, this, [this] {
        if (m_api->isReachable() && m_state == State::Reconnecting && !m_socket)
            reconnectNow();
    });
}

LiveConnection::~LiveConnection()
{
    if (s_instance == this)
        s_instance = nullptr;
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        delete m_socket;
    }
}

LiveConnection *LiveConnection::instance()
{
    return s_instance;
}

void LiveConnection::setInstance(LiveConnection *connection)
{
    s_instance = connection;
}

QUrl LiveConnection::socketUrl() const
{
    QUrl url = m_api->baseUrl();
    url.setScheme(url.scheme() == "https"_L1 ? u"wss"_s : u"ws"_s);
    const QString base = url.path().endsWith(u'/') ? url.path().chopped(1) : url.path();
    url.setPath(base + QString(Chat::Path));
    url.setQuery(QString());
    return url;
}

void LiveConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

void LiveConnection::start()
{
    const QByteArray token = m_api->token();
    if (token.isEmpty() || (m_wanted && token == m_token))
        return;
    if (m_wanted)
        stop(); // another account
    m_token = token;
    m_wanted = true;
    m_attempt = 0;
    if (m_socket)
        return;
    setState(State::Connecting);
    openSocket();
}

void LiveConnection::stop()
{
    m_wanted = false;
    m_token.clear();
    m_reconnectTimer.stop();
    m_countdown.stop();
    m_pingTimer.stop();
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        disconnect(socket, nullptr, this, nullptr);
        socket->close();
        socket->deleteLater();
    }
    m_authenticated = false;
    Q_EMIT stopped();
    if (m_user.id != 0) {
        m_user = {};
        Q_EMIT userChanged();
    }
    setState(State::Offline);
}

void LiveConnection::reconnectNow()
{
    if (!m_wanted || m_socket)
        return;
    m_reconnectTimer.stop();
    m_countdown.stop();
    m_reconnectIn = 0;
    Q_EMIT reconnectInSecondsChanged();
    openSocket();
}

void LiveConnection::openSocket()
{
    if (!m_wanted || m_socket || m_token.isEmpty())
        return;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(4 * 1024 * 1024);
    connect(m_socket, &QWebSocket::connected, this, &LiveConnection::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &LiveConnection::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &LiveConnection::onText);
    QNetworkRequest request(socketUrl());
    request.setRawHeader("Authorization", m_api->tokenScheme() + ' ' + m_token);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"PuddingGabel desktop app"_s);
    m_socket->open(request);
}

void LiveConnection::onConnected()
{
    m_lastFrame.start();
    m_pingSent.invalidate();
    // Authenticated by the upgrade request's header; "ready" confirms it.
}

void LiveConnection::onDisconnected()
{
    QWebSocket *socket = m_socket;
    if (!socket)
        return;
    const int code = int(socket->closeCode());
    const QString reason = socket->closeReason();
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->deleteLater();
    m_authenticated = false;
    m_pingTimer.stop();
    Q_EMIT disconnected();

    if (code == Chat::CloseCode::Unauthorized) {
        qCInfo(lcLive) << "the server refused the session";
        m_wanted = false;
        setState(State::Offline);
        Q_EMIT sessionEnded();
        // A REST call with the same token gets the 401 that signs the account out properly.
        if (!m_api->token().isEmpty())
            m_api->get(Endpoints::me());
        return;
    }
    qCInfo(lcLive) << "disconnected" << code << reason;
    if (m_wanted)
        scheduleReconnect();
    else
        setState(State::Offline);
}

void LiveConnection::scheduleReconnect()
{
    setState(State::Reconnecting);
    const int base
        = int(std::min<qint64>(qint64(FirstBackoffMs) << std::min(m_attempt, 10), MaxBackoffMs));
    ++m_attempt;
    // ±30% jitter, so that a restarted server is not hit by every client at once.
    const double factor = 0.7 + 0.6 * QRandomGenerator::global()->generateDouble();
    const int delay = std::max(100, int(base * factor));
    m_reconnectTimer.start(delay);
    m_reconnectIn = (delay + 999) / 1000;
    Q_EMIT reconnectInSecondsChanged();
    m_countdown.start();
}

bool LiveConnection::sendFrame(QLatin1StringView type, const QJsonObject &fields)
{
    if (!m_socket || !m_authenticated)
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(Chat::frame(type, fields)));
    return true;
}

void LiveConnection::onText(const QString &text)
{
    m_lastFrame.start();
    m_pingSent.invalidate();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!doc.isObject()) {
        qCWarning(lcLive) << "unreadable frame:" << parseError.errorString();
        return;
    }
    const QJsonObject frame = doc.object();
    if (frame.value("type"_L1).toString() == SF::Ready)
        onReady(frame);
    // pong: nothing to do (the timestamp above is what a pong is for).
    Q_EMIT frameReceived(frame);
}

void LiveConnection::onReady(const QJsonObject &frame)
{
    m_authenticated = true;
    m_attempt = 0;
    const UserRef user = UserRef::fromJson(frame.value("user"_L1).toObject());
    if (!(user == m_user)) {
        m_user = user;
        Q_EMIT userChanged();
    }
    m_countdown.stop();
    m_reconnectIn = 0;
    Q_EMIT reconnectInSecondsChanged();
    m_pingTimer.start();
    setState(State::Online);
    Q_EMIT ready();
}

} // namespace Pudding::Client
