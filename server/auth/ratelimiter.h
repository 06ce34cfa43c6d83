// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QMutex>

namespace Pudding::Server {

/// Token buckets per client address, shared by all worker threads. Used where a request is
/// expensive on purpose (password hashing) to blunt guessing and abuse.
class RateLimiter
{
public:
    /// perMinute 0 disables the limit.
    RateLimiter(int perMinute, int burst);
    /// Takes one token for `address`; false when the bucket is empty.
    [[nodiscard]] bool tryAcquire(const QHostAddress &address);
    /// Seconds until the next token, for Retry-After.
    [[nodiscard]] int retryAfterSeconds() const;

private:
    struct Bucket
    {
        double tokens;
        qint64 lastMs;
    };
    const int m_perMinute;
    const int m_burst;
    QMutex m_mutex;
    QHash<QHostAddress, Bucket> m_buckets;
    QElapsedTimer m_clock;
};

} // namespace Pudding::Server
