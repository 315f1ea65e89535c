"""Export and import of a whole profile: JSON (docs/export-format.md) and a Markdown vault."""
