// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <optional>

namespace Pudding::Server::Metrics {

/// What /proc says about this process (Linux), read on demand.
struct ProcessSample
{
    double residentBytes = 0;
    double cpuSeconds = 0; ///< user + system
    double openFds = 0;
    double maxFds = 0; ///< the soft limit
    double startTimeSeconds = 0; ///< since the Unix epoch
};

/// Reads /proc/self/stat, /proc/stat (boot time), /proc/self/fd and the descriptor limit;
/// nothing when /proc cannot be read.
[[nodiscard]] std::optional<ProcessSample> readProcessSample();

/// Adds the standard process_* families (the names the Prometheus client libraries use) to
/// the registry, read at every scrape.
void registerProcessCollector();

} // namespace Pudding::Server::Metrics
