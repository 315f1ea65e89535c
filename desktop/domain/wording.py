"""Small pieces of plain English shared by the window and the command line."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """ "1 stage", "3 stages", "20,000 sessions": a count with its noun (for nouns that
    take an s)."""
    return f"{count} {noun}" if count == 1 else f"{count:,} {noun}s"
