// SPDX-License-Identifier: GPL-3.0-or-later
#include "wsframe.h"

namespace Pudding::Server {

QByteArray textFrame(const QByteArray &utf8)
{
    // RFC 6455 5.2: FIN + text opcode, no mask (server to client), then the length.
    QByteArray frame;
    const qsizetype n = utf8.size();
    frame.reserve(n + 10);
    frame.append(char(0x81));
    if (n < 126) {
        frame.append(char(n));
    } else if (n < 65536) {
        frame.append(char(126));
        frame.append(char((n >> 8) & 0xff));
        frame.append(char(n & 0xff));
    } else {
        frame.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((quint64(n) >> shift) & 0xff));
    }
    frame.append(utf8);
    return frame;
}

QByteArray textFramePayload(const QByteArray &frame)
{
    if (frame.size() < 2)
        return {};
    const int len = quint8(frame[1]) & 0x7f;
    const qsizetype header = len < 126 ? 2 : len == 126 ? 4 : 10;
    if (frame.size() < header)
        return {};
    return frame.mid(header);
}

} // namespace Pudding::Server
