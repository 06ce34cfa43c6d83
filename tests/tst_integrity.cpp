// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing acknowledged is lost (issue 11): every write endpoint, REST and WebSocket, against the
// real server and PostgreSQL. The oracle of every row: a 2xx means that a re-read (through the
// API and straight from the database) returns exactly what was sent; a 4xx means that the
// affected tables are unchanged and the error names the field; a 5xx is a failure unless a
// fault was injected, and then it is the only acceptable answer (with nothing changed).
#include "fixtures.h"
#include "serverfixture.h"
#include "shared/chat.h"
#include "shared/event.h"
#include "shared/protocol.h"
#include "wsclient.h"

#include <QDirIterator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Test;

namespace {

namespace L = Protocol::Limits;

/// How a field treats text (the rule of issue 11).
enum class Kind { SingleLine, MultiLine, Token };

/// What a row expects.
enum Expect {
    Accept, ///< 2xx, and the re-read returns exactly the value
    Refuse, ///< 400 naming the field, nothing changed
    Either, ///< Accept or Refuse (left to the implementation: DEL, CR in multi-line text)
    FoldOrRefuse, ///< Refuse, or 2xx storing the value with the tab folded to a space
};

enum Endpoint { Register, CreateEvent, PatchEvent, Join, Decide, ChatRest, ChatWs };

struct FieldSpec
{
    Endpoint endpoint;
    QLatin1StringView label;
    QLatin1StringView name;
    QLatin1StringView column;
    int limit;
    Kind kind;
};

const QList<FieldSpec> &fieldSpecs()
{
    static const QList<FieldSpec> specs {
        { Register, "POST /api/auth/register"_L1, "name"_L1, "name"_L1, L::NameMax,
            Kind::SingleLine },
        { Register, "POST /api/auth/register"_L1, "email"_L1, "email"_L1, L::EmailMax,
            Kind::SingleLine },
        { CreateEvent, "POST /api/events"_L1, "title"_L1, "title"_L1, L::TitleMax,
            Kind::SingleLine },
        { CreateEvent, "POST /api/events"_L1, "description"_L1, "description"_L1, L::DescriptionMax,
            Kind::MultiLine },
        { CreateEvent, "POST /api/events"_L1, "city"_L1, "city"_L1, L::CityMax, Kind::SingleLine },
        { CreateEvent, "POST /api/events"_L1, "state"_L1, "state"_L1, L::StateMax,
            Kind::SingleLine },
        { CreateEvent, "POST /api/events"_L1, "venue"_L1, "venue"_L1, 200, Kind::SingleLine },
        { PatchEvent, "PATCH /api/events/:id"_L1, "title"_L1, "title"_L1, L::TitleMax,
            Kind::SingleLine },
        { PatchEvent, "PATCH /api/events/:id"_L1, "description"_L1, "description"_L1,
            L::DescriptionMax, Kind::MultiLine },
        { PatchEvent, "PATCH /api/events/:id"_L1, "city"_L1, "city"_L1, L::CityMax,
            Kind::SingleLine },
        { PatchEvent, "PATCH /api/events/:id"_L1, "state"_L1, "state"_L1, L::StateMax,
            Kind::SingleLine },
        { PatchEvent, "PATCH /api/events/:id"_L1, "venue"_L1, "venue"_L1, 200, Kind::SingleLine },
        { Join, "POST join"_L1, "puddingName"_L1, "pudding_name"_L1, 80, Kind::SingleLine },
        { Join, "POST join"_L1, "puddingDescription"_L1, "pudding_description"_L1, 500,
            Kind::MultiLine },
        { Decide, "PATCH decision"_L1, "note"_L1, "note"_L1, 500, Kind::MultiLine },
        { ChatRest, "POST messages"_L1, "content"_L1, "content"_L1, Chat::ContentMax,
            Kind::MultiLine },
        { ChatRest, "POST messages"_L1, "clientMsgId"_L1, "client_msg_id"_L1, Chat::ClientMsgIdMax,
            Kind::Token },
        { ChatWs, "ws send_message"_L1, "content"_L1, "content"_L1, Chat::ContentMax,
            Kind::MultiLine },
        { ChatWs, "ws send_message"_L1, "clientMsgId"_L1, "client_msg_id"_L1, Chat::ClientMsgIdMax,
            Kind::Token },
    };
    return specs;
}

/// A JSON string literal (quotes included) for a valid text.
QByteArray jsonLiteral(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

qsizetype codePoints(const QString &text)
{
    return text.toUcs4().size();
}

/// The HTTP status a WebSocket answer stands for.
int wsStatus(const QJsonObject &frame)
{
    if (frame.value("type"_L1).toString() == "ack"_L1)
        return frame.value("duplicate"_L1).toBool() ? 200 : 201;
    const QString code = frame.value("code"_L1).toString();
    if (code == "validation_failed"_L1 || code == "malformed_frame"_L1)
        return 400;
    if (code == "forbidden"_L1)
        return 403;
    if (code == "not_found"_L1)
        return 404;
    if (code == "rate_limited"_L1)
        return 429;
    return 503;
}

QString describe(int status, const QByteArray &body)
{
    return u"HTTP %1 %2"_s.arg(status).arg(QString::fromUtf8(body.left(400)));
}

} // namespace

class TstIntegrity : public QObject
{
    Q_OBJECT

    using User = Account;
    /// What a write answered: a status, its body, the id it created, a WebSocket error's fields.
    struct Outcome
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        qint64 id = 0;
        QByteArray token;
    };

    ServerFixture m_server;
    QSqlDatabase m_sql;
    int m_serial = 0;
    int m_seed = 1000;

    User m_organizer, m_pending, m_approved, m_waitlisted;
    qint64 m_event = 0; ///< limit 1: one approved, one pending, one waitlisted guest
    qint64 m_reviewEvent = 0; ///< many places: fresh requests for decisions
    WsClient m_wsOrganizer, m_wsPending, m_wsApproved, m_wsWaitlisted;

    // ---- database helpers ------------------------------------------------------------------

    bool sql(const QString &statement)
    {
        QSqlQuery q(m_sql);
        if (!q.exec(statement)) {
            qWarning().noquote() << "SQL failed:" << statement << q.lastError().text();
            return false;
        }
        return true;
    }
    QVariant scalar(const QString &statement, const QVariantList &binds = {})
    {
        QSqlQuery q(m_sql);
        q.prepare(statement);
        for (const auto &b : binds)
            q.addBindValue(b);
        if (!q.exec()) {
            qWarning().noquote() << "SQL failed:" << statement << q.lastError().text();
            return {};
        }
        return q.next() ? q.value(0) : QVariant();
    }
    /// A digest of every table a write may touch, per table.
    QMap<QString, QString> snapshot()
    {
        QMap<QString, QString> out;
        for (const auto &table : { u"users"_s, u"sessions"_s, u"events"_s, u"photos"_s,
                 u"attendances"_s, u"messages"_s }) {
            out.insert(table,
                scalar(u"SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, "
                       "E'\\n' ORDER BY t::text)), '') FROM "_s
                    % table % u" t"_s)
                    .toString());
        }
        return out;
    }
    static QString changedTables(
        const QMap<QString, QString> &before, const QMap<QString, QString> &after)
    {
        QStringList changed;
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (after.value(it.key()) != it.value())
                changed.append(it.key());
        return changed.join(u", "_s);
    }
    qint64 photoRows() { return scalar(u"SELECT count(*) FROM photos"_s).toLongLong(); }
    int photoFiles()
    {
        int n = 0;
        QDirIterator it(m_server->dataDir() + u"/photos"_s, QDir::Files | QDir::NoDotAndDotDot,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++n;
        }
        return n;
    }

    // ---- API helpers -----------------------------------------------------------------------

    User newUser(const QString &name = u"Guest"_s) { return m_server.signUp(name); }
    static QJsonObject eventDraft(const QString &title, int limit)
    {
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(6);
        return { { u"title"_s, title }, { u"description"_s, u"Bring a spoon."_s },
            { u"location"_s, QJsonObject { { u"lat"_s, 50.1137 }, { u"lng"_s, 8.6843 } } },
            { u"city"_s, u"Frankfurt am Main"_s }, { u"state"_s, u"Hessen"_s },
            { u"venue"_s, u"Kleinmarkthalle, Stand 12"_s }, { u"startTime"_s, toIsoString(start) },
            { u"endTime"_s, toIsoString(start.addSecs(7200)) }, { u"attendeeLimit"_s, limit } };
    }
    qint64 createEvent(
        const User &organizer, int limit, const QString &title = u"Pudding tasting"_s)
    {
        return m_server.createMeetup(organizer.token, eventDraft(title, limit));
    }
    HttpResult joinRaw(qint64 eventId, const User &guest, const QByteArray &name = "Grießpudding",
        const QByteArray &description = "Mit Zimt.")
    {
        return m_server.postJoin(eventId, guest.token, Fixtures::jpeg(++m_seed), name, description);
    }
    qint64 join(qint64 eventId, const User &guest)
    {
        const auto r = joinRaw(eventId, guest);
        if (r.status != 201)
            qWarning() << "join failed" << r.status << r.body;
        return r.json().value("attendance"_L1).toObject().value("id"_L1).toInteger();
    }
    int decide(qint64 eventId, qint64 attendanceId, const char *status, const User &organizer)
    {
        return m_server.decide(eventId, attendanceId, status, organizer.token);
    }
    QString statusOf(qint64 attendanceId)
    {
        return scalar(u"SELECT status FROM attendances WHERE id = ?"_s, { attendanceId })
            .toString();
    }
    /// The first WebSocket answer (ack or error) to `ref`.
    static std::optional<QJsonObject> wsAnswer(WsClient &ws, int ref)
    {
        auto match = [ref](const QJsonObject &f) { return f.value("ref"_L1).toInt() == ref; };
        [[maybe_unused]] const bool answered = QTest::qWaitFor(
            [&] { return ws.sees(u"ack"_s, match, 0) || ws.sees(u"error"_s, match, 0); }, 15000);
        if (auto ack = ws.take(u"ack"_s, match, 0))
            return ack;
        return ws.take(u"error"_s, match, 0);
    }
    static bool joinRoom(WsClient &ws, qint64 eventId)
    {
        ws.send({ { u"type"_s, u"join_event"_s }, { u"eventId"_s, eventId } });
        return ws
            .take(u"joined"_s,
                [eventId](
                    const QJsonObject &f) { return f.value("eventId"_L1).toInteger() == eventId; })
            .has_value();
    }
    void clearFrames()
    {
        for (WsClient *ws : { &m_wsOrganizer, &m_wsPending, &m_wsApproved, &m_wsWaitlisted })
            ws->clear();
    }

    /// Organizer's view through the API against the database: the index must agree.
    QString indexDisagreement(qint64 eventId)
    {
        const auto r = m_server->get(u"/api/events/%1"_s.arg(eventId), m_organizer.token);
        const QJsonObject e = r.json();
        QSqlQuery q(m_sql);
        q.prepare(u"SELECT title, attendee_limit, cancelled_at IS NOT NULL, (SELECT count(*) FROM "
                  "attendances a WHERE a.event_id = e.id AND a.status = 'APPROVED') FROM events e "
                  "WHERE id = ?"_s);
        q.addBindValue(eventId);
        if (!q.exec() || !q.next())
            return r.status == 404 ? QString() : u"event missing from the database"_s;
        QStringList out;
        if (e.value("title"_L1).toString() != q.value(0).toString())
            out.append(u"title"_s);
        if (e.value("attendeeLimit"_L1).toInt() != q.value(1).toInt())
            out.append(u"attendeeLimit"_s);
        if ((e.value("status"_L1).toString() == "CANCELLED"_L1) != q.value(2).toBool())
            out.append(u"status"_s);
        if (e.value("attendeeCount"_L1).toInt() != q.value(3).toInt())
            out.append(u"attendeeCount"_s);
        return out.join(u", "_s);
    }

    // ---- the text table: sending one value to one field ------------------------------------

    /// Sends `json` (a JSON string literal) or `raw` (multipart bytes) as the field of `spec`.
    Outcome sendValue(const FieldSpec &spec, const QByteArray &json, const QByteArray &raw,
        qint64 decideTarget, const User &guest)
    {
        static const QByteArray marker = "\"@@VALUE@@\"";
        auto withValue = [&](QJsonObject object) {
            object.insert(spec.name, u"@@VALUE@@"_s);
            QByteArray body = QJsonDocument(object).toJson(QJsonDocument::Compact);
            body.replace(marker, json);
            return body;
        };
        auto fromHttp = [](const HttpResult &r) {
            return Outcome { r.status, r.body, r.json(), 0, {} };
        };
        switch (spec.endpoint) {
        case Register: {
            QJsonObject base { { u"email"_s, u"reg%1@example.org"_s.arg(++m_serial) },
                { u"name"_s, u"Registered"_s }, { u"password"_s, u"correct horse battery 9"_s } };
            Outcome o
                = fromHttp(m_server->request("POST", u"/api/auth/register"_s, withValue(base), {}));
            o.id = o.json.value("user"_L1).toObject().value("id"_L1).toInteger();
            o.token = o.json.value("token"_L1).toString().toLatin1();
            return o;
        }
        case CreateEvent: {
            Outcome o = fromHttp(m_server->request("POST", u"/api/events"_s,
                withValue(eventDraft(u"Integrity"_s, 10)), m_organizer.token));
            o.id = o.json.value("id"_L1).toInteger();
            return o;
        }
        case PatchEvent: {
            Outcome o = fromHttp(m_server->request(
                "PATCH", u"/api/events/%1"_s.arg(m_event), withValue({}), m_organizer.token));
            o.id = m_event;
            return o;
        }
        case Join: {
            QList<std::tuple<QByteArray, QByteArray, QByteArray>> parts {
                { "puddingName", {}, "Grießpudding" }, { "puddingDescription", {}, "Mit Zimt." },
                { "photo", "pudding.jpg", Fixtures::jpeg(++m_seed) }
            };
            for (auto &[name, filename, data] : parts)
                if (name == QByteArray(spec.name.data(), spec.name.size()))
                    data = raw;
            Outcome o = fromHttp(m_server->request("POST",
                u"/api/attendance/events/%1/join"_s.arg(m_event), Fixtures::multipartBody(parts),
                guest.token, "multipart/form-data; boundary=" + Fixtures::kBoundary));
            o.id = o.json.value("attendance"_L1).toObject().value("id"_L1).toInteger();
            o.token = guest.token;
            return o;
        }
        case Decide: {
            Outcome o = fromHttp(m_server->request("PATCH",
                u"/api/attendance/events/%1/attendances/%2"_s.arg(m_reviewEvent).arg(decideTarget),
                withValue({ { u"status"_s, u"APPROVED"_s } }), m_organizer.token));
            o.id = decideTarget;
            return o;
        }
        case ChatRest: {
            QJsonObject base { { u"content"_s, u"Hallo zusammen"_s },
                { u"clientMsgId"_s, u"rest-%1"_s.arg(++m_serial) } };
            Outcome o = fromHttp(
                m_server->request("POST", u"/api/messages/events/%1/messages"_s.arg(m_event),
                    withValue(base), m_approved.token));
            o.id = o.json.value("message"_L1).toObject().value("id"_L1).toInteger();
            return o;
        }
        case ChatWs: {
            const int ref = ++m_serial;
            QJsonObject base { { u"type"_s, u"send_message"_s }, { u"eventId"_s, m_event },
                { u"ref"_s, ref }, { u"content"_s, u"Hallo zusammen"_s },
                { u"clientMsgId"_s, u"ws-%1"_s.arg(ref) } };
            m_wsApproved.sendRaw(QString::fromUtf8(withValue(base)));
            const auto answer = wsAnswer(m_wsApproved, ref);
            if (!answer)
                return { 0, "no ack or error frame within 15 s", {}, 0, {} };
            Outcome o { wsStatus(*answer), QJsonDocument(*answer).toJson(QJsonDocument::Compact),
                *answer, 0, {} };
            o.id = answer->value("message"_L1).toObject().value("id"_L1).toInteger();
            return o;
        }
        }
        return {};
    }

    /// The field as the API shows it now (after a 2xx), or a reason why it cannot be read.
    std::optional<QString> rereadApi(const FieldSpec &spec, const Outcome &o)
    {
        const QString name(spec.name);
        switch (spec.endpoint) {
        case Register: {
            const auto r = m_server->get(u"/api/auth/me"_s, o.token);
            const auto user = r.json().value("user"_L1).toObject();
            if (!user.contains(name))
                return std::nullopt;
            return user.value(name).toString();
        }
        case CreateEvent:
        case PatchEvent: {
            const auto e = m_server->get(u"/api/events/%1"_s.arg(o.id), m_organizer.token).json();
            if (!e.contains(name))
                return std::nullopt;
            return e.value(name).toString();
        }
        case Join: {
            const auto mine = m_server->get(u"/api/attendance/mine"_s, o.token).json();
            for (const auto &v : mine.value("attendances"_L1).toArray())
                if (v.toObject().value("id"_L1).toInteger() == o.id)
                    return v.toObject().value(name).toString();
            return std::nullopt;
        }
        case Decide: {
            const auto list = m_server->get(
                u"/api/attendance/events/%1/attendances"_s.arg(m_reviewEvent), m_organizer.token);
            for (const auto &v : list.json().value("attendances"_L1).toArray())
                if (v.toObject().value("id"_L1).toInteger() == o.id)
                    return v.toObject().value(name).toString();
            return std::nullopt;
        }
        case ChatRest:
        case ChatWs: {
            const auto r = m_server->get(
                u"/api/messages/events/%1/messages?after=%2&limit=1"_s.arg(m_event).arg(o.id - 1),
                m_approved.token);
            const auto messages = r.json().value("messages"_L1).toArray();
            if (messages.isEmpty()
                || messages.first().toObject().value("id"_L1).toInteger() != o.id)
                return std::nullopt;
            return messages.first().toObject().value(name).toString();
        }
        }
        return std::nullopt;
    }
    std::optional<QString> rereadDb(const FieldSpec &spec, const Outcome &o)
    {
        static const QMap<Endpoint, QString> tables {
            { Register, u"users"_s },
            { CreateEvent, u"events"_s },
            { PatchEvent, u"events"_s },
            { Join, u"attendances"_s },
            { Decide, u"attendances"_s },
            { ChatRest, u"messages"_s },
            { ChatWs, u"messages"_s },
        };
        const QVariant v = scalar(
            u"SELECT %1 FROM %2 WHERE id = ?"_s.arg(spec.column, tables.value(spec.endpoint)),
            { o.id });
        if (!v.isValid())
            return std::nullopt;
        return v.toString();
    }
    /// After a 2xx: the live frame the audience got for it, checked where it carries the field.
    QString liveCheck(const FieldSpec &spec, const Outcome &o, const QString &expected)
    {
        const QString name(spec.name);
        switch (spec.endpoint) {
        case PatchEvent: {
            // Everyone attending hears of the change; frames of earlier rows may still arrive,
            // the one for this change carries it.
            const QList<std::pair<const char *, WsClient *>> audience {
                { "approved", &m_wsApproved },
                { "pending", &m_wsPending },
                { "waitlisted", &m_wsWaitlisted },
            };
            for (const auto &[who, ws] : audience) {
                const auto f = ws->take(u"event_updated"_s, [&](const QJsonObject &frame) {
                    const auto event = frame.value("event"_L1).toObject();
                    return frame.value("eventId"_L1).toInteger() == o.id
                        && (!event.contains(name) || event.value(name).toString() == expected);
                });
                if (!f)
                    return u"the %1 guest got no event_updated frame carrying this %2"_s.arg(
                        QLatin1StringView(who), name);
            }
            return {};
        }
        case Join: {
            const auto f = m_wsOrganizer.take(u"new_join_request"_s, [&](const QJsonObject &frame) {
                return frame.value("attendance"_L1).toObject().value("id"_L1).toInteger() == o.id;
            });
            if (!f)
                return u"the organizer got no new_join_request frame"_s;
            const auto a = f->value("attendance"_L1).toObject();
            if (a.contains(name) && a.value(name).toString() != expected)
                return u"new_join_request carries a different %1"_s.arg(name);
            return {};
        }
        case ChatRest:
        case ChatWs: {
            const auto f = m_wsOrganizer.take(u"new_message"_s, [&](const QJsonObject &frame) {
                return frame.value("message"_L1).toObject().value("id"_L1).toInteger() == o.id;
            });
            if (!f)
                return u"the organizer got no new_message frame"_s;
            if (f->value("message"_L1).toObject().value(name).toString() != expected)
                return u"new_message carries a different %1"_s.arg(name);
            return {};
        }
        default:
            return {};
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.createDatabase(u"integrity"_s), qPrintable(m_server.errorString()));
        m_sql = m_server.sql(u"integrity-check"_s);
        QVERIFY2(m_sql.isOpen(), qPrintable(m_sql.lastError().text()));
        // Fault injection: a trigger function that counts its firings (a sequence is not rolled
        // back) and fails, and a pg_notify that fails on request. The server's connections
        // find testfault.pg_notify before pg_catalog's through the database's search_path.
        QVERIFY(sql(u"CREATE SCHEMA testfault"_s));
        QVERIFY(sql(u"CREATE SEQUENCE testfault.fired"_s));
        QVERIFY(sql(u"CREATE TABLE testfault.flags (what text PRIMARY KEY)"_s));
        QVERIFY(sql(u"CREATE FUNCTION testfault.fail() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    "BEGIN PERFORM nextval('testfault.fired'); "
                    "RAISE EXCEPTION 'injected by tst_integrity'; END $$"_s));
        QVERIFY(sql(u"CREATE FUNCTION testfault.pg_notify(channel text, payload text) "
                    "RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
                    "IF EXISTS (SELECT 1 FROM testfault.flags WHERE what = 'notify') THEN "
                    "PERFORM nextval('testfault.fired'); "
                    "RAISE EXCEPTION 'pg_notify failure injected by tst_integrity'; END IF; "
                    "PERFORM pg_catalog.pg_notify(channel, payload); END $$"_s));
        // And count(*) (the approved count, the waitlist position, …), failing on request.
        QVERIFY(sql(u"CREATE FUNCTION testfault.count_step(bigint) RETURNS bigint "
                    "LANGUAGE sql IMMUTABLE AS 'SELECT $1 + 1'"_s));
        QVERIFY(sql(u"CREATE FUNCTION testfault.count_final(bigint) RETURNS bigint "
                    "LANGUAGE plpgsql AS $$ BEGIN "
                    "IF EXISTS (SELECT 1 FROM testfault.flags WHERE what = 'count') THEN "
                    "PERFORM nextval('testfault.fired'); "
                    "RAISE EXCEPTION 'count(*) failure injected by tst_integrity'; END IF; "
                    "RETURN $1; END $$"_s));
        QVERIFY(sql(u"CREATE AGGREGATE testfault.count(*) (SFUNC = testfault.count_step, "
                    "STYPE = bigint, INITCOND = '0', FINALFUNC = testfault.count_final)"_s));
        QVERIFY(sql(u"ALTER DATABASE \"%1\" SET search_path = \"$user\", public, testfault, "
                    "pg_catalog"_s.arg(m_sql.databaseName())));

        TestServer::Options options;
        options.extraArguments = { u"--chat-rate-limit"_s, u"0"_s };
        QVERIFY2(m_server.startServer(options), qPrintable(m_server.errorString()));

        m_organizer = newUser(u"Olga"_s);
        m_pending = newUser(u"Paul"_s);
        m_approved = newUser(u"Anna"_s);
        m_waitlisted = newUser(u"Willi"_s);
        QVERIFY(m_organizer.id && m_pending.id && m_approved.id && m_waitlisted.id);
        QVERIFY(m_wsOrganizer.connectAs(m_server->port(), m_organizer.token));
        QVERIFY(m_wsPending.connectAs(m_server->port(), m_pending.token));
        QVERIFY(m_wsApproved.connectAs(m_server->port(), m_approved.token));
        QVERIFY(m_wsWaitlisted.connectAs(m_server->port(), m_waitlisted.token));

        m_event = createEvent(m_organizer, 1);
        QVERIFY(m_event > 0);
        QVERIFY(join(m_event, m_pending) > 0);
        const qint64 approved = join(m_event, m_approved);
        QCOMPARE(decide(m_event, approved, "APPROVED", m_organizer), 200);
        const qint64 waitlisted = join(m_event, m_waitlisted);
        QCOMPARE(statusOf(waitlisted), u"WAITLISTED"_s);
        QVERIFY(joinRoom(m_wsOrganizer, m_event));
        QVERIFY(joinRoom(m_wsApproved, m_event));
        m_reviewEvent = createEvent(m_organizer, 1000, u"Review queue"_s);
        QVERIFY(m_reviewEvent > 0);
    }

    void cleanup()
    {
        clearFrames();
        sql(u"DELETE FROM testfault.flags"_s);
    }

    // ---- 1. every text field of every write ------------------------------------------------

    void textFields_data()
    {
        QTest::addColumn<int>("spec");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("expect");

        const QList<std::pair<const char *, QString>> fillers {
            { "1-byte", u"a"_s },
            { "2-byte", u"ж"_s },
            { "3-byte", u"漢"_s },
            { "4-byte", QString::fromUcs4(U"😀", 1) },
        };
        const QString nul = u"one"_s + QChar(0) + u"two"_s;
        for (qsizetype i = 0; i < fieldSpecs().size(); ++i) {
            const FieldSpec &spec = fieldSpecs()[i];
            const bool multi = spec.kind == Kind::MultiLine;
            const bool multipart = spec.endpoint == Join;
            // Values unique where the field must be (emails, clientMsgIds), and shaped right.
            int unique = 0;
            auto shaped = [&](const QString &body, bool probe = false) -> QString {
                const QString n
                    = u"%1"_s.arg(probe ? 0 : int(i) * 1000 + ++unique, 5, 10, QChar(u'0'));
                if (spec.name == "email"_L1)
                    return u"v"_s + n + u'.' + body + u"@ex.de"_s;
                if (spec.name == "clientMsgId"_L1)
                    return u"c"_s + n + u'-' + body;
                return body;
            };
            auto sized = [&](const QString &unit, int n) {
                const qsizetype fixed = codePoints(shaped(QString(), true));
                return shaped(unit.repeated(n - fixed));
            };
            auto row = [&](const QString &what, const QString &text, int expect) {
                const QByteArray tag
                    = (QString(spec.label) + u' ' + spec.name + u": "_s + what).toUtf8();
                QTest::newRow(tag.constData())
                    << int(i) << text << jsonLiteral(text) << text.toUtf8() << expect;
            };
            for (const auto &[bytes, unit] : fillers)
                row(u"%1 at the limit (%2)"_s.arg(QLatin1StringView(bytes)).arg(spec.limit),
                    sized(unit, spec.limit), Accept);
            row(u"1-byte limit+1"_s, sized(u"a"_s, spec.limit + 1), Refuse);
            row(u"4-byte limit+1"_s, sized(fillers[3].second, spec.limit + 1), Refuse);
            row(u"quotes"_s, shaped(u"say\"no\"and'yes'"_s), Accept);
            row(u"backslashes"_s, shaped(u"c:\\dir\\n\\u0041\\\\end"_s), Accept);
            row(u"newline"_s, shaped(u"one\ntwo"_s), multi ? Accept : Refuse);
            row(u"tab"_s, shaped(u"one\ttwo"_s),
                multi                          ? Accept
                    : spec.kind == Kind::Token ? Refuse
                                               : FoldOrRefuse);
            row(u"carriage return"_s, shaped(u"one\rtwo"_s), multi ? Either : Refuse);
            row(u"NUL"_s, shaped(nul), Refuse);
            row(u"U+0001"_s, shaped(u"one"_s + QChar(0x01) + u"two"_s), Refuse);
            row(u"ESC"_s, shaped(u"one"_s + QChar(0x1b) + u"two"_s), Refuse);
            row(u"DEL"_s, shaped(u"one"_s + QChar(0x7f) + u"two"_s), Either);
            {
                // A lone surrogate: \ud800 in JSON, the CESU bytes ED A0 80 in multipart.
                const QString text = shaped(u"one"_s + QChar(0xd800) + u"two"_s);
                const QString before = text.left(text.indexOf(QChar(0xd800)));
                const QString after = text.mid(text.indexOf(QChar(0xd800)) + 1);
                QByteArray json = jsonLiteral(before + u"@@S@@"_s + after);
                json.replace("@@S@@", "\\ud800");
                const QByteArray raw = before.toUtf8() + "\xED\xA0\x80" + after.toUtf8();
                const QByteArray tag
                    = (QString(spec.label) + u' ' + spec.name + u": lone surrogate"_s).toUtf8();
                QTest::newRow(tag.constData()) << int(i) << text << json << raw << int(Refuse);
            }
            if (multipart) {
                const QByteArray tag
                    = (QString(spec.label) + u' ' + spec.name + u": invalid UTF-8"_s).toUtf8();
                QTest::newRow(tag.constData()) << int(i) << QString() << QByteArray()
                                               << QByteArray("one\xC3\x28two\xFF") << int(Refuse);
            }
        }
    }

    void textFields()
    {
        QFETCH(int, spec);
        QFETCH(QString, text);
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, raw);
        QFETCH(int, expect);
        const FieldSpec &field = fieldSpecs()[spec];

        // Whatever the row needs exists before the snapshot.
        qint64 decideTarget = 0;
        User guest;
        if (field.endpoint == Decide) {
            decideTarget = join(m_reviewEvent, newUser());
            QVERIFY(decideTarget > 0);
        }
        if (field.endpoint == Join)
            guest = newUser();
        clearFrames();
        const auto before = snapshot();
        const Outcome o = sendValue(field, json, raw, decideTarget, guest);
        const QString what = describe(o.status, o.body);

        QVERIFY2(o.status > 0, qPrintable(what));
        QVERIFY2(o.status < 500, qPrintable(u"a 5xx is always a failure here: "_s + what));
        const bool success = o.status >= 200 && o.status < 300;
        if (expect == Accept)
            QVERIFY2(success, qPrintable(u"expected a 2xx: "_s + what));
        if (expect == Refuse)
            QVERIFY2(o.status == 400, qPrintable(u"expected 400: "_s + what));
        if (!success) {
            QVERIFY2(o.status == 400, qPrintable(u"expected 2xx or 400: "_s + what));
            const auto after = snapshot();
            QVERIFY2(after == before,
                qPrintable(u"a refused write changed: "_s + changedTables(before, after)));
            if (field.endpoint == ChatWs) {
                QVERIFY2(o.json.value("fields"_L1).toObject().contains(field.name),
                    qPrintable(u"the error frame does not name the field: "_s + what));
            } else {
                const auto error = o.json.value("error"_L1).toObject();
                QVERIFY2(
                    error.contains("code"_L1) && error.contains("message"_L1), qPrintable(what));
                QVERIFY2(error.value("field"_L1).toString() == field.name,
                    qPrintable(u"the error does not name the field %1: "_s.arg(field.name) + what));
            }
            return;
        }
        QVERIFY2(o.id > 0, qPrintable(u"no id in the answer: "_s + what));
        QStringList acceptable { text };
        if (expect == FoldOrRefuse)
            acceptable.append(QString(text).replace(u'\t', u' '));
        const auto api = rereadApi(field, o);
        QVERIFY2(api, qPrintable(u"the API does not show the field after "_s + what));
        QVERIFY2(acceptable.contains(*api),
            qPrintable(u"the API shows %1 characters (%2…), sent %3"_s.arg(codePoints(*api))
                           .arg(api->left(20))
                           .arg(codePoints(text))));
        const auto db = rereadDb(field, o);
        QVERIFY2(db, "the database has no such row");
        QVERIFY2(acceptable.contains(*db),
            qPrintable(
                u"the database holds %1 characters (%2…), sent %3 and got %4"_s.arg(codePoints(*db))
                    .arg(db->left(20))
                    .arg(codePoints(text))
                    .arg(o.status)));
        const QString live = liveCheck(field, o, *api);
        QVERIFY2(live.isEmpty(), qPrintable(live));
    }

    // ---- events that hold the largest values stay editable ---------------------------------

    void maximumValuesStayEditable_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("other");
        QTest::newRow("2-byte (Cyrillic)") << u"ж"_s << u"д"_s;
        QTest::newRow("3-byte (CJK)") << u"漢"_s << u"字"_s;
        QTest::newRow("4-byte (emoji)") << QString::fromUcs4(U"😀", 1) << QString::fromUcs4(U"🍮", 1);
    }

    void maximumValuesStayEditable()
    {
        QFETCH(QString, unit);
        QFETCH(QString, other);
        QJsonObject draft = eventDraft(unit.repeated(L::TitleMax), 1);
        draft.insert(u"description"_s, unit.repeated(L::DescriptionMax));
        draft.insert(u"city"_s, unit.repeated(L::CityMax));
        draft.insert(u"state"_s, unit.repeated(L::StateMax));
        draft.insert(u"venue"_s, unit.repeated(200));
        const auto created = m_server->postJson(u"/api/events"_s, draft, m_organizer.token);
        QVERIFY2(created.status == 201, qPrintable(describe(created.status, created.body)));
        const qint64 id = created.json().value("id"_L1).toInteger();
        auto column = [&](const QString &name) {
            return scalar(u"SELECT %1 FROM events WHERE id = ?"_s.arg(name), { id }).toString();
        };
        QCOMPARE(column(u"description"_s), unit.repeated(L::DescriptionMax));
        QCOMPARE(column(u"title"_s), unit.repeated(L::TitleMax));

        // An audience, so that every change goes out live with the large values.
        const User pending = newUser(), approved = newUser(), waitlisted = newUser();
        WsClient wsApproved, wsWaitlisted;
        QVERIFY(wsApproved.connectAs(m_server->port(), approved.token));
        QVERIFY(wsWaitlisted.connectAs(m_server->port(), waitlisted.token));
        QVERIFY(join(id, pending) > 0);
        const qint64 approvedId = join(id, approved);
        QCOMPARE(decide(id, approvedId, "APPROVED", m_organizer), 200);
        const qint64 waitlistedId = join(id, waitlisted);
        QCOMPARE(statusOf(waitlistedId), u"WAITLISTED"_s);

        auto patch = [&](const QJsonObject &change) {
            const auto r
                = m_server->patchJson(u"/api/events/%1"_s.arg(id), change, m_organizer.token);
            return std::pair(r.status, describe(r.status, r.body));
        };
        auto [s1, w1] = patch({ { u"title"_s, other.repeated(L::TitleMax) } });
        QVERIFY2(s1 == 200, qPrintable(w1));
        QVERIFY2(column(u"title"_s) == other.repeated(L::TitleMax),
            "PATCH title answered 200 but the database holds the old title");
        auto [s2, w2] = patch({ { u"description"_s, other.repeated(L::DescriptionMax) } });
        QVERIFY2(s2 == 200, qPrintable(w2));
        QVERIFY2(column(u"description"_s) == other.repeated(L::DescriptionMax),
            "PATCH description answered 200 but the database holds the old description");
        auto [s3, w3] = patch({ { u"attendeeLimit"_s, 2 } });
        QVERIFY2(s3 == 200, qPrintable(w3));
        QCOMPARE(column(u"attendee_limit"_s), u"2"_s);
        QCOMPARE(statusOf(waitlistedId), u"OFFERED"_s);
        QVERIFY2(wsWaitlisted.take(u"waitlist_offer"_s).has_value(),
            "the guest offered the place was not told");
        QVERIFY2(wsApproved.take(u"event_updated"_s).has_value(),
            "the approved guest got no event_updated frame");
        QCOMPARE(indexDisagreement(id), QString());

        const auto cancelled
            = m_server->request("DELETE", u"/api/events/%1"_s.arg(id), {}, m_organizer.token);
        QVERIFY2(cancelled.status == 200 || cancelled.status == 204,
            qPrintable(describe(cancelled.status, cancelled.body)));
        QVERIFY2(
            scalar(u"SELECT cancelled_at IS NOT NULL FROM events WHERE id = ?"_s, { id }).toBool(),
            "DELETE answered success but the database does not hold the cancellation");
        QCOMPARE(m_server->get(u"/api/events/%1"_s.arg(id)).json().value("status"_L1).toString(),
            u"CANCELLED"_s);
        QVERIFY2(wsApproved.take(u"event_cancelled"_s).has_value(),
            "the approved guest was not told of the cancellation");
        const qint64 photosBefore = photoRows();
        const auto late = joinRaw(id, newUser());
        QVERIFY2(late.status == 409, qPrintable(describe(late.status, late.body)));
        QCOMPARE(photoRows(), photosBefore);
    }

    // ---- 2. a statement made to fail inside each write transaction -------------------------

    void faultInjection_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("table"); ///< empty: `trigger` names a failing function
        QTest::addColumn<QString>("trigger"); ///< "BEFORE UPDATE ON x FOR EACH ROW WHEN (…)"
        QTest::addColumn<bool>("mustFire");

        struct Injection
        {
            const char *name;
            QString table;
            QString trigger;
            bool mustFire;
        };
        auto on = [](const QString &table, const QString &what, const QString &when = {}) {
            return u"BEFORE %1 ON %2 FOR EACH ROW %3"_s.arg(
                what, table, when.isEmpty() ? QString() : u"WHEN (%1)"_s.arg(when));
        };
        const Injection notify { "pg_notify fails", {}, u"notify"_s, false };
        const Injection counts { "count(*) reads fail (e.g. the approved count)", {}, u"count"_s,
            false };
        const QString promotion = u"OLD.status = 'WAITLISTED' AND NEW.status <> 'WAITLISTED'"_s;
        const QMap<QString, QList<Injection>> operations {
            { u"create event"_s,
                { { "INSERT events", u"events"_s, on(u"events"_s, u"INSERT"_s), true }, notify } },
            { u"patch event"_s,
                { { "UPDATE events", u"events"_s, on(u"events"_s, u"UPDATE"_s), true }, notify } },
            { u"patch event with a maximum-size description"_s,
                { { "UPDATE events", u"events"_s, on(u"events"_s, u"UPDATE"_s), true }, notify } },
            { u"patch raising the limit (promotes the waitlist)"_s,
                { { "waitlist promotion UPDATE", u"attendances"_s,
                      on(u"attendances"_s, u"UPDATE"_s, promotion), true },
                    { "UPDATE events", u"events"_s, on(u"events"_s, u"UPDATE"_s), true },
                    notify } },
            { u"cancel event"_s,
                { { "UPDATE events", u"events"_s, on(u"events"_s, u"UPDATE"_s), true }, notify } },
            // Live frames of events holding the largest values do not fit a NOTIFY payload.
            { u"cancel event holding maximum-size values"_s,
                { { "UPDATE events", u"events"_s, on(u"events"_s, u"UPDATE"_s), true }, notify } },
            { u"patch raising the limit of an event holding maximum-size values"_s,
                { { "waitlist promotion UPDATE", u"attendances"_s,
                      on(u"attendances"_s, u"UPDATE"_s, promotion), true },
                    notify } },
            { u"join"_s,
                { { "INSERT attendances", u"attendances"_s, on(u"attendances"_s, u"INSERT"_s),
                      true },
                    { "INSERT photos", u"photos"_s, on(u"photos"_s, u"INSERT"_s), true },
                    notify } },
            { u"join again after leaving"_s,
                { { "any write to attendances", u"attendances"_s,
                      on(u"attendances"_s, u"INSERT OR UPDATE OR DELETE"_s), true },
                    notify } },
            { u"approve"_s,
                { { "UPDATE attendances", u"attendances"_s, on(u"attendances"_s, u"UPDATE"_s),
                      true },
                    notify } },
            { u"reject an approved guest (promotes the waitlist)"_s,
                { { "waitlist promotion UPDATE", u"attendances"_s,
                      on(u"attendances"_s, u"UPDATE"_s, promotion), true },
                    notify } },
            { u"leave (promotes the waitlist)"_s,
                { { "waitlist promotion UPDATE", u"attendances"_s,
                      on(u"attendances"_s, u"UPDATE"_s, promotion), true },
                    { "UPDATE to LEFT", u"attendances"_s,
                        on(u"attendances"_s, u"UPDATE"_s, u"NEW.status = 'LEFT'"_s), true },
                    notify } },
            { u"register"_s,
                { { "INSERT users", u"users"_s, on(u"users"_s, u"INSERT"_s), true },
                    { "INSERT sessions", u"sessions"_s, on(u"sessions"_s, u"INSERT"_s), true } } },
            { u"chat message (REST)"_s,
                { { "INSERT messages", u"messages"_s, on(u"messages"_s, u"INSERT"_s), true },
                    notify } },
            { u"chat message (WebSocket)"_s,
                { { "INSERT messages", u"messages"_s, on(u"messages"_s, u"INSERT"_s), true },
                    notify } },
        };
        // Tables beyond the initial schema (e.g. one that carries live frames by reference):
        // a write to them fails too, wherever an operation writes one.
        QStringList extra;
        QSqlQuery q(m_sql);
        if (q.exec(
                u"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                "AND table_type = 'BASE TABLE' AND table_name NOT IN ('users', 'sessions', "
                "'events', 'photos', 'attendances', 'messages') AND table_name NOT LIKE "
                "'%migration%' ORDER BY 1"_s))
            while (q.next())
                extra.append(q.value(0).toString());
        for (auto it = operations.cbegin(); it != operations.cend(); ++it) {
            QList<Injection> injections = it.value();
            if (!it.key().startsWith("register"_L1) && !it.key().startsWith("chat"_L1))
                injections.append(counts);
            for (const auto &table : std::as_const(extra))
                injections.append(
                    { nullptr, table, on(table, u"INSERT OR UPDATE OR DELETE"_s), false });
            for (const auto &inj : std::as_const(injections)) {
                const QString name
                    = inj.name ? QString::fromLatin1(inj.name) : u"any write to "_s + inj.table;
                QTest::newRow(qPrintable(it.key() + u": "_s + name))
                    << it.key() << inj.table << inj.trigger << inj.mustFire;
            }
        }
    }

    void faultInjection()
    {
        QFETCH(QString, operation);
        QFETCH(QString, table);
        QFETCH(QString, trigger);
        QFETCH(bool, mustFire);

        // Each operation on its own meetup, prepared without faults.
        const User organizer = newUser(u"Organizer"_s);
        const User first = newUser(), second = newUser();
        const int ref = ++m_serial;
        const QString title = u"Fault %1"_s.arg(ref);
        qint64 event = 0;
        qint64 firstId = 0, secondId = 0;
        WsClient ws;
        std::function<Outcome()> act;
        std::function<bool()> applied;
        auto http = [](const HttpResult &r) {
            return Outcome { r.status, r.body, r.json(), 0, {} };
        };
        auto promotedToPending = [&] { return statusOf(secondId) == "OFFERED"_L1; };
        // Meetup with one place taken by `first`, `second` on the waitlist.
        const bool big = operation.contains("maximum-size values"_L1);
        auto newEvent = [&](int limit) {
            const qint64 id = createEvent(organizer, limit, title);
            if (big && id > 0) {
                const auto r = m_server->patchJson(u"/api/events/%1"_s.arg(id),
                    { { u"title"_s, QString::fromUcs4(U"🍮", 1).repeated(L::TitleMax) },
                        { u"description"_s,
                            QString::fromUcs4(U"🍮", 1).repeated(L::DescriptionMax) } },
                    organizer.token);
                if (r.status != 200)
                    qWarning() << "cannot fill the event" << r.status << r.body;
            }
            return id;
        };
        auto fullWithWaitlist = [&] {
            event = newEvent(1);
            firstId = join(event, first);
            QCOMPARE(decide(event, firstId, "APPROVED", organizer), 200);
            secondId = join(event, second);
            QCOMPARE(statusOf(secondId), u"WAITLISTED"_s);
        };

        if (operation == "create event"_L1) {
            act = [&] {
                return http(
                    m_server->postJson(u"/api/events"_s, eventDraft(title, 5), organizer.token));
            };
            applied = [&] {
                return scalar(u"SELECT count(*) FROM events WHERE title = ?"_s, { title }).toInt()
                    == 1;
            };
        } else if (operation == "patch event"_L1 || operation.startsWith("patch event with"_L1)) {
            event = createEvent(organizer, 5);
            QVERIFY(join(event, first) > 0); // an audience
            const QJsonObject change = operation == "patch event"_L1
                ? QJsonObject { { u"title"_s, title } }
                : QJsonObject { { u"title"_s, title },
                      { u"description"_s, u"д"_s.repeated(L::DescriptionMax) } };
            act = [&, change] {
                return http(
                    m_server->patchJson(u"/api/events/%1"_s.arg(event), change, organizer.token));
            };
            applied = [&] {
                return scalar(u"SELECT title FROM events WHERE id = ?"_s, { event }).toString()
                    == title;
            };
        } else if (operation.startsWith("patch raising"_L1)) {
            fullWithWaitlist();
            act = [&] {
                return http(m_server->patchJson(u"/api/events/%1"_s.arg(event),
                    { { u"attendeeLimit"_s, 2 } }, organizer.token));
            };
            applied = [&] {
                return scalar(u"SELECT attendee_limit FROM events WHERE id = ?"_s, { event })
                           .toInt()
                    == 2
                    && promotedToPending();
            };
        } else if (operation.startsWith("cancel event"_L1)) {
            event = newEvent(5);
            QVERIFY(join(event, first) > 0);
            act = [&] {
                return http(m_server->request(
                    "DELETE", u"/api/events/%1"_s.arg(event), {}, organizer.token));
            };
            applied = [&] {
                return scalar(
                    u"SELECT cancelled_at IS NOT NULL FROM events WHERE id = ?"_s, { event })
                    .toBool();
            };
        } else if (operation == "join"_L1 || operation == "join again after leaving"_L1) {
            event = createEvent(organizer, 5);
            if (operation != "join"_L1) {
                QVERIFY(join(event, first) > 0);
                QCOMPARE(
                    m_server
                        ->request("DELETE", u"/api/attendance/events/%1/attendance"_s.arg(event),
                            {}, first.token)
                        .status,
                    200);
            }
            act = [&] { return http(joinRaw(event, first)); };
            applied = [&] {
                return scalar(
                           u"SELECT status FROM attendances WHERE event_id = ? AND user_id = ?"_s,
                           { event, first.id })
                           .toString()
                    == "PENDING"_L1;
            };
        } else if (operation == "approve"_L1) {
            event = createEvent(organizer, 5);
            firstId = join(event, first);
            QVERIFY(firstId > 0);
            act = [&] {
                return Outcome { decide(event, firstId, "APPROVED", organizer), {}, {}, 0, {} };
            };
            applied = [&] { return statusOf(firstId) == "APPROVED"_L1; };
        } else if (operation.startsWith("reject an approved"_L1)) {
            fullWithWaitlist();
            act = [&] {
                return Outcome { decide(event, firstId, "REJECTED", organizer), {}, {}, 0, {} };
            };
            applied = [&] { return statusOf(firstId) == "REJECTED"_L1 && promotedToPending(); };
        } else if (operation.startsWith("leave"_L1)) {
            fullWithWaitlist();
            act = [&] {
                return http(m_server->request("DELETE",
                    u"/api/attendance/events/%1/attendance"_s.arg(event), {}, first.token));
            };
            applied = [&] { return statusOf(firstId) == "LEFT"_L1 && promotedToPending(); };
        } else if (operation == "register"_L1) {
            const QString email = u"fault%1@example.org"_s.arg(ref);
            act = [&, email] {
                return http(m_server->postJson(u"/api/auth/register"_s,
                    { { u"email"_s, email }, { u"name"_s, u"F"_s },
                        { u"password"_s, u"correct horse battery 9"_s } }));
            };
            applied = [&, email] {
                return scalar(u"SELECT count(*) FROM users WHERE email = ?"_s, { email }).toInt()
                    == 1;
            };
        } else if (operation.startsWith("chat message"_L1)) {
            event = createEvent(organizer, 5);
            firstId = join(event, first);
            QCOMPARE(decide(event, firstId, "APPROVED", organizer), 200);
            const QString content = u"Bis morgen %1"_s.arg(ref);
            if (operation.contains("WebSocket"_L1)) {
                QVERIFY(ws.connectAs(m_server->port(), first.token));
                act = [&, content] {
                    ws.send({ { u"type"_s, u"send_message"_s }, { u"eventId"_s, event },
                        { u"ref"_s, ref }, { u"content"_s, content },
                        { u"clientMsgId"_s, u"fault-%1"_s.arg(ref) } });
                    const auto answer = wsAnswer(ws, ref);
                    if (!answer)
                        return Outcome { 0, "no answer on the WebSocket", {}, 0, {} };
                    return Outcome { wsStatus(*answer),
                        QJsonDocument(*answer).toJson(QJsonDocument::Compact), *answer, 0, {} };
                };
            } else {
                act = [&, content] {
                    return http(m_server->postJson(u"/api/messages/events/%1/messages"_s.arg(event),
                        { { u"content"_s, content }, { u"clientMsgId"_s, u"fault-%1"_s.arg(ref) } },
                        first.token));
                };
            }
            applied = [&, content] {
                return scalar(u"SELECT count(*) FROM messages WHERE content = ?"_s, { content })
                           .toInt()
                    == 1;
            };
        }
        QVERIFY2(act, "unknown operation");

        QVERIFY(sql(u"ALTER SEQUENCE testfault.fired RESTART"_s));
        if (table.isEmpty())
            QVERIFY(sql(u"INSERT INTO testfault.flags VALUES ('%1')"_s.arg(trigger)));
        else
            QVERIFY(sql(
                u"CREATE TRIGGER tst_fault %1 EXECUTE FUNCTION testfault.fail()"_s.arg(trigger)));
        const auto before = snapshot();
        const Outcome o = act();
        if (table.isEmpty())
            QVERIFY(sql(u"DELETE FROM testfault.flags"_s));
        else
            QVERIFY(sql(u"DROP TRIGGER tst_fault ON %1"_s.arg(table)));
        const bool fired = scalar(u"SELECT is_called FROM testfault.fired"_s).toBool();
        const auto after = snapshot();
        const QString what = describe(o.status, o.body);
        const bool success = o.status >= 200 && o.status < 300;
        const bool chat = operation.startsWith("chat"_L1);
        qInfo().noquote() << (fired ? "the fault fired;" : "the fault did not fire;")
                          << what.left(120);

        if (event > 0) {
            const QString disagreement = indexDisagreement(event);
            QVERIFY2(disagreement.isEmpty(),
                qPrintable(u"the search index and the database disagree on "_s + disagreement));
        }
        if (!fired) {
            QVERIFY2(
                !mustFire, qPrintable(u"the injected fault never fired (test bug?): "_s + what));
            // This operation does not use the statement: it must simply have worked.
            QVERIFY2(success && applied(), qPrintable(u"without a fault: "_s + what));
            return;
        }
        if (success) {
            // A failing live notification may be survived (e.g. behind a savepoint), but then
            // the write must really be stored.
            QVERIFY2(table.isEmpty() || !mustFire,
                qPrintable(u"answered success although a statement of the write failed: "_s + what
                    + u"; stored: "_s + (applied() ? u"yes"_s : u"no"_s)));
            QVERIFY2(applied(), qPrintable(u"answered success but nothing is stored: "_s + what));
            return;
        }
        // Chat may refuse a message that cannot be stored with a non-retryable 4xx.
        QVERIFY2(
            o.status >= 500 || (chat && o.status >= 400), qPrintable(u"expected a 5xx: "_s + what));
        QVERIFY2(after == before,
            qPrintable(u"a failed write changed: "_s + changedTables(before, after)));
        QVERIFY(!applied());
    }

    // ---- 4. rejections stick ---------------------------------------------------------------

    void rejectionsStick()
    {
        const qint64 event = createEvent(m_organizer, 5);
        const User guest = newUser(u"Rita"_s), other = newUser(), stranger = newUser();
        const qint64 id = join(event, guest);
        QVERIFY(id > 0);
        QCOMPARE(decide(event, id, "REJECTED", m_organizer), 200);
        const qint64 otherId = join(event, other);
        QVERIFY(otherId > 0);

        const auto leave = m_server->request(
            "DELETE", u"/api/attendance/events/%1/attendance"_s.arg(event), {}, guest.token);
        QVERIFY2(leave.status == 409, qPrintable(describe(leave.status, leave.body)));
        QCOMPARE(leave.errorCode(), u"rejected"_s);
        QCOMPARE(statusOf(id), u"REJECTED"_s);

        const qint64 photos = photoRows();
        const int files = photoFiles();
        const auto again = joinRaw(event, guest);
        QVERIFY2(again.status == 409, qPrintable(describe(again.status, again.body)));
        QCOMPARE(again.errorCode(), u"rejected"_s);
        QCOMPARE(statusOf(id), u"REJECTED"_s);
        QCOMPARE(photoRows(), photos);
        QCOMPARE(photoFiles(), files);

        bool shown = false;
        for (const auto &v : m_server->get(u"/api/attendance/mine"_s, guest.token)
                                 .json()
                                 .value("attendances"_L1)
                                 .toArray()) {
            const auto a = v.toObject();
            if (a.value("eventId"_L1).toInteger() == event) {
                QCOMPARE(a.value("status"_L1).toString(), u"REJECTED"_s);
                shown = true;
            }
        }
        QVERIFY2(shown, "GET /api/attendance/mine does not show the rejection");

        const QString lift = u"/api/attendance/events/%1/attendances/%2"_s.arg(event);
        QCOMPARE(m_server->request("DELETE", lift.arg(id), {}, stranger.token).status, 403);
        QCOMPARE(m_server->request("DELETE", lift.arg(id), {}, guest.token).status, 403);
        QCOMPARE(statusOf(id), u"REJECTED"_s);
        const auto notRejected
            = m_server->request("DELETE", lift.arg(otherId), {}, m_organizer.token);
        QVERIFY2(
            notRejected.status == 409, qPrintable(describe(notRejected.status, notRejected.body)));
        QCOMPARE(statusOf(otherId), u"PENDING"_s);
        const auto lifted = m_server->request("DELETE", lift.arg(id), {}, m_organizer.token);
        QVERIFY2(lifted.status == 204, qPrintable(describe(lifted.status, lifted.body)));

        const auto asked = joinRaw(event, guest);
        QVERIFY2(asked.status == 201, qPrintable(describe(asked.status, asked.body)));
        QCOMPARE(asked.json().value("attendance"_L1).toObject().value("status"_L1).toString(),
            u"PENDING"_s);
    }

    // ---- 5. a join is refused before its photo is decoded and stored -----------------------

    void joinRefusedBeforePhotoWork_data()
    {
        QTest::addColumn<QString>("situation");
        QTest::addColumn<int>("status");
        QTest::newRow("cancelled meetup") << u"cancelled"_s << 409;
        QTest::newRow("own meetup") << u"own"_s << 409;
        QTest::newRow("nonexistent meetup") << u"nonexistent"_s << 404;
        QTest::newRow("rejected guest") << u"rejected"_s << 409;
    }

    void joinRefusedBeforePhotoWork()
    {
        QFETCH(QString, situation);
        QFETCH(int, status);
        qint64 event = createEvent(m_organizer, 5);
        User guest = newUser();
        if (situation == "cancelled"_L1) {
            const int cancelled
                = m_server->request("DELETE", u"/api/events/%1"_s.arg(event), {}, m_organizer.token)
                      .status;
            QVERIFY(cancelled == 200 || cancelled == 204);
        } else if (situation == "own"_L1) {
            guest = m_organizer;
        } else if (situation == "nonexistent"_L1) {
            event = scalar(u"SELECT max(id) + 1000 FROM events"_s).toLongLong();
        } else if (situation == "rejected"_L1) {
            const qint64 id = join(event, guest);
            QCOMPARE(decide(event, id, "REJECTED", m_organizer), 200);
        }
        const qint64 rows = photoRows();
        const int files = photoFiles();
        const auto r = joinRaw(event, guest); // a photo never seen before
        QVERIFY2(r.status == status, qPrintable(describe(r.status, r.body)));
        QCOMPARE(photoRows(), rows);
        QVERIFY2(photoFiles() == files,
            qPrintable(u"the refused join stored %1 photo file(s)"_s.arg(photoFiles() - files)));
    }
};

QTEST_GUILESS_MAIN(TstIntegrity)
#include "tst_integrity.moc"
