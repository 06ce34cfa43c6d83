// SPDX-License-Identifier: GPL-3.0-or-later
#include "qrdecoder.h"

// ZXing 1.4: text() as UTF-8 std::string (the next release's API) instead of std::wstring.
#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

#include <QtConcurrent>

namespace Pudding::Client::QrDecoder {

std::optional<QString> decode(const QImage &image)
{
    if (image.isNull())
        return std::nullopt;
    // Luminance is all ZXing looks at; converting once here is cheaper than its own per-pixel
    // conversion of every format.
    const QImage gray = image.format() == QImage::Format_Grayscale8
        ? image
        : image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(),
        ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setTryDownscale(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return std::nullopt;
    const std::string text = result.text();
    if (text.empty())
        return std::nullopt;
    return QString::fromStdString(text);
}

QFuture<std::optional<QString>> decodeAsync(QImage image)
{
    return QtConcurrent::run([image = std::move(image)] { return decode(image); });
}

} // namespace Pudding::Client::QrDecoder
