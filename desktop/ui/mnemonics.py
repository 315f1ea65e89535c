"""Access keys (the underlined letter, Alt+letter) that are unique within each menu.

Menus are put together from several places (pages add File actions, routines fill a submenu
when it opens), so the letters are checked where they meet rather than trusted by hand.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QMenu

_MARK = re.compile(r"&(.)")


def mnemonic(text: str) -> str | None:
    """The access key `text` marks with "&", lower-cased ("&&" is a literal ampersand)."""
    for match in _MARK.finditer(text):
        if match.group(1) != "&":
            return match.group(1).lower()
    return None


def assign_mnemonics(menu: QMenu) -> None:
    """Keep each entry's own access key unless an earlier entry has it; give the others the
    first free letter, word starts first."""
    used: set[str] = set()
    needing = []
    for action in menu.actions():
        text = action.text()
        if action.isSeparator() or not text:
            continue
        key = mnemonic(text)
        if key is not None and key not in used:
            used.add(key)
        else:
            needing.append(action)
    for action in needing:
        plain = _MARK.sub(lambda m: "&&" if m.group(1) == "&" else m.group(1), action.text())
        position = _free_position(plain, used)
        if position is None:
            action.setText(plain)  # no letter left: no access key rather than a clash
            continue
        used.add(plain[position].lower())
        action.setText(plain[:position] + "&" + plain[position:])


def _free_position(text: str, used: set[str]) -> int | None:
    literal = {i for i in range(len(text)) if text[i] == "&"}  # the halves of "&&"
    candidates = [i for i, c in enumerate(text) if c.isalnum() and i not in literal]
    starts = [i for i in candidates if i == 0 or not text[i - 1].isalnum()]
    for index in starts + candidates:
        if text[index].lower() not in used:
            return index
    return None
