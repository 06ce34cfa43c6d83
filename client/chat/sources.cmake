# chat: C++ sources (relative to client/): the live connection, one model per open chat, and
# desktop notifications over D-Bus.
list(APPEND PUDDING_CLIENT_SOURCES
    chat/chatconnection.h chat/chatconnection.cpp
    chat/chatmodel.h chat/chatmodel.cpp
    chat/desktopnotifier.h chat/desktopnotifier.cpp
)
