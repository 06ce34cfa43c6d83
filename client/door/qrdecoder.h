// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QImage>
#include <QString>

#include <optional>

namespace Pudding::Client::QrDecoder {

/// The text of the QR code in `image` (ZXing-cpp: QR only, try harder, try rotated), or
/// nothing. The one decoding function: camera frames (CameraScanner), the benchmark and the
/// tests all come through here. Thread-safe; call it off the GUI thread (decodeAsync()).
[[nodiscard]] std::optional<QString> decode(const QImage &image);

/// decode() on the QtConcurrent pool.
[[nodiscard]] QFuture<std::optional<QString>> decodeAsync(QImage image);

} // namespace Pudding::Client::QrDecoder
