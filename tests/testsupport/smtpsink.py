#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The tests' SMTP server (aiosmtpd): every accepted message becomes <dir>/<n>.eml (written
under a temporary name, then renamed) with its envelope in <n>.json.

Marked recipients (by the local part) behave differently:
  refuse…@   451 at RCPT (try again later)       reject…@   550 at RCPT (never)
  slow…@     the first message to it waits --slow-seconds before the DATA answer, after
             writing <dir>/slow-started-<n> (so a test knows the client is waiting)

Usage: smtpsink.py --dir DIR --port-file FILE [--slow-seconds N]
"""
import argparse
import asyncio
import json
import os
import signal
import sys

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, directory, slow_seconds):
        self.directory = directory
        self.slow_seconds = slow_seconds
        self.count = 0
        self.slowed = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("refuse"):
            return "451 4.3.0 Try again later (refused by the test sink)"
        if local.startswith("reject"):
            return "550 5.1.1 No such user (rejected by the test sink)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        n = self.count
        slow = [a for a in envelope.rcpt_tos
                if a.split("@")[0].lower().startswith("slow") and a not in self.slowed]
        if slow:
            self.slowed.update(slow)
            with open(os.path.join(self.directory, "slow-started-%d" % n), "w") as f:
                f.write(slow[0])
            await asyncio.sleep(self.slow_seconds)
        base = os.path.join(self.directory, "%06d" % n)
        with open(base + ".json.tmp", "w") as f:
            json.dump({"mailFrom": envelope.mail_from, "rcptTo": envelope.rcpt_tos}, f)
        os.rename(base + ".json.tmp", base + ".json")
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 OK queued as %d" % n


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--slow-seconds", type=float, default=60)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    sink = Sink(args.dir, args.slow_seconds)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        lambda: SMTP(sink, decode_data=False, enable_SMTPUTF8=True, hostname="sink.test",
                     data_size_limit=64 * 1024 * 1024),
        "127.0.0.1", 0))
    port = server.sockets[0].getsockname()[1]
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(args.port_file + ".tmp", args.port_file)
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.add_signal_handler(signal.SIGINT, loop.stop)
    loop.run_forever()
    server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
