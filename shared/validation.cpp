// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation.h"

#include "geo.h"
#include "germany.h"
#include "protocol.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Pudding::Validation {

namespace {
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Validation)
};

namespace L = Protocol::Limits;

bool isForbiddenControl(char32_t c, TextKind kind)
{
    const bool control = c < 0x20 || (c >= 0x7f && c <= 0x9f); // C0, DEL, C1
    if (!control)
        return false;
    return !(kind == TextKind::MultiLine && (c == U'\n' || c == U'\r' || c == U'\t'));
}

const QSet<QString> &commonPasswords()
{
    static const QSet<QString> set = [] {
        QSet<QString> s;
        QFile file(u":/pudding/data/common-passwords.txt"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("common-passwords.txt is missing from the resources");
            return s;
        }
        s.reserve(10000);
        while (!file.atEnd()) {
            const auto line = QString::fromUtf8(file.readLine()).trimmed();
            if (!line.isEmpty())
                s.insert(line.toLower());
        }
        return s;
    }();
    return set;
}
} // namespace

QString simplifiedLine(const QString &text)
{
    return text.simplified();
}

bool isCommonPassword(const QString &password)
{
    return commonPasswords().contains(password.toLower());
}

qsizetype characterCount(QStringView text)
{
    qsizetype count = 0;
    for (const QChar c : text)
        count += c.isLowSurrogate() ? 0 : 1; // a pair counts once; a lone low one is refused
    return count;
}

QString normalizedText(const QString &text, TextKind kind)
{
    switch (kind) {
    case TextKind::SingleLine:
        return text.simplified();
    case TextKind::MultiLine:
        return text.trimmed();
    case TextKind::Token:
        break;
    }
    return text;
}

std::optional<char32_t> firstForbiddenCharacter(QStringView text, TextKind kind)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate()) {
            if (i + 1 < n && text[i + 1].isLowSurrogate()) {
                ++i; // a pair: a code point above U+FFFF, never a control character
                continue;
            }
            return c.unicode();
        }
        if (c.isLowSurrogate() || isForbiddenControl(c.unicode(), kind))
            return c.unicode();
    }
    return std::nullopt;
}

FieldErrors checkText(const QString &field, const QString &text, TextKind kind, int min, int max,
    const QString &lengthMessage)
{
    if (const auto bad = firstForbiddenCharacter(text, kind)) {
        if (QChar::isSurrogate(*bad))
            return { { field,
                Text::tr("This text is not valid Unicode (it holds an unpaired "
                         "surrogate or invalid UTF-8).") } };
        return { { field,
            Text::tr("Control characters such as U+%1 are not allowed here.")
                .arg(QString::number(uint(*bad), 16).toUpper().rightJustified(4, u'0')) } };
    }
    const qsizetype count = characterCount(normalizedText(text, kind));
    if (count < min || count > max) {
        if (!lengthMessage.isEmpty())
            return { { field, lengthMessage } };
        if (count == 0)
            return { { field, Text::tr("This field is required.") } };
        if (count < min)
            return { { field, Text::tr("Use at least %1 characters.").arg(min) } };
        return { { field, Text::tr("Use at most %1 characters.").arg(max) } };
    }
    return {};
}

namespace {
// One code point from UTF-8 at bytes[i]: its value and length, or length 0 when the bytes there
// are not a valid, shortest-form sequence of a Unicode scalar value.
std::pair<char32_t, int> decodeOne(QByteArrayView bytes, qsizetype i)
{
    const auto byte = [&](qsizetype k) { return uchar(bytes[k]); };
    const uchar b0 = byte(i);
    if (b0 < 0x80)
        return { b0, 1 };
    int length;
    char32_t value;
    char32_t least;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        length = 2, value = b0 & 0x1f, least = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        length = 3, value = b0 & 0x0f, least = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        length = 4, value = b0 & 0x07, least = 0x10000;
    } else {
        return { 0, 0 }; // a continuation byte, C0/C1 (overlong) or F5..FF
    }
    if (i + length > bytes.size())
        return { 0, 0 };
    for (int k = 1; k < length; ++k) {
        const uchar b = byte(i + k);
        if ((b & 0xc0) != 0x80)
            return { 0, 0 };
        value = (value << 6) | (b & 0x3f);
    }
    if (value < least || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
        return { 0, 0 };
    return { value, length };
}
} // namespace

QString decodeTextPart(QByteArrayView bytes)
{
    QString text;
    text.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size();) {
        const auto [value, length] = decodeOne(bytes, i);
        if (length == 0) {
            text.append(QChar(char16_t(0xdc00 + uchar(bytes[i])))); // surrogateescape
            ++i;
            continue;
        }
        if (value > 0xffff) {
            text.append(QChar(QChar::highSurrogate(value)));
            text.append(QChar(QChar::lowSurrogate(value)));
        } else {
            text.append(QChar(char16_t(value)));
        }
        i += length;
    }
    return text;
}

std::optional<QString> decodeUtf8Strict(QByteArrayView bytes)
{
    QString text = decodeTextPart(bytes);
    // Valid UTF-8 never decodes to a lone surrogate: one here is an escaped invalid byte.
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate()) {
            ++i;
        } else if (text[i].isLowSurrogate()) {
            return std::nullopt;
        }
    }
    return text;
}

FieldErrors validateEmail(const QString &email)
{
    // Deliberately simple: one @, something before it, a dotted domain after it, no spaces.
    // The real check is that mail arrives; this only catches typos.
    static const QRegularExpression shape(u"^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$"_s);
    if (email.isEmpty())
        return { { u"email"_s, Text::tr("Please enter your email address.") } };
    if (auto errors = checkText(u"email"_s, email, TextKind::Token, 1, L::EmailMax,
            Text::tr("This is not a valid email address."));
        !errors.isEmpty())
        return errors;
    if (!shape.match(email).hasMatch())
        return { { u"email"_s, Text::tr("This is not a valid email address.") } };
    return {};
}

FieldErrors validatePassword(const QString &password)
{
    // Valid Unicode, or two different passwords would hash alike (an unpaired surrogate
    // becomes "?" in UTF-8); line breaks and tabs pass, other control characters do not.
    if (auto errors = checkText(u"password"_s, password, TextKind::MultiLine, 0, L::PasswordMax);
        !errors.isEmpty() && firstForbiddenCharacter(password, TextKind::MultiLine))
        return errors;
    const auto length = characterCount(password);
    if (length < L::PasswordMin)
        return { { u"password"_s, Text::tr("Use at least %1 characters.").arg(L::PasswordMin) } };
    if (length > L::PasswordMax)
        return { { u"password"_s, Text::tr("Use at most %1 characters.").arg(L::PasswordMax) } };
    if (isCommonPassword(password))
        return { { u"password"_s,
            Text::tr("This password is one of the most common ones; please choose "
                     "another.") } };
    return {};
}

FieldErrors validateUserName(const QString &name)
{
    if (characterCount(normalizedText(name, TextKind::SingleLine)) < L::NameMin
        && !firstForbiddenCharacter(name, TextKind::SingleLine))
        return { { u"name"_s, Text::tr("Please enter your name.") } };
    return checkText(u"name"_s, name, TextKind::SingleLine, L::NameMin, L::NameMax);
}

FieldErrors validateRegistration(const QString &email, const QString &password, const QString &name)
{
    return validateEmail(email) + validatePassword(password) + validateUserName(name);
}

FieldErrors validateEventDraft(const EventDraft &draft, DraftMode mode, const QDateTime &now)
{
    FieldErrors errors;
    auto required = [&](bool present, const QString &field) {
        if (!present)
            errors.append({ field, Text::tr("This field is required.") });
        return present;
    };

    if (required(draft.title.has_value(), u"title"_s))
        errors
            += checkText(u"title"_s, *draft.title, TextKind::SingleLine, L::TitleMin, L::TitleMax,
                Text::tr("The title needs %1 to %2 characters.").arg(L::TitleMin).arg(L::TitleMax));
    if (draft.description)
        errors += checkText(
            u"description"_s, *draft.description, TextKind::MultiLine, 0, L::DescriptionMax);
    if (required(draft.location.has_value(), u"location"_s)) {
        const auto p = *draft.location;
        if (!std::isfinite(p.lat) || !std::isfinite(p.lng) || !Germany::isInGermany(p))
            errors.append({ u"location"_s, Text::tr("The meetup must take place in Germany.") });
    }
    if (required(draft.city.has_value(), u"city"_s))
        errors += checkText(u"city"_s, *draft.city, TextKind::SingleLine, 1, L::CityMax,
            Text::tr("The city needs 1 to %1 characters.").arg(L::CityMax));
    if (draft.state)
        errors += checkText(u"state"_s, *draft.state, TextKind::SingleLine, 0, L::StateMax);
    if (draft.venue)
        errors += validateVenue(*draft.venue);

    const bool hasStart = required(draft.startTime.has_value(), u"startTime"_s);
    const bool hasEnd = required(draft.endTime.has_value(), u"endTime"_s);
    if (hasStart && mode == DraftMode::Create && *draft.startTime < now)
        errors.append({ u"startTime"_s, Text::tr("The meetup cannot start in the past.") });
    if (hasStart && hasEnd) {
        if (*draft.endTime <= *draft.startTime)
            errors.append({ u"endTime"_s, Text::tr("The end must be after the start.") });
        else if (draft.startTime->secsTo(*draft.endTime) > L::EventMaxDurationSecs)
            errors.append({ u"endTime"_s, Text::tr("A meetup lasts at most 14 days.") });
    }
    if (required(draft.attendeeLimit.has_value(), u"attendeeLimit"_s)
        && (*draft.attendeeLimit < L::AttendeeLimitMin
            || *draft.attendeeLimit > L::AttendeeLimitMax))
        errors.append({ u"attendeeLimit"_s,
            Text::tr("Allow between %1 and %2 attendees.")
                .arg(L::AttendeeLimitMin)
                .arg(L::AttendeeLimitMax) });
    if (draft.offerWindowMinutes && *draft.offerWindowMinutes
        && (**draft.offerWindowMinutes < L::OfferWindowMin
            || **draft.offerWindowMinutes > L::OfferWindowMax))
        errors.append({ u"offerWindowMinutes"_s,
            Text::tr("Hold a place for between %1 minutes and 7 days, or leave it automatic.")
                .arg(L::OfferWindowMin) });
    return errors;
}

FieldErrors validateVenue(const QString &venue)
{
    return checkText(u"venue"_s, venue, TextKind::SingleLine, 0, L::VenueMax);
}

FieldErrors validateDecisionNote(const QString &note)
{
    return checkText(u"note"_s, note, TextKind::MultiLine, 0, L::DecisionNoteMax);
}

} // namespace Pudding::Validation
