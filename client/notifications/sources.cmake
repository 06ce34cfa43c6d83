# notifications: C++ sources (relative to client/)
list(APPEND PUDDING_CLIENT_SOURCES
    notifications/notificationsmodel.h notifications/notificationsmodel.cpp
)
