// SPDX-License-Identifier: GPL-3.0-or-later
#include "logcontext.h"

#include <QRandomGenerator>

#include <array>
#include <random>

namespace Pudding::Server {

namespace {
thread_local LogContext t_context;
} // namespace

const LogContext &LogContext::current()
{
    return t_context;
}

void LogContext::setCurrent(LogContext context)
{
    t_context = std::move(context);
}

LogScope::LogScope(const LogContext &context)
    : m_previous(std::exchange(t_context, context))
{ }

LogScope::~LogScope()
{
    t_context = std::move(m_previous);
}

bool RequestId::isValid(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (const char c : id) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '.' || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

QByteArray RequestId::generate()
{
    // One generator per thread, seeded from the system's: no lock per request. A request id
    // is a label for finding log lines, not a secret; it only needs to be unique.
    thread_local std::mt19937_64 engine = [] {
        std::seed_seq seed { QRandomGenerator::system()->generate(),
            QRandomGenerator::system()->generate(), QRandomGenerator::system()->generate(),
            QRandomGenerator::system()->generate() };
        return std::mt19937_64(seed);
    }();
    std::array<quint64, 2> words { engine(), engine() };
    return QByteArray(reinterpret_cast<const char *>(words.data()), sizeof words)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray RequestId::acceptOrGenerate(QByteArrayView fromClient)
{
    return isValid(fromClient) ? fromClient.toByteArray() : generate();
}

} // namespace Pudding::Server
