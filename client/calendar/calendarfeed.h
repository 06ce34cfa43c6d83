// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QString>

#include <functional>

namespace Pudding::Client {

class ApiCall;

/// The signed-in user's calendar subscription (GET/POST/DELETE /api/calendar/feed): whether
/// it exists, making or regenerating it (the old address stops working), revoking it, and the
/// webcal:// address to paste into a calendar app. The server keeps only a hash of the token,
/// so the address is known only right after it was made; later the user can regenerate.
class CalendarFeed : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(bool active READ isActive NOTIFY changed)
    Q_PROPERTY(QDateTime createdAt READ createdAt NOTIFY changed)
    Q_PROPERTY(QString language READ language NOTIFY changed)
    /// webcal://…/calendar/<token>.ics, only right after create(); empty otherwise.
    Q_PROPERTY(QString webcalUrl READ webcalUrl NOTIFY changed)
    /// The same as https:// (for calendars that want a web address).
    Q_PROPERTY(QString url READ url NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)
public:
    explicit CalendarFeed(QObject *parent = nullptr);

    [[nodiscard]] bool isLoading() const { return m_pending > 0; }
    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] QDateTime createdAt() const { return m_createdAt; }
    [[nodiscard]] QString language() const { return m_language; }
    [[nodiscard]] QString webcalUrl() const { return m_webcalUrl; }
    [[nodiscard]] QString url() const { return m_url; }
    [[nodiscard]] QString errorText() const { return m_errorText; }

    /// Asks the server whether a subscription exists.
    Q_INVOKABLE void refresh();
    /// Makes the subscription, or a new address for it (texts in `language`, "de" or "en").
    Q_INVOKABLE void create(const QString &language);
    /// Revokes it: the address answers nothing any more.
    Q_INVOKABLE void remove();
    /// Puts the webcal:// address on the clipboard.
    Q_INVOKABLE void copyUrl() const;

Q_SIGNALS:
    void loadingChanged();
    void changed();
    void errorChanged();
    /// A new address was made (after create()).
    void created();

private:
    void track(ApiCall *call, std::function<void(const ApiCall &)> onSuccess);
    void setError(const QString &text);
    void reset();

    int m_pending = 0;
    bool m_active = false;
    QDateTime m_createdAt;
    QString m_language;
    QString m_webcalUrl;
    QString m_url;
    QString m_errorText;
};

} // namespace Pudding::Client
