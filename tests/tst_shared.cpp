// SPDX-License-Identifier: GPL-3.0-or-later
// The shared domain code on its own: geography, validation rules, the JSON forms.
#include "geotestutil.h"
#include "shared/attendance.h"
#include "shared/chat.h"
#include "shared/event.h"
#include "shared/geo.h"
#include "shared/germany.h"
#include "shared/protocol.h"
#include "shared/result.h"
#include "shared/user.h"
#include "shared/validation.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <limits>
#include <numbers>

using namespace Qt::StringLiterals;
using namespace Pudding;

Q_DECLARE_METATYPE(Pudding::GeoPoint)
Q_DECLARE_METATYPE(Pudding::EventDraft)
Q_DECLARE_METATYPE(Pudding::EventStatus)
Q_DECLARE_METATYPE(Pudding::Validation::DraftMode)
Q_DECLARE_METATYPE(Pudding::Validation::TextKind)

using Pudding::Test::destination;

namespace {

constexpr GeoPoint Berlin { 52.5200, 13.4050 };
constexpr GeoPoint Muenchen { 48.1374, 11.5755 };
constexpr GeoPoint Hamburg { 53.5511, 9.9937 };
constexpr GeoPoint Koeln { 50.9375, 6.9603 };
constexpr GeoPoint Frankfurt { 50.1109, 8.6821 };
constexpr GeoPoint Stuttgart { 48.7758, 9.1829 };
constexpr GeoPoint Zugspitze { 47.4211, 10.9853 };
constexpr GeoPoint ListAufSylt { 55.0170, 8.4310 };
constexpr GeoPoint Paris { 48.8566, 2.3522 };
constexpr GeoPoint Vienna { 48.2082, 16.3738 };
constexpr GeoPoint Copenhagen { 55.6761, 12.5683 };

double rad(double d)
{
    return d * std::numbers::pi / 180.0;
}
double deg(double r)
{
    return r * 180.0 / std::numbers::pi;
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}

/// A fixed "now" for validation tests.
QDateTime fixedNow()
{
    return utc(2026, 6, 1, 12, 0);
}

EventDraft validDraft()
{
    EventDraft d;
    d.title = u"Pudding picnic"_s;
    d.description = u"Bring a spoon."_s;
    d.location = Berlin;
    d.city = u"Berlin"_s;
    d.state = u"Berlin"_s;
    d.startTime = fixedNow().addDays(1);
    d.endTime = d.startTime->addSecs(2 * 3600);
    d.attendeeLimit = 10;
    return d;
}

/// `n` characters of UTF-8 width `bytes` (1: 'a', 2: 'ä', 3: '€', 4: '🍮' as a surrogate pair).
QString chars(int n, int bytes)
{
    switch (bytes) {
    case 1:
        return QString(n, u'a');
    case 2:
        return QString(n, u'ä');
    case 3:
        return QString(n, QChar(0x20ac));
    default:
        return QString::fromUcs4(U"\U0001F36E").repeated(n);
    }
}

const QString LoneHigh = QString(QChar(0xd800));
const QString LoneLow = QString(QChar(0xdc00));
const QString Nul = QString(QChar(0));

QStringList fieldsOf(const FieldErrors &errors)
{
    QStringList fields;
    for (const auto &e : errors)
        fields.append(e.field);
    return fields;
}

} // namespace

class TestShared : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // geography
    void distance_data();
    void distance();
    void distanceIdenticalAndSymmetric_data();
    void distanceIdenticalAndSymmetric();
    void boundingBox_data();
    void boundingBox();
    void parseBbox_data();
    void parseBbox();
    void germanyContains_data();
    void germanyContains();
    void germanyBorder_data();
    void germanyBorder();
    void germanyBorderDistance_data();
    void germanyBorderDistance();

    // validation
    void checkText_data();
    void checkText();
    void decodeUtf8_data();
    void decodeUtf8();
    void fieldValidators_data();
    void fieldValidators();
    void validateEmail_data();
    void validateEmail();
    void validatePassword_data();
    void validatePassword();
    void validateUserName_data();
    void validateUserName();
    void validateEventDraft_data();
    void validateEventDraft();

    // JSON forms
    void eventJsonRoundTrip_data();
    void eventJsonRoundTrip();
    void eventDraftWrongTypes_data();
    void eventDraftWrongTypes();
    void eventDraftRoundTrip_data();
    void eventDraftRoundTrip();
    void userJsonRoundTrip();
    void parseIsoDateTime_data();
    void parseIsoDateTime();
    void eventStatusAt_data();
    void eventStatusAt();
    void eventStatusStrings_data();
    void eventStatusStrings();
};

void TestShared::initTestCase()
{
    // The resources live in a static library; make sure their initialiser ran.
    Q_INIT_RESOURCE(pudding_data);
    QVERIFY2(QFile::exists(u":/pudding/data/common-passwords.txt"_s),
        "the common-password list is not in the resources");
    QVERIFY2(QFile::exists(u":/pudding/map/de-states.json"_s),
        "Germany's border (the offline map's states) is not in the resources");
}

// ---------------------------------------------------------------------------------------------
// geography

void TestShared::distance_data()
{
    QTest::addColumn<GeoPoint>("a");
    QTest::addColumn<GeoPoint>("b");
    QTest::addColumn<double>("expectedKm");
    QTest::addColumn<double>("toleranceKm");

    QTest::newRow("Berlin-München") << Berlin << Muenchen << 504.0 << 2.0;
    QTest::newRow("München-Berlin") << Muenchen << Berlin << 504.0 << 2.0;
    QTest::newRow("Hamburg-Köln") << Hamburg << Koeln << 357.0 << 2.0;
    QTest::newRow("Frankfurt-Stuttgart") << Frankfurt << Stuttgart << 153.0 << 2.0;
    // Cross-checked with the spherical law of cosines: 863.004 km.
    QTest::newRow("Sylt-Zugspitze") << ListAufSylt << Zugspitze << 863.004 << 0.01;
    // One degree of latitude is R * pi / 180 = 111.195 km on this sphere, anywhere.
    QTest::newRow("one degree of latitude")
        << GeoPoint { 50.0, 10.0 } << GeoPoint { 51.0, 10.0 } << 111.195 << 0.001;
    // One degree of longitude on the equator is the same.
    QTest::newRow("one degree of longitude at the equator")
        << GeoPoint { 0.0, 10.0 } << GeoPoint { 0.0, 11.0 } << 111.195 << 0.001;
    // 1 m north: the haversine must stay exact for short distances.
    QTest::newRow("one metre") << Berlin
                               << GeoPoint { Berlin.lat + deg(1.0 / kEarthRadiusMetres),
                                      Berlin.lng }
                               << 0.001 << 1e-9;
    QTest::newRow("antipodes") << GeoPoint { 0.0, 0.0 } << GeoPoint { 0.0, 180.0 }
                               << kEarthRadiusMetres * std::numbers::pi / 1000 << 1e-6;
}

void TestShared::distance()
{
    QFETCH(GeoPoint, a);
    QFETCH(GeoPoint, b);
    QFETCH(double, expectedKm);
    QFETCH(double, toleranceKm);
    const double km = distanceMetres(a, b) / 1000.0;
    QVERIFY2(std::abs(km - expectedKm) <= toleranceKm,
        qPrintable(u"distance %1 km, expected %2 ± %3 km"_s.arg(km, 0, 'f', 6)
                       .arg(expectedKm)
                       .arg(toleranceKm)));
}

void TestShared::distanceIdenticalAndSymmetric_data()
{
    QTest::addColumn<GeoPoint>("a");
    QTest::addColumn<GeoPoint>("b");
    QTest::newRow("Berlin-München") << Berlin << Muenchen;
    QTest::newRow("Hamburg-Köln") << Hamburg << Koeln;
    QTest::newRow("Sylt-Zugspitze") << ListAufSylt << Zugspitze;
    QTest::newRow("Paris-Vienna") << Paris << Vienna;
    QTest::newRow("close") << GeoPoint { 51.0, 7.0 } << GeoPoint { 51.000001, 7.000001 };
}

void TestShared::distanceIdenticalAndSymmetric()
{
    QFETCH(GeoPoint, a);
    QFETCH(GeoPoint, b);
    QCOMPARE(distanceMetres(a, a), 0.0);
    QCOMPARE(distanceMetres(b, b), 0.0);
    const double ab = distanceMetres(a, b);
    const double ba = distanceMetres(b, a);
    QVERIFY(ab > 0);
    QVERIFY2(std::abs(ab - ba) <= 1e-9 * ab,
        qPrintable(u"%1 vs %2"_s.arg(ab, 0, 'f', 9).arg(ba, 0, 'f', 9)));
    // Triangle inequality through a third point.
    const double viaBerlin = distanceMetres(a, Berlin) + distanceMetres(Berlin, b);
    QVERIFY(ab <= viaBerlin + 1e-6);
}

void TestShared::boundingBox_data()
{
    QTest::addColumn<GeoPoint>("centre");
    QTest::addColumn<double>("radius");

    const struct
    {
        const char *name;
        GeoPoint p;
    } centres[] = { { "Berlin", Berlin }, { "Zugspitze", Zugspitze }, { "Sylt", ListAufSylt },
        { "Aachen", { 50.7753, 6.0839 } }, { "Görlitz", { 51.1528, 14.9874 } },
        { "equator", { 0.0, 20.0 } }, { "Tromsø", { 69.6492, 18.9553 } } };
    const double radii[] = { 1.0, 100.0, 1000.0, 25000.0, 200000.0, 1000000.0 };
    for (const auto &c : centres) {
        for (double r : radii)
            QTest::addRow("%s r=%.0f", c.name, r) << c.p << r;
    }
}

void TestShared::boundingBox()
{
    QFETCH(GeoPoint, centre);
    QFETCH(double, radius);

    const GeoBox box = boundingBoxAround(centre, radius);
    QVERIFY(box.isValid());
    QVERIFY(box.contains(centre));

    // Every point at exactly the radius lies inside the box, in every direction.
    for (int i = 0; i < 16; ++i) {
        const double bearing = 22.5 * i;
        const GeoPoint p = destination(centre, bearing, radius);
        QVERIFY2(std::abs(distanceMetres(centre, p) - radius) <= 1e-6 * std::max(1.0, radius),
            "the destination helper disagrees with distanceMetres");
        QVERIFY2(box.contains(p),
            qPrintable(u"bearing %1: (%2, %3) outside box W%4 S%5 E%6 N%7"_s.arg(bearing)
                           .arg(p.lat, 0, 'f', 12)
                           .arg(p.lng, 0, 'f', 12)
                           .arg(box.west, 0, 'f', 12)
                           .arg(box.south, 0, 'f', 12)
                           .arg(box.east, 0, 'f', 12)
                           .arg(box.north, 0, 'f', 12)));
    }

    // The points of greatest longitude on the circle (they are not due east/west, but a bit
    // poleward): the box must contain them, and be tight there.
    {
        const double phi = rad(centre.lat);
        const double delta = radius / kEarthRadiusMetres;
        const double phiT = std::asin(std::sin(phi) / std::cos(delta));
        const double dLambda = std::asin(std::sin(delta) / std::cos(phi));
        const GeoPoint eastmost { deg(phiT), centre.lng + deg(dLambda) };
        const GeoPoint westmost { deg(phiT), centre.lng - deg(dLambda) };
        QVERIFY(
            std::abs(distanceMetres(centre, eastmost) - radius) <= 1e-6 * std::max(1.0, radius));
        QVERIFY(box.contains(eastmost));
        QVERIFY(box.contains(westmost));
        QVERIFY2(box.east - eastmost.lng < 1e-7, "box is too wide in the east");
        QVERIFY2(westmost.lng - box.west < 1e-7, "box is too wide in the west");
    }

    // Slightly beyond the radius due north/south: outside the box (it is tight there).
    const double beyond = radius * 1.0001 + 0.01;
    const GeoPoint north = destination(centre, 0, beyond);
    const GeoPoint south = destination(centre, 180, beyond);
    QVERIFY2(!box.contains(north),
        qPrintable(
            u"north %1 vs box north %2"_s.arg(north.lat, 0, 'f', 12).arg(box.north, 0, 'f', 12)));
    QVERIFY2(!box.contains(south),
        qPrintable(
            u"south %1 vs box south %2"_s.arg(south.lat, 0, 'f', 12).arg(box.south, 0, 'f', 12)));
}

void TestShared::parseBbox_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("west");
    QTest::addColumn<double>("south");
    QTest::addColumn<double>("east");
    QTest::addColumn<double>("north");

    QTest::newRow("Germany") << u"5.8,47.2,15.1,55.1"_s << true << 5.8 << 47.2 << 15.1 << 55.1;
    QTest::newRow("spaces") << u" 5.8 , 47.2,15.1 ,55.1 "_s << true << 5.8 << 47.2 << 15.1 << 55.1;
    QTest::newRow("negative") << u"-10,-20.5,10,20.5"_s << true << -10.0 << -20.5 << 10.0 << 20.5;
    QTest::newRow("whole world") << u"-180,-90,180,90"_s << true << -180.0 << -90.0 << 180.0
                                 << 90.0;
    QTest::newRow("degenerate point") << u"10,50,10,50"_s << true << 10.0 << 50.0 << 10.0 << 50.0;

    QTest::newRow("three parts") << u"1,2,3"_s << false << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("five parts") << u"1,2,3,4,5"_s << false << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("empty") << QString() << false << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("letters") << u"a,b,c,d"_s << false << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("empty part") << u"5.8,,15.1,55.1"_s << false << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("west > east") << u"15.1,47.2,5.8,55.1"_s << false << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("south > north") << u"5.8,55.1,15.1,47.2"_s << false << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("lat > 90") << u"5.8,47.2,15.1,90.5"_s << false << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("lat < -90") << u"5.8,-91,15.1,55.1"_s << false << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("lng > 180") << u"5.8,47.2,181,55.1"_s << false << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("nan") << u"nan,47.2,15.1,55.1"_s << false << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("inf") << u"5.8,47.2,inf,55.1"_s << false << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("semicolons") << u"5.8;47.2;15.1;55.1"_s << false << 0.0 << 0.0 << 0.0 << 0.0;
}

void TestShared::parseBbox()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto box = Pudding::parseBbox(text);
    QCOMPARE(box.has_value(), valid);
    if (!valid)
        return;
    QFETCH(double, west);
    QFETCH(double, south);
    QFETCH(double, east);
    QFETCH(double, north);
    QCOMPARE(box->west, west);
    QCOMPARE(box->south, south);
    QCOMPARE(box->east, east);
    QCOMPARE(box->north, north);
}

void TestShared::germanyContains_data()
{
    QTest::addColumn<GeoPoint>("point");
    QTest::addColumn<bool>("inside");
    QTest::newRow("Berlin") << Berlin << true;
    QTest::newRow("Zugspitze") << Zugspitze << true;
    QTest::newRow("List auf Sylt") << ListAufSylt << true;
    QTest::newRow("Aachen") << GeoPoint { 50.7753, 6.0839 } << true;
    QTest::newRow("Görlitz") << GeoPoint { 51.1528, 14.9874 } << true;
    QTest::newRow("Paris") << Paris << false;
    QTest::newRow("Vienna") << Vienna << false;
    QTest::newRow("Copenhagen") << Copenhagen << false;
    QTest::newRow("null island") << GeoPoint { 0, 0 } << false;
}

void TestShared::germanyContains()
{
    QFETCH(GeoPoint, point);
    QFETCH(bool, inside);
    QCOMPARE(Germany::contains(point), inside);
}

void TestShared::germanyBorder_data()
{
    QTest::addColumn<GeoPoint>("point");
    QTest::addColumn<bool>("inside");
    // Inside the border.
    QTest::newRow("Berlin") << Berlin << true;
    QTest::newRow("Zugspitze") << Zugspitze << true;
    QTest::newRow("Kehl") << GeoPoint { 48.5722, 7.8150 } << true;
    QTest::newRow("Weil am Rhein") << GeoPoint { 47.5940, 7.6210 } << true;
    QTest::newRow("Frankfurt (Oder)") << GeoPoint { 52.3471, 14.5506 } << true;
    QTest::newRow("Lake Constance, Obersee") << GeoPoint { 47.6000, 9.4000 } << true;
    QTest::newRow("Lake Constance, Überlinger See") << GeoPoint { 47.7400, 9.1300 } << true;
    QTest::newRow("Lake Constance off Lindau") << GeoPoint { 47.5500, 9.6500 } << true;
    QTest::newRow("Jestetten") << GeoPoint { 47.6540, 8.5720 } << true;
    // On or near the border: inside by the tolerance (data error, river borders, exclaves).
    QTest::newRow("Büsingen am Hochrhein") << GeoPoint { 47.6967, 8.6900 } << true;
    QTest::newRow("Büsingen, east") << GeoPoint { 47.6930, 8.7100 } << true;
    QTest::newRow("Konstanz Münster") << GeoPoint { 47.6633, 9.1760 } << true;
    QTest::newRow("Konstanz station") << GeoPoint { 47.6585, 9.1775 } << true;
    QTest::newRow("Europabrücke Strasbourg-Kehl") << GeoPoint { 48.5727, 7.7993 } << true;
    QTest::newRow("Passerelle des Deux Rives") << GeoPoint { 48.5681, 7.8003 } << true;
    QTest::newRow("Görlitz old town") << GeoPoint { 51.1560, 14.9900 } << true;
    QTest::newRow("Breisach Münster") << GeoPoint { 48.0322, 7.5800 } << true;
    QTest::newRow("Rheinfelden (Baden)") << GeoPoint { 47.5610, 7.7900 } << true;
    QTest::newRow("Helgoland") << GeoPoint { 54.1820, 7.8850 } << true;
    QTest::newRow("List auf Sylt") << ListAufSylt << true;
    QTest::newRow("Selfkant-Isenbruch") << GeoPoint { 51.0500, 5.8700 } << true;
    QTest::newRow("Freilassing, Saalach bridge") << GeoPoint { 47.8230, 12.9890 } << true;
    // Outside: inside the bounding box, but not Germany.
    QTest::newRow("Strasbourg cathedral") << GeoPoint { 48.5818, 7.7509 } << false;
    QTest::newRow("Strasbourg station") << GeoPoint { 48.5850, 7.7345 } << false;
    QTest::newRow("Strasbourg-Neudorf") << GeoPoint { 48.5700, 7.7600 } << false;
    QTest::newRow("Basel SBB") << GeoPoint { 47.5476, 7.5897 } << false;
    QTest::newRow("Salzburg old town") << GeoPoint { 47.7994, 13.0439 } << false;
    QTest::newRow("Salzburg Hbf") << GeoPoint { 47.8131, 13.0459 } << false;
    QTest::newRow("Bregenz") << GeoPoint { 47.5031, 9.7471 } << false;
    QTest::newRow("Neuf-Brisach") << GeoPoint { 48.0180, 7.5280 } << false;
    QTest::newRow("Colmar") << GeoPoint { 48.0794, 7.3585 } << false;
    QTest::newRow("Mulhouse") << GeoPoint { 47.7508, 7.3359 } << false;
    QTest::newRow("Luxembourg") << GeoPoint { 49.6116, 6.1319 } << false;
    QTest::newRow("Innsbruck") << GeoPoint { 47.2692, 11.4041 } << false;
    QTest::newRow("Prague") << GeoPoint { 50.0755, 14.4378 } << false;
    QTest::newRow("Swinoujscie") << GeoPoint { 53.9100, 14.2470 } << false;
    // Outside the box.
    QTest::newRow("Paris") << Paris << false;
    QTest::newRow("Vienna") << Vienna << false;
    QTest::newRow("Copenhagen") << Copenhagen << false;
    QTest::newRow("null island") << GeoPoint { 0, 0 } << false;
    QTest::newRow("NaN") << GeoPoint { std::numeric_limits<double>::quiet_NaN(), 10 } << false;
    QTest::newRow("infinity") << GeoPoint { 50, std::numeric_limits<double>::infinity() } << false;
}

void TestShared::germanyBorder()
{
    QFETCH(GeoPoint, point);
    QFETCH(bool, inside);
    QCOMPARE(Germany::isInGermany(point), inside);
}

void TestShared::germanyBorderDistance_data()
{
    // How far outside the mapped border a place is: the tolerance decides, and these show that
    // the distances themselves are right (rounded bounds around the measured values).
    QTest::addColumn<GeoPoint>("point");
    QTest::addColumn<double>("atLeast");
    QTest::addColumn<double>("atMost");
    QTest::newRow("Berlin") << Berlin << 0.0 << 0.0;
    QTest::newRow("Lake Constance") << GeoPoint { 47.6000, 9.4000 } << 0.0 << 0.0;
    QTest::newRow("Büsingen (exclave)") << GeoPoint { 47.6967, 8.6900 } << 0.0 << 0.0;
    QTest::newRow("Europabrücke") << GeoPoint { 48.5727, 7.7993 } << 50.0 << 500.0;
    QTest::newRow("Riehen (CH), by the border") << GeoPoint { 47.5788, 7.6468 } << 50.0 << 600.0;
    QTest::newRow("Basel SBB") << GeoPoint { 47.5476, 7.5897 } << 2100.0 << 2800.0;
    QTest::newRow("Strasbourg cathedral") << GeoPoint { 48.5818, 7.7509 } << 3300.0 << 4300.0;
    QTest::newRow("Salzburg Hbf") << GeoPoint { 47.8131, 13.0459 } << 5000.0 << 6000.0;
    QTest::newRow("Innsbruck") << GeoPoint { 47.2692, 11.4041 } << 15000.0 << 21000.0;
}

void TestShared::germanyBorderDistance()
{
    QFETCH(GeoPoint, point);
    QFETCH(double, atLeast);
    QFETCH(double, atMost);
    const double d = Germany::distanceOutsideMetres(point);
    QVERIFY2(d >= atLeast && d <= atMost, qPrintable(QString::number(d)));
    QCOMPARE(Germany::isInGermany(point), d <= Germany::BorderToleranceMetres);
}

// ---------------------------------------------------------------------------------------------
// validation

void TestShared::checkText_data()
{
    using Validation::TextKind;
    QTest::addColumn<QString>("text");
    QTest::addColumn<TextKind>("kind");
    QTest::addColumn<int>("max");
    QTest::addColumn<bool>("valid");

    const auto single = TextKind::SingleLine;
    const auto multi = TextKind::MultiLine;
    const auto token = TextKind::Token;
    // Limits count characters, whatever their UTF-8 width.
    for (int bytes = 1; bytes <= 4; ++bytes) {
        for (auto kind : { single, multi, token }) {
            const int k = int(kind);
            QTest::addRow("%d-byte x 120, kind %d", bytes, k)
                << chars(120, bytes) << kind << 120 << true;
            QTest::addRow("%d-byte x 121, kind %d", bytes, k)
                << chars(121, bytes) << kind << 120 << false;
        }
    }
    QTest::newRow("quotes and backslashes") << u"\"'\\ \\\" <b>&amp;"_s << single << 120 << true;
    QTest::newRow("emoji with joiner and flag")
        << u"👩‍👩‍👧 🇩🇪"_s << single << 120 << true;
    QTest::newRow("NUL, single line") << (u"a"_s + Nul + u"b"_s) << single << 120 << false;
    QTest::newRow("NUL, multi-line") << (u"a"_s + Nul + u"b"_s) << multi << 120 << false;
    QTest::newRow("NUL, token") << (u"a"_s + Nul) << token << 120 << false;
    QTest::newRow("lone high surrogate") << (u"a"_s + LoneHigh + u"b"_s) << multi << 120 << false;
    QTest::newRow("lone high surrogate at the end")
        << (u"ab"_s + LoneHigh) << token << 120 << false;
    QTest::newRow("lone low surrogate") << (u"a"_s + LoneLow) << single << 120 << false;
    QTest::newRow("reversed pair") << (LoneLow + LoneHigh) << multi << 120 << false;
    QTest::newRow("newline, single line") << u"a\nb"_s << single << 120 << false;
    QTest::newRow("tab, single line") << u"a\tb"_s << single << 120 << false;
    QTest::newRow("newline, token") << u"a\n"_s << token << 120 << false;
    QTest::newRow("newline, CRLF, tab, multi-line") << u"a\nb\r\n\tc"_s << multi << 120 << true;
    QTest::newRow("escape") << u"\x1b[31mred"_s << multi << 120 << false;
    QTest::newRow("bell") << u"ding\x07"_s << multi << 120 << false;
    QTest::newRow("DEL") << u"a\x7f"_s << multi << 120 << false;
    QTest::newRow("C1 (U+0085)") << u"a\u0085b"_s << multi << 120 << false;
    QTest::newRow("C1 (U+009B)") << u"a\u009bb"_s << single << 120 << false;
    // Length counts what is stored: single lines simplified, multi-line trimmed.
    QTest::newRow("single line, padded to 121")
        << (u"  "_s + chars(120, 1) + u"   "_s) << single << 120 << true;
    QTest::newRow("multi-line, padded")
        << (u"\n"_s + chars(120, 4) + u"\n\n"_s) << multi << 120 << true;
    QTest::newRow("token, padded, counts spaces")
        << (u" "_s + chars(120, 1)) << token << 120 << false;
}

void TestShared::checkText()
{
    using Validation::TextKind;
    QFETCH(QString, text);
    QFETCH(TextKind, kind);
    QFETCH(int, max);
    QFETCH(bool, valid);
    const auto errors = Validation::checkText(u"field"_s, text, kind, 0, max);
    if (valid) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
    } else {
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, u"field"_s);
        QVERIFY(!errors.first().message.isEmpty());
    }
    QCOMPARE(Validation::firstForbiddenCharacter(text, kind).has_value(),
        !valid && Validation::characterCount(Validation::normalizedText(text, kind)) <= max);
}

void TestShared::decodeUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("text"); // when valid

    QTest::newRow("empty") << QByteArray() << true << QString();
    QTest::newRow("ASCII") << QByteArray("Vanille") << true << u"Vanille"_s;
    QTest::newRow("2, 3 and 4 bytes")
        << QByteArray("\xc3\xa4\xe2\x82\xac\xf0\x9f\x8d\xae") << true << (u"ä€"_s + chars(1, 4));
    QTest::newRow("U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << true
                              << QString::fromUcs4(U"\U0010FFFF");
    QTest::newRow("NUL decodes (the text rule refuses it)")
        << QByteArray("a\0b", 3) << true << (u"a"_s + Nul + u"b"_s);
    QTest::newRow("Latin-1 byte") << QByteArray("Gr\xfctze") << false << QString();
    QTest::newRow("lone continuation byte") << QByteArray("a\x80") << false << QString();
    QTest::newRow("truncated 3-byte") << QByteArray("\xe2\x82") << false << QString();
    QTest::newRow("truncated 4-byte") << QByteArray("\xf0\x9f\x8d") << false << QString();
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << false << QString();
    QTest::newRow("overlong NUL") << QByteArray("\xc0\x80") << false << QString();
    QTest::newRow("overlong 3-byte") << QByteArray("\xe0\x80\xaf") << false << QString();
    QTest::newRow("encoded surrogate (CESU)") << QByteArray("\xed\xa0\x80") << false << QString();
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false << QString();
    QTest::newRow("F5 lead byte") << QByteArray("\xf5\x80\x80\x80") << false << QString();
    QTest::newRow("FF") << QByteArray("\xff") << false << QString();
}

void TestShared::decodeUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QFETCH(QString, text);
    const auto strict = Validation::decodeUtf8Strict(bytes);
    QCOMPARE(strict.has_value(), valid);
    const QString part = Validation::decodeTextPart(bytes);
    QVERIFY(!part.contains(QChar(QChar::ReplacementCharacter)));
    if (valid) {
        QCOMPARE(*strict, text);
        QCOMPARE(part, text);
        QCOMPARE(part, QString::fromUtf8(bytes)); // agrees with Qt on valid input
    } else {
        // The invalidity survives decoding, and the text rule refuses it by name.
        const auto errors = Validation::checkText(
            u"puddingName"_s, part, Validation::TextKind::MultiLine, 0, 1000);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, u"puddingName"_s);
    }
}

void TestShared::fieldValidators_data()
{
    // Every shared validator applies the same rule: one row per (validator, value).
    QTest::addColumn<QString>("validator");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("expectedFields");

    struct Field
    {
        const char *validator;
        QString field;
        int max;
        bool multiLine;
        bool required;
    };
    namespace L = Protocol::Limits;
    const Field fields[] = {
        { "userName", u"name"_s, L::NameMax, false, true },
        { "puddingName", u"puddingName"_s, L::PuddingNameMax, false, true },
        { "puddingDescription", u"puddingDescription"_s, L::PuddingDescriptionMax, true, false },
        { "note", u"note"_s, L::DecisionNoteMax, true, false },
        { "venue", u"venue"_s, L::VenueMax, false, false },
        { "content", u"content"_s, Chat::ContentMax, true, true },
        { "clientMsgId", u"clientMsgId"_s, Chat::ClientMsgIdMax, false, false },
        { "title", u"title"_s, L::TitleMax, false, true },
        { "description", u"description"_s, L::DescriptionMax, true, false },
        { "city", u"city"_s, L::CityMax, false, true },
        { "state", u"state"_s, L::StateMax, false, false },
    };
    for (const auto &f : fields) {
        const QStringList bad { f.field };
        for (int bytes = 1; bytes <= 4; ++bytes) {
            QTest::addRow("%s: %d x %d-byte", f.validator, f.max, bytes)
                << f.validator << chars(f.max, bytes) << QStringList();
            QTest::addRow("%s: %d x %d-byte", f.validator, f.max + 1, bytes)
                << f.validator << chars(f.max + 1, bytes) << bad;
        }
        QTest::addRow("%s: NUL", f.validator) << f.validator << (u"Pud"_s + Nul + u"ding"_s) << bad;
        QTest::addRow("%s: lone high surrogate", f.validator)
            << f.validator << (u"Pud"_s + LoneHigh + u"ding"_s) << bad;
        QTest::addRow("%s: lone low surrogate", f.validator)
            << f.validator << (u"Pudding"_s + LoneLow) << bad;
        QTest::addRow("%s: escape", f.validator) << f.validator << u"Pud\x1b[2Jding"_s << bad;
        QTest::addRow("%s: quotes, backslash", f.validator)
            << f.validator << u"\"Pud\\ding\" 'n'"_s << QStringList();
        QTest::addRow("%s: newline", f.validator)
            << f.validator << u"Pud\nding"_s << (f.multiLine ? QStringList() : bad);
        QTest::addRow("%s: tab", f.validator)
            << f.validator << u"Pud\tding"_s << (f.multiLine ? QStringList() : bad);
        QTest::addRow("%s: empty", f.validator)
            << f.validator << QString() << (f.required ? bad : QStringList());
    }
}

void TestShared::fieldValidators()
{
    QFETCH(QString, validator);
    QFETCH(QString, value);
    QFETCH(QStringList, expectedFields);
    FieldErrors errors;
    EventDraft draft = validDraft();
    const bool title = validator == "title"_L1;
    if (validator == "userName"_L1)
        errors = Validation::validateUserName(value);
    else if (validator == "puddingName"_L1)
        errors = Validation::validateJoinRequest(value, QString());
    else if (validator == "puddingDescription"_L1)
        errors = Validation::validateJoinRequest(u"Vanille"_s, value);
    else if (validator == "note"_L1)
        errors = Validation::validateDecisionNote(value);
    else if (validator == "venue"_L1)
        errors = Validation::validateVenue(value);
    else if (validator == "content"_L1)
        errors = Chat::validateMessage(value.trimmed(), u"m-1"_s);
    else if (validator == "clientMsgId"_L1)
        errors = Chat::validateMessage(u"Hallo"_s, value);
    else if (title || validator == "description"_L1 || validator == "city"_L1
        || validator == "state"_L1) {
        if (title)
            draft.title = value;
        else if (validator == "description"_L1)
            draft.description = value;
        else if (validator == "city"_L1)
            draft.city = value;
        else
            draft.state = value;
        errors = Validation::validateEventDraft(draft, Validation::DraftMode::Create, fixedNow());
    } else {
        QFAIL("unknown validator");
    }
    QCOMPARE(fieldsOf(errors), expectedFields);
    for (const auto &e : errors)
        QVERIFY(!e.message.isEmpty());
}

void TestShared::validateEmail_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("valid");

    QTest::newRow("plain") << u"anna@example.org"_s << true;
    QTest::newRow("dots and plus") << u"anna.b+pudding@mail.example.de"_s << true;
    QTest::newRow("umlaut") << u"jürgen@grütze.de"_s << true;
    QTest::newRow("max length 254") << (QString(254 - 12, u'a') + u"@example.org"_s) << true;

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no at") << u"anna.example.org"_s << false;
    QTest::newRow("nothing before at") << u"@example.org"_s << false;
    QTest::newRow("nothing after at") << u"anna@"_s << false;
    QTest::newRow("no dot in domain") << u"anna@example"_s << false;
    QTest::newRow("two ats") << u"anna@@example.org"_s << false;
    QTest::newRow("at in domain") << u"anna@ex@ample.org"_s << false;
    QTest::newRow("space") << u"anna maria@example.org"_s << false;
    QTest::newRow("trailing space") << u"anna@example.org "_s << false;
    QTest::newRow("double dot") << u"anna@example..org"_s << false;
    QTest::newRow("leading dot in domain") << u"anna@.example.org"_s << false;
    QTest::newRow("trailing dot") << u"anna@example.org."_s << false;
    QTest::newRow("too long 255") << (QString(255 - 12, u'a') + u"@example.org"_s) << false;
    QTest::newRow("NUL") << (u"anna"_s + Nul + u"@example.org"_s) << false;
    QTest::newRow("lone surrogate") << (u"anna"_s + LoneHigh + u"@example.org"_s) << false;
    QTest::newRow("escape") << u"anna\x1b@example.org"_s << false;
    QTest::newRow("max length 254 in 2-byte characters")
        << (chars(254 - 12, 2) + u"@example.org"_s) << true;
    QTest::newRow("255 in 4-byte characters") << (chars(255 - 12, 4) + u"@example.org"_s) << false;
}

void TestShared::validateEmail()
{
    QFETCH(QString, email);
    QFETCH(bool, valid);
    const auto errors = Validation::validateEmail(email);
    if (valid) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
    } else {
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, u"email"_s);
        QVERIFY(!errors.first().message.isEmpty());
    }
}

void TestShared::validatePassword_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("common");
    QTest::addColumn<bool>("valid");

    QTest::newRow("9 chars") << u"zq8-Lm4!v"_s << false << false;
    QTest::newRow("10 chars uncommon") << u"zq8-Lm4!vX"_s << false << true;
    QTest::newRow("empty") << QString() << false << false;
    QTest::newRow("1234567890") << u"1234567890"_s << true << false;
    QTest::newRow("qwertyuiop") << u"qwertyuiop"_s << true << false;
    QTest::newRow("QwertyUIOP (case-insensitive)") << u"QwertyUIOP"_s << true << false;
    QTest::newRow("basketball") << u"basketball"_s << true << false;
    // Not in the SecLists 10k list (only "password", "password1", "password2", "password9",
    // "passwords" are), so it passes the deny-list check.
    QTest::newRow("password123") << u"password123"_s << false << true;
    QTest::newRow("1024 chars") << QString(1024, u'x') << false << true;
    QTest::newRow("1025 chars") << QString(1025, u'x') << false << false;
    // Length counts characters (code points), not UTF-16 units.
    QString tenPuddings;
    for (int i = 0; i < 10; ++i)
        tenPuddings += QString::fromUcs4(U"\U0001F36E"); // 🍮
    QTest::newRow("10 emoji") << tenPuddings << false << true;
    QTest::newRow("9 emoji") << tenPuddings.left(18) << false << false;
    QTest::newRow("1024 emoji") << tenPuddings.repeated(102) + tenPuddings.left(8) << false << true;
}

void TestShared::validatePassword()
{
    QFETCH(QString, password);
    QFETCH(bool, common);
    QFETCH(bool, valid);
    QCOMPARE(Validation::isCommonPassword(password), common);
    const auto errors = Validation::validatePassword(password);
    if (valid) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
    } else {
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, u"password"_s);
        QVERIFY(!errors.first().message.isEmpty());
    }
}

void TestShared::validateUserName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("Anna") << u"Anna"_s << true;
    QTest::newRow("with spaces around") << u"  Anna Maria  "_s << true;
    QTest::newRow("umlauts") << u"Jürgen Müßig"_s << true;
    QTest::newRow("one char") << u"A"_s << true;
    QTest::newRow("80 chars") << QString(80, u'n') << true;
    QTest::newRow("80 chars after trimming") << (u"   "_s + QString(80, u'n') + u"   "_s) << true;

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("only spaces") << u"    "_s << false;
    QTest::newRow("81 chars") << QString(81, u'n') << false;
    QTest::newRow("control char") << u"An\u0001na"_s << false;
    QTest::newRow("escape") << u"Anna\u001b[31m"_s << false;
    QTest::newRow("DEL") << u"Anna\u007f"_s << false;
}

void TestShared::validateUserName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const auto errors = Validation::validateUserName(name);
    if (valid) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
    } else {
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, u"name"_s);
        QVERIFY(!errors.first().message.isEmpty());
    }
}

void TestShared::validateEventDraft_data()
{
    using Validation::DraftMode;
    QTest::addColumn<EventDraft>("draft");
    QTest::addColumn<DraftMode>("mode");
    QTest::addColumn<QStringList>("expectedFields");

    const QDateTime now = fixedNow();
    const EventDraft valid = validDraft();
    auto with = [&](auto change) {
        EventDraft d = valid;
        change(d);
        return d;
    };

    QTest::newRow("valid create") << valid << DraftMode::Create << QStringList();
    QTest::newRow("valid update") << valid << DraftMode::Update << QStringList();
    QTest::newRow("no description, no state") << with([](EventDraft &d) {
        d.description.reset();
        d.state.reset();
    }) << DraftMode::Create << QStringList();

    // title
    QTest::newRow("title 2 chars") << with([](EventDraft &d) { d.title = u"ab"_s; })
                                   << DraftMode::Create << QStringList { u"title"_s };
    QTest::newRow("title 3 chars")
        << with([](EventDraft &d) { d.title = u"abc"_s; }) << DraftMode::Create << QStringList();
    QTest::newRow("title padded to 2 chars")
        << with([](EventDraft &d) { d.title = u"   ab    "_s; }) << DraftMode::Create
        << QStringList { u"title"_s };
    QTest::newRow("title 120 chars") << with([](EventDraft &d) { d.title = QString(120, u't'); })
                                     << DraftMode::Create << QStringList();
    QTest::newRow("title 121 chars") << with([](EventDraft &d) { d.title = QString(121, u't'); })
                                     << DraftMode::Create << QStringList { u"title"_s };
    QTest::newRow("missing title") << with([](EventDraft &d) { d.title.reset(); })
                                   << DraftMode::Create << QStringList { u"title"_s };
    QTest::newRow("title control char")
        << with([](EventDraft &d) { d.title = u"Pudding\u0007party"_s; }) << DraftMode::Create
        << QStringList { u"title"_s };

    // location
    QTest::newRow("location Paris") << with([](EventDraft &d) { d.location = Paris; })
                                    << DraftMode::Create << QStringList { u"location"_s };
    QTest::newRow("location Vienna") << with([](EventDraft &d) { d.location = Vienna; })
                                     << DraftMode::Update << QStringList { u"location"_s };
    QTest::newRow("location NaN") << with([](EventDraft &d) {
        d.location = GeoPoint { std::numeric_limits<double>::quiet_NaN(), 10.0 };
    }) << DraftMode::Create << QStringList { u"location"_s };
    QTest::newRow("missing location") << with([](EventDraft &d) { d.location.reset(); })
                                      << DraftMode::Create << QStringList { u"location"_s };
    QTest::newRow("location Zugspitze") << with([](EventDraft &d) { d.location = Zugspitze; })
                                        << DraftMode::Create << QStringList();
    QTest::newRow("location Strasbourg") << with([](EventDraft &d) {
        d.location = GeoPoint { 48.5818, 7.7509 };
    }) << DraftMode::Create << QStringList { u"location"_s };
    QTest::newRow("location Basel") << with([](EventDraft &d) {
        d.location = GeoPoint { 47.5476, 7.5897 };
    }) << DraftMode::Update << QStringList { u"location"_s };
    QTest::newRow("location Salzburg") << with([](EventDraft &d) {
        d.location = GeoPoint { 47.7994, 13.0439 };
    }) << DraftMode::Create << QStringList { u"location"_s };
    QTest::newRow("location Büsingen") << with([](EventDraft &d) {
        d.location = GeoPoint { 47.6967, 8.6900 };
    }) << DraftMode::Create << QStringList();
    QTest::newRow("location on Lake Constance") << with([](EventDraft &d) {
        d.location = GeoPoint { 47.6000, 9.4000 };
    }) << DraftMode::Create << QStringList();

    // times
    QTest::newRow("end before start")
        << with([](EventDraft &d) { d.endTime = d.startTime->addSecs(-60); }) << DraftMode::Create
        << QStringList { u"endTime"_s };
    QTest::newRow("end == start") << with([](EventDraft &d) { d.endTime = d.startTime; })
                                  << DraftMode::Create << QStringList { u"endTime"_s };
    QTest::newRow("end 1 ms after start")
        << with([](EventDraft &d) { d.endTime = d.startTime->addMSecs(1); }) << DraftMode::Create
        << QStringList();
    QTest::newRow("duration 14 days")
        << with([](EventDraft &d) { d.endTime = d.startTime->addDays(14); }) << DraftMode::Create
        << QStringList();
    QTest::newRow("duration 14 days + 1 s")
        << with([](EventDraft &d) { d.endTime = d.startTime->addDays(14).addSecs(1); })
        << DraftMode::Create << QStringList { u"endTime"_s };
    QTest::newRow("duration 15 days")
        << with([](EventDraft &d) { d.endTime = d.startTime->addDays(15); }) << DraftMode::Create
        << QStringList { u"endTime"_s };
    QTest::newRow("missing start") << with([](EventDraft &d) { d.startTime.reset(); })
                                   << DraftMode::Create << QStringList { u"startTime"_s };
    QTest::newRow("missing end") << with([](EventDraft &d) { d.endTime.reset(); })
                                 << DraftMode::Create << QStringList { u"endTime"_s };
    const auto inThePast = [now](EventDraft &d) {
        d.startTime = now.addSecs(-3600);
        d.endTime = now.addSecs(3600);
    };
    QTest::newRow("start in the past, create")
        << with(inThePast) << DraftMode::Create << QStringList { u"startTime"_s };
    QTest::newRow("start in the past, update")
        << with(inThePast) << DraftMode::Update << QStringList();
    QTest::newRow("start now, create") << with([now](EventDraft &d) {
        d.startTime = now;
        d.endTime = now.addSecs(3600);
    }) << DraftMode::Create << QStringList();

    // attendee limit
    QTest::newRow("limit 0") << with([](EventDraft &d) { d.attendeeLimit = 0; })
                             << DraftMode::Create << QStringList { u"attendeeLimit"_s };
    QTest::newRow("limit -5") << with([](EventDraft &d) { d.attendeeLimit = -5; })
                              << DraftMode::Create << QStringList { u"attendeeLimit"_s };
    QTest::newRow("limit 1") << with([](EventDraft &d) { d.attendeeLimit = 1; })
                             << DraftMode::Create << QStringList();
    QTest::newRow("limit 10000") << with([](EventDraft &d) { d.attendeeLimit = 10000; })
                                 << DraftMode::Create << QStringList();
    QTest::newRow("limit 10001") << with([](EventDraft &d) { d.attendeeLimit = 10001; })
                                 << DraftMode::Create << QStringList { u"attendeeLimit"_s };
    QTest::newRow("missing limit") << with([](EventDraft &d) { d.attendeeLimit.reset(); })
                                   << DraftMode::Create << QStringList { u"attendeeLimit"_s };

    // description, city, state
    QTest::newRow("description 5000 chars")
        << with([](EventDraft &d) { d.description = QString(5000, u'd'); }) << DraftMode::Create
        << QStringList();
    QTest::newRow("description 5001 chars")
        << with([](EventDraft &d) { d.description = QString(5001, u'd'); }) << DraftMode::Create
        << QStringList { u"description"_s };
    QTest::newRow("description with newlines")
        << with([](EventDraft &d) { d.description = u"Line one\nLine two\r\n\tindented"_s; })
        << DraftMode::Create << QStringList();
    QTest::newRow("description control char")
        << with([](EventDraft &d) { d.description = u"bad\u0000byte"_s; }) << DraftMode::Create
        << QStringList { u"description"_s };
    QTest::newRow("missing city") << with([](EventDraft &d) { d.city.reset(); })
                                  << DraftMode::Create << QStringList { u"city"_s };
    QTest::newRow("blank city") << with([](EventDraft &d) { d.city = u"   "_s; })
                                << DraftMode::Create << QStringList { u"city"_s };
    QTest::newRow("city 81 chars") << with([](EventDraft &d) { d.city = QString(81, u'c'); })
                                   << DraftMode::Create << QStringList { u"city"_s };
    QTest::newRow("state 41 chars") << with([](EventDraft &d) { d.state = QString(41, u's'); })
                                    << DraftMode::Create << QStringList { u"state"_s };

    // several at once
    QTest::newRow("empty draft") << EventDraft() << DraftMode::Create
                                 << QStringList { u"attendeeLimit"_s, u"city"_s, u"endTime"_s,
                                        u"location"_s, u"startTime"_s, u"title"_s };
}

void TestShared::validateEventDraft()
{
    using Validation::DraftMode;
    QFETCH(EventDraft, draft);
    QFETCH(DraftMode, mode);
    QFETCH(QStringList, expectedFields);

    const auto errors = Validation::validateEventDraft(draft, mode, fixedNow());
    QStringList fields = fieldsOf(errors);
    fields.sort();
    QCOMPARE(fields, expectedFields);
    for (const auto &e : errors)
        QVERIFY2(!e.message.isEmpty(), qPrintable(e.field));
}

// ---------------------------------------------------------------------------------------------
// JSON forms

void TestShared::eventJsonRoundTrip_data()
{
    QTest::addColumn<EventStatus>("status");
    QTest::addColumn<bool>("withDistance");
    QTest::newRow("upcoming, distance") << EventStatus::Upcoming << true;
    QTest::newRow("ongoing, no distance") << EventStatus::Ongoing << false;
    QTest::newRow("past, distance") << EventStatus::Past << true;
    QTest::newRow("cancelled, no distance") << EventStatus::Cancelled << false;
}

void TestShared::eventJsonRoundTrip()
{
    QFETCH(EventStatus, status);
    QFETCH(bool, withDistance);

    Event e;
    e.id = 9007199254740881; // near 2^53: still exact in a JSON number
    e.title = u"Rote Grütze & \"Vanille\"-Soße"_s;
    e.description = u"Zeile 1\nZeile 2 — mit Löffel 🍮\t\\ Ende"_s;
    e.location = { 52.520008123456789, 13.404954987654321 };
    e.city = u"Berlin"_s;
    e.state = u"Berlin"_s;
    // Given with an offset: the round trip keeps the instant, to the millisecond.
    e.startTime = QDateTime(QDate(2026, 12, 24), QTime(18, 0, 0, 123), QTimeZone(3600));
    e.endTime = utc(2026, 12, 24, 20, 30, 59, 999);
    e.attendeeLimit = 25;
    e.attendeeCount = 7;
    e.status = status;
    e.organizer = { 42, u"Anna Müller"_s };
    if (withDistance)
        e.distance = 1234.5;

    const QJsonObject json = e.toJson();
    QCOMPARE(json.value("startTime"_L1).toString(), u"2026-12-24T17:00:00.123Z"_s);
    QCOMPARE(json.value("endTime"_L1).toString(), u"2026-12-24T20:30:59.999Z"_s);
    QCOMPARE(json.value("status"_L1).toString(), toString(status));
    QCOMPARE(json.contains("distance"_L1), withDistance);

    // Through the text form, as on the wire.
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(bytes, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const Event back = Event::fromJson(doc.object());

    QCOMPARE(back.id, e.id);
    QCOMPARE(back.title, e.title);
    QCOMPARE(back.description, e.description);
    QCOMPARE(back.location.lat, e.location.lat);
    QCOMPARE(back.location.lng, e.location.lng);
    QCOMPARE(back.city, e.city);
    QCOMPARE(back.state, e.state);
    QVERIFY(back.startTime.isValid());
    QCOMPARE(back.startTime.toMSecsSinceEpoch(), e.startTime.toMSecsSinceEpoch());
    QCOMPARE(back.startTime, e.startTime);
    QCOMPARE(back.endTime.toMSecsSinceEpoch(), e.endTime.toMSecsSinceEpoch());
    QCOMPARE(back.attendeeLimit, e.attendeeLimit);
    QCOMPARE(back.attendeeCount, e.attendeeCount);
    QCOMPARE(toString(back.status), toString(e.status));
    QCOMPARE(back.organizer, e.organizer);
    QCOMPARE(back.distance.has_value(), withDistance);
    if (withDistance)
        QCOMPARE(*back.distance, *e.distance);
    QCOMPARE(back.placesLeft(), 18);

    // The distance is rounded to 0.1 m on the wire.
    Event rounded = e;
    rounded.distance = 1234.56;
    QCOMPARE(Event::fromJson(rounded.toJson()).distance.value_or(-1), 1234.6);
    rounded.distance = 0.04;
    QCOMPARE(Event::fromJson(rounded.toJson()).distance.value_or(-1), 0.0);
}

void TestShared::eventDraftWrongTypes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("expectedFields");

    QTest::newRow("title number") << QByteArray(R"({"title": 5})") << QStringList { u"title"_s };
    QTest::newRow("location string")
        << QByteArray(R"({"location": "x"})") << QStringList { u"location"_s };
    QTest::newRow("location lat string")
        << QByteArray(R"({"location": {"lat": "52.5", "lng": 13.4}})")
        << QStringList { u"location"_s };
    QTest::newRow("location lng missing")
        << QByteArray(R"({"location": {"lat": 52.5}})") << QStringList { u"location"_s };
    QTest::newRow("location array")
        << QByteArray(R"({"location": [52.5, 13.4]})") << QStringList { u"location"_s };
    QTest::newRow("startTime without offset")
        << QByteArray(R"({"startTime": "2026-12-01T10:00:00"})") << QStringList { u"startTime"_s };
    QTest::newRow("endTime garbage")
        << QByteArray(R"({"endTime": "tomorrow"})") << QStringList { u"endTime"_s };
    QTest::newRow("startTime number")
        << QByteArray(R"({"startTime": 1767261600000})") << QStringList { u"startTime"_s };
    QTest::newRow("attendeeLimit 2.5")
        << QByteArray(R"({"attendeeLimit": 2.5})") << QStringList { u"attendeeLimit"_s };
    QTest::newRow("attendeeLimit string")
        << QByteArray(R"({"attendeeLimit": "10"})") << QStringList { u"attendeeLimit"_s };
    QTest::newRow("attendeeLimit too big")
        << QByteArray(R"({"attendeeLimit": 1e12})") << QStringList { u"attendeeLimit"_s };
    QTest::newRow("city bool, state object")
        << QByteArray(R"({"city": true, "state": {}, "description": []})")
        << QStringList { u"city"_s, u"description"_s, u"state"_s };
    QTest::newRow("all four") << QByteArray(
        R"({"title": 5, "location": "x", "startTime": "2026-12-01T10:00:00",
                              "attendeeLimit": 2.5, "city": "Berlin"})")
                              << QStringList { u"attendeeLimit"_s, u"location"_s, u"startTime"_s,
                                     u"title"_s };
}

void TestShared::eventDraftWrongTypes()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expectedFields);

    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(body, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const auto result = EventDraft::fromJson(doc.object());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QString(Protocol::ErrorCode::ValidationFailed));
    QVERIFY(result.error().isValidation());
    QStringList fields = fieldsOf(result.error().fields);
    fields.sort();
    QCOMPARE(fields, expectedFields);
}

void TestShared::eventDraftRoundTrip_data()
{
    QTest::addColumn<EventDraft>("draft");

    EventDraft full = validDraft();
    full.title = u"Grütze „mit“ Vanille"_s;
    full.startTime = utc(2026, 7, 1, 16, 30, 0, 250);
    full.endTime = utc(2026, 7, 1, 19, 0, 0, 1);
    full.location = GeoPoint { 48.137154, 11.576124 };
    QTest::newRow("full") << full;

    EventDraft partial;
    partial.title = u"Nur der Titel"_s;
    partial.attendeeLimit = 3;
    QTest::newRow("partial") << partial;

    QTest::newRow("empty") << EventDraft();

    EventDraft timesOnly;
    timesOnly.endTime = utc(2027, 1, 1, 0, 0);
    timesOnly.location = GeoPoint { 47.27, 5.86 };
    QTest::newRow("end and location") << timesOnly;
}

void TestShared::eventDraftRoundTrip()
{
    QFETCH(EventDraft, draft);
    const QByteArray bytes = QJsonDocument(draft.toJson()).toJson(QJsonDocument::Compact);
    const auto result = EventDraft::fromJson(QJsonDocument::fromJson(bytes).object());
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    const EventDraft &back = result.value();

    QCOMPARE(back.title, draft.title);
    QCOMPARE(back.description, draft.description);
    QCOMPARE(back.city, draft.city);
    QCOMPARE(back.state, draft.state);
    QCOMPARE(back.location.has_value(), draft.location.has_value());
    if (draft.location) {
        QCOMPARE(back.location->lat, draft.location->lat);
        QCOMPARE(back.location->lng, draft.location->lng);
    }
    QCOMPARE(back.startTime.has_value(), draft.startTime.has_value());
    if (draft.startTime)
        QCOMPARE(back.startTime->toMSecsSinceEpoch(), draft.startTime->toMSecsSinceEpoch());
    QCOMPARE(back.endTime.has_value(), draft.endTime.has_value());
    if (draft.endTime)
        QCOMPARE(back.endTime->toMSecsSinceEpoch(), draft.endTime->toMSecsSinceEpoch());
    QCOMPARE(back.attendeeLimit, draft.attendeeLimit);

    // mergedOnto: present fields win, absent ones come from the event.
    Event base;
    base.title = u"Alt"_s;
    base.description = u"Alte Beschreibung"_s;
    base.location = Hamburg;
    base.city = u"Hamburg"_s;
    base.state = u"Hamburg"_s;
    base.startTime = utc(2026, 8, 1, 10, 0);
    base.endTime = utc(2026, 8, 1, 12, 0);
    base.attendeeLimit = 99;
    const EventDraft merged = back.mergedOnto(base);
    QCOMPARE(*merged.title, draft.title.value_or(base.title));
    QCOMPARE(*merged.description, draft.description.value_or(base.description));
    QCOMPARE(*merged.city, draft.city.value_or(base.city));
    QCOMPARE(merged.location->lat, draft.location.value_or(base.location).lat);
    QCOMPARE(*merged.startTime, draft.startTime.value_or(base.startTime));
    QCOMPARE(*merged.endTime, draft.endTime.value_or(base.endTime));
    QCOMPARE(*merged.attendeeLimit, draft.attendeeLimit.value_or(base.attendeeLimit));
}

void TestShared::userJsonRoundTrip()
{
    User u;
    u.id = 123456789012;
    u.email = u"anna.mueller@example.org"_s;
    u.name = u"Anna Müller 🍮"_s;
    u.createdAt = QDateTime(QDate(2026, 3, 29), QTime(1, 30, 15, 42), QTimeZone(2 * 3600));

    const QJsonObject json = u.toJson();
    QCOMPARE(json.value("createdAt"_L1).toString(), u"2026-03-28T23:30:15.042Z"_s);
    QCOMPARE(json.value("id"_L1).toInteger(), u.id);

    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
    const User back = User::fromJson(QJsonDocument::fromJson(bytes).object());
    QCOMPARE(back.id, u.id);
    QCOMPARE(back.email, u.email);
    QCOMPARE(back.name, u.name);
    QVERIFY(back.createdAt.isValid());
    QCOMPARE(back.createdAt.toMSecsSinceEpoch(), u.createdAt.toMSecsSinceEpoch());

    const UserRef ref = u.ref();
    QCOMPARE(ref.id, u.id);
    QCOMPARE(ref.name, u.name);
    QCOMPARE(UserRef::fromJson(ref.toJson()), ref);
}

void TestShared::parseIsoDateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("Z") << u"2026-12-24T18:00:00Z"_s << true << utc(2026, 12, 24, 18, 0);
    QTest::newRow("ms and +01:00")
        << u"2026-12-24T18:00:00.123+01:00"_s << true << utc(2026, 12, 24, 17, 0, 0, 123);
    QTest::newRow("ms and Z") << u"2026-12-24T18:00:00.999Z"_s << true
                              << utc(2026, 12, 24, 18, 0, 0, 999);
    QTest::newRow("-05:30 crosses the day")
        << u"2026-12-31T22:00:00-05:30"_s << true << utc(2027, 1, 1, 3, 30);
    QTest::newRow("+00:00") << u"2026-06-01T00:00:00+00:00"_s << true << utc(2026, 6, 1, 0, 0);

    QTest::newRow("no offset") << u"2026-12-24T18:00:00"_s << false << QDateTime();
    QTest::newRow("no offset with ms") << u"2026-12-24T18:00:00.123"_s << false << QDateTime();
    QTest::newRow("date only") << u"2026-12-24"_s << false << QDateTime();
    QTest::newRow("garbage") << u"garbage"_s << false << QDateTime();
    QTest::newRow("garbage ending in Z") << u"nonsenseZ"_s << false << QDateTime();
    QTest::newRow("empty") << QString() << false << QDateTime();
    QTest::newRow("month 13") << u"2026-13-24T18:00:00Z"_s << false << QDateTime();
    QTest::newRow("hour 25") << u"2026-12-24T25:00:00Z"_s << false << QDateTime();
    QTest::newRow("February 30") << u"2026-02-30T12:00:00Z"_s << false << QDateTime();
}

void TestShared::parseIsoDateTime()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QDateTime, expected);
    const auto parsed = Pudding::parseIsoDateTime(text);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QVERIFY(parsed->isValid());
    QCOMPARE(parsed->toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
    QCOMPARE(parsed->offsetFromUtc(), 0);
    QCOMPARE(toIsoString(*parsed), toIsoString(expected));
}

void TestShared::eventStatusAt_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("cancelled");
    QTest::addColumn<EventStatus>("expected");

    const QDateTime start = utc(2026, 7, 1, 18, 0);
    QTest::newRow("a day before") << start.addDays(-1) << false << EventStatus::Upcoming;
    QTest::newRow("1 ms before start") << start.addMSecs(-1) << false << EventStatus::Upcoming;
    QTest::newRow("at start") << start << false << EventStatus::Ongoing;
    QTest::newRow("in the middle") << start.addSecs(3600) << false << EventStatus::Ongoing;
    QTest::newRow("1 ms before end")
        << start.addSecs(2 * 3600).addMSecs(-1) << false << EventStatus::Ongoing;
    QTest::newRow("at end") << start.addSecs(2 * 3600) << false << EventStatus::Past;
    QTest::newRow("a year later") << start.addYears(1) << false << EventStatus::Past;
    QTest::newRow("cancelled before") << start.addDays(-1) << true << EventStatus::Cancelled;
    QTest::newRow("cancelled during") << start.addSecs(60) << true << EventStatus::Cancelled;
    QTest::newRow("cancelled after") << start.addDays(1) << true << EventStatus::Cancelled;
}

void TestShared::eventStatusAt()
{
    QFETCH(QDateTime, now);
    QFETCH(bool, cancelled);
    QFETCH(EventStatus, expected);
    const QDateTime start = utc(2026, 7, 1, 18, 0);
    const QDateTime end = start.addSecs(2 * 3600);
    QCOMPARE(toString(Pudding::eventStatusAt(now, start, end, cancelled)), toString(expected));
    // The same instants in another time zone give the same status.
    const auto berlin = QTimeZone(7200);
    QCOMPARE(toString(Pudding::eventStatusAt(
                 now.toTimeZone(berlin), start, end.toTimeZone(berlin), cancelled)),
        toString(expected));
}

void TestShared::eventStatusStrings_data()
{
    QTest::addColumn<EventStatus>("status");
    QTest::addColumn<QString>("text");
    QTest::newRow("upcoming") << EventStatus::Upcoming << u"UPCOMING"_s;
    QTest::newRow("ongoing") << EventStatus::Ongoing << u"ONGOING"_s;
    QTest::newRow("past") << EventStatus::Past << u"PAST"_s;
    QTest::newRow("cancelled") << EventStatus::Cancelled << u"CANCELLED"_s;
}

void TestShared::eventStatusStrings()
{
    QFETCH(EventStatus, status);
    QFETCH(QString, text);
    QCOMPARE(toString(status), text);
    QVERIFY(eventStatusFromString(text).has_value());
    QCOMPARE(toString(*eventStatusFromString(text)), toString(status));
    QVERIFY(eventStatusFromString(text.toLower()).has_value());
    QCOMPARE(toString(*eventStatusFromString(text.toLower())), toString(status));
    QVERIFY(!eventStatusFromString(QString(text + u"X"_s)).has_value());
    QVERIFY(!eventStatusFromString(QString()).has_value());
}

QTEST_GUILESS_MAIN(TestShared)
#include "tst_shared.moc"
