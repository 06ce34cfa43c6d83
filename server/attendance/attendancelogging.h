// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Joining, review and the waitlist, "pudding.attendance". Never log photo bytes.
Q_DECLARE_LOGGING_CATEGORY(lcAttendance)
