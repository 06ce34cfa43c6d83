# reminders: C++ sources (relative to client/): the reminder settings (GET/PUT /api/reminders)
# and "Can't come after all" (POST …/cant-come).
list(APPEND PUDDING_CLIENT_SOURCES
    reminders/remindersettings.h reminders/remindersettings.cpp
    reminders/cantcome.h reminders/cantcome.cpp
)
