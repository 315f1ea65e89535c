"""The learning-path checklist page."""
