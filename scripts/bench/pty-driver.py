#!/usr/bin/env python3
"""Runs one program in a pseudo-terminal and reports what it wrote, and when, as JSON.

Usage: pty-driver.py PLAN_JSON   (the plan as a JSON string argument)

The plan:
  {"argv": [...], "env": {...}, "cols": 80, "rows": 24, "timeout": 20,
   "steps": [ ...see STEP KINDS below... ]}

Step kinds (each may carry "label"; results are listed in order under "marks"):
  {"wait_text": "Hello", "since": "mark"|LABEL}  wait until the text shows up in the output,
       searched from the start, from the previous mark ("mark") or from the mark labelled LABEL;
       the mark's time is when the read holding the text's last byte returned
  {"wait_screen": "Hello"} wait until the text shows on the screen as a terminal emulator (pyte,
                          fed every byte) draws it; for programs that send only changed cells, where
                          a text need not arrive in one piece; the mark's time is the arrival of the
                          read that completed it
  {"wait_quiet": 300}     wait until the program has written nothing for that many ms;
                          the mark's time is the time of the last byte before the quiet
  {"send": "\\u001b[B"}   write these bytes to the terminal, as if typed
  {"watch": 5000}         keep reading output for this long (a measuring window, not a pause)
  {"proc": true}          record /proc/PID/status (VmRSS, VmHWM, ctxt switches) and /proc/PID/stat
                          (utime, stime in clock ticks) of the program
  {"mark": true}          record the current time and byte offset
Every mark records "t" (seconds since spawn) and "offset" (bytes written by the program so far).

After the last step, the driver waits for the program to exit (up to "exit_timeout" seconds, default
3), then kills it. The report has "marks", "total_bytes", "exit" (code or -signal), "timed_out"
(a wait step that never came true; its label is in "failed_step") and, when "keep_output" is set,
the output decoded as UTF-8 with replacement.

The window size is set on the terminal inside the child before exec, so the program never sees
any other size; the spawn time is taken just before fork.
"""
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def read_proc(pid):
    record = {}
    try:
        with open(f'/proc/{pid}/status') as status:
            for line in status:
                key, _, value = line.partition(':')
                if key in ('VmRSS', 'VmHWM'):
                    record[key + '_kB'] = int(value.split()[0])
                elif key in ('voluntary_ctxt_switches', 'nonvoluntary_ctxt_switches', 'Threads'):
                    record[key] = int(value.strip())
        with open(f'/proc/{pid}/stat') as stat:
            # The command name may contain spaces; the fields after ')' are fixed.
            fields = stat.read().rsplit(')', 1)[1].split()
            record['utime_ticks'] = int(fields[11])
            record['stime_ticks'] = int(fields[12])
        record['clock_ticks_per_s'] = os.sysconf('SC_CLK_TCK')
    except (FileNotFoundError, ProcessLookupError) as error:
        record['error'] = f'process gone: {error}'
    return record


def main():
    plan = json.loads(sys.argv[1])
    cols = int(plan.get('cols', 80))
    rows = int(plan.get('rows', 24))
    timeout = float(plan.get('timeout', 20))
    env = plan.get('env') or dict(os.environ)

    start = time.monotonic()
    pid, master = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
            os.execvpe(plan['argv'][0], plan['argv'], env)
        finally:
            os._exit(127)

    output = bytearray()
    # The emulated screen, only when a step asks for it (pyte comes with python3-pyte).
    screen = None
    if any('wait_screen' in step for step in plan.get('steps', [])):
        import pyte
        screen = pyte.Screen(cols, rows)
        screen_stream = pyte.ByteStream(screen)

    def screen_has(text):
        # Not screen.display: pyte 0.8 fails on a wide character half overwritten (an empty cell).
        return any(text in ''.join(screen.buffer[y][x].data for x in range(screen.columns)) for y in range(screen.lines))

    last_byte_at = None
    first_byte_at = None
    eof = False

    def now():
        return time.monotonic() - start

    # (end offset, arrival time) of every read, to date the byte where a text was completed.
    chunks = []

    def arrival(offset):
        for end, at in chunks:
            if end > offset:
                return at
        return now()

    def pump(until, once=False):
        """Reads output until the deadline `until` or EOF (or after one read when `once`)."""
        nonlocal last_byte_at, first_byte_at, eof
        while not eof:
            remaining = until - time.monotonic()
            if remaining <= 0:
                return
            ready, _, _ = select.select([master], [], [], remaining)
            if not ready:
                return
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b''
            if not chunk:
                eof = True
                return
            output.extend(chunk)
            if screen is not None:
                screen_stream.feed(chunk)
            last_byte_at = now()
            chunks.append((len(output), last_byte_at))
            if first_byte_at is None:
                first_byte_at = last_byte_at
            if once:
                return

    marks = []
    report = {'marks': marks, 'timed_out': False}
    last_mark_offset = 0
    deadline = start + timeout
    for step in plan.get('steps', []):
        label = step.get('label')
        mark = {'label': label} if label else {}
        if 'wait_text' in step:
            needle = step['wait_text'].encode()
            since = step.get('since')
            if since is None:
                base = 0
            elif since == 'mark':
                base = last_mark_offset
            else:
                base = next((m['offset'] for m in marks if m.get('label') == since), None)
                if base is None:
                    report['timed_out'] = True
                    report['failed_step'] = f'{label or "wait_text"}: no earlier mark "{since}"'
                    break
            found = -1
            while True:
                found = output.find(needle, base)
                if found >= 0 or eof or time.monotonic() >= deadline:
                    break
                # Only the new bytes (and a needle's length before them) can hold a new match.
                base = max(base, len(output) - len(needle) + 1)
                pump(deadline, once=True)
            if found < 0:
                report['timed_out'] = True
                report['failed_step'] = label or step['wait_text']
                break
            # When the last byte of the text arrived, not when this loop noticed it.
            mark['t'] = arrival(found + len(needle) - 1)
            mark['found_at'] = found
        elif 'wait_screen' in step:
            while not screen_has(step['wait_screen']) and not eof and time.monotonic() < deadline:
                pump(deadline, once=True)
            if not screen_has(step['wait_screen']):
                report['timed_out'] = True
                report['failed_step'] = label or step['wait_screen']
                break
            mark['t'] = last_byte_at if last_byte_at is not None else now()
        elif 'wait_quiet' in step:
            quiet = step['wait_quiet'] / 1000
            while not eof and time.monotonic() < deadline:
                before = len(output)
                pump(min(deadline, time.monotonic() + quiet))
                if len(output) == before:
                    break
            if time.monotonic() >= deadline:
                report['timed_out'] = True
                report['failed_step'] = label or 'wait_quiet'
                break
            mark['t'] = last_byte_at if last_byte_at is not None else now()
        elif 'send' in step:
            os.write(master, step['send'].encode())
            mark['t'] = now()
        elif 'watch' in step:
            pump(time.monotonic() + step['watch'] / 1000)
            mark['t'] = now()
        elif 'proc' in step:
            mark['t'] = now()
            mark['proc'] = read_proc(pid)
        else:
            mark['t'] = now()
        mark['offset'] = len(output)
        last_mark_offset = len(output)
        marks.append(mark)

    exit_deadline = time.monotonic() + float(plan.get('exit_timeout', 3))
    status = None
    while status is None:
        done, raw = os.waitpid(pid, os.WNOHANG)
        if done:
            status = raw
            break
        if time.monotonic() >= exit_deadline:
            report['killed'] = True
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            break
        pump(min(exit_deadline, time.monotonic() + 0.02))
    # Whatever the program wrote while exiting.
    pump(time.monotonic() + 0.05)
    os.close(master)

    report['exit'] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
    report['first_byte_t'] = first_byte_at
    report['total_bytes'] = len(output)
    report['pid'] = pid
    if plan.get('keep_output'):
        report['output'] = output.decode('utf-8', errors='replace')
    print(json.dumps(report))


if __name__ == '__main__':
    main()
