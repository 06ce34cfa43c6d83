// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QString>

namespace Pudding::Client {

/// Everything printed on a PDF ticket, as text already formatted for the user (locale, time
/// zone, ticket number with its dash) — so the writer needs nothing of the GUI thread.
struct TicketPdfContent
{
    QString title;
    QString when;
    QString place;
    QString guestName;
    QString puddingName;
    /// The pudding's photo as the server sent it (JPEG/PNG/WebP); may be empty.
    QByteArray photo;
    QString number;
    QString qrPayload;
    /// "Revoked: …" or empty for a valid ticket (a revoked ticket has no QR).
    QString revokedText;
};

enum class TicketPageFormat {
    A4, ///< 210 × 297 mm, for printing
    Phone, ///< 90 × 160 mm, to show on a phone
};

/// A one-page PDF ticket (QPdfWriter, the QR code as vector rectangles with its quiet zone).
/// Plain QPainter work: run it on a worker thread (QtConcurrent::run). The bytes of the PDF.
[[nodiscard]] Result<QByteArray> renderTicketPdf(
    const TicketPdfContent &content, TicketPageFormat format);
/// renderTicketPdf() written to `path` with QSaveFile (a complete file or none). Worker thread.
[[nodiscard]] Result<void> writeTicketPdf(
    const QString &path, const TicketPdfContent &content, TicketPageFormat format);

} // namespace Pudding::Client
