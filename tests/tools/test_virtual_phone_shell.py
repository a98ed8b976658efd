"""The virtual phone's shell: sh parsing as adbutils quotes things, POSIX tools, exit codes."""
from __future__ import annotations

import shlex

import pytest

from tools.virtual_phone import VirtualPhone
from tools.virtual_phone.shell import ShellSyntaxError, parse


@pytest.fixture()
def phone() -> VirtualPhone:
    return VirtualPhone()  # not started: run_shell drives the same shell the adb services use


def sh(phone: VirtualPhone, command: str) -> tuple[int, str, str]:
    code, out, err = phone.run_shell(command)
    return code, out.decode(), err.decode()


@pytest.mark.parametrize("arg", [
    "hello world", "it's \"quoted\"", "%s and %%s", "Grüße 👋 ü", "a;b && c || d | e > f",
    "$HOME `x` \\n", "  leading and trailing  ", "",
])
def test_shlex_quoted_arguments_round_trip(phone, arg):
    # adbutils turns list arguments into one string with shlex.quote; the shell must undo it exactly.
    code, out, _ = sh(phone, " ".join(map(shlex.quote, ["echo", "-n", arg])))
    assert code == 0
    assert out == arg


def test_sequences_and_exit_codes(phone):
    assert sh(phone, "false; echo $?") == (0, "1\n", "")
    assert sh(phone, "true && echo yes || echo no") == (0, "yes\n", "")
    assert sh(phone, "false && echo yes || echo no") == (0, "no\n", "")
    assert sh(phone, "echo a;echo b") == (0, "a\nb\n", "")
    code, out, err = sh(phone, "nosuchtool --flag")
    assert code == 127 and out == ""
    assert err == "/system/bin/sh: nosuchtool: inaccessible or not found\n"
    assert sh(phone, "exit 3; echo never")[0] == 3


def test_double_quotes_expand_and_single_quotes_do_not(phone):
    assert sh(phone, "false; echo \"code=$?\" 'code=$?'")[1] == "code=1 code=$?\n"
    assert sh(phone, r'echo "a\"b" a\ b')[1] == 'a"b a b\n'


def test_files_redirection_and_pipes(phone):
    assert sh(phone, "echo one > /sdcard/f.txt; echo two >> /sdcard/f.txt; cat /sdcard/f.txt")[1] == "one\ntwo\n"
    assert sh(phone, "cat /storage/emulated/0/f.txt | grep -c o")[1] == "2\n"
    assert sh(phone, "rm /sdcard/f.txt && ls /sdcard/f.txt")[0] == 1
    assert sh(phone, "rm -f /sdcard/f.txt; echo $?")[1] == "0\n"
    code, out, err = sh(phone, "cat /nope 2>&1")
    assert (code, out, err) == (1, "cat: /nope: No such file or directory\n", "")
    assert sh(phone, "cat /nope 2>/dev/null")[1:] == ("", "")


@pytest.mark.parametrize("bad", ["echo 'unterminated", "&& echo x", "echo x |", "echo x &&"])
def test_syntax_errors_are_reported_not_crashes(phone, bad):
    with pytest.raises(ShellSyntaxError):
        parse(bad)
    code, _, err = sh(phone, bad)
    assert code == 2 and err.startswith("/system/bin/sh:")


def test_android_info_commands(phone):
    assert sh(phone, "getprop ro.build.version.sdk")[1] == "34\n"
    assert sh(phone, "getprop no.such.prop")[1] == "\n"
    assert sh(phone, "wm size")[1] == "Physical size: 1080x2400\n"
    assert "uid=2000(shell)" in sh(phone, "id")[1]
    packages = sh(phone, "pm list packages")[1].splitlines()
    assert "package:com.android.settings" in packages
    assert sh(phone, "pm list packages -3")[1] == ("package:com.android.adbkeyboard\npackage:com.instagram.android\n"
                                                  "package:com.spotify.music\npackage:com.whatsapp\n")
    assert sh(phone, "cmd package resolve-activity --brief com.android.settings")[1].splitlines()[-1] == \
        "com.android.settings/.Settings"
    listing = sh(phone, "cmd package query-activities -a android.intent.action.MAIN -c android.intent.category.LAUNCHER")[1]
    assert "packageName=com.google.android.apps.messaging" in listing and "nonLocalizedLabel=Messages" in listing
    battery = sh(phone, "dumpsys battery")[1]
    assert "  level: 85\n" in battery and "AC powered: false" in battery


def test_every_command_is_recorded(phone):
    sh(phone, "echo one")
    sh(phone, "input keyevent HOME")
    assert phone.commands == ["echo one", "input keyevent HOME"]
