# SPDX-License-Identifier: GPL-3.0-or-later
# Calendars: "Add to calendar" and the calendar subscription (relative to qml/).
list(APPEND PUDDING_QML_FILES
    calendar/AddToCalendarButton.qml
    calendar/CalendarFeedDialog.qml
)
