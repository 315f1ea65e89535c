"""The journal: retrospectives and free notes in Markdown, by day, with search."""
