// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics.h"

#include "metricslogging.h"

#include <QLocale>
#include <QMutexLocker>

#include <cmath>

namespace Pudding::Server::Metrics {

namespace {
std::atomic_bool g_enabled { true };
} // namespace

bool enabled()
{
    return g_enabled.load(std::memory_order_relaxed);
}

void setEnabled(bool on)
{
    g_enabled.store(on, std::memory_order_relaxed);
}

// ---- Histogram -------------------------------------------------------------------------------

Histogram::Histogram(std::vector<qint64> upperBounds, double divisor)
    : m_bounds(std::move(upperBounds))
    , m_divisor(divisor)
    , m_buckets(new std::atomic<quint64>[m_bounds.size() + 1])
{
    for (size_t i = 0; i <= m_bounds.size(); ++i)
        m_buckets[i].store(0, std::memory_order_relaxed);
}

void Histogram::observe(qint64 value)
{
    // A dozen bounds: a linear scan is as fast as a binary search and branch-friendly.
    size_t i = 0;
    while (i < m_bounds.size() && value > m_bounds[i])
        ++i;
    m_buckets[i].fetch_add(1, std::memory_order_relaxed);
    m_sum.fetch_add(value, std::memory_order_relaxed);
}

std::vector<quint64> Histogram::cumulativeCounts() const
{
    std::vector<quint64> counts(m_bounds.size() + 1);
    quint64 running = 0;
    for (size_t i = 0; i <= m_bounds.size(); ++i) {
        running += m_buckets[i].load(std::memory_order_relaxed);
        counts[i] = running;
    }
    return counts;
}

std::vector<qint64> durationBoundsNs()
{
    constexpr qint64 ms = 1'000'000;
    return { ms / 2, 1 * ms, 2 * ms, 5 * ms, 10 * ms, 25 * ms, 50 * ms, 100 * ms, 250 * ms,
        500 * ms, 1000 * ms, 2500 * ms, 5000 * ms, 10'000 * ms };
}

std::vector<qint64> sizeBounds()
{
    return { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };
}

// ---- Registry --------------------------------------------------------------------------------

Registry &registry()
{
    static Registry *instance = new Registry; // never destroyed: series outlive every thread
    return *instance;
}

Registry::Series &Registry::series(const QByteArray &name, const QByteArray &help, Type type,
    const QList<QByteArray> &labelNames, const QList<QByteArray> &labelValues)
{
    Q_ASSERT(labelNames.size() == labelValues.size());
    Family *family = nullptr;
    for (auto &f : m_families) {
        if (f.name == name) {
            family = &f;
            break;
        }
    }
    if (!family) {
        family = &m_families.emplace_back();
        family->name = name;
        family->help = help;
        family->type = type;
        family->labelNames = labelNames;
    } else if (family->type != type || family->labelNames != labelNames) {
        qCCritical(lcMetrics) << "metric" << name << "registered twice with different shapes";
        Q_ASSERT(false);
    }
    for (auto &s : family->series) {
        if (s.labelValues == labelValues)
            return s;
    }
    Series &s = family->series.emplace_back();
    s.labelValues = labelValues;
    return s;
}

Counter *Registry::counter(const QByteArray &name, const QByteArray &help,
    const QList<QByteArray> &labelNames, const QList<QByteArray> &labelValues)
{
    QMutexLocker lock(&m_mutex);
    Series &s = series(name, help, Type::Counter, labelNames, labelValues);
    if (!s.counter)
        s.counter = std::make_unique<Counter>();
    return s.counter.get();
}

Gauge *Registry::gauge(const QByteArray &name, const QByteArray &help,
    const QList<QByteArray> &labelNames, const QList<QByteArray> &labelValues)
{
    QMutexLocker lock(&m_mutex);
    Series &s = series(name, help, Type::Gauge, labelNames, labelValues);
    if (!s.gauge)
        s.gauge = std::make_unique<Gauge>();
    return s.gauge.get();
}

Histogram *Registry::histogram(const QByteArray &name, const QByteArray &help,
    const std::vector<qint64> &upperBounds, double divisor, const QList<QByteArray> &labelNames,
    const QList<QByteArray> &labelValues)
{
    QMutexLocker lock(&m_mutex);
    Series &s = series(name, help, Type::Histogram, labelNames, labelValues);
    if (!s.histogram)
        s.histogram = std::make_unique<Histogram>(upperBounds, divisor);
    return s.histogram.get();
}

void Registry::addCollector(std::function<void(QByteArray &out)> collect)
{
    QMutexLocker lock(&m_mutex);
    m_collectors.push_back(std::move(collect));
}

QByteArray Registry::escapeLabelValue(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray Registry::formatValue(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'f', QLocale::FloatingPointShortest); // 0.0005, not 5e-04
}

void Registry::appendFamily(QByteArray &out, QByteArrayView name, QByteArrayView help, Type type)
{
    static constexpr const char *typeNames[] = { "counter", "gauge", "histogram" };
    out += "# HELP ";
    out += name;
    out += ' ';
    // HELP text escapes backslash and newline only.
    for (const char c : help) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += typeNames[int(type)];
    out += '\n';
}

void Registry::appendSample(QByteArray &out, QByteArrayView name, double value)
{
    out += name;
    out += ' ';
    out += formatValue(value);
    out += '\n';
}

namespace {
/// `{a="x",b="y"` (open: the caller may add `le` and closes it), or empty for no labels.
QByteArray openLabels(const QList<QByteArray> &names, const QList<QByteArray> &values)
{
    QByteArray out;
    for (qsizetype i = 0; i < names.size(); ++i) {
        out += i == 0 ? '{' : ',';
        out += names[i] + "=\"" + Registry::escapeLabelValue(values.value(i)) + '"';
    }
    return out;
}

QByteArray closed(const QByteArray &open)
{
    return open.isEmpty() ? open : open + '}';
}
} // namespace

QByteArray Registry::render() const
{
    QByteArray out;
    std::vector<std::function<void(QByteArray &)>> collectors;
    {
        QMutexLocker lock(&m_mutex);
        out.reserve(16 * 1024);
        for (const auto &family : m_families) {
            appendFamily(out, family.name, family.help, family.type);
            for (const auto &s : family.series) {
                const QByteArray labels = openLabels(family.labelNames, s.labelValues);
                switch (family.type) {
                case Type::Counter:
                    out += family.name + closed(labels) + ' '
                        + QByteArray::number(s.counter->value()) + '\n';
                    break;
                case Type::Gauge:
                    out += family.name + closed(labels) + ' ' + QByteArray::number(s.gauge->value())
                        + '\n';
                    break;
                case Type::Histogram: {
                    const Histogram &h = *s.histogram;
                    // Read the buckets first: the count is their total, so _count and the
                    // +Inf bucket always agree even while observations arrive.
                    const auto counts = h.cumulativeCounts();
                    const QByteArray le
                        = labels.isEmpty() ? QByteArray("{le=\"") : labels + ",le=\"";
                    for (size_t i = 0; i < h.upperBounds().size(); ++i) {
                        out += family.name + "_bucket" + le
                            + formatValue(double(h.upperBounds()[i]) / h.divisor()) + "\"} "
                            + QByteArray::number(counts[i]) + '\n';
                    }
                    out += family.name + "_bucket" + le + "+Inf\"} "
                        + QByteArray::number(counts.back()) + '\n';
                    out += family.name + "_sum" + closed(labels) + ' '
                        + formatValue(double(h.sum()) / h.divisor()) + '\n';
                    out += family.name + "_count" + closed(labels) + ' '
                        + QByteArray::number(counts.back()) + '\n';
                    break;
                }
                }
            }
        }
        collectors = m_collectors;
    }
    for (const auto &collect : collectors)
        collect(out);
    return out;
}

} // namespace Pudding::Server::Metrics
