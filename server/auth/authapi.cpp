// SPDX-License-Identifier: GPL-3.0-or-later
#include "authapi.h"

#include "accounttexts.h"
#include "authlogging.h"
#include "credentials.h"
#include "db/database.h"
#include "publish/livepublisher.h"
#include "shared/protocol.h"
#include "shared/user.h"
#include "shared/validation.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QThread>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class AuthText
{
    Q_DECLARE_TR_FUNCTIONS(Auth)
};
namespace EC = Protocol::ErrorCode;
constexpr int kSessionDays = 7;

const QString kInsertSession = u"INSERT INTO sessions(token_hash, user_id, expires_at) "
                               "VALUES (?, ?, now() + interval '7 days')"_s;

User userFromAuth(const AuthUser &a)
{
    User user { a.id, a.email, a.name, a.createdAt };
    user.language = a.language;
    user.timeZone = a.timeZone;
    user.emailConfirmed = a.emailConfirmed;
    return user;
}

HttpResponse sessionResponse(const User &user, const QByteArray &token, int status)
{
    return HttpResponse::json(
        QJsonObject { { u"user"_s, user.toJson() }, { u"token"_s, QString::fromLatin1(token) },
            { u"expiresInDays"_s, kSessionDays } },
        status);
}

QDateTime utcFromMs(const QVariant &v)
{
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}
} // namespace

AuthApi::AuthApi(Database &db, int authRatePerMinute)
    : m_db(db)
    , m_limiter(authRatePerMinute, std::max(5, authRatePerMinute / 2))
{
    m_cryptoPool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    m_cryptoPool.setObjectName(u"pudding-crypto"_s);
    AccountTexts::initialize();
}

AuthApi::~AuthApi()
{
    m_cryptoPool.waitForDone();
}

bool AuthApi::admit(const Request &request, const Reply &reply)
{
    if (m_limiter.tryAcquire(request.remoteAddress))
        return true;
    reply.send(HttpResponse::error(
        EC::RateLimited, AuthText::tr("Too many attempts. Please wait a moment."))
                   .withHeader("Retry-After", QByteArray::number(m_limiter.retryAfterSeconds())));
    return false;
}

void AuthApi::registerUser(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    const QJsonObject &json = *body;
    FieldErrors typeErrors;
    for (const auto key : { "email"_L1, "password"_L1, "name"_L1 }) {
        if (!json.value(key).isString())
            typeErrors.append({ key, AuthText::tr("This field is required and must be a text.") });
    }
    if (!typeErrors.isEmpty()) {
        reply.send(HttpResponse::validation(typeErrors));
        return;
    }
    const QString email = json.value("email"_L1).toString().trimmed();
    const QString password = json.value("password"_L1).toString();
    // Checked as received (a line break in a name is refused, not folded), stored simplified.
    const QString rawName = json.value("name"_L1).toString();
    if (const auto errors = Validation::validateRegistration(email, password, rawName);
        !errors.isEmpty()) {
        reply.send(HttpResponse::validation(errors));
        return;
    }
    const QString name = Validation::normalizedText(rawName, Validation::TextKind::SingleLine);
    // Optional: the app sends its UI language and the system's time zone.
    const auto settings = accountSettings(json);
    if (!settings.errors.isEmpty()) {
        reply.send(HttpResponse::validation(settings.errors));
        return;
    }
    const QString language = settings.language.value_or(u"en"_s);
    const QString timeZone = settings.timeZone.value_or(u"Europe/Berlin"_s);
    if (!admit(request, reply))
        return;

    QtConcurrent::run(&m_cryptoPool, [password] {
        return Credentials::hashPassword(password);
    }).then([this, reply, email, name, language, timeZone](const QByteArray &hash) {
        if (hash.isEmpty()) {
            qCCritical(lcAuth) << "password hashing failed (out of memory?)";
            reply.send(HttpResponse::internalError());
            return;
        }
        m_db.run([email, name, hash, language, timeZone](DbSession &s) -> HttpResponse {
                const QByteArray token = Credentials::newToken();
                Transaction tx(s);
                auto *insert
                    = tx.exec(u"INSERT INTO users(email, name, password_hash, language, time_zone) "
                              "VALUES (?, ?, ?, ?, ?) "
                              "RETURNING id, (extract(epoch from created_at) * 1000)::bigint"_s,
                        { email, name, QString::fromLatin1(hash), language, timeZone });
                if (!insert) {
                    if (tx.error().nativeErrorCode() == "23505"_L1)
                        return HttpResponse::error(EC::EmailTaken,
                            AuthText::tr("An account with this email address exists "
                                         "already."),
                            { { u"email"_s,
                                AuthText::tr("This email address is "
                                             "already registered.") } });
                    return HttpResponse::fromError(databaseError(tx.error(), "register"));
                }
                if (!insert->next())
                    return HttpResponse::fromError(databaseError(tx.error(), "register"));
                User user { insert->value(0).toLongLong(), email, name,
                    utcFromMs(insert->value(1)) };
                user.language = language;
                user.timeZone = timeZone;
                insert->finish();
                auto *session = tx.exec(kInsertSession, { Credentials::tokenHash(token), user.id });
                if (!session)
                    return HttpResponse::fromError(databaseError(tx.error(), "register session"));
                session->finish();
                // The confirmation mail is queued with the account: both or neither.
                if (const auto queued = queueConfirmationMail(tx, user); !queued)
                    return HttpResponse::fromError(queued.error());
                if (!tx.commit())
                    return HttpResponse::fromError(databaseError(tx.error(), "register session"));
                qCInfo(lcAuth) << "registered user" << user.id;
                return sessionResponse(user, token, 201);
            })
            .then([reply](const HttpResponse &response) { reply.send(response); });
    });
}

void AuthApi::login(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    const QJsonObject &json = *body;
    if (!json.value("email"_L1).isString() || !json.value("password"_L1).isString()) {
        reply.send(HttpResponse::validation(
            { { u"email"_s, AuthText::tr("Email and password are required.") } }));
        return;
    }
    // The e-mail goes into SQL: the text rule first (a NUL would cut the statement).
    if (const auto errors = Validation::checkText(u"email"_s, json.value("email"_L1).toString(),
            Validation::TextKind::SingleLine, 0, Protocol::Limits::EmailMax);
        !errors.isEmpty()) {
        reply.send(HttpResponse::validation(errors));
        return;
    }
    if (!admit(request, reply))
        return;
    const QString email = json.value("email"_L1).toString().trimmed();
    const QString password = json.value("password"_L1).toString();

    struct Account
    {
        std::optional<User> user;
        QByteArray hash;
        std::optional<Error> error;
    };
    m_db.run([email](DbSession &s) {
            Account account;
            auto *q = s.prepared(u"SELECT id, email, name, password_hash, "
                                 "(extract(epoch from created_at) * 1000)::bigint, language, "
                                 "time_zone, email_confirmed_at IS NOT NULL "
                                 "FROM users WHERE lower(email) = lower(?)"_s);
            if (!s.exec(q, { email })) {
                account.error = databaseError(s.lastError(), "login lookup");
                return account;
            }
            if (q->next()) {
                account.user = User { q->value(0).toLongLong(), q->value(1).toString(),
                    q->value(2).toString(), utcFromMs(q->value(4)) };
                account.user->language = q->value(5).toString();
                account.user->timeZone = q->value(6).toString();
                account.user->emailConfirmed = q->value(7).toBool();
                account.hash = q->value(3).toString().toLatin1();
            }
            q->finish();
            return account;
        })
        .then(&m_cryptoPool,
            [password](Account account) {
                if (account.error || !account.user) {
                    if (!account.error)
                        Credentials::verifyAgainstDummy(password);
                    return std::pair(account, QByteArray());
                }
                if (!Credentials::verifyPassword(account.hash, password)) {
                    account.user.reset();
                    return std::pair(account, QByteArray());
                }
                // Parameters changed since this hash was made: upgrade it now.
                QByteArray rehash = Credentials::needsRehash(account.hash)
                    ? Credentials::hashPassword(password)
                    : QByteArray();
                return std::pair(account, rehash);
            })
        .then([this, reply](const std::pair<Account, QByteArray> &result) {
            const auto &[account, rehash] = result;
            if (account.error) {
                reply.send(HttpResponse::fromError(*account.error));
                return;
            }
            if (!account.user) {
                reply.send(HttpResponse::error(EC::InvalidCredentials,
                    AuthText::tr("The email address or the password is wrong.")));
                return;
            }
            const User user = *account.user;
            m_db.run([user, rehash = rehash](DbSession &s) -> HttpResponse {
                    const QByteArray token = Credentials::newToken();
                    auto *insert = s.prepared(kInsertSession);
                    if (!s.exec(insert, { Credentials::tokenHash(token), user.id }))
                        return HttpResponse::fromError(databaseError(s.lastError(), "login"));
                    if (!rehash.isEmpty()) {
                        // Best effort: the old hash keeps working, the next login retries.
                        if (!s.run(u"UPDATE users SET password_hash = ? WHERE id = ?"_s,
                                { QString::fromLatin1(rehash), user.id }))
                            qCWarning(lcAuth)
                                << "could not upgrade the password hash of user" << user.id;
                    }
                    return sessionResponse(user, token, 200);
                })
                .then([reply](const HttpResponse &response) { reply.send(response); });
        });
}

void AuthApi::me(Request &request, const Reply &reply)
{
    reply.send(
        HttpResponse::json(QJsonObject { { u"user"_s, userFromAuth(*request.user).toJson() } }));
}

void AuthApi::logout(Request &request, const Reply &reply)
{
    const QByteArray hash = request.user->tokenHash;
    m_db.run([hash](DbSession &s) -> HttpResponse {
            Transaction tx(s);
            // Live connections opened with this token close at once, on every instance.
            if (!tx.exec(u"UPDATE sessions SET revoked_at = now() "
                         "WHERE token_hash = ? AND revoked_at IS NULL"_s,
                    { hash })
                || !LivePublisher::notifyRevoked(s, hash) || !tx.commit())
                return HttpResponse::fromError(databaseError(tx.error(), "logout"));
            return HttpResponse::noContent();
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

QFuture<Result<std::optional<AuthUser>>> AuthApi::authenticate(const QByteArray &token) const
{
    using R = Result<std::optional<AuthUser>>;
    if (!Credentials::looksLikeToken(token))
        return QtFuture::makeReadyFuture<R>(R(std::optional<AuthUser>()));
    const QByteArray hash = Credentials::tokenHash(token);
    return m_db.run([hash](DbSession &s) -> R {
        auto *q = s.prepared(u"SELECT u.id, u.email, u.name, "
                             "(extract(epoch from u.created_at) * 1000)::bigint, "
                             "(extract(epoch from s.expires_at) * 1000)::bigint, "
                             "u.language, u.time_zone, u.email_confirmed_at IS NOT NULL "
                             "FROM sessions s JOIN users u ON u.id = s.user_id "
                             "WHERE s.token_hash = ? AND s.revoked_at IS NULL "
                             "AND s.expires_at > now()"_s);
        if (!s.exec(q, { hash }))
            return databaseError(s.lastError(), "authenticate");
        std::optional<AuthUser> user;
        if (q->next()) {
            user = AuthUser { q->value(0).toLongLong(), q->value(1).toString(),
                q->value(2).toString(), utcFromMs(q->value(3)), hash, utcFromMs(q->value(4)) };
            user->language = q->value(5).toString();
            user->timeZone = q->value(6).toString();
            user->emailConfirmed = q->value(7).toBool();
        }
        q->finish();
        return user;
    });
}

} // namespace Pudding::Server
