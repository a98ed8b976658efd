"""`ifconfig` and `ip`: the phone's network interfaces as a shell user sees them.

Two interfaces: ``lo`` and ``wlan0``. With Wi-Fi on, wlan0 is up with a DHCP address on a home
/24; with Wi-Fi off the interface still exists (the driver stays loaded on a Pixel) but is down
and has no address, so clients that parse ``inet addr:`` (adbutils' ``wlan_ip()``) or
``inet X/24`` find none. Output follows toybox ``ifconfig`` and iproute2 ``ip``; the shell user
may read but not change interfaces (``ioctl ...: Permission denied``, as on a retail phone).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tools.virtual_phone.shell import IO, CommandFn

WLAN_MAC = "8a:4f:19:2c:7e:31"      # Android's per-network randomized MAC (locally administered)
WLAN_IPV6 = "fe80::884f:19ff:fe2c:7e31"  # EUI-64 link-local address of that MAC
WLAN_IP, WLAN_PREFIX, WLAN_BCAST, WLAN_MASK = "192.168.1.57", 24, "192.168.1.255", "255.255.255.0"
WLAN_NET = "192.168.1.0/24"


@dataclass(frozen=True)
class Interface:
    index: int
    name: str
    up: bool
    loopback: bool
    mtu: int
    qlen: int
    mac: str
    inet: tuple[str, int, str, str] | None   # address, prefix, broadcast, mask
    inet6: tuple[str, int, str] | None       # address, prefix, scope ("host" | "link")
    counters: tuple[int, int, int, int]      # rx packets, tx packets, rx bytes, tx bytes


def interfaces(wifi_on: bool) -> list[Interface]:
    lo = Interface(1, "lo", True, True, 65536, 1000, "00:00:00:00:00:00", ("127.0.0.1", 8, "", "255.0.0.0"),
                   ("::1", 128, "host"), (1204, 1204, 98312, 98312))
    wlan = Interface(30, "wlan0", wifi_on, False, 1500, 3000, WLAN_MAC,
                     (WLAN_IP, WLAN_PREFIX, WLAN_BCAST, WLAN_MASK) if wifi_on else None,
                     (WLAN_IPV6, 64, "link") if wifi_on else None,
                     (48213, 20377, 61234567, 3456789) if wifi_on else (0, 0, 0, 0))
    return [lo, wlan]


# ----------------------------------------------------------------------------- ifconfig
def _ifconfig_block(i: Interface) -> str:
    if i.loopback:
        lines = [f"{i.name:<10}Link encap:Local Loopback "]
    else:
        lines = [f"{i.name:<10}Link encap:Ethernet  HWaddr {i.mac}  Driver cnss_pci"]
    pad = " " * 10
    if i.inet:
        addr, _, bcast, mask = i.inet
        lines.append(f"{pad}inet addr:{addr}  " + (f"Bcast:{bcast}  " if bcast else "") + f"Mask:{mask} ")
    if i.inet6:
        addr, prefix, scope = i.inet6
        lines.append(f"{pad}inet6 addr: {addr}/{prefix} Scope: {scope.capitalize()}")
    flags = (["UP"] if i.up else []) + (["LOOPBACK"] if i.loopback else ["BROADCAST"]) + \
        (["RUNNING"] if i.up else []) + ([] if i.loopback else ["MULTICAST"])
    lines.append(f"{pad}{' '.join(flags)}  MTU:{i.mtu}  Metric:1")
    rx, tx, rxb, txb = i.counters
    lines += [f"{pad}RX packets:{rx} errors:0 dropped:0 overruns:0 frame:0 ",
              f"{pad}TX packets:{tx} errors:0 dropped:0 overruns:0 carrier:0 ",
              f"{pad}collisions:0 txqueuelen:{i.qlen} ",
              f"{pad}RX bytes:{rxb} TX bytes:{txb} "]
    return "\n".join(lines) + "\n\n"


def _ifconfig(wifi_on: Callable[[], bool]) -> CommandFn:
    def ifconfig(argv: list[str], io: IO) -> int:
        args = argv[1:]
        show_all = bool(args) and args[0] == "-a"
        if show_all:
            args = args[1:]
        ifaces = interfaces(wifi_on())
        if not args:
            io.out("".join(_ifconfig_block(i) for i in ifaces if i.up or show_all))
            return 0
        match = next((i for i in ifaces if i.name == args[0]), None)
        if match is None:
            io.err("ifconfig: ioctl 8913: No such device\n")  # SIOCGIFFLAGS on an unknown name
            return 1
        if len(args) > 1:
            io.err("ifconfig: ioctl 8914: Permission denied\n")  # SIOCSIFFLAGS as the shell user
            return 1
        io.out(_ifconfig_block(match))
        return 0
    return ifconfig


# ----------------------------------------------------------------------------- ip
def _link_lines(i: Interface) -> list[str]:
    if i.loopback:
        flags, state, qdisc = "LOOPBACK,UP,LOWER_UP", "UNKNOWN", "noqueue"
        link = f"    link/loopback {i.mac} brd 00:00:00:00:00:00"
    else:
        flags = "BROADCAST,MULTICAST,UP,LOWER_UP" if i.up else "BROADCAST,MULTICAST"
        state, qdisc = ("UP" if i.up else "DOWN"), "mq"
        link = f"    link/ether {i.mac} brd ff:ff:ff:ff:ff:ff"
    return [f"{i.index}: {i.name}: <{flags}> mtu {i.mtu} qdisc {qdisc} state {state} group default qlen {i.qlen}",
            link]


def _addr_lines(i: Interface, family: str) -> list[tuple[str, str]]:
    """-> [(address line, lifetime line)] for the requested family ("", "inet", "inet6")."""
    out = []
    life = "       valid_lft forever preferred_lft forever"
    if i.inet and family in ("", "inet"):
        addr, prefix, bcast, _ = i.inet
        scope = "host" if i.loopback else "global"
        out.append((f"    inet {addr}/{prefix}" + (f" brd {bcast}" if bcast else "") + f" scope {scope} {i.name}", life))
    if i.inet6 and family in ("", "inet6"):
        addr, prefix, scope = i.inet6
        out.append((f"    inet6 {addr}/{prefix} scope {scope}", life))
    return out


def _ip(wifi_on: Callable[[], bool]) -> CommandFn:
    objects = {"a": "addr", "ad": "addr", "addr": "addr", "address": "addr", "l": "link", "li": "link",
               "link": "link", "r": "route", "ro": "route", "route": "route"}

    def ip(argv: list[str], io: IO) -> int:
        args = argv[1:]
        family, oneline = "", False
        while args and args[0].startswith("-"):
            opt = args.pop(0)
            if opt in ("-4",):
                family = "inet"
            elif opt in ("-6",):
                family = "inet6"
            elif opt in ("-o", "-oneline"):
                oneline = True
            elif opt in ("-f", "-family") and args:
                family = {"inet": "inet", "inet6": "inet6"}.get(args.pop(0), "")
            else:
                io.err(f'Option "{opt}" is unknown, try "ip -help".\n')
                return 255
        if not args:
            io.err("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
                   "where  OBJECT := { address | link | route | rule | neigh | ... }\n")
            return 255
        name = args.pop(0)
        obj = objects.get(name)
        if obj is None:
            io.err(f'Object "{name}" is unknown, try "ip help".\n')
            return 255
        if args and args[0] in ("show", "list", "lst", "sh", "ls"):
            args.pop(0)
        if args and args[0] == "dev":
            args.pop(0)
        ifaces = interfaces(wifi_on())
        if obj == "route":
            on = next(i for i in ifaces if i.name == "wlan0").up
            if family != "inet6" and on:
                io.out(f"{WLAN_NET} dev wlan0 proto kernel scope link src {WLAN_IP} \n")
            return 0
        if args:
            ifaces = [i for i in ifaces if i.name == args[0]]
            if not ifaces:
                io.err(f'Device "{args[0]}" does not exist.\n')
                return 1
        for i in ifaces:
            if obj == "link":
                head, link = _link_lines(i)
                io.out(f"{head}\\{link}\n" if oneline else f"{head}\n{link}\n")
                continue
            addrs = _addr_lines(i, family)
            if oneline:
                for addr, life in addrs:
                    io.out(f"{i.index}: {i.name}{addr}\\{life}\n")
                continue
            if family and not addrs:
                continue  # `ip -4 addr` leaves out interfaces without an IPv4 address
            head, link = _link_lines(i)
            io.out(head + "\n" + link + "\n" + "".join(f"{a}\n{life}\n" for a, life in addrs))
        return 0
    return ip


def network_commands(wifi_on: Callable[[], bool]) -> dict[str, CommandFn]:
    """wifi_on() reads the phone's Wi-Fi switch at the moment a command runs."""
    return {"ifconfig": _ifconfig(wifi_on), "ip": _ip(wifi_on)}
