// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QQuickPaintedItem>

namespace Pudding::Client {

/// A QR code's modules (libqrencode, byte mode, error correction level M): `size`×`size`,
/// row by row, true for a dark module. Shared by the screen (TicketQrCode) and the PDF.
struct QrMatrix
{
    /// The white border every reader needs, in modules (ISO/IEC 18004: 4).
    static constexpr int QuietZone = 4;

    int size = 0;
    QList<bool> modules;

    [[nodiscard]] bool isNull() const { return size == 0; }
    [[nodiscard]] bool isDark(int x, int y) const { return modules.at(qsizetype(y) * size + x); }
    /// The side with the quiet zone on both sides, in modules.
    [[nodiscard]] int sideWithQuietZone() const { return size + 2 * QuietZone; }

    /// Encodes `data` as it is (8-bit mode); null when libqrencode refuses it (too long).
    [[nodiscard]] static QrMatrix encode(const QByteArray &data);
    /// The code with its quiet zone, `modulePixels` pixels per module: black on white, no
    /// smoothing anywhere.
    [[nodiscard]] QImage toImage(int modulePixels) const;
};

/// A ticket's QR code on screen, crisp: whole device pixels per module (the largest that fits
/// the item), the quiet zone included, never smoothed; centred in the item.
class TicketQrCode : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString payload READ payload WRITE setPayload NOTIFY payloadChanged)
    /// Modules per side including the quiet zone (0 without a payload).
    Q_PROPERTY(int modules READ modules NOTIFY payloadChanged)
    /// Device pixels per module as painted now (0 when the item is too small).
    Q_PROPERTY(int modulePixels READ modulePixels NOTIFY modulePixelsChanged)
public:
    explicit TicketQrCode(QQuickItem *parent = nullptr);

    [[nodiscard]] QString payload() const { return m_payload; }
    void setPayload(const QString &payload);
    [[nodiscard]] int modules() const
    {
        return m_matrix.isNull() ? 0 : m_matrix.sideWithQuietZone();
    }
    [[nodiscard]] int modulePixels() const { return m_modulePixels; }

    void paint(QPainter *painter) override;

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void itemChange(ItemChange change, const ItemChangeData &value) override;

Q_SIGNALS:
    void payloadChanged();
    void modulePixelsChanged();

private:
    /// The module size for the item's size, payload and screen (GUI thread; paint() may run
    /// on the render thread and only reads it).
    void layoutModules();
    [[nodiscard]] qreal devicePixelRatio() const;

    QString m_payload;
    QrMatrix m_matrix;
    int m_modulePixels = 0;
};

} // namespace Pudding::Client
