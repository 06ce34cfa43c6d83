// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"
#include "meetups/eventindex.h"

namespace Pudding::Server {

class Database;
class DbSession;

/// The events resource: search (from the in-memory EventIndex, no database round trip),
/// details, create, edit and cancel (in PostgreSQL, then the index).
class EventsApi
{
public:
    EventsApi(Database &db, EventIndex &index);

    /// Every /api/events… route (events/eventsroutes.cpp).
    void registerRoutes(Router &router);

    /// Who is asking: a signed-in user or nobody.
    [[nodiscard]] static Viewer viewerOf(const Request &request);

private:
    /// The result of a write in the database, with what the index needs afterwards.
    struct WriteOutcome;
    void finishWrite(const WriteOutcome &outcome, const Reply &reply);
    /// Reads the search parameters; on bad input answers 400 itself and returns nothing.
    std::optional<EventQuery> parseQuery(const Request &request, const Reply &reply);
    void search(Request &request, const Reply &reply);
    void points(Request &request, const Reply &reply);
    void details(Request &request, const Reply &reply);
    void create(Request &request, const Reply &reply);
    void update(Request &request, const Reply &reply);
    void cancel(Request &request, const Reply &reply);

    Database &m_db;
    EventIndex &m_index;
};

} // namespace Pudding::Server
