// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Pudding::Server {

/// What a log line knows about the work it is written for: the request id and the signed-in
/// user, and for the access log the request's outcome. One per thread (thread-local): the HTTP
/// thread sets it while it dispatches a request, a database job carries the context it was
/// queued with (Database::run) and sets it while it runs, so a line logged anywhere on the way
/// names its request. The message handler (app/logformat.h) reads it.
struct LogContext
{
    LogContext() = default;
    explicit LogContext(QByteArray id, qint64 user = 0)
        : requestId(std::move(id))
        , userId(user)
    { }

    QByteArray requestId;
    qint64 userId = 0;
    // Set for the access log line only.
    QByteArrayView route;
    QByteArrayView method;
    int status = 0;
    double durationMs = -1;

    /// This thread's context (empty when no request is being worked on).
    [[nodiscard]] static const LogContext &current();
    /// Sets this thread's context until the next setCurrent(): for pool threads, where a job
    /// sets the context of the request it works for and QFuture continuations of that job,
    /// which run on the same thread right after it, must still see it. Every job sets its own
    /// (possibly empty) context first, so none inherits a stale one.
    static void setCurrent(LogContext context);
};

/// Sets this thread's log context for its lifetime, then restores the previous one.
class LogScope
{
public:
    explicit LogScope(const LogContext &context);
    ~LogScope();
    LogScope(const LogScope &) = delete;
    LogScope &operator=(const LogScope &) = delete;

private:
    LogContext m_previous;
};

namespace RequestId {
/// An X-Request-Id a client may choose: 1 to 128 characters of [A-Za-z0-9._-].
[[nodiscard]] bool isValid(QByteArrayView id);
/// A new id: 16 random bytes, base64url without padding (22 characters).
[[nodiscard]] QByteArray generate();
/// The client's id when valid, else a new one.
[[nodiscard]] QByteArray acceptOrGenerate(QByteArrayView fromClient);
} // namespace RequestId

} // namespace Pudding::Server
