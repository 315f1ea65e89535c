"""Word forms: stems that agree with the journal's SQLite index, and the words a start of a
word may become while it is typed."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

from desktop.domain.word_forms import (
    completions,
    first_match,
    matching_words,
    sought_words,
    stem,
)

SAMPLE_TEXT = (Path(__file__).resolve().parents[2] / "docs").rglob("*.md")


def _sqlite_stems(words: list[str]) -> list[str]:
    """What SQLite's FTS5 porter tokenizer (the journal index's, migration 0009) makes of each
    word, read back through fts5vocab."""
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.execute(
            "CREATE VIRTUAL TABLE words USING fts5(word,"
            " tokenize='porter unicode61 remove_diacritics 2')"
        )
        connection.execute("CREATE VIRTUAL TABLE stems USING fts5vocab(words, instance)")
        connection.executemany(
            "INSERT INTO words(rowid, word) VALUES (?, ?)", enumerate(words, start=1)
        )
        found = dict(connection.execute("SELECT doc, term FROM stems").fetchall())
    return [str(found[n]) for n in range(1, len(words) + 1)]


def test_stems_agree_with_the_journal_index_on_the_projects_own_words() -> None:
    text = " ".join(path.read_text(encoding="utf-8") for path in SAMPLE_TEXT)
    words = sorted({word.casefold() for word in re.findall(r"[^\W\d_]+", text)})
    words += ["idempotency", "retries", "caching", "as", "is", "Café", "naïvely", "x" * 70]
    assert len(words) > 1000  # enough words to mean something

    assert [stem(word) for word in words] == _sqlite_stems(words)


def test_forms_of_a_word_share_a_stem() -> None:
    assert stem("idempotency") == stem("idempotent")
    assert stem("retries") == stem("retry") == stem("retried")
    assert stem("caching") == stem("cache") == stem("Caches")
    assert stem("cachet") != stem("cache")


def test_the_start_of_a_word_stands_for_the_words_it_may_begin() -> None:
    assert "caching" in completions("cachi")
    assert "caching" in completions("cachin")
    assert {stem(word) for word in completions("idempoten")} == {"idempot"}
    assert completions("ca") == ()  # too short to be a stem with an ending
    assert completions("cache") == ()  # "cache"* already finds all its forms
    assert completions("2024") == ()


def test_the_last_word_matches_as_a_start_and_the_others_as_whole_words() -> None:
    first, last = sought_words(["retries", "cachi"])

    assert first.matches("retry") and first.matches("Retried")
    assert not first.matches("retrieval") and not first.matches("ret")
    assert last.matches("caching") and last.matches("cache") and last.matches("cachier")
    assert not last.matches("cachet")


def test_the_root_is_held_by_every_form_for_like_to_narrow_by() -> None:
    (retries,) = sought_words(["retries"])
    (idempotency,) = sought_words(["idempotency"])
    (cachi,) = sought_words(["cachi"])

    assert retries.root == "retr"
    assert idempotency.root == "idempot"
    assert cachi.root == "cach"


def test_matching_words_are_found_in_the_form_the_text_has_them() -> None:
    text = "The handler is idempotent; idempotency keys, and an Idempotent retry."
    sought = sought_words(["idempotence", "retries"])

    assert [text[a:b] for a, b in matching_words(text, sought)] == [
        "idempotent", "idempotency", "Idempotent", "retry",
    ]  # fmt: skip
    assert first_match(text, sought) == text.index("idempotent")


def test_first_match_folds_accents_and_finds_nothing_when_nothing_matches() -> None:
    text = "Un résumé rapide. Les résumés."

    assert first_match(text, sought_words(["resumes"])) == text.index("résumé")
    assert first_match(text, sought_words(["caching"])) is None
    assert first_match(text, []) is None
