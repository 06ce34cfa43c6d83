// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

/// What the server tests check and set directly in the database: one value of a query, a
/// statement, and the queue's test clock (pudding_now(), migration 0006) — moved instead of
/// sleeping, with every instance's job worker woken (NOTIFY pudding_jobs).
namespace Pudding::Test::Db {

/// The first column of the first row; -1 (and a warning with the database's text) on failure.
[[nodiscard]] qint64 scalar(
    const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
/// Runs the statement; false (and a warning) on failure.
[[nodiscard]] bool exec(
    const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
/// pudding_now() becomes `instant` and the job workers wake up.
[[nodiscard]] bool moveClockTo(const QSqlDatabase &db, const QDateTime &instant);
/// The clock back to the real time (offset 0).
[[nodiscard]] bool resetClock(const QSqlDatabase &db);

} // namespace Pudding::Test::Db
