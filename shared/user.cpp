// SPDX-License-Identifier: GPL-3.0-or-later
#include "user.h"

using namespace Qt::StringLiterals;

namespace Pudding {

QJsonObject UserRef::toJson() const
{
    return { { u"id"_s, id }, { u"name"_s, name } };
}

UserRef UserRef::fromJson(const QJsonObject &json)
{
    return { json.value("id"_L1).toInteger(), json.value("name"_L1).toString() };
}

QJsonObject User::toJson() const
{
    return { { u"id"_s, id }, { u"email"_s, email }, { u"name"_s, name },
        { u"createdAt"_s, createdAt.toUTC().toString(Qt::ISODateWithMs) },
        { u"language"_s, language }, { u"timeZone"_s, timeZone },
        { u"emailConfirmed"_s, emailConfirmed } };
}

User User::fromJson(const QJsonObject &json)
{
    User user { json.value("id"_L1).toInteger(), json.value("email"_L1).toString(),
        json.value("name"_L1).toString(),
        QDateTime::fromString(json.value("createdAt"_L1).toString(), Qt::ISODateWithMs) };
    user.language = json.value("language"_L1).toString(u"en"_s);
    user.timeZone = json.value("timeZone"_L1).toString(u"Europe/Berlin"_s);
    user.emailConfirmed = json.value("emailConfirmed"_L1).toBool();
    return user;
}

} // namespace Pudding
