// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

namespace Pudding::Client {

class ApiClient;

/// Who is signed in. The token lives in the OS keychain (QtKeychain: Secret Service, KWallet)
/// so the next start signs in silently; without a keyring it stays in memory only, unless the
/// user explicitly allowed plain-text storage. Never blocks: keychain jobs and requests are
/// asynchronous.
class AccountManager : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY userChanged)
    Q_PROPERTY(QVariantMap user READ user NOTIFY userChanged)
    Q_PROPERTY(qint64 userId READ userId NOTIFY userChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(bool restoring READ isRestoring NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY errorChanged)
    Q_PROPERTY(KeychainState keychainState READ keychainState NOTIFY keychainStateChanged)
    /// The signed-in account's address is confirmed (else the app shows the banner).
    Q_PROPERTY(bool emailConfirmed READ isEmailConfirmed NOTIFY userChanged)
    /// The address the last password reset was asked for (the sign-in form fills it in).
    Q_PROPERTY(QString resetEmail READ resetEmail NOTIFY resetEmailChanged)
    Q_PROPERTY(bool allowPlainTextToken READ allowPlainTextToken WRITE setAllowPlainTextToken NOTIFY
            allowPlainTextTokenChanged)
public:
    enum class KeychainState { Unknown, Available, Unavailable };
    Q_ENUM(KeychainState)

    explicit AccountManager(ApiClient *api, QObject *parent = nullptr);

    static AccountManager *instance();
    static void setInstance(AccountManager *manager);
    /// QML's singleton: the C++-owned instance (the engine must not delete it).
    static AccountManager *create(QQmlEngine *, QJSEngine *)
    {
        QJSEngine::setObjectOwnership(instance(), QJSEngine::CppOwnership);
        return instance();
    }

    [[nodiscard]] bool isSignedIn() const { return !m_user.isEmpty(); }
    [[nodiscard]] QVariantMap user() const { return m_user; }
    [[nodiscard]] qint64 userId() const { return m_user.value(QStringLiteral("id")).toLongLong(); }
    [[nodiscard]] bool isEmailConfirmed() const
    {
        return m_user.value(QStringLiteral("emailConfirmed")).toBool();
    }
    [[nodiscard]] QString resetEmail() const { return m_resetEmail; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] bool isRestoring() const { return m_restoring; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] QVariantMap fieldErrors() const { return m_fieldErrors; }
    [[nodiscard]] KeychainState keychainState() const { return m_keychainState; }
    [[nodiscard]] bool allowPlainTextToken() const;
    void setAllowPlainTextToken(bool allow);

    /// Reads a stored token and, if it is still valid, signs in with it.
    Q_INVOKABLE void restoreSession();
    Q_INVOKABLE void signIn(const QString &email, const QString &password);
    Q_INVOKABLE void registerAccount(
        const QString &name, const QString &email, const QString &password);
    Q_INVOKABLE void signOut();
    /// Client-side checks with the shared rules, before any round trip; fills fieldErrors.
    Q_INVOKABLE bool validateRegistration(
        const QString &name, const QString &email, const QString &password);
    Q_INVOKABLE void clearErrors();

    /// Asks the server to mail a password reset code (the same answer for any address).
    Q_INVOKABLE void requestPasswordReset(const QString &email);
    /// Sets a new password with the code from the mail; `repeated` must match.
    Q_INVOKABLE void confirmPasswordReset(
        const QString &code, const QString &password, const QString &repeated);
    /// Confirms the signed-in account's address with the code from the mail.
    Q_INVOKABLE void confirmEmail(const QString &code);
    /// Mails a new confirmation code.
    Q_INVOKABLE void resendConfirmation();

    /// The app's UI language ("en" or "de"): sent to the server (PATCH /api/auth/me) with the
    /// system time zone after sign-in and whenever it changes, so mails come in it.
    void setUiLanguage(const QString &language);

    /// The keychain service name; tests set their own.
    void setKeychainService(const QString &service) { m_service = service; }

Q_SIGNALS:
    void userChanged();
    void busyChanged();
    void errorChanged();
    void keychainStateChanged();
    void allowPlainTextTokenChanged();
    void signedInSuccessfully();
    /// The stored token was read (or found missing) and checked: restoring is over.
    void restoreFinished();
    /// The account that was signed in is gone (signed out, or the server ended the session).
    /// The one place that says so: every per-account model, the live connection and the UI
    /// listen to it and forget all they hold for that account. Emitted before userChanged().
    void signedOut();
    void resetEmailChanged();
    /// The reset mail is on its way (or would be, for an unknown address).
    void passwordResetRequested();
    /// The password was changed; every session of the account was ended.
    void passwordResetDone();
    void emailConfirmedSuccessfully();
    void confirmationResent();

private:
    void finishAuth(class ApiCall *call);
    /// Forgets the signed-in user and the token, then tells everyone (signedOut, userChanged).
    void endSession();
    void setBusy(bool busy);
    void setError(const QString &text, const QVariantMap &fields = {});
    void storeToken(const QByteArray &token);
    void forgetToken();
    void setKeychainState(KeychainState state);
    /// PATCHes language and time zone when the account's differ from the app's.
    void syncAccountSettings();
    [[nodiscard]] QString keychainKey() const;

    ApiClient *m_api;
    QVariantMap m_user;
    bool m_busy = false;
    bool m_restoring = false;
    QString m_errorText;
    QVariantMap m_fieldErrors;
    KeychainState m_keychainState = KeychainState::Unknown;
    QString m_service = QStringLiteral("de.puddinggabel.Pudding");
    QString m_uiLanguage = QStringLiteral("en");
    QString m_resetEmail;
    QString m_refusedZone; ///< the system zone the server did not accept (not sent again)
};

} // namespace Pudding::Client
