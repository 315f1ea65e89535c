"""Opening a user's profile: check the database, migrate it, and load the learning paths."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from desktop.clock import Clock
from desktop.folders import ProfileFolder, shipped_data_dir
from desktop.store.database import make_engine
from desktop.store.health import check_database, move_aside
from desktop.store.locks import LockWait, Note, no_note
from desktop.store.migrate import upgrade_database

if TYPE_CHECKING:  # read on first use, after start-up
    from desktop.domain.data_file import DataFileError
    from desktop.domain.journal import Template
    from desktop.domain.path_file import LoadedPaths
    from desktop.domain.quiz import Quiz
    from desktop.domain.routines import Routines
    from desktop.domain.story_themes import ThemeCatalog
    from desktop.domain.taxonomy import Taxonomy
    from desktop.domain.vocabulary import Vocabulary
    from desktop.store.quiz_library import LoadedQuizzes


@dataclass
class Profile:
    folder: ProfileFolder
    engine: Engine
    clock: Clock  # the app's one clock: every 'now' in the app is read from it
    upgrade_backup: Path | None = None
    _library: LoadedPaths | None = field(default=None, repr=False)
    # The item tags and the library they were worked out from (see exercised_tags).
    _exercised: tuple[LoadedPaths, dict[tuple[str, str], tuple[str, ...]]] | None = field(
        default=None, repr=False
    )
    _quizzes: LoadedQuizzes | None = field(default=None, repr=False)
    # Told once the learning paths have been read (the app reports skipped files then).
    library_read: Callable[[LoadedPaths], None] | None = field(default=None, repr=False)
    # Told the first time the quizzes have been read, as library_read is (a re-read after
    # an import is not a start-up and is not told again).
    quizzes_read: Callable[[LoadedQuizzes], None] | None = field(default=None, repr=False)
    _quizzes_told: bool = field(default=False, repr=False)

    @property
    def library(self) -> LoadedPaths:
        """The learning paths, read on first use: an export or import never needs them, and
        the window reads them after its first paint."""
        if self._library is None:
            self._library = load_library(self.folder)
            if self.library_read is not None:
                self.library_read(self._library)
        return self._library

    @cached_property
    def templates(self) -> tuple[tuple[Template, ...], tuple[DataFileError, ...]]:
        """Journal templates, read on first use (not at start-up)."""
        from desktop.domain.journal import load_templates

        return load_templates(shipped_data_dir() / "templates")

    @property
    def vocabulary(self) -> Vocabulary:
        """What path, quiz and routine files may tag things with."""
        return shipped_vocabulary()

    @cached_property
    def taxonomy(self) -> Taxonomy:
        """Patterns, mistakes, topics and design steps (data/patterns.toml)."""
        return shipped_vocabulary().taxonomy

    @cached_property
    def routines(self) -> Routines:
        """The practice routines (data/routines.toml), read on first use."""
        from desktop.domain.routines import load_routines

        return load_routines(shipped_data_dir() / "routines.toml", self.vocabulary)

    @cached_property
    def story_themes(self) -> ThemeCatalog:
        """The shipped behavioral themes and theme sets (data/themes.toml)."""
        themes = shipped_vocabulary().themes
        assert themes is not None  # the shipped vocabulary always has them
        return themes

    def quiz(self, quiz_id: str) -> Quiz | None:
        """The quiz for a quiz item (its file's id matches the item's id), read when asked."""
        return self.quizzes.by_id.get(quiz_id)

    @property
    def quizzes(self) -> LoadedQuizzes:
        """The shipped quizzes and the user's own (data folder's quizzes/), read on first use."""
        if self._quizzes is None:
            self._quizzes = load_quiz_library(self.folder)
            if self.quizzes_read is not None and not self._quizzes_told:
                self._quizzes_told = True
                self.quizzes_read(self._quizzes)
        return self._quizzes

    def exercised_tags(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """The taxonomy tags each path item exercises, by (path id, item id): the path files'
        worked out once per library (Trends and Plan ask on every read), and the items the
        user added in the app read each time (a few rows), so a new one counts at once."""
        from desktop.domain.exercised import exercised_tags
        from desktop.store.database import session_scope
        from desktop.store.progress import custom_item_topics

        if self._exercised is None or self._exercised[0] is not self.library:
            quiz_topics = {
                quiz_id: tuple(dict.fromkeys(t for q in quiz.questions for t in q.topics))
                for quiz_id, quiz in self.quizzes.by_id.items()
            }
            tags = exercised_tags(self.library.paths, self.taxonomy, quiz_topics)
            self._exercised = (self.library, tags)
        with session_scope(self.engine) as session:
            custom = custom_item_topics(session=session)
        if not custom:
            return self._exercised[1]
        resolved = {
            key: known
            for key, topics in custom.items()
            if (known := tuple(dict.fromkeys(t for t in map(self.taxonomy.resolve, topics) if t)))
        }
        return {**self._exercised[1], **resolved}

    def template(self, template_id: str) -> Template | None:
        return next((t for t in self.templates[0] if t.id == template_id), None)

    def reload_library(self) -> LoadedPaths:
        """Read the path and quiz files again (after an import, say)."""
        self._library = load_library(self.folder)
        self._quizzes = None
        return self._library

    def restore(self, backup: Path) -> Path | None:
        """Put a backup in place of the database, owning the engine's lifetime: every pooled
        connection is closed first and a new engine opens the restored file, whatever happens.
        The caller must have stopped every reader. Returns where the old data was kept."""
        from desktop.store.backup import restore_backup

        self.engine.dispose()
        try:
            restored = restore_backup(
                self.folder.database, backup, self.folder.backups_dir, now=self.clock()
            )
            # An older backup is brought up to this version's schema; the backup of the data
            # as restored is its copy from before the upgrade (no third copy of the same data).
            upgrade_database(
                self.folder.database,
                self.folder.backups_dir,
                clock=self.clock,
                copied=restored.as_restored,
            )
        finally:
            self.engine = make_engine(self.folder.database)
        return restored.kept

    def start_fresh(self) -> Path:
        """Move a damaged database aside (kept as it is) and start an empty one in its place,
        owning the engine's lifetime as restore() does. Returns where the old file now is."""
        self.engine.dispose()
        try:
            kept = move_aside(self.folder.database, now=self.clock())
            upgrade_database(self.folder.database, self.folder.backups_dir, clock=self.clock)
        finally:
            self.engine = make_engine(self.folder.database)
        return kept

    def close(self) -> None:
        self.engine.dispose()


@cache
def shipped_vocabulary() -> Vocabulary:
    """The taxonomy and story themes every path, quiz and routine file is checked against."""
    from desktop.domain.story_themes import load_themes
    from desktop.domain.taxonomy import load_taxonomy
    from desktop.domain.vocabulary import Vocabulary

    data = shipped_data_dir()
    return Vocabulary(load_taxonomy(data / "patterns.toml"), load_themes(data / "themes.toml"))


def load_quiz_library(folder: ProfileFolder) -> LoadedQuizzes:
    """The shipped quizzes, and the user's own in place of any with the same id."""
    from desktop.store.quiz_library import load_quizzes

    folders = [shipped_data_dir() / "quizzes", folder.quiz_files_dir]
    return load_quizzes(folders, shipped_vocabulary())


def load_library(folder: ProfileFolder) -> LoadedPaths:
    from desktop.store.path_library import load_paths

    return load_paths(shipped_data_dir() / "paths", folder.path_files_dir, shipped_vocabulary())


def open_profile(
    folder: ProfileFolder, *, clock: Clock, note: Note = no_note, thorough: bool = True
) -> Profile:
    """Raises DatabaseProblem (and leaves the file untouched) if the database is unusable.

    `note` is told when the database is locked by another program and Loopwise waits.
    With `thorough` False only a quick look is taken (header and schema, see
    check_database): the window then runs the full check (health.IntegrityCheck)."""
    folder.ensure()
    wait = LockWait(folder.database, note=note)
    check_database(folder.database, wait=wait, thorough=thorough, backups_dir=folder.backups_dir)
    backup = upgrade_database(folder.database, folder.backups_dir, clock=clock)
    engine = make_engine(folder.database)
    return Profile(folder, engine, clock, backup)
