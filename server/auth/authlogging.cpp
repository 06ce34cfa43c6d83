// SPDX-License-Identifier: GPL-3.0-or-later
#include "authlogging.h"

Q_LOGGING_CATEGORY(lcAuth, "pudding.auth", QtInfoMsg)
