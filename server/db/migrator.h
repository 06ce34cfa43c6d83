// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Pudding::Server {

class DbSession;

/// Applies the numbered SQL files compiled in under :/pudding/migrations, in one transaction
/// under an advisory lock, so several instances starting against one database at once are
/// safe: the first applies, the others wait and then find nothing left to do.
class Migrator
{
public:
    /// Returns the number of migrations applied, or -1 (with *error set) on failure.
    static int apply(DbSession &session, QString *error);
    /// The versions compiled into this binary, in order.
    [[nodiscard]] static QStringList availableMigrations();
};

} // namespace Pudding::Server
