// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace Pudding::Client {

class ApiCall;

/// The signed-in user's reminders before a meetup (GET/PUT /api/reminders): minutes before the
/// start, at most four, each from 5 minutes to 14 days; none means no reminders. The server
/// sends them (in the app's inbox and by mail); this only edits the list.
class ReminderSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    /// The stored offsets in minutes, largest first.
    Q_PROPERTY(QVariantList offsets READ offsets NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)
public:
    explicit ReminderSettings(QObject *parent = nullptr);

    static constexpr int MaxOffsets = 4;
    static constexpr int MinMinutes = 5;
    static constexpr int MaxMinutes = 20160;

    [[nodiscard]] bool isLoading() const { return m_pending > 0; }
    [[nodiscard]] QVariantList offsets() const { return m_offsets; }
    [[nodiscard]] QString errorText() const { return m_errorText; }

    Q_INVOKABLE void refresh();
    /// Stores these offsets (minutes; duplicates dropped); [] switches reminders off.
    Q_INVOKABLE void save(const QVariantList &offsets);
    /// "24 hours", "2 hours", "45 minutes", "2 days" — in the app's language.
    Q_INVOKABLE static QString describe(int minutes);

Q_SIGNALS:
    void loadingChanged();
    void changed();
    void errorChanged();
    void saved();

private:
    void track(ApiCall *call, bool isSave);
    void setError(const QString &text);

    int m_pending = 0;
    QVariantList m_offsets;
    QString m_errorText;
};

} // namespace Pudding::Client
