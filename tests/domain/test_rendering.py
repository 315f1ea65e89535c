"""Markdown previews of notes: useful formatting survives, anything active is removed."""

from __future__ import annotations

import pytest

from desktop.domain.rendering import render_markdown

EMPTY_BOX = "\u2610"
TICKED_BOX = "\u2611"


def test_fenced_code_is_a_pre_block_with_escaped_content() -> None:
    html = render_markdown("Before\n\n```python\nif a < b and c > 0:\n    return a & b\n```\n")

    assert "<pre><code>" in html
    assert "if a &lt; b and c &gt; 0:\n    return a &amp; b" in html
    assert "```" not in html


def test_inline_code_is_kept() -> None:
    assert "<code>O(n log n)</code>" in render_markdown("Runs in `O(n log n)`.")


def test_tables_are_rendered() -> None:
    html = render_markdown(
        "| Approach | Time |\n|---|---|\n| Hash map | O(n) |\n| Sort | O(n log n) |\n"
    )

    assert "<table>" in html
    assert "<th>Approach</th>" in html
    assert "<td>Hash map</td>" in html
    assert "<td>O(n log n)</td>" in html


def test_task_lists_become_boxes() -> None:
    html = render_markdown("- [ ] Explain it out loud\n- [x] Redo from scratch\n- [X] Time it\n")

    assert f"<li>{EMPTY_BOX} Explain it out loud</li>" in html
    assert f"<li>{TICKED_BOX} Redo from scratch</li>" in html
    assert f"<li>{TICKED_BOX} Time it</li>" in html
    assert "[ ]" not in html
    assert "[x]" not in html


def test_task_boxes_in_loose_and_ordered_lists() -> None:
    loose = render_markdown("- [x] first\n\n- [ ] second\n")
    ordered = render_markdown("1. [x] first\n2. [ ] second\n")

    assert f"<p>{TICKED_BOX} first</p>" in loose
    assert f"<p>{EMPTY_BOX} second</p>" in loose
    assert f"<li>{TICKED_BOX} first</li>" in ordered
    assert f"<li>{EMPTY_BOX} second</li>" in ordered


def test_brackets_elsewhere_are_left_alone() -> None:
    html = render_markdown("- keep [x] here\n\n`[ ] code`\n")

    assert "<li>keep [x] here</li>" in html
    assert "<code>[ ] code</code>" in html
    assert TICKED_BOX not in html
    assert EMPTY_BOX not in html


def test_ordinary_formatting_is_kept() -> None:
    html = render_markdown("## Plan\n\n**bold** and *em* and ~~no~~\n\n> quoted\n")

    assert "<h2>Plan</h2>" in html
    assert "<strong>bold</strong>" in html
    assert "<em>em</em>" in html
    assert "<blockquote>" in html


def test_script_tags_and_their_content_are_removed() -> None:
    html = render_markdown("hi <script>alert('pwned')</script> there")

    assert "<script" not in html.lower()
    assert "pwned" not in html
    assert "hi" in html
    assert "there" in html


def test_style_tags_and_attributes_are_removed() -> None:
    html = render_markdown('<style>body { color: red }</style>\n\n<div style="color:red">ok</div>')

    assert "<style" not in html.lower()
    assert "color" not in html
    assert "<div>ok</div>" in html


@pytest.mark.parametrize(
    "source",
    [
        '<p onclick="steal()">click</p>',
        '<a href="https://example.com/" onmouseover="steal()">link</a>',
        "<svg onload=steal()>",
        '<div onfocus="steal()" tabindex="1">x</div>',
    ],
)
def test_event_handler_attributes_are_removed(source: str) -> None:
    html = render_markdown(source)

    assert "steal" not in html
    assert " on" not in html.lower()


@pytest.mark.parametrize(
    "source",
    [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        '<a href="javascript:alert(1)">click</a>',
        '<a href="data:text/html,<script>alert(1)</script>">click</a>',
    ],
)
def test_script_links_lose_their_target(source: str) -> None:
    html = render_markdown(source)

    assert "click" in html
    assert "javascript" not in html.lower()
    assert "data:" not in html
    assert "href" not in html


@pytest.mark.parametrize(
    "source",
    [
        "![diagram](https://example.com/diagram.png)",
        '<img src="https://example.com/x.png" onerror="steal()">',
        '<img src=x onerror="steal()">',
    ],
)
def test_images_are_removed(source: str) -> None:
    html = render_markdown(source)

    assert "<img" not in html.lower()
    assert "example.com" not in html
    assert "steal" not in html


def test_other_active_content_is_removed() -> None:
    html = render_markdown(
        '<iframe src="https://example.com/"></iframe><object data="x"></object>after'
    )

    assert "iframe" not in html
    assert "object" not in html
    assert "after" in html


def test_web_and_mail_links_are_kept_and_open_safely() -> None:
    html = render_markdown(
        "[problem](https://leetcode.com/problems/3sum/) [plain](http://example.com/a?b=1&c=2) "
        "[mail](mailto:me@example.com)"
    )

    assert '<a href="https://leetcode.com/problems/3sum/" rel="noopener noreferrer">' in html
    assert 'href="http://example.com/a?b=1&amp;c=2"' in html
    assert 'href="mailto:me@example.com"' in html


def test_plain_text_is_escaped() -> None:
    html = render_markdown("Use a < b and a > c & d")

    assert "&lt;" in html
    assert "&amp;" in html


def test_empty_notes_render_to_nothing() -> None:
    assert render_markdown("") == ""


def test_a_blocked_image_leaves_its_description() -> None:
    html = render_markdown("Before ![Architecture sketch](https://example.com/a.png) after")
    assert "<img" not in html and "example.com" not in html
    assert "[image: Architecture sketch]" in html
    assert "[image]" in render_markdown("![](local.png)")
    unsafe = render_markdown("![<script>steal()</script>](x.png)")
    assert "<script" not in unsafe
