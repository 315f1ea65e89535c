"""Command line: the app by default, plus subcommands for work without a window."""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys
from collections.abc import Sequence

from desktop import __version__

DATA_DIR_HELP = (
    "keep the database and settings in DIR (default: your user data folder; "
    "the LOOPWISE_DATA_DIR environment variable works too)"
)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    # Subcommands accept --data-dir too; SUPPRESS keeps their default from wiping out a
    # --data-dir given before the subcommand name.
    after = argparse.ArgumentParser(add_help=False)
    after.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP, default=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="loopwise",
        description="Loopwise: a practice journal and planner for senior backend interview loops.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"Loopwise {__version__}")
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="quit as soon as the main window has painted (used to measure start-up)",
    )
    parser.add_argument(
        "--start-fresh",
        action="store_true",
        help="if the database cannot be opened, move it aside (it is kept) and start a new one",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    shot = commands.add_parser(
        "screenshot", parents=[after], help="render every page to a PNG file, without a screen"
    )
    shot.add_argument("outdir", metavar="OUTDIR", help="folder for the PNG files")
    shot.add_argument("--theme", choices=("light", "dark"), default="light")
    shot.add_argument("--size", default="1280x800", metavar="WxH", type=_size)
    shot.add_argument(
        "--demo", action="store_true", help="use a generated demo profile (a few months of use)"
    )

    importer = commands.add_parser(
        "import-path", parents=[after], help="add a learning-path file of your own"
    )
    importer.add_argument("file", metavar="FILE", help="a path file in the same TOML format")
    importer.add_argument(
        "--replace",
        action="store_true",
        help="replace a path that has the same id (your progress on it is kept)",
    )

    quiz_importer = commands.add_parser(
        "import-quiz", parents=[after], help="add a quiz file of your own (for a quiz item)"
    )
    quiz_importer.add_argument(
        "file", metavar="FILE", help="a quiz file in the TOML format of data/quizzes"
    )
    quiz_importer.add_argument(
        "--replace", action="store_true", help="replace a quiz that has the same id"
    )

    commands.add_parser(
        "paths", parents=[after], help="list the learning paths and report invalid path files"
    )

    commands.add_parser(
        "tags",
        parents=[after],
        help="list the tags path, quiz and routine files may name (ids, labels, other names)",
    )

    weak = commands.add_parser(
        "weak-spots",
        parents=[after],
        help="print the weak spots the Trends page shows (what keeps going wrong, how sure)",
    )
    weak.add_argument("--path", metavar="ID", help="only practice on this learning path")
    weak.add_argument(
        "--period", default="90d", metavar="30d|90d|all", help="how far back to look (90d)"
    )
    weak.add_argument("--json", action="store_true", help="tags, scores, intervals, counts, ids")

    commands.add_parser("backup", parents=[after], help="make a backup of your data now")
    restore = commands.add_parser(
        "restore",
        parents=[after],
        help="list your backups, or put one back (your current data is backed up first)",
    )
    restore.add_argument("backup", nargs="?", metavar="BACKUP", help="a backup's name or path")
    restore.add_argument("--yes", action="store_true", help="do not ask before restoring")

    exporter = commands.add_parser(
        "export", parents=[after], help="write all your data to a JSON file or a Markdown vault"
    )
    exporter.add_argument("--format", choices=("json", "markdown"), default="json")
    exporter.add_argument(
        "target", metavar="TARGET", help="a .json file, or a folder for the Markdown notes"
    )
    importer_all = commands.add_parser(
        "import",
        parents=[after],
        help="import a Loopwise JSON export, or a folder of Markdown daily notes",
    )
    importer_all.add_argument("source", metavar="FILE_OR_FOLDER")
    importer_all.add_argument(
        "--yes", action="store_true", help="do not ask when the import replaces or removes records"
    )
    return parser


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("use WIDTHxHEIGHT, for example 1280x800") from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise argparse.ArgumentTypeError("the size must be between 320x240 and 8000x8000")
    return width, height


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(build_parser().parse_args(argv))
    except BrokenPipeError:
        # The output went to a pipe that closed early (`loopwise paths | head`): not an error.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (stays open until exit)
        return 0
    except KeyboardInterrupt:
        # Ctrl+C before the window or a command's own handling took over (while a profile
        # opens or migrates, say): SQLite rolls back what was not committed, so there is
        # nothing half-written to report, and a traceback would only alarm.
        print("\nStopped (Ctrl+C). Nothing was left half-written.", file=sys.stderr)
        from desktop.ctrl_c import INTERRUPTED

        return INTERRUPTED


def _run(args: argparse.Namespace) -> int:
    if args.command == "import-quiz":
        from desktop.commands import import_quiz_command

        return import_quiz_command(args.data_dir, args.file, replace=args.replace)
    if args.command == "import-path":
        from desktop.commands import import_path_command

        return import_path_command(args.data_dir, args.file, replace=args.replace)
    if args.command == "paths":
        from desktop.commands import list_paths_command

        return list_paths_command(args.data_dir)
    if args.command == "tags":
        from desktop.commands import list_tags_command

        return list_tags_command()
    if args.command == "weak-spots":
        from desktop.weak_spots_command import weak_spots_command

        return weak_spots_command(args.data_dir, args.path, args.period, as_json=args.json)
    if args.command in {"backup", "restore", "export", "import"}:
        # A short-lived command that loads ~400 modules (SQLAlchemy, SQLModel, the record
        # types) and makes no cyclic garbage worth collecting: the collector walking the
        # growing heap while they load was about a tenth of an export's CPU time.
        gc.disable()
        # At exit the interpreter runs full collections over every object left (SQLAlchemy's,
        # pydantic's and the app's classes): frozen first, they are not walked (about 0.1 s
        # of an import's CPU time). Registered, not done here, so a caller that goes on
        # (the tests) keeps its collector as it was.
        atexit.register(gc.freeze)
        try:
            return _run_safety_command(args)
        finally:
            gc.enable()
    if args.command == "screenshot":
        from desktop.screenshots import screenshot_command

        return screenshot_command(
            data_dir=args.data_dir,
            outdir=args.outdir,
            theme=args.theme,
            size=args.size,
            demo=args.demo,
        )
    # The cycle collector stays off while start-up makes its ~140,000 long-lived objects
    # (modules, classes, the window); run_gui turns it on again once the window is built.
    gc.disable()
    # Load the database layer before PySide6: once PySide6 is imported it inspects every
    # module imported after it, and SQLAlchemy's ~370 modules made start-up ~0.1 s slower.
    import desktop.profile  # noqa: F401
    from desktop.app import run_gui

    return run_gui(
        data_dir=args.data_dir,
        exit_after_startup=args.exit_after_startup,
        start_fresh=args.start_fresh,
    )


def _run_safety_command(args: argparse.Namespace) -> int:
    from desktop import safety_commands as safety

    if args.command in {"import", "restore"}:
        # Run by hand, next to what was cut short; a scheduled backup or export would tell
        # it to a log nobody reads, and the window would no longer say it.
        safety.tell_unfinished_work(args.data_dir)
    if args.command == "backup":
        return safety.backup_command(args.data_dir)
    if args.command == "restore":
        return safety.restore_command(args.data_dir, args.backup, assume_yes=args.yes)
    if args.command == "export":
        return safety.export_command(args.data_dir, args.format, args.target)
    return safety.import_command(args.data_dir, args.source, assume_yes=args.yes)


if __name__ == "__main__":
    sys.exit(main())
