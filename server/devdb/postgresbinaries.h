// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>

namespace Pudding::Server {

/// Where the PostgreSQL programs are: $PUDDING_PG_BINDIR if set; else
/// /usr/lib/postgresql/15/bin, then the highest installed major version; else PATH.
struct PostgresBinaries
{
    QString binDir;
    QString initdb;
    QString pgCtl;
    QString postgres;
    QString psql; ///< next to the others or in PATH; empty when there is none

    /// Finds initdb, pg_ctl and postgres (psql is optional); the error says where it looked.
    [[nodiscard]] static Result<PostgresBinaries> find();
};

} // namespace Pudding::Server
