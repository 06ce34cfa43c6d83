// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QQmlEngine>
#include <QUrl>

namespace Pudding::Client {

class ApiCall;

/// The signed-in user's tickets (GET /api/tickets/mine): the valid ones and those revoked in
/// the last 30 days, by meetup start. The list is kept on disk (one file per app user, written
/// with QSaveFile on a worker thread, deleted on sign-out), with the pudding photos, so "My
/// tickets" shows the QR codes and saves PDFs without network — at the door, where it matters.
/// Refreshed on the live frames that change a ticket (a decision, a cancellation, an edit of one of
/// the meetups, the user leaving), when the app becomes active again and when the server is
/// reachable again.
class TicketsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /// The list shown is the copy saved on disk: the server could not be reached.
    Q_PROPERTY(bool offline READ isOffline NOTIFY offlineChanged)
    /// When the list shown was fetched from the server (invalid before any).
    Q_PROPERTY(QDateTime fetchedAt READ fetchedAt NOTIFY offlineChanged)
    Q_PROPERTY(bool savingPdf READ isSavingPdf NOTIFY savingPdfChanged)
public:
    enum Roles {
        TicketIdRole = Qt::UserRole + 1,
        NumberRole, ///< "ABCD-2345", as printed
        StatusRole, ///< VALID or REVOKED
        RevokeReasonRole, ///< LEFT, REJECTED, CANCELLED, REMOVED or ""
        RevokeReasonTextRole, ///< translated
        QrRole, ///< the signed payload, "" when revoked
        HolderNameRole,
        PuddingNameRole,
        PhotoIdRole, ///< 0 without a photo
        EventIdRole,
        EventTitleRole,
        StartRole,
        EndRole,
        VenueRole,
        CityRole,
        LatitudeRole,
        LongitudeRole,
        ExactLocationRole,
        EventCancelledRole,
    };
    Q_ENUM(Roles)

    explicit TicketsModel(QObject *parent = nullptr);
    ~TicketsModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool isLoading() const { return m_call != nullptr; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] bool isOffline() const { return m_offline; }
    [[nodiscard]] QDateTime fetchedAt() const { return m_fetchedAt; }
    [[nodiscard]] bool isSavingPdf() const { return m_pdfJobs > 0; }

    /// Fetches the list; the first call shows the copy on disk until the answer is there.
    Q_INVOKABLE void refresh();
    /// Forgets every row and the copy on disk (the account signed out).
    Q_INVOKABLE void clear();
    /// The row of a ticket, or -1.
    Q_INVOKABLE int indexOfTicket(qint64 ticketId) const;
    /// "pudding-ticket-ABCD-2345.pdf" for the ticket in `row`.
    Q_INVOKABLE QString suggestedPdfName(int row) const;
    /// That name in the user's documents folder, for the save dialog.
    Q_INVOKABLE QUrl suggestedPdfUrl(int row) const;
    /// Writes the ticket in `row` as a PDF to `file` (a local file URL), page `format` "a4" or
    /// "phone", off the GUI thread, with the pudding's photo when it can be loaded. Ends with
    /// pdfSaved or pdfFailed.
    Q_INVOKABLE void savePdf(int row, const QUrl &file, const QString &format);
    /// The user asked to put this meetup in a calendar: emits addToCalendarRequested (the
    /// calendar feature handles it).
    Q_INVOKABLE void addToCalendar(qint64 eventId);

    /// Where the copy of the list is kept (the app's data directory).
    [[nodiscard]] static QString cacheFilePath();
    /// Deletes the copy on disk and the kept photos (on the cache thread, after pending
    /// writes): the account signed out. AppContext calls it on AccountManager::signedOut,
    /// whether or not a page shows the tickets at that moment.
    static void forgetCopyOnDisk();
    /// "ABCD2345" → "ABCD-2345".
    [[nodiscard]] static QString displayNumber(const QString &number);
    /// The meetup's time as printed on a ticket, in the user's locale and time zone.
    [[nodiscard]] static QString whenText(const QDateTime &start, const QDateTime &end);

Q_SIGNALS:
    void loadingChanged();
    void errorTextChanged();
    void countChanged();
    void offlineChanged();
    void savingPdfChanged();
    /// A server answer or the copy on disk was applied (tests wait for this).
    void fetched();
    void pdfSaved(const QString &path);
    void pdfFailed(const QString &message);
    /// "Add to calendar" on the ticket of this meetup.
    void addToCalendarRequested(qint64 eventId);

private:
    struct Row
    {
        QJsonObject json; ///< as the server sent it (and as it is saved on disk)
        qint64 ticketId = 0;
        QString number;
        QString status;
        QString revokeReason;
        QString qr;
        QString holderName;
        QString puddingName;
        qint64 photoId = 0;
        qint64 eventId = 0;
        QString eventTitle;
        QDateTime start;
        QDateTime end;
        QString venue;
        QString city;
        double latitude = 0;
        double longitude = 0;
        bool exactLocation = false;
        bool cancelled = false;
    };
    [[nodiscard]] static Row parseRow(const QJsonObject &ticket);
    [[nodiscard]] static QString reasonText(const QString &reason);
    [[nodiscard]] static qint64 currentUserId();
    void setRows(const QJsonArray &tickets);
    void loadCache();
    void saveCache(const QJsonArray &tickets);
    void setErrorText(const QString &text);
    void setOffline(bool offline, const QDateTime &fetchedAt);
    void refreshIfShown(qint64 eventId);
    [[nodiscard]] static QString photoCachePath(qint64 photoId);
    /// Keeps a pudding photo on disk (cache thread), for PDFs without network.
    static void keepPhoto(qint64 photoId, const QByteArray &bytes);
    void keepPhotosOf(const QList<qint64> &photoIds);
    void writePdf(int row, const QString &path, const QString &format, const QByteArray &photo);

    QList<Row> m_rows;
    QPointer<ApiCall> m_call;
    QString m_errorText;
    bool m_started = false; ///< refresh() was called: live triggers refresh from now on
    bool m_haveServerList = false;
    bool m_offline = false;
    QDateTime m_fetchedAt;
    int m_pdfJobs = 0;
};

} // namespace Pudding::Client
