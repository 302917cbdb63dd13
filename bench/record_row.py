#!/usr/bin/env python3
"""Adds a row at the end of one benchmark's table in bench/results.md.

    record_row.py RESULTS TITLE ROW [INTRO_OR_HEADER_LINE ...]

The table is the first run of lines starting with `|` after the line TITLE; when TITLE is not in
the file yet, it is appended with the given lines (an introduction, then the table header).
"""
import sys


def main(path, title, row, *preamble):
    try:
        lines = open(path, encoding="utf-8").read().split("\n")
    except FileNotFoundError:
        lines = ["# Benchmark results", ""]
    if title not in lines:
        while lines and lines[-1] == "":
            lines.pop()
        lines += ["", title, ""] + list(preamble) + [""]
    at = lines.index(title) + 1
    while at < len(lines) and not lines[at].startswith("|"):
        at += 1
    while at < len(lines) and lines[at].startswith("|"):
        at += 1
    lines.insert(at, row)
    open(path, "w", encoding="utf-8").write("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit("usage: record_row.py RESULTS TITLE ROW [PREAMBLE_LINE ...]")
    main(*sys.argv[1:])
