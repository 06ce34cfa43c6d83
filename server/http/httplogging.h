// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The HTTP layer's logging category, "pudding.http". Never log tokens, passwords or bodies.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
// One info line per answered request, "pudding.http.access": method, route pattern (never the
// query string), status, duration, request id, user id. Turn it off with
// QT_LOGGING_RULES="pudding.http.access.info=false".
Q_DECLARE_LOGGING_CATEGORY(lcHttpAccess)
