# chat: C++ sources (relative to client/): the live connection, the router and its rooms, one
# model per open chat, and desktop notifications over D-Bus.
list(APPEND PUDDING_CLIENT_SOURCES
    chat/liveconnection.h chat/liveconnection.cpp
    chat/chatrooms.h chat/chatrooms.cpp
    chat/chatroom.h chat/chatroom.cpp
    chat/chatmodel.h chat/chatmodel.cpp
    chat/desktopnotifier.h chat/desktopnotifier.cpp
)
