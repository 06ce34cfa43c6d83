// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Accounts and sessions, "pudding.auth". Never log tokens or passwords.
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
