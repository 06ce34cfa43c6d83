// SPDX-License-Identifier: GPL-3.0-or-later
#include "devdblogging.h"

Q_LOGGING_CATEGORY(lcEmbeddedPg, "pudding.db.embedded")
