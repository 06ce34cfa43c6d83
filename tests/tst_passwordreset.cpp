// SPDX-License-Identifier: GPL-3.0-or-later
// Password reset and address confirmation (issue 14) against the real server and PostgreSQL:
// the mails (read from the job queue, where Mail::enqueue put them in the request's
// transaction), single use, the hour's expiry on the test clock, every session revoked, the
// same answer for unknown addresses, the HTML pages of the mail links, PATCH /api/auth/me.
#include "contractrecorder.h"
#include "serverfixture.h"
#include "smtpsink.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Pudding::Test;

namespace {
const QString kNewPassword = u"a much better password 42"_s;

struct SentMail
{
    QJsonObject payload;
    QString token; ///< the code shown in the mail
    QString link; ///< the link in the plain text
};
} // namespace

class TstPasswordReset : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    SmtpSink m_sink;

    QSqlDatabase sql() { return m_server.sql(u"check"_s); }

    QVariant scalar(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q(sql());
        q.prepare(statement);
        for (const auto &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next()) {
            qWarning() << "query failed" << statement << q.lastError().text();
            return {};
        }
        return q.value(0);
    }

    /// The mail jobs queued for `email`, oldest first.
    QList<SentMail> mailsTo(const QString &email)
    {
        QSqlQuery q(sql());
        q.prepare(u"SELECT payload::text FROM jobs WHERE kind = 'mail' AND payload->>'to' = ? "
                  "ORDER BY id"_s);
        q.addBindValue(email);
        QList<SentMail> out;
        if (!q.exec()) {
            qWarning() << q.lastError().text();
            return out;
        }
        static const QRegularExpression code(
            u"^    ([A-Za-z0-9_-]{43})$"_s, QRegularExpression::MultilineOption);
        static const QRegularExpression link(
            u"^(https?://\\S+)$"_s, QRegularExpression::MultilineOption);
        while (q.next()) {
            SentMail mail;
            mail.payload = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
            const QString text = mail.payload.value("text"_L1).toString();
            mail.token = code.match(text).captured(1);
            mail.link = link.match(text).captured(1);
            // The contract check (d): no server log may show a mailed code.
            Pudding::Test::Contract::recordSecret("mail code", mail.token.toLatin1());
            out.append(mail);
        }
        return out;
    }

    int count(const QString &table) { return scalar(u"SELECT count(*) FROM "_s + table).toInt(); }

    void setClock(int seconds)
    {
        QSqlQuery q(sql());
        QVERIFY(q.exec(u"UPDATE pudding_clock SET offset_seconds = %1"_s.arg(seconds)));
    }

    HttpResult postForm(const QString &path, const QUrlQuery &form)
    {
        return m_server->request("POST", path, form.toString(QUrl::FullyEncoded).toUtf8(), {},
            "application/x-www-form-urlencoded");
    }

    /// Asks for a reset of `email` and returns the mail it queued.
    SentMail requestReset(const QString &email)
    {
        const int before = int(mailsTo(email).size());
        const auto r = m_server->postJson(u"/api/auth/password-reset"_s, { { u"email"_s, email } });
        if (r.status != 202) {
            qWarning() << "reset request" << r.status << r.body;
            return {};
        }
        const auto mails = mailsTo(email);
        return mails.size() == before + 1 ? mails.last() : SentMail {};
    }

    HttpResult confirmReset(const QString &token, const QString &password = kNewPassword)
    {
        return m_server->postJson(u"/api/auth/password-reset/confirm"_s,
            { { u"token"_s, token }, { u"password"_s, password } });
    }

    QString errorField(const HttpResult &r)
    {
        const auto fields = r.json().value("error"_L1).toObject().value("fields"_L1).toArray();
        return fields.isEmpty() ? QString()
                                : fields.first().toObject().value("field"_L1).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sink.start(), qPrintable(m_sink.errorString()));
        TestServer::Options options;
        options.extraArguments = m_sink.serverArguments();
        QVERIFY2(m_server.start(u"passwordreset"_s, options), qPrintable(m_server.errorString()));
    }

    void cleanup() { setClock(0); }

    void registerQueuesTheConfirmationMail()
    {
        const auto r = m_server->postJson(u"/api/auth/register"_s,
            { { u"email"_s, u"Jonas@Example.org"_s }, { u"password"_s, ServerFixture::kPassword },
                { u"name"_s, u"Jonas Müller"_s }, { u"language"_s, u"de"_s },
                { u"timeZone"_s, u"Europe/Vienna"_s } });
        QCOMPARE(r.status, 201);
        const QJsonObject user = r.json().value("user"_L1).toObject();
        QCOMPARE(user.value("language"_L1).toString(), u"de"_s);
        QCOMPARE(user.value("timeZone"_L1).toString(), u"Europe/Vienna"_s);
        QCOMPARE(user.value("emailConfirmed"_L1), QJsonValue(false));
        const QByteArray token = r.json().value("token"_L1).toString().toLatin1();

        const auto mails = mailsTo(u"Jonas@Example.org"_s);
        QCOMPARE(mails.size(), 1);
        const SentMail &mail = mails.first();
        QCOMPARE(mail.payload.value("language"_L1).toString(), u"de"_s);
        QCOMPARE(mail.payload.value("subject"_L1).toString(), u"Bestätige deine E-Mail-Adresse"_s);
        QCOMPARE(mail.payload.value("toName"_L1).toString(), u"Jonas Müller"_s);
        QCOMPARE(mail.payload.value("category"_L1).toString(), QString()); // transactional
        QVERIFY(mail.payload.value("text"_L1).toString().startsWith(u"Hallo Jonas Müller,"_s));
        QCOMPARE(mail.token.size(), 43);
        QCOMPARE(mail.link,
            m_server->url(u"/confirm-email"_s).toString() + u"?token="_s + mail.token
                + u"&lang=de"_s);
        QVERIFY(mail.payload.value("html"_L1).toString().contains(mail.token));
        // Only the hash is stored, valid for a week.
        QCOMPARE(scalar(u"SELECT count(*) FROM account_tokens WHERE token_hash = "
                        "sha256(convert_to(?, 'UTF8')) AND purpose = 'email_confirmation' "
                        "AND expires_at - created_at = interval '7 days'"_s,
                     { mail.token })
                     .toInt(),
            1);

        // A wrong code changes nothing; the right one confirms once.
        const auto wrong = m_server->postJson(
            u"/api/auth/confirm-email"_s, { { u"token"_s, QString(43, u'A') } }, token);
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.errorCode(), u"invalid_token"_s);
        QCOMPARE(errorField(wrong), u"token"_s);
        const auto ok = m_server->postJson(
            u"/api/auth/confirm-email"_s, { { u"token"_s, mail.token } }, token);
        QCOMPARE(ok.status, 200);
        QCOMPARE(
            ok.json().value("user"_L1).toObject().value("emailConfirmed"_L1), QJsonValue(true));
        const auto again = m_server->postJson(
            u"/api/auth/confirm-email"_s, { { u"token"_s, mail.token } }, token);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.errorCode(), u"invalid_token"_s);
        const auto me = m_server->get(u"/api/auth/me"_s, token);
        QCOMPARE(
            me.json().value("user"_L1).toObject().value("emailConfirmed"_L1), QJsonValue(true));
        // Confirmed: a resend sends nothing.
        QCOMPARE(
            m_server->request("POST", u"/api/auth/confirm-email/resend"_s, {}, token).status, 202);
        QCOMPARE(mailsTo(u"Jonas@Example.org"_s).size(), 1);
    }

    void registerWithABadLanguageStoresNothing()
    {
        const int users = count(u"users"_s);
        const int jobs = count(u"jobs"_s);
        const auto r = m_server->postJson(u"/api/auth/register"_s,
            { { u"email"_s, u"fr@example.org"_s }, { u"password"_s, ServerFixture::kPassword },
                { u"name"_s, u"Frida"_s }, { u"language"_s, u"fr"_s } });
        QCOMPARE(r.status, 400);
        QCOMPARE(errorField(r), u"language"_s);
        QCOMPARE(count(u"users"_s), users);
        QCOMPARE(count(u"jobs"_s), jobs);
        // A taken address: the transaction rolls back, no confirmation mail either.
        const auto taken = m_server->postJson(u"/api/auth/register"_s,
            { { u"email"_s, u"jonas@example.org"_s }, { u"password"_s, ServerFixture::kPassword },
                { u"name"_s, u"Other Jonas"_s } });
        QCOMPARE(taken.status, 409);
        QCOMPARE(count(u"users"_s), users);
        QCOMPARE(count(u"jobs"_s), jobs);
    }

    void someoneElsesCodeDoesNotConfirm()
    {
        const Account a = m_server.signUp(u"A"_s);
        const Account b = m_server.signUp(u"B"_s);
        const auto mail = mailsTo(a.email).value(0);
        QCOMPARE(mail.token.size(), 43);
        // B signed in with A's code: refused, A stays unconfirmed and the code stays usable.
        const auto r = m_server->postJson(
            u"/api/auth/confirm-email"_s, { { u"token"_s, mail.token } }, b.token);
        QCOMPARE(r.status, 400);
        QCOMPARE(scalar(u"SELECT email_confirmed_at IS NULL FROM users WHERE id = ?"_s, { a.id })
                     .toBool(),
            true);
        // A resend queues a second code; both work until one is used.
        QCOMPARE(m_server->request("POST", u"/api/auth/confirm-email/resend"_s, {}, a.token).status,
            202);
        const auto mails = mailsTo(a.email);
        QCOMPARE(mails.size(), 2);
        QVERIFY(mails.at(1).token != mail.token);
        QCOMPARE(m_server
                     ->postJson(u"/api/auth/confirm-email"_s, { { u"token"_s, mails.at(1).token } },
                         a.token)
                     .status,
            200);
    }

    void confirmationPageChangesNothingUntilPosted()
    {
        const Account a = m_server.signUp(u"Page"_s);
        const auto mail = mailsTo(a.email).value(0);
        QVERIFY(!mail.link.isEmpty());
        const QString path = QUrl(mail.link).path() + u"?"_s + QUrl(mail.link).query();
        for (int i = 0; i < 2; ++i) {
            const auto page = m_server->get(path);
            QCOMPARE(page.status, 200);
            QVERIFY(page.header("Content-Type").startsWith("text/html"));
            QVERIFY(page.body.contains("<form method=\"post\""));
            QVERIFY(page.body.contains(mail.token.toLatin1()));
        }
        QCOMPARE(scalar(u"SELECT count(*) FROM account_tokens WHERE user_id = ? "
                        "AND used_at IS NULL"_s,
                     { a.id })
                     .toInt(),
            1);
        QCOMPARE(scalar(u"SELECT email_confirmed_at IS NULL FROM users WHERE id = ?"_s, { a.id })
                     .toBool(),
            true);
        QUrlQuery form;
        form.addQueryItem(u"token"_s, mail.token);
        const auto done = postForm(u"/confirm-email?lang=en"_s, form);
        QCOMPARE(done.status, 200);
        QVERIFY(done.body.contains("Address confirmed"));
        QCOMPARE(
            scalar(u"SELECT email_confirmed_at IS NOT NULL FROM users WHERE id = ?"_s, { a.id })
                .toBool(),
            true);
        QCOMPARE(postForm(u"/confirm-email?lang=en"_s, form).status, 400);
    }

    void resetMailIsInTheAccountsLanguage()
    {
        const Account a = m_server.signUp(u"Änne"_s);
        QCOMPARE(
            m_server->patchJson(u"/api/auth/me"_s, { { u"language"_s, u"de"_s } }, a.token).status,
            200);
        const SentMail mail = requestReset(a.email);
        QCOMPARE(mail.payload.value("language"_L1).toString(), u"de"_s);
        QCOMPARE(mail.payload.value("subject"_L1).toString(),
            u"Setze dein Pudding-Gabel-Passwort zurück"_s);
        QVERIFY(mail.payload.value("text"_L1).toString().startsWith(u"Hallo Änne,"_s));
        QCOMPARE(mail.token.size(), 43);
        QCOMPARE(mail.link,
            m_server->url(u"/reset-password"_s).toString() + u"?token="_s + mail.token
                + u"&lang=de"_s);
        QCOMPARE(mail.payload.value("userId"_L1).toInteger(), a.id);
        // The hash only, one hour on the queue's clock.
        QCOMPARE(scalar(u"SELECT count(*) FROM account_tokens WHERE token_hash = "
                        "sha256(convert_to(?, 'UTF8')) AND purpose = 'password_reset' "
                        "AND expires_at - created_at = interval '1 hour'"_s,
                     { mail.token })
                     .toInt(),
            1);
        // The address in any case finds the account; English for an English account.
        const Account b = m_server.signUp(u"Bea"_s);
        QCOMPARE(
            m_server->postJson(u"/api/auth/password-reset"_s, { { u"email"_s, b.email.toUpper() } })
                .status,
            202);
        QCOMPARE(mailsTo(b.email).size(), 2); // the confirmation, then the reset
        const SentMail english = mailsTo(b.email).last();
        QCOMPARE(english.token.size(), 43);
        QCOMPARE(english.payload.value("language"_L1).toString(), u"en"_s);
        QCOMPARE(
            english.payload.value("subject"_L1).toString(), u"Reset your Pudding Gabel password"_s);
    }

    void theMailsArriveOverSmtp()
    {
        // What the recipient's mail program gets, through the job worker and libcurl.
        const Account a = m_server.signUp(u"Jürgen Smtp"_s);
        QCOMPARE(
            m_server->patchJson(u"/api/auth/me"_s, { { u"language"_s, u"de"_s } }, a.token).status,
            200);
        const SentMail queued = requestReset(a.email);
        QVERIFY(!queued.token.isEmpty());
        const auto received = [&](const QString &subject) {
            std::optional<MailMessage> found;
            [[maybe_unused]] const bool arrived = QTest::qWaitFor(
                [&] {
                    for (const MailMessage &m : m_sink.messages()) {
                        if (m.envelopeTo.contains(a.email) && m.header(u"Subject"_s) == subject)
                            found = m;
                    }
                    return found.has_value();
                },
                15000);
            return found;
        };
        const auto confirmation = received(u"Confirm your e-mail address"_s);
        QVERIFY(confirmation); // sent at registration, when the account was still English
        QCOMPARE(confirmation->header(u"Content-Language"_s), u"en"_s);
        QVERIFY(confirmation->text.contains(u"/confirm-email?token="_s));

        const auto reset = received(u"Setze dein Pudding-Gabel-Passwort zurück"_s);
        QVERIFY(reset);
        QCOMPARE(reset->header(u"Content-Language"_s), u"de"_s);
        QVERIFY(reset->header(u"To"_s).contains(u"Jürgen Smtp"_s));
        QVERIFY(reset->text.contains(queued.link));
        QVERIFY(reset->text.contains(queued.token));
        QVERIFY(reset->html.contains(queued.token));
        QVERIFY(reset->html.contains(QString(queued.link).replace(u"&"_s, u"&amp;"_s)));
        // Transactional: no unsubscribe, marked as sent by a machine.
        QVERIFY(!reset->hasHeader(u"List-Unsubscribe"_s));
        QCOMPARE(reset->header(u"Auto-Submitted"_s), u"auto-generated"_s);
        // The code from the delivered mail works.
        QCOMPARE(confirmReset(queued.token).status, 204);
    }

    void resetWorksOnceAndRevokesEverySession()
    {
        const Account a = m_server.signUp(u"Revoked"_s);
        const QByteArray second = m_server.signIn(a.email);
        QVERIFY(!second.isEmpty());
        WsClient live;
        QVERIFY(live.connectAs(m_server->port(), second));
        const SentMail first = requestReset(a.email);
        const SentMail mail = requestReset(a.email);
        QVERIFY(!first.token.isEmpty() && !mail.token.isEmpty() && first.token != mail.token);

        QCOMPARE(confirmReset(mail.token).status, 204);
        // Every session is gone, the live socket closed with 4401.
        QCOMPARE(m_server->get(u"/api/auth/me"_s, a.token).status, 401);
        QCOMPARE(m_server->get(u"/api/auth/me"_s, second).status, 401);
        QVERIFY(live.waitClosed(10000));
        QCOMPARE(live.closeCode(), 4401);
        QCOMPARE(scalar(u"SELECT count(*) FROM sessions WHERE user_id = ? "
                        "AND revoked_at IS NULL"_s,
                     { a.id })
                     .toInt(),
            0);
        // Old password out, new one in; the mail proved the address.
        QVERIFY(m_server.signIn(a.email).isEmpty());
        const QByteArray fresh = m_server.signIn(a.email, kNewPassword);
        QVERIFY(!fresh.isEmpty());
        QCOMPARE(m_server->get(u"/api/auth/me"_s, fresh)
                     .json()
                     .value("user"_L1)
                     .toObject()
                     .value("emailConfirmed"_L1),
            QJsonValue(true));

        // Once only: the same code again, and the earlier unused one, are refused and change
        // nothing (the fresh session lives on).
        for (const QString &token : { mail.token, first.token }) {
            const auto again = confirmReset(token, u"yet another password 7"_s);
            QCOMPARE(again.status, 400);
            QCOMPARE(again.errorCode(), u"invalid_token"_s);
            QCOMPARE(errorField(again), u"token"_s);
        }
        QCOMPARE(m_server->get(u"/api/auth/me"_s, fresh).status, 200);
        QVERIFY(!m_server.signIn(a.email, kNewPassword).isEmpty());
    }

    void anExpiredCodeIsRefused()
    {
        const Account a = m_server.signUp(u"Late"_s);
        const SentMail mail = requestReset(a.email);
        QVERIFY(!mail.token.isEmpty());
        setClock(3601); // an hour and a second later
        const auto r = confirmReset(mail.token);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"invalid_token"_s);
        QCOMPARE(m_server->get(u"/api/auth/me"_s, a.token).status, 200);
        QVERIFY(!m_server.signIn(a.email).isEmpty());
        // Control: within the hour the same kind of code works.
        setClock(0);
        const SentMail inTime = requestReset(a.email);
        setClock(3500);
        QCOMPARE(confirmReset(inTime.token).status, 204);
    }

    void unknownAddressGetsTheSameAnswerAndNoMail()
    {
        const Account a = m_server.signUp(u"Known"_s);
        const int jobs = count(u"jobs"_s);
        const int tokens = count(u"account_tokens"_s);
        const auto known
            = m_server->postJson(u"/api/auth/password-reset"_s, { { u"email"_s, a.email } });
        const auto unknown = m_server->postJson(
            u"/api/auth/password-reset"_s, { { u"email"_s, u"nobody@example.org"_s } });
        QCOMPARE(known.status, 202);
        QCOMPARE(unknown.status, 202);
        QCOMPARE(unknown.body, known.body);
        QCOMPARE(unknown.header("Content-Type"), known.header("Content-Type"));
        QCOMPARE(count(u"jobs"_s), jobs + 1); // the known one's mail only
        QCOMPARE(count(u"account_tokens"_s), tokens + 1);
        QCOMPARE(mailsTo(u"nobody@example.org"_s).size(), 0);
    }

    void aWrongCodeChangesNothing()
    {
        const Account a = m_server.signUp(u"Wrong"_s);
        const SentMail mail = requestReset(a.email);
        const QString hashBefore
            = scalar(u"SELECT password_hash FROM users WHERE id = ?"_s, { a.id }).toString();
        const QString wrong
            = QString(mail.token).replace(0, 1, mail.token.at(0) == u'A' ? u"B"_s : u"A"_s);
        for (const QString &token : { wrong, u"short"_s, QString() }) {
            const auto r = confirmReset(token);
            QCOMPARE(r.status, 400);
            QCOMPARE(r.errorCode(), u"invalid_token"_s);
        }
        // A weak password with the right code: a validation error, the code stays unused.
        const auto weak = confirmReset(mail.token, u"short"_s);
        QCOMPARE(weak.status, 400);
        QCOMPARE(weak.errorCode(), u"validation_failed"_s);
        QCOMPARE(errorField(weak), u"password"_s);
        QCOMPARE(scalar(u"SELECT password_hash FROM users WHERE id = ?"_s, { a.id }).toString(),
            hashBefore);
        QCOMPARE(scalar(u"SELECT count(*) FROM account_tokens WHERE user_id = ? "
                        "AND purpose = 'password_reset' AND used_at IS NULL"_s,
                     { a.id })
                     .toInt(),
            1);
        QCOMPARE(m_server->get(u"/api/auth/me"_s, a.token).status, 200);
    }

    void resetPagesWorkWithAFormAndGetChangesNothing()
    {
        const Account a = m_server.signUp(u"Browser"_s);
        QCOMPARE(
            m_server->patchJson(u"/api/auth/me"_s, { { u"language"_s, u"de"_s } }, a.token).status,
            200);
        const SentMail mail = requestReset(a.email);
        const QString path = QUrl(mail.link).path() + u"?"_s + QUrl(mail.link).query();
        const auto page = m_server->get(path);
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QVERIFY(page.body.contains("lang=\"de\""));
        QVERIFY(page.body.contains("Neues Passwort"));
        QVERIFY(page.body.contains("name=\"password2\""));
        QCOMPARE(page.header("Referrer-Policy"), QByteArray("no-referrer"));
        QCOMPARE(page.header("Cache-Control"), QByteArray("no-store")); // it holds the token
        QCOMPARE(scalar(u"SELECT count(*) FROM account_tokens WHERE user_id = ? "
                        "AND purpose = 'password_reset' AND used_at IS NULL"_s,
                     { a.id })
                     .toInt(),
            1);
        QCOMPARE(m_server->get(u"/api/auth/me"_s, a.token).status, 200);

        QUrlQuery form;
        form.addQueryItem(u"token"_s, mail.token);
        form.addQueryItem(u"password"_s, kNewPassword);
        form.addQueryItem(u"password2"_s, kNewPassword + u"x"_s);
        const auto differ = postForm(u"/reset-password?lang=de"_s, form);
        QCOMPARE(differ.status, 400);
        QVERIFY(differ.body.contains("Die beiden Passwörter"));
        QCOMPARE(m_server->get(u"/api/auth/me"_s, a.token).status, 200);

        QUrlQuery good;
        good.addQueryItem(u"token"_s, mail.token);
        good.addQueryItem(u"password"_s, kNewPassword);
        good.addQueryItem(u"password2"_s, kNewPassword);
        const auto done = postForm(u"/reset-password?lang=de"_s, good);
        QCOMPARE(done.status, 200);
        QVERIFY(done.body.contains("Passwort geändert"));
        QCOMPARE(m_server->get(u"/api/auth/me"_s, a.token).status, 401);
        QVERIFY(!m_server.signIn(a.email, kNewPassword).isEmpty());
        QCOMPARE(postForm(u"/reset-password?lang=de"_s, good).status, 400);
        QCOMPARE(m_server->get(u"/reset-password?token=nonsense!"_s).status, 400);
    }

    void resetRequestsAreRateLimitedLikeLogin()
    {
        TestServer::Options options;
        options.authRateLimit = 3; // burst of 5, then about one every 20 s
        TestServer limited(m_server.databaseUrl(), options);
        QVERIFY(limited.start());
        const int jobs = count(u"jobs"_s);
        int tooMany = 0;
        HttpResult last;
        for (int i = 0; i < 8; ++i) {
            last = limited.postJson(
                u"/api/auth/password-reset"_s, { { u"email"_s, u"nobody@example.org"_s } });
            if (last.status == 429)
                ++tooMany;
            else
                QCOMPARE(last.status, 202);
        }
        QCOMPARE(tooMany, 3);
        QCOMPARE(last.errorCode(), u"rate_limited"_s);
        QVERIFY(last.header("retry-after").toInt() > 0);
        QCOMPARE(count(u"jobs"_s), jobs);
    }

    void patchMe_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("german") << QByteArray(R"({"language":"de"})") << 200 << QString();
        QTest::newRow("zone") << QByteArray(R"({"timeZone":"America/New_York"})") << 200
                              << QString();
        QTest::newRow("etc zone") << QByteArray(R"({"timeZone":"Etc/UTC"})") << 200 << QString();
        QTest::newRow("name") << QByteArray(R"({"name":"  Neue   Name "})") << 200 << QString();
        QTest::newRow("empty") << QByteArray("{}") << 200 << QString();
        QTest::newRow("french") << QByteArray(R"({"language":"fr"})") << 400 << u"language"_s;
        QTest::newRow("number") << QByteArray(R"({"language":5})") << 400 << u"language"_s;
        QTest::newRow("mars") << QByteArray(R"({"timeZone":"Mars/Olympus_Mons"})") << 400
                              << u"timeZone"_s;
        QTest::newRow("offset") << QByteArray(R"({"timeZone":"UTC+01:00"})") << 400
                                << u"timeZone"_s;
        QTest::newRow("blank zone") << QByteArray(R"({"timeZone":""})") << 400 << u"timeZone"_s;
        QTest::newRow("null zone") << QByteArray(R"({"timeZone":null})") << 400 << u"timeZone"_s;
        QTest::newRow("blank name") << QByteArray(R"({"name":"  "})") << 400 << u"name"_s;
        QTest::newRow("word") << QByteArray(R"({"timeZone":"Nowhere"})") << 400 << u"timeZone"_s;
        QTest::newRow("path") << QByteArray(R"({"timeZone":"../../etc/passwd"})") << 400
                              << u"timeZone"_s;
        QTest::newRow("mixed") << QByteArray(R"({"language":"en","timeZone":"Nowhere"})") << 400
                               << u"timeZone"_s;
    }

    void patchMe()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const Account a = m_server.signUp(u"Settings"_s);
        const auto before = m_server->get(u"/api/auth/me"_s, a.token).json().value("user"_L1);
        const auto r = m_server->request("PATCH", u"/api/auth/me"_s, body, a.token);
        QCOMPARE(r.status, status);
        const auto after = m_server->get(u"/api/auth/me"_s, a.token).json().value("user"_L1);
        if (status != 200) {
            QCOMPARE(errorField(r), field);
            QCOMPARE(after, before); // nothing stored, not even the valid part
            return;
        }
        const QJsonObject sent = QJsonDocument::fromJson(body).object();
        const QJsonObject user = r.json().value("user"_L1).toObject();
        QCOMPARE(QJsonValue(user), after);
        for (auto it = sent.begin(); it != sent.end(); ++it)
            QCOMPARE(user.value(it.key()).toString(), it.value().toString().simplified());
        QCOMPARE(m_server->request("PATCH", u"/api/auth/me"_s, body).status, 401);
    }
};

QTEST_GUILESS_MAIN(TstPasswordReset)
#include "tst_passwordreset.moc"
