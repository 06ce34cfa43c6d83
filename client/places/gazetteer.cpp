// SPDX-License-Identifier: GPL-3.0-or-later
#include "gazetteer.h"
#include "shared/futures.h"

#include "shared/places.h"

#include <QtConcurrent/QtConcurrentRun>
#include <limits>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {
QVariantMap toVariant(const Place &p)
{
    return { { u"name"_s, p.name }, { u"state"_s, p.state }, { u"lat"_s, p.location.lat },
        { u"lng"_s, p.location.lng }, { u"population"_s, p.population } };
}
} // namespace

Gazetteer::Gazetteer(QObject *parent)
    : QObject(parent)
{
    onFinished(QtConcurrent::run(&Gazetteer::load), this, [this](const QList<Place> &places) {
        if (m_ready)
            return;
        m_places = places;
        m_ready = true;
        Q_EMIT readyChanged();
    });
}

QString Gazetteer::fold(const QString &text)
{
    QString out = text.toLower();
    out.replace(u"ä"_s, u"ae"_s)
        .replace(u"ö"_s, u"oe"_s)
        .replace(u"ü"_s, u"ue"_s)
        .replace(u"ß"_s, u"ss"_s);
    return out.simplified();
}

QList<Place> Gazetteer::load()
{
    QList<Place> places;
    const auto cities = loadGermanCities(); // biggest first
    places.reserve(cities.size());
    for (const auto &c : cities)
        places.append({ c.name, c.state, c.location, c.population, fold(c.name) });
    return places;
}

void Gazetteer::ensureLoaded() const
{
    // Asked before the background load finished: the file is small and in memory (qrc).
    if (m_ready)
        return;
    auto *self = const_cast<Gazetteer *>(this);
    self->m_places = load();
    self->m_ready = true;
    Q_EMIT self->readyChanged();
}

QVariantList Gazetteer::search(const QString &text, int limit) const
{
    ensureLoaded();
    const QString needle = fold(text);
    QVariantList result;
    if (needle.isEmpty())
        return result;
    for (const Place &p : m_places) { // biggest first
        if (p.searchKey.startsWith(needle) && result.size() < limit)
            result.append(toVariant(p));
    }
    for (const Place &p : m_places) {
        if (result.size() >= limit)
            break;
        if (!p.searchKey.startsWith(needle) && p.searchKey.contains(needle))
            result.append(toVariant(p));
    }
    return result;
}

QVariantMap Gazetteer::nearest(double lat, double lng) const
{
    ensureLoaded();
    const Place *best = nullptr;
    double bestDistance = std::numeric_limits<double>::max();
    for (const Place &p : m_places) {
        const double d = distanceMetres({ lat, lng }, p.location);
        if (d < bestDistance) {
            bestDistance = d;
            best = &p;
        }
    }
    if (!best)
        return {};
    QVariantMap out = toVariant(*best);
    out.insert(u"distance"_s, bestDistance);
    return out;
}

} // namespace Pudding::Client
