// SPDX-License-Identifier: GPL-3.0-or-later
#include "httplogging.h"

Q_LOGGING_CATEGORY(lcHttp, "pudding.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttpAccess, "pudding.http.access", QtInfoMsg)
