"""Markdown to safe HTML for previews: rendered by Python-Markdown, then sanitised by nh3."""

from __future__ import annotations

import re

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "div", "em", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "kbd", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"align"}, "th": {"align"}}
_TASK = re.compile(r"<li>\s*(<p>)?\s*\[([ xX])\]\s+")
# A list item holding one paragraph and nothing else: Python-Markdown wraps only the items
# next to a blank line in <p>, so one list drew uneven gaps between its items.
_ONE_PARAGRAPH_ITEM = re.compile(
    r"<li>\s*<p>((?:(?!</?p>|</?li>|<[uo]l>).)*?)</p>\s*</li>", re.DOTALL
)
# A list's first line as CommonMark lets it interrupt a paragraph: any bullet, or an ordered
# list that starts at 1 ("In 2024. we" stays prose).
_LIST_START = re.compile(r" {0,3}(?:[-*+]|1[.)])[ \t]+\S")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def render_markdown(text: str) -> str:
    """HTML that is safe to show: no scripts, no styles, no images, only web and mail links."""
    # Imported on first use: Markdown compiles dozens of patterns at import, and start-up
    # should not wait for a preview nobody has opened yet.
    import markdown
    import nh3

    html = markdown.markdown(
        _lists_may_interrupt_paragraphs(text),
        extensions=["fenced_code", "tables", "sane_lists"],
        output_format="html",
    )
    html = _ONE_PARAGRAPH_ITEM.sub(r"<li>\1</li>", html)
    html = _TASK.sub(_task_box, html)
    html = _IMAGE.sub(_image_placeholder, html)
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def _lists_may_interrupt_paragraphs(text: str) -> str:
    """A blank line before a list that follows a line of prose. Python-Markdown needs one, but
    CommonMark, Obsidian and the editor's highlighting do not, so "Plan:\n- a\n- b" read as
    one run-on paragraph in the preview while the editor showed a list."""
    lines = text.split("\n")
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1) == fence:
                fence = None
        elif opening:
            fence = opening.group(1)
        elif _LIST_START.match(line) and out:
            previous = out[-1]
            prose = previous.strip() and not previous[:1].isspace()
            if prose and not _LIST_ITEM.match(previous):
                out.append("")
        out.append(line)
    return "\n".join(out)


def _image_placeholder(match: re.Match[str]) -> str:
    """Images are never loaded; their description stays, so the reader knows one was there."""
    alt = _ALT.search(match.group(0))
    description = (alt.group(1) or alt.group(2) or "").strip() if alt else ""
    return f"<em>[image: {description}]</em>" if description else "<em>[image]</em>"


def _task_box(match: re.Match[str]) -> str:
    """'- [x] done' list items are drawn as ticked or empty boxes."""
    box = "\u2611" if match.group(2).lower() == "x" else "\u2610"
    return f"<li>{match.group(1) or ''}{box} "
