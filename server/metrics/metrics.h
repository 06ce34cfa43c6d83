// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

/// Metrics in the Prometheus text exposition format (version 0.0.4).
///
/// The hot path only touches relaxed atomics: a series (a family plus its label values) is
/// created once — at start-up or when a route is registered — and the caller keeps the pointer,
/// which stays valid for the life of the process. Nothing is locked per request; the registry's
/// mutex guards only the list of series, taken when one is created and when /metrics is scraped.
namespace Pudding::Server::Metrics {

/// Whether instrumentation runs at all (--metrics on|off). Set once at start-up, before any
/// worker thread exists; every instrumentation point checks it first, so "off" costs one
/// relaxed load.
[[nodiscard]] bool enabled();
void setEnabled(bool on);

/// Monotonically rising count.
class Counter
{
public:
    void inc(quint64 n = 1) { m_value.fetch_add(n, std::memory_order_relaxed); }
    [[nodiscard]] quint64 value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<quint64> m_value { 0 };
};

/// A value that goes up and down.
class Gauge
{
public:
    void add(qint64 n) { m_value.fetch_add(n, std::memory_order_relaxed); }
    void set(qint64 n) { m_value.store(n, std::memory_order_relaxed); }
    [[nodiscard]] qint64 value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_value { 0 };
};

/// A histogram over integer observations in a base unit (nanoseconds for the durations, a
/// plain count for batch sizes); the exposed value is the base unit divided by `divisor` (1e9
/// for seconds from nanoseconds). Integers keep the sum exact and atomic without a lock.
class Histogram
{
public:
    /// `upperBounds` in the base unit, ascending; +Inf is implied.
    Histogram(std::vector<qint64> upperBounds, double divisor);

    void observe(qint64 value);
    [[nodiscard]] const std::vector<qint64> &upperBounds() const { return m_bounds; }
    [[nodiscard]] double divisor() const { return m_divisor; }
    /// Cumulative counts per bound, then the +Inf bucket (== count), as exposed.
    [[nodiscard]] std::vector<quint64> cumulativeCounts() const;
    [[nodiscard]] qint64 sum() const { return m_sum.load(std::memory_order_relaxed); }

private:
    std::vector<qint64> m_bounds;
    double m_divisor;
    std::unique_ptr<std::atomic<quint64>[]> m_buckets; // m_bounds.size() + 1, not cumulative
    std::atomic<qint64> m_sum { 0 };
};

/// Bounds for durations: 0.5 ms to 10 s, in nanoseconds.
[[nodiscard]] std::vector<qint64> durationBoundsNs();
/// Bounds for sizes: 1, 2, 5, 10, … 1000.
[[nodiscard]] std::vector<qint64> sizeBounds();

/// Every metric of the process, and what /metrics answers.
class Registry
{
public:
    enum class Type { Counter, Gauge, Histogram };

    /// The series of family `name` with these label values; created (with the family's HELP
    /// and TYPE) on first use. The same name must always come with the same type, help and
    /// label names. Names follow Prometheus conventions (snake case, unit suffix, _total).
    [[nodiscard]] Counter *counter(const QByteArray &name, const QByteArray &help,
        const QList<QByteArray> &labelNames = {}, const QList<QByteArray> &labelValues = {});
    [[nodiscard]] Gauge *gauge(const QByteArray &name, const QByteArray &help,
        const QList<QByteArray> &labelNames = {}, const QList<QByteArray> &labelValues = {});
    [[nodiscard]] Histogram *histogram(const QByteArray &name, const QByteArray &help,
        const std::vector<qint64> &upperBounds, double divisor,
        const QList<QByteArray> &labelNames = {}, const QList<QByteArray> &labelValues = {});

    /// Families written by a function at scrape time (process metrics, sizes read on demand).
    /// The function appends complete families (see appendFamily/appendSample).
    void addCollector(std::function<void(QByteArray &out)> collect);

    /// The exposition text, families in the order they were created, collectors last.
    [[nodiscard]] QByteArray render() const;

    /// "# HELP name help\n# TYPE name type\n"
    static void appendFamily(QByteArray &out, QByteArrayView name, QByteArrayView help, Type type);
    static void appendSample(QByteArray &out, QByteArrayView name, double value);
    /// A label value escaped as the format requires (backslash, double quote, newline).
    [[nodiscard]] static QByteArray escapeLabelValue(QByteArrayView value);
    /// A sample value: integers exactly, others with enough digits, +Inf/-Inf/NaN spelled out.
    [[nodiscard]] static QByteArray formatValue(double value);

private:
    struct Series
    {
        QList<QByteArray> labelValues;
        std::unique_ptr<Counter> counter;
        std::unique_ptr<Gauge> gauge;
        std::unique_ptr<Histogram> histogram;
    };
    struct Family
    {
        QByteArray name;
        QByteArray help;
        Type type;
        QList<QByteArray> labelNames;
        std::deque<Series> series;
    };
    Series &series(const QByteArray &name, const QByteArray &help, Type type,
        const QList<QByteArray> &labelNames, const QList<QByteArray> &labelValues);

    mutable QMutex m_mutex;
    std::deque<Family> m_families;
    std::vector<std::function<void(QByteArray &)>> m_collectors;
};

/// The process-wide registry (lives until exit, so series pointers never dangle).
[[nodiscard]] Registry &registry();

} // namespace Pudding::Server::Metrics
