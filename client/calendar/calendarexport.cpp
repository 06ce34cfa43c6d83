// SPDX-License-Identifier: GPL-3.0-or-later
#include "calendarexport.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "shared/futures.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
/// Writes the bytes atomically; an empty string on success, else what went wrong.
QString writeFile(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return CalendarExport::tr("Cannot create the folder for %1.").arg(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return CalendarExport::tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}
} // namespace

CalendarExport::CalendarExport(QObject *parent)
    : QObject(parent)
{ }

void CalendarExport::addToCalendar(qint64 eventId, const QString &language)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    download(eventId, language,
        dir % u"/calendar/pudding-meetup-"_s % QString::number(eventId) % u".ics"_s, m_open);
}

void CalendarExport::saveAs(qint64 eventId, const QString &language, const QUrl &target)
{
    if (!target.isLocalFile()) {
        setError(tr("Choose a file on this computer."));
        return;
    }
    download(eventId, language, target.toLocalFile(), false);
}

void CalendarExport::download(
    qint64 eventId, const QString &language, const QString &path, bool open)
{
    auto *api = ApiClient::instance();
    if (m_busy || !api || eventId <= 0)
        return;
    setError({});
    QUrlQuery query;
    query.addQueryItem(u"lang"_s, language == "de"_L1 ? u"de"_s : u"en"_s);
    ApiCall *call = api->get(Endpoints::eventCalendar(eventId), query);
    setBusy(true);
    connect(call, &ApiCall::finished, this, [this, call, path, open] {
        if (const auto &error = call->error()) {
            setBusy(false);
            setError(error->message);
            return;
        }
        // The disk is not the GUI thread's business; busy until the file is there.
        onFinished(QtConcurrent::run(&writeFile, path, call->rawBody()), this,
            [this, path, open](const QString &failure) {
                setBusy(false);
                if (!failure.isEmpty()) {
                    setError(failure);
                    return;
                }
                m_savedFile = path;
                if (open && !QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
                    setError(tr("No calendar app opened the file. It is saved as %1.").arg(path));
                Q_EMIT saved(path);
            });
    });
}

void CalendarExport::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void CalendarExport::setError(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorChanged();
}

} // namespace Pudding::Client
