#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Docs drift: every option and environment variable `pudding-server --help` prints must be
described in the man page (packaging/man/pudding-server.1) and in the documented config
(packaging/server.ini).

    check-docs.py --server build/server/pudding-server [--source-dir .] [--pretend-option NAME]
    check-docs.py --self-test

--pretend-option adds an option the server does not have to its help output; the check must
then fail (the negative control run by ctest). --self-test checks the checker on made-up
texts.
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

# Only on the command line, so the config file mentions them in a comment, not as a key.
OPTION_RE = re.compile(r"^\s+(?:-\w,\s+)?--([a-z0-9][a-z0-9-]*)", re.MULTILINE)
ENV_RE = re.compile(r"\bPUDDING_[A-Z0-9_]+\b")


def help_items(help_text):
    """The long options and the environment variables a --help text names."""
    options = sorted(set(OPTION_RE.findall(help_text)))
    env = sorted(set(ENV_RE.findall(help_text)))
    return options, env


def man_text(roff):
    """The roff source with its escapes for '-' undone, so '\\-\\-port' reads '--port'."""
    return roff.replace("\\-", "-").replace("\\(hy", "-")


def missing(help_text, man_roff, ini_text):
    """(document, item) pairs for every option or variable one of the documents lacks."""
    options, env = help_items(help_text)
    man = man_text(man_roff)
    problems = []
    for opt in options:
        pattern = re.compile(r"(?<![a-z0-9-])--" + re.escape(opt) + r"(?![a-z0-9-])")
        if not pattern.search(man):
            problems.append(("man page", "--" + opt))
        if not pattern.search(ini_text):
            problems.append(("server.ini", "--" + opt))
    for var in env:
        if not re.search(r"\b" + var + r"\b", man):
            problems.append(("man page", var))
        if not re.search(r"\b" + var + r"\b", ini_text):
            problems.append(("server.ini", var))
    return problems


def self_test():
    help_text = (
        "Usage: srv [options] command\n\nEnvironment: PUDDING_PORT, PUDDING_HOST.\n\n"
        "Options:\n  -h, --help          Displays help.\n  --port <port>       Port.\n"
        "  --host <address>    Address.\n")
    man = ".TP\n.BR \\-h \", \" \\-\\-help\n.BI \\-\\-port \" port\"\n.BI \\-\\-host\n" \
          "PUDDING_PORT PUDDING_HOST\n"
    ini = "; --help\n; --port, PUDDING_PORT\n; --host, PUDDING_HOST\n"
    failures = []
    if help_items(help_text) != (["help", "host", "port"], ["PUDDING_HOST", "PUDDING_PORT"]):
        failures.append("parsing: %r" % (help_items(help_text),))
    if missing(help_text, man, ini):
        failures.append("complete docs reported: %r" % missing(help_text, man, ini))
    cases = {
        "option missing from the man page": (man.replace("\\-\\-host", "host"), ini,
                                             [("man page", "--host")]),
        "option missing from server.ini": (man, ini.replace("--port", "port"),
                                           [("server.ini", "--port")]),
        "variable missing from server.ini": (man, ini.replace("PUDDING_HOST", ""),
                                             [("server.ini", "PUDDING_HOST")]),
        # A longer option must not count for a shorter one.
        "prefix is not a match": (man.replace("\\-\\-port", "\\-\\-port\\-file"), ini,
                                  [("man page", "--port")]),
    }
    for name, (m, i, expected) in cases.items():
        got = missing(help_text, m, i)
        if got != expected:
            failures.append("%s: expected %r, got %r" % (name, expected, got))
    for f in failures:
        print("check-docs self-test FAILED:", f)
    if not failures:
        print("check-docs self-test: %d cases passed" % (len(cases) + 2))
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", help="the pudding-server binary")
    parser.add_argument("--source-dir", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--pretend-option", help="add a made-up option to the help text")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not args.server:
        parser.error("--server is required")
    help_text = subprocess.run([args.server, "--help"], check=True, capture_output=True,
                               text=True).stdout
    if args.pretend_option:
        help_text += "  --%s <x>   made up for the negative control\n" % args.pretend_option
    source = Path(args.source_dir)
    man = (source / "packaging/man/pudding-server.1").read_text(encoding="utf-8")
    ini = (source / "packaging/server.ini").read_text(encoding="utf-8")
    options, env = help_items(help_text)
    if len(options) < 5:
        print("check-docs: found only %r in the --help output" % options)
        return 1
    problems = missing(help_text, man, ini)
    for where, item in problems:
        print("check-docs: %s is not documented in the %s" % (item, where))
    if problems:
        return 1
    print("check-docs: %d options and %d environment variables documented in the man page "
          "and server.ini" % (len(options), len(env)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
