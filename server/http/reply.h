// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpresponse.h"

#include <QPointer>
#include <memory>

namespace Pudding::Server {

class Connection;
class HttpWorker;

/// The promise of exactly one response to one request. Copyable, cheap, and safe to use from
/// any thread and at any time: the response is handed to the connection's own thread, written
/// in request order (pipelining), and silently dropped if the client has gone meanwhile.
/// A Reply whose last copy dies unsent answers 500, so no request is ever left hanging.
class Reply
{
public:
    Reply(HttpWorker *worker, QPointer<Connection> connection, quint64 sequence, bool closeAfter,
        bool headOnly);

    void send(HttpResponse response) const;
    /// A public answer (see Router): "Cache-Control: no-cache" and "Vary: Authorization"
    /// instead of the default "no-store", unless the response sets Cache-Control itself.
    void setPublic(bool isPublic) const;
    [[nodiscard]] bool isSent() const;

private:
    struct State;
    std::shared_ptr<State> d;
};

} // namespace Pudding::Server
