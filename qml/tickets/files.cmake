# SPDX-License-Identifier: GPL-3.0-or-later
# The tickets' QML files (relative to qml/).
list(APPEND PUDDING_QML_FILES
    tickets/MyTicketsPage.qml
    tickets/TicketCard.qml
    tickets/SaveTicketDialog.qml
)
