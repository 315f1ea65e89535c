"""The export's tables as SQL sees them, frozen, so that `loopwise export` can write a
profile of the current schema without loading SQLAlchemy, SQLModel or the table classes
(see export_text.py and plain_export.py).

Made from the export's sections: tests/store/test_export_plan.py fails when this and
json_rows.export_plan_of(SECTIONS) differ (a section, a table or a record changed); print
that and paste it here.
"""

from __future__ import annotations

from desktop.store.transfer.export_text import ExportedTable, ExportPlan

EXPORT_PLAN: ExportPlan = (
    (
        "progress",
        (
            ExportedTable(
                key="items",
                table="item_progress",
                fields=(
                    ("path_id", "plain"),
                    ("item_id", "plain"),
                    ("stage_id", "plain"),
                    ("title", "plain"),
                    ("status", "plain"),
                    ("status_changed_at", "time"),
                    ("notes", "plain"),
                    ("notes_updated_at", "time"),
                ),
                order=("path_id", "item_id"),
                where="",
                links=(),
            ),
            ExportedTable(
                key="status_changes",
                table="status_change",
                fields=(
                    ("id", "plain"),
                    ("path_id", "plain"),
                    ("item_id", "plain"),
                    ("status", "plain"),
                    ("changed_at", "time"),
                ),
                order=("id",),
                where="",
                links=(),
            ),
            ExportedTable(
                key="custom_items",
                table="custom_item",
                fields=(
                    ("path_id", "plain"),
                    ("item_id", "plain"),
                    ("stage_id", "plain"),
                    ("title", "plain"),
                    ("kind", "plain"),
                    ("difficulty", "plain"),
                    ("target_minutes", "plain"),
                    ("topics", "plain"),
                    ("link", "plain"),
                    ("description", "plain"),
                    ("created_at", "time"),
                ),
                order=("path_id", "item_id"),
                where="",
                links=(),
            ),
        ),
    ),
    (
        "practice",
        (
            ExportedTable(
                key="sessions",
                table="practice_session",
                fields=(
                    ("id", "plain"),
                    ("started_at", "time"),
                    ("active_seconds", "plain"),
                    ("outcome", "plain"),
                    ("confidence", "plain"),
                    ("title", "plain"),
                    ("path_id", "plain"),
                    ("item_id", "plain"),
                    ("routine_id", "plain"),
                    ("kind", "plain"),
                    ("difficulty", "plain"),
                    ("target_minutes", "plain"),
                    ("quiz_correct", "plain"),
                    ("quiz_total", "plain"),
                    ("logged_at", "time"),
                    ("deleted_at", "time"),
                ),
                order=("id",),
                where="",
                links=(),
            ),
            ExportedTable(
                key="tags",
                table="session_tag",
                fields=(("session_id", "plain"), ("role", "plain"), ("tag", "plain")),
                order=("session_id", "role", "tag"),
                where="",
                links=(),
            ),
        ),
    ),
    (
        "journal",
        (
            ExportedTable(
                key="entries",
                table="journal_entry",
                fields=(
                    ("id", "plain"),
                    ("entry_date", "day"),
                    ("title", "plain"),
                    ("body", "plain"),
                    ("kind", "plain"),
                    ("tags", "plain"),
                    ("template_id", "plain"),
                    ("session_id", "plain"),
                    ("path_id", "plain"),
                    ("item_id", "plain"),
                    ("word_count", "plain"),
                    ("created_at", "time"),
                    ("updated_at", "time"),
                ),
                order=("id",),
                where="",
                links=(("session_id", "practice_session", "id"),),
            ),
        ),
    ),
    (
        "stories",
        (
            ExportedTable(
                key="stories",
                table="story",
                fields=(
                    ("id", "plain"),
                    ("title", "plain"),
                    ("situation", "plain"),
                    ("task", "plain"),
                    ("action", "plain"),
                    ("result", "plain"),
                    ("scope", "plain"),
                    ("companies", "plain"),
                    ("notes", "plain"),
                    ("created_at", "time"),
                    ("updated_at", "time"),
                ),
                order=("id",),
                where="story.deleted_at IS NULL",
                links=(),
            ),
            ExportedTable(
                key="themes",
                table="story_theme",
                fields=(("story_id", "plain"), ("theme_id", "plain")),
                order=("story_id", "theme_id"),
                where=(
                    "story_theme.story_id IN "
                    "(SELECT story.id FROM story WHERE story.deleted_at IS NULL)"
                ),
                links=(),
            ),
            ExportedTable(
                key="journal_links",
                table="story_journal_link",
                fields=(("story_id", "plain"), ("entry_id", "plain")),
                order=("story_id", "entry_id"),
                where=(
                    "story_journal_link.story_id IN "
                    "(SELECT story.id FROM story WHERE story.deleted_at IS NULL)"
                ),
                links=(),
            ),
            ExportedTable(
                key="rehearsals",
                table="story_rehearsal",
                fields=(
                    ("id", "plain"),
                    ("story_id", "plain"),
                    ("rehearsed_at", "time"),
                    ("seconds", "plain"),
                    ("rating", "plain"),
                    ("note", "plain"),
                ),
                order=("id",),
                where=(
                    "story_rehearsal.story_id IN "
                    "(SELECT story.id FROM story WHERE story.deleted_at IS NULL)"
                ),
                links=(),
            ),
            ExportedTable(
                key="custom_themes",
                table="custom_story_theme",
                fields=(
                    ("id", "plain"),
                    ("title", "plain"),
                    ("description", "plain"),
                    ("created_at", "time"),
                ),
                order=("id",),
                where="",
                links=(),
            ),
        ),
    ),
    (
        "planner",
        (
            ExportedTable(
                key="plan_items",
                table="plan_item",
                fields=(
                    ("id", "plain"),
                    ("day", "day"),
                    ("title", "plain"),
                    ("path_id", "plain"),
                    ("item_id", "plain"),
                    ("routine_id", "plain"),
                    ("kind", "plain"),
                    ("minutes", "plain"),
                    ("source", "plain"),
                    ("reason", "plain"),
                    ("skipped", "flag"),
                    ("carried_over", "flag"),
                    ("carried_from", "day"),
                    ("created_at", "time"),
                ),
                order=("id",),
                where="",
                links=(),
            ),
            ExportedTable(
                key="mocks",
                table="mock_interview",
                fields=(
                    ("id", "plain"),
                    ("held_at", "time"),
                    ("kind", "plain"),
                    ("with_whom", "plain"),
                    ("feedback", "plain"),
                    ("minutes", "plain"),
                    ("journal_entry_id", "plain"),
                    ("created_at", "time"),
                    ("updated_at", "time"),
                ),
                order=("id",),
                where="",
                links=(("journal_entry_id", "journal_entry", "id"),),
            ),
            ExportedTable(
                key="scores",
                table="mock_score",
                fields=(("mock_id", "plain"), ("dimension", "plain"), ("score", "plain")),
                order=("mock_id", "dimension"),
                where="",
                links=(),
            ),
            ExportedTable(
                key="exposed",
                table="mock_exposed",
                fields=(("mock_id", "plain"), ("tag", "plain")),
                order=("mock_id", "tag"),
                where="",
                links=(),
            ),
            ExportedTable(
                key="settings",
                table="planner_setting",
                fields=(("key", "plain"), ("value", "plain")),
                order=("key",),
                where="",
                links=(),
            ),
        ),
    ),
)
