// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketslogging.h"

Q_LOGGING_CATEGORY(lcTickets, "pudding.tickets", QtInfoMsg)
