// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatrun.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Pudding::Bench {

namespace {

/// Parses the decimal number at text[*pos], advancing *pos past it; -1 if there is none.
qint64 parseNumber(QStringView text, qsizetype *pos)
{
    qint64 value = 0;
    qsizetype i = *pos;
    const qsizetype start = i;
    while (i < text.size() && text[i] >= u'0' && text[i] <= u'9') {
        value = value * 10 + (text[i].unicode() - u'0');
        ++i;
    }
    *pos = i;
    return i == start ? -1 : value;
}

} // namespace

QJsonObject latencySummary(std::vector<qint64> samplesUs)
{
    if (samplesUs.empty())
        return { { u"count"_s, 0 } };
    std::sort(samplesUs.begin(), samplesUs.end());
    const auto at = [&](double p) {
        const size_t i = std::min(samplesUs.size() - 1,
            size_t(std::ceil(p * double(samplesUs.size()))) - (p > 0 ? 1 : 0));
        return double(samplesUs[i]) / 1000.0;
    };
    double sum = 0;
    for (qint64 v : samplesUs)
        sum += double(v);
    const auto ms = [](double v) { return std::round(v * 1000) / 1000; };
    return { { u"count"_s, qint64(samplesUs.size()) }, { u"p50"_s, ms(at(0.50)) },
        { u"p90"_s, ms(at(0.90)) }, { u"p99"_s, ms(at(0.99)) },
        { u"max"_s, ms(double(samplesUs.back()) / 1000.0) },
        { u"mean"_s, ms(sum / double(samplesUs.size()) / 1000.0) } };
}

// ---------------------------------------------------------------------------------------------

ChatClient::ChatClient(ChatRun *run, int index, int room, int slot, Account account)
    : m_run(run)
    , m_index(index)
    , m_room(room)
    , m_slot(slot)
    , m_account(std::move(account))
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ChatClient::sendNext);
    connect(&m_socket, &QWebSocket::connected, this, &ChatClient::onConnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ChatClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, &ChatClient::onDisconnected);
}

void ChatClient::open()
{
    const ChatConfig &config = m_run->config();
    QUrl url = config.url;
    url.setScheme(url.scheme() == "https"_L1 ? u"wss"_s : u"ws"_s);
    if (config.protocol == Protocol::Pudding) {
        url.setPath(u"/ws"_s);
    } else {
        url.setPath(u"/socket.io/"_s);
        url.setQuery(u"EIO=4&transport=websocket"_s);
    }
    QNetworkRequest request(url);
    if (config.protocol == Protocol::Pudding && !config.authFrame && !m_account.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_account.token);
    m_state = State::Connecting;
    m_socket.open(request);
}

void ChatClient::onConnected()
{
    if (m_run->config().protocol == Protocol::SocketIo)
        return; // wait for Engine.IO's open packet "0{…}"
    if (m_run->config().authFrame) {
        m_socket.sendTextMessage(
            u"{\"type\":\"auth\",\"token\":\"%1\"}"_s.arg(QString::fromLatin1(m_account.token)));
    }
    m_state = State::Authenticating; // the server answers "ready"
}

void ChatClient::becomeReady()
{
    m_state = State::Ready;
    m_run->clientReady(m_index);
}

void ChatClient::onText(const QString &text)
{
    if (m_run->config().protocol == Protocol::SocketIo) {
        if (text.startsWith("42"_L1)) {
            if (text.startsWith(R"(42["new_message")"_L1))
                m_run->delivery(m_index, text, false);
            return;
        }
        if (text == "2"_L1) { // Engine.IO ping
            m_socket.sendTextMessage(u"3"_s);
            return;
        }
        if (text.startsWith(u'0')) { // Engine.IO open: connect to the default namespace
            m_socket.sendTextMessage(u"40"_s);
            return;
        }
        if (text.startsWith("40"_L1)) { // socket.io connected
            if (!m_run->joins()) {
                becomeReady();
                return;
            }
            // chatpeer.js acknowledges nothing: the run's settle pause covers the join.
            m_socket.sendTextMessage(
                u"42[\"join_event\",{\"eventId\":%1}]"_s.arg(m_account.eventId));
            becomeReady();
            return;
        }
        if (text.startsWith("44"_L1)) {
            m_run->clientFailed(m_index, u"socket.io connect error: "_s + text);
            return;
        }
        return;
    }

    // Pudding: {"type": …} frames; the content marker identifies our messages cheaply.
    if (text.contains(R"("type":"new_message")"_L1)) {
        m_run->delivery(m_index, text, false);
        return;
    }
    if (text.contains(R"("type":"ack")"_L1)) {
        m_run->delivery(m_index, text, true);
        return;
    }
    if (text.contains(R"("type":"ready")"_L1)) {
        if (!m_run->joins()) {
            becomeReady();
            return;
        }
        m_state = State::Joining;
        m_socket.sendTextMessage(
            u"{\"type\":\"join_event\",\"eventId\":%1}"_s.arg(m_account.eventId));
        return;
    }
    if (text.contains(R"("type":"joined")"_L1)) {
        if (m_state == State::Joining)
            becomeReady();
        return;
    }
    if (text.contains(R"("type":"error")"_L1)) {
        const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString code = json.value("code"_L1).toString(u"?"_s);
        m_run->errorFrame(code);
        if (m_state == State::Joining || m_state == State::Authenticating)
            m_run->clientFailed(m_index, u"error frame before ready: "_s + text.left(200));
        return;
    }
}

void ChatClient::onDisconnected()
{
    const bool wasReady = m_state == State::Ready;
    const State previous = m_state;
    m_state = State::Closed;
    m_timer.stop();
    if (previous == State::Connecting || previous == State::Authenticating
        || previous == State::Joining) {
        m_run->clientFailed(m_index,
            u"closed before ready: %1 %2"_s.arg(int(m_socket.closeCode()))
                .arg(m_socket.closeReason().isEmpty() ? m_socket.errorString()
                                                      : m_socket.closeReason()));
        return;
    }
    if (previous != State::Closed && previous != State::Idle)
        m_run->clientDisconnected(m_index, wasReady);
}

void ChatClient::startSending(int firstDelayMs)
{
    if (m_state != State::Ready) {
        m_run->clientFinishedSending(m_index);
        return;
    }
    QTimer::singleShot(firstDelayMs, Qt::PreciseTimer, this, [this] {
        sendNext();
        if (m_seq < m_run->messagesPerClient())
            m_timer.start(m_run->config().intervalMs);
    });
}

void ChatClient::sendNext()
{
    if (m_seq >= m_run->messagesPerClient() || m_state != State::Ready) {
        m_timer.stop();
        return;
    }
    const int seq = m_seq++;
    const qint64 now = m_run->nowUs();
    const QString content
        = u"pb:%1:%2:%3:%4"_s.arg(m_run->config().runId).arg(m_index).arg(seq).arg(now);
    if (m_run->config().protocol == Protocol::Pudding) {
        m_socket.sendTextMessage(
            u"{\"type\":\"send_message\",\"eventId\":%1,\"content\":\"%2\",\"clientMsgId\":\"%3-%4-%5\"}"_s
                .arg(m_account.eventId)
                .arg(content)
                .arg(m_run->config().runId)
                .arg(m_index)
                .arg(seq));
    } else {
        m_socket.sendTextMessage(
            u"42[\"send_message\",{\"eventId\":%1,\"userId\":%2,\"content\":\"%3\",\"sentAt\":%4}]"_s
                .arg(m_account.eventId)
                .arg(m_account.userId)
                .arg(content)
                .arg(QDateTime::currentMSecsSinceEpoch()));
    }
    m_run->clientSentOne();
    if (m_seq >= m_run->messagesPerClient()) {
        m_timer.stop();
        m_run->clientFinishedSending(m_index);
    }
}

void ChatClient::close()
{
    m_timer.stop();
    if (m_state != State::Closed && m_state != State::Idle) {
        m_state = State::Closed;
        m_socket.close();
    }
}

// ---------------------------------------------------------------------------------------------

ChatRun::ChatRun(ChatConfig config, QList<Room> rooms, bool join)
    : m_config(std::move(config))
    , m_rooms(std::move(rooms))
    , m_join(join)
{
    m_clock.start();
    m_marker = "pb:" + m_config.runId.toLatin1() + ':';
    m_perClient = m_join ? qint64(m_config.durationS) * 1000 / std::max(1, m_config.intervalMs) : 0;
    int index = 0;
    for (int r = 0; r < m_rooms.size(); ++r) {
        m_perRoom = std::max(m_perRoom, int(m_rooms[r].members.size()));
        for (int s = 0; s < m_rooms[r].members.size(); ++s)
            m_clients.push_back(
                std::make_unique<ChatClient>(this, index++, r, s, m_rooms[r].members[s]));
    }
    if (m_join) {
        m_seen.resize(m_clients.size());
        for (auto &seen : m_seen)
            seen.assign(size_t(m_perRoom) * size_t(m_perClient), 0);
        m_latencyUs.reserve(size_t(m_clients.size()) * size_t(m_perClient) * size_t(m_perRoom));
    }
    m_drainTimer.setInterval(20);
    connect(&m_drainTimer, &QTimer::timeout, this, &ChatRun::checkDrained);
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        m_failures.append(
            u"connect phase timed out: %1 of %2 ready"_s.arg(m_ready).arg(m_clients.size()));
        finish();
    });
}

ChatRun::~ChatRun() = default;

void ChatRun::start()
{
    m_connectStartUs = nowUs();
    m_connectTimer.start(m_config.connectTimeoutMs);
    if (m_clients.empty()) {
        QTimer::singleShot(0, this, &ChatRun::finish);
        return;
    }
    openMore();
}

void ChatRun::openMore()
{
    while (m_inFlight < m_config.connectWindow && m_nextToOpen < int(m_clients.size())) {
        ++m_inFlight;
        m_clients[size_t(m_nextToOpen++)]->open();
    }
}

void ChatRun::clientReady(int)
{
    --m_inFlight;
    ++m_ready;
    if (m_ready + m_failed == int(m_clients.size())) {
        m_connectDoneUs = nowUs();
        m_connectTimer.stop();
        Q_EMIT allReady();
        if (m_join)
            QTimer::singleShot(m_config.settleMs, this, &ChatRun::startSending);
    } else {
        openMore();
    }
}

void ChatRun::clientFailed(int index, const QString &why)
{
    --m_inFlight;
    ++m_failed;
    if (m_failures.size() < 10)
        m_failures.append(u"client %1: %2"_s.arg(index).arg(why));
    if (m_ready + m_failed == int(m_clients.size())) {
        m_connectDoneUs = nowUs();
        m_connectTimer.stop();
        Q_EMIT allReady();
        if (m_join)
            QTimer::singleShot(m_config.settleMs, this, &ChatRun::startSending);
    } else {
        openMore();
    }
}

void ChatRun::clientDisconnected(int index, bool)
{
    ++m_disconnects;
    if (m_failures.size() < 10)
        m_failures.append(u"client %1 disconnected"_s.arg(index));
}

void ChatRun::errorFrame(const QString &code)
{
    ++m_errors[code];
}

void ChatRun::startSending()
{
    m_sending = true;
    m_sendStartUs = nowUs();
    // Room sizes as they are now (clients that failed to connect neither send nor receive).
    std::vector<int> roomSize(size_t(m_rooms.size()), 0);
    for (const auto &c : m_clients)
        if (c->isReady())
            ++roomSize[size_t(c->room())];
    auto *rng = QRandomGenerator::global();
    for (const auto &c : m_clients) {
        if (c->isReady())
            m_expected += m_perClient * roomSize[size_t(c->room())];
        // Spread the clients' first messages over one interval: a steady rate, not bursts.
        c->startSending(int(rng->bounded(std::max(1, m_config.intervalMs))));
    }
}

void ChatRun::clientSentOne()
{
    ++m_sent;
}

void ChatRun::clientFinishedSending(int)
{
    if (++m_doneSending == int(m_clients.size())) {
        m_sendEndUs = nowUs();
        m_drainTimer.start();
        QTimer::singleShot(m_config.drainMs, this, &ChatRun::finish);
    }
}

void ChatRun::checkDrained()
{
    if (m_deliveries + m_duplicates >= m_expected
        && (m_config.protocol != Protocol::Pudding || m_acks >= m_sent))
        finish();
}

void ChatRun::delivery(int receiver, QStringView text, bool isAck)
{
    const qint64 now = nowUs();
    const QString marker = QString::fromLatin1(m_marker);
    qsizetype pos = text.indexOf(marker);
    if (pos < 0) {
        ++m_foreign;
        return;
    }
    pos += marker.size();
    const qint64 sender = parseNumber(text, &pos);
    ++pos;
    const qint64 seq = parseNumber(text, &pos);
    ++pos;
    const qint64 sentUs = parseNumber(text, &pos);
    if (sender < 0 || seq < 0 || sentUs < 0 || sender >= qint64(m_clients.size())
        || seq >= m_perClient) {
        ++m_foreign;
        return;
    }
    if (isAck) {
        ++m_acks;
        m_ackLatencyUs.push_back(now - sentUs);
        return;
    }
    const ChatClient &from = *m_clients[size_t(sender)];
    const ChatClient &to = *m_clients[size_t(receiver)];
    if (from.room() != to.room()) {
        ++m_foreign;
        return;
    }
    quint8 &seen
        = m_seen[size_t(receiver)][size_t(from.slot()) * size_t(m_perClient) + size_t(seq)];
    if (seen) {
        ++m_duplicates;
        return;
    }
    seen = 1;
    ++m_deliveries;
    m_lastDeliveryUs = now;
    m_latencyUs.push_back(now - sentUs);
}

void ChatRun::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_drainTimer.stop();
    m_connectTimer.stop();
    if (!m_join) {
        Q_EMIT finished();
        return;
    }
    for (const auto &c : m_clients)
        c->close();
    Q_EMIT finished();
}

void ChatRun::closeAll()
{
    for (const auto &c : m_clients)
        c->close();
}

QJsonObject ChatRun::result() const
{
    const double sendSeconds = double(m_sendEndUs - m_sendStartUs) / 1e6;
    const double deliverSeconds
        = double(std::max(m_lastDeliveryUs, m_sendEndUs) - m_sendStartUs) / 1e6;
    QJsonObject errors;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        errors.insert(it.key(), it.value());
    const qint64 lost = std::max<qint64>(0, m_expected - m_deliveries);
    const qint64 clients = qint64(m_clients.size());
    const double target
        = m_config.intervalMs > 0 ? double(clients) * 1000.0 / m_config.intervalMs : 0;
    const auto round1 = [](double v) { return std::round(v * 10) / 10; };
    QJsonObject out {
        { u"protocol"_s, m_config.protocol == Protocol::Pudding ? u"pudding"_s : u"socketio"_s },
        { u"rooms"_s, qint64(m_rooms.size()) },
        { u"clientsPerRoom"_s, m_perRoom },
        { u"clients"_s, clients },
        { u"connected"_s, m_ready },
        { u"connectFailures"_s, m_failed },
        { u"connectSeconds"_s, std::round(double(m_connectDoneUs - m_connectStartUs) / 1e4) / 100 },
        { u"intervalMs"_s, m_config.intervalMs },
        { u"durationS"_s, m_config.durationS },
        { u"targetSentPerSecond"_s, round1(target) },
        { u"sent"_s, m_sent },
        { u"sendSeconds"_s, round1(sendSeconds * 100) / 100 },
        { u"sentPerSecond"_s, round1(sendSeconds > 0 ? double(m_sent) / sendSeconds : 0) },
        { u"expectedDeliveries"_s, m_expected },
        { u"deliveries"_s, m_deliveries },
        { u"deliveredPerSecond"_s,
            round1(deliverSeconds > 0 ? double(m_deliveries) / deliverSeconds : 0) },
        { u"lost"_s, lost },
        { u"duplicates"_s, m_duplicates },
        { u"foreign"_s, m_foreign },
        { u"latencyMs"_s, latencySummary(m_latencyUs) },
        { u"disconnects"_s, m_disconnects },
        { u"errors"_s, errors },
        { u"failures"_s, QJsonArray::fromStringList(m_failures) },
    };
    if (m_config.protocol == Protocol::Pudding) {
        out.insert(u"acks"_s, m_acks);
        out.insert(u"ackLatencyMs"_s, latencySummary(m_ackLatencyUs));
    }
    const bool complete = m_failed == 0 && m_sent == clients * m_perClient && lost == 0
        && m_duplicates == 0 && m_disconnects == 0 && m_errors.isEmpty()
        && (m_config.protocol != Protocol::Pudding || m_acks == m_sent);
    out.insert(u"complete"_s, complete);
    return out;
}

} // namespace Pudding::Bench
