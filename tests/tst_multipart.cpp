// SPDX-License-Identifier: GPL-3.0-or-later
// The multipart/form-data parser (server/http/multipart.h): bodies as curl -F and QHttpMultiPart
// really send them (captured from the real programs on a local socket, and hand-made in the same
// format), every body parsed whole, split at every position, byte by byte and in random chunks
// with identical results, and each error case with the error kind it must give.
#include "http/multipart.h"

#include "http/httpresponse.h"
#include "shared/protocol.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpMultiPart>
#include <QHttpPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Pudding;
using namespace Pudding::Server;

using Kind = MultipartError::Kind;

Q_DECLARE_METATYPE(Pudding::Server::MultipartPart)
Q_DECLARE_METATYPE(Pudding::Server::MultipartLimits)
Q_DECLARE_METATYPE(Pudding::Server::MultipartError::Kind)

namespace {

// As curl 7.88 generates them: 24 dashes and 16 hex digits.
constexpr QByteArrayView kCurlBoundary = "------------------------e256d2878997a32e";
// As QHttpMultiPart 6.4 generates them: a fixed prefix and 24 random bytes in base64.
constexpr QByteArrayView kQtBoundary = "boundary_.oOo._9DhsBgYqAKXlJ+Ybd/Ol8QujB+DoKECU";
constexpr QByteArrayView kShortBoundary = "xyz";

QByteArray boundaryLine(QByteArrayView boundary)
{
    return "--" + boundary.toByteArray() + "\r\n";
}

QByteArray closeLine(QByteArrayView boundary)
{
    return "--" + boundary.toByteArray() + "--\r\n";
}

/// One encapsulated part: boundary line, header lines (each ending in CRLF), blank line, data,
/// and the CRLF that belongs to the next delimiter.
QByteArray encapsulate(QByteArrayView boundary, const QByteArray &headers, const QByteArray &data)
{
    return boundaryLine(boundary) + headers + "\r\n" + data + "\r\n";
}

QByteArray field(QByteArrayView boundary, QByteArrayView name, const QByteArray &value)
{
    return encapsulate(
        boundary, "Content-Disposition: form-data; name=\"" + name.toByteArray() + "\"\r\n", value);
}

/// A "photo" that tries hard to look like a delimiter: CR, LF, "--", the delimiter minus its
/// last byte, the boundary with one byte changed, the boundary after a bare LF or without any
/// line break, every byte value, and a trailing CR right before the real delimiter.
QByteArray trickyPhoto(QByteArrayView boundary)
{
    const QByteArray b = boundary.toByteArray();
    QByteArray changed = b;
    changed[changed.size() / 2] = changed[changed.size() / 2] == 'Q' ? 'R' : 'Q';
    QByteArray photo = QByteArray::fromHex("ffd8ffe000104a464946");
    photo += "\r\n--\r\n-\r\r\n\n--";
    photo += "\r\n--" + b.chopped(1) + '\0';
    photo += "\r\n--" + changed + "\r\n";
    photo += "\n--" + b + "\r\n";
    photo += "x--" + b + "--\r\n";
    photo += "\r\n-" + b;
    photo += "\r\r\n\r\n-";
    for (int i = 0; i < 256; ++i)
        photo += char(i);
    photo += "\r\n--" + b.first(1);
    photo += "\r";
    return photo;
}

MultipartPart makePart(
    QByteArray name, QByteArray data, QByteArray filename = {}, QByteArray contentType = {})
{
    return MultipartPart { std::move(name), std::move(filename), std::move(contentType),
        std::move(data) };
}

struct Outcome
{
    QList<MultipartPart> parts;
    std::optional<Kind> error;
};

/// Parses \a body cut at the given positions (ascending, within the body).
Outcome parseCut(QByteArrayView boundary, QByteArrayView body, const QList<qsizetype> &cuts,
    const MultipartLimits &limits)
{
    MultipartParser parser(boundary.toByteArray(), limits);
    qsizetype from = 0;
    Outcome outcome;
    auto feedUpTo = [&](qsizetype to) {
        parser.feed(body.sliced(from, to - from));
        from = to;
    };
    for (const qsizetype cut : cuts)
        feedUpTo(cut);
    feedUpTo(body.size());
    parser.finish();
    outcome.parts = parser.parts();
    if (parser.error())
        outcome.error = parser.error()->kind;
    return outcome;
}

QString describe(const Outcome &outcome)
{
    if (outcome.error)
        return u"error %1"_s.arg(int(*outcome.error));
    QStringList names;
    for (const auto &part : outcome.parts)
        names << QString::fromUtf8(part.name) + u'(' + QString::number(part.data.size()) + u')';
    return u"parts "_s + names.join(u", "_s);
}

bool sameOutcome(const Outcome &a, const Outcome &b)
{
    if (a.error || b.error)
        return a.error == b.error;
    return a.parts == b.parts;
}

/// The whole body at once, then every split into two chunks, byte by byte and 200 random
/// chunkings: all must agree with \a expected.
void checkEveryChunking(QByteArrayView boundary, QByteArrayView body, const MultipartLimits &limits,
    const Outcome &expected)
{
    const Outcome whole = parseCut(boundary, body, {}, limits);
    QVERIFY2(sameOutcome(whole, expected),
        qPrintable(u"whole body: got %1, expected %2"_s.arg(describe(whole), describe(expected))));
    for (qsizetype split = 0; split <= body.size(); ++split) {
        const Outcome two = parseCut(boundary, body, { split }, limits);
        QVERIFY2(sameOutcome(two, expected),
            qPrintable(u"split at %1: got %2, expected %3"_s.arg(split).arg(
                describe(two), describe(expected))));
    }
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < body.size(); ++i)
        everyByte.append(i);
    const Outcome bytewise = parseCut(boundary, body, everyByte, limits);
    QVERIFY2(sameOutcome(bytewise, expected),
        qPrintable(u"byte by byte: got %1"_s.arg(describe(bytewise))));

    QRandomGenerator rng(quint32(qHash(body)));
    for (int round = 0; round < 200; ++round) {
        QList<qsizetype> cuts;
        const int maxChunk = 1 + rng.bounded(round % 2 ? 8 : 200);
        for (qsizetype at = rng.bounded(maxChunk); at < body.size();
             at += 1 + rng.bounded(maxChunk))
            cuts.append(at);
        const Outcome random = parseCut(boundary, body, cuts, limits);
        QVERIFY2(sameOutcome(random, expected),
            qPrintable(u"random chunking %1: got %2"_s.arg(round).arg(describe(random))));
    }
}

/// Receives one HTTP request on a local port and keeps its Content-Type and body; answers 200.
class RequestCatcher : public QObject
{
public:
    RequestCatcher()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(
                socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        });
    }

    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] bool done() const { return m_done; }
    [[nodiscard]] QByteArray contentType() const { return m_contentType; }
    [[nodiscard]] QByteArray body() const { return m_body; }

private:
    void readFrom(QTcpSocket *socket)
    {
        m_buffer += socket->readAll();
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0 || m_done)
            return;
        qsizetype length = 0;
        const auto lines = m_buffer.first(headerEnd).split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.first(qMax<qsizetype>(colon, 0)).trimmed().toLower();
            if (name == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
            else if (name == "content-type")
                m_contentType = line.mid(colon + 1).trimmed();
        }
        if (m_buffer.size() < headerEnd + 4 + length)
            return;
        m_body = m_buffer.sliced(headerEnd + 4, length);
        m_done = true;
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_buffer;
    QByteArray m_contentType;
    QByteArray m_body;
    bool m_done = false;
};

} // namespace

class TestMultipart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boundaryParameter_data();
    void boundaryParameter();
    void contentTypeErrors_data();
    void contentTypeErrors();
    void validBodies_data();
    void validBodies();
    void invalidBodies_data();
    void invalidBodies();
    void partTooLargeStopsEarly_data();
    void partTooLargeStopsEarly();
    void delimiterSplitAcrossFeeds();
    void longBoundaryStaysLinear();
    void errorIsSticky();
    void realCurl_data();
    void realCurl();
    void realQHttpMultiPart();
};

void TestMultipart::boundaryParameter_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("expected"); // empty: none

    const QByteArray seventy(70, 'a');
    QTest::newRow("curl") << "multipart/form-data; boundary=" + kCurlBoundary.toByteArray()
                          << kCurlBoundary.toByteArray();
    QTest::newRow("qt, quoted") << "multipart/form-data; boundary=\"" + kQtBoundary.toByteArray()
            + '"' << kQtBoundary.toByteArray();
    QTest::newRow("case and spaces")
        << QByteArray(" Multipart/Form-Data ;  BOUNDARY = abc ") << QByteArray("abc");
    QTest::newRow("other parameters") << QByteArray("multipart/form-data; charset=utf-8; "
                                                    "boundary=\"a b'()+_,-./:=?\"; x=y")
                                      << QByteArray("a b'()+_,-./:=?");
    QTest::newRow("quoted-pair") << QByteArray(R"(multipart/form-data; boundary="a\bc")")
                                 << QByteArray("abc");
    QTest::newRow("70 characters") << "multipart/form-data; boundary=" + seventy << seventy;
    QTest::newRow("71 characters")
        << "multipart/form-data; boundary=" + seventy + 'a' << QByteArray();
    QTest::newRow("missing") << QByteArray("multipart/form-data") << QByteArray();
    QTest::newRow("missing, other parameter")
        << QByteArray("multipart/form-data; charset=utf-8") << QByteArray();
    QTest::newRow("empty") << QByteArray("multipart/form-data; boundary=") << QByteArray();
    QTest::newRow("empty quoted") << QByteArray("multipart/form-data; boundary=\"\"")
                                  << QByteArray();
    QTest::newRow("not a bchar") << QByteArray("multipart/form-data; boundary=a!b") << QByteArray();
    QTest::newRow("quote inside") << QByteArray(R"(multipart/form-data; boundary="a\"b")")
                                  << QByteArray();
    QTest::newRow("trailing space")
        << QByteArray("multipart/form-data; boundary=\"ab \"") << QByteArray();
    QTest::newRow("unterminated quote")
        << QByteArray("multipart/form-data; boundary=\"ab") << QByteArray();
    QTest::newRow("twice") << QByteArray("multipart/form-data; boundary=a; boundary=b")
                           << QByteArray();
    QTest::newRow("trailing semicolon")
        << QByteArray("multipart/form-data; boundary=a;") << QByteArray();
    QTest::newRow("mixed") << QByteArray("multipart/mixed; boundary=abc") << QByteArray();
    QTest::newRow("json") << QByteArray("application/json") << QByteArray();
    QTest::newRow("none") << QByteArray() << QByteArray();
}

void TestMultipart::boundaryParameter()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, expected);
    const auto boundary = multipartBoundary(contentType);
    QCOMPARE(boundary.has_value(), !expected.isEmpty());
    if (boundary)
        QCOMPARE(*boundary, expected);
}

void TestMultipart::contentTypeErrors_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status");

    const QString malformed(Protocol::ErrorCode::MalformedMultipart);
    QTest::newRow("missing boundary") << QByteArray("multipart/form-data") << malformed << 400;
    QTest::newRow("empty boundary")
        << QByteArray("multipart/form-data; boundary=") << malformed << 400;
    QTest::newRow("long boundary")
        << "multipart/form-data; boundary=" + QByteArray(71, 'x') << malformed << 400;
    QTest::newRow("json") << QByteArray("application/json")
                          << QString(Protocol::ErrorCode::UnsupportedMediaType) << 415;
    QTest::newRow("no header") << QByteArray() << QString(Protocol::ErrorCode::UnsupportedMediaType)
                               << 415;
}

void TestMultipart::contentTypeErrors()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QString, code);
    QFETCH(int, status);
    const auto result = parseMultipart(
        contentType, QByteArray(field(kShortBoundary, "a", "b") + closeLine(kShortBoundary)));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
    QCOMPARE(httpStatusFor(result.error()), status);
}

void TestMultipart::validBodies_data()
{
    QTest::addColumn<QByteArray>("boundary");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<MultipartLimits>("limits");
    QTest::addColumn<QList<MultipartPart>>("expected");

    auto row = [](const char *name, QByteArrayView boundary, const QByteArray &body,
                   const QList<MultipartPart> &expected, MultipartLimits limits = {}) {
        QTest::newRow(name) << boundary.toByteArray() << body << limits << expected;
    };

    {
        const auto b = kCurlBoundary;
        const QByteArray photo = trickyPhoto(b);
        row("curl -F", b,
            field(b, "puddingName", "Schoko\xc3\xa4")
                + field(b, "puddingDescription", "Mit\r\nSahne -- und\r\n--Kirschen")
                + encapsulate(b,
                    "Content-Disposition: form-data; name=\"photo\"; "
                    "filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n",
                    photo)
                + closeLine(b),
            { makePart("puddingName", "Schoko\xc3\xa4"),
                makePart("puddingDescription", "Mit\r\nSahne -- und\r\n--Kirschen"),
                makePart("photo", photo, "p.jpg", "image/jpeg") });
    }
    {
        // QHttpMultiPart writes Content-Type before Content-Disposition (the order of setHeader
        // calls), the first boundary without CRLF, and "--boundary--\r\n" at the end.
        const auto b = kQtBoundary;
        const QByteArray photo = trickyPhoto(b);
        row("QHttpMultiPart", b,
            encapsulate(b,
                "Content-Type: text/plain\r\n"
                "Content-Disposition: form-data; name=\"puddingName\"\r\n",
                "Grie\xc3\x9f")
                + encapsulate(b,
                    "Content-Type: image/png\r\n"
                    "Content-Disposition: form-data; name=\"photo\"; "
                    "filename=\"pudding.png\"\r\n",
                    photo)
                + closeLine(b),
            { makePart("puddingName", "Grie\xc3\x9f", {}, "text/plain"),
                makePart("photo", photo, "pudding.png", "image/png") });
    }

    const auto b = kShortBoundary;
    const QList<MultipartPart> ab { makePart("a", "1"), makePart("b", "2") };
    const QByteArray abBody = field(b, "a", "1") + field(b, "b", "2");
    row("preamble and epilogue", b,
        "This is the preamble.\r\n--xy\r\n-- xyz\r\n---xyz, -xyz, xyz--\r\n\r\n" + abBody
            + "--xyz--\r\nThe epilogue, even\r\n--xyz\r\nignored.\r\n",
        ab);
    row("boundary without line break before it is preamble", b,
        "junk--xyz\r\n" + abBody + closeLine(b), ab);
    row("CRLF before the first boundary", b, "\r\n" + abBody + closeLine(b), ab);
    row("no CRLF after the close delimiter", b, abBody + "--xyz--", ab);
    row("transport padding", b,
        "--xyz \t \r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--xyz\t\r\n"
        "Content-Disposition: form-data; name=b\r\n\r\n2\r\n--xyz--  \r\n"_ba,
        ab);
    row("empty values", b, field(b, "a", "") + field(b, "b", "") + closeLine(b),
        { makePart("a", ""), makePart("b", "") });
    row("quoted names with escapes", b,
        encapsulate(b,
            R"(Content-Disposition: form-data; name="a\"b\\c\d")"
            "\r\n",
            "1")
            + encapsulate(b,
                R"(Content-Disposition: form-data; name="f;=\"" ; )"
                R"(filename="C:\\x \"y\".jpg")"
                "\r\n",
                "2")
            + closeLine(b),
        { makePart(R"(a"b\cd)", "1"), makePart(R"(f;=")", "2", R"(C:\x "y".jpg)") });
    row("percent-encoded names stay as sent", b,
        encapsulate(b, "Content-Disposition: form-data; name=\"a%22b\"\r\n", "1") + closeLine(b),
        { makePart("a%22b", "1") });
    row("header names are case-insensitive, unknown headers ignored", b,
        encapsulate(b,
            "content-disposition: FORM-DATA; NAME=a; Filename=\"x.bin\"; "
            "filename*=UTF-8''%e2%82%ac.bin\r\n"
            "CONTENT-TYPE:application/octet-stream\r\n"
            "Content-Transfer-Encoding: binary\r\n"
            "X-Whatever: \xe2\x82\xac\t\r\n",
            "1")
            + field(b, "b", "2") + closeLine(b),
        { makePart("a", "1", "x.bin", "application/octet-stream"), makePart("b", "2") });
    row("empty filename is a field", b,
        encapsulate(b,
            "Content-Disposition: form-data; name=\"photo\"; filename=\"\"\r\n"
            "Content-Type: application/octet-stream\r\n",
            "")
            + closeLine(b),
        { makePart("photo", "", {}, "application/octet-stream") });
    row("data ending in CR and in a delimiter prefix", b,
        field(b, "a", "1\r") + field(b, "b", "2\r\n--xy") + closeLine(b),
        { makePart("a", "1\r"), makePart("b", "2\r\n--xy") });
    row("default field limit reached exactly", b,
        field(b, "a", QByteArray(4096, 'a')) + closeLine(b),
        { makePart("a", QByteArray(4096, 'a')) });

    // Every limit met exactly, none exceeded.
    MultipartLimits small;
    small.maxParts = 3;
    small.maxHeaderBytes = 120;
    small.maxPartBytes = 64;
    small.maxFieldBytes = 16;
    const QByteArray disposition = "Content-Disposition: form-data; name=h\r\n";
    // The header block: the disposition line, "X: " filler CRLF, and the blank line.
    const QByteArray filler(small.maxHeaderBytes - disposition.size() - 5 - 2, 'x');
    const QByteArray exact = encapsulate(b, disposition + "X: " + filler + "\r\n", "")
        + field(b, "a", QByteArray(16, 'a'))
        + encapsulate(
            b, "Content-Disposition: form-data; name=f; filename=f\r\n", QByteArray(64, 'f'))
        + closeLine(b);
    small.maxTotalBytes = exact.size();
    row("all limits reached exactly", b, exact,
        { makePart("h", ""), makePart("a", QByteArray(16, 'a')),
            makePart("f", QByteArray(64, 'f'), "f") },
        small);
}

void TestMultipart::validBodies()
{
    QFETCH(QByteArray, boundary);
    QFETCH(QByteArray, body);
    QFETCH(MultipartLimits, limits);
    QFETCH(QList<MultipartPart>, expected);

    const QByteArray contentType = "multipart/form-data; boundary=\"" + boundary + '"';
    const auto result = parseMultipart(contentType, body, limits);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value().size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.value()[i].name, expected[i].name);
        QCOMPARE(result.value()[i].filename, expected[i].filename);
        QCOMPARE(result.value()[i].isFile(), !expected[i].filename.isEmpty());
        QCOMPARE(result.value()[i].contentType, expected[i].contentType);
        QCOMPARE(result.value()[i].data, expected[i].data);
    }

    MultipartParser parser(boundary, limits);
    QVERIFY(parser.feed(body));
    QVERIFY(parser.isComplete());
    QVERIFY(parser.finish());
    QVERIFY(!parser.error());
    for (const auto &part : std::as_const(expected)) {
        QVERIFY(parser.part(part.name));
        QCOMPARE(parser.part(part.name)->data, part.data);
    }
    QCOMPARE(parser.part("no such part"), nullptr);

    checkEveryChunking(boundary, body, limits, Outcome { expected, {} });
}

void TestMultipart::invalidBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<MultipartLimits>("limits");
    QTest::addColumn<Kind>("kind");

    const auto b = kShortBoundary;
    const MultipartLimits defaults;
    MultipartLimits small;
    small.maxParts = 3;
    small.maxHeaderBytes = 120;
    small.maxPartBytes = 64;
    small.maxFieldBytes = 16;
    small.maxTotalBytes = 1000;
    const QByteArray a = field(b, "a", "1");
    const QByteArray fileHeader
        = "Content-Disposition: form-data; name=\"f\"; filename=\"f.jpg\"\r\n"
          "Content-Type: image/jpeg\r\n";

    QTest::newRow("empty body") << QByteArray() << defaults << Kind::NoFinalBoundary;
    QTest::newRow("only a preamble") << "Hello\r\n--xy"_ba << defaults << Kind::NoFinalBoundary;
    QTest::newRow("no final boundary") << a << defaults << Kind::NoFinalBoundary;
    QTest::newRow("truncated in the data") << a.chopped(3) << defaults << Kind::NoFinalBoundary;
    QTest::newRow("truncated close delimiter") << a + "--xyz-" << defaults << Kind::NoFinalBoundary;
    QTest::newRow("truncated in the headers")
        << boundaryLine(b) + "Content-Disp" << defaults << Kind::NoFinalBoundary;
    QTest::newRow("no parts") << closeLine(b) << defaults << Kind::Malformed;
    QTest::newRow("boundary followed by text")
        << "--xyzz\r\n"_ba + a + closeLine(b) << defaults << Kind::Malformed;
    QTest::newRow("single dash after boundary") << a + "--xyz-x\r\n" << defaults << Kind::Malformed;
    QTest::newRow("CR without LF after boundary") << "--xyz\rContent-Disposition: form-data; "
                                                     "name=a\r\n\r\n1\r\n--xyz--"_ba
                                                  << defaults << Kind::Malformed;
    QTest::newRow("LF line ends") << "--xyz\nContent-Disposition: form-data; name=a\n\n1\n"
                                     "--xyz--\n"_ba
                                  << defaults << Kind::Malformed;
    QTest::newRow("LF-only header line")
        << "--xyz\r\nContent-Disposition: form-data; name=a\n\r\n1\r\n--xyz--\r\n"_ba << defaults
        << Kind::Malformed;
    QTest::newRow("missing Content-Disposition")
        << encapsulate(b, "Content-Type: text/plain\r\n", "1") + closeLine(b) << defaults
        << Kind::Malformed;
    QTest::newRow("no headers at all")
        << encapsulate(b, "", "1") + closeLine(b) << defaults << Kind::Malformed;
    QTest::newRow("missing name") << encapsulate(b,
                                         "Content-Disposition: form-data; filename=\"x\"\r\n", "1")
            + closeLine(b) << defaults
                                  << Kind::Malformed;
    QTest::newRow("empty name") << encapsulate(
                                       b, "Content-Disposition: form-data; name=\"\"\r\n", "1")
            + closeLine(b) << defaults
                                << Kind::Malformed;
    QTest::newRow("two names") << encapsulate(
                                      b, "Content-Disposition: form-data; name=a; name=b\r\n", "1")
            + closeLine(b) << defaults
                               << Kind::Malformed;
    QTest::newRow("attachment") << encapsulate(
                                       b, "Content-Disposition: attachment; name=a\r\n", "1")
            + closeLine(b) << defaults
                                << Kind::Malformed;
    QTest::newRow("unterminated quoted name")
        << encapsulate(b, "Content-Disposition: form-data; name=\"a\r\n", "1") + closeLine(b)
        << defaults << Kind::Malformed;
    QTest::newRow("garbage after parameter")
        << encapsulate(b, "Content-Disposition: form-data; name=\"a\" x\r\n", "1") + closeLine(b)
        << defaults << Kind::Malformed;
    QTest::newRow("two Content-Disposition headers")
        << encapsulate(b,
               "Content-Disposition: form-data; name=a\r\n"
               "Content-Disposition: form-data; name=b\r\n",
               "1")
            + closeLine(b)
        << defaults << Kind::Malformed;
    QTest::newRow("header line without colon")
        << encapsulate(b, "Content-Disposition: form-data; name=a\r\nbad header line\r\n", "1")
            + closeLine(b)
        << defaults << Kind::Malformed;
    QTest::newRow("space before colon")
        << encapsulate(b, "Content-Disposition : form-data; name=a\r\n", "1") + closeLine(b)
        << defaults << Kind::Malformed;
    QTest::newRow("folded header")
        << encapsulate(b, "Content-Disposition: form-data;\r\n name=a\r\n", "1") + closeLine(b)
        << defaults << Kind::Malformed;
    QTest::newRow("control character in a header")
        << encapsulate(b, "Content-Disposition: form-data; name=\"a\x01\"\r\n", "1") + closeLine(b)
        << defaults << Kind::Malformed;
    QTest::newRow("bare CR in a header")
        << encapsulate(b, "Content-Disposition: form-data; name=a\rX: y\r\n", "1") + closeLine(b)
        << defaults << Kind::Malformed;
    QTest::newRow("duplicate field")
        << a + field(b, "b", "2") + a + closeLine(b) << defaults << Kind::DuplicateField;
    QTest::newRow("duplicate file")
        << encapsulate(b, fileHeader, "x") + encapsulate(b, fileHeader, "y") + closeLine(b)
        << defaults << Kind::DuplicateField;
    QTest::newRow("huge header line")
        << encapsulate(b, "X-Filler: " + QByteArray(3000, 'x') + "\r\n", "1") + closeLine(b)
        << defaults << Kind::HeadersTooLarge;
    QByteArray manyLines;
    for (int i = 0; i < 10; ++i)
        manyLines += "X-Filler: 0123456789\r\n";
    QTest::newRow("too many header lines")
        << encapsulate(b, "Content-Disposition: form-data; name=a\r\n" + manyLines, "1")
            + closeLine(b)
        << small << Kind::HeadersTooLarge;
    // As in "all limits reached exactly", with one more byte of filler.
    const QByteArray disposition = "Content-Disposition: form-data; name=h\r\n";
    const QByteArray filler(small.maxHeaderBytes - disposition.size() - 5 - 2 + 1, 'x');
    QTest::newRow("header block one byte too large")
        << encapsulate(b, disposition + "X: " + filler + "\r\n", "") + closeLine(b) << small
        << Kind::HeadersTooLarge;
    QTest::newRow("header without end")
        << boundaryLine(b) + QByteArray(500, 'x') << small << Kind::HeadersTooLarge;
    QTest::newRow("too many parts")
        << a + field(b, "b", "2") + field(b, "c", "3") + field(b, "d", "4") + closeLine(b) << small
        << Kind::TooManyParts;
    QByteArray nine;
    for (char c = 'a'; c <= 'i'; ++c)
        nine += field(b, QByteArrayView(&c, 1), "x");
    QTest::newRow("nine parts") << nine + closeLine(b) << defaults << Kind::TooManyParts;
    QTest::newRow("file too large") << encapsulate(b, fileHeader, QByteArray(65, 'f'))
            + closeLine(b) << small << Kind::PartTooLarge;
    QTest::newRow("file too large, no end") << boundaryLine(b) + fileHeader + "\r\n"
            + QByteArray(200, 'f') << small << Kind::PartTooLarge;
    QTest::newRow("field too large")
        << field(b, "a", QByteArray(17, 'a')) + closeLine(b) << small << Kind::FieldTooLarge;
    QTest::newRow("default field limit")
        << field(b, "a", QByteArray(4097, 'a')) + closeLine(b) << defaults << Kind::FieldTooLarge;
    QTest::newRow("body too large, in the epilogue") << a + field(b, "b", "2") + closeLine(b)
            + QByteArray(1000, 'e') << small << Kind::BodyTooLarge;
    QTest::newRow("first error wins: malformed before too large")
        << "--xyz\r\nbad\r\n"_ba + QByteArray(2000, 'x') << small << Kind::Malformed;
}

void TestMultipart::invalidBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(MultipartLimits, limits);
    QFETCH(Kind, kind);

    const QByteArray contentType = "multipart/form-data; boundary=" + kShortBoundary.toByteArray();
    const auto result = parseMultipart(contentType, body, limits);
    QVERIFY(!result.ok());
    const bool tooLarge = kind == Kind::HeadersTooLarge || kind == Kind::PartTooLarge
        || kind == Kind::FieldTooLarge || kind == Kind::BodyTooLarge;
    QCOMPARE(result.error().code,
        tooLarge ? QString(Protocol::ErrorCode::PayloadTooLarge)
                 : QString(Protocol::ErrorCode::MalformedMultipart));
    QCOMPARE(httpStatusFor(result.error()), tooLarge ? 413 : 400);
    QVERIFY(!result.error().message.isEmpty());

    MultipartParser parser(kShortBoundary.toByteArray(), limits);
    parser.feed(body);
    QVERIFY(!parser.finish());
    QVERIFY(parser.error());
    QCOMPARE(parser.error()->kind, kind);
    QCOMPARE(httpStatusFor(parser.error()->code()), tooLarge ? 413 : 400);
    QCOMPARE(parser.error()->toError().code, result.error().code);

    checkEveryChunking(kShortBoundary, body, limits, Outcome { {}, kind });
}

void TestMultipart::partTooLargeStopsEarly_data()
{
    QTest::addColumn<bool>("isFile");
    QTest::newRow("file over 5 MB") << true;
    QTest::newRow("field over 4 KiB") << false;
}

// A client streaming an oversized photo is cut off at the limit, not after the whole body.
void TestMultipart::partTooLargeStopsEarly()
{
    QFETCH(bool, isFile);
    const MultipartLimits limits;
    const qint64 limit = isFile ? limits.maxPartBytes : limits.maxFieldBytes;
    const QByteArray head = boundaryLine(kShortBoundary)
        + (isFile ? "Content-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n"
                    "Content-Type: image/jpeg\r\n\r\n"_ba
                  : "Content-Disposition: form-data; name=\"puddingName\"\r\n\r\n"_ba);
    constexpr qsizetype chunkSize = 1000;
    const QByteArray chunk(chunkSize, '\x5a');

    MultipartParser parser(kShortBoundary.toByteArray(), limits);
    QVERIFY(parser.feed(head));
    qint64 fed = 0;
    int chunks = 0;
    while (parser.feed(chunk)) {
        fed += chunkSize;
        QVERIFY2(++chunks < 10000, "the parser never stopped");
        QVERIFY(parser.parts().last().data.capacity() <= limit);
    }
    fed += chunkSize;
    QCOMPARE(parser.error()->kind, isFile ? Kind::PartTooLarge : Kind::FieldTooLarge);
    QCOMPARE(httpStatusFor(parser.error()->code()), 413);
    // Stopped in the chunk that crossed the limit.
    QVERIFY(fed > limit);
    QVERIFY(fed <= limit + chunkSize);
    QVERIFY(parser.parts().last().data.size() <= limit);
    QVERIFY(parser.parts().last().data.capacity() <= limit);
    // Later bytes are not even looked at.
    QVERIFY(!parser.feed("\r\n--xyz--\r\n"));
    QVERIFY(!parser.finish());
    QCOMPARE(parser.error()->kind, isFile ? Kind::PartTooLarge : Kind::FieldTooLarge);
}

// Bytes that may begin a delimiter are held back, never handed out as data and taken back.
void TestMultipart::delimiterSplitAcrossFeeds()
{
    MultipartParser parser(kShortBoundary.toByteArray());
    QVERIFY(parser.feed("--xyz\r\nContent-Disposition: form-data; name=a\r\n\r\n12\r\n--x"));
    QCOMPARE(parser.parts().size(), 1);
    QCOMPARE(parser.parts().last().data, "12");
    QVERIFY(parser.feed("y"));
    QCOMPARE(parser.parts().last().data, "12");
    QVERIFY(parser.feed("q\r"));
    QCOMPARE(parser.parts().last().data, "12\r\n--xyq");
    QVERIFY(parser.feed("\r\n-"));
    QCOMPARE(parser.parts().last().data, "12\r\n--xyq\r");
    QVERIFY(parser.feed("-xyz"));
    QVERIFY(!parser.isComplete());
    QVERIFY(parser.feed("-"));
    QVERIFY(parser.feed("-"));
    QVERIFY(parser.isComplete());
    QVERIFY(parser.finish());
    QCOMPARE(parser.parts().last().data, "12\r\n--xyq\r");
}

// The client picks the boundary. With 70 'a's and a photo of 'a's, a skip-table search
// (QByteArrayMatcher) compares ~70 bytes per byte; the parser must still get every byte right.
// (How long it takes is a benchmark's business, not a test's.)
void TestMultipart::longBoundaryStaysLinear()
{
    const QByteArray boundary(70, 'a');
    const QByteArray nearMiss = "\r\n--" + QByteArray(69, 'a') + 'b';
    const QByteArray photo = QByteArray(3'400'000, 'a') + nearMiss.repeated(20'000);
    const QByteArray body = "--" + boundary
        + "\r\nContent-Disposition: form-data; name=photo; filename=p\r\n\r\n" + photo + "\r\n--"
        + boundary + "--\r\n";
    for (const qsizetype chunkSize : { body.size(), qsizetype(16384), qsizetype(1000) }) {
        MultipartParser parser(boundary);
        for (qsizetype at = 0; at < body.size(); at += chunkSize)
            QVERIFY(
                parser.feed(QByteArrayView(body).sliced(at, qMin(chunkSize, body.size() - at))));
        QVERIFY(parser.finish());
        QCOMPARE(parser.parts().size(), 1);
        QVERIFY(parser.parts().first().data == photo);
    }
}

void TestMultipart::errorIsSticky()
{
    MultipartParser parser(kShortBoundary.toByteArray());
    QVERIFY(!parser.feed("--xyz\r\nno colon\r\n"));
    QCOMPARE(parser.error()->kind, Kind::Malformed);
    const QString message = parser.error()->message;
    QVERIFY(!parser.feed("Content-Disposition: form-data; name=a\r\n\r\n1\r\n--xyz--\r\n"));
    QVERIFY(!parser.finish());
    QCOMPARE(parser.error()->kind, Kind::Malformed);
    QCOMPARE(parser.error()->message, message);

    MultipartParser finished(kShortBoundary.toByteArray());
    QVERIFY(finished.feed(QByteArray(field(kShortBoundary, "a", "1") + closeLine(kShortBoundary))));
    QVERIFY(finished.finish());
    QVERIFY(finished.finish());
    QVERIFY(!finished.feed("more"));
    QVERIFY(!finished.error());
    QCOMPARE(finished.parts().size(), 1);
}

void TestMultipart::realCurl_data()
{
    QTest::addColumn<QStringList>("extraArguments");
    QTest::addColumn<QByteArray>("oddName");
    // curl percent-encodes '"' in names by default, and backslash-escapes it with --form-escape.
    QTest::newRow("default") << QStringList() << QByteArray("a%22b");
    QTest::newRow("--form-escape") << QStringList { u"--form-escape"_s } << QByteArray("a\"b");
}

void TestMultipart::realCurl()
{
    QFETCH(QStringList, extraArguments);
    QFETCH(QByteArray, oddName);
    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    if (curl.isEmpty())
        QSKIP("curl is not installed");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray photo = trickyPhoto("------------------------0123456789abcdef");
    for (int i = 0; i < 20000; ++i)
        photo += char(QRandomGenerator::global()->bounded(256));
    QFile file(dir.filePath(u"p.jpg"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(photo);
    file.close();

    RequestCatcher catcher;
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(curl,
        extraArguments
            + QStringList {
                u"-sS"_s,
                u"-H"_s,
                u"Expect:"_s,
                u"-F"_s,
                u"puddingName=Vanille \u00e4"_s,
                u"-F"_s,
                u"puddingDescription=Mit\r\nSahne"_s,
                u"-F"_s,
                u"photo=@p.jpg"_s,
                u"-F"_s,
                u"a\"b=x"_s,
                u"http://127.0.0.1:%1/api/attendance/events/1/join"_s.arg(catcher.port()),
            });
    QTRY_VERIFY_WITH_TIMEOUT(catcher.done(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 10000);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    const auto result = parseMultipart(catcher.contentType(), catcher.body());
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const auto &parts = result.value();
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts[0], makePart("puddingName", "Vanille \xc3\xa4"));
    QCOMPARE(parts[1].name, "puddingDescription");
    QCOMPARE(parts[1].data, "Mit\r\nSahne");
    QCOMPARE(parts[2].name, "photo");
    QCOMPARE(parts[2].filename, "p.jpg");
    QCOMPARE(parts[2].contentType, "image/jpeg");
    QVERIFY(parts[2].isFile());
    QVERIFY(parts[2].data == photo);
    QCOMPARE(parts[3].name, oddName);

    const auto boundary = multipartBoundary(catcher.contentType());
    QVERIFY(boundary);
    checkEveryChunking(
        *boundary, catcher.body().first(600), {}, Outcome { {}, Kind::NoFinalBoundary });
}

void TestMultipart::realQHttpMultiPart()
{
    const QByteArray photo
        = trickyPhoto("boundary_.oOo._AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") + "\xff\xd9";
    auto *multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart name;
    name.setHeader(QNetworkRequest::ContentDispositionHeader, u"form-data; name=\"puddingName\""_s);
    name.setBody("Karamell");
    QHttpPart description;
    description.setHeader(QNetworkRequest::ContentTypeHeader, u"text/plain; charset=utf-8"_s);
    description.setHeader(
        QNetworkRequest::ContentDispositionHeader, u"form-data; name=\"puddingDescription\""_s);
    description.setBody("S\xc3\xbc\xc3\x9f");
    QHttpPart image;
    image.setHeader(QNetworkRequest::ContentTypeHeader, u"image/jpeg"_s);
    image.setHeader(QNetworkRequest::ContentDispositionHeader,
        u"form-data; name=\"photo\"; filename=\"pudding.jpg\""_s);
    image.setBody(photo);
    multiPart->append(name);
    multiPart->append(description);
    multiPart->append(image);

    RequestCatcher catcher;
    QNetworkAccessManager manager;
    QNetworkRequest request(
        QUrl(u"http://127.0.0.1:%1/api/attendance/events/1/join"_s.arg(catcher.port())));
    std::unique_ptr<QNetworkReply> reply(manager.post(request, multiPart));
    multiPart->setParent(reply.get());
    QTRY_VERIFY_WITH_TIMEOUT(catcher.done(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);

    const auto boundary = multipartBoundary(catcher.contentType());
    QVERIFY2(boundary, catcher.contentType().constData());
    QVERIFY(boundary->startsWith("boundary_.oOo._"));
    const auto result = parseMultipart(catcher.contentType(), catcher.body());
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const auto &parts = result.value();
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts[0], makePart("puddingName", "Karamell"));
    QCOMPARE(parts[1],
        makePart("puddingDescription", "S\xc3\xbc\xc3\x9f", {}, "text/plain; charset=utf-8"));
    QCOMPARE(parts[2].filename, "pudding.jpg");
    QCOMPARE(parts[2].contentType, "image/jpeg");
    QVERIFY(parts[2].data == photo);

    checkEveryChunking(*boundary, catcher.body(), {}, Outcome { parts, {} });
}

QTEST_GUILESS_MAIN(TestMultipart)
#include "tst_multipart.moc"
