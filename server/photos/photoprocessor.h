// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/protocol.h"
#include "shared/result.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QtGlobal>

namespace Pudding::Server {

using namespace Qt::StringLiterals;

/// What processPhoto accepts and produces. The defaults suit a phone photo of a pudding.
struct PhotoLimits
{
    qint64 maxBytes = qint64(5) * 1024 * 1024; ///< upload size; larger is refused before decoding
    int maxWidth = 8000; ///< as stored in the file, before EXIF rotation
    int maxHeight = 8000;
    qint64 maxPixels = 40'000'000;
    /// Process-wide QImageReader::setAllocationLimit (Qt's own guard, MiB); also checked
    /// against the header's size before decoding so that the refusal has a clear error.
    int allocationLimitMb = 256;
    int displaySize = 1280; ///< longest side of the display image
    int thumbSize = 256; ///< longest side of the thumbnail
    int jpegQuality = 85;
};

/// The result of processPhoto: two metadata-free JPEGs.
struct ProcessedPhoto
{
    QByteArray display; ///< JPEG, at most displaySize on the long side, never upscaled
    QByteArray thumbnail; ///< JPEG, at most thumbSize on the long side, never upscaled
    QByteArray sha256; ///< 32 raw bytes, of `display`: the photo's content address
    int width = 0; ///< of display
    int height = 0; ///< of display
    QByteArray sourceFormat; ///< "jpeg", "png" or "webp": what the upload really was
};

/// Turns an uploaded photo into what the server keeps and serves.
///
/// Decides the type by DECODING the bytes (never by a claimed Content-Type), refuses anything
/// but JPEG, PNG and WebP (WebP if the Qt plugin is present), guards against decompression
/// bombs (QImageReader::setAllocationLimit and a size check from the header before decoding),
/// applies the EXIF orientation, strips all metadata by re-encoding from pixels (EXIF and its
/// GPS position, XMP, comments and ICC profiles do not survive; colours are converted to sRGB
/// first), flattens transparency onto white, and makes a display size and a thumbnail.
///
/// Errors: payload_too_large (413) over maxBytes, checked before anything else;
/// unsupported_media_type (415) for empty, unknown, disallowed, truncated or undecodable
/// input; image_too_large (422) when the header's dimensions exceed the limits.
/// The messages are for humans (translated with the "Photos" context).
///
/// CPU-heavy (about a tenth of a second for a 12-megapixel JPEG): call it off the event loop.
/// Reentrant: may run on several threads at once.
[[nodiscard]] Result<ProcessedPhoto> processPhoto(
    const QByteArray &bytes, const PhotoLimits &limits = {});

} // namespace Pudding::Server
