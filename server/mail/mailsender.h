// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>

namespace Pudding::Server {

class JobWorker;

/// Hands "mail" jobs to SMTP (libcurl) or, with no SMTP configured, writes them as .eml files.
namespace MailSender {

struct Config
{
    /// smtp://host:port or smtps://host:port (user:password@ allowed); empty: .eml files.
    QString smtpUrl;
    QString smtpUser;
    QString smtpPassword;
    /// The From header ("Pudding Gabel <noreply@example.org>"); its address is the envelope
    /// sender.
    QString from;
    /// <data-dir>/mail: where .eml files go without SMTP.
    QString dropDir;
};

/// Registers the "mail" handler. Each job thread keeps one libcurl handle (the connection is
/// reused between mails). At least once: a crash after the SMTP server's 250 and before the
/// job is marked done sends the mail again, with the same Message-ID. A 5xx answer (the address
/// is refused for good) makes the job dead at once; anything else is retried with backoff.
void registerJobs(JobWorker &worker, const Config &config);

} // namespace MailSender

} // namespace Pudding::Server
