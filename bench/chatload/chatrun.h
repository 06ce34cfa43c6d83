// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fixtures.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <memory>
#include <vector>

namespace Pudding::Bench {

/// How the tool talks to a chat server.
enum class Protocol {
    Pudding, ///< our /ws: JSON frames, bearer token on the upgrade, join_event → joined
    SocketIo, ///< socket.io v4 over its raw WebSocket transport (Engine.IO v4 framing)
};

struct ChatConfig
{
    Protocol protocol = Protocol::Pudding;
    QUrl url; ///< http://host:port of the server
    int intervalMs = 100; ///< one message per client every intervalMs
    int durationS = 10; ///< sending lasts this long
    int drainMs = 5000; ///< longest wait for late deliveries after the last send
    int settleMs = 1000; ///< pause between "everyone joined" and the first message
    int connectWindow = 100; ///< handshakes in flight at once
    int connectTimeoutMs = 120000;
    bool authFrame = false; ///< pudding: authenticate with a first frame instead of the header
    QString runId;
};

class ChatRun;

/// One WebSocket client of a run. Its state machine: connect → (auth) → join → ready.
class ChatClient : public QObject
{
    Q_OBJECT
public:
    ChatClient(ChatRun *run, int index, int room, int slot, Account account);

    void open();
    void startSending(int firstDelayMs);
    void close();
    [[nodiscard]] bool isReady() const { return m_state == State::Ready; }
    [[nodiscard]] int room() const { return m_room; }
    [[nodiscard]] int slot() const { return m_slot; }
    [[nodiscard]] int sent() const { return m_seq; }

private:
    enum class State { Idle, Connecting, Authenticating, Joining, Ready, Closed };

    void onConnected();
    void onText(const QString &text);
    void onDisconnected();
    void sendNext();
    void becomeReady();

    ChatRun *m_run;
    int m_index;
    int m_room;
    int m_slot;
    Account m_account;
    QWebSocket m_socket;
    QTimer m_timer;
    State m_state = State::Idle;
    int m_seq = 0;
};

/// R rooms × P clients chatting (or, with join = false, N authenticated idle connections).
/// Collects deliveries per receiver so that losses and duplicates are exact, and the delivery
/// latency of every message (its send time travels in its content).
class ChatRun : public QObject
{
    Q_OBJECT
public:
    ChatRun(ChatConfig config, QList<Room> rooms, bool join);
    ~ChatRun() override;

    /// Connects everyone; for a chat run then sends, drains and emits finished().
    void start();
    /// Idle runs: close every connection.
    void closeAll();

    [[nodiscard]] const ChatConfig &config() const { return m_config; }
    [[nodiscard]] bool joins() const { return m_join; }
    [[nodiscard]] qint64 nowUs() const { return m_clock.nsecsElapsed() / 1000; }
    [[nodiscard]] qint64 messagesPerClient() const { return m_perClient; }

    // Called by the clients.
    void clientReady(int index);
    void clientFailed(int index, const QString &why);
    void clientDisconnected(int index, bool wasReady);
    void clientSentOne();
    void clientFinishedSending(int index);
    void delivery(int receiver, QStringView text, bool isAck);
    void errorFrame(const QString &code);

    [[nodiscard]] QJsonObject result() const;

Q_SIGNALS:
    /// Everyone connected (and joined): idle runs report here and keep the connections.
    void allReady();
    void finished();

private:
    void openMore();
    void startSending();
    void checkDrained();
    void finish();

    ChatConfig m_config;
    QList<Room> m_rooms;
    bool m_join;
    int m_perRoom = 0;
    qint64 m_perClient = 0;
    std::vector<std::unique_ptr<ChatClient>> m_clients;
    QElapsedTimer m_clock;
    QTimer m_drainTimer;
    QTimer m_connectTimer;
    QByteArray m_marker;

    int m_nextToOpen = 0;
    int m_inFlight = 0;
    int m_ready = 0;
    int m_failed = 0;
    int m_disconnects = 0;
    int m_doneSending = 0;
    bool m_sending = false;
    bool m_finished = false;
    qint64 m_connectStartUs = 0;
    qint64 m_connectDoneUs = 0;
    qint64 m_sendStartUs = 0;
    qint64 m_sendEndUs = 0;
    qint64 m_lastDeliveryUs = 0;
    qint64 m_sent = 0;
    qint64 m_expected = 0;
    qint64 m_deliveries = 0;
    qint64 m_duplicates = 0;
    qint64 m_foreign = 0;
    qint64 m_acks = 0;
    std::vector<qint64> m_latencyUs;
    std::vector<qint64> m_ackLatencyUs;
    /// Per receiver: how often it got (sender slot, seq), indexed slot * perClient + seq.
    std::vector<std::vector<quint8>> m_seen;
    QMap<QString, int> m_errors;
    QStringList m_failures;
};

/// Percentiles etc. of microsecond samples, in milliseconds.
[[nodiscard]] QJsonObject latencySummary(std::vector<qint64> samplesUs);

} // namespace Pudding::Bench
