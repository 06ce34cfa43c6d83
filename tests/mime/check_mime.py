#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parses a mail with Python's email package under policy=strict (any defect raises) and
prints what a mail client would show, as JSON: the decoded headers, the text and HTML parts,
the attachments (base64), the structure, and the line-length facts of the raw bytes.

    check_mime.py FILE
"""
import base64
import email
import email.policy
import json
import sys


def main():
    raw = open(sys.argv[1], "rb").read()
    msg = email.message_from_bytes(raw, policy=email.policy.strict)
    out = {"headers": {}, "text": None, "html": None, "attachments": [], "structure": [],
           "defects": []}
    for name in msg.keys():
        out["headers"][name] = str(msg[name])
    for part in msg.walk():
        out["structure"].append(part.get_content_type())
        out["defects"].extend(str(d) for d in part.defects)
        if part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment":
            out["attachments"].append({
                "filename": part.get_filename(),
                "contentType": part.get_content_type(),
                "params": dict(part.get_params() or []),
                "data": base64.b64encode(part.get_payload(decode=True)).decode(),
            })
        elif part.get_content_type() == "text/plain" and out["text"] is None:
            out["text"] = part.get_content()
        elif part.get_content_type() == "text/html" and out["html"] is None:
            out["html"] = part.get_content()
    lines = raw.split(b"\r\n")
    out["bareLf"] = b"\n" in raw.replace(b"\r\n", b"")
    out["bareCr"] = b"\r" in raw.replace(b"\r\n", b"")
    out["longestLine"] = max(len(l) for l in lines)
    out["nonAscii"] = any(b > 127 for b in raw)
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
