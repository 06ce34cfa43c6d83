// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresbinaries.h"

#include "devdblogging.h"
#include "shared/protocol.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
constexpr QStringView kPreferredBinDir = u"/usr/lib/postgresql/15/bin";
constexpr QStringView kVersionsRoot = u"/usr/lib/postgresql";

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}
} // namespace

Result<PostgresBinaries> PostgresBinaries::find()
{
    PostgresBinaries found;
    const QStringList needed = { u"initdb"_s, u"pg_ctl"_s, u"postgres"_s };
    const auto hasAll = [&needed](const QString &dir) {
        return std::all_of(needed.cbegin(), needed.cend(), [&dir](const QString &name) {
            return isExecutableFile(dir + QLatin1Char('/') + name);
        });
    };

    QStringList candidates;
    const QString overrideDir = qEnvironmentVariable("PUDDING_PG_BINDIR");
    if (!overrideDir.isEmpty()) {
        candidates.append(overrideDir);
    } else {
        candidates.append(kPreferredBinDir.toString());
        // Then the highest installed major version.
        QStringList versions
            = QDir(kVersionsRoot.toString()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(versions.begin(), versions.end(),
            [](const QString &a, const QString &b) { return a.toDouble() > b.toDouble(); });
        for (const QString &version : std::as_const(versions))
            candidates.append(kVersionsRoot.toString() + QLatin1Char('/') + version + u"/bin"_s);
    }

    for (const QString &dir : std::as_const(candidates)) {
        if (!hasAll(dir))
            continue;
        found.binDir = dir;
        found.initdb = dir + u"/initdb"_s;
        found.postgres = dir + u"/postgres"_s;
        found.psql = isExecutableFile(dir + u"/psql"_s) ? dir + u"/psql"_s
                                                        : QStandardPaths::findExecutable(u"psql"_s);
        found.pgCtl = dir + u"/pg_ctl"_s;
        break;
    }

    if (found.pgCtl.isEmpty() && overrideDir.isEmpty()) {
        // Last resort: whatever PATH offers.
        const QString initdb = QStandardPaths::findExecutable(u"initdb"_s);
        const QString pgCtl = QStandardPaths::findExecutable(u"pg_ctl"_s);
        const QString postgres = QStandardPaths::findExecutable(u"postgres"_s);
        if (!initdb.isEmpty() && !pgCtl.isEmpty() && !postgres.isEmpty()) {
            found.binDir = QFileInfo(pgCtl).absolutePath();
            found.initdb = initdb;
            found.postgres = postgres;
            found.psql = QStandardPaths::findExecutable(u"psql"_s);
            found.pgCtl = pgCtl;
        }
    }

    if (found.pgCtl.isEmpty())
        return Error { QString(Protocol::ErrorCode::Internal),
            overrideDir.isEmpty()
                ? u"PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in "_s
                    + candidates.join(u", "_s)
                    + u" or PATH; install postgresql-15 or set PUDDING_PG_BINDIR"_s
                : u"PUDDING_PG_BINDIR="_s + overrideDir
                    + u" does not contain initdb, pg_ctl and postgres"_s,
            {} };
    qCDebug(lcEmbeddedPg).noquote() << "Using PostgreSQL binaries in" << found.binDir;
    return found;
}

} // namespace Pudding::Server
