// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QUrl>

namespace Pudding::Client {

/// "Add to calendar": downloads one meetup's .ics through ApiClient (the signed-in user's view:
/// the exact place once approved), writes it off the GUI thread, and hands it to the desktop's
/// calendar (QDesktopServices) or keeps it where the user chose.
class CalendarExport : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)
    /// The last file written (a local path).
    Q_PROPERTY(QString savedFile READ savedFile NOTIFY saved)
    /// Open the file with the desktop's calendar after saving it to the cache (default true;
    /// tests switch it off).
    Q_PROPERTY(bool openAfterDownload MEMBER m_open NOTIFY openAfterDownloadChanged)
public:
    explicit CalendarExport(QObject *parent = nullptr);

    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] QString savedFile() const { return m_savedFile; }

    /// Downloads the meetup's .ics (texts in `language`, "de" or "en") into the app's cache
    /// and opens it with the desktop's calendar.
    Q_INVOKABLE void addToCalendar(qint64 eventId, const QString &language);
    /// Downloads it and saves it as `target` (a local file URL the user picked).
    Q_INVOKABLE void saveAs(qint64 eventId, const QString &language, const QUrl &target);

Q_SIGNALS:
    void busyChanged();
    void errorChanged();
    void openAfterDownloadChanged();
    /// The file is written (and, for addToCalendar, handed to the desktop).
    void saved(const QString &path);

private:
    void download(qint64 eventId, const QString &language, const QString &path, bool open);
    void setError(const QString &text);
    void setBusy(bool busy);

    bool m_busy = false; ///< from the request until the file is written
    QString m_errorText;
    QString m_savedFile;
    bool m_open = true;
};

} // namespace Pudding::Client
