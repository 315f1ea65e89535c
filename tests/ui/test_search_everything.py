"""Search everything (Ctrl+K): one box finds path items, journal entries, stories and attempts,
and Enter shows the hit on its page, selected."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.stories import StoryDraft
from desktop.store import journal as journal_store
from desktop.store import practice as practice_store
from desktop.store import stories as story_store
from desktop.store.search import HITS_PER_KIND, HitKind
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import build_main_window, open_hit
from desktop.ui.search_dialog import HIT_ROLE, SHOW_ALL_ROLE, SearchDialog
from tests.samples import solved_attempt

NOW = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def records(context: AppContext) -> dict[str, int]:
    with context.writing() as session:
        entry = journal_store.create_entry(
            session=session,
            draft=journal_store.EntryDraft(date(2026, 11, 1), "Zebra notes", "Quokka stripes."),
            now=NOW,
        )
        story = story_store.create_story(
            session=session, draft=StoryDraft(title="Kangaroo outage", task="Quokka"), now=NOW
        )
        attempt = practice_store.log_attempt(
            session=session,
            attempt=solved_attempt("Walrus warm-up", NOW, seconds=900),
            now=NOW,
        )
    return {"entry": entry, "story": story, "attempt": attempt}


@pytest.fixture
def window(qtbot, context: AppContext, records) -> MainWindow:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return window


def _search(qtbot, window: MainWindow, typed: str) -> SearchDialog:
    dialog = SearchDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.chosen.connect(lambda hit: open_hit(window, hit))
    dialog.show()
    dialog.box.setText(typed)
    return dialog


def _enter(qtbot, dialog: SearchDialog) -> None:
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_ctrl_k_opens_the_search_box(window: MainWindow, monkeypatch) -> None:
    shown: list[SearchDialog] = []
    monkeypatch.setattr(SearchDialog, "exec", lambda self: shown.append(self) or 0)
    assert window.search_action.shortcut().toString() == "Ctrl+K"
    window.search_action.trigger()
    assert len(shown) == 1


def test_enter_opens_an_attempt_selected_in_the_log(qtbot, window, records) -> None:
    dialog = _search(qtbot, window, "walrus")  # Enter straight after typing: the first hit
    _enter(qtbot, dialog)
    assert window.current_page().page_key == "practice"
    selected = window.current_page().selected()  # type: ignore[attr-defined]
    assert selected is not None and selected.id == records["attempt"]


def test_a_journal_entry_opens_in_the_journal(qtbot, window, records) -> None:
    dialog = _search(qtbot, window, "zebra")
    qtbot.waitUntil(lambda: bool(dialog.hits()))
    _enter(qtbot, dialog)
    assert window.current_page().page_key == "journal"
    assert window.current_page().editor.entry_id == records["entry"]  # type: ignore[attr-defined]


def test_arrows_move_between_kinds_and_a_story_opens(qtbot, window, records) -> None:
    dialog = _search(qtbot, window, "quokka")
    qtbot.waitUntil(lambda: bool(dialog.hits()))
    assert [hit.kind for hit in dialog.hits()] == [HitKind.ENTRY, HitKind.STORY]
    assert dialog.results.currentItem().text() == "Zebra notes"
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)  # over the "Stories" heading
    assert dialog.results.currentItem().text() == "Kangaroo outage"
    assert dialog.box.hasFocus() or not dialog.isActiveWindow()
    _enter(qtbot, dialog)
    assert window.current_page().page_key == "stories"
    assert window.current_page().editor.story_id == records["story"]  # type: ignore[attr-defined]


def test_a_path_item_is_selected_even_behind_a_filter(qtbot, window) -> None:
    path = window.current_page()
    path.search.setText("no such item at all")  # type: ignore[attr-defined]
    window.show_page("journal")
    dialog = _search(qtbot, window, "3sum")
    qtbot.waitUntil(lambda: bool(dialog.hits()))
    hit = dialog.hits()[0]
    assert hit.kind is HitKind.ITEM and hit.item_id == "3sum"
    _enter(qtbot, dialog)
    assert window.current_page() is path
    assert path._selected_item_id() == "3sum"  # type: ignore[attr-defined]


def test_nothing_found_says_so_esc_clears_then_closes(qtbot, window) -> None:
    dialog = _search(qtbot, window, "xylophone")
    qtbot.waitUntil(lambda: "Nothing matches" in dialog.status.text())
    assert dialog.hits() == []
    qtbot.keyClick(dialog.box, Qt.Key.Key_Escape)  # as desktop search fields: clears first
    assert dialog.isVisible() and dialog.box.text() == ""
    qtbot.keyClick(dialog.box, Qt.Key.Key_Escape)  # then, in the empty box, closes
    assert not dialog.isVisible()


def test_results_for_older_typing_never_replace_newer_ones(qtbot, window, monkeypatch) -> None:
    import threading

    from desktop.ui import search_dialog

    release = threading.Event()
    real = search_dialog.search_everything

    def slow_for_walrus(*, session, typed, items, **limits):  # type: ignore[no-untyped-def]
        if typed == "walrus":
            release.wait(5)  # the older search finishes last
        return real(session=session, typed=typed, items=items, **limits)

    monkeypatch.setattr(search_dialog, "search_everything", slow_for_walrus)
    dialog = _search(qtbot, window, "walrus")
    dialog.search_now()
    dialog.box.setText("zebra")
    dialog.search_now()
    qtbot.waitUntil(lambda: bool(dialog.hits()))
    release.set()
    window.context.workers.wait_until_idle(5)
    qtbot.wait(50)  # let the late result arrive
    assert [hit.title for hit in dialog.hits()] == ["Zebra notes"]


def _log_attempts(context: AppContext, count: int) -> list[int]:
    with context.writing() as session:
        return [
            practice_store.log_attempt(
                session=session,
                attempt=Attempt(
                    subject=AttemptSubject(title=f"Narwhal drill {n}", target_minutes=15),
                    started_at=NOW - timedelta(days=n),
                    active_seconds=600,
                    outcome=Outcome.SOLVED,
                    confidence=3,
                ),
                now=NOW,
            )
            for n in range(count)
        ]


def test_a_kind_cut_short_offers_to_show_all_and_then_lists_them(qtbot, window) -> None:
    logged = _log_attempts(window.context, HITS_PER_KIND + 3)
    dialog = _search(qtbot, window, "narwhal")
    qtbot.waitUntil(lambda: bool(dialog.hits()))
    assert len(dialog.hits()) == HITS_PER_KIND
    last = dialog.results.item(dialog.results.count() - 1)
    assert last.text() == "Show all practice attempts…"
    assert last.data(SHOW_ALL_ROLE) == HitKind.ATTEMPT

    dialog.results.setCurrentItem(last)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)  # Enter on the row lists them all

    qtbot.waitUntil(lambda: len(dialog.hits()) == len(logged))
    assert dialog.isVisible()
    assert {hit.record_id for hit in dialog.hits()} == set(logged)
    # The keyboard is on the first hit that was not listed before.
    assert dialog.results.currentItem().data(HIT_ROLE) == dialog.hits()[HITS_PER_KIND]
    assert not [
        row
        for row in range(dialog.results.count())
        if dialog.results.item(row).data(SHOW_ALL_ROLE) is not None
    ]


def test_a_kind_that_fits_offers_nothing_more(qtbot, window) -> None:
    _log_attempts(window.context, HITS_PER_KIND)
    dialog = _search(qtbot, window, "narwhal")
    qtbot.waitUntil(lambda: bool(dialog.hits()))
    assert len(dialog.hits()) == HITS_PER_KIND
    texts = [dialog.results.item(row).text() for row in range(dialog.results.count())]
    assert not [text for text in texts if text.startswith("Show all")]


def test_new_words_list_each_kind_short_again(qtbot, window) -> None:
    _log_attempts(window.context, HITS_PER_KIND + 3)
    dialog = _search(qtbot, window, "narwhal")
    qtbot.waitUntil(lambda: bool(dialog.hits()))
    dialog.show_all(HitKind.ATTEMPT)
    qtbot.waitUntil(lambda: len(dialog.hits()) == HITS_PER_KIND + 3)
    dialog.box.setText("narwhal drill")
    qtbot.waitUntil(lambda: len(dialog.hits()) == HITS_PER_KIND)


def _item_ids(dialog: SearchDialog) -> list[str | None]:
    return [hit.item_id for hit in dialog.hits() if hit.kind is HitKind.ITEM]


def test_path_items_are_found_by_kind_stage_and_topic_as_the_path_filter_finds_them(
    qtbot, window
) -> None:
    """ "quiz" found nothing, though the Learning path's own filter lists the quizzes."""
    dialog = _search(qtbot, window, "quiz")
    qtbot.waitUntil(lambda: bool(dialog.hits()))
    assert "system-design-quiz" in _item_ids(dialog)  # "System Design questions"
    dialog.box.setText("overfitting")  # a word of a topic's label only
    qtbot.waitUntil(lambda: "regularisation" in _item_ids(dialog))
    dialog.box.setText("foundations reading")  # the stage's title and the kind's label
    qtbot.waitUntil(lambda: "big-o-drill" in _item_ids(dialog))
