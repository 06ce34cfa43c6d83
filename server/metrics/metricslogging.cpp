// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricslogging.h"

Q_LOGGING_CATEGORY(lcMetrics, "pudding.metrics", QtInfoMsg)
