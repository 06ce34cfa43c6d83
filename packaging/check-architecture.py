#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The server's architecture, checked: one library per folder under server/, and

  (a) no cycle between them: read from every server/**/CMakeLists.txt (qt_add_library and
      target_link_libraries), a library must never reach itself through its link lines;
  (b) no reaching around the link lines: an `#include "folder/file.h"` in a library's sources
      must name a file of that library or of a server library it links, directly or
      transitively.

Exit status 0 when both hold, 1 with one line per problem otherwise. `--self-test` runs the
checks on synthetic graphs (a cycle must be caught, an acyclic graph must pass, an include into
an unlinked folder must be caught) instead of the real tree.

Usage: check-architecture.py [--source-dir DIR] | --self-test
Standard library only (python3 on Debian 12).
"""

import argparse
import os
import re
import sys
import tempfile

KEYWORDS = {"PUBLIC", "PRIVATE", "INTERFACE", "LINK_PUBLIC", "LINK_PRIVATE", "STATIC"}
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.MULTILINE)


def strip_comments(text):
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def commands(text, name):
    """The argument lists of every call of the CMake command `name` in `text`."""
    for match in re.finditer(r"\b%s\s*\(" % re.escape(name), text):
        depth, i = 1, match.end()
        while i < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        yield text[match.end():i - 1].split()


def read_libraries(server_dir):
    """{library: folder} and {library: set of libraries it links}, from the CMake files."""
    folders, links = {}, {}
    for root, _dirs, files in os.walk(server_dir):
        if "CMakeLists.txt" not in files:
            continue
        text = strip_comments(open(os.path.join(root, "CMakeLists.txt"), encoding="utf-8").read())
        for args in commands(text, "qt_add_library"):
            if args and "INTERFACE" not in args:
                folders[args[0]] = os.path.relpath(root, server_dir)
        for args in commands(text, "target_link_libraries"):
            if args:
                links.setdefault(args[0], set()).update(a for a in args[1:] if a not in KEYWORDS)
    # Only edges between the server's own libraries matter here.
    graph = {lib: {d for d in links.get(lib, ()) if d in folders} for lib in folders}
    return folders, graph


def find_cycle(graph):
    """A list of libraries forming a cycle (first repeated at the end), or None."""
    white, grey, black = 0, 1, 2
    colour = {node: white for node in graph}
    stack = []

    def visit(node):
        colour[node] = grey
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if colour.get(dep, white) == grey:
                return stack[stack.index(dep):] + [dep]
            if colour.get(dep, white) == white:
                found = visit(dep)
                if found:
                    return found
        stack.pop()
        colour[node] = black
        return None

    for node in sorted(graph):
        if colour[node] == white:
            found = visit(node)
            if found:
                return found
    return None


def reachable(graph, start):
    seen, todo = set(), [start]
    while todo:
        for dep in graph.get(todo.pop(), ()):
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def owner_of(path, folders):
    """The library whose folder holds `path` (relative to server/): the deepest folder wins."""
    best = None
    for lib, folder in folders.items():
        if folder != "." and (path + "/").startswith(folder + "/"):
            if best is None or len(folder) > len(folders[best]):
                best = lib
    return best


def include_violations(server_dir, folders, graph):
    problems = []
    for lib, folder in sorted(folders.items()):
        allowed = reachable(graph, lib) | {lib}
        directory = os.path.join(server_dir, folder)
        for name in sorted(os.listdir(directory)):
            if not name.endswith((".h", ".cpp")):
                continue
            source = os.path.join(folder, name)
            text = open(os.path.join(directory, name), encoding="utf-8").read()
            for included in INCLUDE_RE.findall(text):
                if "/" not in included:
                    continue  # a file of the same folder
                target = owner_of(included, folders)
                if target is not None and target not in allowed:
                    problems.append(
                        "%s (%s) includes \"%s\" of %s, which %s does not link"
                        % (source, lib, included, target, lib))
    return problems


def check(server_dir):
    folders, graph = read_libraries(server_dir)
    if not folders:
        return ["no libraries found under %s" % server_dir]
    problems = []
    cycle = find_cycle(graph)
    if cycle:
        problems.append("cycle between server libraries: " + " -> ".join(cycle))
    problems += include_violations(server_dir, folders, graph)
    return problems


def self_test():
    failures = []

    def expect(condition, what):
        if not condition:
            failures.append(what)

    cyclic = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    cycle = find_cycle(cyclic)
    expect(cycle is not None and cycle[0] == cycle[-1] and set(cycle) == {"a", "b", "c"},
           "a -> b -> c -> a is not reported as a cycle (got %r)" % (cycle,))
    expect(find_cycle({"a": {"a"}}) == ["a", "a"], "a library linking itself is not a cycle")
    expect(find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None,
           "a diamond is reported as a cycle")

    # The same on real files: two libraries linking each other, and an include around the links.
    with tempfile.TemporaryDirectory() as tmp:
        def write(path, text):
            os.makedirs(os.path.dirname(os.path.join(tmp, path)), exist_ok=True)
            with open(os.path.join(tmp, path), "w", encoding="utf-8") as f:
                f.write(text)

        write("low/CMakeLists.txt", "qt_add_library(lib-low STATIC low.h low.cpp)\n"
                                    "target_link_libraries(lib-low PUBLIC Qt6::Core)\n")
        write("low/low.cpp", '#include "low.h"\n#include "shared/result.h"\n')
        write("mid/CMakeLists.txt", "qt_add_library(lib-mid STATIC mid.cpp)\n"
                                    "target_link_libraries(lib-mid\n    PRIVATE lib-low)\n")
        write("mid/mid.cpp", '#include "low/low.h"\n')
        write("top/CMakeLists.txt", "qt_add_library(lib-top STATIC top.cpp)\n"
                                    "target_link_libraries(lib-top PRIVATE lib-mid)\n")
        write("top/top.cpp", '#include "mid/mid.h"\n#include "low/low.h"  # via lib-mid\n')
        write("side/CMakeLists.txt", "qt_add_library(lib-side STATIC side.cpp)\n")
        write("side/side.cpp", "// nothing\n")
        expect(check(tmp) == [], "a clean tree fails: %r" % check(tmp))

        write("side/side.cpp", '#include "top/top.h"\n')
        problems = check(tmp)
        expect(len(problems) == 1 and "lib-side" in problems[0] and "top/top.h" in problems[0],
               "an include into an unlinked folder is not caught: %r" % problems)
        write("side/side.cpp", "// nothing\n")

        write("low/CMakeLists.txt", "qt_add_library(lib-low STATIC low.h low.cpp)\n"
                                    "target_link_libraries(lib-low PUBLIC lib-top)\n")
        problems = check(tmp)
        expect(any(p.startswith("cycle between server libraries:") for p in problems),
               "a cycle in the CMake files is not caught: %r" % problems)

    for failure in failures:
        print("self-test FAILED: " + failure)
    if not failures:
        print("self-test passed: cycles and includes around the link lines are caught")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source-dir", default=os.path.join(os.path.dirname(__file__), ".."),
                        help="the repository root (default: the one holding this script)")
    parser.add_argument("--self-test", action="store_true",
                        help="check the checker on synthetic graphs")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    server_dir = os.path.join(os.path.abspath(args.source_dir), "server")
    problems = check(server_dir)
    for problem in problems:
        print("architecture: " + problem)
    if problems:
        return 1
    folders, graph = read_libraries(server_dir)
    print("architecture: %d server libraries, no cycle, every include within the link lines"
          % len(folders))
    return 0


if __name__ == "__main__":
    sys.exit(main())
