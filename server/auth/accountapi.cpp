// SPDX-License-Identifier: GPL-3.0-or-later
// The account's settings, password reset and address confirmation (issue 14): the REST routes
// and the two small pages the mail links open. Every token is 32 random bytes (base64url);
// only its SHA-256 is stored (account_tokens), every time rule reads pudding_now().
#include "accounttexts.h"
#include "authapi.h"
#include "authlogging.h"
#include "credentials.h"
#include "db/database.h"
#include "links/links.h"
#include "publish/livepublisher.h"
#include "shared/protocol.h"
#include "shared/validation.h"

#include <QCoreApplication>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
class AccountText
{
    Q_DECLARE_TR_FUNCTIONS(Account)
};
namespace EC = Protocol::ErrorCode;
using AccountTexts::text;

constexpr auto kPurposeConfirm = "email_confirmation"_L1;

const QString kUserColumns
    = u"id, email, name, (extract(epoch from created_at) * 1000)::bigint, language, time_zone, "
      "email_confirmed_at IS NOT NULL"_s;

User userFromRow(const QSqlQuery &q, int first = 0)
{
    User user { q.value(first).toLongLong(), q.value(first + 1).toString(),
        q.value(first + 2).toString(),
        QDateTime::fromMSecsSinceEpoch(q.value(first + 3).toLongLong(), Qt::UTC) };
    user.language = q.value(first + 4).toString();
    user.timeZone = q.value(first + 5).toString();
    user.emailConfirmed = q.value(first + 6).toBool();
    return user;
}

HttpResponse userResponse(const User &user)
{
    return HttpResponse::json(QJsonObject { { u"user"_s, user.toJson() } });
}

HttpResponse invalidToken()
{
    const QString message
        = AccountText::tr("This code is unknown, was used already or has expired.");
    return HttpResponse::error(EC::InvalidToken, message, { { u"token"_s, message } });
}

/// An IANA id the system's zone database knows ("Europe/Berlin", "Etc/UTC"), not a UTC offset.
/// Known ids are remembered, so the database is read once per id, not per request.
bool isKnownTimeZone(const QByteArray &id)
{
    static QMutex mutex;
    static QSet<QByteArray> known;
    {
        const QMutexLocker lock(&mutex);
        if (known.contains(id))
            return true;
    }
    // Qt's list leaves out the Etc/ aliases ("Etc/UTC", the system zone of many servers), and
    // QTimeZone takes any word as a POSIX rule ("Nowhere" is "valid"): an id outside the list
    // must be an Area/Location path the zone database loads.
    static const QRegularExpression path(u"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)+$"_s);
    const bool listed = QTimeZone::isTimeZoneIdAvailable(id);
    if (!(listed || path.match(QString::fromLatin1(id)).hasMatch()) || !QTimeZone(id).isValid())
        return false;
    const QMutexLocker lock(&mutex);
    known.insert(id);
    return true;
}

/// The token of a body or form: only what can be one of ours reaches the database.
std::optional<QByteArray> tokenOf(const QString &value)
{
    const QByteArray token = value.trimmed().toLatin1();
    if (!Credentials::looksLikeToken(token))
        return std::nullopt;
    return token;
}

/// application/x-www-form-urlencoded, as browsers send forms ("+" is a space).
QUrlQuery formBody(const Request &request)
{
    QByteArray body = request.body;
    body.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(body));
}

QString formValue(const QUrlQuery &form, const QString &key)
{
    return form.queryItemValue(key, QUrl::FullyDecoded);
}

/// The language of a page: ?lang= (the mail links carry the recipient's), else Accept-Language.
QString pageLanguage(const Request &request)
{
    const QString lang = request.queryValue(u"lang"_s);
    if (!lang.isEmpty())
        return AccountTexts::normalizedLanguage(lang);
    return request.header("Accept-Language").trimmed().startsWith("de") ? u"de"_s : u"en"_s;
}

/// Creates a token of `purpose` for the user in the caller's transaction; the token or the
/// error (the transaction has failed then).
Result<QByteArray> insertToken(
    Transaction &tx, qint64 userId, QLatin1StringView purpose, const QString &email, int hours)
{
    const QByteArray token = Credentials::newToken();
    auto *q
        = tx.exec(u"INSERT INTO account_tokens(token_hash, user_id, purpose, email, "
                  "expires_at) VALUES (?, ?, ?, ?, pudding_now() + make_interval(hours => ?))"_s,
            { Credentials::tokenHash(token), userId, QString(purpose), email, hours });
    if (!q)
        return databaseError(tx.error(), "account token");
    q->finish();
    return token;
}

/// The outcome of a password change with a reset token.
enum class ResetOutcome { Done, InvalidToken, Failed };

/// Uses the reset token and sets the new password, in one transaction: the token is consumed
/// only while unused and unexpired (pudding_now()), every other unused reset token of the user
/// is invalidated, every session revoked (their sockets close with 4401 after COMMIT).
std::pair<ResetOutcome, Error> resetPassword(
    DbSession &s, const QByteArray &tokenHash, const QByteArray &passwordHash)
{
    Transaction tx(s);
    auto *use = tx.exec(u"UPDATE account_tokens SET used_at = pudding_now() "
                        "WHERE token_hash = ? AND purpose = 'password_reset' AND used_at IS NULL "
                        "AND expires_at > pudding_now() RETURNING user_id, email"_s,
        { tokenHash });
    if (!use)
        return { ResetOutcome::Failed, databaseError(tx.error(), "reset token") };
    if (!use->next())
        return { ResetOutcome::InvalidToken, {} };
    const qint64 userId = use->value(0).toLongLong();
    const QString email = use->value(1).toString();
    use->finish();
    // The mail reached the address, so the reset also confirms it (when it is still the one).
    auto *update = tx.exec(u"UPDATE users SET password_hash = ?, email_confirmed_at = "
                           "CASE WHEN lower(email) = lower(?) "
                           "THEN coalesce(email_confirmed_at, pudding_now()) "
                           "ELSE email_confirmed_at END WHERE id = ?"_s,
        { QString::fromLatin1(passwordHash), email, userId });
    if (!update || update->numRowsAffected() != 1)
        return { ResetOutcome::Failed, databaseError(tx.error(), "reset password") };
    if (!tx.exec(u"UPDATE account_tokens SET used_at = pudding_now() WHERE user_id = ? "
                 "AND purpose = 'password_reset' AND used_at IS NULL"_s,
            { userId }))
        return { ResetOutcome::Failed, databaseError(tx.error(), "reset other tokens") };
    auto *revoke = tx.exec(u"UPDATE sessions SET revoked_at = now() WHERE user_id = ? "
                           "AND revoked_at IS NULL RETURNING token_hash"_s,
        { userId });
    if (!revoke)
        return { ResetOutcome::Failed, databaseError(tx.error(), "reset sessions") };
    QList<QByteArray> revoked;
    while (revoke->next())
        revoked.append(revoke->value(0).toByteArray());
    revoke->finish();
    for (const QByteArray &hash : std::as_const(revoked)) {
        if (!LivePublisher::notifyRevoked(s, hash))
            return { ResetOutcome::Failed, databaseError(tx.error(), "reset notify") };
    }
    if (!tx.commit())
        return { ResetOutcome::Failed, databaseError(tx.error(), "reset commit") };
    qCInfo(lcAuth) << "password reset for user" << userId << "revoked" << revoked.size()
                   << "sessions";
    return { ResetOutcome::Done, {} };
}

/// Uses a confirmation token: the user it confirmed, nothing for an invalid token (or one of
/// another user than `onlyUser`, when given), or the error.
Result<std::optional<User>> confirmAddress(
    DbSession &s, const QByteArray &tokenHash, std::optional<qint64> onlyUser)
{
    Transaction tx(s);
    auto *use = tx.exec(u"UPDATE account_tokens SET used_at = pudding_now() "
                        "WHERE token_hash = ? AND purpose = 'email_confirmation' "
                        "AND used_at IS NULL AND expires_at > pudding_now() "
                        "AND (?::bigint IS NULL OR user_id = ?::bigint) "
                        "RETURNING user_id, email"_s,
        { tokenHash, onlyUser ? QVariant(*onlyUser) : QVariant(QMetaType(QMetaType::LongLong)),
            onlyUser ? QVariant(*onlyUser) : QVariant(QMetaType(QMetaType::LongLong)) });
    if (!use)
        return databaseError(tx.error(), "confirm token");
    if (!use->next())
        return std::optional<User>();
    const qint64 userId = use->value(0).toLongLong();
    const QString email = use->value(1).toString();
    use->finish();
    // Confirms the address the mail went to, and only while it is still the account's.
    auto *update = tx.exec(u"UPDATE users SET email_confirmed_at = "
                           "coalesce(email_confirmed_at, pudding_now()) "
                           "WHERE id = ? AND lower(email) = lower(?) RETURNING "_s
            + kUserColumns,
        { userId, email });
    if (!update)
        return databaseError(tx.error(), "confirm address");
    if (!update->next())
        return std::optional<User>();
    const User user = userFromRow(*update);
    update->finish();
    if (!tx.commit())
        return databaseError(tx.error(), "confirm commit");
    qCInfo(lcAuth) << "address confirmed for user" << userId;
    return std::optional<User>(user);
}
} // namespace

AuthApi::AccountSettings AuthApi::accountSettings(const QJsonObject &json)
{
    AccountSettings settings;
    if (json.contains("language"_L1)) {
        const QJsonValue v = json.value("language"_L1);
        if (v.isString() && (v.toString() == "en"_L1 || v.toString() == "de"_L1))
            settings.language = v.toString();
        else
            settings.errors.append({ u"language"_s, AccountText::tr("Use en or de.") });
    }
    if (json.contains("timeZone"_L1)) {
        const QJsonValue v = json.value("timeZone"_L1);
        const QByteArray id = v.toString().toUtf8();
        // An IANA id the system knows ("Europe/Berlin"); QTimeZone also accepts offsets such
        // as "UTC+01:00", which have no daylight-saving rules and are refused here.
        if (v.isString() && !id.isEmpty() && id.size() <= 64 && isKnownTimeZone(id)
            && !id.startsWith("UTC+") && !id.startsWith("UTC-"))
            settings.timeZone = v.toString();
        else
            settings.errors.append(
                { u"timeZone"_s, AccountText::tr("Use a time zone such as Europe/Berlin.") });
    }
    return settings;
}

Result<void> AuthApi::queueConfirmationMail(Transaction &tx, const User &user)
{
    const auto token = insertToken(tx, user.id, kPurposeConfirm, user.email, 7 * 24);
    if (!token)
        return token.error();
    const QString tokenText = QString::fromLatin1(token.value());
    const QString url = Links::url(u"/confirm-email?token=%1&lang=%2"_s.arg(
        tokenText, AccountTexts::normalizedLanguage(user.language)));
    const auto mail = AccountTexts::confirmationMail(
        { user.id, user.email, user.name, user.language }, tokenText, url);
    if (const auto queued = Mail::enqueue(tx.session(), mail); !queued)
        return queued.error();
    return {};
}

void AuthApi::updateMe(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    const QJsonObject &json = *body;
    AccountSettings settings = accountSettings(json);
    std::optional<QString> name;
    if (json.contains("name"_L1)) {
        if (!json.value("name"_L1).isString()) {
            settings.errors.append({ u"name"_s, AccountText::tr("This field must be a text.") });
        } else {
            const QString raw = json.value("name"_L1).toString();
            const auto errors = Validation::validateUserName(raw);
            if (errors.isEmpty())
                name = Validation::normalizedText(raw, Validation::TextKind::SingleLine);
            settings.errors.append(errors);
        }
    }
    if (!settings.errors.isEmpty()) {
        reply.send(HttpResponse::validation(settings.errors));
        return;
    }
    const qint64 userId = request.user->id;
    m_db.run([userId, settings, name](DbSession &s) -> HttpResponse {
            auto *q = s.prepared(u"UPDATE users SET language = coalesce(?, language), "
                                 "time_zone = coalesce(?, time_zone), name = coalesce(?, name) "
                                 "WHERE id = ? RETURNING "_s
                + kUserColumns);
            const QVariant null { QMetaType(QMetaType::QString) };
            if (!s.exec(q,
                    { settings.language ? QVariant(*settings.language) : null,
                        settings.timeZone ? QVariant(*settings.timeZone) : null,
                        name ? QVariant(*name) : null, userId }))
                return HttpResponse::fromError(databaseError(s.lastError(), "update me"));
            if (!q->next())
                return HttpResponse::error(EC::Unauthorized, AccountText::tr("Please sign in."));
            const User user = userFromRow(*q);
            q->finish();
            return userResponse(user);
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void AuthApi::requestPasswordReset(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    const QJsonValue emailValue = body->value("email"_L1);
    if (!emailValue.isString() || emailValue.toString().trimmed().isEmpty()) {
        reply.send(HttpResponse::validation(
            { { u"email"_s, AccountText::tr("Enter the e-mail address of your account.") } }));
        return;
    }
    if (const auto errors = Validation::checkText(u"email"_s, emailValue.toString(),
            Validation::TextKind::SingleLine, 0, Protocol::Limits::EmailMax);
        !errors.isEmpty()) {
        reply.send(HttpResponse::validation(errors));
        return;
    }
    if (!admit(request, reply))
        return;
    const QString email = emailValue.toString().trimmed();
    m_db.run([email](DbSession &s) -> HttpResponse {
            // Known or not, the same statement runs: it makes the token only for an account
            // (no timing difference from a lookup that stops early). Only the mail's insert
            // is extra for a known address.
            const QByteArray token = Credentials::newToken();
            Transaction tx(s);
            auto *q = tx.exec(
                u"INSERT INTO account_tokens(token_hash, user_id, purpose, email, expires_at) "
                "SELECT ?, id, 'password_reset', email, pudding_now() + interval '1 hour' "
                "FROM users WHERE lower(email) = lower(?) "
                "RETURNING user_id, email, (SELECT name FROM users u WHERE u.id = user_id), "
                "(SELECT language FROM users u WHERE u.id = user_id)"_s,
                { Credentials::tokenHash(token), email });
            if (!q)
                return HttpResponse::fromError(databaseError(tx.error(), "reset request"));
            if (q->next()) {
                const AccountTexts::Recipient to { q->value(0).toLongLong(), q->value(1).toString(),
                    q->value(2).toString(), q->value(3).toString() };
                q->finish();
                const QString tokenText = QString::fromLatin1(token);
                const QString url = Links::url(u"/reset-password?token=%1&lang=%2"_s.arg(
                    tokenText, AccountTexts::normalizedLanguage(to.language)));
                if (const auto queued
                    = Mail::enqueue(s, AccountTexts::passwordResetMail(to, tokenText, url));
                    !queued)
                    return HttpResponse::fromError(queued.error());
                qCInfo(lcAuth) << "password reset mail queued for user" << to.userId;
            } else {
                q->finish();
            }
            if (!tx.commit())
                return HttpResponse::fromError(databaseError(tx.error(), "reset request"));
            return HttpResponse::json(QJsonObject {}, 202);
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void AuthApi::confirmPasswordReset(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    const QJsonValue passwordValue = body->value("password"_L1);
    if (!passwordValue.isString()) {
        reply.send(HttpResponse::validation(
            { { u"password"_s, AccountText::tr("This field is required and must be a text.") } }));
        return;
    }
    const auto token = tokenOf(body->value("token"_L1).toString());
    if (!token) {
        reply.send(invalidToken());
        return;
    }
    const QString password = passwordValue.toString();
    if (const auto errors = Validation::validatePassword(password); !errors.isEmpty()) {
        reply.send(HttpResponse::validation(errors));
        return;
    }
    if (!admit(request, reply))
        return;
    const QByteArray tokenHash = Credentials::tokenHash(*token);
    QtConcurrent::run(&m_cryptoPool, [password] {
        return Credentials::hashPassword(password);
    }).then([this, reply, tokenHash](const QByteArray &hash) {
        if (hash.isEmpty()) {
            reply.send(HttpResponse::internalError());
            return;
        }
        m_db.run([tokenHash, hash](DbSession &s) -> HttpResponse {
                const auto [outcome, error] = resetPassword(s, tokenHash, hash);
                switch (outcome) {
                case ResetOutcome::Done:
                    return HttpResponse::noContent();
                case ResetOutcome::InvalidToken:
                    return invalidToken();
                case ResetOutcome::Failed:
                    break;
                }
                return HttpResponse::fromError(error);
            })
            .then([reply](const HttpResponse &response) { reply.send(response); });
    });
}

void AuthApi::confirmEmail(Request &request, const Reply &reply)
{
    const auto body = jsonBodyOrReply(request, reply);
    if (!body)
        return;
    const auto token = tokenOf(body->value("token"_L1).toString());
    if (!token) {
        reply.send(invalidToken());
        return;
    }
    if (!admit(request, reply))
        return;
    const QByteArray tokenHash = Credentials::tokenHash(*token);
    // Signed in: only a token of this account (the answer shows the account).
    const std::optional<qint64> onlyUser
        = request.user ? std::optional<qint64>(request.user->id) : std::nullopt;
    m_db.run([tokenHash, onlyUser](DbSession &s) -> HttpResponse {
            const auto confirmed = confirmAddress(s, tokenHash, onlyUser);
            if (!confirmed)
                return HttpResponse::fromError(confirmed.error());
            if (!confirmed.value())
                return invalidToken();
            return userResponse(*confirmed.value());
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

void AuthApi::resendConfirmation(Request &request, const Reply &reply)
{
    if (!admit(request, reply))
        return;
    const qint64 userId = request.user->id;
    m_db.run([userId](DbSession &s) -> HttpResponse {
            Transaction tx(s);
            auto *q = tx.exec(
                u"SELECT "_s + kUserColumns + u" FROM users WHERE id = ? FOR UPDATE"_s, { userId });
            if (!q)
                return HttpResponse::fromError(databaseError(tx.error(), "resend"));
            if (!q->next())
                return HttpResponse::error(EC::Unauthorized, AccountText::tr("Please sign in."));
            const User user = userFromRow(*q);
            q->finish();
            if (!user.emailConfirmed) {
                if (const auto queued = queueConfirmationMail(tx, user); !queued)
                    return HttpResponse::fromError(queued.error());
            }
            if (!tx.commit())
                return HttpResponse::fromError(databaseError(tx.error(), "resend"));
            return HttpResponse::json(QJsonObject {}, 202);
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

// ---- the pages of the mail links (GET shows, only POST changes) -------------------------------

void AuthApi::resetPage(Request &request, const Reply &reply)
{
    const QString lang = pageLanguage(request);
    const QString token = request.queryValue(u"token"_s).trimmed();
    if (!tokenOf(token)) {
        reply.send(AccountTexts::page(lang, text(lang, "Link not valid"),
            text(lang,
                "This link is unknown, was used already or has expired. Ask for a new mail in "
                "the app."),
            {}, 400));
        return;
    }
    reply.send(AccountTexts::page(lang, text(lang, "Choose a new password"),
        text(lang, "Choose a password of at least 10 characters for your Pudding Gabel account."),
        AccountTexts::PageForm { u"/reset-password?lang="_s + lang, { { u"token"_s, token } },
            { { u"password"_s, text(lang, "New password") },
                { u"password2"_s, text(lang, "Repeat the new password") } },
            text(lang, "Save the password") }));
}

void AuthApi::resetPageSubmit(Request &request, const Reply &reply)
{
    const QString lang = pageLanguage(request);
    const QUrlQuery form = formBody(request);
    const QString tokenText = formValue(form, u"token"_s);
    const QString password = formValue(form, u"password"_s);
    const auto token = tokenOf(tokenText);
    const auto invalidPage = [lang] {
        return AccountTexts::page(lang, text(lang, "Link not valid"),
            text(lang,
                "This link is unknown, was used already or has expired. Ask for a new mail in "
                "the app."),
            {}, 400);
    };
    if (!token) {
        reply.send(invalidPage());
        return;
    }
    const auto formAgain = [lang, tokenText](const char *problem) {
        return AccountTexts::page(lang, text(lang, "Choose a new password"), text(lang, problem),
            AccountTexts::PageForm { u"/reset-password?lang="_s + lang,
                { { u"token"_s, tokenText } },
                { { u"password"_s, text(lang, "New password") },
                    { u"password2"_s, text(lang, "Repeat the new password") } },
                text(lang, "Save the password") },
            400);
    };
    if (password != formValue(form, u"password2"_s)) {
        reply.send(formAgain("The two passwords differ. Please try again."));
        return;
    }
    if (!Validation::validatePassword(password).isEmpty()) {
        reply.send(formAgain("This password cannot be used: it needs at least 10 characters and "
                             "must not be one of the most common passwords. Please try again."));
        return;
    }
    if (!admit(request, reply))
        return;
    const QByteArray tokenHash = Credentials::tokenHash(*token);
    QtConcurrent::run(&m_cryptoPool, [password] {
        return Credentials::hashPassword(password);
    }).then([this, reply, tokenHash, lang, invalidPage](const QByteArray &hash) {
        if (hash.isEmpty()) {
            reply.send(HttpResponse::internalError());
            return;
        }
        m_db.run([tokenHash, hash, lang, invalidPage](DbSession &s) -> HttpResponse {
                const auto [outcome, error] = resetPassword(s, tokenHash, hash);
                switch (outcome) {
                case ResetOutcome::Done:
                    return AccountTexts::page(lang, text(lang, "Password changed"),
                        text(lang,
                            "Your password was changed and every device was signed out. Sign "
                            "in with the new password in the app."));
                case ResetOutcome::InvalidToken:
                    return invalidPage();
                case ResetOutcome::Failed:
                    break;
                }
                return AccountTexts::page(lang, text(lang, "Something went wrong"),
                    text(lang, "The server could not do this just now. Please try again."), {},
                    httpStatusFor(error));
            })
            .then([reply](const HttpResponse &response) { reply.send(response); });
    });
}

void AuthApi::confirmPage(Request &request, const Reply &reply)
{
    const QString lang = pageLanguage(request);
    const QString token = request.queryValue(u"token"_s).trimmed();
    if (!tokenOf(token)) {
        reply.send(AccountTexts::page(lang, text(lang, "Link not valid"),
            text(lang,
                "This link is unknown, was used already or has expired. Ask for a new mail in "
                "the app."),
            {}, 400));
        return;
    }
    reply.send(AccountTexts::page(lang, text(lang, "Confirm your e-mail address"),
        text(lang, "Press the button to confirm your e-mail address."),
        AccountTexts::PageForm { u"/confirm-email?lang="_s + lang, { { u"token"_s, token } }, {},
            text(lang, "Confirm") }));
}

void AuthApi::confirmPageSubmit(Request &request, const Reply &reply)
{
    const QString lang = pageLanguage(request);
    const auto token = tokenOf(formValue(formBody(request), u"token"_s));
    const auto invalidPage = [lang] {
        return AccountTexts::page(lang, text(lang, "Link not valid"),
            text(lang,
                "This link is unknown, was used already or has expired. Ask for a new mail in "
                "the app."),
            {}, 400);
    };
    if (!token) {
        reply.send(invalidPage());
        return;
    }
    if (!admit(request, reply))
        return;
    const QByteArray tokenHash = Credentials::tokenHash(*token);
    m_db.run([tokenHash, lang, invalidPage](DbSession &s) -> HttpResponse {
            const auto confirmed = confirmAddress(s, tokenHash, std::nullopt);
            if (!confirmed)
                return AccountTexts::page(lang, text(lang, "Something went wrong"),
                    text(lang, "The server could not do this just now. Please try again."), {},
                    httpStatusFor(confirmed.error()));
            if (!confirmed.value())
                return invalidPage();
            return AccountTexts::page(lang, text(lang, "Address confirmed"),
                text(lang, "Thank you, your e-mail address is confirmed."));
        })
        .then([reply](const HttpResponse &response) { reply.send(response); });
}

} // namespace Pudding::Server
