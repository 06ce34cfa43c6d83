// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The events resource's logging category, "pudding.events".
Q_DECLARE_LOGGING_CATEGORY(lcEvents)
