# api: C++ sources (relative to client/): the one API client, its endpoints, the client's
# error codes and the photo reader for uploads.
list(APPEND PUDDING_CLIENT_SOURCES
    api/apiclient.h api/apiclient.cpp
    api/endpoints.h
    api/photofile.h api/photofile.cpp
)
