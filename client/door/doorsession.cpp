// SPDX-License-Identifier: GPL-3.0-or-later
#include "doorsession.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "chat/chatrooms.h"
#include "chat/liveconnection.h"
#include "door/doorguestsmodel.h"
#include "door/qrdecoder.h"
#include "shared/futures.h"
#include "shared/ticket.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QtConcurrent>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDoor, "pudding.client.door", QtInfoMsg)

namespace Pudding::Client {

namespace {

QDateTime parseTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString timeString(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

/// "18:04" in the machine's time zone, as the door staff read the clock.
QString clockTime(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime().time(), u"HH:mm"_s);
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcDoor) << "cannot write" << path << file.errorString();
        return false;
    }
    file.write(bytes);
    if (!file.commit()) {
        qCWarning(lcDoor) << "cannot write" << path << file.errorString();
        return false;
    }
    return true;
}

QJsonObject scanToJson(const DoorSession::Scan &scan)
{
    QJsonObject o { { u"nonce"_s, scan.nonce }, { u"scannedAt"_s, timeString(scan.scannedAt) },
        { u"localTicketId"_s, scan.ticketId } };
    if (!scan.qr.isEmpty())
        o.insert(u"qr"_s, scan.qr);
    if (!scan.number.isEmpty())
        o.insert(u"number"_s, scan.number);
    if (scan.uploadTicketId > 0)
        o.insert(u"ticketId"_s, scan.uploadTicketId);
    return o;
}

DoorSession::Scan scanFromJson(const QJsonObject &o)
{
    DoorSession::Scan scan;
    scan.nonce = o.value("nonce"_L1).toString();
    scan.scannedAt = parseTime(o.value("scannedAt"_L1));
    scan.ticketId = o.value("localTicketId"_L1).toInteger();
    scan.qr = o.value("qr"_L1).toString();
    scan.number = o.value("number"_L1).toString();
    scan.uploadTicketId = o.value("ticketId"_L1).toInteger();
    return scan;
}

/// The scan as POST …/checkins takes it.
QJsonObject scanToUpload(const DoorSession::Scan &scan)
{
    QJsonObject o { { u"nonce"_s, scan.nonce }, { u"scannedAt"_s, timeString(scan.scannedAt) } };
    if (!scan.qr.isEmpty())
        o.insert(u"qr"_s, scan.qr);
    else if (!scan.number.isEmpty())
        o.insert(u"number"_s, scan.number);
    else
        o.insert(u"ticketId"_s, scan.uploadTicketId);
    return o;
}

} // namespace

/// What the disk holds for a meetup, read on the disk thread.
struct DoorSession::DiskState
{
    Bundle bundle;
    QList<Scan> queue;
    QHash<qint64, QString> photos;
};

DoorSession::DoorSession(QObject *parent)
    : QObject(parent)
    , m_cacheRoot(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/door"_s)
    , m_deviceId(defaultDeviceId())
    , m_in(new DoorGuestsModel(DoorGuestsModel::Kind::In, this))
    , m_notYet(new DoorGuestsModel(DoorGuestsModel::Kind::NotYet, this))
{
    m_disk.setMaxThreadCount(1);
    m_syncTimer.setSingleShot(true);
    connect(&m_syncTimer, &QTimer::timeout, this, &DoorSession::upload);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (!m_bundle.valid || !m_online)
            fetchBundle();
        scheduleSync();
    });
}

DoorSession::~DoorSession()
{
    // The last queue must reach the disk: scans are facts.
    m_disk.waitForDone();
}

QString DoorSession::defaultDeviceId()
{
    QSettings settings;
    QString id = settings.value(u"door/deviceId"_s).toString();
    if (id.isEmpty()) {
        id = u"door-"_s + QString::number(QRandomGenerator::system()->generate64(), 36).left(12);
        settings.setValue(u"door/deviceId"_s, id);
    }
    return id;
}

QString DoorSession::newNonce()
{
    QByteArray bytes(18, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(
        reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    // 18 bytes = 4 full words + 2 more
    const quint32 tail = QRandomGenerator::system()->generate();
    bytes[16] = char(tail & 0xff);
    bytes[17] = char((tail >> 8) & 0xff);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QStringList DoorSession::keyIds(const Bundle &bundle)
{
    QStringList ids;
    for (auto it = bundle.keys.cbegin(); it != bundle.keys.cend(); ++it)
        ids.append(it.key() + u':'
            + QString::fromLatin1(it.value().toBase64(
                QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    ids.sort();
    return ids;
}

QString DoorSession::cacheDir() const
{
    return m_cacheRoot + u'/' + QString::number(m_eventId);
}

QUrl DoorSession::photoUrl(qint64 photoId) const
{
    const QString file = m_photoFiles.value(photoId);
    return file.isEmpty() ? QUrl() : QUrl::fromLocalFile(file);
}

// ---- opening --------------------------------------------------------------------------------

void DoorSession::openWithAccount(qint64 eventId)
{
    open(ApiClient::instance(), eventId, ChatRooms::instance());
}

void DoorSession::openWithDoorToken(const QUrl &serverUrl, qint64 eventId, const QString &token)
{
    close();
    m_ownApi = std::make_unique<ApiClient>();
    m_ownApi->setBaseUrl(serverUrl);
    m_ownApi->setToken(token.trimmed().toLatin1(), "Door");
    m_ownLive = std::make_unique<LiveConnection>(m_ownApi.get());
    m_ownRouter = std::make_unique<ChatRooms>(m_ownApi.get(), m_ownLive.get());
    open(m_ownApi.get(), eventId, m_ownRouter.get());
    m_ownLive->start();
}

bool DoorSession::openWithDoorCode(const QString &code)
{
    const QStringList parts = code.trimmed().split(u'.');
    bool ok = false;
    const qint64 eventId = parts.value(1).toLongLong(&ok);
    if (parts.size() != 3 || parts.at(0) != "PGDOOR1"_L1 || !ok || eventId <= 0
        || parts.at(2).size() < 20 || !ApiClient::instance())
        return false;
    openWithDoorToken(ApiClient::instance()->baseUrl(), eventId, parts.at(2));
    return true;
}

void DoorSession::createDoorCode(const QString &label, int validHours)
{
    if (!m_api || m_eventId == 0 || m_ownApi)
        return;
    const qint64 eventId = m_eventId;
    ApiCall *call = m_api->post(Endpoints::doorTokens(eventId),
        { { u"label"_s, label.trimmed() }, { u"validHours"_s, validHours } });
    connect(call, &ApiCall::finished, this, [this, call, eventId] {
        if (eventId != m_eventId)
            return;
        if (!call->ok()) {
            setError(call->error() ? call->error()->message : QString());
            return;
        }
        const QJsonObject o = call->object();
        Q_EMIT doorCodeCreated(u"PGDOOR1.%1.%2"_s.arg(eventId).arg(o.value("token"_L1).toString()),
            parseTime(o.value("expiresAt"_L1)));
    });
}

void DoorSession::open(ApiClient *api, qint64 eventId, ChatRooms *live)
{
    if (eventId <= 0 || !api)
        return;
    if (m_eventId != 0 && (api != m_api || eventId != m_eventId))
        close();
    m_api = api;
    m_router = live;
    m_eventId = eventId;
    m_accessRefused = false;
    m_error.clear();
    if (m_api) {
        connect(m_api, &ApiClient::reachableChanged, this, [this] {
            if (m_api && m_api->isReachable() && !m_online)
                reload();
        });
        connect(m_api, &ApiClient::sessionEnded, this, [this] { refuseAccess(nullptr); });
    }
    if (m_router)
        connect(m_router, &ChatRooms::checkinUpdated, this, &DoorSession::applyCheckinFrame);
    Q_EMIT openedChanged();
    Q_EMIT statusChanged();
    loadFromDisk();
}

void DoorSession::close()
{
    ++m_generation;
    m_syncTimer.stop();
    m_retryTimer.stop();
    m_bundleAgain = false;
    if (m_uploading)
        m_uploading->abort();
    if (m_bundleCall)
        m_bundleCall->abort();
    if (m_photoCall)
        m_photoCall->abort();
    if (m_api)
        disconnect(m_api, nullptr, this, nullptr);
    if (m_router)
        disconnect(m_router, nullptr, this, nullptr);
    if (m_ownLive)
        m_ownLive->stop();
    m_ownRouter.reset();
    m_ownLive.reset();
    m_ownApi.reset();
    m_eventId = 0;
    m_bundle = {};
    m_version = 0;
    m_guests.clear();
    m_byNumber.clear();
    m_revoked.clear();
    m_revokedByNumber.clear();
    m_queue.clear();
    m_undoAfterUpload.clear();
    m_photoFiles.clear();
    m_photoQueue.clear();
    m_verdict.clear();
    m_online = false;
    m_in->rebuild();
    m_notYet->rebuild();
    updateCounts();
    Q_EMIT openedChanged();
    Q_EMIT bundleChanged();
    Q_EMIT queueChanged();
    Q_EMIT verdictChanged();
    Q_EMIT onlineChanged();
    Q_EMIT statusChanged();
}

void DoorSession::loadFromDisk()
{
    setLoading(true);
    const QString dir = cacheDir();
    const qint64 eventId = m_eventId;
    const int generation = m_generation;
    auto read = [dir, eventId] {
        DiskState state;
        QFile bundleFile(dir + u"/bundle.json"_s);
        if (bundleFile.open(QIODevice::ReadOnly)) {
            state.bundle = parseBundle(QJsonDocument::fromJson(bundleFile.readAll()).object());
            if (state.bundle.eventId != eventId)
                state.bundle = {};
        }
        QFile queueFile(dir + u"/queue.json"_s);
        if (queueFile.open(QIODevice::ReadOnly)) {
            const QJsonObject q = QJsonDocument::fromJson(queueFile.readAll()).object();
            // Scans belong to the server they were made for (a device may know several, with
            // the same meetup ids): the one whose signing keys the list has.
            const QStringList keys = q.value("keys"_L1).toVariant().toStringList();
            const QStringList known = keyIds(state.bundle);
            const bool sameServer = std::any_of(
                keys.cbegin(), keys.cend(), [&](const QString &k) { return known.contains(k); });
            if (q.value("eventId"_L1).toInteger() == eventId && sameServer) {
                for (const auto &v : q.value("scans"_L1).toArray()) {
                    Scan scan = scanFromJson(v.toObject());
                    if (!scan.nonce.isEmpty() && scan.scannedAt.isValid())
                        state.queue.append(scan);
                }
            }
        }
        const QDir photos(dir + u"/photos"_s);
        for (const QFileInfo &info : photos.entryInfoList({ u"*.jpg"_s }, QDir::Files)) {
            bool ok = false;
            const qint64 id = info.completeBaseName().toLongLong(&ok);
            if (ok && info.size() > 0)
                state.photos.insert(id, info.absoluteFilePath());
        }
        return state;
    };
    onFinished(QtConcurrent::run(&m_disk, read), this, [this, generation](const DiskState &state) {
        if (generation != m_generation)
            return;
        applyDiskState(state);
        fetchBundle();
    });
}

void DoorSession::applyDiskState(const DiskState &state)
{
    m_photoFiles = state.photos;
    // Scans made while the list was loading stay after the ones from the disk.
    QList<Scan> queue = state.queue;
    queue.append(m_queue);
    m_queue = queue;
    if (state.bundle.valid)
        applyBundle(state.bundle);
    else
        recomputeAll();
    Q_EMIT queueChanged();
    Q_EMIT statusChanged();
}

void DoorSession::reload()
{
    if (m_eventId == 0)
        return;
    fetchBundle();
}

void DoorSession::fetchBundle()
{
    if (!m_api || m_eventId == 0 || m_accessRefused)
        return;
    if (m_bundleCall) {
        // The one on the way may predate what we want to see.
        m_bundleAgain = true;
        return;
    }
    setLoading(true);
    const int generation = m_generation;
    ApiCall *call = m_api->get(Endpoints::checkinBundle(m_eventId));
    m_bundleCall = call;
    connect(call, &ApiCall::finished, this, [this, call, generation] {
        if (generation != m_generation)
            return;
        m_bundleCall = nullptr;
        noteNetworkResult(call);
        if (std::exchange(m_bundleAgain, false) && !call->isNetworkFailure()) {
            fetchBundle();
            return;
        }
        if (!call->ok()) {
            setLoading(false);
            if (call->status() == 401 || call->status() == 403 || call->status() == 404) {
                refuseAccess(call);
            } else if (!call->isNetworkFailure() && call->error()) {
                setError(call->error()->message);
            } else if (!m_bundle.valid) {
                setError(tr("No guest list yet: Door mode needs the network once to download "
                            "it."));
            }
            scheduleRetry();
            return;
        }
        // Parsing and the atomic write both off the GUI thread; the disk thread keeps the
        // order of the writes.
        const QByteArray body = call->rawBody();
        const QString path = cacheDir() + u"/bundle.json"_s;
        onFinished(QtConcurrent::run(&m_disk,
                       [body, path] {
                           Bundle bundle = parseBundle(QJsonDocument::fromJson(body).object());
                           if (bundle.valid)
                               writeFileAtomically(path, body);
                           return bundle;
                       }),
            this, [this, generation](const Bundle &bundle) {
                if (generation != m_generation)
                    return;
                setLoading(false);
                if (!bundle.valid || bundle.eventId != m_eventId) {
                    setError(tr("The server sent a guest list this app cannot read."));
                    return;
                }
                setError({});
                applyBundle(bundle);
                fetchPhotos();
                if (!m_queue.isEmpty())
                    scheduleSync();
            });
    });
}

// ---- the guest list -------------------------------------------------------------------------

DoorSession::Guest DoorSession::parseGuest(const QJsonObject &row)
{
    Guest g;
    g.ticketId = row.value("ticketId"_L1).toInteger();
    g.userId = row.value("userId"_L1).toInteger();
    g.photoId = row.value("photoId"_L1).toInteger();
    g.number = row.value("number"_L1).toString();
    g.name = row.value("name"_L1).toString();
    g.puddingName = row.value("puddingName"_L1).toString();
    g.serverCheckedInAt = parseTime(row.value("checkedInAt"_L1));
    g.serverDoubleEntries = row.value("doubleEntries"_L1).toInt();
    return g;
}

DoorSession::Bundle DoorSession::parseBundle(const QJsonObject &json)
{
    Bundle b;
    b.eventId = json.value("eventId"_L1).toInteger();
    b.version = json.value("version"_L1).toInteger();
    b.generatedAt = parseTime(json.value("generatedAt"_L1));
    const QJsonObject event = json.value("event"_L1).toObject();
    b.title = event.value("title"_L1).toString();
    b.startTime = parseTime(event.value("startTime"_L1));
    b.endTime = parseTime(event.value("endTime"_L1));
    b.cancelled = event.value("cancelled"_L1).toBool();
    for (const auto &v : json.value("keys"_L1).toArray()) {
        const QJsonObject k = v.toObject();
        const QByteArray key = QByteArray::fromBase64(k.value("publicKey"_L1).toString().toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        if (key.size() == 32)
            b.keys.insert(k.value("kid"_L1).toString(), key);
    }
    for (const auto &v : json.value("guests"_L1).toArray()) {
        Guest g = parseGuest(v.toObject());
        if (g.ticketId > 0)
            b.guests.append(g);
    }
    for (const auto &v : json.value("revoked"_L1).toArray()) {
        const QJsonObject r = v.toObject();
        Revocation rev { r.value("ticketId"_L1).toInteger(), r.value("number"_L1).toString(),
            r.value("reason"_L1).toString(), parseTime(r.value("revokedAt"_L1)) };
        if (rev.ticketId > 0)
            b.revoked.append(rev);
    }
    b.valid = b.eventId > 0 && json.contains("guests"_L1) && json.contains("keys"_L1);
    return b;
}

void DoorSession::applyBundle(const Bundle &bundle)
{
    m_bundle = bundle;
    m_version = bundle.version;
    m_guests.clear();
    m_byNumber.clear();
    for (const Guest &g : bundle.guests) {
        m_guests.insert(g.ticketId, g);
        m_byNumber.insert(g.number, g.ticketId);
    }
    m_revoked.clear();
    m_revokedByNumber.clear();
    for (const Revocation &r : bundle.revoked) {
        m_revoked.insert(r.ticketId, r);
        m_revokedByNumber.insert(r.number, r.ticketId);
    }
    recomputeAll();
    Q_EMIT bundleChanged();
    Q_EMIT statusChanged();
}

void DoorSession::applyGuestRow(const Guest &row)
{
    if (row.ticketId <= 0)
        return;
    Guest &g = m_guests[row.ticketId];
    const QString oldNumber = g.number;
    g.ticketId = row.ticketId;
    g.userId = row.userId;
    g.photoId = row.photoId;
    g.number = row.number;
    g.name = row.name;
    g.puddingName = row.puddingName;
    g.serverCheckedInAt = row.serverCheckedInAt;
    g.serverDoubleEntries = row.serverDoubleEntries;
    if (oldNumber != g.number)
        m_byNumber.remove(oldNumber);
    m_byNumber.insert(g.number, g.ticketId);
    recompute(g.ticketId);
}

void DoorSession::applyCheckinFrame(qint64 eventId, const QJsonObject &frame)
{
    if (eventId != m_eventId || !m_bundle.valid)
        return;
    const qint64 version = frame.value("version"_L1).toInteger();
    if (version > 0 && version <= m_version)
        return; // what we have is as new or newer
    for (const auto &v : frame.value("guests"_L1).toArray())
        applyGuestRow(parseGuest(v.toObject()));
    // Revoked since the list was loaded (left, declined, cancelled): refused from now on.
    for (const auto &v : frame.value("revoked"_L1).toArray()) {
        const QJsonObject r = v.toObject();
        const Revocation rev { r.value("ticketId"_L1).toInteger(), r.value("number"_L1).toString(),
            r.value("reason"_L1).toString(), parseTime(r.value("revokedAt"_L1)) };
        if (rev.ticketId <= 0)
            continue;
        m_revoked.insert(rev.ticketId, rev);
        m_revokedByNumber.insert(rev.number, rev.ticketId);
        if (m_guests.remove(rev.ticketId)) {
            m_byNumber.remove(rev.number);
            m_in->guestChanged(rev.ticketId);
            m_notYet->guestChanged(rev.ticketId);
        }
    }
    if (version > m_version)
        m_version = version;
    updateCounts();
    Q_EMIT bundleChanged();
    // A ticket issued or revoked: the list itself changed, the frame only tells rows.
    const int expectedNow = frame.value("counter"_L1).toObject().value("expected"_L1).toInt(-1);
    if (expectedNow >= 0 && expectedNow != m_guests.size())
        fetchBundle();
    Q_EMIT liveUpdate();
}

void DoorSession::recompute(qint64 ticketId)
{
    auto it = m_guests.find(ticketId);
    if (it == m_guests.end())
        return;
    Guest &g = *it;
    // Server facts and queued scans are one picture: every fact but the earliest is a
    // double entry, whatever order they reach the server in.
    int facts = g.serverCheckedInAt.isValid() ? 1 + g.serverDoubleEntries : 0;
    QDateTime first = g.serverCheckedInAt;
    g.pendingScans = 0;
    for (const Scan &scan : std::as_const(m_queue)) {
        if (scan.ticketId != ticketId)
            continue;
        ++g.pendingScans;
        ++facts;
        if (!first.isValid() || scan.scannedAt < first)
            first = scan.scannedAt;
    }
    g.checkedInAt = first;
    g.doubleEntries = std::max(0, facts - 1);
    m_in->guestChanged(ticketId);
    m_notYet->guestChanged(ticketId);
    updateCounts();
}

void DoorSession::recomputeAll()
{
    QHash<qint64, QList<QDateTime>> pending;
    for (const Scan &scan : std::as_const(m_queue))
        pending[scan.ticketId].append(scan.scannedAt);
    for (Guest &g : m_guests) {
        int facts = g.serverCheckedInAt.isValid() ? 1 + g.serverDoubleEntries : 0;
        QDateTime first = g.serverCheckedInAt;
        const QList<QDateTime> times = pending.value(g.ticketId);
        g.pendingScans = int(times.size());
        facts += int(times.size());
        for (const QDateTime &t : times)
            if (!first.isValid() || t < first)
                first = t;
        g.checkedInAt = first;
        g.doubleEntries = std::max(0, facts - 1);
    }
    m_in->rebuild();
    m_notYet->rebuild();
    updateCounts();
}

void DoorSession::updateCounts()
{
    const int in = int(
        std::count_if(m_guests.cbegin(), m_guests.cend(), [](const Guest &g) { return g.isIn(); }));
    m_checkedIn = in;
    Q_EMIT countsChanged();
}

// ---- scanning -------------------------------------------------------------------------------

void DoorSession::submit(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return;
    if (trimmed.startsWith("PG1."_L1))
        scanPayload(trimmed);
    else
        scanNumber(trimmed);
}

void DoorSession::scanImageFile(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    onFinished(QtConcurrent::run([path]() -> std::optional<QString> {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        if (image.isNull())
            return std::nullopt;
        return QrDecoder::decode(image);
    }),
        this, [this](const std::optional<QString> &payload) {
            if (payload)
                scanPayload(*payload);
            else
                showRed(u"unknown"_s, tr("No ticket code found in this picture."));
        });
}

void DoorSession::scanPayload(const QString &payload)
{
    if (!m_bundle.valid) {
        showRed(u"not_ready"_s, tr("No guest list yet: connect once to download it."));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Tickets::SignedTicket ticket;
    const Tickets::Verdict v = Tickets::verify(payload, m_bundle.keys, m_eventId, now, &ticket);
    Scan scan;
    scan.nonce = newNonce();
    scan.scannedAt = now;
    scan.qr = payload;
    switch (v) {
    case Tickets::Verdict::Valid:
        break;
    case Tickets::Verdict::Malformed:
        showRed(u"unknown"_s, tr("Not a Pudding Gabel ticket."));
        return;
    case Tickets::Verdict::UnknownKey:
        showRed(u"bad_signature"_s,
            tr("Signed with a key this guest list does not know: forged, or the list is "
               "outdated."));
        return;
    case Tickets::Verdict::BadSignature:
        showRed(u"bad_signature"_s, tr("Forged ticket: the signature does not match."));
        return;
    case Tickets::Verdict::OtherEvent:
        showRed(u"other_event"_s, tr("This ticket is for another meetup."));
        return;
    case Tickets::Verdict::NotYetValid:
        showRed(u"not_yet_valid"_s, tr("This ticket is not valid yet."));
        return;
    case Tickets::Verdict::Expired:
        showRed(u"expired"_s, tr("This ticket has expired."));
        return;
    }
    verifyTicket(ticket.claims.ticketId, scan);
}

void DoorSession::scanNumber(const QString &typed)
{
    const auto number = Tickets::normalizeNumber(typed);
    if (!number) {
        showRed(u"unknown"_s, tr("“%1” is not a ticket number.").arg(typed.left(40)));
        return;
    }
    if (!m_bundle.valid) {
        showRed(u"not_ready"_s, tr("No guest list yet: connect once to download it."));
        return;
    }
    Scan scan;
    scan.nonce = newNonce();
    scan.scannedAt = QDateTime::currentDateTimeUtc();
    scan.number = *number;
    if (const qint64 id = m_byNumber.value(*number))
        verifyTicket(id, scan);
    else if (const qint64 revoked = m_revokedByNumber.value(*number))
        verifyTicket(revoked, scan);
    else
        showRed(u"unknown"_s,
            tr("Unknown ticket number %1: not on this meetup's guest list.")
                .arg(Tickets::formatNumber(*number)));
}

void DoorSession::checkInGuest(qint64 ticketId)
{
    if (!m_guests.contains(ticketId))
        return;
    Scan scan;
    scan.nonce = newNonce();
    scan.scannedAt = QDateTime::currentDateTimeUtc();
    scan.uploadTicketId = ticketId;
    verifyTicket(ticketId, scan);
}

void DoorSession::verifyTicket(qint64 ticketId, Scan scan, const QString &unlistedNumber)
{
    Q_UNUSED(unlistedNumber)
    scan.ticketId = ticketId;
    if (const auto r = m_revoked.constFind(ticketId); r != m_revoked.constEnd()) {
        QString why;
        if (r->reason == "LEFT"_L1)
            why = tr("Revoked: the guest left the meetup.");
        else if (r->reason == "REJECTED"_L1)
            why = tr("Revoked: the guest was declined.");
        else if (r->reason == "CANCELLED"_L1)
            why = tr("Revoked: the meetup was cancelled.");
        else
            why = tr("Revoked: the guest was removed.");
        Guest shown;
        shown.number = r->number;
        showRed(u"revoked"_s, why, &shown, scan.scannedAt);
        // The server stores nothing for a refused scan: nothing to upload.
        return;
    }
    auto it = m_guests.constFind(ticketId);
    if (it == m_guests.constEnd()) {
        // Signed by the server for this meetup but issued after the list was loaded: the
        // signature is the proof; the name comes with the next list.
        Guest unlisted;
        unlisted.ticketId = ticketId;
        showGreen(unlisted, scan.scannedAt,
            tr("Valid signature; not yet on the guest list loaded at %1.")
                .arg(clockTime(m_bundle.generatedAt)));
        enqueue(scan);
        return;
    }
    const Guest &guest = *it;
    if (guest.isIn()) {
        // Still a fact that happened: queued and uploaded as a double entry.
        showRed(u"double_entry"_s,
            tr("Already inside since %1 — double entry.").arg(clockTime(guest.checkedInAt)), &guest,
            scan.scannedAt);
        m_verdict.insert(u"doubleEntry"_s, true);
        Q_EMIT verdictChanged();
    } else {
        showGreen(guest, scan.scannedAt);
    }
    enqueue(scan);
}

void DoorSession::showGreen(const Guest &guest, const QDateTime &at, const QString &note)
{
    m_verdict = {
        { u"kind"_s, u"green"_s },
        { u"reason"_s, QString() },
        { u"reasonText"_s, tr("Welcome!") },
        { u"name"_s, guest.name.isEmpty() ? tr("Guest") : guest.name },
        { u"puddingName"_s, guest.puddingName },
        { u"photoUrl"_s, photoUrl(guest.photoId) },
        { u"number"_s, Tickets::formatNumber(guest.number) },
        { u"ticketId"_s, guest.ticketId },
        { u"scannedAt"_s, at },
        { u"time"_s, clockTime(at) },
        { u"doubleEntry"_s, false },
        { u"note"_s, note },
    };
    Q_EMIT verdictChanged();
}

void DoorSession::showRed(
    const QString &reason, const QString &text, const Guest *guest, const QDateTime &at)
{
    const QDateTime when = at.isValid() ? at : QDateTime::currentDateTimeUtc();
    m_verdict = {
        { u"kind"_s, u"red"_s },
        { u"reason"_s, reason },
        { u"reasonText"_s, text },
        { u"name"_s, guest ? guest->name : QString() },
        { u"puddingName"_s, guest ? guest->puddingName : QString() },
        { u"photoUrl"_s, guest ? photoUrl(guest->photoId) : QUrl() },
        { u"number"_s, guest ? Tickets::formatNumber(guest->number) : QString() },
        { u"ticketId"_s, guest ? guest->ticketId : 0 },
        { u"scannedAt"_s, when },
        { u"time"_s, clockTime(when) },
        { u"doubleEntry"_s, false },
        { u"note"_s, QString() },
    };
    Q_EMIT verdictChanged();
}

void DoorSession::clearVerdict()
{
    if (m_verdict.isEmpty())
        return;
    m_verdict.clear();
    Q_EMIT verdictChanged();
}

// ---- the queue and the upload ---------------------------------------------------------------

void DoorSession::enqueue(Scan scan)
{
    m_queue.append(std::move(scan));
    recompute(m_queue.constLast().ticketId);
    saveQueue();
    Q_EMIT queueChanged();
    Q_EMIT statusChanged();
    scheduleSync();
}

void DoorSession::saveQueue()
{
    QJsonArray scans;
    for (const Scan &scan : std::as_const(m_queue))
        scans.append(scanToJson(scan));
    const QJsonObject queue { { u"eventId"_s, m_eventId }, { u"deviceId"_s, m_deviceId },
        { u"keys"_s, QJsonArray::fromStringList(keyIds(m_bundle)) }, { u"scans"_s, scans } };
    const QByteArray bytes = QJsonDocument(queue).toJson(QJsonDocument::Compact);
    const QString path = cacheDir() + u"/queue.json"_s;
    // Fire and forget: the disk thread writes in order, and the destructor waits for it.
    QThreadPool *pool = &m_disk;
    pool->start([path, bytes] { writeFileAtomically(path, bytes); });
}

void DoorSession::syncNow()
{
    m_retrySeconds = 1;
    m_retryTimer.stop();
    if (!m_bundle.valid)
        fetchBundle();
    scheduleSync();
}

void DoorSession::scheduleSync(int delayMs)
{
    if (m_uploading || m_accessRefused || !m_api || m_eventId == 0)
        return;
    if (!m_syncTimer.isActive() || delayMs == 0)
        m_syncTimer.start(delayMs);
}

void DoorSession::upload()
{
    if (m_uploading || m_accessRefused || !m_api || m_queue.isEmpty())
        return;
    const QList<Scan> batch = m_queue.mid(0, m_batchLimit);
    QJsonArray scans;
    for (const Scan &scan : batch)
        scans.append(scanToUpload(scan));
    const QJsonObject body { { u"deviceId"_s, m_deviceId }, { u"scans"_s, scans } };
    ApiCall *call = m_api->post(Endpoints::checkins(m_eventId), body);
    m_uploading = call;
    const int generation = m_generation;
    connect(call, &ApiCall::finished, this, [this, call, batch, generation] {
        if (generation != m_generation)
            return;
        m_uploading = nullptr;
        uploadFinished(call, batch);
    });
    Q_EMIT statusChanged();
}

void DoorSession::uploadFinished(ApiCall *call, const QList<Scan> &batch)
{
    noteNetworkResult(call);
    if (call->status() == 401 || call->status() == 403) {
        refuseAccess(call);
        return;
    }
    if (call->status() == 400) {
        // One scan the server cannot take must not hold up the others: alone, it is dropped.
        if (batch.size() > 1) {
            m_batchLimit = 1;
            scheduleSync();
        } else {
            qCWarning(lcDoor) << "scan refused by the server, dropped:"
                              << call->error().value_or(Error {}).message;
            m_queue.removeIf([&](const Scan &s) { return s.nonce == batch.constFirst().nonce; });
            recompute(batch.constFirst().ticketId);
            saveQueue();
            Q_EMIT queueChanged();
            scheduleSync();
        }
        Q_EMIT statusChanged();
        return;
    }
    if (!call->ok()) {
        scheduleRetry();
        Q_EMIT statusChanged();
        return;
    }
    m_retrySeconds = 1;
    m_batchLimit = MaxBatch;
    const QJsonObject answer = call->object();
    QSet<QString> done;
    for (const Scan &scan : batch)
        done.insert(scan.nonce);
    QSet<qint64> touched;
    QStringList refused;
    for (const auto &v : answer.value("results"_L1).toArray()) {
        const QJsonObject r = v.toObject();
        const QString result = r.value("result"_L1).toString();
        const qint64 ticketId = r.value("ticketId"_L1).toInteger();
        if (result == "REFUSED"_L1) {
            const auto scan = std::find_if(batch.cbegin(), batch.cend(),
                [&](const Scan &s) { return s.nonce == r.value("nonce"_L1).toString(); });
            const qint64 local = scan != batch.cend() ? scan->ticketId : 0;
            refused.append(m_guests.value(local).name.isEmpty()
                    ? r.value("reason"_L1).toString()
                    : m_guests.value(local).name + u": "_s + r.value("reason"_L1).toString());
            touched.insert(local);
            continue;
        }
        auto it = m_guests.find(ticketId);
        if (it == m_guests.end())
            continue;
        // The server's picture of this ticket now includes the scan; the next list or frame
        // brings the exact double-entry count.
        const QDateTime first = parseTime(r.value("firstEntryAt"_L1));
        if (first.isValid())
            it->serverCheckedInAt = first;
        if (result == "DOUBLE_ENTRY"_L1)
            it->serverDoubleEntries = std::max(it->serverDoubleEntries, 1);
        touched.insert(ticketId);
    }
    m_queue.removeIf([&](const Scan &s) {
        if (!done.contains(s.nonce))
            return false;
        touched.insert(s.ticketId);
        return true;
    });
    saveQueue();
    for (const qint64 id : std::as_const(touched))
        recompute(id);
    if (!refused.isEmpty())
        setError(tr("Refused by the server after upload: %1").arg(refused.join(u", "_s)));
    Q_EMIT queueChanged();
    Q_EMIT statusChanged();
    Q_EMIT synced();

    const QSet<qint64> undos = std::exchange(m_undoAfterUpload, {});
    for (const qint64 id : undos)
        undo(id);
    const qint64 version = answer.value("version"_L1).toInteger();
    if (version > m_version)
        fetchBundle(); // the exact rows (double entries from other devices included)
    if (!m_queue.isEmpty())
        scheduleSync();
}

void DoorSession::scheduleRetry()
{
    if (m_accessRefused || m_retryTimer.isActive())
        return;
    // Exponential backoff up to MaxRetrySeconds; the API client's reachability check or
    // syncNow() may be quicker.
    m_retryTimer.start(m_retrySeconds * 1000);
    m_retrySeconds = std::min(m_retrySeconds * 2, MaxRetrySeconds);
}

void DoorSession::undo(qint64 ticketId)
{
    if (!m_guests.contains(ticketId))
        return;
    if (m_uploading) {
        // Its scans may be in the batch on the way: undo once the server has them.
        m_undoAfterUpload.insert(ticketId);
        return;
    }
    const qsizetype dropped
        = m_queue.removeIf([ticketId](const Scan &s) { return s.ticketId == ticketId; });
    if (dropped > 0) {
        saveQueue();
        Q_EMIT queueChanged();
        Q_EMIT statusChanged();
    }
    Guest &g = m_guests[ticketId];
    recompute(ticketId);
    if (!g.serverCheckedInAt.isValid() || !m_api)
        return;
    const int generation = m_generation;
    ApiCall *call = m_api->deleteResource(Endpoints::ticketCheckin(m_eventId, ticketId));
    connect(call, &ApiCall::finished, this, [this, call, ticketId, generation] {
        if (generation != m_generation)
            return;
        noteNetworkResult(call);
        if (call->status() == 401 || call->status() == 403) {
            refuseAccess(call);
            return;
        }
        if (!call->ok()) {
            setError(call->isNetworkFailure() ? tr("Undo needs the network: try again when online.")
                                              : call->error()->message);
            return;
        }
        auto it = m_guests.find(ticketId);
        if (it != m_guests.end()) {
            it->serverCheckedInAt = {};
            it->serverDoubleEntries = 0;
            recompute(ticketId);
        }
        const qint64 version = call->object().value("version"_L1).toInteger();
        if (version > m_version)
            m_version = version;
        setError({});
    });
}

// ---- photos -------------------------------------------------------------------------------

void DoorSession::fetchPhotos()
{
    for (const Guest &g : std::as_const(m_guests)) {
        if (g.photoId > 0 && !m_photoFiles.contains(g.photoId) && !m_photoQueue.contains(g.photoId))
            m_photoQueue.append(g.photoId);
    }
    fetchNextPhoto();
}

void DoorSession::fetchNextPhoto()
{
    if (m_photoCall || m_photoQueue.isEmpty() || !m_api)
        return;
    const qint64 photoId = m_photoQueue.takeFirst();
    QUrlQuery query;
    query.addQueryItem(u"size"_s, u"thumb"_s);
    ApiCall *call = m_api->get(Endpoints::photo(photoId), query);
    m_photoCall = call;
    const int generation = m_generation;
    connect(call, &ApiCall::finished, this, [this, call, photoId, generation] {
        if (generation != m_generation)
            return;
        m_photoCall = nullptr;
        if (!call->ok()) {
            // Offline or not allowed: the verdict shows the name without the photo.
            if (!call->isNetworkFailure())
                fetchNextPhoto();
            return;
        }
        const QString path = cacheDir() + u"/photos/%1.jpg"_s.arg(photoId);
        const QByteArray bytes = call->rawBody();
        onFinished(
            QtConcurrent::run(&m_disk, [path, bytes] { return writeFileAtomically(path, bytes); }),
            this, [this, path, photoId, generation](bool written) {
                if (generation != m_generation || !written)
                    return;
                m_photoFiles.insert(photoId, path);
                for (const Guest &g : std::as_const(m_guests)) {
                    if (g.photoId == photoId) {
                        m_in->guestChanged(g.ticketId);
                        m_notYet->guestChanged(g.ticketId);
                    }
                }
            });
        fetchNextPhoto();
    });
}

// ---- state ----------------------------------------------------------------------------------

void DoorSession::noteNetworkResult(const ApiCall *call)
{
    setOnline(!call->isNetworkFailure());
}

void DoorSession::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    Q_EMIT onlineChanged();
    Q_EMIT statusChanged();
}

void DoorSession::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void DoorSession::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT statusChanged();
}

void DoorSession::refuseAccess(const ApiCall *call)
{
    if (m_eventId == 0)
        return;
    m_accessRefused = true;
    m_syncTimer.stop();
    if (m_ownApi)
        m_error = tr("This door access is no longer valid (revoked or expired). Scans are kept "
                     "on this device; ask the organizer for a new door token.");
    else if (call && call->status() == 404)
        m_error = tr("This meetup's guest list is not available to you.");
    else
        m_error = tr("The server no longer accepts this session. Scans are kept on this "
                     "device.");
    Q_EMIT statusChanged();
}

QString DoorSession::statusText() const
{
    if (m_eventId == 0)
        return {};
    if (m_accessRefused)
        return tr("Access refused — %n scan(s) kept on this device", "", waiting());
    if (!m_online)
        return tr("Offline — %n scan(s) waiting", "", waiting());
    if (!m_queue.isEmpty())
        return tr("Online — uploading %n scan(s)", "", waiting());
    return tr("Online — all scans uploaded");
}

} // namespace Pudding::Client
