// SPDX-License-Identifier: GPL-3.0-or-later
#include "doorguestsmodel.h"

#include "door/doorsession.h"
#include "shared/ticket.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

DoorGuestsModel::DoorGuestsModel(Kind kind, DoorSession *session)
    : QAbstractListModel(session)
    , m_kind(kind)
    , m_session(session)
{ }

int DoorGuestsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DoorGuestsModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const auto it = m_session->guests().constFind(m_rows.at(index.row()));
    if (it == m_session->guests().constEnd())
        return {};
    const DoorSession::Guest &g = *it;
    switch (role) {
    case TicketIdRole:
        return g.ticketId;
    case NumberRole:
        return Tickets::formatNumber(g.number);
    case Qt::DisplayRole:
    case NameRole:
        return g.name;
    case PuddingNameRole:
        return g.puddingName;
    case PhotoUrlRole:
        return m_session->photoUrl(g.photoId);
    case CheckedInAtRole:
        return g.checkedInAt;
    case CheckedInTextRole:
        return g.checkedInAt.isValid()
            ? QLocale().toString(g.checkedInAt.toLocalTime().time(), u"HH:mm"_s)
            : QString();
    case DoubleEntriesRole:
        return g.doubleEntries;
    case PendingRole:
        return g.pendingScans > 0;
    default:
        return {};
    }
}

QHash<int, QByteArray> DoorGuestsModel::roleNames() const
{
    return {
        { TicketIdRole, "ticketId" },
        { NumberRole, "number" },
        { NameRole, "name" },
        { PuddingNameRole, "puddingName" },
        { PhotoUrlRole, "photoUrl" },
        { CheckedInAtRole, "checkedInAt" },
        { CheckedInTextRole, "checkedInText" },
        { DoubleEntriesRole, "doubleEntries" },
        { PendingRole, "pending" },
    };
}

void DoorGuestsModel::setSearch(const QString &search)
{
    if (m_search == search)
        return;
    m_search = search;
    Q_EMIT searchChanged();
    rebuild();
}

qint64 DoorGuestsModel::ticketIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : 0;
}

bool DoorGuestsModel::accepts(qint64 ticketId) const
{
    const auto it = m_session->guests().constFind(ticketId);
    if (it == m_session->guests().constEnd())
        return false;
    if (it->isIn() != (m_kind == Kind::In))
        return false;
    const QString needle = m_search.trimmed();
    if (needle.isEmpty())
        return true;
    if (it->name.contains(needle, Qt::CaseInsensitive)
        || it->puddingName.contains(needle, Qt::CaseInsensitive))
        return true;
    const auto number = Tickets::normalizeNumber(needle);
    return number && *number == it->number;
}

bool DoorGuestsModel::lessThan(qint64 a, qint64 b) const
{
    const DoorSession::Guest &ga = m_session->guests()[a];
    const DoorSession::Guest &gb = m_session->guests()[b];
    if (m_kind == Kind::In && ga.checkedInAt != gb.checkedInAt)
        return ga.checkedInAt > gb.checkedInAt; // the newest entry on top
    const int byName = QString::localeAwareCompare(ga.name, gb.name);
    return byName != 0 ? byName < 0 : a < b;
}

int DoorGuestsModel::insertPosition(qint64 ticketId) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), ticketId,
        [this](qint64 row, qint64 id) { return lessThan(row, id); });
    return int(it - m_rows.cbegin());
}

void DoorGuestsModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    for (auto it = m_session->guests().cbegin(); it != m_session->guests().cend(); ++it) {
        if (accepts(it.key()))
            m_rows.append(it.key());
    }
    std::sort(m_rows.begin(), m_rows.end(), [this](qint64 a, qint64 b) { return lessThan(a, b); });
    endResetModel();
    Q_EMIT countChanged();
}

void DoorGuestsModel::guestChanged(qint64 ticketId)
{
    const int row = int(m_rows.indexOf(ticketId));
    const bool wanted = accepts(ticketId);
    if (row >= 0) {
        // Still here and still in order: only the row's data changed.
        const bool inOrder = wanted && (row == 0 || !lessThan(ticketId, m_rows.at(row - 1)))
            && (row + 1 >= m_rows.size() || !lessThan(m_rows.at(row + 1), ticketId));
        if (inOrder) {
            Q_EMIT dataChanged(index(row), index(row));
            return;
        }
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    if (wanted) {
        const int at = insertPosition(ticketId);
        beginInsertRows({}, at, at);
        m_rows.insert(at, ticketId);
        endInsertRows();
    }
    if (row < 0 || !wanted)
        Q_EMIT countChanged();
}

} // namespace Pudding::Client
