// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlpage.h"

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}
} // namespace

HttpResponse htmlPage(const QString &lang, const QString &title, const QString &text,
    const std::optional<HtmlForm> &form, int status)
{
    QString html = u"<!DOCTYPE html>\n<html lang=\""_s % (lang == u"de" ? u"de"_s : u"en"_s)
        % u"\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
          "<meta name=\"robots\" content=\"noindex\"><title>"_s
        % title.toHtmlEscaped()
        % u"</title><style>body{font-family:sans-serif;max-width:34em;margin:3em auto;"
          "padding:0 1em;color:#222}h1{font-size:1.4em}label{display:block;margin:.8em 0 .2em}"
          "input{font-size:1em;padding:.3em;width:100%;box-sizing:border-box}"
          "button{font-size:1em;padding:.5em 1.2em;margin-top:1em;background:#8a4b2d;"
          "color:#fff;border:0;border-radius:4px}</style></head><body><h1>"_s
        % title.toHtmlEscaped() % u"</h1><p>"_s % escaped(text) % u"</p>"_s;
    if (form) {
        html += u"<form method=\"post\" action=\""_s % form->action.toHtmlEscaped() % u"\">"_s;
        for (const auto &[name, value] : form->hidden)
            html += u"<input type=\"hidden\" name=\""_s % name.toHtmlEscaped() % u"\" value=\""_s
                % value.toHtmlEscaped() % u"\">"_s;
        for (const HtmlForm::Input &input : form->inputs)
            html += u"<label for=\""_s % input.name.toHtmlEscaped() % u"\">"_s
                % input.label.toHtmlEscaped() % u"</label><input id=\""_s
                % input.name.toHtmlEscaped() % u"\" name=\""_s % input.name.toHtmlEscaped()
                % u"\" type=\""_s % input.type.toHtmlEscaped() % u"\">"_s;
        html
            += u"<button type=\"submit\">"_s % form->button.toHtmlEscaped() % u"</button></form>"_s;
    }
    html += u"</body></html>\n"_s;

    HttpResponse response;
    response.status = status;
    response.contentType = "text/html; charset=utf-8";
    response.body = html.toUtf8();
    response.withHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'");
    response.withHeader("Referrer-Policy", "no-referrer");
    return response;
}

} // namespace Pudding::Server
