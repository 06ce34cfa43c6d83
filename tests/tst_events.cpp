// SPDX-License-Identifier: GPL-3.0-or-later
// The events API against the real server and PostgreSQL: create/edit/cancel with their rules,
// and the radius and bbox search checked against a brute-force distance computation.
#include "db/database.h"
#include "serverfixture.h"
#include "shared/event.h"
#include "shared/geo.h"
#include "shared/germany.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Test;

class TstEvents : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QByteArray m_organizer;
    QByteArray m_other;
    struct Created
    {
        qint64 id;
        GeoPoint location;
        QDateTime start;
        QString title;
        QString city;
    };
    QList<Created> m_bulk;

    static QJsonObject draft(GeoPoint p, const QString &title = u"Pudding picnic"_s,
        int daysAhead = 3, const QString &city = u"Berlin"_s)
    {
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(daysAhead);
        return { { u"title"_s, title }, { u"description"_s, u"Bring a spoon."_s },
            { u"location"_s, QJsonObject { { u"lat"_s, p.lat }, { u"lng"_s, p.lng } } },
            { u"city"_s, city }, { u"state"_s, u"Berlin"_s },
            { u"startTime"_s, toIsoString(start) },
            { u"endTime"_s, toIsoString(start.addSecs(7200)) }, { u"attendeeLimit"_s, 10 } };
    }

    QList<qint64> ids(const HttpResult &r)
    {
        QList<qint64> out;
        for (const auto &v : r.events())
            out.append(v.toObject().value("id"_L1).toInteger());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(u"events"_s), qPrintable(m_server.errorString()));
        m_organizer = m_server.signUp(u"Olga"_s).token;
        m_other = m_server.signUp(u"Otto"_s).token;
        QVERIFY(!m_organizer.isEmpty() && !m_other.isEmpty());
    }

    void createAndRead()
    {
        const auto r = m_server->postJson(u"/api/events"_s, draft({ 52.52, 13.405 }), m_organizer);
        QCOMPARE(r.status, 201);
        const Event e = Event::fromJson(r.json());
        QVERIFY(e.id > 0);
        QCOMPARE(e.title, u"Pudding picnic"_s);
        QCOMPARE(e.organizer.name, u"Olga"_s);
        QCOMPARE(toString(e.status), u"UPCOMING"_s);
        QCOMPARE(e.attendeeCount, 0);
        // The organizer sees the exact spot; everyone else the event's public point, about a
        // kilometre away and the same in every answer.
        const auto got = m_server->get(u"/api/events/%1"_s.arg(e.id), m_organizer);
        QCOMPARE(got.status, 200);
        QCOMPARE(Event::fromJson(got.json()).toJson(), e.toJson());
        QVERIFY(e.exactLocation);
        const auto publicView
            = Event::fromJson(m_server->get(u"/api/events/%1"_s.arg(e.id)).json());
        QVERIFY(!publicView.exactLocation);
        const double away = distanceMetres(publicView.location, e.location);
        QVERIFY2(away >= 590 && away <= 1210, qPrintable(QString::number(away)));
        const auto otherView
            = Event::fromJson(m_server->get(u"/api/events/%1"_s.arg(e.id), m_other).json());
        QCOMPARE(otherView.location, publicView.location);
        const auto listed = m_server->get(u"/api/events?bbox=13.3,52.4,13.5,52.6"_s).events();
        bool listedOurs = false;
        for (const auto &v : listed) {
            const Event l = Event::fromJson(v.toObject());
            QVERIFY(!l.exactLocation);
            if (l.id == e.id) {
                listedOurs = true;
                QCOMPARE(l.location, publicView.location);
            }
        }
        QVERIFY(listedOurs);
        QCOMPARE(m_server->get(u"/api/events/999999"_s).status, 404);
    }

    void createValidation_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QJsonObject paris = draft({ 48.8566, 2.3522 });
        QTest::newRow("outside Germany") << paris << u"location"_s;
        QJsonObject backwards = draft({ 52.5, 13.4 });
        backwards[u"endTime"_s] = toIsoString(QDateTime::currentDateTimeUtc().addDays(1));
        QTest::newRow("end before start") << backwards << u"endTime"_s;
        QJsonObject past = draft({ 52.5, 13.4 }, u"Past pudding"_s, -2);
        QTest::newRow("start in the past") << past << u"startTime"_s;
        QJsonObject shortTitle = draft({ 52.5, 13.4 }, u"ab"_s);
        QTest::newRow("short title") << shortTitle << u"title"_s;
        QJsonObject wrongType = draft({ 52.5, 13.4 });
        wrongType[u"attendeeLimit"_s] = u"ten"_s;
        QTest::newRow("wrong type") << wrongType << u"attendeeLimit"_s;
        QJsonObject noLimit = draft({ 52.5, 13.4 });
        noLimit[u"attendeeLimit"_s] = 0;
        QTest::newRow("limit zero") << noLimit << u"attendeeLimit"_s;
        QJsonObject missing = draft({ 52.5, 13.4 });
        missing.remove(u"city"_s);
        QTest::newRow("missing city") << missing << u"city"_s;
        QJsonObject noOffset = draft({ 52.5, 13.4 });
        noOffset[u"startTime"_s] = u"2030-01-01T10:00:00"_s;
        QTest::newRow("time without offset") << noOffset << u"startTime"_s;
    }
    void createValidation()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const auto before
            = m_server->get(u"/api/events?limit=100&status=UPCOMING"_s).events().size();
        const auto r = m_server->postJson(u"/api/events"_s, body, m_organizer);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"validation_failed"_s);
        QCOMPARE(r.json().value("error"_L1).toObject().value("field"_L1).toString(), field);
        // Nothing half-made was left behind.
        QCOMPARE(m_server->get(u"/api/events?limit=100&status=UPCOMING"_s).events().size(), before);
    }

    void optionalFieldsMayBeLeftOut()
    {
        QJsonObject minimal = draft({ 49.45, 11.08 }, u"Nürnberg pudding"_s, 4, u"Nürnberg"_s);
        minimal.remove(u"description"_s);
        minimal.remove(u"state"_s);
        const auto r = m_server->postJson(u"/api/events"_s, minimal, m_organizer);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("description"_L1).toString(), QString());
        const qint64 id = r.json().value("id"_L1).toInteger();
        QCOMPARE(
            m_server
                ->patchJson(u"/api/events/%1"_s.arg(id), { { u"attendeeLimit"_s, 7 } }, m_organizer)
                .status,
            200);
        QCOMPARE(
            m_server->request("DELETE", u"/api/events/%1"_s.arg(id), {}, m_organizer).status, 200);
    }

    void createNeedsSignIn()
    {
        const auto r = m_server->postJson(u"/api/events"_s, draft({ 52.5, 13.4 }));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), u"unauthorized"_s);
    }

    void organizerEditsAndCancels()
    {
        const auto created = m_server->postJson(u"/api/events"_s,
            draft({ 53.55, 9.99 }, u"Hamburg pudding"_s, 5, u"Hamburg"_s), m_organizer);
        QCOMPARE(created.status, 201);
        const qint64 id = created.json().value("id"_L1).toInteger();
        const QString path = u"/api/events/%1"_s.arg(id);

        const auto edit = m_server->patchJson(path,
            { { u"title"_s, u"Hamburg pudding night"_s }, { u"attendeeLimit"_s, 20 } },
            m_organizer);
        QCOMPARE(edit.status, 200);
        QCOMPARE(edit.json().value("title"_L1).toString(), u"Hamburg pudding night"_s);
        QCOMPARE(edit.json().value("attendeeLimit"_L1).toInt(), 20);
        // Read your writes at once: reads go through the server's in-memory index, whose reload
        // on the creation's NOTIFY may finish after the edit; the index keeps the newer
        // revision (0003_event_revision.sql).
        QCOMPARE(m_server->get(path).json().value("attendeeLimit"_L1).toInt(), 20);
        QVERIFY(ids(m_server->get(u"/api/events?q=pudding%20night"_s)).contains(id));

        const auto cancel = m_server->request("DELETE", path, {}, m_organizer);
        QCOMPARE(cancel.status, 200);
        QCOMPARE(cancel.json().value("status"_L1).toString(), u"CANCELLED"_s);
        QCOMPARE(m_server->get(path).json().value("status"_L1).toString(), u"CANCELLED"_s);
        QVERIFY(!ids(m_server->get(u"/api/events?q=pudding%20night"_s)).contains(id));
        QVERIFY(
            ids(m_server->get(u"/api/events?q=pudding%20night&status=CANCELLED"_s)).contains(id));
    }

    void editAndCancelErrors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<bool>("byOrganizer");
        QTest::addColumn<bool>("cancelledFirst");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("someone else edits")
            << QByteArray("PATCH") << QJsonObject { { u"title"_s, u"Mine now"_s } } << false
            << false << 403 << u"forbidden"_s << QString();
        QTest::newRow("someone else cancels") << QByteArray("DELETE") << QJsonObject() << false
                                              << false << 403 << u"forbidden"_s << QString();
        QTest::newRow("moved abroad")
            << QByteArray("PATCH")
            << QJsonObject { { u"location"_s,
                   QJsonObject { { u"lat"_s, 40.0 }, { u"lng"_s, 3.0 } } } }
            << true << false << 400 << u"validation_failed"_s << u"location"_s;
        QTest::newRow("edited after cancelling")
            << QByteArray("PATCH") << QJsonObject { { u"title"_s, u"Back again"_s } } << true
            << true << 409 << u"conflict"_s << QString();
    }
    void editAndCancelErrors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QJsonObject, body);
        QFETCH(bool, byOrganizer);
        QFETCH(bool, cancelledFirst);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        // In Hamburg, outside the boxes the searches below compare.
        const auto created = m_server->postJson(u"/api/events"_s,
            draft({ 53.55, 9.99 }, u"Hamburg pudding"_s, 5, u"Hamburg"_s), m_organizer);
        QCOMPARE(created.status, 201);
        const qint64 id = created.json().value("id"_L1).toInteger();
        const QString path = u"/api/events/%1"_s.arg(id);
        if (cancelledFirst)
            QCOMPARE(m_server->request("DELETE", path, {}, m_organizer).status, 200);
        const QJsonObject before = m_server->get(path, m_organizer).json();

        const auto r = m_server->request(method, path,
            body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
            byOrganizer ? m_organizer : m_other);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(r.json().value("error"_L1).toObject().value("field"_L1).toString(), field);
        // Nothing changed in the database: the title, the place in Germany, cancelled or not.
        QSqlQuery q(m_server.sql(u"direct"_s));
        QVERIFY(
            q.prepare(u"SELECT title, lat, cancelled_at IS NOT NULL FROM events WHERE id = ?"_s));
        q.addBindValue(id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), u"Hamburg pudding"_s);
        QCOMPARE(q.value(1).toDouble(), 53.55);
        QCOMPARE(q.value(2).toBool(), cancelledFirst);
        // … and nothing changed in what the server answers.
        const QJsonObject after = m_server->get(path, m_organizer).json();
        QVERIFY2(after == before, QJsonDocument(after).toJson().constData());
    }

    // The revision the index compares (0003_event_revision.sql) rises with every stored change
    // of what the index holds: an edit, an approval; a refused edit leaves it.
    void revisionRisesWithEveryStoredChange()
    {
        const qint64 id = m_server.createMeetup(m_organizer);
        QVERIFY(id > 0);
        QSqlDatabase db = m_server.sql(u"revision"_s);
        const auto revision = [&db, id]() -> qint64 {
            QSqlQuery q(db);
            if (!q.prepare(u"SELECT revision FROM events WHERE id = ?"_s))
                return -1;
            q.addBindValue(id);
            return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
        };
        const qint64 created = revision();
        QVERIFY(created > 0);
        const QString path = u"/api/events/%1"_s.arg(id);

        const auto edit = m_server->request("PATCH", path,
            QJsonDocument(QJsonObject { { u"title"_s, u"Renamed pudding"_s } })
                .toJson(QJsonDocument::Compact),
            m_organizer);
        QCOMPARE(edit.status, 200);
        const qint64 edited = revision();
        QCOMPARE(edited, created + 1);

        const auto refused = m_server->request("PATCH", path,
            QJsonDocument(QJsonObject { { u"title"_s, u"x"_s } }).toJson(QJsonDocument::Compact),
            m_organizer);
        QCOMPARE(refused.status, 400);
        QCOMPARE(revision(), edited);

        QVERIFY(m_server.approvedGuest(id, m_organizer, u"Gustav"_s).isValid());
        QVERIFY(revision() > edited);
    }

    void limitCannotDropBelowApproved()
    {
        const auto created = m_server->postJson(
            u"/api/events"_s, draft({ 50.94, 6.96 }, u"Köln pudding"_s, 4, u"Köln"_s), m_organizer);
        const qint64 id = created.json().value("id"_L1).toInteger();
        // Three approved attendees, written directly (the joining flow is its own API).
        {
            QSqlDatabase db = m_server.sql(u"direct"_s);
            QVERIFY(db.isOpen());
            QSqlQuery q(db);
            for (int i = 0; i < 3; ++i) {
                QVERIFY(q.exec(u"INSERT INTO users(email, name, password_hash) VALUES "
                               "('att%1@example.org', 'Att', 'x') RETURNING id"_s.arg(i)));
                QVERIFY(q.next());
                const qint64 user = q.value(0).toLongLong();
                QVERIFY(q.exec(u"INSERT INTO attendances(event_id, user_id, status) VALUES "
                               "(%1, %2, 'APPROVED')"_s.arg(id)
                                   .arg(user)));
            }
        }
        QSqlDatabase::removeDatabase(u"direct"_s);
        const QString path = u"/api/events/%1"_s.arg(id);
        const auto tooLow = m_server->patchJson(path, { { u"attendeeLimit"_s, 2 } }, m_organizer);
        QCOMPARE(tooLow.status, 409);
        QCOMPARE(tooLow.json().value("error"_L1).toObject().value("field"_L1).toString(),
            u"attendeeLimit"_s);
        const auto exact = m_server->patchJson(path, { { u"attendeeLimit"_s, 3 } }, m_organizer);
        QCOMPARE(exact.status, 200);
        QCOMPARE(exact.json().value("attendeeCount"_L1).toInt(), 3);
    }

    void bulkCreate()
    {
        // A data set for the search checks: random points over Germany and near its borders.
        QRandomGenerator rng(4242);
        const GeoBox g = Germany::Bounds;
        for (int i = 0; i < 400; ++i) {
            GeoPoint p;
            do { // anywhere in Germany (the bounding box holds parts of six neighbours)
                p = { g.south + rng.generateDouble() * (g.north - g.south),
                    g.west + rng.generateDouble() * (g.east - g.west) };
            } while (!Germany::isInGermany(p));
            const QString title
                = (i % 3 ? u"Vanillepudding treffen %1"_s : u"Rote Grütze %1"_s).arg(i);
            const QString city = i % 4 ? u"Musterstadt"_s : u"Beispielheim"_s;
            const auto r = m_server->postJson(u"/api/events"_s,
                draft(p, title, 1 + int(rng.bounded(50)), city), i % 2 ? m_organizer : m_other);
            QCOMPARE(r.status, 201);
            const Event e = Event::fromJson(r.json());
            // An anonymous search finds it by its public point.
            const Event seen = Event::fromJson(m_server->get(u"/api/events/%1"_s.arg(e.id)).json());
            QVERIFY(!seen.exactLocation);
            m_bulk.append({ e.id, seen.location, e.startTime, e.title, e.city });
        }
    }

    void radiusSearchMatchesBruteForce_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lng");
        QTest::addColumn<double>("radius");
        QTest::addColumn<QString>("extra");
        QTest::newRow("Berlin 50 km") << 52.52 << 13.405 << 50000.0 << QString();
        QTest::newRow("München 120 km") << 48.137 << 11.575 << 120000.0 << QString();
        QTest::newRow("Aachen border 80 km") << 50.775 << 6.084 << 80000.0 << QString();
        QTest::newRow("Görlitz border 150 km") << 51.153 << 14.987 << 150000.0 << QString();
        QTest::newRow("north edge 60 km") << 55.0 << 9.0 << 60000.0 << QString();
        QTest::newRow("south edge 90 km") << 47.3 << 10.0 << 90000.0 << QString();
        QTest::newRow("whole country") << 51.0 << 10.0 << 700000.0 << QString();
        QTest::newRow("text filter") << 51.0 << 10.0 << 400000.0 << u"q=gr%C3%BCtze"_s;
        QTest::newRow("city filter") << 51.0 << 10.0 << 400000.0 << u"city=beispielheim"_s;
        QTest::newRow("outside, reaching in") << 49.0 << 5.0 << 150000.0 << QString();
    }
    void radiusSearchMatchesBruteForce()
    {
        QFETCH(double, lat);
        QFETCH(double, lng);
        QFETCH(double, radius);
        QFETCH(QString, extra);
        QVERIFY(!m_bulk.isEmpty());
        const GeoPoint centre { lat, lng };
        QList<Created> expected;
        for (const auto &c : m_bulk) {
            if (distanceMetres(centre, c.location) > radius)
                continue;
            if (extra.startsWith("q="_L1) && !c.title.contains(u"Grütze"_s))
                continue;
            if (extra.startsWith("city="_L1) && c.city != u"Beispielheim"_s)
                continue;
            expected.append(c);
        }
        std::sort(expected.begin(), expected.end(), [](const Created &a, const Created &b) {
            return std::pair(a.start, a.id) < std::pair(b.start, b.id);
        });
        // Walk every page through the cursor.
        QList<qint64> got;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            QString path
                = u"/api/events?lat=%1&lng=%2&radius=%3&limit=25"_s.arg(lat).arg(lng).arg(radius);
            if (!extra.isEmpty())
                path += u'&' + extra;
            if (!cursor.isEmpty())
                path += u"&cursor="_s + cursor;
            const auto r = m_server->get(path);
            QCOMPARE(r.status, 200);
            for (const auto &v : r.events()) {
                const auto o = v.toObject();
                const qint64 id = o.value("id"_L1).toInteger();
                got.append(id);
                // The public distance (to the public point) is rounded to 100 m.
                const auto it = std::find_if(
                    m_bulk.cbegin(), m_bulk.cend(), [id](const Created &c) { return c.id == id; });
                if (it != m_bulk.cend()) {
                    const double d = distanceMetres(centre, it->location);
                    QVERIFY(std::abs(o.value("distance"_L1).toDouble() - d) <= 50.01);
                }
            }
            cursor = r.json().value("nextCursor"_L1).toString();
            if (cursor.isEmpty())
                break;
        }
        // Events made by the earlier tests are legitimately found too; compare the data set.
        QSet<qint64> bulkIds;
        for (const auto &c : m_bulk)
            bulkIds.insert(c.id);
        got.removeIf([&](qint64 id) { return !bulkIds.contains(id); });
        QList<qint64> want;
        for (const auto &c : expected)
            want.append(c.id);
        QCOMPARE(got, want);
    }

    void bboxSearchMatchesBruteForce()
    {
        const GeoBox box { 7.0, 49.0, 11.5, 52.0 };
        QList<qint64> want;
        QList<Created> inside;
        for (const auto &c : m_bulk)
            if (box.contains(c.location))
                inside.append(c);
        std::sort(inside.begin(), inside.end(), [](const Created &a, const Created &b) {
            return std::pair(a.start, a.id) < std::pair(b.start, b.id);
        });
        for (int i = 0; i < std::min<qsizetype>(100, inside.size()); ++i)
            want.append(inside[i].id);
        const auto r = m_server->get(u"/api/events?bbox=7,49,11.5,52&limit=100"_s);
        QCOMPARE(r.status, 200);
        QSet<qint64> bulkIds;
        for (const auto &c : m_bulk)
            bulkIds.insert(c.id);
        QList<qint64> got = ids(r);
        got.removeIf([&](qint64 id) { return !bulkIds.contains(id); });
        QCOMPARE(got, want.mid(0, got.size()));
        QVERIFY(got.size() >= want.size() - 3); // at most the three earlier events took places
    }

    void pointsForTheMap()
    {
        // Every matching event in the box, unpaged, as [id, lat, lng].
        const GeoBox box { 6.0, 48.0, 12.0, 53.5 };
        QSet<qint64> want;
        for (const auto &c : m_bulk)
            if (box.contains(c.location))
                want.insert(c.id);
        const auto r = m_server->get(u"/api/events/points?bbox=6,48,12,53.5"_s);
        QCOMPARE(r.status, 200);
        QSet<qint64> got;
        for (const auto &v : r.json().value("points"_L1).toArray()) {
            const auto point = v.toArray();
            QCOMPARE(point.size(), 3);
            QVERIFY(box.contains({ point[1].toDouble(), point[2].toDouble() }));
            got.insert(point[0].toInteger());
        }
        QCOMPARE(r.json().value("count"_L1).toInt(), got.size());
        QVERIFY(got.contains(want)); // plus possibly the earlier tests' events
        QVERIFY(got.size() - want.size() <= 3);
        QCOMPARE(m_server->get(u"/api/events/points?bbox=1,2"_s).status, 400);
    }

    void searchParameterErrors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("lat without lng") << u"lat=52"_s << u"lng"_s;
        QTest::newRow("lat not a number") << u"lat=abc&lng=13"_s << u"lat"_s;
        QTest::newRow("negative radius") << u"lat=52&lng=13&radius=-5"_s << u"radius"_s;
        QTest::newRow("huge radius") << u"lat=52&lng=13&radius=5000000"_s << u"radius"_s;
        QTest::newRow("bad bbox") << u"bbox=1,2,3"_s << u"bbox"_s;
        QTest::newRow("limit 0") << u"limit=0"_s << u"limit"_s;
        QTest::newRow("limit 101") << u"limit=101"_s << u"limit"_s;
        QTest::newRow("bad cursor") << u"cursor=%%%"_s << u"cursor"_s;
        QTest::newRow("bad from") << u"from=yesterday"_s << u"from"_s;
        QTest::newRow("bad status") << u"status=SOON"_s << u"status"_s;
    }
    void searchParameterErrors()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const auto r = m_server->get(u"/api/events?"_s + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"validation_failed"_s);
        QCOMPARE(r.json().value("error"_L1).toObject().value("field"_L1).toString(), field);
    }

    void timeWindowFilter()
    {
        const QDateTime from = QDateTime::currentDateTimeUtc().addDays(10);
        const QDateTime to = QDateTime::currentDateTimeUtc().addDays(20);
        QUrlQuery q;
        q.addQueryItem(u"from"_s, toIsoString(from));
        q.addQueryItem(u"to"_s, toIsoString(to));
        q.addQueryItem(u"limit"_s, u"100"_s);
        const auto r = m_server->get(u"/api/events?"_s + q.toString(QUrl::FullyEncoded));
        QCOMPARE(r.status, 200);
        int expected = 0;
        for (const auto &c : m_bulk)
            if (c.start >= from && c.start <= to)
                ++expected;
        QCOMPARE(r.events().size(), std::min(expected, 100));
        for (const auto &v : r.events()) {
            const auto start = parseIsoDateTime(v.toObject().value("startTime"_L1).toString());
            QVERIFY(start && *start >= from && *start <= to);
        }
    }

    void secondInstanceSeesChanges()
    {
        // Two instances behind a load balancer share one database; changes travel by NOTIFY.
        TestServer second(m_server.databaseUrl());
        QVERIFY(second.start());
        const auto created = m_server->postJson(u"/api/events"_s,
            draft({ 51.34, 12.37 }, u"Leipzig pudding"_s, 6, u"Leipzig"_s), m_organizer);
        QCOMPARE(created.status, 201);
        const qint64 id = created.json().value("id"_L1).toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(second.get(u"/api/events/%1"_s.arg(id)).status, 200, 5000);
        QCOMPARE(
            second.request("DELETE", u"/api/events/%1"_s.arg(id), {}, m_organizer).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_server->get(u"/api/events/%1"_s.arg(id)).json().value("status"_L1).toString(),
            u"CANCELLED"_s, 5000);
    }
};

QTEST_GUILESS_MAIN(TstEvents)
#include "tst_events.moc"
