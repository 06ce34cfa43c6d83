// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QString>

namespace Pudding::Client {

/// A photo read from disk and checked as the server will check it: JPEG, PNG or WebP (decided
/// by its magic bytes and a readable image header), at most MaxBytes.
struct PhotoFile
{
    static constexpr qint64 MaxBytes = 5 * 1024 * 1024;

    QByteArray bytes;
    QByteArray mime;
    QString fileName;

    /// Reads and checks `path`. Disk work: run it off the GUI thread (QtConcurrent::run).
    /// Errors carry a translated message and the field "photo".
    [[nodiscard]] static Result<PhotoFile> read(const QString &path);
};

} // namespace Pudding::Client
