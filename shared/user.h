// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Pudding {

/// Someone seen from outside: what the organizer field of an event shows.
struct UserRef
{
    qint64 id = 0;
    QString name;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static UserRef fromJson(const QJsonObject &json);
    bool operator==(const UserRef &) const = default;
};

/// An account as its owner sees it.
struct User
{
    qint64 id = 0;
    QString email;
    QString name;
    QDateTime createdAt;
    /// The account's language for mails and inbox texts: "en" or "de".
    QString language = QStringLiteral("en");
    /// An IANA time zone id ("Europe/Berlin"): times in mails, the daily digest.
    QString timeZone = QStringLiteral("Europe/Berlin");
    /// The address was confirmed with the code from the confirmation mail.
    bool emailConfirmed = false;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static User fromJson(const QJsonObject &json);
    [[nodiscard]] UserRef ref() const { return { id, name }; }
};

} // namespace Pudding
