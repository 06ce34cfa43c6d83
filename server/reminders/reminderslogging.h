// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The reminders' logging category, "pudding.reminders".
Q_DECLARE_LOGGING_CATEGORY(lcReminders)
