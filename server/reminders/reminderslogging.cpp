// SPDX-License-Identifier: GPL-3.0-or-later
#include "reminderslogging.h"

Q_LOGGING_CATEGORY(lcReminders, "pudding.reminders", QtInfoMsg)
