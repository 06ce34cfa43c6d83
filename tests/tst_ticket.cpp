// SPDX-License-Identifier: GPL-3.0-or-later
// The ticket payload on its own (shared/ticket): signing, parsing, every verdict of the offline
// check, and the ticket number as people type it.
#include "shared/ticket.h"

#include <QObject>
#include <QTest>
#include <QTimeZone>
#include <QtEndian>

#include <sodium.h>

using namespace Qt::StringLiterals;
using namespace Pudding;
using Tickets::Verdict;

Q_DECLARE_METATYPE(Pudding::Tickets::Verdict)

namespace {

struct KeyPair
{
    QByteArray publicKey;
    QByteArray secretKey;
};

KeyPair newKeyPair()
{
    KeyPair k { QByteArray(crypto_sign_PUBLICKEYBYTES, '\0'),
        QByteArray(crypto_sign_SECRETKEYBYTES, '\0') };
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(k.publicKey.data()),
        reinterpret_cast<unsigned char *>(k.secretKey.data()));
    return k;
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

/// base64url without padding, as the payload uses it.
QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray unb64(QStringView text)
{
    return QByteArray::fromBase64(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

class TstTicket : public QObject
{
    Q_OBJECT

    KeyPair m_key;
    KeyPair m_other;
    Tickets::TicketClaims m_claims;
    QString m_payload;

    [[nodiscard]] QHash<QString, QByteArray> keys() const
    {
        return { { u"k2026a"_s, m_key.publicKey }, { u"k2026b"_s, m_other.publicKey } };
    }
    /// The payload with its part `index` (0 PG1, 1 kid, 2 body, 3 signature) replaced.
    [[nodiscard]] QString withPart(int index, const QString &part) const
    {
        QStringList parts = m_payload.split(u'.');
        parts[index] = part;
        return parts.join(u'.');
    }
    [[nodiscard]] QString withByteFlipped(int index, int byte) const
    {
        QByteArray bytes = unb64(m_payload.split(u'.').at(index));
        bytes[byte] = char(bytes.at(byte) ^ 0x01);
        return withPart(index, b64(bytes));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        m_key = newKeyPair();
        m_other = newKeyPair();
        m_claims.ticketId = 7;
        m_claims.eventId = 3;
        m_claims.userId = 12;
        m_claims.validFrom = utc(2026, 12, 24, 6, 0);
        m_claims.validUntil = utc(2026, 12, 25, 8, 0);
        m_claims.seed = QByteArray::fromHex("00112233445566778899aabbccddeeff");
        m_payload = Tickets::sign(m_claims, u"k2026a"_s, m_key.secretKey);
        QVERIFY(!m_payload.isEmpty());
    }

    void roundTrip()
    {
        QVERIFY(m_payload.startsWith(u"PG1.k2026a."_s));
        QVERIFY(!m_payload.contains(u'='));
        // Ed25519 is deterministic: serving the same ticket twice gives the same code.
        QCOMPARE(Tickets::sign(m_claims, u"k2026a"_s, m_key.secretKey), m_payload);

        const auto parsed = Tickets::parse(m_payload);
        QVERIFY(parsed);
        QCOMPARE(parsed->kid, u"k2026a"_s);
        QCOMPARE(parsed->claims.ticketId, 7);
        QCOMPARE(parsed->claims.eventId, 3);
        QCOMPARE(parsed->claims.userId, 12);
        QCOMPARE(parsed->claims.validFrom, m_claims.validFrom);
        QCOMPARE(parsed->claims.validUntil, m_claims.validUntil);
        QCOMPARE(parsed->claims.seed, m_claims.seed);
        QCOMPARE(parsed->body, Tickets::encodeBody(m_claims));
        QCOMPARE(parsed->body.size(), Tickets::BodySize);
        QCOMPARE(parsed->signature.size(), Tickets::SignatureSize);

        Tickets::SignedTicket out;
        QCOMPARE(
            Tickets::verify(m_payload, keys(), 3, utc(2026, 12, 24, 18, 0), &out), Verdict::Valid);
        QCOMPARE(out.claims.ticketId, 7);
        QCOMPARE(out.kid, u"k2026a"_s);
    }

    void bodyLayout()
    {
        // Big-endian, fixed offsets: what a scanner in another language would read.
        const QByteArray body = Tickets::encodeBody(m_claims);
        QCOMPARE(body.left(8), QByteArray::fromHex("0000000000000007"));
        QCOMPARE(body.mid(8, 8), QByteArray::fromHex("0000000000000003"));
        QCOMPARE(body.mid(16, 8), QByteArray::fromHex("000000000000000c"));
        const qint64 from = m_claims.validFrom.toSecsSinceEpoch();
        QCOMPARE(qint64(qFromBigEndian<quint64>(body.constData() + 24)), from);
        QCOMPARE(body.mid(40), m_claims.seed);
    }

    void verdicts_data()
    {
        QTest::addColumn<QString>("payload");
        QTest::addColumn<qint64>("eventId");
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<Verdict>("expected");
        const QDateTime during = utc(2026, 12, 24, 18, 0);
        QTest::newRow("valid") << m_payload << qint64(3) << during << Verdict::Valid;
        QTest::newRow("first second of the window")
            << m_payload << qint64(3) << m_claims.validFrom << Verdict::Valid;
        QTest::newRow("last second of the window")
            << m_payload << qint64(3) << m_claims.validUntil << Verdict::Valid;
        QTest::newRow("a second early")
            << m_payload << qint64(3) << m_claims.validFrom.addSecs(-1) << Verdict::NotYetValid;
        QTest::newRow("a second late")
            << m_payload << qint64(3) << m_claims.validUntil.addSecs(1) << Verdict::Expired;
        QTest::newRow("other event") << m_payload << qint64(4) << during << Verdict::OtherEvent;
        for (int byte : { 0, 15, 39, 40, 55 })
            QTest::addRow("body byte %d changed", byte)
                << withByteFlipped(2, byte) << qint64(3) << during << Verdict::BadSignature;
        for (int byte : { 0, 31, 63 })
            QTest::addRow("signature byte %d changed", byte)
                << withByteFlipped(3, byte) << qint64(3) << during << Verdict::BadSignature;
        QTest::newRow("other event in the body, signature kept") << [this] {
            Tickets::TicketClaims c = m_claims;
            c.eventId = 4;
            return withPart(2, b64(Tickets::encodeBody(c)));
        }() << qint64(4) << during << Verdict::BadSignature;
        QTest::newRow("signed with another key under this kid")
            << Tickets::sign(m_claims, u"k2026a"_s, m_other.secretKey) << qint64(3) << during
            << Verdict::BadSignature;
        QTest::newRow("kid of the other key, this key's signature")
            << withPart(1, u"k2026b"_s) << qint64(3) << during << Verdict::BadSignature;
        QTest::newRow("unknown kid") << Tickets::sign(m_claims, u"k2025z"_s, m_key.secretKey)
                                     << qint64(3) << during << Verdict::UnknownKey;
        QTest::newRow("retired key left out of the bundle") << Tickets::sign(m_claims, u"k2024x"_s,
            newKeyPair().secretKey) << qint64(3) << during << Verdict::UnknownKey;

        const QStringList malformed {
            QString(),
            u"PG1."_s,
            u"hello"_s,
            m_payload.mid(1),
            u"PG2"_s + m_payload.mid(3),
            u"pg1"_s + m_payload.mid(3),
            withPart(1, u"k20"_s), // kid too short
            withPart(1, u"k2026a!"_s), // kid with a character outside the set
            withPart(1, u"k2026\u00e4"_s),
            withPart(1, QString(33, u'k')),
            withPart(2, QString()),
            withPart(2, m_payload.split(u'.').at(2) + u"AAAA"_s), // body too long
            withPart(2, b64(Tickets::encodeBody(m_claims).left(55))), // body too short
            withPart(3, b64(QByteArray(63, 'x'))), // signature too short
            withPart(2, m_payload.split(u'.').at(2) + u"="_s), // padding
            withPart(2,
                QString(m_payload.split(u'.').at(2)).replace(u'-', u'+').replace(u'_', u'/')
                    + u"+/"_s), // standard alphabet
            m_payload + u".extra"_s,
            m_payload.left(m_payload.lastIndexOf(u'.')),
            m_payload + u" "_s,
            u" "_s + m_payload,
            QString(600, u'A'),
        };
        for (qsizetype i = 0; i < malformed.size(); ++i)
            QTest::addRow("malformed %lld", qlonglong(i))
                << malformed.at(i) << qint64(3) << during << Verdict::Malformed;

        // The last character of the 56-byte body carries 2 unused bits: setting one gives a
        // different string for the same bytes, which must not count as the same ticket.
        QString body = m_payload.split(u'.').at(2);
        const QString alphabet
            = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"_s;
        const qsizetype last = alphabet.indexOf(body.back());
        body.back() = alphabet.at((last & ~0x3) | ((last + 1) & 0x3));
        QVERIFY(unb64(body) == unb64(m_payload.split(u'.').at(2)));
        QTest::newRow("non-canonical base64")
            << withPart(2, body) << qint64(3) << during << Verdict::Malformed;
    }
    void verdicts()
    {
        QFETCH(QString, payload);
        QFETCH(qint64, eventId);
        QFETCH(QDateTime, at);
        QFETCH(Verdict, expected);
        QCOMPARE(Tickets::verify(payload, keys(), eventId, at), expected);
        if (expected == Verdict::Malformed)
            QVERIFY(!Tickets::parse(payload));
    }

    void signRefusesBadInput()
    {
        QVERIFY(Tickets::sign(m_claims, u"k2026a"_s, m_key.secretKey.left(32)).isEmpty());
        QVERIFY(Tickets::sign(m_claims, u"k!"_s, m_key.secretKey).isEmpty());
        Tickets::TicketClaims c = m_claims;
        c.seed = c.seed.left(8);
        QVERIFY(Tickets::sign(c, u"k2026a"_s, m_key.secretKey).isEmpty());
    }

    void numbers_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("as stored") << u"ABCD2345"_s << u"ABCD2345"_s;
        QTest::newRow("displayed form") << u"ABCD-2345"_s << u"ABCD2345"_s;
        QTest::newRow("lower case, spaces") << u" abcd 2345 "_s << u"ABCD2345"_s;
        QTest::newRow("dashes everywhere") << u"-a-b-c-d-2-3-4-5-"_s << u"ABCD2345"_s;
        QTest::newRow("whole alphabet, last 8") << u"stuvwxyz"_s << u"STUVWXYZ"_s;
        QTest::newRow("too short") << u"ABCD234"_s << QString();
        QTest::newRow("too long") << u"ABCD23456"_s << QString();
        QTest::newRow("zero") << u"ABCD2340"_s << QString();
        QTest::newRow("letter O") << u"ABCD234O"_s << QString();
        QTest::newRow("one") << u"ABCD2341"_s << QString();
        QTest::newRow("letter I") << u"ABCD234I"_s << QString();
        QTest::newRow("letter L") << u"ABCD234L"_s << QString();
        QTest::newRow("lower l") << u"abcd234l"_s << QString();
        QTest::newRow("other punctuation") << u"ABCD.2345"_s << QString();
        QTest::newRow("non-ASCII") << u"ÄBCD2345"_s << QString();
        QTest::newRow("fullwidth letter") << u"\uff21BCD2345"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void numbers()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const auto normalized = Tickets::normalizeNumber(typed);
        QCOMPARE(normalized.value_or(QString()), expected);
        QCOMPARE(normalized.has_value(), !expected.isEmpty());
    }

    void formatting()
    {
        QCOMPARE(Tickets::formatNumber(u"ABCD2345"_s), u"ABCD-2345"_s);
        QCOMPARE(Tickets::normalizeNumber(Tickets::formatNumber(u"ABCD2345"_s)).value_or(QString()),
            u"ABCD2345"_s);
        QCOMPARE(Tickets::formatNumber(u"ABC"_s), u"ABC"_s);
        QCOMPARE(QString::fromLatin1(Tickets::NumberAlphabet).size(), 31);
    }
};

QTEST_GUILESS_MAIN(TstTicket)
#include "tst_ticket.moc"
