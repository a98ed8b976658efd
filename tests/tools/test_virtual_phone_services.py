"""The virtual phone's framebuffer:, reverse:, network and log services, through the REAL adb
server (the `adb` program and adbutils), the way adbutils' own end-to-end suite uses a phone."""
from __future__ import annotations

import re
import socket
import struct
import subprocess
import time

import adbutils
import pytest

from tools.virtual_phone import VirtualPhoneError

THREADTIME = re.compile(r"^\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} +(\d+) +(\d+) ([VDIWEF]) (\S+) *: (.*)$")


@pytest.fixture()
def device(vphone) -> adbutils.AdbDevice:
    # AdbClient() finds the same adb server as the `adb` program (ANDROID_ADB_SERVER_PORT or 5037).
    return adbutils.AdbClient(host="127.0.0.1").device(vphone.serial)


def adb(serial: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["adb", "-s", serial, *args], capture_output=True, text=True, timeout=20, check=False)


# ----------------------------------------------------------------------------- framebuffer:
def test_framebuffer_header_and_pixels_match_screencap(device):
    raw = device.shell("screencap", encoding=None)  # 16-byte header + RGBA, what adbd reads
    with device.open_transport() as c:
        c.send_command("framebuffer:")
        c.check_okay()
        header = struct.unpack("<14I", c.read(56))
        pixels = c.read(header[3])
    version, bpp, colour_space, size, width, height = header[:6]
    assert (version, bpp, colour_space, width, height) == (2, 32, 1, 1080, 2400)
    assert size == width * height * 4 == len(pixels)
    assert header[6:] == (0, 8, 16, 8, 8, 8, 24, 8)  # red, blue, green, alpha (offset, length)
    assert pixels == raw[16:]


def test_adbutils_framebuffer_is_the_same_picture_as_the_screenshot(device):
    device.shell(["am", "start", "-n", "com.android.settings/.Settings"])
    image = device.framebuffer()
    assert (image.size, image.mode) == ((1080, 2400), "RGBA")
    shot = device.screenshot()  # screencap -p, decoded from PNG
    assert image.convert("RGB").tobytes() == shot.convert("RGB").tobytes()
    device.keyevent(3)  # HOME
    assert device.framebuffer().tobytes() != image.tobytes()  # the picture follows the screen


# ----------------------------------------------------------------------------- reverse:
def test_adb_reverse_add_list_remove(vphone, device):
    assert adb(vphone.serial, "reverse", "tcp:12345", "tcp:4000").returncode == 0
    listing = adb(vphone.serial, "reverse", "--list").stdout
    assert re.search(r"^host-\d+ tcp:12345 tcp:4000$", listing, re.MULTILINE), listing
    assert [(r.remote, r.local) for r in device.reverse_list()] == [("tcp:12345", "tcp:4000")]
    assert [(r.device, r.host) for r in vphone.reverses.list()] == [("tcp:12345", "tcp:4000")]

    chosen = adb(vphone.serial, "reverse", "tcp:0", "tcp:5000")  # the phone picks a free port
    assert chosen.returncode == 0 and chosen.stdout.strip().isdigit(), chosen
    assert f"tcp:{chosen.stdout.strip()} tcp:5000" in adb(vphone.serial, "reverse", "--list").stdout

    refused = adb(vphone.serial, "reverse", "--no-rebind", "tcp:12345", "tcp:1")
    assert refused.returncode == 1 and "cannot rebind existing socket" in refused.stderr
    device.reverse("tcp:12345", "tcp:4001")  # rebinding without --no-rebind replaces the target
    assert ("tcp:12345", "tcp:4001") in [(r.remote, r.local) for r in device.reverse_list()]

    missing = adb(vphone.serial, "reverse", "--remove", "tcp:9")
    assert missing.returncode == 1 and "listener 'tcp:9' not found" in missing.stderr
    assert adb(vphone.serial, "reverse", "--remove", "tcp:12345").returncode == 0
    assert "tcp:12345" not in adb(vphone.serial, "reverse", "--list").stdout
    assert adb(vphone.serial, "reverse", "--remove-all").returncode == 0
    assert device.reverse_list() == [] and vphone.reverses.list() == []


def test_reverse_carries_a_phone_connection_to_the_computer(vphone, device):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.settimeout(10)
        device.reverse("tcp:7000", f"tcp:{server.getsockname()[1]}")
        stream = vphone.connect_reverse("tcp:7000")  # an app on the phone connects to its port 7000
        conn, _ = server.accept()  # the adb server connected to the computer side
        with conn:
            conn.settimeout(10)
            stream.write(b"ping")
            assert conn.recv(4) == b"ping"
            conn.sendall(b"pong")
            assert stream.read_exact(4) == b"pong"
            stream.close()
    with pytest.raises(VirtualPhoneError, match="Connection refused"):
        vphone.connect_reverse("tcp:7001")  # nothing listens there
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))  # a port nobody listens on
        device.reverse("tcp:7002", f"tcp:{closed.getsockname()[1]}")
        with pytest.raises(VirtualPhoneError, match="the computer side refused"):
            vphone.connect_reverse("tcp:7002")


# ----------------------------------------------------------------------------- ifconfig / ip
def test_wlan_address_follows_the_wifi_switch(device):
    assert device.wlan_ip() == "192.168.1.57"  # adbutils parses `ifconfig wlan0`
    assert "inet 192.168.1.57/24" in device.shell(["ip", "addr", "show", "dev", "wlan0"])
    assert "wlan0" in device.shell("ifconfig")  # an interface that is up is listed

    device.switch_wifi(False)
    down = device.shell(["ifconfig", "wlan0"])
    assert down.startswith("wlan0") and "inet addr" not in down and "UP" not in down.split()
    ip_down = device.shell("ip addr show dev wlan0")
    assert "state DOWN" in ip_down and "inet " not in ip_down
    assert "wlan0" not in device.shell("ifconfig") and device.shell("ip route") == ""
    with pytest.raises(adbutils.AdbError):
        device.wlan_ip()

    device.switch_wifi(True)
    assert device.wlan_ip() == "192.168.1.57"
    r = device.shell2("ifconfig wlan9")
    assert (r.returncode, r.output.strip()) == (1, "ifconfig: ioctl 8913: No such device")
    r = device.shell2("ip addr show dev wlan9")
    assert (r.returncode, r.output.strip()) == (1, 'Device "wlan9" does not exist.')


# ----------------------------------------------------------------------------- logcat / log
def _read_until(reader, tag: str) -> str:
    """Lines from a streaming logcat until one has `tag`; fails on end of stream."""
    while True:
        line = reader.readline()
        assert line, f"logcat ended before a {tag} line arrived"
        if f" {tag}" in line or f"/{tag}" in line:
            return line.rstrip("\n")


def test_logcat_streams_the_lines_log_writes(device):
    stream = device.shell("logcat -v threadtime", stream=True)
    try:
        stream.conn.settimeout(15)  # a regression fails instead of hanging
        reader = stream.conn.makefile("r", encoding="utf-8")
        device.shell(["log", "-p", "i", "-t", "AnimaTest", "first line"])
        m = THREADTIME.match(_read_until(reader, "AnimaTest"))
        assert m and m.groups()[2:] == ("I", "AnimaTest", "first line")
        assert m.group(1) == m.group(2)  # toybox log is single-threaded: tid == pid
        # Still open: a line written later reaches the same stream.
        device.shell(["log", "-p", "w", "-t", "AnimaTest", "second", "line"])
        m2 = THREADTIME.match(_read_until(reader, "AnimaTest"))
        assert m2 and m2.groups()[2:] == ("W", "AnimaTest", "second line")
    finally:
        stream.close()
    assert device.shell("echo still here") == "still here"


def test_logcat_dump_filters_and_clear(device):
    device.shell(["log", "-t", "AnimaTest", "kept"])  # default priority I
    device.shell(["log", "-p", "d", "-t", "AnimaTest", "debug detail"])
    dump = device.shell("logcat -d -v time AnimaTest:I *:S")  # -d returns instead of streaming
    lines = [l for l in dump.splitlines() if not l.startswith("---------")]
    assert len(lines) == 1 and re.match(r"^\S+ \S+ I/AnimaTest\(\s*\d+\): kept$", lines[0]), dump
    assert "D/AnimaTest" in device.shell("logcat -d -v brief -s AnimaTest")
    r = device.shell2("log -p x -t AnimaTest nope")
    assert (r.returncode, r.output.strip()) == (1, "log: bad -p 'x'")
    device.shell("logcat -c")
    assert "AnimaTest" not in device.shell("logcat -d")


def test_adbutils_logcat_helper_and_adb_logcat(vphone, device, tmp_path):
    out = tmp_path / "logcat.txt"
    watcher = device.logcat(out, clear=True, re_filter="I/AnimaTest")
    device.shell(["log", "-p", "i", "-t", "AnimaTest", "hello"])
    # The helper's reader thread checks for stop before each line, so wait for the line first.
    deadline = time.monotonic() + 15
    while "AnimaTest" not in out.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.05)
    # stop() returns once its reader sees one more line: a phone's log never stays quiet.
    watcher.stop(timeout=15)
    assert re.search(r"^\S+ \S+ I/AnimaTest\(\s*\d+\): hello$", out.read_text(encoding="utf-8"), re.MULTILINE)
    # `adb logcat` sends "export ANDROID_LOG_TAGS=...; exec logcat ..." over shell v2.
    r = adb(vphone.serial, "logcat", "-d", "-s", "AnimaTest")
    assert r.returncode == 0 and "I AnimaTest: hello" in r.stdout, r


def test_reverse_listeners_go_away_with_their_adb_connection(vphone, device):
    device.reverse("tcp:8081", "tcp:8081")
    assert [r.device for r in vphone.reverses.list()] == ["tcp:8081"]
    subprocess.run(["adb", "disconnect", vphone.serial], capture_output=True, timeout=20, check=False)
    deadline = time.monotonic() + 10  # the adb server closes its TCP connection to the phone
    while vphone.reverses.list() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert vphone.reverses.list() == []


# ----------------------------------------------------------------------------- formats (no adb)
def test_logcat_output_formats_and_options():
    from tools.virtual_phone import VirtualPhone

    phone = VirtualPhone()  # not started: run_shell is the same shell adb reaches
    assert phone.run_shell("log -p e -t Fmt 'two\nlines'")[0] == 0
    phone.run_shell("log -t Fmt third")

    def out(cmd: str) -> list[str]:
        status, stdout, stderr = phone.run_shell(cmd)
        assert status == 0, stderr
        return [l for l in stdout.decode().splitlines() if not l.startswith("---------")]

    pid = re.search(r"\((\s*\d+)\)", out("logcat -d -v brief -s Fmt")[2]).group(1).strip()  # "third"
    assert out("logcat -d -v tag -s Fmt") == ["E/Fmt     : two", "E/Fmt     : lines", "I/Fmt     : third"]
    assert out("logcat -d -v process -s Fmt")[2] == f"I({pid:>5}) third  (Fmt)"
    assert out("logcat -d -v raw -s Fmt") == ["two", "lines", "third"]
    assert out("logcat -d -v long -s Fmt")[1:3] == ["two", "lines"]
    assert out("logcat -d -v raw -s Fmt:W") == ["two", "lines"]           # priority floor
    assert out("logcat -d -v raw -s -e ^thi Fmt") == ["third"]            # regex
    assert out("logcat -v raw -t 1 -s Fmt") == ["third"]                  # -t N implies -d
    assert out("logcat -v raw -m 1 -s Fmt") == ["two", "lines"]           # -m stops, no stream
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} E/Fmt\s*\(\s*\d+\): two",
                        out("logcat -d -v time -v year -v usec -s Fmt")[0])
    status, _, err = phone.run_shell("logcat -d -v fancy")
    assert status == 1 and b"unknown output format 'fancy'" in err


def test_ip_one_line_and_link():
    from tools.virtual_phone import VirtualPhone

    phone = VirtualPhone()
    assert phone.run_shell("ip -o -4 addr show wlan0")[1].decode() == (
        "30: wlan0    inet 192.168.1.57/24 brd 192.168.1.255 scope global wlan0\\"
        "       valid_lft forever preferred_lft forever\n")
    assert phone.run_shell("ip link show lo")[1].decode().startswith("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536")
    status, _, err = phone.run_shell("ip neighbour")
    assert status == 255 and err == b'Object "neighbour" is unknown, try "ip help".\n'
    status, _, err = phone.run_shell("ifconfig wlan0 down")  # the shell user may not change it
    assert status == 1 and err == b"ifconfig: ioctl 8914: Permission denied\n"
