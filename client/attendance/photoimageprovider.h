// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QQuickAsyncImageProvider>

class QQmlEngine;

namespace Pudding::Client {

/// Serves the attendees' pudding photos to QML as `image://puddingphoto/<photoId>` (full size)
/// or `image://puddingphoto/<photoId>/thumb`. Photos are private, so they are fetched with the
/// session's bearer token through ApiClient's network access manager, never from a plain URL.
class PhotoImageProvider : public QQuickAsyncImageProvider
{
public:
    /// The image provider id used in QML URLs.
    static constexpr auto Id = "puddingphoto";

    /// Adds the provider to the engine (which takes ownership).
    static void install(QQmlEngine &engine);

    QQuickImageResponse *requestImageResponse(
        const QString &id, const QSize &requestedSize) override;
};

} // namespace Pudding::Client
