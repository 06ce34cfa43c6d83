// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Start-up, wiring and shutdown, "pudding.server".
Q_DECLARE_LOGGING_CATEGORY(lcServer)
