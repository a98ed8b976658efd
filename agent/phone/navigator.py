"""Reach a task's goal on the screen: observe, act on a numbered element, verify, recover.

Most steps need no model. Each turn reads the UI tree and asks, in order:
1. Is the goal met here (the named switch shows the wanted value, the item is gone, the page is
   open)? Then stop, verified.
2. Is the thing the task acts on here (the switch, the alarm card, the photo, the Share button,
   the recipient row)? Then act on it: flipping, deleting and sending ask the user first.
3. Are we in the wrong app? Open the task's app again.
4. Otherwise search: score every safe clickable element by how many of the task's words its label,
   its row (title + summary) and `screenmap.SCREEN_MAP` share, tap the best; if nothing scores,
   scroll the list; at the end of the list, go BACK. Elements already tried on a page are not
   tried again, so BACK after a dead end leads to the next best entry.
Only when the words tie does the small model speak: it scores each tied element's label by
log-probability after the task (`choose`), which is choosing, never writing.

Screen text is data: it is matched against the user's words and never read as a command. The
navigator taps only safe elements while searching; a risky tap (a switch, Delete, Send) happens
only at the step the user's own task names, after `approve` says yes.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from agent.phone import safety
from agent.phone.models import PhoneResult, PlannedAction
from agent.phone.screenmap import MAP_VOCABULARY, map_words, words
from agent.phone.tasks import Task
from tools.device import Device, DeviceError, Screen
from tools.uitree import UiElement

log = logging.getLogger(__name__)

_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\s*([AaPp])\.?[Mm]\.?")
_DELETE_WORDS = re.compile(r"\b(?:delete|remove|move to trash|trash)\b", re.I)
_EXPAND_WORDS = re.compile(r"\b(?:expand|more options|show more)\b", re.I)
_SHARE_WORDS = re.compile(r"^share\b", re.I)
_SEND_WORDS = re.compile(r"^send\b", re.I)
_NAV_WORDS = re.compile(r"^(?:navigate up|back|search settings|search)$", re.I)
CHOOSER_PKG = "com.android.intentresolver"  # Android 14's share sheet ("android" before 13)
_MAX_SCROLLS = 6
_MAX_BACKS = 8
_MAX_REOPENS = 3

Chooser = Callable[[str, str, list[str]], int]  # (task, screen title, labels) -> index of the chosen label
Approver = Callable[[str, PlannedAction], tuple[bool, str]]  # (risk class, action) -> (approved, reason)
Executor = Callable[[PlannedAction], bool]  # runs one action, appends it to the result, False on failure


@dataclass
class Move:
    action: PlannedAction | None = None
    risk: str | None = None
    done: str | None = None   # the goal is met: what the screen shows
    fail: str | None = None   # cannot go on: why
    question: str | None = None  # the user's words fit several things on screen: ask
    chosen_by: str = "words"


@dataclass
class _Page:
    tried: set[str] = field(default_factory=set)
    scrolls: int = 0
    end: bool = False  # scrolled to the end of the list
    went_up: bool = False  # left this page by BACK once because it only hinted at the task


def element_time(text: str) -> tuple[int, int] | None:
    m = _TIME.search(text.replace("\u202f", " "))
    if not m:
        return None
    hour, minute = int(m.group(1)) % 12, int(m.group(2))
    return (hour + 12 if m.group(3).lower() == "p" else hour), minute


class Navigator:
    def __init__(self, dev: Device, task: Task, *, execute: Executor, approve: Approver, choose: Chooser | None,
                 max_steps: int, recipient_number: str | None = None, installed: list[str] | None = None):
        self.dev = dev
        self.task = task
        self.execute = execute
        self.approve = approve
        self.choose = choose
        self.max_steps = max_steps
        self.recipient_digits = re.sub(r"\D", "", recipient_number or "")
        self.package = dev.resolve_package(task.app)
        self.pages: dict[str, _Page] = {}
        self.backs = 0
        self.reopens = 0
        self.hop = 0            # share: 0 item, 1 Share, 2 app, 3 recipient, 4 Send
        self.acted = False      # the risky step ran: now only verification is left
        self.opened_item = False
        self.deleted = ""       # delete: the text of the item whose Delete was tapped
        self.model_choices = 0
        self.transit: set[str] = set()
        if task.kind == "share":
            self.transit = {CHOOSER_PKG, "android"}
            try:
                self.transit.add(dev.resolve_package(task.via))
            except DeviceError:
                pass  # the app is not installed: the chooser will not offer it either
        self.goal = set(task.target)
        # An installed app named in the task ("instagram") also makes "Apps"/"App notifications"
        # relevant: add the generic word so those entries score.
        pkgs = installed or []
        named_app = [w for w in self.goal if len(w) > 3 and w not in MAP_VOCABULARY
                     and any(w in p.lower().split(".") for p in pkgs)]
        if named_app:
            self.goal_search = self.goal | {"app"}
        else:
            self.goal_search = set(self.goal)
        if task.time is not None:
            self.goal_search |= {"alarm"}

    # ---- the loop ----------------------------------------------------------------------------
    def run(self, result: PhoneResult) -> None:
        screen = self.dev.observe()
        for _ in range(self.max_steps):
            move = self.next_move(screen)
            if move.done is not None:
                if result.actions:
                    result.actions[-1].verified = True
                    result.actions[-1].data["goal"] = move.done
                log.debug("goal met: %s", move.done)
                if not result.actions:  # nothing to do: already so
                    result.plan.append(PlannedAction(kind="observe", description=move.done))
                return
            if move.fail is not None:
                result.error = move.fail
                return
            if move.question is not None:
                result.question = move.question
                return
            pa = move.action
            assert pa is not None
            if move.risk is not None:
                ok, reason = self.approve(move.risk, pa)
                if not ok:
                    result.error = f"refused: {reason}. Stopped there; nothing was changed."
                    return
            result.plan.append(pa)
            if not self.execute(pa):
                return
            result.actions[-1].data["chosen_by"] = move.chosen_by
            if move.risk is not None:
                self.acted = True
            before, screen = screen, self.dev.last_screen or self.dev.observe()
            if pa.kind == "scroll" and before.hash == screen.hash:
                self._page(screen).end = True  # the list did not move: its end is on screen
        result.error = (f"stopped after {self.max_steps} steps without finishing '{self.task.describe()}'"
                        f" (on {screen.foreground}: {self._title(screen) or 'untitled screen'})")

    # ---- one decision ------------------------------------------------------------------------
    def next_move(self, screen: Screen) -> Move:
        t = self.task
        if t.kind == "toggle":
            sw = self._find_switch(screen)
            if sw is not None:
                if sw.checked == t.value:
                    return Move(done=f"{self._row_label(screen, sw)!r} is {'on' if t.value else 'off'}")
                if self.acted:
                    return Move(fail=f"tapped {self._row_label(screen, sw)!r} but it did not change")
                return self._tap(sw, screen, risk="settings",
                                 what=f"turn {'on' if t.value else 'off'} {self._row_label(screen, sw)!r}")
            page = self._page(screen)
            if self.goal <= words(self._title(screen)) and (page.end or not any(e.scrollable for e in screen.elements)):
                # the page named like the goal is open and has no such switch: say so, do not wander
                return Move(fail=f"{self._title(screen)!r} is open but has no switch for {t.phrase!r}")
        elif t.kind == "goto":
            if self.goal <= words(self._title(screen)):
                return Move(done=f"{self._title(screen)!r} is open")
        elif t.kind == "delete":
            move = self._delete_move(screen)
            if move is not None:
                return move
        elif t.kind == "share":
            move = self._share_move(screen)
            if move is not None:
                return move
        if self.acted:
            return Move(fail="the last step did not show its effect on the screen")
        if screen.foreground != self.package and not self._in_transit(screen):
            return self._reopen(screen)
        return self._search(screen)

    # ---- task-specific steps -----------------------------------------------------------------
    def _delete_move(self, screen: Screen) -> Move | None:
        anchors = self._find_items(screen)
        if self.acted:
            if self.deleted not in {a.text or a.desc for a in anchors}:
                return Move(done=f"{_plain(self.deleted)!r} is gone")
            return None
        if anchors:
            anchor = self._pick(anchors, screen)
            if isinstance(anchor, Move):
                return anchor
            box = self._container(screen, anchor)
            scope = self._inside(screen, box) if box is not None else []
            button = self._first(scope, _DELETE_WORDS)
            if button is None and box is None and not anchor.clickable and self.opened_item:
                # the item fills the page (an open photo): its Delete is the page's. Never another
                # card's: an expanded 8:30 card's Delete must not serve "delete the 7:00 alarm".
                button = self._first(screen.elements, _DELETE_WORDS)
            if button is not None:
                self.deleted = anchor.text or anchor.desc
                return self._tap(button, screen, risk="delete", what=f"delete {self._item_name(screen, anchor)!r}")
            expand = self._first(scope, _EXPAND_WORDS)
            if expand is not None:
                return self._tap(expand, screen, what=f"expand {self._item_name(screen, anchor)!r}")
            if anchor.clickable and anchor.enabled:
                self.opened_item = True
                return self._tap(anchor, screen, what=f"open {self._item_name(screen, anchor)!r}")
        return None

    def _share_move(self, screen: Screen) -> Move | None:
        if self.acted:
            if not any(e.desc == "Image attachment" for e in screen.elements) and screen.foreground != self.package:
                return Move(done="the photo was sent")
            return None
        clickable = [e for e in screen.elements if e.clickable and e.enabled]
        if self.hop >= 3:
            send = self._first(clickable, _SEND_WORDS)
            if send is not None:
                # Send only a draft that holds the photo and is addressed to the user's recipient.
                if not any(e.desc == "Image attachment" for e in screen.elements) or not self._addressed(screen):
                    return Move(fail=f"the message on screen is not the photo for {self.task.recipient}; nothing was sent")
                self.hop = 4
                return self._tap(send, screen, risk="send_sms", what=f"send the photo to {self.task.recipient}")
        if self.hop >= 2 and screen.foreground != self.package:
            row = self._recipient_row(screen)
            if row is not None:
                self.hop = 3
                return self._tap(row, screen, what=f"choose {row.label!r} as the recipient")
            field_ = next((e for e in screen.elements if "recipient" in e.resource_id and e.clickable), None)
            if field_ is not None and self.recipient_digits and not self._page(screen).tried & {"typed"}:
                self._page(screen).tried.add("typed")
                return Move(action=PlannedAction(kind="type_text", args={"text": self.recipient_digits},
                                                 description=f"type {self.task.recipient}'s number"))
        if self.hop >= 1:
            target = next((e for e in clickable if words(e.label) == words(self.task.via)), None)
            if target is not None:
                self.hop = 2
                return self._tap(target, screen, what=f"share through {target.label!r}")
        anchors = self._find_items(screen)
        if anchors:
            anchor = self._pick(anchors, screen)
            if isinstance(anchor, Move):
                return anchor
            share = self._first(clickable, _SHARE_WORDS)
            # Share from an item page only if this task opened it: a photo left open by someone
            # else may match the words ("my latest photo") without being the one meant.
            if share is not None and self.opened_item:
                self.hop = 1
                return self._tap(share, screen, what="tap Share")
            if anchor.clickable:
                self.opened_item = True
                self.hop = 0
                return self._tap(anchor, screen, what=f"open {self._item_name(screen, anchor)!r}")
        if self.hop and screen.foreground not in (self.package,) and not self._in_transit(screen):
            self.hop = 0  # the share flow broke off (a wrong screen): start again from the item
        return None

    def _in_transit(self, screen: Screen) -> bool:
        """Screens a share passes through outside the photo app: the chooser, then the app it goes to."""
        return self.task.kind == "share" and self.hop >= 1 and screen.foreground in self.transit

    def _addressed(self, screen: Screen) -> bool:
        field_ = next((e for e in screen.elements if "recipient" in e.resource_id), None)
        shown = " ".join(x for x in (field_.text if field_ else "", self._title(screen)) if x)
        if self.recipient_digits:
            return re.sub(r"\D", "", shown).endswith(self.recipient_digits[-10:])
        name = words(self.task.recipient or "")
        return bool(name) and name <= words(shown)

    def _recipient_row(self, screen: Screen) -> UiElement | None:
        name = words(self.task.recipient or "") - {"sister", "brother", "mom", "dad", "mother", "father"}
        best = None
        for e in screen.elements:
            if not (e.clickable and e.enabled) or "recipient" in e.resource_id:
                continue
            texts = self._texts(screen, e)
            digits = re.sub(r"\D", "", " ".join(texts))
            if self.recipient_digits and len(self.recipient_digits) >= 7 and \
                    digits.endswith(self.recipient_digits[-10:]):
                return e
            if not self.recipient_digits and name and name <= words(" ".join(texts)):
                best = best or e
        return best

    # ---- finding things ----------------------------------------------------------------------
    def _find_switch(self, screen: Screen) -> UiElement | None:
        best, best_key = None, None
        title_words = words(self._title(screen))
        for e in screen.elements:
            if not e.checkable or not e.enabled:
                continue
            box = self._container(screen, e)
            own_texts = self._texts(screen, box) if box is not None else [e.label]
            own = words(" ".join(own_texts))
            ctx = title_words | words(self._section(screen, box or e))
            times: list = []
            if self.task.time is not None:
                times = [element_time(x) for x in own_texts]
                if not any(self._time_ok(x) for x in times if x):
                    continue
                own = own | {"alarm"}
            need = self.goal
            if not need <= own | ctx or not need & own and self.task.time is None:
                continue
            exact = self.task.time is not None and any(x == self.task.time for x in times if x)
            key = (exact, len(need & own), -len(own - need))
            if best_key is None or key > best_key:
                best, best_key = e, key
        return best

    def _time_ok(self, hm: tuple[int, int]) -> bool:
        want = self.task.time
        if want is None:
            return False
        if self.task.time_exact:
            return hm == want
        return hm[1] == want[1] and hm[0] % 12 == want[0] % 12

    def _find_items(self, screen: Screen) -> list[UiElement]:
        """Elements that are (or show) the item the task names, in screen order."""
        t = self.task
        if t.time is not None:
            timed = [(e, hm) for e in screen.elements if e.text and (hm := element_time(e.text))]
            exact = [e for e, hm in timed if hm == t.time]
            # "7:00" is 07:00 when that alarm exists; else any 7 o'clock (12-hour reading)
            return exact or [e for e, hm in timed if self._time_ok(hm)]
        need = self.goal - {"alarm"}
        out = []
        for e in screen.elements:
            if not (e.text or e.desc) or e.checkable or (e.clickable and _NAV_WORDS.match(e.label)):
                continue
            if e.clickable and not (e.desc.lower().startswith(("photo", "video")) or e.resource_id.endswith("tile")
                                    or e.cls.endswith("TextView")):
                continue  # items are content (a photo, a card's text), not buttons or tabs
            have = words(" ".join(self._texts(screen, e))) | words(self._section(screen, e))
            if e is not None and not e.clickable:
                have |= words(self._title(screen))
            if need <= have:
                out.append(e)
        # On a list the item is the thing to tap (a photo tile), not a header that happens to match.
        return [e for e in out if e.clickable] or out

    def _pick(self, anchors: list[UiElement], screen: Screen) -> UiElement | Move:
        """The one item the task names, or a question when several match: deleting or sending
        the wrong one is worse than asking, so no model guesses here."""
        items: dict[int, UiElement] = {}
        for a in anchors:
            box = self._container(screen, a)
            items.setdefault(box.index if box is not None else a.index, a)
        if len(items) == 1 or self.task.newest:
            return anchors[0]
        labels: list[str] = []
        for a in items.values():
            box = self._container(screen, a)
            first = next((c.text for c in self._inside(screen, box) if c.text and not c.checkable), "") if box else ""
            name = self._item_name(screen, a)
            labels.append(f"{name} ({_plain(first)})" if first and first != a.text else name)
        return Move(question=f"Several items match {self.task.phrase!r}: {'; '.join(labels)}. Which one?")

    # ---- search ------------------------------------------------------------------------------
    def _search(self, screen: Screen) -> Move:
        page = self._page(screen)
        scored: list[tuple[int, UiElement, bool]] = []
        for e in screen.elements:
            if not (e.clickable and e.enabled) or e.checkable or not e.label or _NAV_WORDS.match(e.label):
                continue
            if e.label in page.tried or safety.risk_class("tap", {}, e.label) is not None:
                continue  # searching never taps Send, Delete, Install...
            if e.bounds[3] - e.bounds[1] < 40:
                continue  # a row scrolled almost out of view
            label = words(e.label) & self.goal_search
            rest = words(" ".join(self._texts(screen, e))) & self.goal_search - label
            mapped = map_words(self.task.app, e.label) & self.goal_search
            # The label says what a row is; its summary only hints (Lock screen: "Show all notification
            # content" is no way to an app's notifications); the static map knows where entries lead.
            score = 3 * len(label) + len(rest) + len(mapped)
            if score > 0:
                # Strong: the map says where it leads, the label is the whole goal, or the label names
                # something no stock page is about (an app's name, "Instagram").
                strong = bool(mapped) or self.goal <= label or bool(label - MAP_VOCABULARY)
                scored.append((score, e, strong))
        strong = [(sc, e) for sc, e, st in scored if st]
        weak = [(sc, e) for sc, e, st in scored if not st]
        if strong:
            return self._tap_best(screen, strong)
        scrollable = any(e.scrollable for e in screen.elements)
        if scrollable and not page.end and page.scrolls < _MAX_SCROLLS:
            page.scrolls += 1
            return Move(action=PlannedAction(kind="scroll", args={"direction": "down"}, description="scroll down"))
        up = next((e for e in screen.elements if e.clickable and e.label.lower() in ("navigate up", "back")), None)
        if weak and up is not None and not page.went_up:
            # Only hints here, and this page has a parent: the way is more likely up than down.
            page.went_up = True
            return Move(action=PlannedAction(kind="key", args={"key": "BACK"},
                                             description="back: this page only hints at the task"))
        if weak:
            return self._tap_best(screen, weak)
        what = self.task.phrase or " ".join(self.task.target)
        if self.backs < _MAX_BACKS:
            self.backs += 1
            return Move(action=PlannedAction(kind="key", args={"key": "BACK"}, description=f"back: nothing here leads to {what}"))
        return Move(fail=f"could not find {what!r} in {self.task.app}")

    def _tap_best(self, screen: Screen, scored: list[tuple[int, UiElement]]) -> Move:
        top = max(sc for sc, _ in scored)
        best = [e for sc, e in scored if sc == top]
        chosen_by = "words"
        pick = best[0]
        if len(best) > 1 and self.choose is not None:
            pick = best[self._model_choice(screen, [e.label for e in best])]
            chosen_by = "model"
        self._page(screen).tried.add(pick.label)
        move = self._tap(pick, screen, what=f"open {pick.label!r}")
        move.chosen_by = chosen_by
        return move

    def _reopen(self, screen: Screen) -> Move:
        if self.reopens >= _MAX_REOPENS:
            return Move(fail=f"could not find {self.task.phrase or ' '.join(self.task.target)!r} in {self.task.app} "
                             f"(searched it {self.reopens} times)")
        self.reopens += 1
        self.hop = 0
        return Move(action=PlannedAction(kind="open_app", args={"name": self.task.app},
                                         description=f"open {self.task.app}"))

    # ---- helpers -----------------------------------------------------------------------------
    def _tap(self, e: UiElement, screen: Screen, *, risk: str | None = None, what: str = "") -> Move:
        args = {"index": e.index, "label": e.label}
        if e.checkable:
            args["switch"] = True
        pa = PlannedAction(kind="tap", args=args, risky=risk is not None, description=what or f"tap {e.label!r}")
        return Move(action=pa, risk=risk)

    def _model_choice(self, screen: Screen, labels: list[str]) -> int:
        assert self.choose is not None
        self.model_choices += 1
        try:
            i = self.choose(self.task.command, self._title(screen), labels)
        except Exception as exc:  # noqa: BLE001 - no model available: the first (screen order) wins
            log.info("model choice unavailable (%s); taking the first", exc)
            return 0
        return i if 0 <= i < len(labels) else 0

    def _page(self, screen: Screen) -> _Page:
        return self.pages.setdefault(f"{screen.foreground}|{self._title(screen)}", _Page())

    @staticmethod
    def _scrollable(e: UiElement) -> bool:
        return e.scrollable

    @staticmethod
    def _title(screen: Screen) -> str:
        """The page title: the first plain text in the top bar (or the first plain text at all)."""
        texts = [e for e in screen.elements if e.text and not e.clickable and not e.checkable]
        top = [e for e in texts if e.bounds[1] < 320]
        return (top or texts)[0].text if (top or texts) else ""

    @staticmethod
    def _container(screen: Screen, e: UiElement) -> UiElement | None:
        """The row or card holding `e`: the smallest clickable or identified element around it
        that is not a whole list or the whole screen."""
        best = None
        area = None
        for c in screen.elements:
            if c.index == e.index or not _contains(c.bounds, e.bounds) or c.bounds == e.bounds:
                continue
            if Navigator._scrollable(c) or c.resource_id.endswith(("id/content", "action_bar")):
                continue
            if not (c.clickable or c.resource_id):
                continue
            a = (c.bounds[2] - c.bounds[0]) * (c.bounds[3] - c.bounds[1])
            if a > 0.5 * 1080 * 2400:
                continue
            if area is None or a < area:
                best, area = c, a
        if best is None and e.clickable and not e.checkable:
            return e
        return best

    @staticmethod
    def _inside(screen: Screen, box: UiElement) -> list[UiElement]:
        return [c for c in screen.elements if c.index != box.index and _contains(box.bounds, c.bounds)]

    def _texts(self, screen: Screen, e: UiElement | None) -> list[str]:
        """The texts an element shows: its own label plus the texts inside it (a row's title and summary)."""
        if e is None:
            return []
        out = [x for x in (e.text, e.desc) if x and not (e.checkable and x in ("ON", "OFF"))]
        for c in self._inside(screen, e):
            for x in (c.text, c.desc):
                if x and not (c.checkable and x in ("ON", "OFF")) and x not in out:
                    out.append(x)
        return out or ([e.label] if e.label else [])

    @staticmethod
    def _section(screen: Screen, e: UiElement) -> str:
        """The nearest plain text above `e` in screen order (a date header, a category title)."""
        header = ""
        for c in screen.elements:
            if c.index >= e.index:
                break
            if c.text and not c.clickable and not c.checkable and c.bounds[3] <= e.bounds[1] + 2 and \
                    c.bounds[0] <= e.bounds[0] + 60 and not _contains(e.bounds, c.bounds) and \
                    Navigator._container(screen, c) is None:  # text inside a card is the card's, not a header
                header = c.text
        return header

    def _row_label(self, screen: Screen, e: UiElement) -> str:
        box = self._container(screen, e)
        texts = self._texts(screen, box) if box is not None else [e.label]
        return _plain(texts[0] if texts else e.label)

    def _item_name(self, screen: Screen, e: UiElement) -> str:
        sec = self._section(screen, e)
        name = e.text or e.desc or e.label
        return _plain(f"{name} ({sec})" if sec and sec not in name and e.desc else name)

    @staticmethod
    def _first(elements: list[UiElement], pattern: re.Pattern) -> UiElement | None:
        return next((e for e in elements if e.clickable and e.enabled and e.label and pattern.search(e.label)), None)


def _plain(text: str) -> str:
    """Screen text for a description the user reads: Android's narrow spaces become plain ones."""
    return unicodedata.normalize("NFKC", text)


def _contains(outer: tuple[int, int, int, int], inner: tuple[int, int, int, int]) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def model_chooser(llm) -> Chooser:
    """Choose among labels by the model's mean log-probability of each label after the task: the
    model picks one of the given strings and can write nothing else."""

    def choose(task: str, title: str, labels: list[str]) -> int:
        options = "; ".join(labels)
        context = (f"An assistant operates an Android phone for its user.\nUser's task: {task}\n"
                   f"Screen: {title or 'untitled'}. Options: {options}.\nTo do the task, the option to tap next is:")
        scores = []
        for label in labels:
            lp = llm.logprobs(context, " " + label)
            scores.append(sum(lp) / max(1, len(lp)))
        return max(range(len(labels)), key=lambda i: scores[i])

    return choose
