// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The private PostgreSQL's logging category, "pudding.db.embedded".
Q_DECLARE_LOGGING_CATEGORY(lcEmbeddedPg)
