// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "event.h"
#include "result.h"

#include <QDateTime>

/// The input rules, written once and used by the server (authoritative) and by the desktop app
/// (to show field errors before a round trip). Messages are translatable.
namespace Pudding::Validation {

[[nodiscard]] FieldErrors validateEmail(const QString &email);
[[nodiscard]] FieldErrors validatePassword(const QString &password);
[[nodiscard]] FieldErrors validateUserName(const QString &name);
[[nodiscard]] FieldErrors validateRegistration(const QString &email, const QString &password,
                                               const QString &name);

/// True when the password is among the 10,000 most common ones (case-insensitive).
[[nodiscard]] bool isCommonPassword(const QString &password);

enum class DraftMode { Create, Update };
/// Checks a complete draft (for an update: the draft merged onto the stored event).
/// On create the start must not lie in the past.
[[nodiscard]] FieldErrors validateEventDraft(const EventDraft &draft, DraftMode mode,
                                             const QDateTime &now);

/// Normalises user text: trims, folds runs of whitespace in single-line fields.
[[nodiscard]] QString simplifiedLine(const QString &text);

} // namespace Pudding::Validation
