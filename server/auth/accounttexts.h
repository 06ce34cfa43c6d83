// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpresponse.h"
#include "mail/mail.h"

#include <QString>
#include <optional>

namespace Pudding::Server::AccountTexts {

/// Loads the German catalogue (:/pudding-auth/pudding_de.qm) once; call before any thread
/// renders (AuthApi's constructor does).
void initialize();

/// "de" for "de", else "en": the two languages of mails and pages.
[[nodiscard]] QString normalizedLanguage(const QString &language);
/// The text of `source` (context "AccountMail") in `language`.
[[nodiscard]] QString text(const QString &language, const char *source);

/// Who receives a transactional mail.
struct Recipient
{
    qint64 userId = 0;
    QString email;
    QString name;
    QString language;
};

/// The password reset mail: the link to the server's form and the code for the app.
[[nodiscard]] Mail::OutgoingMail passwordResetMail(
    const Recipient &to, const QString &token, const QString &url);
/// The address confirmation mail after registration (or a resend).
[[nodiscard]] Mail::OutgoingMail confirmationMail(
    const Recipient &to, const QString &token, const QString &url);

/// A form on a server page: POSTed (application/x-www-form-urlencoded) to `action`.
struct PageForm
{
    QString action;
    QList<QPair<QString, QString>> hiddenFields;
    /// Password inputs: (name, label).
    QList<QPair<QString, QString>> passwordFields;
    QString button;
};

/// The page of a mail link in `language` (server/http/htmlpage), never cached.
[[nodiscard]] HttpResponse page(const QString &language, const QString &title, const QString &text,
    const std::optional<PageForm> &form = {}, int status = 200);

} // namespace Pudding::Server::AccountTexts
