#!/usr/bin/python3
"""Replays terminal output through pyte, a VT100/xterm emulator, and prints the screens as JSON.

Input (stdin): JSON {"cols": 80, "rows": 24, "runs": [[chunk, ...], ...]}: each run starts from a
fresh screen and feeds its chunks in order; a chunk may be {"resize": [cols, rows]}.
Output: JSON list, one entry per run: {"lines": [...], "attrs": [[...], ...]} where attrs holds
per row a string with one letter per cell: b (bold), r (reverse), u (underline), d (default).
"""
import json
import sys

import pyte


def attrs(row, cols):
    out = []
    for x in range(cols):
        ch = row[x]
        out.append('r' if ch.reverse else 'b' if ch.bold else 'u' if ch.underscore else 'd')
    return ''.join(out)


def main():
    plan = json.load(sys.stdin)
    results = []
    for run in plan['runs']:
        screen = pyte.Screen(plan['cols'], plan['rows'])
        stream = pyte.Stream(screen)
        for chunk in run:
            if isinstance(chunk, dict):
                cols, rows = chunk['resize']
                screen.resize(rows, cols)
                continue
            stream.feed(chunk)
        # Not screen.display: pyte 0.8 fails on a wide character half overwritten (an empty cell).
        lines = [''.join(screen.buffer[y][x].data for x in range(screen.columns)).rstrip() for y in range(screen.lines)]
        results.append({'lines': lines, 'attrs': [attrs(screen.buffer[y], screen.columns) for y in range(screen.lines)]})
    json.dump(results, sys.stdout)


main()
