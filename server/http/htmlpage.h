// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpresponse.h"

#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace Pudding::Server {

/// A form on a server page: one button that POSTs the hidden fields to `action`.
struct HtmlForm
{
    QString action; ///< the path or URL the form posts to (usually the page's own)
    QString button; ///< the button's text
    QList<QPair<QString, QString>> hidden; ///< name, value
    /// Extra inputs shown above the button (password fields): name, label, type.
    struct Input
    {
        QString name;
        QString label;
        QString type = QStringLiteral("text");
    };
    QList<Input> inputs;
};

/// A small self-contained HTML page (no scripts, no external resources) for the links in mails
/// (unsubscribe, can't come, password reset, address confirmation): a title, a paragraph of
/// text (plain; escaped here, line breaks kept) and optionally one form. `lang` is the page's
/// language ("en", "de"). Sent with a Content-Security-Policy that forbids everything but the
/// page's own inline style and posting the form to this server.
[[nodiscard]] HttpResponse htmlPage(const QString &lang, const QString &title, const QString &text,
    const std::optional<HtmlForm> &form = {}, int status = 200);

} // namespace Pudding::Server
