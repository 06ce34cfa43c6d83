// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobslogging.h"

Q_LOGGING_CATEGORY(lcJobs, "pudding.jobs", QtInfoMsg)
