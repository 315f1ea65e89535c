"""What the app tells the user in a problem message box, caught instead of shown."""

from __future__ import annotations

import pytest

from desktop.ui.widgets import dialogs


def problems_told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of every problem message the app shows from now on, in order."""
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell_problem", lambda _parent, _title, text: told.append(text))
    return told
