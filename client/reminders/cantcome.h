// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>

namespace Pudding::Client {

/// "Can't come after all": an approved guest gives back the place
/// (POST /api/attendance/events/<id>/cant-come); the server passes it on to the waiting list at
/// once. The page asks for confirmation first (CantComeButton.qml).
class CantCome : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)
public:
    explicit CantCome(QObject *parent = nullptr);

    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] QString errorText() const { return m_errorText; }

    Q_INVOKABLE void send(qint64 eventId);

Q_SIGNALS:
    void busyChanged();
    void errorChanged();
    /// The place is given back (the attendance is LEFT).
    void done(qint64 eventId);

private:
    bool m_busy = false;
    QString m_errorText;
};

} // namespace Pudding::Client
