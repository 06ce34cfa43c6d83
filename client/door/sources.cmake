# door: C++ sources (relative to client/): Door mode — the QR decoder and the camera, the
# offline check-in session with its disk cache and upload queue, the guest lists.
list(APPEND PUDDING_CLIENT_SOURCES
    door/qrdecoder.h door/qrdecoder.cpp
    door/camerascanner.h door/camerascanner.cpp
    door/doorsession.h door/doorsession.cpp
    door/doorguestsmodel.h door/doorguestsmodel.cpp
)
