# attendance: C++ sources (relative to client/)
list(APPEND PUDDING_CLIENT_SOURCES
    attendance/joinrequest.h attendance/joinrequest.cpp
    attendance/myrequestsmodel.h attendance/myrequestsmodel.cpp
    attendance/reviewqueuemodel.h attendance/reviewqueuemodel.cpp
    attendance/photoimageprovider.h attendance/photoimageprovider.cpp
)
