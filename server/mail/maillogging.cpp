// SPDX-License-Identifier: GPL-3.0-or-later
#include "maillogging.h"

Q_LOGGING_CATEGORY(lcMail, "pudding.mail", QtInfoMsg)
