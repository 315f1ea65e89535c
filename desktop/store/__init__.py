"""Persistence: tables, migrations, queries and backups. No Qt here."""
