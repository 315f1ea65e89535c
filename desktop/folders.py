"""Where Loopwise keeps its files: one typed place, resolved at start-up, never at import."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DATA_DIR_ENV = "LOOPWISE_DATA_DIR"
DATABASE_NAME = "loopwise.sqlite3"


@dataclass(frozen=True)
class ProfileFolder:
    """Every location the app reads or writes for one profile."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def path_files_dir(self) -> Path:
        """Learning-path files the user imported; they sit beside the shipped ones."""
        return self.data_dir / "paths"

    @property
    def quiz_files_dir(self) -> Path:
        """Quiz files the user added, for their own quiz items or in place of shipped ones."""
        return self.data_dir / "quizzes"

    @property
    def ui_state_file(self) -> Path:
        """Window geometry and view choices (QSettings in INI format), kept with the profile."""
        return self.data_dir / "ui-state.ini"

    @property
    def settings_file(self) -> Path:
        """The user's choices about their data (such as which backups to keep), in TOML."""
        return self.data_dir / "settings.toml"

    @property
    def running_sessions_file(self) -> Path:
        """The practice sessions running right now, so a crash does not lose one."""
        return self.data_dir / "running-session.json"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "loopwise.lock"

    def ensure(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.path_files_dir.mkdir(exist_ok=True)
        self.quiz_files_dir.mkdir(exist_ok=True)


def resolve_data_dir(cli_value: str | None, environ: dict[str, str] | None = None) -> Path:
    """The --data-dir option wins, then LOOPWISE_DATA_DIR, then the platform's user data dir."""
    env = os.environ if environ is None else environ
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    if env.get(DATA_DIR_ENV):
        return Path(env[DATA_DIR_ENV]).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir("Loopwise", appauthor=False, roaming=True))


def shipped_root() -> Path:
    """The folder holding data/ and resources/: the source tree, or the copy inside a wheel."""
    package_dir = Path(__file__).resolve().parent
    source_tree = package_dir.parent
    if (source_tree / "data" / "paths").is_dir():
        return source_tree
    return package_dir / "_shipped"


def shipped_data_dir() -> Path:
    return shipped_root() / "data"


def resources_dir() -> Path:
    return shipped_root() / "resources"
