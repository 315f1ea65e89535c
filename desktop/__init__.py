"""Loopwise: a practice journal and planner for a senior backend interview loop."""

__version__ = "0.1.0"
# The app's id on the desktop: the .desktop file, the AppStream metainfo and the icons.
APP_ID = "io.github.loopwise.Loopwise"
