// SPDX-License-Identifier: GPL-3.0-or-later
#include "photogc.h"

#include "db/database.h"
#include "photos/photoslogging.h"
#include "photostore.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

Result<PhotoGcReport> collectUnreferencedPhotos(
    DbSession &session, const PhotoStore &store, int graceSeconds)
{
    PhotoGcReport report;
    auto *rows = session.run(
        u"DELETE FROM photos p WHERE p.created_at < now() - make_interval(secs => ?) "
        "AND NOT EXISTS (SELECT 1 FROM attendances a WHERE a.photo_id = p.id) "
        "AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.photo_id = p.id) RETURNING p.id"_s,
        { graceSeconds });
    if (!rows)
        return databaseError(session.lastError(), "photo gc");
    while (rows->next())
        ++report.rows;
    rows->finish();

    auto *kept = session.run(u"SELECT DISTINCT encode(sha256, 'hex') FROM photos"_s);
    if (!kept)
        return databaseError(session.lastError(), "photo gc");
    QSet<QByteArray> referenced;
    while (kept->next())
        referenced.insert(kept->value(0).toString().toLatin1());
    kept->finish();

    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-graceSeconds);
    QDirIterator it(store.root(), { u"*.jpg"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo file(it.next());
        const QByteArray hash = file.fileName().section(u'.', 0, 0).toLatin1();
        if (!PhotoStore::isValidHash(hash) || referenced.contains(hash)
            || file.lastModified().toUTC() >= cutoff)
            continue;
        if (QFile::remove(file.filePath()))
            ++report.files;
        else
            qCWarning(lcPhotos) << "cannot remove unreferenced photo file" << file.filePath();
    }
    if (report.rows || report.files)
        qCInfo(lcPhotos) << "removed" << report.rows << "unreferenced photo rows and"
                         << report.files << "files";
    return report;
}

} // namespace Pudding::Server
