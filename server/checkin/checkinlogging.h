// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Check-in at the door and door tokens, "pudding.checkin". Never log tokens or QR payloads.
Q_DECLARE_LOGGING_CATEGORY(lcCheckin)
