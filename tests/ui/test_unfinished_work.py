"""An import from the window keeps a note that it runs, and the window tells at its next start
an import that a kill cut short (the note a killed process left), once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.app import show_main_window
from desktop.store.held_files import is_left_behind
from desktop.ui.context import AppContext
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.waiting import wait_until
from tests.test_kill_during_import import _export_of_new_entries, _kill, _stalled
from tests.ui.test_data_safety import _export_then_retitle, _file_action, _window_with_entry


def test_an_import_from_the_window_keeps_a_held_note_while_it_runs(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from desktop.store.transfer import run

    data_dir = context.profile.folder.data_dir
    window, told = _window_with_entry(qtbot, context, monkeypatch, "Exported entry")
    changed = _export_then_retitle(window, told, monkeypatch, tmp_path)
    notes: dict[str, list[tuple[str, bool]]] = {}
    for name in ("check_document", "write_document"):
        real = getattr(run, name)

        def spy(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            found = sorted(data_dir.glob("under-way-*"))
            notes[_name] = [
                (
                    json.loads(path.read_text())["subject"],
                    is_left_behind(path, older_than_seconds=0),
                )
                for path in found
            ]
            return _real(*args, **kwargs)

        monkeypatch.setattr(run, name, spy)
    told.clear()
    _file_action(window, "import-json").trigger()
    assert wait_until(lambda: bool(told))
    assert told[-1] == "Imported: journal entry: 1 replaced."
    held = (str(changed), False)  # what is imported, held by this process
    assert notes == {"check_document": [held], "write_document": [held]}
    assert not list(data_dir.glob("under-way-*"))  # gone once it is over


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGKILL"), reason="needs SIGKILL")
def test_the_window_tells_an_import_a_kill_cut_short_once(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data_dir = context.profile.folder.data_dir
    export = _export_of_new_entries(tmp_path, entries=20)
    with _stalled("import", "import", str(export), "--yes", "--data-dir", str(data_dir)) as child:
        _kill(child)
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "tell", lambda _p, title, text: told.append((title, text)))

    window = show_main_window(context, offer_recovery=True)
    qtbot.addWidget(window)
    assert wait_until(lambda: bool(told))
    assert told == [
        (
            "Import did not finish",
            f"The import of {export} did not finish: Loopwise was stopped while it ran, and "
            "nothing from it was added. You can simply import it again.",
        )
    ]
    window.close()
    again = show_main_window(context, offer_recovery=True)
    qtbot.addWidget(again)
    qtbot.wait(50)
    assert len(told) == 1  # told once
    again.close()
