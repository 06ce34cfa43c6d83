// SPDX-License-Identifier: GPL-3.0-or-later
#include "dbcheck.h"

#include <QDebug>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Pudding::Test::Db {

namespace {
bool run(QSqlQuery &q, const QString &sql, const QVariantList &values)
{
    // DDL cannot be prepared: statements without values run directly.
    bool ok = false;
    if (values.isEmpty()) {
        ok = q.exec(sql);
    } else {
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        ok = q.exec();
    }
    if (!ok) {
        qWarning().noquote() << "statement failed:" << sql << q.lastError().text();
        return false;
    }
    return true;
}
} // namespace

qint64 scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    if (!run(q, sql, values))
        return -1;
    if (!q.next()) {
        qWarning().noquote() << "no row:" << sql;
        return -1;
    }
    return q.value(0).toLongLong();
}

bool exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    return run(q, sql, values);
}

bool moveClockTo(const QSqlDatabase &db, const QDateTime &instant)
{
    return exec(db,
               u"UPDATE pudding_clock SET offset_seconds = "
               "extract(epoch from (?::timestamptz - now()))"_s,
               { instant.toUTC().toString(Qt::ISODateWithMs) })
        && exec(db, u"SELECT pg_notify('pudding_jobs', '')"_s);
}

bool resetClock(const QSqlDatabase &db)
{
    return exec(db, u"UPDATE pudding_clock SET offset_seconds = 0"_s)
        && exec(db, u"SELECT pg_notify('pudding_jobs', '')"_s);
}

} // namespace Pudding::Test::Db
