#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The API contract, checked: api/openapi.json (REST) and api/live-frames.schema.json (/ws)
against the code and against what the server really sent during a test run.

  (a) every route of server/*/*routes.cpp is an operation of openapi.json and every operation
      a route (paths marked x-pudding-websocket or x-pudding-conditional may be missing from
      the routes);
  (b) every error code of shared/protocol.h the server sends is documented (REST codes in the
      Error schema's enum, socket codes in the error frame's), no document names a code that
      does not exist, and every documented error response's codes have that status in
      httpStatusFor (server/http/httpresponse.cpp);
  (c) every recorded exchange (tests/testsupport/contractrecorder.h writes them, one JSON line
      each) matches: its operation is found by method and path template, its status is
      documented for it (or a `default`), its Content-Type and body match the documented
      ones, the headers marked `required` are there; requests matching no operation got one
      of the router's documented answers (x-pudding-router). Every frame the server sent is one
      of the frames of live-frames.schema.json; frames the tests sent are counted (tests send
      invalid frames on purpose);
  (d) no saved server log contains a token or password the tests used (secrets-*.txt).

Counts per operation and the operations no test exercised are printed. Exit status 0 when
everything holds, 1 with one line per problem otherwise (and when there are no recordings).
`--self-test` feeds synthetic recordings, logs and sources that must each fail (a wrong body,
an undocumented status, an unknown path, a bad frame, a leaked token, an undocumented route,
an undocumented error code) and a clean set that must pass.

Usage: check-contract.py [--source-dir DIR] [--recordings DIR] [--structure-only] | --self-test
Needs Debian's python3-jsonschema (4.10: RefResolver, no `referencing`).
"""

import argparse
import collections
import glob
import json
import os
import re
import sys
import tempfile

from jsonschema import Draft202012Validator, RefResolver
from jsonschema.exceptions import best_match

HERE = os.path.dirname(os.path.abspath(__file__))
METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
MIN_SECRET_LENGTH = 10  # shorter "secrets" (a test's "x") would match ordinary log text


def media_type(value):
    return (value or "").split(";")[0].strip().lower()


def short(secret):
    return "%s…(%d characters)" % (secret[:4], len(secret))


def normalize(path):
    """A path template with its parameter names dropped: /a/{id}/b/<id> -> /a/{}/b/{}."""
    return re.sub(r"\{[^}]*\}|<[^>]*>", "{}", path)


class Contract:
    """The two documents, with validators and the path matcher."""

    def __init__(self, openapi, frames):
        self.openapi = openapi
        self.frames = frames
        self.resolver = RefResolver.from_schema(openapi)
        self.frame_resolver = RefResolver.from_schema(frames)
        self._validators = {}
        self.templates = []  # (path template, [segment matchers])
        for path, item in openapi["paths"].items():
            params = {}
            for operation in item.values():
                if isinstance(operation, dict):
                    for p in operation.get("parameters", []):
                        p = self.deref(p)
                        if p.get("in") == "path":
                            params[p["name"]] = p.get("schema", {}).get("pattern", "^[^/]+$")
            segments = []
            for segment in path.strip("/").split("/"):
                m = re.fullmatch(r"\{([^}]+)\}", segment)
                if m:
                    segments.append(re.compile(params.get(m.group(1), "^[^/]+$")))
                elif "{" in segment:  # a parameter inside a segment: /calendar/{token}.ics
                    parts = re.split(r"\{([^}]+)\}", segment)
                    segments.append(re.compile("^%s$" % "".join(
                        "(?:%s)" % params.get(p, "[^/]+").lstrip("^").rstrip("$") if i % 2
                        else re.escape(p) for i, p in enumerate(parts))))
                else:
                    segments.append(segment)
            self.templates.append((path, segments))
        self.server_frames, self.client_frames = {}, {}
        for name, schema in frames["$defs"].items():
            kind, _, frame_type = name.partition(".")
            if kind in ("server", "client") and frame_type:
                (self.server_frames if kind == "server" else self.client_frames)[frame_type] = name

    def deref(self, node):
        while isinstance(node, dict) and "$ref" in node:
            _url, node = self.resolver.resolve(node["$ref"])
        return node

    def validator(self, key, schema, frames=False):
        if key not in self._validators:
            self._validators[key] = Draft202012Validator(
                schema, resolver=self.frame_resolver if frames else self.resolver)
        return self._validators[key]

    def match_path(self, path):
        """The documented path template of a concrete path, or None."""
        if not path.startswith("/"):
            return None
        segments = path[1:].split("/")
        for template, matchers in self.templates:
            if len(matchers) != len(segments):
                continue
            if all(m.search(s) if isinstance(m, re.Pattern) else m == s
                   for m, s in zip(matchers, segments)):
                return template
        return None

    def operations(self):
        for path, item in self.openapi["paths"].items():
            for method in METHODS:
                if method in item:
                    yield method, path, item[method]


class SchemaError(str):
    """The clearest error of an instance: its text, and a key that groups the same mistake
    (one JSON path and keyword) made with different values."""
    key = ""


def schema_error(validator, instance):
    error = best_match(validator.iter_errors(instance))
    if error is None:
        return None
    text = SchemaError("%s: %s" % (error.json_path, error.message[:300]))
    text.key = "%s %s" % (re.sub(r"\[\d+\]", "[]", error.json_path), error.validator)
    return text


# ---- (a) and (b): the documents against the code ----------------------------------------

ROUTE_RE = re.compile(r'\.add\(\s*(?:M|Request::Method)::(\w+)\s*,\s*u"([^"]+)"_s', re.S)


def read_routes(source_dir):
    """{(method, normalized path): file} of every router.add() in server/*/*routes.cpp."""
    routes = {}
    for name in sorted(glob.glob(os.path.join(source_dir, "server", "*", "*routes.cpp"))):
        text = open(name, encoding="utf-8").read()
        for method, path in ROUTE_RE.findall(text):
            routes[(method.lower(), normalize(path))] = os.path.relpath(name, source_dir)
    return routes


def check_routes(contract, routes):
    problems = []
    documented = {}
    for method, path, operation in contract.operations():
        documented[(method, normalize(path))] = (path, operation)
    for key, where in sorted(routes.items()):
        if key not in documented:
            problems.append("route %s %s (%s) is not in api/openapi.json"
                            % (key[0].upper(), key[1], where))
    for key, (path, operation) in sorted(documented.items()):
        item = contract.openapi["paths"][path]
        exempt = "x-pudding-websocket" in operation or "x-pudding-conditional" in operation \
            or "x-pudding-websocket" in item
        if key not in routes and not exempt:
            problems.append("api/openapi.json documents %s %s, which no server/*/*routes.cpp "
                            "registers" % (key[0].upper(), path))
    return problems


CODE_RE = re.compile(r'inline constexpr auto (\w+) = "([a-z_]+)"_L1;')
STATUS_RE = re.compile(r"\{\s*QString\(EC::(\w+)\),\s*(\d{3})\s*\}")


def read_error_codes(protocol_text):
    """{code: kind} with kind rest, socket or client (from the comments of shared/protocol.h)."""
    block = protocol_text.split("namespace ErrorCode {", 1)[1].split("} // namespace ErrorCode")[0]
    codes, names, kind = {}, {}, "rest"
    for line in block.splitlines():
        if "Socket error frames only" in line:
            kind = "socket"
        elif "Produced by the desktop app itself" in line:
            kind = "client"
        m = CODE_RE.search(line)
        if m:
            codes[m.group(2)] = kind
            names[m.group(1)] = m.group(2)
    return codes, names


def codes_in(schema, contract):
    """The error codes an error response schema allows (enum/const under error.code)."""
    found = set()

    def walk(node):
        # Only the restrictions written in the response itself: a $ref'd Error allows every
        # code, and a response that does not narrow it says nothing to check.
        if isinstance(node, dict) and "$ref" not in node:
            code = node.get("properties", {}).get("error", {}).get("properties", {}).get("code")
            if code is not None:
                code = contract.deref(code)
                if "const" in code:
                    found.add(code["const"])
                found.update(code.get("enum", []))
            for key in ("allOf", "oneOf", "anyOf"):
                for sub in node.get(key, []):
                    walk(sub)

    walk(schema)
    return found


def error_responses(contract):
    """(where, status, response) for every documented response, the router's included."""
    for method, path, operation in contract.operations():
        for status, response in operation.get("responses", {}).items():
            yield "%s %s" % (method.upper(), path), status, contract.deref(response)
    for name, responses in contract.openapi.get("x-pudding-router", {}).items():
        if isinstance(responses, dict):
            for status, response in responses.items():
                if status.isdigit():
                    yield "router " + name, status, contract.deref(response)


def check_error_codes(contract, protocol_text, httpresponse_text):
    problems = []
    codes, names = read_error_codes(protocol_text)
    statuses = {names.get(n, n): int(s) for n, s in STATUS_RE.findall(httpresponse_text)}
    rest_enum = set(contract.deref({"$ref": "#/components/schemas/ErrorCode"})["enum"])
    frame_enum = set(contract.frames["$defs"]["ErrorCode"]["enum"])
    for code, kind in sorted(codes.items()):
        if kind == "rest" and code not in rest_enum:
            problems.append("error code %s (shared/protocol.h) is not in the Error schema's "
                            "enum of api/openapi.json" % code)
        if kind == "socket" and code not in frame_enum:
            problems.append("socket error code %s (shared/protocol.h) is not in the error "
                            "frame's enum of api/live-frames.schema.json" % code)
        if kind == "client" and (code in rest_enum or code in frame_enum):
            problems.append("error code %s is made by the app and never sent, yet documented"
                            % code)
    for code in sorted((rest_enum | frame_enum) - set(codes)):
        problems.append("documented error code %s does not exist in shared/protocol.h" % code)
    for where, status, response in error_responses(contract):
        for content in response.get("content", {}).values():
            for code in sorted(codes_in(content.get("schema", {}), contract)):
                expected = statuses.get(code)
                if expected is None:
                    problems.append("%s %s: code %s has no status in httpStatusFor"
                                    % (where, status, code))
                elif str(expected) != status:
                    problems.append("%s: code %s documented under %s, but httpStatusFor "
                                    "answers it with %d" % (where, code, status, expected))
    return problems


# ---- (c): the recordings ------------------------------------------------------------------

class Run:
    def __init__(self, contract):
        self.contract = contract
        self.problems = collections.OrderedDict()  # message -> count
        self.counts = collections.Counter()
        self.statuses = collections.defaultdict(collections.Counter)
        self.exchanges = 0
        self.frames_in = 0
        self.frames_out = 0
        self.client_frames_invalid = 0
        self.seen_headers = set()
        self.lacking = collections.defaultdict(list)  # header -> responses without it

    def fail(self, line, what, error=None):
        """One problem per distinct mistake, with how often and where it was first seen."""
        where = "%s %s" % (line.get("_program", "?"), line.get("test", ""))
        if line.get("dataTag"):
            where += "(%s)" % line["dataTag"]
        key = what.replace(error, error.key) if isinstance(error, SchemaError) else what
        seen = self.problems.setdefault(key, [0, where.strip(), what])
        seen[0] += 1

    def check_response(self, line, label, status, response):
        """A recorded response against a documented one."""
        response = self.contract.deref(response)
        content = response.get("content")
        kind = line.get("bodyKind")
        method = line.get("method", "").upper()
        if kind == "invalid-json":
            self.fail(line, "%s → %s: the body is not valid JSON (%s)"
                      % (label, status, line.get("bodyError")))
            return
        received_type = media_type(line.get("responseContentType"))
        if not content:
            if kind != "empty" and method != "HEAD":
                self.fail(line, "%s → %s: a body (%s) where none is documented"
                          % (label, status, received_type or "no Content-Type"))
        else:
            if received_type not in content and not (kind == "empty" and method == "HEAD"):
                self.fail(line, "%s → %s: Content-Type %r, documented: %s"
                          % (label, status, received_type, ", ".join(content)))
            elif kind == "json" and method != "HEAD":
                schema = content[received_type].get("schema", {})
                key = (label, status, received_type)
                error = schema_error(self.contract.validator(key, schema), line.get("body"))
                if error:
                    self.fail(line, "%s → %s: body %s" % (label, status, error), error)
        names = set(line.get("responseHeaders", []))
        if names:
            self.seen_headers |= names
            for name, header in response.get("headers", {}).items():
                if self.contract.deref(header).get("x-pudding-on-every-response") \
                        and name.lower() not in names:
                    self.lacking[name.lower()].append((line, "%s → %s" % (label, status)))
        if names:  # recorded: the headers marked required must be there
            for name, header in response.get("headers", {}).items():
                if self.contract.deref(header).get("required") and name.lower() not in names:
                    self.fail(line, "%s → %s: the required header %s is missing"
                              % (label, status, name))

    def check_http(self, line):
        self.exchanges += 1
        method = line.get("method", "").lower()
        path = line.get("path", "")
        status = str(line.get("status"))
        template = self.contract.match_path(path)
        router = self.contract.openapi.get("x-pudding-router", {})
        if method == "options":
            case, responses = ("OPTIONS *", router.get("options", {})) if template \
                else ("unknown path", router.get("unknownPath", {}))
        elif template is None:
            case, responses = "unknown path", router.get("unknownPath", {})
        else:
            item = self.contract.openapi["paths"][template]
            operation = item.get("get" if method == "head" else method)
            if operation is None:
                case, responses = "unknown method", router.get("unknownMethod", {})
            else:
                case = "%s %s" % (method.upper(), template)
                responses = operation.get("responses", {})
        label = case
        if case.startswith("unknown"):
            label = "%s %s (%s)" % (method.upper(), path, case)
        self.counts[case] += 1
        self.statuses[case][status] += 1
        response = responses.get(status) or responses.get("%sXX" % status[0]) \
            or responses.get("default")
        if response is None:
            self.fail(line, "%s → %s: status not documented (documented: %s)"
                      % (label, status, ", ".join(sorted(responses)) or "none"))
            return
        self.check_response(line, label, status, response)
        if status.startswith("2") and "requestBody" in line and not case.startswith("unknown"):
            self.check_accepted_request(line, label, status, operation)

    def check_accepted_request(self, line, label, status, operation):
        """A JSON body the server accepted (2xx) must be one the document allows: otherwise
        the server is more lenient than its contract, or the document too strict."""
        body = self.contract.deref(operation.get("requestBody", {}))
        schema = body.get("content", {}).get(media_type(line.get("requestContentType")),
                                             {}).get("schema")
        if schema is None:
            if body.get("content"):
                self.fail(line, "%s → %s: accepted a %s body; documented: %s" % (
                    label, status, media_type(line.get("requestContentType")),
                    ", ".join(body["content"])))
            return
        key = ("request", label)
        error = schema_error(self.contract.validator(key, schema), line["requestBody"])
        if error:
            self.fail(line, "%s → %s: accepted a request body the document refuses: %s"
                      % (label, status, error), error)

    def check_frame(self, line):
        incoming = line.get("direction") == "in"
        frame = line.get("frame")
        if not incoming:
            self.frames_out += 1
            known = self.contract.client_frames.get((frame or {}).get("type"))
            schema = self.contract.frames["$defs"].get(known) if known else None
            if schema is None or schema_error(
                    self.contract.validator(("frame", known), schema, True), frame):
                self.client_frames_invalid += 1
            else:
                self.counts["frame → %s" % frame["type"]] += 1
            return
        self.frames_in += 1
        self.counts["GET /ws"] += 0 if self.counts["GET /ws"] else 1  # the socket was used
        if not isinstance(frame, dict):
            self.fail(line, "/ws: the server sent a frame that is not a JSON object: %r"
                      % line.get("raw", "")[:80])
            return
        name = self.contract.server_frames.get(frame.get("type"))
        if name is None:
            self.fail(line, "/ws: the server sent a frame of undocumented type %r"
                      % frame.get("type"))
            return
        self.counts["frame ← %s" % frame["type"]] += 1
        schema = self.contract.frames["$defs"][name]
        error = schema_error(self.contract.validator(("frame", name), schema, True), frame)
        if error:
            self.fail(line, "/ws %s frame %s" % (frame["type"], error), error)

    def read(self, recordings):
        files = sorted(glob.glob(os.path.join(recordings, "*.jsonl")))
        for name in files:
            program = os.path.basename(name).rsplit("-", 1)[0]
            with open(name, encoding="utf-8") as f:
                for number, text in enumerate(f, 1):
                    try:
                        line = json.loads(text)
                    except ValueError:
                        what = "%s:%d: not a JSON line" % (name, number)
                        self.problems[what] = [1, name, what]
                        continue
                    line["_program"] = program
                    if line.get("kind") == "http":
                        self.check_http(line)
                    elif line.get("kind") == "ws":
                        self.check_frame(line)
        # A header the server sends on every response (X-Request-Id) is required everywhere
        # as soon as one response of the run has it.
        for name, missing in self.lacking.items():
            if name in self.seen_headers:
                for line, label in missing:
                    self.fail(line, "%s: the header %s is missing (other responses have it)"
                              % (label, name))
        return files


def check_secrets(recordings):
    """Problems for every saved server log that contains a recorded token or password."""
    secrets = {}
    for name in glob.glob(os.path.join(recordings, "secrets-*.txt")):
        with open(name, encoding="utf-8") as f:
            for text in f:
                try:
                    entry = json.loads(text)
                except ValueError:
                    continue
                value = entry.get("value", "")
                if len(value) >= MIN_SECRET_LENGTH:
                    secrets.setdefault(value, entry.get("kind", "secret"))
    word = re.compile(r"[A-Za-z0-9_-]+")
    by_length = collections.defaultdict(set)  # token-like secrets, found by window lookup
    others = []
    for value in secrets:
        if word.fullmatch(value):
            by_length[len(value)].add(value)
        else:
            others.append(value)
    problems = []
    logs = sorted(glob.glob(os.path.join(recordings, "*.log")))
    for log in logs:
        text = open(log, encoding="utf-8", errors="replace").read()
        leaked = set()
        for run in word.finditer(text):
            run = run.group(0)
            for length, values in by_length.items():
                for i in range(0, len(run) - length + 1):
                    if run[i:i + length] in values:
                        leaked.add(run[i:i + length])
        leaked.update(v for v in others if v in text)
        for value in sorted(leaked):
            problems.append("%s contains a %s the tests used: %s"
                            % (os.path.basename(log), secrets[value], short(value)))
    return problems, len(secrets), len(logs)


# ---- the whole check ----------------------------------------------------------------------

def load_contract(source_dir):
    api = os.path.join(source_dir, "api")
    with open(os.path.join(api, "openapi.json"), encoding="utf-8") as f:
        openapi = json.load(f)
    with open(os.path.join(api, "live-frames.schema.json"), encoding="utf-8") as f:
        frames = json.load(f)
    # The documents' own schemas must be valid 2020-12 schemas.
    Draft202012Validator.check_schema(frames)
    for name, schema in openapi["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema)
    return Contract(openapi, frames)


def structure_problems(contract, source_dir):
    read = lambda *p: open(os.path.join(source_dir, *p), encoding="utf-8").read()
    return check_routes(contract, read_routes(source_dir)) + check_error_codes(
        contract, read("shared", "protocol.h"), read("server", "http", "httpresponse.cpp"))


def check(source_dir, recordings, structure_only=False, out=sys.stdout):
    contract = load_contract(source_dir)
    problems = structure_problems(contract, source_dir)
    if not structure_only:
        run = Run(contract)
        files = run.read(recordings) if os.path.isdir(recordings) else []
        logs = glob.glob(os.path.join(recordings, "*.log"))
        if run.exchanges == 0 and run.frames_in == 0:
            if not logs:
                problems.append("nothing recorded in %s: did the server tests run?" % recordings)
            else:  # e.g. ctest -R of one test that starts a server but asks it nothing
                print("note: %d server logs but no exchanges recorded" % len(logs), file=out)
        for count, first, message in run.problems.values():
            problems.append("%s [%s%s]" % (message, first,
                                           ", and %d more" % (count - 1) if count > 1 else ""))
        secret_problems, secrets, logs = check_secrets(recordings)
        problems += secret_problems
        print("%d HTTP exchanges and %d frames from the server (%d sent by tests, %d of them "
              "invalid on purpose) in %d recordings; %d secrets looked for in %d server logs"
              % (run.exchanges, run.frames_in, run.frames_out, run.client_frames_invalid,
                 len(files), secrets, logs), file=out)
        for case, count in sorted(run.counts.items()):
            statuses = run.statuses.get(case)
            detail = " (%s)" % ", ".join("%s×%d" % (s, n) for s, n in sorted(statuses.items())) \
                if statuses else ""
            print("  %6d  %s%s" % (count, case, detail), file=out)
        covered = sum(1 for m, p, o in contract.operations()
                      if run.counts.get("%s %s" % (m.upper(), p)))
        print("operations exercised: %d of %d" % (covered, len(list(contract.operations()))),
              file=out)
        never = ["%s %s" % (m.upper(), p) for m, p, o in contract.operations()
                 if not run.counts.get("%s %s" % (m.upper(), p))]
        never += ["frame ← %s" % t for t in contract.server_frames
                  if not run.counts.get("frame ← %s" % t)]
        if never:
            print("never exercised (informational): " + ", ".join(never), file=out)
    for problem in problems:
        print("contract: " + problem, file=out)
    return not problems


# ---- self-test ----------------------------------------------------------------------------

def self_test(source_dir):
    contract = load_contract(source_dir)
    good_health = {"status": "ok", "version": "1", "uptimeSeconds": 3, "httpWorkers": 2,
                   "eventsIndexed": 0}
    headers = ["content-type", "cache-control", "x-content-type-options", "x-request-id"]

    def http(path, status, body, method="GET", kind="json", ctype="application/json"):
        return {"kind": "http", "method": method, "path": path, "status": status,
                "bodyKind": kind, "body": body, "responseContentType": ctype,
                "responseHeaders": headers, "test": "selfTest"}

    good_user = {"id": 7, "name": "Anna"}
    login = dict(http("/api/auth/login", 200, {
        "user": {"id": 1, "email": "a@b", "name": "A", "createdAt": "2026-01-01T00:00:00.000Z",
                 "language": "en", "timeZone": "Europe/Berlin", "emailConfirmed": False},
        "token": "t" * 43, "expiresInDays": 7}, "POST"), requestContentType="application/json",
        requestBody={"email": "a@b", "password": "correct horse"})
    good = [
        http("/health", 200, good_health),
        http("/api/events/12", 404, {"error": {"code": "not_found", "message": "No."}}),
        http("/api/events/012", 404, {"error": {"code": "not_found", "message": "No."}}),
        http("/api/auth/logout", 204, None, "POST", "empty", ""),
        dict(http("/api/events", 405, {"error": {"code": "method_not_allowed", "message": "No"}},
                  "PUT"), responseHeaders=headers + ["allow"]),
        dict(http("/api/events", 204, None, "OPTIONS", "empty", ""),
             responseHeaders=headers + ["allow"]),
        login,
        {"kind": "ws", "direction": "in", "frame": {"type": "ready", "user": good_user}},
        {"kind": "ws", "direction": "out", "raw": "not json"},
    ]
    bad = {
        "a wrong body": http("/health", 200, {"status": "ok"}),
        "an extra member": http("/health", 200, dict(good_health, secret=1)),
        "an undocumented status": http("/api/events", 201, {"events": []}),
        "an undocumented error code": http(
            "/api/events/12", 404, {"error": {"code": "event_full", "message": "Full."}}),
        "an unknown path answered": http("/api/nowhere", 200, {}),
        "a bad id answered": http("/api/events/012", 200, {}),
        "an undocumented Content-Type": http("/health", 200, None, kind="bytes",
                                             ctype="text/html"),
        "a missing required header": dict(http("/health", 200, good_health),
                                          responseHeaders=["content-type"]),
        "a body that is not JSON": dict(http("/health", 200, None), bodyKind="invalid-json"),
        "a response without X-Request-Id": dict(
            http("/health", 200, good_health),
            responseHeaders=["content-type", "cache-control", "x-content-type-options"]),
        "an accepted request the document refuses": dict(login, requestBody={"email": "a@b"}),
        "a bad frame": {"kind": "ws", "direction": "in", "frame": {"type": "ack"}},
        "an unknown frame": {"kind": "ws", "direction": "in", "frame": {"type": "surprise"}},
        "a frame that is not JSON": {"kind": "ws", "direction": "in", "raw": "{"},
    }
    failures = []
    token = "A" * 20 + "b_c-" + "9" * 19

    def run_case(lines, log_text=None, secret=None):
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "tst_self-1.jsonl"), "w") as f:
                for line in lines:
                    f.write(json.dumps(line) + "\n")
            if secret:
                with open(os.path.join(tmp, "secrets-1.txt"), "w") as f:
                    f.write(json.dumps({"kind": "token", "value": secret}) + "\n")
                    f.write(json.dumps({"kind": "password",
                                        "value": "correct horse battery 9"}) + "\n")
            if log_text is not None:
                with open(os.path.join(tmp, "tst_self-1-server-1.log"), "w") as f:
                    f.write(log_text)
            run = Run(contract)
            run.read(tmp)
            return list(run.problems) + check_secrets(tmp)[0]

    clean = run_case(good, "a log\nuser 7 signed in\n", token)
    if clean:
        failures.append("the clean recording failed: %s" % clean)
    for what, line in bad.items():
        if not run_case(good + [line]):
            failures.append("%s was not caught" % what)
    if not run_case(good, "auth header Bearer %s\n" % token, token):
        failures.append("a leaked token in a server log was not caught")
    if not run_case(good, "user said correct horse battery 9.\n", token):
        failures.append("a leaked password in a server log was not caught")

    # The structural checks: the real tree passes, a changed one must not.
    real = structure_problems(contract, source_dir)
    if real:
        failures.append("the real tree fails the structural checks: %s" % real)
    routes = read_routes(source_dir)
    extra = dict(routes)
    extra[("get", "/api/secret")] = "server/x/xroutes.cpp"
    if not check_routes(contract, extra):
        failures.append("an undocumented route was not caught")
    missing = {k: v for k, v in routes.items() if k != ("get", "/api/auth/me")}
    if not check_routes(contract, missing):
        failures.append("a documented operation without a route was not caught")
    protocol = open(os.path.join(source_dir, "shared", "protocol.h"), encoding="utf-8").read()
    statuses = open(os.path.join(source_dir, "server", "http", "httpresponse.cpp"),
                    encoding="utf-8").read()
    more = protocol.replace("namespace ErrorCode {", 'namespace ErrorCode {\n'
                            'inline constexpr auto Teapot = "teapot"_L1;', 1)
    if not check_error_codes(contract, more, statuses):
        failures.append("an undocumented error code was not caught")
    moved = statuses.replace("{ QString(EC::EventFull), 409 }", "{ QString(EC::EventFull), 422 }")
    if moved == statuses or not check_error_codes(contract, protocol, moved):
        failures.append("an error code documented under the wrong status was not caught")
    with tempfile.TemporaryDirectory() as empty:
        if check(source_dir, empty, out=open(os.devnull, "w")):
            failures.append("an empty recording folder passed")
    for failure in failures:
        print("self-test: " + failure[:2000])
    print("self-test: %d negative controls and the clean set: %s"
          % (len(bad) + 8, "ok" if not failures else "FAILED"))
    return not failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source-dir", default=os.path.dirname(HERE))
    parser.add_argument("--recordings", help="the folder of the test run's recordings")
    parser.add_argument("--structure-only", action="store_true",
                        help="only the documents against the code, no recordings")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return 0 if self_test(args.source_dir) else 1
    if not args.structure_only and not args.recordings:
        parser.error("--recordings is required (or --structure-only)")
    return 0 if check(args.source_dir, args.recordings, args.structure_only) else 1


if __name__ == "__main__":
    sys.exit(main())
