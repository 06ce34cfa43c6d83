// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include <cmath>

namespace Pudding::Server {

RateLimiter::RateLimiter(int perMinute, int burst)
    : m_perMinute(perMinute)
    , m_burst(std::max(1, burst))
{
    m_clock.start();
}

bool RateLimiter::tryAcquire(const QHostAddress &address)
{
    if (m_perMinute <= 0)
        return true;
    QMutexLocker locker(&m_mutex);
    const qint64 now = m_clock.elapsed();
    if (m_buckets.size() > 100'000) {
        // Forget full buckets rather than grow without bound.
        m_buckets.removeIf([&](const auto &it) {
            return it.value().tokens + (now - it.value().lastMs) * m_perMinute / 60000.0 >= m_burst;
        });
    }
    auto it = m_buckets.find(address);
    if (it == m_buckets.end())
        it = m_buckets.insert(address, { double(m_burst), now });
    Bucket &b = it.value();
    b.tokens = std::min<double>(m_burst, b.tokens + (now - b.lastMs) * m_perMinute / 60000.0);
    b.lastMs = now;
    if (b.tokens < 1.0)
        return false;
    b.tokens -= 1.0;
    return true;
}

int RateLimiter::retryAfterSeconds() const
{
    return m_perMinute > 0 ? std::max(1, int(std::ceil(60.0 / m_perMinute))) : 0;
}

} // namespace Pudding::Server
