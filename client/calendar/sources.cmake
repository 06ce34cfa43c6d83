# calendar: C++ sources (relative to client/): "Add to calendar" (a meetup's .ics) and the
# personal calendar subscription.
list(APPEND PUDDING_CLIENT_SOURCES
    calendar/calendarexport.h calendar/calendarexport.cpp
    calendar/calendarfeed.h calendar/calendarfeed.cpp
)
