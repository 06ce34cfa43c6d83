// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The chat's logging category, "pudding.chat". Never log message contents.
Q_DECLARE_LOGGING_CATEGORY(lcChat)
