// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketsmodel.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "auth/accountmanager.h"
#include "chat/chatrooms.h"
#include "events/eventupdates.h"
#include "shared/event.h"
#include "shared/futures.h"
#include "shared/ticket.h"
#include "tickets/ticketpdf.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimeZone>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {

constexpr int CacheFormat = 1;

/// One thread for the copy on disk: writes, reads and the deletion happen in the order they
/// were asked for (a newer list is never overwritten by an older one).
QThreadPool *cachePool()
{
    static QThreadPool pool;
    static const bool once = [] {
        pool.setMaxThreadCount(1);
        return true;
    }();
    Q_UNUSED(once);
    return &pool;
}

/// What the copy on disk holds, read on the cache thread.
struct CachedList
{
    qint64 userId = 0;
    QDateTime fetchedAt;
    QJsonArray tickets;
    bool found = false;
};

CachedList readCache(const QString &path)
{
    CachedList cached;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return cached;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    if (root.value("format"_L1).toInt() != CacheFormat)
        return cached;
    cached.userId = root.value("userId"_L1).toInteger();
    cached.fetchedAt
        = parseIsoDateTime(root.value("fetchedAt"_L1).toString()).value_or(QDateTime());
    cached.tickets = root.value("tickets"_L1).toArray();
    cached.found = cached.userId > 0;
    return cached;
}

} // namespace

TicketsModel::TicketsModel(QObject *parent)
    : QAbstractListModel(parent)
{
    if (auto *accounts = AccountManager::instance()) {
        connect(accounts, &AccountManager::signedOut, this, &TicketsModel::clear);
        // The remembered session was confirmed once the server is back: fetch for real.
        connect(accounts, &AccountManager::userChanged, this, [this, accounts] {
            if (m_started && accounts->isSignedIn())
                refresh();
        });
    }
    if (auto *rooms = ChatRooms::instance()) {
        // A decision on one of the user's requests issues or revokes a ticket.
        connect(rooms, &ChatRooms::attendanceChanged, this, [this] {
            if (m_started)
                refresh();
        });
        connect(rooms, &ChatRooms::eventCancelled, this,
            [this](qint64 eventId, const QVariantMap &) { refreshIfShown(eventId); });
        connect(rooms, &ChatRooms::eventUpdated, this, [this](const QVariantMap &event) {
            refreshIfShown(event.value(u"id"_s).toLongLong());
        });
    }
    // The user's own actions (leaving a meetup) and every live change of an event.
    if (auto *updates = EventUpdates::instance())
        connect(updates, &EventUpdates::eventChanged, this,
            [this](qint64 eventId, const QJsonObject &) { refreshIfShown(eventId); });
    if (auto *api = ApiClient::instance())
        connect(api, &ApiClient::reachableChanged, this, [this, api] {
            if (m_started && m_offline && api->isReachable())
                refresh();
        });
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        connect(app, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) {
                if (m_started && state == Qt::ApplicationActive && !m_call)
                    refresh();
            });
}

TicketsModel::~TicketsModel() = default;

int TicketsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TicketsModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case TicketIdRole:
        return r.ticketId;
    case Qt::DisplayRole:
    case NumberRole:
        return displayNumber(r.number);
    case StatusRole:
        return r.status;
    case RevokeReasonRole:
        return r.revokeReason;
    case RevokeReasonTextRole:
        return reasonText(r.revokeReason);
    case QrRole:
        return r.qr;
    case HolderNameRole:
        return r.holderName;
    case PuddingNameRole:
        return r.puddingName;
    case PhotoIdRole:
        return r.photoId;
    case EventIdRole:
        return r.eventId;
    case EventTitleRole:
        return r.eventTitle;
    case StartRole:
        return r.start.toLocalTime();
    case EndRole:
        return r.end.toLocalTime();
    case VenueRole:
        return r.venue;
    case CityRole:
        return r.city;
    case LatitudeRole:
        return r.latitude;
    case LongitudeRole:
        return r.longitude;
    case ExactLocationRole:
        return r.exactLocation;
    case EventCancelledRole:
        return r.cancelled;
    default:
        return {};
    }
}

QHash<int, QByteArray> TicketsModel::roleNames() const
{
    return { { TicketIdRole, "ticketId" }, { NumberRole, "number" }, { StatusRole, "status" },
        { RevokeReasonRole, "revokeReason" }, { RevokeReasonTextRole, "revokeReasonText" },
        { QrRole, "qr" }, { HolderNameRole, "holderName" }, { PuddingNameRole, "puddingName" },
        { PhotoIdRole, "photoId" }, { EventIdRole, "eventId" }, { EventTitleRole, "eventTitle" },
        { StartRole, "start" }, { EndRole, "end" }, { VenueRole, "venue" }, { CityRole, "city" },
        { LatitudeRole, "latitude" }, { LongitudeRole, "longitude" },
        { ExactLocationRole, "exactLocation" }, { EventCancelledRole, "eventCancelled" } };
}

QString TicketsModel::displayNumber(const QString &number)
{
    return Tickets::formatNumber(number);
}

QString TicketsModel::whenText(const QDateTime &start, const QDateTime &end)
{
    const QLocale locale;
    // Without seconds, as everywhere in the app (the "C" locale's short format has them).
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(u":ss"_s);
    const QDateTime from = start.toLocalTime();
    const QDateTime to = end.toLocalTime();
    QString text = locale.toString(from.date(), QLocale::LongFormat) + u", "_s
        + locale.toString(from.time(), timeFormat) + u" – "_s;
    if (to.date() != from.date())
        text += locale.toString(to.date(), QLocale::LongFormat) + u", "_s;
    text += locale.toString(to.time(), timeFormat);
    const QString zone = from.timeZoneAbbreviation();
    if (!zone.isEmpty())
        text += u" ("_s + zone + u')';
    return text;
}

QString TicketsModel::reasonText(const QString &reason)
{
    if (reason == "LEFT"_L1)
        return tr("You left this meetup.");
    if (reason == "REJECTED"_L1)
        return tr("The organizer withdrew your place.");
    if (reason == "CANCELLED"_L1)
        return tr("The meetup was cancelled.");
    if (reason == "REMOVED"_L1)
        return tr("The organizer removed you from the meetup.");
    return {};
}

TicketsModel::Row TicketsModel::parseRow(const QJsonObject &ticket)
{
    Row r;
    r.json = ticket;
    r.ticketId = ticket.value("id"_L1).toInteger();
    r.number = ticket.value("number"_L1).toString();
    r.status = ticket.value("status"_L1).toString();
    r.revokeReason = ticket.value("revokeReason"_L1).toString();
    r.qr = r.status == "VALID"_L1 ? ticket.value("qr"_L1).toString() : QString();
    r.holderName = ticket.value("holder"_L1).toObject().value("name"_L1).toString();
    const QJsonObject pudding = ticket.value("pudding"_L1).toObject();
    r.puddingName = pudding.value("name"_L1).toString();
    r.photoId = pudding.value("photoId"_L1).toInteger();
    const Event event = Event::fromJson(ticket.value("event"_L1).toObject());
    r.eventId = event.id > 0 ? event.id : ticket.value("eventId"_L1).toInteger();
    r.eventTitle = event.title;
    r.start = event.startTime;
    r.end = event.endTime;
    r.venue = event.venue;
    r.city = event.city;
    r.latitude = event.location.lat;
    r.longitude = event.location.lng;
    r.exactLocation = event.exactLocation;
    r.cancelled = event.status == EventStatus::Cancelled;
    return r;
}

qint64 TicketsModel::currentUserId()
{
    auto *accounts = AccountManager::instance();
    return accounts ? accounts->userId() : 0;
}

QString TicketsModel::cacheFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/tickets.json"_s;
}

int TicketsModel::indexOfTicket(qint64 ticketId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).ticketId == ticketId)
            return int(i);
    }
    return -1;
}

QString TicketsModel::suggestedPdfName(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return u"pudding-ticket.pdf"_s;
    return u"pudding-ticket-"_s + displayNumber(m_rows.at(row).number) + u".pdf"_s;
}

QUrl TicketsModel::suggestedPdfUrl(int row) const
{
    return QUrl::fromLocalFile(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + u'/' + suggestedPdfName(row));
}

void TicketsModel::addToCalendar(qint64 eventId)
{
    Q_EMIT addToCalendarRequested(eventId);
}

void TicketsModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

void TicketsModel::setOffline(bool offline, const QDateTime &fetchedAt)
{
    if (m_offline == offline && m_fetchedAt == fetchedAt)
        return;
    m_offline = offline;
    m_fetchedAt = fetchedAt;
    Q_EMIT offlineChanged();
}

void TicketsModel::refreshIfShown(qint64 eventId)
{
    if (!m_started)
        return;
    for (const Row &r : std::as_const(m_rows)) {
        if (r.eventId == eventId) {
            refresh();
            return;
        }
    }
}

void TicketsModel::setRows(const QJsonArray &tickets)
{
    QList<Row> rows;
    rows.reserve(tickets.size());
    for (const auto &value : tickets)
        rows.append(parseRow(value.toObject()));
    // Same tickets in the same order (the usual refresh): changed rows only, no reset.
    bool sameTickets = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameTickets && i < rows.size(); ++i)
        sameTickets = rows.at(i).ticketId == m_rows.at(i).ticketId;
    if (sameTickets) {
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows.at(i).json == m_rows.at(i).json)
                continue;
            m_rows[i] = rows.at(i);
            const QModelIndex index = createIndex(int(i), 0);
            Q_EMIT dataChanged(index, index);
        }
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    Q_EMIT countChanged();
}

void TicketsModel::loadCache()
{
    // Signed in: only that account's copy. Not signed in (the app started without network and
    // could not check the remembered session yet): the copy of the account that is still
    // remembered — signing out deletes it.
    const qint64 userId = currentUserId();
    auto read
        = QtConcurrent::run(cachePool(), [path = cacheFilePath()] { return readCache(path); });
    onFinished(read, this, [this, userId](const CachedList &cached) {
        // The server's answer came first, or the copy is another account's: not shown.
        if (m_haveServerList || !cached.found || (userId > 0 && cached.userId != userId)
            || currentUserId() != userId)
            return;
        setRows(cached.tickets);
        setOffline(m_offline, cached.fetchedAt);
        Q_EMIT fetched();
    });
}

void TicketsModel::saveCache(const QJsonArray &tickets)
{
    const qint64 userId = currentUserId();
    if (userId <= 0)
        return;
    const QJsonObject root { { u"format"_s, CacheFormat }, { u"userId"_s, userId },
        { u"fetchedAt"_s, toIsoString(m_fetchedAt) }, { u"tickets"_s, tickets } };
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Compact);
    cachePool()->start([bytes, path = cacheFilePath()] {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        // Tickets are the user's own: readable by the user only.
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            qWarning("tickets: the copy on disk could not be written: %s",
                qPrintable(file.errorString()));
            return;
        }
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (!file.commit())
            qWarning(
                "tickets: the copy on disk could not be saved: %s", qPrintable(file.errorString()));
    });
}

void TicketsModel::forgetCopyOnDisk()
{
    cachePool()->start([path = cacheFilePath()] {
        QFile::remove(path);
        QDir(QFileInfo(photoCachePath(0)).absolutePath()).removeRecursively();
    });
}

void TicketsModel::clear()
{
    if (m_call) {
        m_call->abort();
        m_call = nullptr;
        Q_EMIT loadingChanged();
    }
    m_started = false;
    m_haveServerList = false;
    setErrorText({});
    setOffline(false, {});
    forgetCopyOnDisk();
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT countChanged();
}

void TicketsModel::refresh()
{
    auto *api = ApiClient::instance();
    if (!api)
        return;
    if (!m_started && m_rows.isEmpty())
        loadCache();
    m_started = true;
    if (auto *accounts = AccountManager::instance(); accounts && !accounts->isSignedIn()) {
        // Nobody signed in (yet): the copy on disk only; signing in fetches (userChanged).
        setOffline(true, m_fetchedAt);
        Q_EMIT fetched();
        return;
    }
    if (m_call)
        m_call->abort();
    m_call = api->get(Endpoints::myTickets());
    connect(m_call, &ApiCall::finished, this, [this, call = m_call.data()] {
        m_call = nullptr;
        Q_EMIT loadingChanged();
        if (const auto &error = call->error()) {
            if (call->isNetworkFailure()) {
                // The copy on disk (or what is shown) stays; the page says since when.
                setErrorText({});
                setOffline(true, m_fetchedAt);
            } else {
                setErrorText(error->message);
            }
            Q_EMIT fetched();
            return;
        }
        setErrorText({});
        m_haveServerList = true;
        const QJsonArray tickets = call->object().value("tickets"_L1).toArray();
        setOffline(false, QDateTime::currentDateTimeUtc());
        setRows(tickets);
        saveCache(tickets);
        // The pudding photos too, for a PDF without network.
        QList<qint64> photos;
        for (const Row &r : std::as_const(m_rows)) {
            if (r.photoId > 0 && r.status == "VALID"_L1)
                photos.append(r.photoId);
        }
        if (!photos.isEmpty())
            keepPhotosOf(photos);
        Q_EMIT fetched();
    });
    Q_EMIT loadingChanged();
}

void TicketsModel::savePdf(int row, const QUrl &file, const QString &format)
{
    if (row < 0 || row >= m_rows.size() || !file.isLocalFile()) {
        Q_EMIT pdfFailed(tr("The PDF could not be saved: choose a file on this computer."));
        return;
    }
    const QString path = file.toLocalFile();
    ++m_pdfJobs;
    Q_EMIT savingPdfChanged();
    const qint64 photoId = m_rows.at(row).photoId;
    const qint64 ticketId = m_rows.at(row).ticketId;
    // Whatever happens to the list meanwhile, the ticket is written as it is when it is written.
    auto write = [this, ticketId, path, format](const QByteArray &photo) {
        const int current = indexOfTicket(ticketId);
        if (current < 0) {
            --m_pdfJobs;
            Q_EMIT savingPdfChanged();
            Q_EMIT pdfFailed(tr("The ticket is no longer listed."));
            return;
        }
        writePdf(current, path, format, photo);
    };
    auto *api = ApiClient::instance();
    if (photoId <= 0 || !api) {
        write({});
        return;
    }
    // The photo from the server; without network the copy kept on disk, else none.
    auto *call = api->get(Endpoints::photo(photoId));
    connect(call, &ApiCall::finished, this, [this, call, photoId, write] {
        if (call->status() == 200) {
            keepPhoto(photoId, call->rawBody());
            write(call->rawBody());
            return;
        }
        auto kept = QtConcurrent::run(cachePool(), [path = photoCachePath(photoId)] {
            QFile photo(path);
            return photo.open(QIODevice::ReadOnly) ? photo.readAll() : QByteArray();
        });
        onFinished(kept, this, write);
    });
}

QString TicketsModel::photoCachePath(qint64 photoId)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/ticket-photos/"_s
        + QString::number(photoId) + u".jpg"_s;
}

void TicketsModel::keepPhoto(qint64 photoId, const QByteArray &bytes)
{
    cachePool()->start([bytes, path = photoCachePath(photoId)] {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size()) {
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            (void)file.commit();
        }
    });
}

void TicketsModel::keepPhotosOf(const QList<qint64> &photoIds)
{
    // Only those not kept yet: one check on the cache thread, then one download each.
    auto missing = QtConcurrent::run(cachePool(), [photoIds] {
        QList<qint64> result;
        for (qint64 id : photoIds) {
            if (!QFile::exists(photoCachePath(id)))
                result.append(id);
        }
        return result;
    });
    onFinished(missing, this, [this](const QList<qint64> &ids) {
        auto *api = ApiClient::instance();
        if (!api || !m_started)
            return;
        for (qint64 id : ids) {
            auto *call = api->get(Endpoints::photo(id));
            connect(call, &ApiCall::finished, this, [this, call, id] {
                if (call->status() == 200 && m_started)
                    keepPhoto(id, call->rawBody());
            });
        }
    });
}

void TicketsModel::writePdf(
    int row, const QString &path, const QString &format, const QByteArray &photo)
{
    const Row &r = m_rows.at(row);
    TicketPdfContent content;
    content.title = r.eventTitle;
    content.when = whenText(r.start, r.end);
    QStringList place;
    if (!r.venue.isEmpty())
        place.append(r.venue);
    if (!r.city.isEmpty())
        place.append(r.city);
    if (r.exactLocation)
        place.append(QLocale().toString(r.latitude, 'f', 5) + u", "_s
            + QLocale().toString(r.longitude, 'f', 5));
    content.place = place.join(u" · "_s);
    content.guestName = r.holderName;
    content.puddingName = r.puddingName;
    content.photo = photo;
    content.number = displayNumber(r.number);
    content.qrPayload = r.qr;
    if (r.status != "VALID"_L1 || r.qr.isEmpty())
        content.revokedText = tr("Revoked: %1").arg(reasonText(r.revokeReason));
    const TicketPageFormat pageFormat
        = format == "phone"_L1 ? TicketPageFormat::Phone : TicketPageFormat::A4;
    auto written = QtConcurrent::run(
        [path, content, pageFormat] { return writeTicketPdf(path, content, pageFormat); });
    onFinished(written, this, [this, path](const Result<void> &result) {
        --m_pdfJobs;
        Q_EMIT savingPdfChanged();
        if (result)
            Q_EMIT pdfSaved(path);
        else
            Q_EMIT pdfFailed(result.error().message);
    });
}

} // namespace Pudding::Client
