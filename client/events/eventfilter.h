// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QObject>
#include <QQmlEngine>
#include <QUrlQuery>

namespace Pudding {
struct Event;
}

namespace Pudding::Client {

/// What the user is looking for, shared by the list and the map markers so both always show
/// the same events. Every change emits `changed()` once; consumers debounce.
class EventFilter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text MEMBER m_text NOTIFY changed)
    Q_PROPERTY(QDateTime from MEMBER m_from NOTIFY changed)
    Q_PROPERTY(QDateTime to MEMBER m_to NOTIFY changed)
    Q_PROPERTY(bool onlyFreePlaces MEMBER m_onlyFreePlaces NOTIFY changed)
    /// Centre of a radius search; invalid for none.
    Q_PROPERTY(QGeoCoordinate centre MEMBER m_centre NOTIFY changed)
    Q_PROPERTY(double radiusKm MEMBER m_radiusKm NOTIFY changed)
    /// The map's visible region; invalid for all of Germany.
    Q_PROPERTY(QGeoRectangle region MEMBER m_region NOTIFY changed)
    Q_PROPERTY(qint64 organizerId MEMBER m_organizerId NOTIFY changed)
    /// "" = upcoming and ongoing; else UPCOMING, ONGOING, PAST or CANCELLED.
    Q_PROPERTY(QString status MEMBER m_status NOTIFY changed)
public:
    explicit EventFilter(QObject *parent = nullptr);

    /// The query parameters of GET /api/events and /api/events/points.
    /// `regionOverride` replaces the visible region (markers fetch a larger area).
    [[nodiscard]] QUrlQuery toQuery(const QGeoRectangle &regionOverride = {}) const;
    [[nodiscard]] QGeoRectangle region() const { return m_region; }
    [[nodiscard]] QGeoCoordinate centre() const { return m_centre; }
    [[nodiscard]] bool onlyFreePlaces() const { return m_onlyFreePlaces; }
    [[nodiscard]] bool hasRadius() const { return m_centre.isValid() && m_radiusKm > 0; }
    /// Whether a meetup that changed (cancelled, filled up, freed a place) still belongs to
    /// the results by what such a change can affect: its status and its free places.
    [[nodiscard]] bool admitsChanged(const Event &event) const;

Q_SIGNALS:
    void changed();

private:
    QString m_text;
    QDateTime m_from;
    QDateTime m_to;
    bool m_onlyFreePlaces = false;
    QGeoCoordinate m_centre;
    double m_radiusKm = 0;
    QGeoRectangle m_region;
    qint64 m_organizerId = 0;
    QString m_status;
};

} // namespace Pudding::Client
