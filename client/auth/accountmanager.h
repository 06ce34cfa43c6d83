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

private:
    void finishAuth(class ApiCall *call);
    /// Forgets the signed-in user and the token, then tells everyone (signedOut, userChanged).
    void endSession();
    void setBusy(bool busy);
    void setError(const QString &text, const QVariantMap &fields = {});
    void storeToken(const QByteArray &token);
    void forgetToken();
    void setKeychainState(KeychainState state);
    [[nodiscard]] QString keychainKey() const;

    ApiClient *m_api;
    QVariantMap m_user;
    bool m_busy = false;
    bool m_restoring = false;
    QString m_errorText;
    QVariantMap m_fieldErrors;
    KeychainState m_keychainState = KeychainState::Unknown;
    QString m_service = QStringLiteral("de.puddinggabel.Pudding");
};

} // namespace Pudding::Client
