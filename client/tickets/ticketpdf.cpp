// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketpdf.h"

#include "ticketqr.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Pudding::Client {

namespace {

/// The measures of one page format, in millimetres and points.
struct PageSpec
{
    QSizeF size;
    qreal margin;
    qreal qrSide;
    qreal photoSide;
    qreal titlePt;
    qreal textPt;
    qreal numberPt;
    qreal smallPt;
};

PageSpec specFor(TicketPageFormat format)
{
    if (format == TicketPageFormat::A4)
        return { { 210, 297 }, 20, 100, 45, 22, 12, 26, 9 };
    return { { 90, 160 }, 6, 66, 22, 14, 8.5, 17, 6.5 };
}

/// Draws on the PDF in millimetres.
class MmPainter
{
public:
    MmPainter(QPainter &painter, qreal unitsPerMm)
        : m_painter(painter)
        , m_unitsPerMm(unitsPerMm)
        , m_base(painter.font())
    { }

    [[nodiscard]] QRectF toUnits(const QRectF &mm) const
    {
        return { mm.x() * m_unitsPerMm, mm.y() * m_unitsPerMm, mm.width() * m_unitsPerMm,
            mm.height() * m_unitsPerMm };
    }

    /// Wrapped text from `y` in a column; returns the height it took, in mm.
    qreal text(qreal x, qreal y, qreal width, const QString &text, qreal points, bool bold = false,
        const QColor &colour = Qt::black, Qt::Alignment align = Qt::AlignLeft,
        const QString &family = {})
    {
        QFont font = m_base;
        if (!family.isEmpty())
            font.setFamily(family);
        font.setPointSizeF(points);
        font.setBold(bold);
        m_painter.setFont(font);
        m_painter.setPen(colour);
        const QRectF area = toUnits({ x, y, width, 1000 });
        const int flags = int(align) | Qt::TextWordWrap | Qt::AlignTop;
        const QRectF used = m_painter.boundingRect(area, flags, text);
        m_painter.drawText(area, flags, text);
        return used.height() / m_unitsPerMm;
    }

    void fill(const QRectF &mm, const QColor &colour) { m_painter.fillRect(toUnits(mm), colour); }

    /// The height wrapped text would take, in mm.
    qreal measure(qreal width, const QString &text, qreal points)
    {
        QFont font = m_base;
        font.setPointSizeF(points);
        m_painter.setFont(font);
        return m_painter.boundingRect(toUnits({ 0, 0, width, 1000 }), Qt::TextWordWrap, text)
                   .height()
            / m_unitsPerMm;
    }

private:
    QPainter &m_painter;
    qreal m_unitsPerMm;
    QFont m_base;
};

void drawQr(MmPainter &mm, const QrMatrix &matrix, qreal x, qreal y, qreal side)
{
    const qreal module = side / matrix.sideWithQuietZone();
    mm.fill({ x, y, side, side }, Qt::white);
    const qreal origin = QrMatrix::QuietZone * module;
    for (int row = 0; row < matrix.size; ++row) {
        int col = 0;
        while (col < matrix.size) {
            if (!matrix.isDark(col, row)) {
                ++col;
                continue;
            }
            const int start = col;
            while (col < matrix.size && matrix.isDark(col, row))
                ++col;
            mm.fill({ x + origin + start * module, y + origin + row * module,
                        (col - start) * module, module },
                Qt::black);
        }
    }
}

} // namespace

Result<QByteArray> renderTicketPdf(const TicketPdfContent &content, TicketPageFormat format)
{
    const PageSpec spec = specFor(format);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return Error { u"internal"_s,
            QCoreApplication::translate("TicketPdf", "The PDF could not be created."), {} };
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(u"Pudding Gabel"_s);
        writer.setTitle(QCoreApplication::translate("TicketPdf", "Ticket %1").arg(content.number));
        writer.setResolution(600);
        const QPageSize pageSize = format == TicketPageFormat::A4
            ? QPageSize(QPageSize::A4)
            : QPageSize(spec.size, QPageSize::Millimeter, u"Phone 90x160"_s, QPageSize::ExactMatch);
        writer.setPageLayout(QPageLayout(
            pageSize, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
        QPainter painter;
        if (!painter.begin(&writer))
            return Error { u"internal"_s,
                QCoreApplication::translate("TicketPdf", "The PDF could not be created."), {} };
        MmPainter mm(painter, writer.resolution() / 25.4);

        const qreal left = spec.margin;
        const qreal width = spec.size.width() - 2 * spec.margin;
        const QColor accent(0xc2, 0x18, 0x5b);
        const QColor muted(0x55, 0x55, 0x55);

        // A coloured band with the app's name.
        const qreal band = spec.textPt * 1.1;
        mm.fill({ 0, 0, spec.size.width(), band }, accent);
        mm.text(left, band * 0.25, width,
            QCoreApplication::translate("TicketPdf", "Pudding Gabel · Ticket"), spec.textPt, true,
            Qt::white);
        qreal y = band + spec.margin * 0.6;

        y += mm.text(left, y, width, content.title, spec.titlePt, true);
        y += spec.textPt * 0.15;
        y += mm.text(left, y, width, content.when, spec.textPt);
        y += spec.textPt * 0.1;
        y += mm.text(left, y, width, content.place, spec.textPt, false, muted);
        y += spec.textPt * 0.35;

        if (content.revokedText.isEmpty()) {
            const QrMatrix matrix = QrMatrix::encode(content.qrPayload.toUtf8());
            if (matrix.isNull())
                return Error { u"internal"_s,
                    QCoreApplication::translate("TicketPdf", "The QR code could not be created."),
                    {} };
            drawQr(mm, matrix, (spec.size.width() - spec.qrSide) / 2, y, spec.qrSide);
            y += spec.qrSide;
        } else {
            y += mm.text(left, y, width, content.revokedText, spec.titlePt, true,
                QColor(0xb3, 0x26, 0x1e), Qt::AlignHCenter);
            y += spec.textPt * 0.4;
        }
        y += mm.text(left, y, width, content.number, spec.numberPt, true, Qt::black,
            Qt::AlignHCenter, u"monospace"_s);
        y += spec.textPt * 0.1;
        y += mm.text(left, y, width, QCoreApplication::translate("TicketPdf", "Ticket number"),
            spec.smallPt, false, muted, Qt::AlignHCenter);
        y += spec.textPt * 0.5;

        // The guest and the pudding, with its photo beside.
        QImage photo;
        if (!content.photo.isEmpty())
            photo = QImage::fromData(content.photo);
        qreal textWidth = width;
        if (!photo.isNull()) {
            const QSize fitted = photo.size().scaled(QSize(1200, 1200), Qt::KeepAspectRatio);
            if (fitted.width() < photo.width())
                photo = photo.scaled(fitted, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            const QSizeF box
                = QSizeF(photo.size())
                      .scaled(QSizeF(spec.photoSide, spec.photoSide), Qt::KeepAspectRatio);
            painter.drawImage(
                mm.toUnits({ left + width - box.width(), y, box.width(), box.height() }), photo);
            textWidth = width - spec.photoSide - spec.margin * 0.5;
        }
        qreal column = y;
        column += mm.text(left, column, textWidth,
            QCoreApplication::translate("TicketPdf", "Guest"), spec.smallPt, false, muted);
        column += mm.text(left, column, textWidth, content.guestName, spec.textPt, true);
        column += spec.textPt * 0.25;
        column += mm.text(left, column, textWidth,
            QCoreApplication::translate("TicketPdf", "Pudding"), spec.smallPt, false, muted);
        mm.text(left, column, textWidth, content.puddingName, spec.textPt, true);

        const QString footer = content.revokedText.isEmpty()
            ? QCoreApplication::translate(
                "TicketPdf", "Show this QR code or the ticket number at the door.")
            : QCoreApplication::translate(
                "TicketPdf", "This ticket is no longer valid and is refused at the door.");
        mm.text(left,
            spec.size.height() - spec.margin * 0.6 - mm.measure(width, footer, spec.smallPt), width,
            footer, spec.smallPt, false, muted);
        if (!painter.end())
            return Error { u"internal"_s,
                QCoreApplication::translate("TicketPdf", "The PDF could not be created."), {} };
    }
    return bytes;
}

Result<void> writeTicketPdf(
    const QString &path, const TicketPdfContent &content, TicketPageFormat format)
{
    auto pdf = renderTicketPdf(content, format);
    if (!pdf)
        return pdf.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf.value()) != pdf.value().size()
        || !file.commit())
        return Error { u"io"_s,
            QCoreApplication::translate("TicketPdf", "The PDF could not be saved: %1")
                .arg(file.errorString()),
            {} };
    return {};
}

} // namespace Pudding::Client
