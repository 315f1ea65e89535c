"""File menu: export to JSON or Markdown, import either, and the Backups dialog."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QPushButton

from desktop.domain.file_suffix import fitted_name
from desktop.ui.safety.reopen import reread_everything
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.remembered_folder import RememberedFolder

if TYPE_CHECKING:
    from desktop.folders import ProfileFolder
    from desktop.profile import Profile
    from desktop.store.transfer.cancelling import CancelSwitch
    from desktop.store.transfer.json_import import ImportPlan
    from desktop.store.transfer.markdown_import import NotesPlan
    from desktop.store.transfer.progress_report import Progress
    from desktop.store.transfer.vault_folder import VaultReport
    from desktop.store.under_way import UnderWay
    from desktop.ui.main_window import MainWindow


def data_actions(window: MainWindow) -> list[QAction]:
    def action(text: str, slot: Callable[[], None], name: str) -> QAction:
        made = QAction(text, window)
        made.setObjectName(name)
        made.triggered.connect(lambda _checked=False: slot())
        return made

    return [
        action("&Export all data…", lambda: export_json(window), "export-json"),
        action("Export as &Markdown notes…", lambda: export_markdown(window), "export-markdown"),
        action("I&mport data…", lambda: import_json(window), "import-json"),
        action("Import Markdown &daily notes…", lambda: import_markdown(window), "import-notes"),
        action("&Backups…", lambda: show_backups(window), "backups"),
    ]


def show_backups(window: MainWindow) -> None:
    from desktop.ui.safety.backups_dialog import BackupsDialog

    dialog = BackupsDialog(window)
    dialog.exec()
    dialog.deleteLater()


class _Moved(QObject):
    # Emitted on the worker thread, delivered on the UI thread (the object lives there).
    moved = Signal(str, int)


def _with_progress(
    window: MainWindow,
    label: str,
    work: Callable[[Progress], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    *,
    cancellable: bool = False,
) -> None:
    """Run slow work off the UI thread behind a progress dialog.

    The bar is busy (moving to and fro) until the work first says how far it has got; then
    it shows the step and the percentage. Work that is `cancellable` (an import: all or
    nothing) gets a Cancel button, honoured at its next progress report (ImportCancelled)."""

    progress = QProgressDialog(label, "", 0, 0, window)
    progress.setWindowTitle("Loopwise")
    # The percentage goes in the label: drawn inside a slim bar, some styles cut it in half.
    bar = QProgressBar(progress)
    bar.setTextVisible(False)
    progress.setBar(bar)
    switch = _cancel_button(progress) if cancellable else None
    if switch is None:
        progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setAccessibleName(label)
    signal = _Moved(progress)
    finished = False
    told = ("", -1)  # what the worker last sent: sent again only when it changes

    def show(step: str, percent: int) -> None:
        if finished or (switch is not None and switch.cancelled):  # the dialog says why
            return
        if progress.maximum() != 100:
            progress.setRange(0, 100)
        progress.setLabelText(f"{step}… {percent}%")
        progress.setValue(percent)

    signal.moved.connect(show)

    def report(step: str, done: int, total: int) -> None:  # on the worker thread
        nonlocal told
        percent = 100 if total <= 0 else min(100, done * 100 // total)
        if (step, percent) != told:
            told = (step, percent)
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                signal.moved.emit(step, percent)

    def ended(then: Callable[[Any], None]) -> Callable[[Any], None]:
        """Done or failed, the progress window goes first."""

        def end(outcome: Any) -> None:
            nonlocal finished
            finished = True
            # Not close(): it emits canceled, which (with the Cancel button) said "Cancelling
            # the import…" in a dialog that reset() alone keeps from showing itself later,
            # over the outcome's box, as its deletion waits for that box to close.
            progress.reset()
            progress.hide()
            progress.deleteLater()
            then(outcome)

        return end

    reports = switch.watching(report) if switch is not None else report
    window.context.workers.run(lambda: work(reports), ended(done), ended(failed), owner=window)


def _cancel_button(progress: QProgressDialog) -> CancelSwitch:
    """A Cancel button on the dialog; the dialog stays, saying it cancels, until the work
    has stopped and rolled back (Qt would hide it at once)."""
    from desktop.store.transfer.cancelling import CancelSwitch

    switch = CancelSwitch()
    progress.setCancelButtonText("Cancel")
    progress.canceled.disconnect(progress.cancel)

    def cancel() -> None:
        switch.cancel()
        progress.setLabelText("Cancelling the import…")
        button = progress.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)

    progress.canceled.connect(cancel)
    return switch


def _flush(window: MainWindow) -> None:
    """Before an import: what is being typed is saved, and pages leave what they show (an
    untouched new journal entry is dropped before new rows can take its place)."""
    for page in window.pages:
        page.flush()


def _save_typing(window: MainWindow) -> None:
    """Before an export: what is being typed goes into it, and the user stays where they are."""
    for page in window.pages:
        page.save_typing()


def export_json(window: MainWindow) -> None:
    place = RememberedFolder(window.context.preferences, "data")
    chosen = dialogs.choose_file_to_save(
        window,
        "Export all data",
        place.suggested(f"loopwise-{window.context.today()}.json"),
        "JSON (*.json)",
    )
    if chosen is None:
        return
    fitted, renamed = fitted_name(Path(chosen), ".json")
    target = str(fitted)
    place.remember(Path(target).parent)
    _save_typing(window)
    context = window.context

    now = context.now()

    def work(progress: Progress) -> int:
        from desktop.store.database import session_scope
        from desktop.store.transfer.json_export import write_export

        with session_scope(context.profile.engine) as session:
            return write_export(session=session, target=Path(target), now=now, progress=progress)

    _with_progress(
        window,
        "Exporting your data…",
        work,
        lambda count: dialogs.tell(
            window,
            "Exported",
            _exported(
                " ".join(filter(None, [f"{_records(count)} saved to {target}.", renamed])),
                context.profile.folder,
            ),
        ),
        lambda error: dialogs.tell_problem(
            window, "Not exported", f"The export could not be written: {_reason(error)}"
        ),
    )


def _exported(saved: str, folder: ProfileFolder) -> str:
    """The export-finished message: what was saved, then what the export leaves out (the
    user's own path and quiz files), only when there are some."""
    from desktop.store.transfer.json_export import not_in_export  # loaded once asked for

    left_out = not_in_export(folder.path_files_dir, folder.quiz_files_dir)
    return f"{saved}\n\n{left_out}" if left_out else saved


def export_markdown(window: MainWindow) -> None:
    place = RememberedFolder(window.context.preferences, "data")
    folder = dialogs.choose_folder(
        window, "Export as Markdown notes into a folder", str(place.folder())
    )
    if folder is None:
        return
    place.remember(Path(folder).parent)  # the picker then starts beside it, showing it
    _save_typing(window)
    context = window.context

    def work(_progress: Progress) -> VaultReport:
        from desktop.store.database import session_scope
        from desktop.store.transfer.markdown_export import write_vault

        with session_scope(context.profile.engine) as session:
            return write_vault(session=session, folder=Path(folder))

    def failed(error: BaseException) -> None:
        from desktop.store.transfer.vault_folder import VaultRefused

        if isinstance(error, VaultRefused):
            dialogs.tell_problem(window, "Not exported", str(error))
        else:
            dialogs.tell_problem(
                window, "Not exported", f"The notes could not be written: {_reason(error)}"
            )

    _with_progress(
        window,
        "Writing your notes…",
        work,
        lambda report: dialogs.tell(
            window,
            "Exported",
            f"{report.sentence(folder)} Open the folder as a vault in Obsidian.",
        ),
        failed,
    )


def _records(count: int) -> str:
    """ "1 record was", "99,032 records were": grouped as the pages write their counts."""
    from desktop.domain.wording import counted

    return f"{counted(count, 'record')} {'was' if count == 1 else 'were'}"


def _reason(error: BaseException) -> str:
    from desktop.store.errors import explain

    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror.lower()} ({error.filename or ''})."
    return f"{explain(error)}."


def _import_failed(window: MainWindow, error: BaseException, source: str) -> None:
    from desktop.store.transfer.cancelling import ImportCancelled
    from desktop.store.transfer.json_import import CHECK_STOPPED, ImportRejected

    if isinstance(error, ImportCancelled):
        dialogs.tell(window, "Import cancelled", str(error))
    elif isinstance(error, ImportRejected) and len(error.problems) > 1:
        # The file (or folder) named once, each problem its own item: a message box of
        # twenty bullets runs off a small screen.
        problems, outcome = error.problems, "Fix them and import again. Nothing was changed."
        stopped = problems[-1] == CHECK_STOPPED
        if stopped:  # said once, below the list: it is no problem
            problems, outcome = problems[:-1], f"{CHECK_STOPPED} Nothing was changed."
        dialogs.tell_file_problem_list(
            window, "Nothing was imported", source, problems, outcome, stopped=stopped
        )
    elif isinstance(error, ImportRejected):
        dialogs.tell_problem(window, "Not imported", error.summary())
    else:
        dialogs.tell_problem(window, "Not imported", f"Nothing was imported: {_reason(error)}")


def import_json(window: MainWindow) -> None:
    """Read and check the file in the background, ask here if it would replace anything,
    then back up and write in the background: the window never freezes."""
    source = dialogs.choose_file_to_open(
        window,
        "Import data",
        "Loopwise export (*.json)",
        RememberedFolder(window.context.preferences, "data"),
    )
    if source is None:
        return
    _flush(window)
    profile = window.context.profile

    def check(progress: Progress) -> ImportPlan:
        from desktop.store.transfer.json_import import read_document
        from desktop.store.transfer.progress_report import READING
        from desktop.store.transfer.run import check_document

        progress(READING, 0, 1)
        with _under_way(profile, source):
            # The parsed file is let go once its records are checked: the plan keeps those.
            return check_document(
                engine=profile.engine,
                document=read_document(Path(source), database=profile.folder.database),
                progress=progress,
            )

    def checked(plan: ImportPlan) -> None:
        if plan.needs_confirmation and not dialogs.confirm(
            window,
            "Replace your data?",
            f"{plan.question()} Your data is backed up first.",
            "Import and replace",
        ):
            return

        now = window.context.now()

        def write(progress: Progress) -> ImportPlan:
            from desktop.store.transfer.run import write_document

            with _under_way(profile, source) as note:
                return write_document(
                    **_into(profile),
                    plan=plan,
                    now=now,
                    progress=progress,
                    committing=note.committing,
                )

        _with_progress(window, "Importing your data…", write, imported, failed, cancellable=True)

    def imported(plan: ImportPlan) -> None:
        reread_everything(window)
        dialogs.tell(window, "Imported", f"Imported: {plan.describe()}.")

    def failed(error: BaseException) -> None:
        _import_failed(window, error, source)

    _with_progress(window, "Checking the file…", check, checked, failed, cancellable=True)


def _into(profile: Profile) -> dict[str, Any]:
    """Where an import writes: the profile's database, backed up first into its folder."""
    folder = profile.folder
    return {
        "engine": profile.engine,
        "database": folder.database,
        "backups_dir": folder.backups_dir,
    }


def _under_way(profile: Profile, source: str) -> AbstractContextManager[UnderWay]:
    """A note that the import runs, so that a kill is told at the next start."""
    from desktop.store.under_way import IMPORT, under_way

    return under_way(profile.folder.data_dir, IMPORT, str(Path(source).absolute()))


def import_markdown(window: MainWindow) -> None:
    folder = dialogs.choose_folder_to_open(
        window,
        "Import a folder of Markdown daily notes",
        RememberedFolder(window.context.preferences, "data"),
    )
    if folder is None:
        return
    _flush(window)
    profile = window.context.profile
    now = window.context.now()

    def work(progress: Progress) -> NotesPlan:
        from desktop.store.transfer.run import import_notes

        with _under_way(profile, folder) as note:
            return import_notes(
                **_into(profile),
                folder=Path(folder),
                now=now,
                progress=progress,
                committing=note.committing,
            )

    def imported(plan: NotesPlan) -> None:
        reread_everything(window)
        dialogs.tell(window, "Imported", plan.summary())

    _with_progress(
        window,
        "Importing your notes…",
        work,
        imported,
        lambda error: _import_failed(window, error, folder),
        cancellable=True,
    )
