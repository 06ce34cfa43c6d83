// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventslogging.h"

Q_LOGGING_CATEGORY(lcEvents, "pudding.events", QtInfoMsg)
