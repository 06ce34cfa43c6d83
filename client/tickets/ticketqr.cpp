// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketqr.h"

#include <QPainter>
#include <QQuickWindow>

#include <qrencode.h>

namespace Pudding::Client {

QrMatrix QrMatrix::encode(const QByteArray &data)
{
    QrMatrix matrix;
    if (data.isEmpty())
        return matrix;
    QRcode *code = QRcode_encodeData(int(data.size()),
        reinterpret_cast<const unsigned char *>(data.constData()), 0, QR_ECLEVEL_M);
    if (!code)
        return matrix;
    matrix.size = code->width;
    matrix.modules.resize(qsizetype(code->width) * code->width);
    for (qsizetype i = 0; i < matrix.modules.size(); ++i)
        matrix.modules[i] = (code->data[i] & 1) != 0;
    QRcode_free(code);
    return matrix;
}

QImage QrMatrix::toImage(int modulePixels) const
{
    if (isNull() || modulePixels < 1)
        return {};
    const int side = sideWithQuietZone() * modulePixels;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            if (!isDark(x, y))
                continue;
            for (int dy = 0; dy < modulePixels; ++dy) {
                uchar *line = image.scanLine((y + QuietZone) * modulePixels + dy);
                std::fill_n(line + (x + QuietZone) * modulePixels, modulePixels, uchar(0));
            }
        }
    }
    return image;
}

TicketQrCode::TicketQrCode(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(false);
    setSmooth(false);
    setMipmap(false);
    setOpaquePainting(false);
}

qreal TicketQrCode::devicePixelRatio() const
{
    return window() ? window()->effectiveDevicePixelRatio() : 1.0;
}

void TicketQrCode::layoutModules()
{
    int pixels = 0;
    if (!m_matrix.isNull()) {
        const int available = int(std::floor(std::min(width(), height()) * devicePixelRatio()));
        pixels = available / m_matrix.sideWithQuietZone();
    }
    if (pixels != m_modulePixels) {
        m_modulePixels = pixels;
        Q_EMIT modulePixelsChanged();
    }
    update();
}

void TicketQrCode::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size())
        layoutModules();
}

void TicketQrCode::itemChange(ItemChange change, const ItemChangeData &value)
{
    QQuickPaintedItem::itemChange(change, value);
    if (change == ItemSceneChange || change == ItemDevicePixelRatioHasChanged)
        layoutModules();
}

void TicketQrCode::setPayload(const QString &payload)
{
    if (payload == m_payload)
        return;
    m_payload = payload;
    m_matrix = QrMatrix::encode(payload.toUtf8());
    Q_EMIT payloadChanged();
    layoutModules();
}

void TicketQrCode::paint(QPainter *painter)
{
    const int pixels = m_modulePixels;
    if (pixels == 0 || m_matrix.isNull())
        return;
    const qreal dpr = devicePixelRatio();
    // In device pixels, so that every module edge falls on a pixel edge.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->scale(1 / dpr, 1 / dpr);
    const int side = m_matrix.sideWithQuietZone() * pixels;
    const int left = (int(width() * dpr) - side) / 2;
    const int top = (int(height() * dpr) - side) / 2;
    painter->fillRect(left, top, side, side, Qt::white);
    const int origin = QrMatrix::QuietZone * pixels;
    for (int y = 0; y < m_matrix.size; ++y) {
        // Runs of dark modules in a row as one rectangle each.
        int x = 0;
        while (x < m_matrix.size) {
            if (!m_matrix.isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < m_matrix.size && m_matrix.isDark(x, y))
                ++x;
            painter->fillRect(left + origin + start * pixels, top + origin + y * pixels,
                (x - start) * pixels, pixels, Qt::black);
        }
    }
    painter->restore();
}

} // namespace Pudding::Client
