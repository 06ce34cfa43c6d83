// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "event.h"
#include "result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QStringView>
#include <optional>

/// The input rules, written once and used by the server (authoritative) and by the desktop app
/// (to show field errors before a round trip). Messages are translatable.
namespace Pudding::Validation {

// ---------------------------------------------------------------------------------------------
// The one rule for text. Every text field of the API goes through checkText().

/// What a text field may hold and how it is stored.
enum class TextKind {
    SingleLine, ///< no control characters at all; stored simplified (names, title, city, …)
    MultiLine, ///< line feed, carriage return and tab allowed; stored trimmed (descriptions, chat)
    Token, ///< no control characters; stored exactly as given (clientMsgId)
};

/// Characters as users and PostgreSQL's char_length() count them: Unicode code points (a
/// surrogate pair is one character). Every limit in Protocol::Limits is in these units, so it
/// holds alike for text of 1-, 2-, 3- and 4-byte UTF-8 characters.
[[nodiscard]] qsizetype characterCount(QStringView text);

/// The text as it is stored: simplified for SingleLine, trimmed for MultiLine, as is for Token.
[[nodiscard]] QString normalizedText(const QString &text, TextKind kind);

/// The first code unit or code point that the rule refuses in `text`: an unpaired surrogate
/// (the text is not valid Unicode), NUL or another control character (C0, DEL, C1; MultiLine
/// allows \n, \r and \t). Nothing when the text is acceptable.
[[nodiscard]] std::optional<char32_t> firstForbiddenCharacter(QStringView text, TextKind kind);

/// The one rule for a text field: valid Unicode, no forbidden characters (on the text as
/// received), and min..max characters (characterCount of normalizedText(), what is stored —
/// never truncated). Returns at most one error, for `field`. `lengthMessage` replaces the
/// generic message when the length is wrong; min 0 allows an empty value.
[[nodiscard]] FieldErrors checkText(const QString &field, const QString &text, TextKind kind,
    int min, int max, const QString &lengthMessage = {});

/// Decodes UTF-8 strictly: nothing for any invalid sequence (bad or truncated sequences,
/// overlong forms, encoded surrogates, code points above U+10FFFF) instead of U+FFFD.
[[nodiscard]] std::optional<QString> decodeUtf8Strict(QByteArrayView bytes);

/// Decodes a text part (e.g. of multipart/form-data) so that invalid UTF-8 cannot pass
/// unnoticed: valid sequences decode as usual, each byte of an invalid one becomes the unpaired
/// surrogate U+DC80…U+DCFF (Python's "surrogateescape"), which checkText() then refuses as
/// invalid Unicode with the field's name. Never replaces anything by U+FFFD.
[[nodiscard]] QString decodeTextPart(QByteArrayView bytes);

// ---------------------------------------------------------------------------------------------
// Field validators (each applies checkText to its fields)

[[nodiscard]] FieldErrors validateEmail(const QString &email);
[[nodiscard]] FieldErrors validatePassword(const QString &password);
[[nodiscard]] FieldErrors validateUserName(const QString &name);
[[nodiscard]] FieldErrors validateRegistration(
    const QString &email, const QString &password, const QString &name);

/// True when the password is among the 10,000 most common ones (case-insensitive).
[[nodiscard]] bool isCommonPassword(const QString &password);

enum class DraftMode { Create, Update };
/// Checks a complete draft (for an update: the draft merged onto the stored event).
/// On create the start must not lie in the past.
[[nodiscard]] FieldErrors validateEventDraft(
    const EventDraft &draft, DraftMode mode, const QDateTime &now);

/// The optional venue of an event ("Café Kranzler, 1st floor"): one line, at most
/// Limits::VenueMax characters; empty is allowed.
[[nodiscard]] FieldErrors validateVenue(const QString &venue);

/// The organizer's note on a join decision (field "note"): optional, several lines allowed,
/// at most Limits::DecisionNoteMax characters after trimming. Store normalizedText(note,
/// TextKind::MultiLine); an empty note means none.
[[nodiscard]] FieldErrors validateDecisionNote(const QString &note);

/// Normalises user text: trims, folds runs of whitespace in single-line fields.
[[nodiscard]] QString simplifiedLine(const QString &text);

} // namespace Pudding::Validation
