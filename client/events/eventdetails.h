// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantMap>

namespace Pudding::Client {

class ApiCall;

/// One event, fetched fresh from the server for the details page.
class EventDetails : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 eventId READ eventId WRITE setEventId NOTIFY eventIdChanged)
    Q_PROPERTY(QVariantMap event READ eventData NOTIFY eventChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY eventChanged)
public:
    explicit EventDetails(QObject *parent = nullptr);

    [[nodiscard]] qint64 eventId() const { return m_eventId; }
    void setEventId(qint64 id);
    [[nodiscard]] QVariantMap eventData() const { return m_event; }
    [[nodiscard]] bool isLoading() const { return m_call != nullptr; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void eventIdChanged();
    void eventChanged();
    void loadingChanged();

private:
    /// The server's event JSON, with times as local dates and the places left.
    void setEventJson(const QJsonObject &json);

    qint64 m_eventId = 0;
    QVariantMap m_event;
    QString m_errorText;
    QPointer<ApiCall> m_call;
};

} // namespace Pudding::Client
