"""Latency of the virtual phone through the real adb server (what every phone test pays).

Run: .venv/bin/python -m bench.bench_virtual_phone [--n 20]
Prints a table of median / p90 milliseconds per operation.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import time

import adbutils

from tools.virtual_phone import VirtualPhone, adb_connect, adb_disconnect


def timed(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _log_to_logcat(dev: adbutils.AdbDevice, n: int) -> list[float]:
    """From running `log` until its line arrives on an already open `logcat` stream."""
    stream = dev.shell("logcat -v threadtime -s BenchTag", stream=True)
    reader = stream.conn.makefile("r", encoding="utf-8")
    out = []
    try:
        for i in range(n):
            t = time.perf_counter()
            dev.shell(["log", "-t", "BenchTag", f"line {i}"])
            while not reader.readline().rstrip().endswith(f"BenchTag: line {i}"):
                pass
            out.append((time.perf_counter() - t) * 1000)
    finally:
        stream.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20)
    n = parser.parse_args().n
    subprocess.run(["adb", "start-server"], check=True, capture_output=True)
    phone = VirtualPhone()
    phone.start()
    rows = []
    try:
        rows.append(("adb connect (until 'device')", timed(lambda: (adb_connect(phone.serial)), 1)))
        # The adb server of the `adb` program: ANDROID_ADB_SERVER_PORT, else 5037.
        dev = adbutils.AdbClient(host="127.0.0.1").device(phone.serial)
        rows.append(("shell echo", timed(lambda: dev.shell("echo hi"), n)))
        rows.append(("shell input tap", timed(lambda: dev.shell(["input", "tap", "540", "1200"]), n)))
        rows.append(("dumpsys window", timed(lambda: dev.shell(["dumpsys", "window"]), n)))
        rows.append(("dump_hierarchy (shell+sync)", timed(dev.dump_hierarchy, n)))
        rows.append(("screencap -p (1080x2400 PNG)", timed(lambda: dev.shell("screencap -p", encoding=None), max(3, n // 4))))
        rows.append(("framebuffer: (1080x2400 RGBA)", timed(dev.framebuffer, max(3, n // 4))))
        rows.append(("wlan_ip (ifconfig wlan0)", timed(dev.wlan_ip, n)))
        rows.append(("reverse tcp:A tcp:B + list", timed(lambda: (dev.reverse("tcp:7100", "tcp:7200"),
                                                                  dev.reverse_list()), n)))
        rows.append(("logcat -d", timed(lambda: dev.shell("logcat -d"), n)))
        rows.append(("log -> line in streaming logcat", _log_to_logcat(dev, n)))
        blob = bytes(1024 * 1024)
        rows.append(("sync push 1 MiB", timed(lambda: dev.sync.push(blob, "/sdcard/b.bin"), max(3, n // 4))))
        rows.append(("sync pull 1 MiB", timed(lambda: dev.sync.read_bytes("/sdcard/b.bin"), max(3, n // 4))))
    finally:
        adb_disconnect(phone.serial)
        phone.stop()
    print(f"{'operation':34} {'n':>3} {'median ms':>10} {'p90 ms':>8}")
    for name, xs in rows:
        xs = sorted(xs)
        p90 = xs[min(len(xs) - 1, int(len(xs) * 0.9))]
        print(f"{name:34} {len(xs):>3} {statistics.median(xs):>10.1f} {p90:>8.1f}")


if __name__ == "__main__":
    main()
