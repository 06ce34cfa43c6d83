// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The database layer's logging category, "pudding.db". Never log query values.
Q_DECLARE_LOGGING_CATEGORY(lcDb)
