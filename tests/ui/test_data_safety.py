"""Backups, restore, export and import from the window, as a user does them."""

from __future__ import annotations

import json
import threading
from concurrent.futures import Future
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel

from desktop.app import open_profile_or_explain
from desktop.domain.backups import ThinningPolicy
from desktop.folders import ProfileFolder
from desktop.store import backup as backup_module
from desktop.store.backup import backup_database, list_backups
from desktop.store.database import session_scope
from desktop.store.journal import EntryDraft, create_entry
from desktop.store.settings import load_settings
from desktop.ui.context import AppContext
from desktop.ui.events import ChangeBus
from desktop.ui.journal.page import JournalPage
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import build_main_window
from desktop.ui.safety import periodic
from desktop.ui.safety.backups_dialog import BackupsDialog, restore_into_running_app
from desktop.ui.safety.periodic import back_up_when_due
from desktop.ui.safety.reopen import reread_everything
from desktop.ui.startup import Recovery
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.waiting import wait_until
from tests.backup_files import add_rows, damage
from tests.clocks import StepClock, clock_start

DAY = clock_start()


def _write(context: AppContext, title: str) -> int:
    with context.writing() as session:
        draft = EntryDraft(entry_date=DAY.date(), title=title, body=f"{title} body")
        return create_entry(session=session, draft=draft, now=DAY)


def _window(qtbot: Any, context: AppContext) -> MainWindow:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return window


def _answer(monkeypatch: pytest.MonkeyPatch, *, confirm: bool = True) -> list[str]:
    told: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: confirm)
    monkeypatch.setattr(dialogs, "tell", lambda _p, _t, message: told.append(message))
    monkeypatch.setattr(dialogs, "tell_problem", lambda _p, _t, message: told.append(message))
    return told


def _window_with_entry(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, title: str
) -> tuple[MainWindow, list[str]]:
    """A window on a profile with one journal entry; what the app tells the user is listed."""
    _write(context, title)
    return _window(qtbot, context), _answer(monkeypatch)


def _file_action(window: MainWindow, name: str) -> QAction:
    return next(a for a in window.file_menu.actions() if a.objectName() == name)


def _journal_titles(window: MainWindow) -> list[str]:
    journal = window.page("journal")
    assert isinstance(journal, JournalPage)
    return sorted(
        (journal.model.index(row, 0).data() or "").split("\n")[0]
        for row in range(journal.model.rowCount())
    )


def test_restoring_a_backup_in_the_running_app_reopens_the_database_and_rereads_pages(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept_id = _write(context, "Kept from before")
    folder = context.profile.folder
    backup_database(folder.database, folder.backups_dir, "manual", now=clock_start())
    later_id = _write(context, "Written after the backup")
    window = _window(qtbot, context)
    window.show_page("journal")
    journal = window.page("journal")
    assert isinstance(journal, JournalPage)
    journal.open_entry(later_id)
    old_engine = context.profile.engine
    told = _answer(monkeypatch)

    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "Made by you"
    dialog.restore_selected()

    assert told and "back as it was" in told[-1]
    assert context.profile.engine is not old_engine
    assert journal.editor.entry_id is None  # the entry shown no longer exists
    reasons = [b.name.reason for b in list_backups(folder.backups_dir)]
    assert reasons == ["after-restore", "before-restore", "manual"]
    assert dialog.table.rowCount() == 3
    with context.writing() as session:  # the reopened database takes writes
        from desktop.store.journal import get_entry

        assert get_entry(session=session, entry_id=later_id) is None
        assert get_entry(session=session, entry_id=kept_id) is not None
    _write(context, "After the restore")


def test_after_a_restore_or_import_every_view_is_told_to_read_its_data_again(
    qtbot: Any, context: AppContext
) -> None:
    window = _window(qtbot, context)
    data_signals = [
        name for name, value in vars(ChangeBus).items()
        if isinstance(value, Signal) and name.endswith("_changed")
    ]  # fmt: skip
    heard: set[str] = set()
    for name in data_signals:
        getattr(context.events, name).connect(lambda *_args, name=name: heard.add(name))

    reread_everything(window)

    assert {"stories_changed", "plan_changed", "mocks_changed"} <= set(data_signals)
    assert heard == set(data_signals)


def test_after_an_import_the_page_on_show_reads_once_and_the_others_when_shown(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.plan.page import PlanPage
    from desktop.ui.trends.page import TrendsPage

    window = _window(qtbot, context)
    plan = window.open_page("plan", PlanPage)
    trends = window.open_page("trends", TrendsPage)  # built, then left for the plan
    window.show_page("plan")
    reads: list[str] = []
    for page in (plan, trends):
        reload = page.reload
        monkeypatch.setattr(
            page, "reload", lambda p=page, r=reload: (reads.append(p.page_key), r())[1]
        )

    reread_everything(window)  # a burst of every change signal, as after an import

    assert reads == ["plan"]  # once, however many signals reached it
    assert trends._stale  # not read while hidden ...
    window.show_page("trends")
    assert reads == ["plan", "trends"]  # ... but as soon as it is shown
    assert not trends._stale


def test_a_restore_waits_for_background_work_still_reading_the_database(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = context.profile.folder
    backup_database(folder.database, folder.backups_dir, "manual", now=clock_start())
    backup = list_backups(folder.backups_dir)[0]
    window = _window(qtbot, context)
    order: list[str] = []
    started, release = threading.Event(), threading.Event()

    def slow_read() -> None:  # such as a Trends read over everything
        started.set()
        release.wait(timeout=10)
        order.append("read finished")

    window.context.workers.run(slow_read, lambda _result: None, owner=window)
    assert started.wait(timeout=10)
    real_restore = backup_module.restore_backup

    def restore(*args: Any, **kwargs: Any) -> backup_module.Restored:
        order.append("restore")
        return real_restore(*args, **kwargs)

    monkeypatch.setattr(backup_module, "restore_backup", restore)
    # Let the read go on a little after the restore has begun; it must still finish first.
    threading.Timer(0.2, release.set).start()

    restore_into_running_app(window, backup)

    assert order == ["read finished", "restore"]


def test_backups_dialog_without_backups_says_how_to_make_one(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, context)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.isHidden() and not dialog.empty.isHidden()
    assert not dialog.restore_button.isEnabled()
    threads: list[int] = []
    real_backup_database = backup_module.backup_database

    def backup_database(*args: Any, **kwargs: Any) -> Path:
        threads.append(threading.get_ident())
        return real_backup_database(*args, **kwargs)

    monkeypatch.setattr("desktop.ui.safety.backups_dialog.backup_database", backup_database)
    assert wait_until(dialog.back_up_now().done)
    assert wait_until(lambda: dialog.table.rowCount() == 1 and dialog.restore_button.isEnabled())
    assert threads and threading.get_ident() not in threads  # the window stays responsive


def test_periodic_backup_runs_off_the_ui_thread_once_due(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, context)
    backups_dir = context.profile.folder.backups_dir
    threads: list[int] = []
    real_backup_if_due = backup_module.backup_if_due

    def backup_if_due(*args: Any, **kwargs: Any) -> Path | None:
        threads.append(threading.get_ident())
        return real_backup_if_due(*args, **kwargs)

    monkeypatch.setattr(backup_module, "backup_if_due", backup_if_due)
    back_up_when_due(window)
    assert wait_until(lambda: len(list_backups(backups_dir)) == 1)
    future = back_up_when_due(window)  # not due again yet
    assert wait_until(future.done)
    assert len(list_backups(backups_dir)) == 1
    assert len(threads) == 2 and threading.get_ident() not in threads


def test_the_automatic_backup_keeps_checking_while_the_window_stays_open(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, context)
    checks: list[MainWindow] = []

    def check(checked: MainWindow) -> Future[None]:
        checks.append(checked)
        done: Future[None] = Future()
        done.set_result(None)
        return done

    monkeypatch.setattr(periodic, "back_up_when_due", check)
    timer = periodic.keep_backing_up(window, first_after_ms=0, every_ms=1)

    assert wait_until(lambda: len(checks) >= 3)  # not once per launch: again and again
    assert checks[0] is window and timer.parent() is window and timer.isActive()


def _export_then_retitle(
    window: MainWindow, told: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Path:
    """File > Export all data, then the exported entry's title changed in the file, which
    File > Import data will open."""
    target = tmp_path / "export.json"
    monkeypatch.setattr(dialogs, "choose_file_to_save", lambda *_args: str(target))
    action = _file_action(window, "export-json")
    action.trigger()
    assert wait_until(lambda: bool(told))
    assert told[-1].startswith("1 record was saved to ")
    document = json.loads(target.read_text(encoding="utf-8"))
    document["sections"]["journal"]["entries"][0]["title"] = "Changed in the file"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setattr(dialogs, "choose_file_to_open", lambda *_args: str(changed))
    return changed


def test_export_and_import_from_the_file_menu(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window, told = _window_with_entry(qtbot, context, monkeypatch, "Exported entry")
    _export_then_retitle(window, told, monkeypatch, tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, question, _a: asked.append(question))
    window.show_page("journal")
    importer = _file_action(window, "import-json")
    importer.trigger()
    assert wait_until(lambda: bool(asked))
    assert "replace 1" in asked[0]  # declined (the fake returns None)
    assert _journal_titles(window) == ["Exported entry"]

    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    told.clear()
    importer.trigger()
    assert wait_until(lambda: bool(told))
    assert told[-1] == "Imported: journal entry: 1 replaced."
    assert _journal_titles(window) == ["Changed in the file"]


def test_an_import_checks_and_writes_off_the_ui_thread(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import threading

    from desktop.store.transfer import run

    window, told = _window_with_entry(qtbot, context, monkeypatch, "Exported entry")
    _export_then_retitle(window, told, monkeypatch, tmp_path)
    threads: dict[str, str] = {}
    for name in ("check_document", "write_document"):
        real = getattr(run, name)

        def spy(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            threads[_name] = threading.current_thread().name
            return _real(*args, **kwargs)

        monkeypatch.setattr(run, name, spy)
    asked: list[str] = []

    def confirm(*_args: Any) -> bool:
        asked.append(threading.current_thread().name)
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    told.clear()
    _file_action(window, "import-json").trigger()
    assert wait_until(lambda: bool(told))
    main = threading.main_thread().name
    assert asked == [main]  # the question is asked in the window
    assert threads.keys() == {"check_document", "write_document"}
    assert main not in threads.values()
    assert told[-1] == "Imported: journal entry: 1 replaced."


def test_a_bad_import_file_is_explained_and_changes_nothing(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window, _told = _window_with_entry(qtbot, context, monkeypatch, "Mine")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "loopwise-export", "version": 1, "sections": {"journal": '
                   '{"entries": [{"id": 5, "title": 3}]}}}')  # fmt: skip
    monkeypatch.setattr(dialogs, "choose_file_to_open", lambda *_args: str(bad))
    listed: list[tuple[str, str, list[str]]] = []

    def tell_list(
        _parent: object, title: str, file: str, problems: list[str], _o: str, **_how: object
    ) -> None:
        listed.append((title, file, problems))

    monkeypatch.setattr(dialogs, "tell_file_problem_list", tell_list)
    _file_action(window, "import-json").trigger()
    assert wait_until(lambda: bool(listed))
    # The file once, then each problem on its own (the record and field it names).
    ((title, file, problems),) = listed
    assert title == "Nothing was imported" and file == str(bad)
    assert len(problems) > 1
    assert all(str(tmp_path) not in problem for problem in problems)
    assert any(p.startswith("journal entry 1 (id 5), field title") for p in problems)
    window.show_page("journal")
    assert _journal_titles(window) == ["Mine"]


def test_markdown_export_then_import_into_another_profile_from_the_menu(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window, told = _window_with_entry(qtbot, context, monkeypatch, "Into the vault")
    vault = tmp_path / "vault"
    monkeypatch.setattr(dialogs, "choose_folder", lambda *_args: str(vault))
    _file_action(window, "export-markdown").trigger()
    assert wait_until(lambda: bool(told))
    assert (vault / "Journal" / "2026-11-02.md").exists()
    assert told[-1].startswith(f"1 note was written to {vault}.")
    told.clear()
    _file_action(window, "import-notes").trigger()
    assert wait_until(lambda: bool(told))
    assert told[-1] == "0 journal entries were added; 1 was already in your journal."


def test_a_damaged_database_can_go_back_to_the_newest_good_backup(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.profile import open_profile

    folder = ProfileFolder(tmp_path / "profile")
    profile = open_profile(folder, clock=StepClock())
    with session_scope(profile.engine) as session:
        draft = EntryDraft(entry_date=DAY.date(), title="Saved before the damage", body="x")
        create_entry(session=session, draft=draft, now=DAY)
    backup_database(folder.database, folder.backups_dir, "periodic", now=clock_start())
    profile.close()
    damaged = b"SQLite format 3\x00" + b"\x13" * 8192
    folder.database.write_bytes(damaged)
    offered: list[object] = []

    def ask(_problem: object, backup: object, _passed_over: object) -> Recovery:
        offered.append(backup)
        return Recovery.RESTORE_BACKUP

    monkeypatch.setattr("desktop.ui.startup.ask_about_database_problem", ask)
    reopened = open_profile_or_explain(
        folder, clock=StepClock(), start_fresh=False, interactive=True
    )

    assert reopened is not None and offered[0] is not None
    try:
        with session_scope(reopened.engine) as session:
            from desktop.store.journal import newest_entry

            entry = newest_entry(session=session)
            assert entry is not None and entry.title == "Saved before the damage"
    finally:
        reopened.close()
    kept = list(folder.data_dir.glob("loopwise.damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


@pytest.mark.any_date
def test_thinning_chosen_in_the_backups_dialog_is_used_by_the_automatic_backup(
    qtbot: Any, context: AppContext
) -> None:
    folder = context.profile.folder
    # Backups are named and thinned by UTC day; noon yesterday is always 12 hours ago or more.
    yesterday = context.now().astimezone(UTC).date() - timedelta(days=1)
    noon = datetime.combine(yesterday, time(12), tzinfo=UTC)
    for hours in (0, 1, 2):  # three from yesterday: kept by the default rules
        backup_database(
            folder.database, folder.backups_dir, "manual", now=noon - timedelta(hours=hours)
        )
    window = _window(qtbot, context)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    dialog.keep_all_days.setValue(0)  # "keep every backup for 0 days, then one a day"

    future = back_up_when_due(window)
    assert wait_until(future.done)

    days = [b.taken_at.date() for b in list_backups(folder.backups_dir)]
    assert len(days) == len(set(days))  # one a day: yesterday's three thinned to one
    # The choice is about the data, so it is kept with the data, not with the window state.
    assert load_settings(folder.settings_file).settings.backups.keep_all_days == 0
    context.settings.sync()
    window_state = folder.ui_state_file
    assert not window_state.exists() or "backups" not in window_state.read_text(encoding="utf-8")


def test_a_malformed_settings_file_is_explained_in_the_backups_dialog(
    qtbot: Any, context: AppContext
) -> None:
    folder = context.profile.folder
    folder.settings_file.write_text("[backups]\nkeep_all_days = 'lots'\n", encoding="utf-8")
    window = _window(qtbot, context)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    note = dialog.file_problems
    # Told as Preferences and the other data files tell it: the file by name, each problem.
    assert note is not None and note.isVisible()
    assert note.problem_list.file_label.text() == "settings.toml has 1 problem:"
    assert [place.text() for place, _what in note.problem_list.items] == [
        "Line 2 · backups.keep_all_days"
    ]
    texts = "\n".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
    assert str(folder.settings_file) not in texts  # the whole path only in a tooltip
    assert dialog.settings_problem.isHidden()  # kept for a choice that cannot be saved
    assert dialog.keep_all_days.value() == ThinningPolicy().keep_all_days

    dialog.keep_all_days.setValue(4)  # choosing again writes a good file

    assert not note.isVisible() and dialog.settings_problem.isHidden()
    loaded = load_settings(folder.settings_file)
    assert loaded.problem is None and loaded.settings.backups.keep_all_days == 4
    # What the user wrote is kept beside the new file, where the note said it would be.
    kept = folder.settings_file.with_name("settings.unusable.toml")
    assert kept.read_text(encoding="utf-8") == "[backups]\nkeep_all_days = 'lots'\n"
    assert "kept beside it as settings.unusable.toml" in note.findChild(QLabel).text()


def _months_of_use_with_a_backup(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, *, hours_ago: int
) -> tuple[list[str], MainWindow, Path]:
    """A window on a database of many pages, with one good backup from `hours_ago`."""
    told = _answer(monkeypatch)
    window = _window(qtbot, context)
    folder = context.profile.folder
    add_rows(folder.database, entries=400)
    taken = context.now() - timedelta(hours=hours_ago)
    return told, window, backup_database(folder.database, folder.backups_dir, "periodic", now=taken)


def test_the_automatic_backup_keeps_the_good_ones_when_the_database_is_damaged_and_says_so_once(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    told, window, good = _months_of_use_with_a_backup(qtbot, context, monkeypatch, hours_ago=72)
    folder = context.profile.folder
    damage(folder.database)

    for _check in range(2):  # the hourly check finds the backup due again and again
        future = back_up_when_due(window)
        assert wait_until(future.done)
        QApplication.processEvents()

    assert [b.path for b in list_backups(folder.backups_dir)] == [good]
    assert len(told) == 1 and "came out damaged when Loopwise checked it" in told[0]
    assert "came out damaged" in window.statusBar().currentMessage()


def test_the_backups_dialog_marks_a_damaged_backup_and_will_not_restore_it(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    told, window, good = _months_of_use_with_a_backup(qtbot, context, monkeypatch, hours_ago=2)
    folder = context.profile.folder
    an_hour_ago = context.now() - timedelta(hours=1)
    bad = backup_database(folder.database, folder.backups_dir, "manual", now=an_hour_ago)
    damage(bad)

    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert wait_until(lambda: dialog.damaged is not None)

    reasons = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    holds = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
    assert [b.path for b in dialog.backups] == [bad, good]
    assert reasons == ["Made by you", "Automatic (every 12 hours)"]
    assert holds[0].startswith("Cannot be restored: it is damaged")
    assert holds[1].startswith("400 journal entries, 0 sessions, last entry")
    dialog.table.selectRow(0)
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(1)
    assert dialog.restore_button.isEnabled()

    damage(folder.database)
    assert wait_until(dialog.back_up_now().done)
    assert wait_until(lambda: len(told) == 1)
    assert "came out damaged" in told[0] and len(list_backups(folder.backups_dir)) == 2


def test_with_no_backups_the_note_sits_under_the_settings(qtbot, context: AppContext) -> None:
    """The note takes the table's place: no empty bands between the dialog's few lines."""
    window = _window(qtbot, context)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert not dialog.backups and dialog.empty.isVisible()
    settings_bottom = dialog.keep_all_days.geometry().bottom()
    assert dialog.empty.geometry().top() - settings_bottom < 40


def test_export_and_import_show_how_far_they_have_got(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    from desktop.ui.safety import transfer_actions

    shown: list[tuple[str, int, int]] = []

    class Recording(QProgressDialog):
        def setValue(self, value: int) -> None:
            shown.append((self.labelText(), value, self.maximum()))
            super().setValue(value)

    monkeypatch.setattr(transfer_actions, "QProgressDialog", Recording)
    window, told = _window_with_entry(qtbot, context, monkeypatch, "Exported entry")
    _export_then_retitle(window, told, monkeypatch, tmp_path)
    assert ("Exporting your data… 100%", 100, 100) in shown
    assert all(label.endswith(f" {value}%") for label, value, _maximum in shown)
    shown.clear()
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    told.clear()
    _file_action(window, "import-json").trigger()
    assert wait_until(lambda: told[-1:] == ["Imported: journal entry: 1 replaced."])
    labels = list(dict.fromkeys(label.rsplit(" ", 1)[0] for label, _value, _maximum in shown))
    assert labels[:2] == ["Reading the file…", "Checking the records…"]
    assert "Writing your data…" in labels
    assert shown[-1] == ("Writing your data… 100%", 100, 100)
    assert all(maximum == 100 for _label, _value, maximum in shown)


def test_the_export_message_groups_a_large_count_as_the_pages_do() -> None:
    from desktop.ui.safety.transfer_actions import _records

    assert _records(99032) == "99,032 records were"  # the app writes "20,000 sessions"
    assert _records(1) == "1 record was"


def test_the_export_message_names_imported_files_only_when_there_are_some(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window, told = _window_with_entry(qtbot, context, monkeypatch, "Exported entry")
    monkeypatch.setattr(dialogs, "choose_file_to_save", lambda *_args: str(tmp_path / "a.json"))
    export = _file_action(window, "export-json")
    export.trigger()
    assert wait_until(lambda: bool(told))
    assert told[-1] == f"1 record was saved to {tmp_path / 'a.json'}."

    (context.profile.folder.quiz_files_dir / "mine.toml").write_text("", encoding="utf-8")
    told.clear()
    export.trigger()
    assert wait_until(lambda: bool(told))
    assert told[-1].endswith(
        "\n\nQuiz files you imported are not in it: copy the quizzes folder of your data "
        "folder along."
    )


def test_a_json_export_named_as_markdown_is_saved_as_json_and_said(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window, told = _window_with_entry(qtbot, context, monkeypatch, "Exported entry")
    monkeypatch.setattr(dialogs, "choose_file_to_save", lambda *_args: str(tmp_path / "a.md"))
    _file_action(window, "export-json").trigger()
    assert wait_until(lambda: bool(told))
    assert not (tmp_path / "a.md").exists()
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["sections"]
    assert "saved as a.json, not a.md" in told[-1]
