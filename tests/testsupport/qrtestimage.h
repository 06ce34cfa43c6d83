// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// QR codes for the ticket tests: made with libqrencode as the app's TicketQrCode makes them.
// Header-only; the test programs that include it link libqrencode (tests/door.cmake).

#include <QImage>
#include <QPainter>
#include <QString>

#include <qrencode.h>

namespace Pudding::Test {

/// The QR code of `text` (error level M) as black modules on white with the 4-module quiet
/// zone, each module `modulePx` pixels; a null image when libqrencode refuses the text.
inline QImage qrImage(const QString &text, int modulePx)
{
    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return {};
    const int quiet = 4;
    const int size = (code->width + 2 * quiet) * modulePx;
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (code->data[y * code->width + x] & 1)
                p.fillRect(
                    (x + quiet) * modulePx, (y + quiet) * modulePx, modulePx, modulePx, Qt::black);
        }
    }
    p.end();
    QRcode_free(code);
    return image;
}

} // namespace Pudding::Test
