"""How the window tells a refused data file: the file named once, each problem its own item,
plain text throughout, and never a terminal command to type."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel

from desktop.domain.data_file import DataFileError
from desktop.ui.context import AppContext
from desktop.ui.path.page import PathPage
from desktop.ui.path.quiz_import import import_quiz
from desktop.ui.widgets.file_problems import (
    PROBLEMS_SHOWN,
    ZERO_WIDTH_SPACE,
    FileProblemsDialog,
    listed,
    wrappable,
)
from tests.helpers.told import file_problems_told
from tests.samples import sample_text

FILE = "/home/me/Downloads/my-quiz.toml"


def _error(count: int, problem: str = "must be 1 or more") -> DataFileError:
    first, *rest = (
        DataFileError(FILE, 10 + n, f"questions[{n + 1}].answer", problem) for n in range(count)
    )
    return DataFileError(first.file, first.line, first.field, first.problem, more=tuple(rest))


def _dialog(qtbot, error: DataFileError) -> FileProblemsDialog:  # type: ignore[no-untyped-def]
    dialog = FileProblemsDialog(
        "This quiz file was not imported", error.file, listed(error), "Nothing was changed."
    )
    qtbot.addWidget(dialog)
    return dialog


def test_the_file_is_named_once_and_each_problem_is_an_item(qtbot) -> None:
    dialog = _dialog(qtbot, _error(3))

    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert sum("my-quiz.toml" in text for text in texts) == 1
    assert not any("/home/me" in text for text in texts)  # the whole path is in the tooltip
    assert dialog.problem_list.file_label.toolTip() == FILE
    assert [(place.text(), what.text()) for place, what in dialog.problem_list.items] == [
        ("Line 10 · questions[1].answer", "Must be 1 or more."),
        ("Line 11 · questions[2].answer", "Must be 1 or more."),
        ("Line 12 · questions[3].answer", "Must be 1 or more."),
    ]


def test_many_problems_show_the_first_and_copy_them_all(qtbot) -> None:
    dialog = _dialog(qtbot, _error(PROBLEMS_SHOWN + 4))

    assert len(dialog.problem_list.items) == PROBLEMS_SHOWN
    assert dialog.problem_list.more_label.text() == "…and 4 more problems."
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0] == FILE
    assert len(copied) == 1 + PROBLEMS_SHOWN + 4
    assert (
        copied[-1] == f"Line {10 + PROBLEMS_SHOWN + 3} · questions[10].answer: Must be 1 or more."
    )


def test_show_folder_opens_the_folder_the_file_is_in(qtbot, monkeypatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = _dialog(qtbot, _error(1))

    dialog.folder_button.click()

    assert [url.toLocalFile() for url in opened] == ["/home/me/Downloads"]


def test_show_folder_opens_a_folder_of_notes_itself(qtbot, monkeypatch, tmp_path) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    notes = tmp_path / "vault"
    notes.mkdir()
    error = DataFileError(str(notes), 0, "", "has no daily notes")
    dialog = FileProblemsDialog("Not imported", error.file, listed(error), "Nothing was changed.")
    qtbot.addWidget(dialog)

    dialog.folder_button.click()

    assert [url.toLocalFile() for url in opened] == [str(notes)]


def test_text_from_the_file_is_shown_as_plain_text(qtbot) -> None:
    markup = "<img src='passwd.png'><b>bold"
    error = DataFileError(f"/tmp/{markup}.toml", 3, "title", f"the value '{markup}' is odd")
    dialog = _dialog(qtbot, error)

    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert markup in dialog.problem_list.file_label.text()
    assert markup in dialog.problem_list.items[0][1].text()


def test_a_long_value_with_no_spaces_wraps_rather_than_widen_the_dialog(qtbot) -> None:
    value = "x" * 300
    dialog = _dialog(qtbot, DataFileError(FILE, 3, "title", f"'{value}' is too long"))
    dialog.show()

    what = dialog.problem_list.items[0][1]
    assert what.text().replace(ZERO_WIDTH_SPACE, "") == f"'{value}' is too long."
    assert dialog.minimumSizeHint().width() < 760
    assert dialog.width() < 760
    assert wrappable("short words stay") == "short words stay"


def test_a_short_list_opens_without_scrolling(qtbot) -> None:
    dialog = _dialog(qtbot, _error(2, "the topic 'hash mapp' is not a tag Loopwise knows"))
    dialog.show()
    qtbot.waitExposed(dialog)

    area = dialog.problem_area
    assert area.verticalScrollBar().maximum() == 0
    assert all(what.visibleRegion().boundingRect().height() == what.height()
               for _place, what in dialog.problem_list.items)  # fmt: skip


@pytest.fixture
def bad_quiz(tmp_path: Path) -> Path:
    text = sample_text("quiz.toml").replace('topics = ["caching"]', 'topics = ["cachng"]')
    file = tmp_path / "my-quiz.toml"
    file.write_text(text.replace("answer = 1\n", "answer = 9\n"))
    return file


def test_a_refused_quiz_file_is_told_without_a_terminal_command(
    qtbot, context: AppContext, bad_quiz: Path, monkeypatch
) -> None:
    told = file_problems_told(monkeypatch)
    folder = context.profile.folder.quiz_files_dir
    before = sorted(folder.iterdir())

    assert import_quiz(context, bad_quiz, None) is False

    (dialog,) = told
    qtbot.addWidget(dialog)
    texts = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert "loopwise tags" not in texts and "`" not in texts
    assert dialog.problem_list.file_label.text() == "my-quiz.toml has 2 problems:"
    topic = dialog.problem_list.items[0][1].text()
    assert topic.endswith("did you mean 'caching-layer'?")
    assert "Nothing was changed" in dialog.outcome.text()
    assert sorted(folder.iterdir()) == before  # all or nothing: no half-copied file


def test_the_window_refuses_the_database_as_a_path_or_quiz_file(
    qtbot, context: AppContext, open_page, monkeypatch
) -> None:
    # Read as a path or quiz file, the live database would lose the app's SQLite locks.
    told = file_problems_told(monkeypatch)
    folder = context.profile.folder
    database = folder.database
    before = database.read_bytes()

    assert open_page(PathPage).import_path(database) is False
    assert import_quiz(context, database, None) is False

    for dialog in told:
        qtbot.addWidget(dialog)
        assert dialog.problem_list.file_label.text() == f"{database.name} has 1 problem:"
        ((_place, what),) = dialog.problem_list.items
        assert what.text() == "That file is where your data is kept; choose another file."
        assert dialog.outcome.text() == "Choose another file. Nothing was changed."
    assert len(told) == 2
    assert database.read_bytes() == before
    assert not any(folder.path_files_dir.iterdir()) and not any(folder.quiz_files_dir.iterdir())
