// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailsender.h"

#include "jobs/jobworker.h"
#include "mail.h"
#include "maillogging.h"
#include "mimemessage.h"

#include <QDir>
#include <QSaveFile>
#include <QUrl>

#include <curl/curl.h>

#include <memory>
#include <mutex>

using namespace Qt::StringLiterals;

namespace Pudding::Server::MailSender {

namespace {

struct CurlDeleter
{
    void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
};

/// One handle per job thread: libcurl keeps the SMTP connection open between mails.
CURL *threadHandle()
{
    thread_local std::unique_ptr<CURL, CurlDeleter> handle;
    if (!handle)
        handle.reset(curl_easy_init());
    return handle.get();
}

struct Upload
{
    const QByteArray *data;
    qsizetype pos = 0;
};

size_t readUpload(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const qsizetype n
        = std::min<qsizetype>(qsizetype(size * count), upload->data->size() - upload->pos);
    std::memcpy(buffer, upload->data->constData() + upload->pos, size_t(n));
    upload->pos += n;
    return size_t(n);
}

int progress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    // Shutting down: give up this transfer (the job is retried) instead of waiting it out.
    return static_cast<const JobWorker *>(user)->stopping() ? 1 : 0;
}

JobResult sendSmtp(const JobWorker &worker, const Config &config, const QString &envelopeFrom,
    const QString &to, const QByteArray &message)
{
    CURL *curl = threadHandle();
    if (!curl)
        return JobResult::retry(u"libcurl: no handle"_s);
    curl_easy_reset(curl);
    const QByteArray url = config.smtpUrl.toUtf8();
    const QByteArray from = '<' + envelopeFrom.toUtf8() + '>';
    const QByteArray rcpt = '<' + to.toUtf8() + '>';
    const QByteArray user = config.smtpUser.toUtf8();
    const QByteArray password = config.smtpPassword.toUtf8();
    curl_slist *recipients = curl_slist_append(nullptr, rcpt.constData());
    Upload upload { &message };
    char errorText[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readUpload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.size()));
    curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_TRY));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 300L);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &worker);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorText);
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    const CURLcode code = curl_easy_perform(curl);
    long response = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    curl_slist_free_all(recipients);
    // The handle outlives this call (connection reuse); nothing may point at our locals.
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    if (code == CURLE_OK)
        return JobResult::done();
    const QString error = u"SMTP %1: %2 (%3)"_s.arg(response).arg(
        QString::fromUtf8(errorText[0] ? errorText : curl_easy_strerror(code)),
        QString::fromLatin1(curl_easy_strerror(code)));
    if (response >= 500 && response < 600)
        return JobResult::dead(error);
    return JobResult::retry(error);
}

JobResult writeEml(const Config &config, const Job &job, const QByteArray &message)
{
    if (!QDir().mkpath(config.dropDir))
        return JobResult::retry(u"cannot create %1"_s.arg(config.dropDir));
    // A repeat after a crash writes the same name: the file is replaced, not doubled.
    const QString name = config.dropDir % u'/'
        % job.claimedAt.toUTC().toString(u"yyyyMMdd-HHmmss"_s) % u'-' % QString::number(job.id)
        % u".eml"_s;
    QSaveFile file(name); // a temporary name, renamed on commit()
    if (!file.open(QIODevice::WriteOnly) || file.write(message) != message.size() || !file.commit())
        return JobResult::retry(u"cannot write %1: %2"_s.arg(name, file.errorString()));
    return JobResult::done();
}

} // namespace

void registerJobs(JobWorker &worker, const Config &config)
{
    static std::once_flag curlInit;
    std::call_once(curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    QString fromName;
    QString envelopeFrom;
    Mail::Mime::splitAddress(config.from, &fromName, &envelopeFrom);
    if (config.smtpUrl.isEmpty())
        qCInfo(lcMail).noquote() << "no --smtp-url: mails go to" << config.dropDir
                                 << "as .eml files";
    else
        qCInfo(lcMail).noquote() << "mails go to SMTP at"
                                 << QUrl(config.smtpUrl).toDisplayString(QUrl::RemoveUserInfo);
    worker.registerHandler(
        u"mail"_s, [&worker, config, envelopeFrom](DbSession &, const Job &job) -> JobResult {
            const auto mail = Mail::fromJson(job.payload);
            if (!mail)
                return JobResult::dead(u"not a mail payload"_s);
            Mail::MimeInput input;
            input.mail = *mail;
            input.from = config.from;
            // Queued without one (by hand): still stable across repeats.
            input.messageId = job.messageId.isEmpty() ? u"<job-%1@pudding.invalid>"_s.arg(job.id)
                                                      : job.messageId;
            input.date = job.claimedAt;
            const QByteArray message = Mail::composeMime(input);
            return config.smtpUrl.isEmpty()
                ? writeEml(config, job, message)
                : sendSmtp(worker, config, envelopeFrom, mail->to, message);
        });
}

} // namespace Pudding::Server::MailSender
