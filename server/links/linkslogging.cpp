// SPDX-License-Identifier: GPL-3.0-or-later
#include "linkslogging.h"

Q_LOGGING_CATEGORY(lcLinks, "pudding.links", QtInfoMsg)
