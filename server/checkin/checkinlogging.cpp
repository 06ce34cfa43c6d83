// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkinlogging.h"

Q_LOGGING_CATEGORY(lcCheckin, "pudding.checkin", QtInfoMsg)
