// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventindex.h"
#include "http/router.h"

namespace Pudding::Server {

class Database;
class DbSession;

/// The events resource: search (from the in-memory EventIndex, no database round trip),
/// details, create, edit and cancel (in PostgreSQL, then the index).
class EventsApi
{
public:
    EventsApi(Database &db, EventIndex &index);

    void registerRoutes(Router &router);

    /// Loads every event into the index (at start-up). Returns the count or -1.
    static qint64 loadAll(DbSession &session, EventIndex &index, QString *error);
    /// Reloads one event (after a change, or a notification from another instance); nothing
    /// when there is no such event or (with `failed` set) the query failed.
    [[nodiscard]] static std::optional<EventRecord> loadOne(
        DbSession &session, qint64 id, bool *failed = nullptr);
    /// Announces a changed event to every instance's index (sent at COMMIT).
    [[nodiscard]] static bool announceChange(DbSession &session, qint64 id);
    /// Who is asking: a signed-in user or nobody.
    [[nodiscard]] static Viewer viewerOf(const Request &request);
    /// Channel on which every instance announces changed event ids.
    static constexpr auto NotifyChannel = "pudding_events";

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
