// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatsender.h"

#include "shared/protocol.h"

#include <QCoreApplication>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class SendText
{
    Q_DECLARE_TR_FUNCTIONS(Chat)
};
} // namespace

ChatSender::ChatSender(ChatWriter &writer, double messagesPerSecond, int burst)
    : m_writer(writer)
    , m_messagesPerSecond(messagesPerSecond)
    , m_burst(burst)
{
    m_clock.start();
}

Result<void> ChatSender::send(Message message, ChatWriter::Callback done)
{
    if (const FieldErrors errors = Chat::validateMessage(message.content, message.clientMsgId);
        !errors.isEmpty())
        return Error { QString(Protocol::ErrorCode::ValidationFailed), errors.first().message,
            errors };
    if (!tryTakeToken(message.user.id))
        return Error { QString(Protocol::ErrorCode::RateLimited),
            SendText::tr("You are sending too fast. Please wait a moment."), {} };
    if (message.clientMsgId.isEmpty())
        message.clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ChatWriter::Item item;
    item.eventId = message.eventId;
    item.user = std::move(message.user);
    item.content = std::move(message.content);
    item.clientMsgId = std::move(message.clientMsgId);
    item.photoId = message.photoId;
    item.done = std::move(done);
    m_writer.enqueue(std::move(item));
    return {};
}

bool ChatSender::tryTakeToken(qint64 userId)
{
    if (m_messagesPerSecond <= 0)
        return true;
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.elapsed();
    auto it = m_buckets.find(userId);
    if (it == m_buckets.end())
        it = m_buckets.insert(userId, { double(m_burst), now });
    it->tokens = std::min<double>(
        m_burst, it->tokens + double(now - it->lastMs) / 1000.0 * m_messagesPerSecond);
    it->lastMs = now;
    if (it->tokens < 1.0)
        return false;
    it->tokens -= 1.0;
    if (m_buckets.size() > 100'000) {
        // Forget full buckets of users who stopped writing (bounded memory).
        for (auto b = m_buckets.begin(); b != m_buckets.end();) {
            if (now - b->lastMs > 60'000)
                b = m_buckets.erase(b);
            else
                ++b;
        }
    }
    return true;
}

} // namespace Pudding::Server
