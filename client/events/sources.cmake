# events: C++ sources (relative to client/)
list(APPEND PUDDING_CLIENT_SOURCES
    events/eventfilter.h events/eventfilter.cpp
    events/eventsmodel.h events/eventsmodel.cpp
    events/eventeditor.h events/eventeditor.cpp
    events/eventdetails.h events/eventdetails.cpp
    events/markersmodel.h events/markersmodel.cpp
    events/eventupdates.h events/eventupdates.cpp
)
