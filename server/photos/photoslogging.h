// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The photo pipeline's logging category, "pudding.photos". Never log photo bytes.
Q_DECLARE_LOGGING_CATEGORY(lcPhotos)
