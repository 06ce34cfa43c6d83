// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendancelogging.h"

Q_LOGGING_CATEGORY(lcAttendance, "pudding.attendance", QtInfoMsg)
