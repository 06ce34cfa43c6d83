// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/geo.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace Pudding::Client {

/// A German city of the offline gazetteer (resources/data/de-cities.csv).
struct Place
{
    QString name;
    QString state;
    GeoPoint location;
    int population = 0;
    QString searchKey; ///< folded name: lower case, umlauts spelled out
};

/// "Near me" without GPS: city search by name and the nearest city to a point, from data
/// shipped with the app. Loads once, off the GUI thread.
class Gazetteer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)
public:
    explicit Gazetteer(QObject *parent = nullptr);

    [[nodiscard]] bool isReady() const { return m_ready; }
    /// Cities whose name starts with (or, after those, contains) `text`, biggest first.
    /// Each: {name, state, lat, lng, population}.
    Q_INVOKABLE QVariantList search(const QString &text, int limit = 8) const;
    /// The nearest city: {name, state, lat, lng, distance} or an empty map.
    Q_INVOKABLE QVariantMap nearest(double lat, double lng) const;
    [[nodiscard]] const QList<Place> &places() const { return m_places; }

    /// Lower case, ß→ss, ä→ae…, so "Muenchen", "münchen" and "München" all match.
    [[nodiscard]] static QString fold(const QString &text);
    [[nodiscard]] static QList<Place> load();

Q_SIGNALS:
    void readyChanged();

private:
    void ensureLoaded() const;

    QList<Place> m_places;
    bool m_ready = false;
};

} // namespace Pudding::Client
