"""Loopwise: a practice journal and planner for a senior backend interview loop."""

__version__ = "0.1.0"
