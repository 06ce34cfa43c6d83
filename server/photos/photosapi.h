// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"
#include "photoprocessor.h"
#include "photostore.h"

#include <QFuture>
#include <QThreadPool>

namespace Pudding::Server {

class Database;
class DbSession;

/// The photos resource: a photo on its own (for the chat), reading one back as the viewer may,
/// and the pipeline other resources use (a join request's pudding photo): decoding, cleaning
/// and storing off every HTTP and database thread.
class PhotosApi
{
public:
    PhotosApi(Database &db, const QString &photoDir);
    ~PhotosApi();

    /// Every /api/photos… route (photos/photosroutes.cpp).
    void registerRoutes(Router &router);

    /// Decodes, cleans and stores a photo on the photo pool.
    [[nodiscard]] QFuture<Result<ProcessedPhoto>> processAndStore(const QByteArray &bytes);
    /// The photos row's id (inside the caller's transaction, if any); nothing when the INSERT
    /// failed (the session holds the error).
    [[nodiscard]] static std::optional<qint64> insertPhoto(
        DbSession &session, qint64 ownerId, const ProcessedPhoto &photo);

private:
    /// A photo on its own (for the chat): POST /api/photos, multipart field "photo".
    void upload(Request &request, const Reply &reply);
    void photo(Request &request, const Reply &reply);

    Database &m_db;
    PhotoStore m_store;
    QThreadPool m_photoPool; ///< decoding a 4 MB photo takes ~100 ms and up to 160 MB
};

} // namespace Pudding::Server
