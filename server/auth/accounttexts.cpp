// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounttexts.h"

#include "authlogging.h"
#include "http/htmlpage.h"

#include <QCoreApplication>
#include <QHash>
#include <QTranslator>
#include <mutex>

using namespace Qt::StringLiterals;

static void initAuthResources()
{
    Q_INIT_RESOURCE(pudding_auth_i18n);
}

namespace Pudding::Server::AccountTexts {

namespace {
constexpr const char *kContext = "AccountMail";

// Every text of the account mails and pages, marked for lupdate (the app's catalogue).
constexpr const char *kSources[] = {
    QT_TRANSLATE_NOOP("AccountMail", "Hello %1,"),
    QT_TRANSLATE_NOOP("AccountMail", "Reset your Pudding Gabel password"),
    QT_TRANSLATE_NOOP("AccountMail",
        "Someone (hopefully you) asked to reset the password of your Pudding Gabel account. "
        "Open this link within one hour to choose a new password:"),
    QT_TRANSLATE_NOOP("AccountMail", "Or enter this code in the app:"),
    QT_TRANSLATE_NOOP("AccountMail",
        "If you did not ask for this, ignore this mail: your password stays as it is."),
    QT_TRANSLATE_NOOP("AccountMail", "Confirm your e-mail address"),
    QT_TRANSLATE_NOOP("AccountMail",
        "Welcome to Pudding Gabel! Please confirm that this address is yours by opening this "
        "link:"),
    QT_TRANSLATE_NOOP("AccountMail", "If you did not create an account, ignore this mail."),
    QT_TRANSLATE_NOOP("AccountMail", "Choose a new password"),
    QT_TRANSLATE_NOOP("AccountMail", "New password"),
    QT_TRANSLATE_NOOP("AccountMail", "Repeat the new password"),
    QT_TRANSLATE_NOOP("AccountMail", "Save the password"),
    QT_TRANSLATE_NOOP("AccountMail",
        "Choose a password of at least 10 characters for your "
        "Pudding Gabel account."),
    QT_TRANSLATE_NOOP("AccountMail", "Password changed"),
    QT_TRANSLATE_NOOP("AccountMail",
        "Your password was changed and every device was signed out. Sign in with the new "
        "password in the app."),
    QT_TRANSLATE_NOOP("AccountMail", "Link not valid"),
    QT_TRANSLATE_NOOP("AccountMail",
        "This link is unknown, was used already or has expired. Ask for a new mail in the "
        "app."),
    QT_TRANSLATE_NOOP("AccountMail", "The two passwords differ. Please try again."),
    QT_TRANSLATE_NOOP("AccountMail",
        "This password cannot be used: it needs at least 10 characters and must not be one "
        "of the most common passwords. Please try again."),
    QT_TRANSLATE_NOOP("AccountMail", "Press the button to confirm your e-mail address."),
    QT_TRANSLATE_NOOP("AccountMail", "Confirm"),
    QT_TRANSLATE_NOOP("AccountMail", "Address confirmed"),
    QT_TRANSLATE_NOOP("AccountMail", "Thank you, your e-mail address is confirmed."),
    QT_TRANSLATE_NOOP("AccountMail", "Something went wrong"),
    QT_TRANSLATE_NOOP("AccountMail", "The server could not do this just now. Please try again."),
};

QHash<QString, QString> g_german;
std::once_flag g_once;

QString escaped(const QString &s)
{
    return s.toHtmlEscaped();
}

QString htmlDocument(const QString &language, const QString &title, const QString &inner)
{
    return u"<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<title>%2</title></head>"
           "<body style=\"margin:0;padding:24px;background:#fdf6ec;"
           "font-family:sans-serif;color:#2b2118\">"
           "<div style=\"max-width:520px;margin:0 auto;background:#ffffff;border-radius:8px;"
           "padding:24px;border:1px solid #ead9c2\">"
           "<p style=\"margin:0 0 16px;font-weight:bold;color:#8a4b0f\">Pudding Gabel</p>"
           "<h1 style=\"font-size:20px;margin:0 0 16px\">%2</h1>%3</div></body></html>\n"_s.arg(
               language, escaped(title), inner);
}

struct MailParts
{
    QString subject;
    QString intro;
    QString outro;
};

Mail::OutgoingMail render(
    const Recipient &to, const MailParts &parts, const QString &token, const QString &url)
{
    const QString lang = normalizedLanguage(to.language);
    const QString hello = text(lang, "Hello %1,").arg(to.name);
    const QString codeLead = text(lang, "Or enter this code in the app:");
    Mail::OutgoingMail mail;
    mail.to = to.email;
    mail.toName = to.name;
    mail.language = lang;
    mail.userId = to.userId;
    mail.subject = parts.subject;
    mail.text = u"%1\n\n%2\n\n%3\n\n%4\n\n    %5\n\n%6\n\n-- \nPudding Gabel\n"_s.arg(
        hello, parts.intro, url, codeLead, token, parts.outro);
    const QString p = u"<p style=\"margin:0 0 16px;line-height:1.5\">"_s;
    const QString inner = p + escaped(hello) + u"</p>"_s + p + escaped(parts.intro) + u"</p>"_s
        + u"<p style=\"margin:0 0 16px\"><a href=\"%1\" style=\"display:inline-block;"
          "background:#8a4b0f;color:#ffffff;padding:10px 18px;border-radius:6px;"
          "text-decoration:none\">%2</a></p>"_s.arg(escaped(url), escaped(parts.subject))
        + p + escaped(codeLead) + u"</p>"_s
        + u"<p style=\"margin:0 0 16px;font-family:monospace;font-size:15px;"
          "background:#f4ede3;padding:8px;word-break:break-all\">"_s
        + escaped(token) + u"</p>"_s + p + escaped(parts.outro) + u"</p>"_s;
    mail.html = htmlDocument(lang, parts.subject, inner);
    return mail;
}
} // namespace

void initialize()
{
    std::call_once(g_once, [] {
        initAuthResources();
        QTranslator german;
        if (!german.load(u":/pudding-auth/pudding_de.qm"_s)) {
            qCWarning(lcAuth) << "the German catalogue is missing; account mails stay English";
            return;
        }
        for (const char *source : kSources) {
            const QString translated = german.translate(kContext, source);
            if (!translated.isEmpty())
                g_german.insert(QString::fromUtf8(source), translated);
        }
    });
}

QString normalizedLanguage(const QString &language)
{
    return language == "de"_L1 ? u"de"_s : u"en"_s;
}

QString text(const QString &language, const char *source)
{
    QString key = QString::fromUtf8(source);
    if (language == "de"_L1)
        return g_german.value(key, key);
    return key;
}

Mail::OutgoingMail passwordResetMail(const Recipient &to, const QString &token, const QString &url)
{
    const QString lang = normalizedLanguage(to.language);
    return render(to,
        { text(lang, "Reset your Pudding Gabel password"),
            text(lang,
                "Someone (hopefully you) asked to reset the password of your Pudding Gabel "
                "account. Open this link within one hour to choose a new password:"),
            text(lang,
                "If you did not ask for this, ignore this mail: your password stays as it is.") },
        token, url);
}

Mail::OutgoingMail confirmationMail(const Recipient &to, const QString &token, const QString &url)
{
    const QString lang = normalizedLanguage(to.language);
    return render(to,
        { text(lang, "Confirm your e-mail address"),
            text(lang,
                "Welcome to Pudding Gabel! Please confirm that this address is yours by opening "
                "this link:"),
            text(lang, "If you did not create an account, ignore this mail.") },
        token, url);
}

HttpResponse page(const QString &language, const QString &title, const QString &message,
    const std::optional<PageForm> &form, int status)
{
    std::optional<HtmlForm> htmlForm;
    if (form) {
        htmlForm = HtmlForm { form->action, form->button, form->hiddenFields, {} };
        for (const auto &[name, label] : form->passwordFields)
            htmlForm->inputs.append({ name, label, u"password"_s });
    }
    HttpResponse response
        = htmlPage(normalizedLanguage(language), title, message, htmlForm, status);
    // The pages carry a token (in the URL, in the form): no cache may keep them, not even the
    // anonymous GET a shared cache could otherwise store.
    response.withHeader("Cache-Control", "no-store");
    return response;
}

} // namespace Pudding::Server::AccountTexts
