// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>

namespace Pudding::Server {

class DbSession;

/// Applies the numbered SQL files compiled in under :/pudding/migrations, in one transaction
/// under an advisory lock, so several instances starting against one database at once are
/// safe: the first applies, the others wait and then find nothing left to do.
class Migrator
{
public:
    /// The number of migrations applied now, or what failed (with the database's text).
    [[nodiscard]] static Result<int> apply(DbSession &session);
    /// The versions compiled into this binary, in order.
    [[nodiscard]] static QStringList availableMigrations();
};

} // namespace Pudding::Server
