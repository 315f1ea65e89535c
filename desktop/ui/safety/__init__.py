"""Backups, restore, export and import in the window (File menu)."""
