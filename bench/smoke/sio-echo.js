// SPDX-License-Identifier: GPL-3.0-or-later
// chatpeer.js's socket.io flow without its database, for chatload's smoke test: rooms per
// event, send_message → new_message to the whole room. Prints the port it listens on.
const { Server } = require('socket.io');
const http = require('http');
const server = http.createServer();
const io = new Server(server, { transports: ['websocket'] });
let nextId = 1;
io.on('connection', (s) => {
  s.on('join_event', ({ eventId }) => s.join('event:' + eventId));
  s.on('send_message', ({ eventId, userId, content, sentAt }) => {
    io.to('event:' + eventId).emit('new_message', { id: nextId++, eventId, userId, content, sentAt });
  });
});
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
