// SPDX-License-Identifier: GPL-3.0-or-later
#include "dblogging.h"

Q_LOGGING_CATEGORY(lcDb, "pudding.db", QtInfoMsg)
