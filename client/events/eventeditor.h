// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

namespace Pudding::Client {

/// Creates, edits and cancels an organizer's events, with the shared validation rules applied
/// before anything is sent and the server's field errors mapped back onto the form.
class EventEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY errorChanged)
public:
    explicit EventEditor(QObject *parent = nullptr);

    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] QVariantMap fieldErrors() const { return m_fieldErrors; }

    /// form: {title, description, lat, lng, city, state, venue (optional), startTime (Date),
    /// endTime (Date), attendeeLimit}. Returns true when the shared rules accept it (fills
    /// fieldErrors).
    Q_INVOKABLE bool validate(const QVariantMap &form, bool creating);
    Q_INVOKABLE void create(const QVariantMap &form);
    Q_INVOKABLE void update(qint64 id, const QVariantMap &form);
    Q_INVOKABLE void cancelEvent(qint64 id);
    Q_INVOKABLE void clearErrors();

Q_SIGNALS:
    void busyChanged();
    void errorChanged();
    /// The server accepted the change; `event` is the event as it is now.
    void saved(const QVariantMap &event);
    void cancelled(qint64 id);

private:
    void send(class ApiCall *call, bool cancelling, qint64 id);
    void setBusy(bool busy);
    void setError(const QString &text, const QVariantMap &fields = {});

    bool m_busy = false;
    QString m_errorText;
    QVariantMap m_fieldErrors;
};

} // namespace Pudding::Client
