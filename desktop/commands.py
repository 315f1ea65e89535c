"""Subcommands that work without a window."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.domain.path_file import PathFileError
from desktop.paths import AppPaths, resolve_data_dir, shipped_data_dir
from desktop.store.path_library import import_path_file, load_paths


def import_path_command(data_dir: str | None, file: str) -> int:
    app_paths = AppPaths(resolve_data_dir(data_dir))
    try:
        app_paths.ensure()
        path, target = import_path_file(Path(file), app_paths.user_paths_dir)
    except PathFileError as error:
        print(f"Nothing was imported. {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Nothing was imported: {error}", file=sys.stderr)
        return 1
    stages = len(path.stages)
    print(f"Imported '{path.title}' ({stages} stages, {path.item_count()} items) into {target}")
    return 0


def list_paths_command(data_dir: str | None) -> int:
    app_paths = AppPaths(resolve_data_dir(data_dir))
    loaded = load_paths(shipped_data_dir() / "paths", app_paths.user_paths_dir)
    for path in loaded.paths:
        print(f"{path.id}: {path.title} ({len(path.stages)} stages, {path.item_count()} items)")
    for error in loaded.errors:
        print(f"Skipped: {error}", file=sys.stderr)
    return 1 if loaded.errors else 0
