// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresuser.h"

#include "devdblogging.h"
#include "shared/protocol.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Pudding::Server {

namespace {
QString parentOf(const QString &path)
{
    return QFileInfo(path).absolutePath();
}

/// Group ids of a user (primary plus supplementary), for the permission check below.
std::vector<gid_t> groupsOf(const QByteArray &userName, gid_t primaryGroup)
{
    int count = 32;
    std::vector<gid_t> groups(static_cast<size_t>(count));
    if (::getgrouplist(userName.constData(), primaryGroup, groups.data(), &count) < 0) {
        groups.resize(static_cast<size_t>(count));
        if (::getgrouplist(userName.constData(), primaryGroup, groups.data(), &count) < 0)
            count = 0;
    }
    groups.resize(static_cast<size_t>(std::max(count, 0)));
    if (std::find(groups.begin(), groups.end(), primaryGroup) == groups.end())
        groups.push_back(primaryGroup);
    return groups;
}

/// Whether a user may search (traverse) a directory, judged by its mode bits (no ACLs).
bool searchableBy(const QString &dir, uid_t uid, const std::vector<gid_t> &groups)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(dir).constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        return false;
    if (uid == 0)
        return true;
    if (st.st_uid == uid)
        return (st.st_mode & S_IXUSR) != 0;
    if (std::find(groups.begin(), groups.end(), st.st_gid) != groups.end())
        return (st.st_mode & S_IXGRP) != 0;
    return (st.st_mode & S_IXOTH) != 0;
}

/// Whether a user can reach dir: every existing directory above it must be searchable.
/// Missing parts are created later by us (as root, mode 0755), so they do not count.
bool reachableBy(const QString &dir, uid_t uid, const std::vector<gid_t> &groups)
{
    QString existing = dir;
    bool isDirItself = true;
    while (!QFileInfo::exists(existing)) {
        const QString parent = parentOf(existing);
        if (parent == existing)
            break;
        existing = parent;
        isDirItself = false;
    }
    const QString canonical = QFileInfo(existing).canonicalFilePath();
    if (canonical.isEmpty())
        return false;
    QString current = isDirItself ? parentOf(canonical) : canonical;
    for (;;) {
        if (!searchableBy(current, uid, groups))
            return false;
        const QString parent = parentOf(current);
        if (parent == current)
            return true;
        current = parent;
    }
}

QString quoteForDisplay(const QString &argument)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9/._+=,:-]+$"_s);
    if (plain.match(argument).hasMatch())
        return argument;
    QString quoted = argument;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}
} // namespace

PostgresUser::PostgresUser()
    : m_asRoot(::geteuid() == 0)
{
    if (!m_asRoot) {
        m_uid = ::geteuid();
        m_gid = ::getegid();
        return;
    }

    // PostgreSQL refuses to run as root: pick the unprivileged user that will own the cluster.
    QByteArray userName;
    for (const char *candidate : { "postgres", "nobody" }) {
        if (const passwd *pw = ::getpwnam(candidate)) {
            userName = candidate;
            m_uid = pw->pw_uid;
            m_gid = pw->pw_gid;
            break;
        }
    }
    if (userName.isEmpty())
        return; // prepare() reports it
    m_name = QString::fromLocal8Bit(userName);
}

bool PostgresUser::canReach(const QString &dir) const
{
    return reachableBy(dir, m_uid, groupsOf(m_name.toLocal8Bit(), m_gid));
}

Result<void> PostgresUser::prepare()
{
    if (m_asRoot) {
        if (m_name.isEmpty()) {
            return Error { QString(Protocol::ErrorCode::Internal),
                u"Running as root, but neither a \"postgres\" nor a \"nobody\" user exists "
                "to run PostgreSQL as (PostgreSQL refuses to run as root)"_s,
                {} };
        }
        m_runuser = QStandardPaths::findExecutable(
            u"runuser"_s, { u"/usr/sbin"_s, u"/sbin"_s, u"/usr/bin"_s, u"/bin"_s });
        if (m_runuser.isEmpty())
            m_runuser = QStandardPaths::findExecutable(u"runuser"_s);
        if (m_runuser.isEmpty()) {
            return Error { QString(Protocol::ErrorCode::Internal),
                u"Running as root, but \"runuser\" (util-linux) was not found; it is needed "
                "to run PostgreSQL as an unprivileged user"_s,
                {} };
        }
    }
    return {};
}

ProcessResult PostgresUser::run(
    const QString &program, const QStringList &arguments, int timeoutMs) const
{
    QString executable = program;
    QStringList args = arguments;
    if (m_asRoot) {
        executable = m_runuser;
        args = QStringList { u"-u"_s, m_name, u"--"_s, program } + arguments;
    }

    ProcessResult result;
    QStringList display { quoteForDisplay(executable) };
    for (const QString &arg : std::as_const(args))
        display.append(quoteForDisplay(arg));
    result.commandLine = display.join(QLatin1Char(' '));

    // Our PG* variables (PGHOST, PGDATA, PGOPTIONS, ...) must not leak into the cluster tools.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(u"PG"_s))
            env.remove(key);
    }

    QProcess process;
    process.setProgram(executable);
    process.setArguments(args);
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(u"/"_s); // our cwd may be unreadable for the postgres user
    process.setStandardInputFile(QProcess::nullDevice());
    qCDebug(lcEmbeddedPg).noquote() << "Running" << result.commandLine;
    process.start();
    if (!process.waitForStarted(10000)) {
        result.stdErr = process.errorString();
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.stdErr = u"timed out after "_s + QString::number(timeoutMs / 1000) + u" s\n"_s
            + QString::fromLocal8Bit(process.readAllStandardError());
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.stdOut = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.stdErr = QString::fromLocal8Bit(process.readAllStandardError());
    if (!result.finished)
        result.stdErr.prepend(u"crashed\n"_s);
    return result;
}

Result<void> PostgresUser::chown(const QString &path, bool recursive) const
{
    if (!m_asRoot)
        return {};
    const auto chownOne = [this](const QString &entry) {
        return ::lchown(QFile::encodeName(entry).constData(), m_uid, m_gid) == 0;
    };

    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) == 0 && st.st_uid == m_uid
        && st.st_gid == m_gid && !recursive)
        return {};

    bool ok = chownOne(path);
    if (ok && recursive && st.st_uid != m_uid) {
        QDirIterator it(path, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
            QDirIterator::Subdirectories);
        while (ok && it.hasNext())
            ok = chownOne(it.next());
    }
    if (!ok)
        return Error { QString(Protocol::ErrorCode::Internal),
            u"Cannot hand "_s + path + u" to the user "_s + m_name + u": "_s
                + QString::fromLocal8Bit(std::strerror(errno)),
            {} };
    return {};
}

} // namespace Pudding::Server
