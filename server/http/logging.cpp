// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcHttp, "pudding.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "pudding.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "pudding.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEvents, "pudding.events", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "pudding.server", QtInfoMsg)
