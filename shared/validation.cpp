// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation.h"

#include "geo.h"
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

bool hasControlCharacters(const QString &text, bool allowNewlines)
{
    for (const QChar c : text) {
        if (allowNewlines && (c == u'\n' || c == u'\r' || c == u'\t'))
            continue;
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
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

FieldErrors validateEmail(const QString &email)
{
    // Deliberately simple: one @, something before it, a dotted domain after it, no spaces.
    // The real check is that mail arrives; this only catches typos.
    static const QRegularExpression shape(u"^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$"_s);
    if (email.isEmpty())
        return { { u"email"_s, Text::tr("Please enter your email address.") } };
    if (email.size() > L::EmailMax || !shape.match(email).hasMatch())
        return { { u"email"_s, Text::tr("This is not a valid email address.") } };
    return {};
}

FieldErrors validatePassword(const QString &password)
{
    const auto length = password.toUcs4().size();
    if (length < L::PasswordMin)
        return { { u"password"_s,
                   Text::tr("Use at least %1 characters.").arg(L::PasswordMin) } };
    if (length > L::PasswordMax)
        return { { u"password"_s,
                   Text::tr("Use at most %1 characters.").arg(L::PasswordMax) } };
    if (isCommonPassword(password))
        return { { u"password"_s,
                   Text::tr("This password is one of the most common ones; please choose "
                            "another.") } };
    return {};
}

FieldErrors validateUserName(const QString &name)
{
    const auto trimmed = simplifiedLine(name);
    if (trimmed.size() < L::NameMin)
        return { { u"name"_s, Text::tr("Please enter your name.") } };
    if (trimmed.size() > L::NameMax)
        return { { u"name"_s, Text::tr("Use at most %1 characters.").arg(L::NameMax) } };
    if (hasControlCharacters(name, false))
        return { { u"name"_s, Text::tr("The name contains characters that are not allowed.") } };
    return {};
}

FieldErrors validateRegistration(const QString &email, const QString &password,
                                 const QString &name)
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

    if (required(draft.title.has_value(), u"title"_s)) {
        const auto title = simplifiedLine(*draft.title);
        if (title.size() < L::TitleMin || title.size() > L::TitleMax)
            errors.append({ u"title"_s,
                            Text::tr("The title needs %1 to %2 characters.")
                                    .arg(L::TitleMin)
                                    .arg(L::TitleMax) });
        else if (hasControlCharacters(*draft.title, false))
            errors.append({ u"title"_s, Text::tr("The title contains characters that are not "
                                                 "allowed.") });
    }
    if (draft.description) {
        if (draft.description->size() > L::DescriptionMax)
            errors.append({ u"description"_s,
                            Text::tr("Use at most %1 characters.").arg(L::DescriptionMax) });
        else if (hasControlCharacters(*draft.description, true))
            errors.append({ u"description"_s, Text::tr("The description contains characters "
                                                       "that are not allowed.") });
    }
    if (required(draft.location.has_value(), u"location"_s)) {
        const auto p = *draft.location;
        if (!std::isfinite(p.lat) || !std::isfinite(p.lng) || !Germany::contains(p))
            errors.append({ u"location"_s, Text::tr("The meetup must take place in Germany.") });
    }
    if (required(draft.city.has_value(), u"city"_s)) {
        const auto city = simplifiedLine(*draft.city);
        if (city.isEmpty() || city.size() > L::CityMax || hasControlCharacters(city, false))
            errors.append({ u"city"_s,
                            Text::tr("The city needs 1 to %1 characters.").arg(L::CityMax) });
    }
    if (draft.state && (draft.state->size() > L::StateMax || hasControlCharacters(*draft.state, false)))
        errors.append({ u"state"_s, Text::tr("Use at most %1 characters.").arg(L::StateMax) });

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
    return errors;
}

} // namespace Pudding::Validation
