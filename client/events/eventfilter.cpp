// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventfilter.h"

#include "shared/event.h"

using namespace Qt::StringLiterals;

namespace Pudding::Client {

EventFilter::EventFilter(QObject *parent)
    : QObject(parent)
{ }

QUrlQuery EventFilter::toQuery(const QGeoRectangle &regionOverride) const
{
    QUrlQuery q;
    const QGeoRectangle region = regionOverride.isValid() ? regionOverride : m_region;
    if (region.isValid()) {
        const auto tl = region.topLeft();
        const auto br = region.bottomRight();
        q.addQueryItem(u"bbox"_s,
            u"%1,%2,%3,%4"_s.arg(tl.longitude(), 0, 'f', 6)
                .arg(br.latitude(), 0, 'f', 6)
                .arg(br.longitude(), 0, 'f', 6)
                .arg(tl.latitude(), 0, 'f', 6));
    }
    if (hasRadius()) {
        q.addQueryItem(u"lat"_s, QString::number(m_centre.latitude(), 'f', 6));
        q.addQueryItem(u"lng"_s, QString::number(m_centre.longitude(), 'f', 6));
        q.addQueryItem(u"radius"_s, QString::number(qRound64(m_radiusKm * 1000)));
    }
    if (!m_text.trimmed().isEmpty())
        q.addQueryItem(u"q"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_text.trimmed())));
    if (m_from.isValid())
        q.addQueryItem(
            u"from"_s, QString::fromLatin1(QUrl::toPercentEncoding(toIsoString(m_from))));
    if (m_to.isValid())
        q.addQueryItem(u"to"_s, QString::fromLatin1(QUrl::toPercentEncoding(toIsoString(m_to))));
    if (m_onlyFreePlaces)
        q.addQueryItem(u"freePlaces"_s, u"true"_s);
    if (m_organizerId > 0)
        q.addQueryItem(u"organizer"_s, QString::number(m_organizerId));
    if (!m_status.isEmpty())
        q.addQueryItem(u"status"_s, m_status);
    return q;
}

bool EventFilter::admitsChanged(const Event &event) const
{
    if (m_onlyFreePlaces && event.placesLeft() <= 0)
        return false;
    if (m_status.isEmpty())
        return event.status == EventStatus::Upcoming || event.status == EventStatus::Ongoing;
    return toString(event.status) == m_status;
}

} // namespace Pudding::Client
