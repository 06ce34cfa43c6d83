// SPDX-License-Identifier: GPL-3.0-or-later
#include "photoslogging.h"

Q_LOGGING_CATEGORY(lcPhotos, "pudding.photos", QtInfoMsg)
