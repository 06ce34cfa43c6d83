// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The live layer's logging category, "pudding.live". Never log tokens or message contents.
Q_DECLARE_LOGGING_CATEGORY(lcLive)
