"""Every export starts in one remembered folder, and names say what, which and when."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.safety import transfer_actions
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.export_names import dated_name
from desktop.ui.widgets.remembered_folder import RememberedFolder, first_folder


def test_names_carry_what_which_and_when() -> None:
    day = date(2026, 12, 4)
    assert dated_name("loop-sheet", "Amazon Leadership Principles", day, ".pdf") == (
        "loop-sheet-amazon-leadership-principles-2026-12-04.pdf"
    )
    assert dated_name("loop-sheet", "The Backend path\u2019s five themes", day, ".pdf") == (
        "loop-sheet-the-backend-paths-five-themes-2026-12-04.pdf"
    )
    assert dated_name("story-bank", "", day, ".md") == "story-bank-2026-12-04.md"


def test_the_folder_is_remembered_and_a_gone_one_forgotten(
    context: AppContext, tmp_path: Path
) -> None:
    place = RememberedFolder(context.preferences, "documents")
    first = place.folder()
    assert first == first_folder() and first.is_dir()
    place.remember(tmp_path)
    assert place.folder() == tmp_path
    assert place.suggested("a.pdf") == str(tmp_path / "a.pdf")
    place.remember(tmp_path / "deleted since")
    assert place.folder() == first


def test_the_data_export_starts_in_the_export_folder_too(
    qtbot, context: AppContext, tmp_path: Path, monkeypatch
) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    RememberedFolder(context.preferences, "data").remember(tmp_path)
    offered: list[str] = []
    monkeypatch.setattr(
        dialogs, "choose_file_to_save", lambda _p, _t, suggested, _f: offered.append(suggested)
    )
    monkeypatch.setattr(dialogs, "choose_folder", lambda _p, _t, start="": offered.append(start))
    transfer_actions.export_json(window)
    transfer_actions.export_markdown(window)
    assert offered == [
        str(tmp_path / f"loopwise-{context.today().isoformat()}.json"),
        str(tmp_path),
    ]
