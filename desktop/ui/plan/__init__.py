"""The Plan page: the week's plan, suggestions, the weekly review and mock interviews."""
