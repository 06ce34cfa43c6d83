// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/photofile.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QUrl>
#include <QVariantMap>

#include <optional>

namespace Pudding::Client {

class ApiCall;

/// Asking to join one meetup: the photo is checked locally (off the GUI thread) before
/// anything is sent, then the pudding and the photo go up as one multipart request.
class JoinRequest : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 eventId READ eventId WRITE setEventId NOTIFY eventIdChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(bool checking READ isChecking NOTIFY checkingChanged)
    Q_PROPERTY(qreal progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY errorChanged)
    Q_PROPERTY(QUrl photo READ photo NOTIFY photoChanged)
public:
    explicit JoinRequest(QObject *parent = nullptr);
    ~JoinRequest() override;

    [[nodiscard]] qint64 eventId() const { return m_eventId; }
    void setEventId(qint64 id);
    [[nodiscard]] bool isBusy() const { return m_call != nullptr; }
    [[nodiscard]] bool isChecking() const { return m_checking; }
    [[nodiscard]] qreal progress() const { return m_progress; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] QVariantMap fieldErrors() const { return m_fieldErrors; }
    /// The accepted photo (empty until checkPhoto() succeeded).
    [[nodiscard]] QUrl photo() const { return m_photoUrl; }

    /// Reads and checks a local image file off the GUI thread: at most 5 MB, and a JPEG, PNG
    /// or WebP that can be decoded. Emits photoChecked(); on failure sets errorText.
    Q_INVOKABLE void checkPhoto(const QUrl &file);
    /// Validates with the shared rules and sends the request; emits joined() on success.
    Q_INVOKABLE void submit(const QString &puddingName, const QString &puddingDescription);
    /// Stops an upload in flight.
    Q_INVOKABLE void cancel();
    Q_INVOKABLE void clearErrors();
    /// Forgets the photo and the errors (for a fresh dialog).
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void eventIdChanged();
    void busyChanged();
    void checkingChanged();
    void progressChanged();
    void errorChanged();
    void photoChanged();
    void photoChecked(bool ok);
    /// The server accepted the request: the attendance as JSON (status PENDING or WAITLISTED).
    void joined(const QVariantMap &attendance);

private:
    void setError(const QString &text, const QVariantMap &fields = {});
    void setProgress(qreal progress);
    void setChecking(bool checking);

    qint64 m_eventId = 0;
    QPointer<ApiCall> m_call;
    bool m_checking = false;
    int m_checkGeneration = 0;
    qreal m_progress = 0;
    QString m_errorText;
    QVariantMap m_fieldErrors;
    QUrl m_photoUrl;
    std::optional<PhotoFile> m_photo;
};

} // namespace Pudding::Client
