// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationslogging.h"

Q_LOGGING_CATEGORY(lcNotifications, "pudding.notifications", QtInfoMsg)
