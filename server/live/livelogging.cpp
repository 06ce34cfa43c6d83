// SPDX-License-Identifier: GPL-3.0-or-later
#include "livelogging.h"

Q_LOGGING_CATEGORY(lcLive, "pudding.live", QtInfoMsg)
