"""The virtual phone through the REAL adb server and adbutils: connect, shell, dump, sync, PNG."""
from __future__ import annotations

import shutil
import struct
import subprocess
import zlib

import adbutils
import pytest

from tools.virtual_phone import VirtualPhone, adb_connect, adb_disconnect


@pytest.fixture(scope="session")
def adb_server() -> adbutils.AdbClient:
    if shutil.which("adb") is None:
        pytest.fail("the adb program is missing (apt install adb): these tests need the real adb server")
    subprocess.run(["adb", "start-server"], check=True, capture_output=True, timeout=30)
    return adbutils.AdbClient(host="127.0.0.1", port=5037)


@pytest.fixture()
def phone(adb_server):
    phone = VirtualPhone()  # port 0: a fresh free port per test, never clashing with other sessions
    phone.start()
    adb_connect(phone.serial)
    yield phone
    adb_disconnect(phone.serial)
    phone.stop()


@pytest.fixture()
def device(adb_server, phone) -> adbutils.AdbDevice:
    return adb_server.device(phone.serial)


def test_adb_lists_the_phone_as_a_device(phone):
    out = subprocess.run(["adb", "devices", "-l"], capture_output=True, text=True, timeout=10).stdout
    line = next(l for l in out.splitlines() if l.startswith(phone.serial))
    assert "device" in line.split() and "model:Pixel_7" in line


def test_adbutils_shell_and_exit_codes(device, phone):
    assert device.shell(["echo", "it's a \"test\" %s ü"]) == "it's a \"test\" %s ü"
    assert device.shell("getprop ro.build.version.sdk") == "34"
    assert device.shell2("ls /nope").returncode == 1
    r = device.shell2("nosuch")
    assert (r.returncode, r.output.rstrip()) == (127, "/system/bin/sh: nosuch: inaccessible or not found")
    assert device.app_current().package == "com.google.android.apps.nexuslauncher"
    assert device.window_size() == (1080, 2400)
    assert device.battery().level == 85
    assert "echo it's a" not in phone.commands[0] and phone.commands[0].startswith("echo ")


def test_adb_command_line_gets_shell_v2_exit_status(phone):
    r = subprocess.run(["adb", "-s", phone.serial, "shell", "echo out; ls /nope; exit 3"],
                       capture_output=True, text=True, timeout=10)
    assert (r.returncode, r.stdout, r.stderr) == (3, "out\n", "ls: /nope: No such file or directory\n")


def test_dump_hierarchy_through_sync(device):
    xml = device.dump_hierarchy()
    assert xml.startswith("<?xml") and 'text="Messages"' in xml


def test_sync_push_pull_stat_list(device, tmp_path):
    payload = bytes(range(256)) * 1000  # > one 64 KiB sync chunk
    device.sync.push(payload, "/sdcard/Download/blob.bin")
    assert device.sync.read_bytes("/sdcard/Download/blob.bin") == payload
    assert device.sync.stat("/sdcard/Download/blob.bin").size == len(payload)
    assert "blob.bin" in [f.path for f in device.sync.list("/sdcard/Download")]
    assert device.sync.stat("/sdcard/missing").mtime is None
    with pytest.raises(adbutils.AdbError):
        device.sync.read_bytes("/sdcard/missing")
    local = tmp_path / "up.txt"
    local.write_text("über\n")
    r = subprocess.run(["adb", "-s", device.serial, "push", str(local), "/data/local/tmp/up.txt"],
                       capture_output=True, text=True, timeout=10)
    assert r.returncode == 0, r.stderr
    assert device.shell("cat /data/local/tmp/up.txt") == "über"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    assert struct.unpack(">I", data[29:33])[0] == zlib.crc32(data[12:29]) & 0xFFFFFFFF
    return struct.unpack(">II", data[16:24])


def test_screencap_png(device):
    data = device.shell("screencap -p", encoding=None)
    assert _png_size(data) == (1080, 2400)
    image = device.screenshot()
    assert image.size == (1080, 2400)
    device.shell("monkey -p com.android.chrome -c android.intent.category.LAUNCHER 1")
    assert device.screenshot().tobytes() != image.tobytes()  # the picture follows the screen


def test_sms_flow_through_adbutils(device, phone):
    device.shell(["am", "start", "-a", "android.intent.action.SENDTO", "-d", "smsto:+15550100",
                  "--es", "sms_body", "See you at 6, don't be late"])
    assert phone.state().sms_sent == []
    xml = device.dump_hierarchy()
    import re
    node = next(n for n in re.findall(r"<node [^>]*>", xml) if 'content-desc="Send SMS"' in n)
    x1, y1, x2, y2 = map(int, re.search(r'bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"', node).groups())
    device.click((x1 + x2) // 2, (y1 + y2) // 2)
    assert [s.model_dump() for s in phone.state().sms_sent] == [{"to": "+15550100", "body": "See you at 6, don't be late"}]


def test_disconnect_makes_adbutils_fail_and_reconnect_recovers(device, phone):
    assert device.shell("echo up") == "up"
    phone.disconnect()
    with pytest.raises(adbutils.AdbError):
        device.shell("echo down")
    phone.reconnect()
    adb_connect(phone.serial)
    assert device.shell("echo up again") == "up again"


def test_standalone_runner_prints_serial_and_state(adb_server):
    import json
    import signal
    import sys
    proc = subprocess.Popen([sys.executable, "-m", "tools.virtual_phone", "--port", "0", "--connect"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        serial = proc.stdout.readline().strip()
        assert serial.startswith("127.0.0.1:")
        dev = adb_server.device(serial)
        dev.shell(["svc", "bluetooth", "enable"])
        r = subprocess.run(["adb", "-s", serial, "root"], capture_output=True, text=True, timeout=10)
        assert "cannot run as root in production builds" in r.stdout + r.stderr
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    state = json.loads(out)
    assert state["bluetooth"] is True and state["foreground"] == "com.google.android.apps.nexuslauncher"
    assert serial not in subprocess.run(["adb", "devices"], capture_output=True, text=True).stdout


def test_fault_drop_after_a_command_ran(adb_server):
    from tools.virtual_phone import Faults
    phone = VirtualPhone(faults=Faults(disconnect_after="am start"))
    phone.start()
    adb_connect(phone.serial)
    try:
        dev = adb_server.device(phone.serial)
        dev.shell(["am", "start", "-a", "android.intent.action.CALL", "-d", "tel:123"])
        assert [c.to for c in phone.state().calls] == ["123"]  # it ran on the phone...
        with pytest.raises(adbutils.AdbError):  # ...and then the phone was gone
            dev.shell("echo still there?")
        assert phone.faults.disconnect_after is None
    finally:
        adb_disconnect(phone.serial)
        phone.stop()


def test_adb_shell_reads_commands_from_stdin(phone):
    r = subprocess.run(["adb", "-s", phone.serial, "shell"], input="echo hi\ngetprop ro.product.model\nfalse",
                       capture_output=True, text=True, timeout=10)
    assert (r.returncode, r.stdout) == (1, "hi\nPixel 7\n")
    assert phone.commands == ["echo hi", "getprop ro.product.model", "false"]
