// SPDX-License-Identifier: GPL-3.0-or-later
// Location privacy that holds against search (issue 11). Everyone but the organizer and the
// approved guests sees, searches, sorts and clusters by a public point that is stable per event
// and lies about 1 km from the true place; only the organizer and approved guests ever get the
// exact point or the venue. Checked as an attacker would: bisecting bbox= and radius= against
// the real server, and as every kind of viewer on every endpoint that returns an event.
#include "geotestutil.h"
#include "serverfixture.h"
#include "shared/event.h"
#include "shared/geo.h"
#include "wsclient.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>
#include <cmath>
#include <functional>
#include <numbers>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Test;

namespace {

constexpr double kLeakMetres = 400; ///< closer than this to the true place is a leak
constexpr double kPublicMinMetres = 500; ///< the public point lies 500…1500 m away
constexpr double kPublicMaxMetres = 1500;

QString number(double v)
{
    return QString::number(v, 'f', 9);
}

/// Every point (objects with numbers lat and lng, or [id, lat, lng] rows) and every string in
/// a JSON value.
void collect(const QJsonValue &value, QList<GeoPoint> &points, QStringList &strings)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (o.value("lat"_L1).isDouble() && o.value("lng"_L1).isDouble())
            points.append({ o.value("lat"_L1).toDouble(), o.value("lng"_L1).toDouble() });
        for (auto it = o.begin(); it != o.end(); ++it)
            collect(it.value(), points, strings);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        if (a.size() == 3 && a[0].isDouble() && a[1].isDouble() && a[2].isDouble())
            points.append({ a[1].toDouble(), a[2].toDouble() });
        for (const auto &v : a)
            collect(v, points, strings);
    } else if (value.isString()) {
        strings.append(value.toString());
    }
}

} // namespace

class TstPrivacy : public QObject
{
    Q_OBJECT

    struct Viewer
    {
        QByteArray token;
        bool privileged = false; ///< organizer or approved guest
        std::shared_ptr<WsClient> ws;
    };

    ServerFixture m_server;
    QSqlDatabase m_sql;
    int m_serial = 0;
    QByteArray m_organizer;

    // The matrix's meetup.
    qint64 m_event = 0;
    const GeoPoint m_place { 48.1371079, 11.5753822 }; // Marienplatz, Munich
    const QString m_venue = u"Hinterhof der Rosenstraße 7, zweite Tür links"_s;
    const QString m_word = u"Geheimpudding"_s;
    GeoPoint m_public;
    QMap<QString, Viewer> m_viewers;

    QByteArray newUser(const QString &name = u"Guest"_s) { return m_server.signUp(name).token; }
    QJsonObject draft(GeoPoint p, const QString &title, int limit) const
    {
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(4);
        return { { u"title"_s, title }, { u"description"_s, u"Nur für Eingeladene."_s },
            { u"location"_s, QJsonObject { { u"lat"_s, p.lat }, { u"lng"_s, p.lng } } },
            { u"city"_s, u"München"_s }, { u"state"_s, u"Bayern"_s }, { u"venue"_s, m_venue },
            { u"startTime"_s, toIsoString(start) },
            { u"endTime"_s, toIsoString(start.addSecs(7200)) }, { u"attendeeLimit"_s, limit } };
    }
    qint64 createEvent(GeoPoint p, const QString &title, int limit)
    {
        return m_server.createMeetup(m_organizer, draft(p, title, limit));
    }
    qint64 join(qint64 eventId, const QByteArray &token)
    {
        return m_server.requestJoin(eventId, token);
    }
    static GeoPoint locationOf(const QJsonObject &event)
    {
        const auto loc = event.value("location"_L1).toObject();
        return { loc.value("lat"_L1).toDouble(), loc.value("lng"_L1).toDouble() };
    }
    bool appears(qint64 eventId, const QString &query)
    {
        const auto r = m_server->get(u"/api/events?"_s + query);
        for (const auto &v : r.events())
            if (v.toObject().value("id"_L1).toInteger() == eventId)
                return true;
        return false;
    }
    /// The largest x in [lo, hi] with found(x) (found(lo) holds, found(hi) does not), or the
    /// smallest when `rising` (found(hi) holds, found(lo) does not), to `precision`.
    static double bisect(double lo, double hi, double precision,
        const std::function<bool(double)> &found, bool rising)
    {
        while (hi - lo > precision) {
            const double mid = (lo + hi) / 2;
            if (found(mid) != rising)
                lo = mid;
            else
                hi = mid;
        }
        return rising ? hi : lo;
    }

    /// The organizer's and a viewer's JSON of the matrix's meetup from one endpoint.
    QJsonValue answer(const QString &endpoint, const QByteArray &token, bool *found,
        std::optional<double> *distance)
    {
        *found = false;
        QString path;
        const GeoPoint away = awayCentre();
        if (endpoint == "search"_L1)
            path = u"/api/events?q=%1"_s.arg(m_word);
        else if (endpoint == "search within 300 m of the true place"_L1)
            path = u"/api/events?q=%1&lat=%2&lng=%3&radius=300"_s.arg(
                m_word, number(m_place.lat), number(m_place.lng));
        else if (endpoint == "search within 5 km of a centre 2 km away"_L1)
            path = u"/api/events?q=%1&lat=%2&lng=%3&radius=5000"_s.arg(
                m_word, number(away.lat), number(away.lng));
        else if (endpoint == "bbox of 200 m around the true place"_L1)
            path = u"/api/events?q=%1&bbox=%2,%3,%4,%5"_s.arg(m_word, number(m_place.lng - 0.0013),
                number(m_place.lat - 0.0009), number(m_place.lng + 0.0013),
                number(m_place.lat + 0.0009));
        else if (endpoint == "points"_L1)
            path = u"/api/events/points?q=%1"_s.arg(m_word);
        else if (endpoint == "points in a bbox"_L1)
            path = u"/api/events/points?q=%1&bbox=%2,%3,%4,%5"_s.arg(m_word,
                number(m_place.lng - 0.1), number(m_place.lat - 0.1), number(m_place.lng + 0.1),
                number(m_place.lat + 0.1));
        else if (endpoint == "details"_L1)
            path = u"/api/events/%1"_s.arg(m_event);
        else if (endpoint == "mine"_L1)
            path = u"/api/attendance/mine"_s;
        const auto r = m_server->get(path, token);
        if (r.status != 200) {
            qWarning() << path << r.status << r.body;
            return {};
        }
        QJsonObject json = r.json();
        if (endpoint == "details"_L1) {
            *found = true;
            return json;
        }
        if (endpoint.startsWith("points"_L1)) {
            for (const auto &v : json.value("points"_L1).toArray())
                if (v.toArray().at(0).toInteger() == m_event) {
                    *found = true;
                    return v;
                }
            return {};
        }
        if (endpoint == "mine"_L1) {
            for (const auto &v : json.value("attendances"_L1).toArray())
                if (v.toObject().value("eventId"_L1).toInteger() == m_event) {
                    *found = true;
                    return v;
                }
            return {};
        }
        for (const auto &v : json.value("events"_L1).toArray())
            if (v.toObject().value("id"_L1).toInteger() == m_event) {
                *found = true;
                if (v.toObject().contains("distance"_L1))
                    *distance = v.toObject().value("distance"_L1).toDouble();
                return v;
            }
        return {};
    }
    /// 2 km from the true place, on the side away from the public point.
    [[nodiscard]] GeoPoint awayCentre() const
    {
        const double dy = m_public.lat - m_place.lat;
        const double dx
            = (m_public.lng - m_place.lng) * std::cos(m_place.lat * std::numbers::pi / 180);
        const double bearing = std::atan2(dx, dy) * 180 / std::numbers::pi + 180;
        return destination(m_place, bearing, 2000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(u"privacy"_s), qPrintable(m_server.errorString()));
        m_sql = m_server.sql(u"privacy-check"_s);
        QVERIFY2(m_sql.isOpen(), qPrintable(m_sql.lastError().text()));
        m_organizer = newUser(u"Olga"_s);
        QVERIFY(!m_organizer.isEmpty());

        // The matrix: one meetup with one place and a guest of every kind, each listening live.
        m_event = createEvent(m_place, m_word + u" am Marienplatz"_s, 1);
        QVERIFY(m_event > 0);
        const auto anonymous = m_server->get(u"/api/events/%1"_s.arg(m_event)).json();
        m_public = locationOf(anonymous);
        m_viewers.insert(u"anonymous"_s, { {}, false, nullptr });
        for (const auto &name : { u"signed-in stranger"_s, u"pending"_s, u"rejected"_s,
                 u"approved"_s, u"waitlisted"_s, u"left"_s }) {
            Viewer v { newUser(name), name == "approved"_L1, std::make_shared<WsClient>() };
            QVERIFY(!v.token.isEmpty());
            QVERIFY(v.ws->connectAs(m_server->port(), v.token));
            m_viewers.insert(name, v);
        }
        Viewer organizer { m_organizer, true, std::make_shared<WsClient>() };
        QVERIFY(organizer.ws->connectAs(m_server->port(), m_organizer));
        m_viewers.insert(u"organizer"_s, organizer);

        QVERIFY(join(m_event, m_viewers[u"pending"_s].token) > 0);
        const qint64 rejected = join(m_event, m_viewers[u"rejected"_s].token);
        QCOMPARE(m_server.decide(m_event, rejected, "REJECTED", m_organizer), 200);
        const qint64 approved = join(m_event, m_viewers[u"approved"_s].token);
        QCOMPARE(m_server.decide(m_event, approved, "APPROVED", m_organizer), 200);
        QVERIFY(join(m_event, m_viewers[u"waitlisted"_s].token) > 0);
        QVERIFY(join(m_event, m_viewers[u"left"_s].token) > 0);
        QCOMPARE(m_server
                     ->request("DELETE", u"/api/attendance/events/%1/attendance"_s.arg(m_event), {},
                         m_viewers[u"left"_s].token)
                     .status,
            200);
        // A change goes out live to everyone attending.
        const auto patched = m_server->patchJson(u"/api/events/%1"_s.arg(m_event),
            { { u"description"_s, u"Neue Zeit, gleicher Ort."_s }, { u"venue"_s, m_venue } },
            m_organizer);
        QCOMPARE(patched.status, 200);
        for (const auto &name : { u"pending"_s, u"approved"_s, u"waitlisted"_s })
            QVERIFY2(m_viewers[name].ws->sees(u"event_updated"_s, {}, 10000),
                qPrintable(name + u" got no event_updated frame"_s));
        QTest::qWait(200); // frames for the others, if any, have arrived too
    }

    void publicPointIsStableAndAboutOneKilometreAway()
    {
        const double d = distanceMetres(m_place, m_public);
        QVERIFY2(d >= kPublicMinMetres && d <= kPublicMaxMetres,
            qPrintable(u"the public point lies %1 m from the true place"_s.arg(d)));
        for (int i = 0; i < 5; ++i) {
            const auto again = locationOf(m_server->get(u"/api/events/%1"_s.arg(m_event)).json());
            QVERIFY2(distanceMetres(again, m_public) < 0.5, "the public point moves between reads");
            bool found = false;
            std::optional<double> distance;
            const auto inSearch = answer(u"search"_s, {}, &found, &distance);
            QVERIFY(found);
            QVERIFY2(distanceMetres(locationOf(inSearch.toObject()), m_public) < 0.5,
                "search shows another point than the details");
        }
    }

    // ---- (a) the bisection attack ----------------------------------------------------------

    void bisectionAttack_data()
    {
        QTest::addColumn<QString>("attack");
        QTest::newRow("bbox") << u"bbox"_s;
        QTest::newRow("radius from three centres") << u"radius"_s;
    }

    void bisectionAttack()
    {
        QFETCH(QString, attack);
        const GeoPoint place { 52.5163217, 13.3777041 }; // a known exact place in Berlin
        const QString word = u"Bisektion%1"_s.arg(++m_serial);
        const qint64 event = createEvent(place, word + u" am Pariser Platz"_s, 10);
        QVERIFY(event > 0);
        const GeoPoint shown = locationOf(m_server->get(u"/api/events/%1"_s.arg(event)).json());
        const QString filter = u"q="_s + word + u"&limit=100&"_s;

        GeoPoint recovered;
        if (attack == "bbox"_L1) {
            const double w0 = place.lng - 0.2, e0 = place.lng + 0.2;
            const double s0 = place.lat - 0.2, n0 = place.lat + 0.2;
            auto box = [&](double w, double s, double e, double n) {
                return appears(event,
                    filter + u"bbox=%1,%2,%3,%4"_s.arg(number(w), number(s), number(e), number(n)));
            };
            QVERIFY2(box(w0, s0, e0, n0), "the meetup is not found in a box 0.4° wide around it");
            const double west = bisect(
                w0, e0, 1e-7, [&](double w) { return box(w, s0, e0, n0); }, false);
            const double east = bisect(
                w0, e0, 1e-7, [&](double e) { return box(w0, s0, e, n0); }, true);
            const double south = bisect(
                s0, n0, 1e-7, [&](double s) { return box(w0, s, e0, n0); }, false);
            const double north = bisect(
                s0, n0, 1e-7, [&](double n) { return box(w0, s0, e0, n); }, true);
            recovered = { (south + north) / 2, (west + east) / 2 };
        } else {
            QList<GeoPoint> centres;
            QList<double> radii;
            for (const double bearing : { 10.0, 130.0, 250.0 }) {
                const GeoPoint c = destination(place, bearing, 4000);
                auto within = [&](double r) {
                    return appears(event,
                        filter
                            + u"lat=%1&lng=%2&radius=%3"_s.arg(
                                number(c.lat), number(c.lng), number(r)));
                };
                QVERIFY2(within(20000), "the meetup is not found within 20 km");
                centres.append(c);
                radii.append(bisect(1, 20000, 0.01, within, true));
            }
            // Trilateration: Gauss-Newton on the sphere the server measures on.
            GeoPoint p { (centres[0].lat + centres[1].lat + centres[2].lat) / 3,
                (centres[0].lng + centres[1].lng + centres[2].lng) / 3 };
            for (int iteration = 0; iteration < 30; ++iteration) {
                double jtj[2][2] = { { 0, 0 }, { 0, 0 } };
                double jtr[2] = { 0, 0 };
                for (int i = 0; i < 3; ++i) {
                    const double r = distanceMetres(centres[i], p) - radii[i];
                    const double h = 1e-6;
                    const double dLat = (distanceMetres(centres[i], { p.lat + h, p.lng })
                                            - distanceMetres(centres[i], p))
                        / h;
                    const double dLng = (distanceMetres(centres[i], { p.lat, p.lng + h })
                                            - distanceMetres(centres[i], p))
                        / h;
                    jtj[0][0] += dLat * dLat;
                    jtj[0][1] += dLat * dLng;
                    jtj[1][1] += dLng * dLng;
                    jtr[0] += dLat * r;
                    jtr[1] += dLng * r;
                }
                const double det = jtj[0][0] * jtj[1][1] - jtj[0][1] * jtj[0][1];
                QVERIFY(std::abs(det) > 0);
                p.lat -= (jtj[1][1] * jtr[0] - jtj[0][1] * jtr[1]) / det;
                p.lng -= (jtj[0][0] * jtr[1] - jtj[0][1] * jtr[0]) / det;
            }
            recovered = p;
        }
        const double fromTrue = distanceMetres(recovered, place);
        const double fromShown = distanceMetres(recovered, shown);
        qInfo("recovered %.7f,%.7f: %.1f m from the true place, %.1f m from the public point",
            recovered.lat, recovered.lng, fromTrue, fromShown);
        QVERIFY2(fromTrue >= kLeakMetres,
            qPrintable(
                u"the %1 bisection recovered a point %2 m from the true place"_s.arg(attack).arg(
                    fromTrue, 0, 'f', 2)));
        QVERIFY2(fromShown <= 5,
            qPrintable(u"the search filters by a point %1 m from the public point it shows"_s.arg(
                fromShown, 0, 'f', 2)));
    }

    // ---- (b) every viewer × every endpoint -------------------------------------------------

    void viewerMatrix_data()
    {
        QTest::addColumn<QString>("viewer");
        QTest::addColumn<QString>("endpoint");
        const QStringList viewers { u"anonymous"_s, u"signed-in stranger"_s, u"pending"_s,
            u"rejected"_s, u"waitlisted"_s, u"left"_s, u"approved"_s, u"organizer"_s };
        const QStringList endpoints { u"search"_s, u"search within 300 m of the true place"_s,
            u"search within 5 km of a centre 2 km away"_s, u"bbox of 200 m around the true place"_s,
            u"points"_s, u"points in a bbox"_s, u"details"_s, u"mine"_s, u"live frames"_s };
        for (const auto &viewer : viewers)
            for (const auto &endpoint : endpoints) {
                if (viewer == "anonymous"_L1
                    && (endpoint == "mine"_L1 || endpoint == "live frames"_L1))
                    continue;
                QTest::newRow(qPrintable(viewer + u" × "_s + endpoint)) << viewer << endpoint;
            }
    }

    void viewerMatrix()
    {
        QFETCH(QString, viewer);
        QFETCH(QString, endpoint);
        const Viewer &v = m_viewers[viewer];
        bool found = false;
        std::optional<double> distance;
        QJsonValue json;
        if (endpoint == "live frames"_L1) {
            QJsonArray frames;
            for (const auto &type :
                { u"event_updated"_s, u"event_cancelled"_s, u"attendance_approved"_s,
                    u"attendance_rejected"_s, u"waitlist_offer"_s, u"new_join_request"_s })
                for (const auto &f : v.ws->all(type))
                    frames.append(f);
            json = frames;
            found = !frames.isEmpty();
        } else {
            json = answer(endpoint, v.token, &found, &distance);
        }

        QList<GeoPoint> points;
        QStringList strings;
        collect(json, points, strings);
        if (!v.privileged) {
            for (const auto &p : std::as_const(points))
                QVERIFY2(distanceMetres(p, m_place) >= kLeakMetres,
                    qPrintable(u"%1 receives a point %2 m from the true place"_s.arg(viewer).arg(
                        distanceMetres(p, m_place), 0, 'f', 1)));
            for (const auto &s : std::as_const(strings))
                QVERIFY2(!s.contains(m_venue), qPrintable(viewer + u" receives the venue"_s));
            if (endpoint != "live frames"_L1)
                for (const auto &p : std::as_const(points))
                    QVERIFY2(distanceMetres(p, m_public) < 2,
                        qPrintable(
                            u"%1 receives a point %2 m from the public point"_s.arg(viewer).arg(
                                distanceMetres(p, m_public), 0, 'f', 1)));
            if (endpoint == "search within 300 m of the true place"_L1
                || endpoint == "bbox of 200 m around the true place"_L1)
                QVERIFY2(!found,
                    "search by the true place finds the meetup for someone who "
                    "may not know it");
            if (endpoint == "search within 5 km of a centre 2 km away"_L1) {
                QVERIFY2(found, "the meetup is not found around its public point");
                QVERIFY(distance.has_value());
                const double expected = distanceMetres(awayCentre(), m_public);
                QVERIFY2(std::abs(*distance - expected) <= 60,
                    qPrintable(u"distance %1 m; to the public point it is %2 m, to the true "
                               "place %3 m"_s.arg(*distance)
                                   .arg(expected, 0, 'f', 0)
                                   .arg(distanceMetres(awayCentre(), m_place), 0, 'f', 0)));
            }
            return;
        }
        // The organizer and the approved guest see the exact place and the venue.
        if (endpoint == "details"_L1 || (endpoint == "mine"_L1 && viewer == "approved"_L1)) {
            QVERIFY(found);
            const QJsonObject event = endpoint == "mine"_L1
                ? json.toObject().value("event"_L1).toObject()
                : json.toObject();
            QVERIFY2(distanceMetres(locationOf(event), m_place) < 1,
                qPrintable(u"%1 does not see the exact place"_s.arg(viewer)));
            QCOMPARE(event.value("venue"_L1).toString(), m_venue);
        }
        if (viewer == "organizer"_L1
            && (endpoint == "search within 300 m of the true place"_L1
                || endpoint == "bbox of 200 m around the true place"_L1))
            QVERIFY2(found, "the organizer does not find the meetup at its exact place");
    }
};

QTEST_GUILESS_MAIN(TstPrivacy)
#include "tst_privacy.moc"
