// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Pudding::Server {

// The project's own RFC 6455 framing, for the one thing Qt's QWebSocket cannot do: encode a
// room's frame once and write the same bytes to every member's socket. Incoming frames are
// read by QWebSocket. Fuzzed by fuzz/fuzz_ws_frame.cpp.

/// A complete server-to-client WebSocket text frame around UTF-8 text: FIN + text opcode, no
/// mask (RFC 6455 5.1: a server never masks), the payload length in its shortest encoding.
[[nodiscard]] QByteArray textFrame(const QByteArray &utf8);
/// The payload of a frame textFrame() made; empty for anything shorter than its header says.
[[nodiscard]] QByteArray textFramePayload(const QByteArray &frame);

} // namespace Pudding::Server
