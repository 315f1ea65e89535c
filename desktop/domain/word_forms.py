"""Other forms of a word: "idempotency" finds "idempotent", "retries" finds "retry".

The journal's full-text index reduces every word to its stem with SQLite's Porter stemmer
(migration 0009). This module stems words the same way, so that what is searched with LIKE
(path items, stories, attempts' titles) and the words highlighted in excerpts agree with the
index. snowballstemmer's "porter" is Martin Porter's original algorithm, as SQLite's is; like
SQLite's, it is not applied to words under three letters or over 64.

While typing, the last word is only the start of a word. "cachi" stems to "cachi", but the
index holds "caching" as "cach", so the start alone finds nothing until the word is whole.
The last word therefore also stands for the words it may be the start of: it, cut before a
letter or more that begin a common English ending, with that ending ("cach" + "ing").
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Protocol

# Endings Porter's algorithm takes off or shortens. What is typed may stop anywhere in one.
_ENDINGS = (
    *("s", "es", "ed", "ing", "ings", "e", "er", "ers", "est", "y", "ies", "ied", "ly"),
    *("ion", "ions", "ation", "ations", "ational", "ative", "ator", "ate", "ated", "ating"),
    *("ence", "ency", "ent", "ents", "ement", "ment", "ments", "ness", "ity", "ities"),
    *("ize", "ized", "izes", "izing", "ization", "ise", "ised", "ising", "isation"),
    *("al", "ally", "alism", "able", "ably", "ible", "ibility", "ability", "ful", "fully"),
    *("ive", "ively", "iveness", "ous", "ously", "ism", "ist", "ists", "ic", "ical"),
    *("ance", "ant", "ants"),
)
_SHORTEST_STEM = 3  # SQLite's porter leaves shorter words as they are
_LONGEST_STEMMED = 64  # and longer ones too (FTS5_PORTER_MAX_TOKEN)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)  # a word as the index splits them ("_" parts two)
# Folding a huge entry to find an accented word costs more than it is worth for an excerpt.
_FOLD_LIMIT = 200_000


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...  # the library spells it so


@cache
def _porter() -> tuple[_Stemmer, threading.Lock]:
    """The stemmer, loaded on first use (its package imports 36 languages' modules), and a
    lock: a stemmer object keeps the word it works on, and searches run on worker threads."""
    import snowballstemmer

    stemmer: _Stemmer = snowballstemmer.stemmer("porter")
    return stemmer, threading.Lock()


def fold(text: str) -> str:
    """Lower case without accents, the way the full-text index compares words."""
    lowered = text.casefold()
    if lowered.isascii():
        return lowered  # no accents to take off: the common case, and quick
    decomposed = unicodedata.normalize("NFD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The stem of one word, as the journal's index stores it."""
    folded = fold(word)
    if not _SHORTEST_STEM <= len(folded.encode()) <= _LONGEST_STEMMED:  # SQLite counts bytes
        return folded
    stemmer, lock = _porter()
    with lock:
        return stemmer.stemWord(folded)


@lru_cache(maxsize=1024)
def completions(start: str) -> tuple[str, ...]:
    """Whole words that `start` may be the beginning of, one for each stem they have that a
    search for `start` as a prefix would miss ("cachi" gives "caching", stem "cach")."""
    folded = fold(start)
    if not folded.isalpha():
        return ()
    found: dict[str, str] = {}
    covered = stem(folded)
    for cut in range(_SHORTEST_STEM, len(folded)):
        base, begun = folded[:cut], folded[cut:]
        for ending in _ENDINGS:
            if len(ending) > len(begun) and ending.startswith(begun):
                word = base + ending
                stemmed = stem(word)
                if not stemmed.startswith(covered):
                    found.setdefault(stemmed, word)
    return tuple(found.values())


@dataclass(frozen=True)
class SoughtWord:
    """One word of a search and the words in a text it matches."""

    typed: str  # folded
    stems: frozenset[str]  # a word with one of these stems matches
    prefix: bool  # the last word typed: a word starting with it, or its stem, matches too

    def matches(self, word: str) -> bool:
        folded = fold(word)
        if self.prefix and folded.startswith(self.typed):
            return True
        stemmed = stem(folded)
        return stemmed in self.stems or (self.prefix and stemmed.startswith(stem(self.typed)))

    @cached_property
    def root(self) -> str:
        """Letters every matching word holds (near enough: Porter's few rewrites such as
        "-ational" to "-ate" keep the start), to find candidates with LIKE or a scan."""
        common = self.typed
        for stemmed in self.stems:
            common = _common_start(common, stemmed)
        if len(common) > _SHORTEST_STEM and common[-1] in "ie":
            common = common[:-1]  # "retri" (retries) is "retry" in the text
        return common or self.typed


def sought_words(words: list[str]) -> list[SoughtWord]:
    """The words of a search, the last one as the start of a word still being typed."""
    sought = []
    for position, word in enumerate(words):
        last = position == len(words) - 1
        folded = fold(word)
        stems = {stem(folded)}
        if last:
            stems.update(stem(whole) for whole in completions(folded))
        sought.append(SoughtWord(folded, frozenset(stems), last))
    return sought


def matching_words(text: str, sought: list[SoughtWord]) -> list[tuple[int, int]]:
    """Where in `text` (an excerpt: short) the words that match a sought word are."""
    if not sought:
        return []
    words: Iterator[tuple[int, int]]
    if _has_accents(text):  # a root without accents may not be found in it: try every word
        words = ((found.start(), found.end()) for found in _TOKEN.finditer(text))
    else:
        words = _words_with_a_root(text, sought)
    return [(a, b) for a, b in words if any(word.matches(text[a:b]) for word in sought)]


def first_match(text: str, sought: list[SoughtWord]) -> int | None:
    """Where the first word matching a sought word starts, or None.

    Only words holding a sought word's root are stemmed, so a long entry is one search for
    the roots and a few stems."""
    if not sought:
        return None
    for start, end in _words_with_a_root(text, sought):
        if any(word.matches(text[start:end]) for word in sought):
            return start
    if len(text) > _FOLD_LIMIT or not _has_accents(text):
        return None  # folding would change nothing, or cost too much for an excerpt
    # Same length as the text only without accents: close enough for where an excerpt starts.
    folded = fold(text)
    for start, end in _words_with_a_root(folded, sought):
        if any(word.matches(folded[start:end]) for word in sought):
            return start
    return None


def _has_accents(text: str) -> bool:
    """A letter with a mark on it ("é", not "…"), which fold() would take off."""
    return not text.isascii() and any(
        unicodedata.normalize("NFD", ch) != ch for ch in text if not ch.isascii()
    )


def _words_with_a_root(text: str, sought: list[SoughtWord]) -> Iterator[tuple[int, int]]:
    """(start, end) of each word of `text` holding a sought word's root, in any case: the
    roots are found by one scan, and only the words around them are looked at."""
    roots = _root_pattern(tuple(sorted({word.root for word in sought}, key=len, reverse=True)))
    position = 0
    while (found := roots.search(text, position)) is not None:
        start, end = found.start(), found.end()
        while start > 0 and _in_word(text[start - 1]):
            start -= 1
        while end < len(text) and _in_word(text[end]):
            end += 1
        yield start, end
        position = end


def _in_word(character: str) -> bool:
    return character.isalnum()  # as _TOKEN: "_" and punctuation part words


@lru_cache(maxsize=64)
def _root_pattern(roots: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, roots)), re.IGNORECASE)


def _common_start(one: str, other: str) -> str:
    length = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        length += 1
    return one[:length]
