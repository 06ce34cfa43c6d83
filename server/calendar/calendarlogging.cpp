// SPDX-License-Identifier: GPL-3.0-or-later
#include "calendarlogging.h"

Q_LOGGING_CATEGORY(lcCalendar, "pudding.calendar", QtInfoMsg)
