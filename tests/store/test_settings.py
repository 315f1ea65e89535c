"""The profile's settings file: read with the defaults as fallback, written in one step."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.backups import ThinningPolicy
from desktop.store.settings import BackupSettings, Settings, load_settings, save_settings


def test_without_a_settings_file_the_defaults_apply_quietly(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "settings.toml")
    assert loaded.problem is None
    assert loaded.settings.backups.policy == ThinningPolicy()


def test_saved_settings_are_read_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings(backups=BackupSettings(keep_all_days=5, daily_days=60)))
    loaded = load_settings(path)
    assert loaded.problem is None
    assert loaded.settings.backups.policy == ThinningPolicy(keep_all_days=5, daily_days=60)
    assert list(tmp_path.iterdir()) == [path]  # nothing half-written left beside it


def test_daily_thinning_never_ends_before_keeping_everything_does(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[backups]\nkeep_all_days = 10\ndaily_days = 3\n", encoding="utf-8")
    assert load_settings(path).settings.backups.policy == ThinningPolicy(10, 10)


def test_a_malformed_file_is_explained_and_the_defaults_apply(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[backups]\nkeep_all_days = -3\n", encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.problem is not None
    assert str(path) in loaded.problem and "backups.keep_all_days" in loaded.problem
    assert "defaults apply" in loaded.problem

    path.write_text("[backups\nkeep_all_days = 1\n", encoding="utf-8")
    broken = load_settings(path)
    assert broken.settings == Settings()
    assert broken.problem is not None and "line 1" in broken.problem


def test_one_section_is_changed_and_the_others_kept(tmp_path: Path) -> None:
    from desktop.store.settings import AppearanceSettings, StreakSettings, update_settings

    path = tmp_path / "settings.toml"
    path.write_text("[backups]\nkeep_all_days = 5\ndaily_days = 60\n", encoding="utf-8")
    update_settings(path, appearance=AppearanceSettings(theme="dark"))
    update_settings(path, streaks=StreakSettings(rest_days=2))
    settings = load_settings(path).settings
    assert settings.appearance.theme == "dark" and settings.streaks.rest_days == 2
    assert settings.backups.policy == ThinningPolicy(keep_all_days=5, daily_days=60)


def test_an_unknown_theme_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[appearance]\ntheme = "sepia"\n', encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings() and loaded.problem is not None


def test_a_file_that_could_not_be_used_is_kept_not_written_over(tmp_path: Path) -> None:
    from desktop.store.settings import AppearanceSettings, update_settings

    path = tmp_path / "settings.toml"
    unusable = '[appearance]\ntheme = "dark\n'  # the closing quote forgotten
    path.write_text(unusable, encoding="utf-8")
    update_settings(path, appearance=AppearanceSettings(theme="light"))
    assert load_settings(path).settings.appearance.theme == "light"
    assert (tmp_path / "settings.unusable.toml").read_text(encoding="utf-8") == unusable

    path.write_text("[calendar]\nfirst_weekday = 'someday'\n", encoding="utf-8")
    update_settings(path, appearance=AppearanceSettings(theme="dark"))  # a second one
    assert (tmp_path / "settings.unusable.toml").read_text(encoding="utf-8") == unusable
    assert "someday" in (tmp_path / "settings.unusable-2.toml").read_text(encoding="utf-8")

    update_settings(path, appearance=AppearanceSettings(theme="light"))  # a good file
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "settings.toml",
        "settings.unusable-2.toml",
        "settings.unusable.toml",
    ]
