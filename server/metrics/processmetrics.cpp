// SPDX-License-Identifier: GPL-3.0-or-later
#include "processmetrics.h"

#include "metrics.h"
#include "metricslogging.h"

#include <QDir>
#include <QFile>

#include <sys/resource.h>
#include <unistd.h>

namespace Pudding::Server::Metrics {

namespace {
QByteArray readAll(const char *path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
} // namespace

std::optional<ProcessSample> readProcessSample()
{
    const QByteArray stat = readAll("/proc/self/stat");
    // The command name (field 2) is in parentheses and may hold spaces: count after the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state): field N is fields[N - 3].
    if (fields.size() < 22)
        return std::nullopt;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    const double pageSize = double(sysconf(_SC_PAGESIZE));
    ProcessSample sample;
    sample.cpuSeconds = (fields[14 - 3].toDouble() + fields[15 - 3].toDouble()) / ticks;
    sample.residentBytes = fields[24 - 3].toDouble() * pageSize;
    double bootTime = 0;
    for (const QByteArray &line : readAll("/proc/stat").split('\n')) {
        if (line.startsWith("btime "))
            bootTime = line.mid(6).trimmed().toDouble();
    }
    sample.startTimeSeconds = bootTime + fields[22 - 3].toDouble() / ticks;
    // Minus the descriptor QDir holds open while listing.
    const qsizetype fds
        = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System).size();
    sample.openFds = double(std::max<qsizetype>(0, fds - 1));
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0)
        sample.maxFds = limit.rlim_cur == RLIM_INFINITY ? 0 : double(limit.rlim_cur);
    return sample;
}

void registerProcessCollector()
{
    registry().addCollector([](QByteArray &out) {
        const auto sample = readProcessSample();
        if (!sample) {
            qCWarning(lcMetrics) << "cannot read /proc/self: process metrics left out";
            return;
        }
        using T = Registry::Type;
        const auto add = [&out](const char *name, const char *help, T type, double value) {
            Registry::appendFamily(out, name, help, type);
            Registry::appendSample(out, name, value);
        };
        add("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
            T::Counter, sample->cpuSeconds);
        add("process_resident_memory_bytes", "Resident memory size in bytes.", T::Gauge,
            sample->residentBytes);
        add("process_open_fds", "Number of open file descriptors.", T::Gauge, sample->openFds);
        add("process_max_fds", "Maximum number of open file descriptors.", T::Gauge,
            sample->maxFds);
        add("process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
            T::Gauge, sample->startTimeSeconds);
    });
}

} // namespace Pudding::Server::Metrics
