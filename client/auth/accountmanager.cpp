// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountmanager.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "shared/user.h"
#include "shared/validation.h"

#include <QLoggingCategory>
#include <QSettings>
#include <QTimeZone>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAccount, "pudding.client.account", QtInfoMsg)

namespace Pudding::Client {

namespace {
AccountManager *s_instance = nullptr;
const QString kPlainTextKey = u"account/plainTextToken"_s;
const QString kAllowPlainKey = u"account/allowPlainTextToken"_s;

bool keychainMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::OtherError || error == QKeychain::AccessDenied;
}
} // namespace

AccountManager::AccountManager(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    connect(m_api, &ApiClient::sessionEnded, this, [this] {
        if (!isSignedIn())
            return;
        qCInfo(lcAccount) << "the server ended the session";
        endSession();
        setError(tr("Your session has ended. Please sign in again."));
    });
}

AccountManager *AccountManager::instance()
{
    return s_instance;
}

void AccountManager::setInstance(AccountManager *manager)
{
    s_instance = manager;
}

QString AccountManager::keychainKey() const
{
    return u"token@"_s + m_api->baseUrl().toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

bool AccountManager::allowPlainTextToken() const
{
    return QSettings().value(kAllowPlainKey, false).toBool();
}

void AccountManager::setAllowPlainTextToken(bool allow)
{
    if (allow == allowPlainTextToken())
        return;
    QSettings().setValue(kAllowPlainKey, allow);
    if (!allow)
        QSettings().remove(kPlainTextKey);
    else if (isSignedIn() && m_keychainState == KeychainState::Unavailable)
        QSettings().setValue(kPlainTextKey, QString::fromLatin1(m_api->token()));
    Q_EMIT allowPlainTextTokenChanged();
}

void AccountManager::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void AccountManager::setError(const QString &text, const QVariantMap &fields)
{
    m_errorText = text;
    m_fieldErrors = fields;
    Q_EMIT errorChanged();
}

void AccountManager::clearErrors()
{
    setError({});
}

void AccountManager::setKeychainState(KeychainState state)
{
    if (m_keychainState == state)
        return;
    m_keychainState = state;
    Q_EMIT keychainStateChanged();
}

bool AccountManager::validateRegistration(
    const QString &name, const QString &email, const QString &password)
{
    QVariantMap fields;
    for (const auto &e : Validation::validateRegistration(email.trimmed(), password, name))
        fields.insert(e.field, e.message);
    setError(fields.isEmpty() ? QString() : tr("Please check the marked fields."), fields);
    return fields.isEmpty();
}

void AccountManager::restoreSession()
{
    m_restoring = true;
    setBusy(true);
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(keychainKey());
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        QByteArray token;
        if (job->error() == QKeychain::NoError) {
            setKeychainState(KeychainState::Available);
            token = job->binaryData();
        } else if (job->error() == QKeychain::EntryNotFound) {
            setKeychainState(KeychainState::Available);
        } else if (keychainMissing(job->error())) {
            qCInfo(lcAccount) << "no keychain:" << job->errorString();
            setKeychainState(KeychainState::Unavailable);
            if (allowPlainTextToken())
                token = QSettings().value(kPlainTextKey).toString().toLatin1();
        }
        if (token.isEmpty()) {
            m_restoring = false;
            setBusy(false);
            Q_EMIT restoreFinished();
            return;
        }
        m_api->setToken(token);
        auto *call = m_api->get(Endpoints::me());
        connect(call, &ApiCall::finished, this, [this, call] {
            m_restoring = false;
            setBusy(false);
            if (call->ok()) {
                m_user = call->object().value("user"_L1).toObject().toVariantMap();
                Q_EMIT userChanged();
                syncAccountSettings();
            } else if (call->status() == 401) {
                m_api->setToken({});
                forgetToken();
            } else {
                // The server is unreachable: keep the token and try again when it is back.
                m_api->setToken({});
                connect(
                    m_api, &ApiClient::reachableChanged, this,
                    [this] {
                        if (m_api->isReachable() && !isSignedIn())
                            restoreSession();
                    },
                    Qt::SingleShotConnection);
            }
            Q_EMIT restoreFinished();
        });
    });
    job->start();
}

void AccountManager::signIn(const QString &email, const QString &password)
{
    if (m_busy)
        return;
    if (email.trimmed().isEmpty() || password.isEmpty()) {
        setError(tr("Please enter your email address and password."));
        return;
    }
    clearErrors();
    if (isSignedIn())
        endSession(); // another account: nothing of this one may stay
    setBusy(true);
    m_api->setToken({});
    finishAuth(m_api->post(
        Endpoints::login(), { { u"email"_s, email.trimmed() }, { u"password"_s, password } }));
}

void AccountManager::registerAccount(
    const QString &name, const QString &email, const QString &password)
{
    if (m_busy || !validateRegistration(name, email, password))
        return;
    if (isSignedIn())
        endSession();
    setBusy(true);
    m_api->setToken({});
    finishAuth(m_api->post(Endpoints::registerAccount(),
        { { u"name"_s, name.simplified() }, { u"email"_s, email.trimmed() },
            { u"password"_s, password }, { u"language"_s, m_uiLanguage } }));
}

void AccountManager::finishAuth(ApiCall *call)
{
    connect(call, &ApiCall::finished, this, [this, call] {
        setBusy(false);
        if (!call->ok()) {
            setError(call->error()->message, fieldErrorMap(*call->error()));
            return;
        }
        const QJsonObject body = call->object();
        const QByteArray token = body.value("token"_L1).toString().toLatin1();
        m_api->setToken(token);
        m_user = body.value("user"_L1).toObject().toVariantMap();
        clearErrors();
        storeToken(token);
        Q_EMIT userChanged();
        Q_EMIT signedInSuccessfully();
        syncAccountSettings();
    });
}

void AccountManager::setUiLanguage(const QString &language)
{
    const QString normalized = language == "de"_L1 ? u"de"_s : u"en"_s;
    if (normalized == m_uiLanguage)
        return;
    m_uiLanguage = normalized;
    syncAccountSettings();
}

void AccountManager::syncAccountSettings()
{
    if (!isSignedIn())
        return;
    QJsonObject patch;
    if (m_user.value(u"language"_s).toString() != m_uiLanguage)
        patch.insert(u"language"_s, m_uiLanguage);
    const QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    // The server checks the id against its zone database (the app reads none on its thread).
    if (!zone.isEmpty() && zone != m_refusedZone && !zone.startsWith("UTC+"_L1)
        && !zone.startsWith("UTC-"_L1) && m_user.value(u"timeZone"_s).toString() != zone)
        patch.insert(u"timeZone"_s, zone);
    if (patch.isEmpty())
        return;
    const qint64 id = userId();
    auto *call = m_api->patch(Endpoints::me(), patch);
    connect(call, &ApiCall::finished, this, [this, call, id] {
        // Best effort: a later sign-in or language change tries again.
        if (!call->ok()) {
            qCInfo(lcAccount) << "could not store the language and time zone:"
                              << call->error()->message;
            // A zone the server does not know must not keep the language from being stored.
            const auto fields = fieldErrorMap(*call->error());
            if (fields.contains(u"timeZone"_s) && userId() == id) {
                m_refusedZone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
                syncAccountSettings();
            }
            return;
        }
        if (userId() != id)
            return; // another account by now
        m_user = call->object().value("user"_L1).toObject().toVariantMap();
        Q_EMIT userChanged();
    });
}

void AccountManager::requestPasswordReset(const QString &email)
{
    if (m_busy)
        return;
    if (email.trimmed().isEmpty()) {
        setError(tr("Please enter your email address."),
            { { u"email"_s, tr("Please enter your email address.") } });
        return;
    }
    clearErrors();
    setBusy(true);
    m_resetEmail = email.trimmed();
    Q_EMIT resetEmailChanged();
    auto *call = m_api->post(Endpoints::passwordReset(), { { u"email"_s, m_resetEmail } });
    connect(call, &ApiCall::finished, this, [this, call] {
        setBusy(false);
        if (!call->ok()) {
            setError(call->error()->message, fieldErrorMap(*call->error()));
            return;
        }
        Q_EMIT passwordResetRequested();
    });
}

void AccountManager::confirmPasswordReset(
    const QString &code, const QString &password, const QString &repeated)
{
    if (m_busy)
        return;
    QVariantMap fields;
    if (code.trimmed().isEmpty())
        fields.insert(u"token"_s, tr("Please enter the code from the mail."));
    for (const auto &e : Validation::validatePassword(password))
        fields.insert(e.field, e.message);
    if (!fields.contains(u"password"_s) && password != repeated)
        fields.insert(u"password2"_s, tr("The two passwords differ."));
    if (!fields.isEmpty()) {
        setError(tr("Please check the marked fields."), fields);
        return;
    }
    clearErrors();
    setBusy(true);
    auto *call = m_api->post(Endpoints::passwordResetConfirm(),
        { { u"token"_s, code.trimmed() }, { u"password"_s, password } });
    connect(call, &ApiCall::finished, this, [this, call] {
        setBusy(false);
        if (!call->ok()) {
            const QString message = call->error()->code == "invalid_token"_L1
                ? tr("This code is unknown, was used already or has expired. Ask for a new "
                     "mail.")
                : call->error()->message;
            QVariantMap errors = fieldErrorMap(*call->error());
            if (call->error()->code == "invalid_token"_L1)
                errors.insert(u"token"_s, message);
            setError(message, errors);
            return;
        }
        // Every session of that account ended on the server; this app's too, if it was it.
        if (isSignedIn()
            && m_user.value(u"email"_s).toString().compare(m_resetEmail, Qt::CaseInsensitive) == 0)
            endSession();
        Q_EMIT passwordResetDone();
    });
}

void AccountManager::confirmEmail(const QString &code)
{
    if (m_busy || !isSignedIn())
        return;
    if (code.trimmed().isEmpty()) {
        setError(tr("Please enter the code from the mail."),
            { { u"token"_s, tr("Please enter the code from the mail.") } });
        return;
    }
    clearErrors();
    setBusy(true);
    const qint64 id = userId();
    auto *call = m_api->post(Endpoints::confirmEmail(), { { u"token"_s, code.trimmed() } });
    connect(call, &ApiCall::finished, this, [this, call, id] {
        setBusy(false);
        if (!call->ok()) {
            const QString message = call->error()->code == "invalid_token"_L1
                ? tr("This code is unknown, was used already or has expired.")
                : call->error()->message;
            setError(message, { { u"token"_s, message } });
            return;
        }
        if (userId() != id)
            return;
        m_user = call->object().value("user"_L1).toObject().toVariantMap();
        Q_EMIT userChanged();
        Q_EMIT emailConfirmedSuccessfully();
    });
}

void AccountManager::resendConfirmation()
{
    if (m_busy || !isSignedIn())
        return;
    clearErrors();
    setBusy(true);
    auto *call = m_api->post(Endpoints::resendConfirmation());
    connect(call, &ApiCall::finished, this, [this, call] {
        setBusy(false);
        if (!call->ok()) {
            setError(call->error()->message);
            return;
        }
        Q_EMIT confirmationResent();
    });
}

void AccountManager::signOut()
{
    if (!isSignedIn())
        return;
    // Revoke on the server; the local state is cleared at once whatever the answer.
    m_api->post(Endpoints::logout());
    endSession();
    clearErrors();
}

void AccountManager::endSession()
{
    m_api->setToken({});
    m_user.clear();
    forgetToken();
    Q_EMIT signedOut();
    Q_EMIT userChanged();
}

void AccountManager::storeToken(const QByteArray &token)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(keychainKey());
    job->setInsecureFallback(false);
    job->setBinaryData(token);
    connect(job, &QKeychain::Job::finished, this, [this, job, token] {
        if (job->error() == QKeychain::NoError) {
            setKeychainState(KeychainState::Available);
            return;
        }
        qCInfo(lcAccount) << "cannot store the token in the keychain:" << job->errorString();
        setKeychainState(KeychainState::Unavailable);
        if (allowPlainTextToken())
            QSettings().setValue(kPlainTextKey, QString::fromLatin1(token));
    });
    job->start();
}

void AccountManager::forgetToken()
{
    QSettings().remove(kPlainTextKey);
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(keychainKey());
    job->start();
}

} // namespace Pudding::Client
