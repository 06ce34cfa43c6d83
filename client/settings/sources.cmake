list(APPEND PUDDING_CLIENT_SOURCES settings/appsettings.h settings/appsettings.cpp)
