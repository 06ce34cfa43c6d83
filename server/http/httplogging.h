// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The HTTP layer's logging category, "pudding.http". Never log tokens, passwords or bodies.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
