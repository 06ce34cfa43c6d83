// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/places.h"
#include "shared/result.h"

#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace Pudding::Server {

class DbSession;

/// Demo data for a first start: a few hundred pudding meetups in real German cities, an
/// organizer and attendees to sign in as. Deterministic, so screenshots and tests are stable.
class DemoSeeder
{
public:
    static constexpr auto DemoPassword = "pudding-demo-2026";
    static constexpr auto OrganizerEmail = "organizer@demo.pudding-gabel.de";
    static constexpr auto AttendeeEmail = "anna@demo.pudding-gabel.de";
    /// First on the waitlist of Olga's full meetup: gets the offer when Anna leaves.
    static constexpr auto WaitlistEmail = "ben@demo.pudding-gabel.de";

    /// Seeds only when the database has no users. Returns the number of events created
    /// (0 when there was data already), or what failed.
    /// With a photo directory, the demo organizer's first meetup also gets a few pending
    /// requests with (generated) pudding photos, so the review queue has something to show.
    [[nodiscard]] static Result<int> seedIfEmpty(
        DbSession &session, int eventCount = 300, const QString &photoDir = {});

private:
    static bool seedRequestsWithPhotos(DbSession &session, const QString &photoDir,
        const QList<qint64> &userIds, const QStringList &puddings, QRandomGenerator &rng);
    static bool seedChat(DbSession &session, const QList<qint64> &userIds, const QStringList &lines,
        const QStringList &puddings);
    static bool seedWaitlistAndReminder(
        DbSession &session, const QList<qint64> &userIds, const QStringList &puddings);
};

} // namespace Pudding::Server
