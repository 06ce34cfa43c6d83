// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"

namespace Pudding::Server {

class Database;
class EventIndex;
class TicketKeys;

/// A guest's tickets (GET /api/tickets/mine) and one ticket for its holder or the event's
/// organizer (GET /api/tickets/:id; anyone else gets 404). A valid ticket's QR payload is
/// signed when it is served, with the instance's active key and the event's times as they are
/// now (validity: start − 12 h to end + 12 h). The event inside is exactly what
/// GET /api/events/:id shows this viewer (EventIndex::eventJson, the one place rule).
class TicketsApi
{
public:
    TicketsApi(Database &db, EventIndex &index, TicketKeys &keys);

    /// Every /api/tickets… route (tickets/ticketsroutes.cpp).
    void registerRoutes(Router &router);

private:
    void mine(Request &request, const Reply &reply);
    void one(Request &request, const Reply &reply);

    Database &m_db;
    EventIndex &m_index;
    TicketKeys &m_keys;
};

} // namespace Pudding::Server
