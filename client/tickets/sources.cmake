# tickets: C++ sources (relative to client/): the user's tickets, their QR codes, PDF tickets
list(APPEND PUDDING_CLIENT_SOURCES
    tickets/ticketqr.h tickets/ticketqr.cpp
    tickets/ticketpdf.h tickets/ticketpdf.cpp
    tickets/ticketsmodel.h tickets/ticketsmodel.cpp
)
