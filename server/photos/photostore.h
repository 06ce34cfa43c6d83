// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "photoprocessor.h"
#include "shared/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace Pudding::Server {

/// Content-addressed storage for processed photos, on disk below `root`:
/// <root>/<aa>/<bb>/<hex>.jpg (display) and <hex>.thumb.jpg (thumbnail), where <hex> is the
/// lowercase SHA-256 of the display JPEG and aa, bb its first two byte pairs (so no directory
/// grows huge). `root` must lie outside any directory the HTTP server serves as static files:
/// photos are only handed out through routes that check who may see them.
///
/// Files are written atomically (QSaveFile: a temporary file renamed into place), so a reader
/// never sees half a photo. Storing the same content again is a no-op, and concurrent writers
/// of the same hash (two people uploading the same picture) are safe: each renames a complete,
/// identical file into place. Thread-safe; holds no state but the root.
class PhotoStore
{
public:
    explicit PhotoStore(QString root);

    enum class Size { Display, Thumbnail };

    /// Writes both files of `photo` (after checking that sha256 really is the display's hash)
    /// and returns the hex hash, or internal_error if the disk refuses.
    [[nodiscard]] Result<QString> store(const ProcessedPhoto &photo);

    /// The stored JPEG, or nothing if `hexHash` is not exactly 64 lowercase hex digits (so no
    /// path traversal: "../etc/passwd" never reaches the file system) or nothing is stored.
    [[nodiscard]] std::optional<QByteArray> read(QByteArrayView hexHash, Size size) const;

    /// Where a photo lives (whether or not it exists); empty for an invalid hash.
    [[nodiscard]] QString pathFor(QByteArrayView hexHash, Size size) const;

    /// Whether `hexHash` is exactly 64 lowercase hexadecimal digits.
    [[nodiscard]] static bool isValidHash(QByteArrayView hexHash);

    [[nodiscard]] QString root() const { return m_root; }

private:
    QString m_root;
};

} // namespace Pudding::Server
