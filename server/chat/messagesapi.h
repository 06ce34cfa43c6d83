// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

namespace Pudding::Server {

class Database;
class ChatSender;

/// Chat history and sending over REST, for clients without a socket and for paging back:
///   GET  /api/messages/events/:id/messages?before=&after=&limit=
///   POST /api/messages/events/:id/messages {content, clientMsgId?, photoId?}
/// Same rules as the socket: members only, validation, rate limit, idempotent clientMsgId,
/// sent by the same ChatSender as the socket's (so the room sees a REST message live as well).
class MessagesApi
{
public:
    MessagesApi(Database &db, ChatSender &sender);
    /// Every /api/messages… route (chat/chatroutes.cpp).
    void registerRoutes(Router &router);

private:
    void history(Request &request, const Reply &reply);
    void send(Request &request, const Reply &reply);

    Database &m_db;
    ChatSender &m_sender;
};

} // namespace Pudding::Server
