// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrator.h"

#include "database.h"
#include "dblogging.h"
#include "shared/protocol.h"

#include <QDir>
#include <QFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
// An arbitrary constant that names our lock: "PUDDING" in ASCII.
constexpr qint64 kMigrationLockKey = 0x50554444494e47;
const QString kMigrationsDir = u":/pudding/migrations"_s;
} // namespace

QStringList Migrator::availableMigrations()
{
    QStringList files = QDir(kMigrationsDir).entryList({ u"*.sql"_s }, QDir::Files, QDir::Name);
    return files;
}

Result<int> Migrator::apply(DbSession &session)
{
    if (!session.ensureOpen())
        return Error { QString(Protocol::ErrorCode::Internal), session.lastError().text(), {} };
    // Everything in one transaction: all pending migrations apply, or none.
    Transaction tx(session);
    auto fail = [&](const QString &what) -> Result<int> {
        // tx rolls back as it goes out of scope
        return Error { QString(Protocol::ErrorCode::Internal),
            what % u": "_s % (tx.error().isValid() ? tx.error() : session.lastError()).text(), {} };
    };
    if (!tx.ok())
        return fail(u"BEGIN"_s);
    if (!session.execDirect(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kMigrationLockKey)))
        return fail(u"advisory lock"_s);
    if (!session.execDirect(u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                            "version text PRIMARY KEY, applied_at timestamptz NOT NULL "
                            "DEFAULT now())"_s))
        return fail(u"schema_migrations"_s);

    QSet<QString> applied;
    {
        auto *q = session.run(u"SELECT version FROM schema_migrations"_s);
        if (!q)
            return fail(u"schema_migrations"_s);
        while (q->next())
            applied.insert(q->value(0).toString());
        q->finish();
    }
    int count = 0;
    for (const QString &file : availableMigrations()) {
        const QString version = file.section(u'.', 0, 0);
        if (applied.contains(version))
            continue;
        QFile f(kMigrationsDir % u'/' % file);
        if (!f.open(QIODevice::ReadOnly))
            return Error { QString(Protocol::ErrorCode::Internal),
                u"cannot read migration "_s % file, {} };
        qCInfo(lcDb) << "applying migration" << file;
        if (!session.execDirect(QString::fromUtf8(f.readAll())))
            return fail(u"migration "_s % file);
        auto *record = tx.exec(u"INSERT INTO schema_migrations(version) VALUES (?)"_s, { version });
        if (!record)
            return fail(u"record migration "_s % file);
        record->finish();
        ++count;
    }
    if (!tx.commit())
        return fail(u"COMMIT"_s);
    return count;
}

} // namespace Pudding::Server
