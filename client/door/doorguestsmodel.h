// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

namespace Pudding::Client {

class DoorSession;

/// One of Door mode's two lists: the guests who are in (newest entry first) or those not yet
/// in (by name), optionally narrowed by a search over name, pudding and ticket number. A view
/// of the DoorSession's guests, which tells it about every change of a row.
class DoorGuestsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Door mode's lists belong to a DoorSession")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
public:
    enum class Kind { In, NotYet };
    enum Role {
        TicketIdRole = Qt::UserRole + 1,
        NumberRole,
        NameRole,
        PuddingNameRole,
        PhotoUrlRole,
        CheckedInAtRole,
        CheckedInTextRole,
        DoubleEntriesRole,
        PendingRole,
    };

    DoorGuestsModel(Kind kind, DoorSession *session);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);
    /// The ticket id of a row (0 outside).
    Q_INVOKABLE qint64 ticketIdAt(int row) const;

    /// The whole list again (a new guest list).
    void rebuild();
    /// One guest changed: the row moves in, out, or is updated.
    void guestChanged(qint64 ticketId);

Q_SIGNALS:
    void countChanged();
    void searchChanged();

private:
    [[nodiscard]] bool accepts(qint64 ticketId) const;
    [[nodiscard]] bool lessThan(qint64 a, qint64 b) const;
    [[nodiscard]] int insertPosition(qint64 ticketId) const;

    Kind m_kind;
    DoorSession *m_session;
    QString m_search;
    QList<qint64> m_rows;
};

} // namespace Pudding::Client
