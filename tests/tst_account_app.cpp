// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's account screens (issue 14), offscreen against the real server: "Forgot
// password?" → e-mail → code + new password twice → back to sign in with the address filled
// in → sign in with the new password; the banner of an unconfirmed address (resend, enter the
// code); the account's language and time zone follow the app. Screenshots of the reset screens
// in English and German.
#include "app/appcontext.h"
#include "appundertest.h"

#include <QDir>
#include <QQuickItem>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Pudding::Client;
using namespace Pudding::Test;

namespace {
const QString kNewPassword = u"a much better password 42"_s;
}

class TstAccountApp : public QObject
{
    Q_OBJECT

private:
    AppUnderTest m_app;
    QString m_email = u"forgetful@example.org"_s;
    qint64 m_userId = 0;

    template <typename T = QObject> T *find(const char *name) const
    {
        return m_app.window->findChild<T *>(QString::fromLatin1(name));
    }

    QVariant scalar(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q(m_app.server.sql(u"check"_s));
        q.prepare(statement);
        for (const auto &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            return {};
        return q.value(0);
    }

    /// The code in the newest mail queued for the account whose link opens `page`.
    QString newestCode(const QString &page)
    {
        const QString text = scalar(u"SELECT payload->>'text' FROM jobs WHERE kind = 'mail' "
                                    "AND payload->>'to' = ? AND strpos(payload->>'text', ?) > 0 "
                                    "ORDER BY id DESC LIMIT 1"_s,
            { m_email, QString(page + u"?token="_s) })
                                 .toString();
        static const QRegularExpression code(
            u"^    ([A-Za-z0-9_-]{43})$"_s, QRegularExpression::MultilineOption);
        return code.match(text).captured(1);
    }

    int mailCount()
    {
        return scalar(
            u"SELECT count(*) FROM jobs WHERE kind = 'mail' AND payload->>'to' = ?"_s, { m_email })
            .toInt();
    }

    void click(const char *name)
    {
        auto *button = find(name);
        QVERIFY2(button, name);
        QTRY_VERIFY(button->property("visible").toBool() && button->property("enabled").toBool());
        QVERIFY(QMetaObject::invokeMethod(button, "clicked"));
    }

    void saveShot(const QString &name)
    {
        QVERIFY(QDir().mkpath(QStringLiteral(PUDDING_SCREENSHOT_DIR)));
        const QString path = QStringLiteral(PUDDING_SCREENSHOT_DIR) + u'/' + name;
        QVERIFY(m_app.window->grabWindow().save(path));
        qInfo().noquote() << "screenshot:" << path;
    }

    /// From the open sign-in dialog to the "Check your mail" step; the code sent.
    QString askForCode(const QString &shotPrefix)
    {
        auto *dialog = find("signInDialog");
        if (!QMetaObject::invokeMethod(m_app.window, "openSignIn"))
            return {};
        if (!QTest::qWaitFor([&] { return dialog->property("opened").toBool(); }, 5000))
            return {};
        find("signInEmail")->setProperty("text", m_email);
        click("forgotPasswordButton");
        if (dialog->property("resetStep").toString() != "email"_L1)
            return {};
        if (find("resetEmail")->property("text").toString() != m_email)
            return {};
        saveShot(shotPrefix + u"-1-email.png"_s);
        const int before = mailCount();
        click("resetSubmit");
        if (!QTest::qWaitFor(
                [&] { return dialog->property("resetStep").toString() == "code"_L1; }, 10000))
            return {};
        if (mailCount() != before + 1)
            return {};
        saveShot(shotPrefix + u"-2-code.png"_s);
        return newestCode(u"/reset-password"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PUDDING_TILE_URL", "none");
        qunsetenv("PUDDING_LANG");
        const QString failure = m_app.start(
            u"accountapp"_s, [](AppContext &context) { context.settings.setLanguage(u"en"_s); });
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const auto r = m_app.server->postJson(u"/api/auth/register"_s,
            { { u"email"_s, m_email }, { u"password"_s, ServerFixture::kPassword },
                { u"name"_s, u"Fritzi Vergesslich"_s } });
        QCOMPARE(r.status, 201);
        m_userId = r.json().value("user"_L1).toObject().value("id"_L1).toInteger();
    }

    void forgotCodeNewPasswordSignIn()
    {
        auto *dialog = find("signInDialog");
        const QString code = askForCode(u"reset-en"_s);
        QCOMPARE(code.size(), 43);
        QVERIFY(
            m_app.window->findChild<QObject *>(u"checkYourMail"_s)->property("visible").toBool());

        // A wrong code: the field says so, nothing changes.
        find("resetCode")->setProperty("text", QString(43, u'x'));
        find("resetPassword")->setProperty("text", kNewPassword);
        find("resetPassword2")->setProperty("text", kNewPassword);
        click("resetSubmit");
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_app.context->accounts.fieldErrors().value(u"token"_s).toString().isEmpty(), 10000);
        QCOMPARE(dialog->property("resetStep").toString(), u"code"_s);
        saveShot(u"reset-en-3-wrong-code.png"_s);

        // Passwords that differ: caught in the app, no request.
        find("resetCode")->setProperty("text", code);
        find("resetPassword2")->setProperty("text", QString(kNewPassword + u"!"_s));
        click("resetSubmit");
        QTRY_VERIFY(
            !m_app.context->accounts.fieldErrors().value(u"password2"_s).toString().isEmpty());

        find("resetPassword2")->setProperty("text", kNewPassword);
        click("resetSubmit");
        QTRY_COMPARE_WITH_TIMEOUT(dialog->property("resetStep").toString(), QString(), 10000);
        QCOMPARE(find("signInEmail")->property("text").toString(), m_email);
        QVERIFY(!dialog->property("notice").toString().isEmpty());
        saveShot(u"reset-en-4-done.png"_s);

        // The old password is refused, the new one signs in.
        QSignalSpy signedIn(&m_app.context->accounts, &AccountManager::signedInSuccessfully);
        m_app.context->accounts.signIn(m_email, ServerFixture::kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app.context->accounts.errorText().isEmpty(), 10000);
        QVERIFY(!m_app.context->accounts.isSignedIn());
        m_app.context->accounts.signIn(m_email, kNewPassword);
        QVERIFY(signedIn.wait(10000));
        QTRY_VERIFY(!dialog->property("opened").toBool());
    }

    void languageAndTimeZoneFollowTheApp()
    {
        QVERIFY(m_app.context->accounts.isSignedIn());
        // English app, signed in: the account says en and the system's zone.
        const QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
        // (The default is Europe/Berlin: a machine in another zone shows the PATCH happened.)
        QVERIFY2(!zone.isEmpty() && zone != "Europe/Berlin"_L1 && !zone.startsWith("UTC+"_L1)
                && !zone.startsWith("UTC-"_L1),
            "ctest runs it with TZ=Etc/UTC (tests/account.cmake)");
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(u"SELECT time_zone FROM users WHERE id = ?"_s, { m_userId }).toString(), zone,
            10000);
        QCOMPARE(
            scalar(u"SELECT language FROM users WHERE id = ?"_s, { m_userId }).toString(), u"en"_s);
        m_app.context->settings.setLanguage(u"de"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(u"SELECT language FROM users WHERE id = ?"_s, { m_userId }).toString(), u"de"_s,
            10000);
        QTRY_COMPARE(m_app.context->accounts.user().value(u"language"_s).toString(), u"de"_s);
        m_app.context->settings.setLanguage(u"en"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(u"SELECT language FROM users WHERE id = ?"_s, { m_userId }).toString(), u"en"_s,
            10000);
    }

    void confirmationBanner()
    {
        QVERIFY(m_app.context->accounts.isSignedIn());
        // The reset proved the address: confirmed. Take that back to see the banner.
        QSqlQuery q(m_app.server.sql(u"check"_s));
        QVERIFY(
            q.exec(u"UPDATE users SET email_confirmed_at = NULL WHERE id = %1"_s.arg(m_userId)));
        // Signing in again brings the account as the server has it now.
        QSignalSpy signedIn(&m_app.context->accounts, &AccountManager::signedInSuccessfully);
        m_app.context->accounts.signIn(m_email, kNewPassword);
        QVERIFY(signedIn.wait(10000));
        QVERIFY(!m_app.context->accounts.isEmailConfirmed());
        auto *banner = find<QQuickItem>("confirmEmailBanner");
        QVERIFY(banner);
        QTRY_VERIFY(banner->isVisible());

        const int before = mailCount();
        click("resendConfirmation");
        QTRY_COMPARE_WITH_TIMEOUT(mailCount(), before + 1, 10000);
        const QString code = newestCode(u"/confirm-email"_s);
        QCOMPARE(code.size(), 43);
        click("enterConfirmationCode");
        find("confirmationCode")->setProperty("text", code);
        saveShot(u"confirm-banner-en.png"_s);
        click("confirmEmailButton");
        QTRY_VERIFY_WITH_TIMEOUT(m_app.context->accounts.isEmailConfirmed(), 10000);
        QTRY_VERIFY(!banner->isVisible());
        QVERIFY(
            scalar(u"SELECT email_confirmed_at IS NOT NULL FROM users WHERE id = ?"_s, { m_userId })
                .toBool());
    }

    void germanResetScreens()
    {
        // German app, signed in: the account turns German, so the reset mail will be too.
        m_app.context->settings.setLanguage(u"de"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(u"SELECT language FROM users WHERE id = ?"_s, { m_userId }).toString(), u"de"_s,
            10000);
        m_app.context->accounts.signOut();
        const QString code = askForCode(u"reset-de"_s);
        QCOMPARE(code.size(), 43);
        QCOMPARE(scalar(u"SELECT payload->>'subject' FROM jobs WHERE kind = 'mail' "
                        "AND payload->>'to' = ? ORDER BY id DESC LIMIT 1"_s,
                     { m_email })
                     .toString(),
            u"Setze dein Pudding-Gabel-Passwort zurück"_s);
        auto *dialog = find("signInDialog");
        QCOMPARE(dialog->property("title").toString(), u"Passwort zurücksetzen"_s);
        find("resetCode")->setProperty("text", code);
        find("resetPassword")->setProperty("text", u"the third password 123"_s);
        find("resetPassword2")->setProperty("text", u"the third password 123"_s);
        click("resetSubmit");
        QTRY_COMPARE_WITH_TIMEOUT(dialog->property("resetStep").toString(), QString(), 10000);
        saveShot(u"reset-de-3-done.png"_s);
        QVERIFY(QMetaObject::invokeMethod(dialog, "close"));
        m_app.context->settings.setLanguage(u"en"_s);
    }
};

QTEST_MAIN(TstAccountApp)
#include "tst_account_app.moc"
