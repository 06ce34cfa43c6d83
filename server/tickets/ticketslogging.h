// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Tickets and their signing keys, "pudding.tickets". Never log a private key or a QR payload.
Q_DECLARE_LOGGING_CATEGORY(lcTickets)
