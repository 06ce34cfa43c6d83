// SPDX-License-Identifier: GPL-3.0-or-later
#include "apidoc.h"

#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

ApiDoc::ApiDoc()
{
    QFile file(u":/api/openapi.json"_s);
    // Compiled in: this only fails when the build forgot the resource (answered 500).
    if (!file.open(QIODevice::ReadOnly))
        return;
    // Served compactly (the repository keeps it indented for reading and diffs).
    const auto document = QJsonDocument::fromJson(file.readAll());
    if (document.isObject())
        m_openApi = document.toJson(QJsonDocument::Compact);
}

void ApiDoc::openApi(const Reply &reply) const
{
    reply.send(
        m_openApi.isEmpty() ? HttpResponse::internalError() : HttpResponse::rawJson(m_openApi));
}

} // namespace Pudding::Server
