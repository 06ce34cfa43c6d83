// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Metrics and the process collector, "pudding.metrics".
Q_DECLARE_LOGGING_CATEGORY(lcMetrics)
