"""Which pages the app has and what they are called: one table, light enough to read before
any page's own (heavy) module is imported."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    key: str  # remembered as the last page shown, and used to open a page from elsewhere
    title: str  # in the sidebar and the View menu
    icon: str  # a name in resources/icons
    accessible_name: str = ""  # what screen readers call the page, when not its title


PATH = PageInfo("path", "Learning path", "path", "Learning path checklist")
PRACTICE = PageInfo("practice", "Practice log", "timer")
JOURNAL = PageInfo("journal", "Journal", "journal")
STORIES = PageInfo("stories", "Stories", "stories")
TRENDS = PageInfo("trends", "Trends", "trends")
PLAN = PageInfo("plan", "Plan", "plan")
