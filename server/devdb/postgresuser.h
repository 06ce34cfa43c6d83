// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>
#include <QStringList>

namespace Pudding::Server {

/// How a PostgreSQL program ended.
struct ProcessResult
{
    bool finished = false; ///< started and exited normally (any exit code)
    int exitCode = -1;
    QString stdOut;
    QString stdErr;
    QString commandLine;
};

/// The user the PostgreSQL programs run as. PostgreSQL refuses to run as root: when this
/// process runs as root (as CI does), the programs run via "runuser" as the "postgres" system
/// user (or "nobody"), and the files they use are handed to that user. Otherwise they run as
/// this process's user and nothing is handed over.
class PostgresUser
{
public:
    /// Picks the user for this process.
    PostgresUser();

    /// True when the programs run as another user than this process (this process is root).
    [[nodiscard]] bool isOtherUser() const { return m_asRoot; }
    /// The other user's name; empty when not root (or when root and no such user exists).
    [[nodiscard]] const QString &name() const { return m_name; }

    /// Whether the user can reach `dir`: every existing directory above it is searchable.
    /// Missing parts are created later by us (as root, mode 0755), so they do not count.
    [[nodiscard]] bool canReach(const QString &dir) const;
    /// Finds runuser when it is needed; fails when running as root without a user to run as.
    [[nodiscard]] Result<void> prepare();
    /// Runs the program as the user, without our PG* environment variables, from "/".
    [[nodiscard]] ProcessResult run(
        const QString &program, const QStringList &arguments, int timeoutMs = 60000) const;
    /// Hands `path` (with `recursive` everything below it too) to the user.
    [[nodiscard]] Result<void> chown(const QString &path, bool recursive) const;

private:
    bool m_asRoot = false;
    QString m_name;
    QString m_runuser;
    uint m_uid = 0;
    uint m_gid = 0;
};

} // namespace Pudding::Server
