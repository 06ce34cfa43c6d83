// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The calendar resource's logging category, "pudding.calendar".
Q_DECLARE_LOGGING_CATEGORY(lcCalendar)
