"""Markdown previews of notes: useful formatting survives, anything active is removed."""

from __future__ import annotations

import pytest

from desktop.domain.rendering import render_markdown

EMPTY_BOX = "\u2610"
TICKED_BOX = "\u2611"


@pytest.mark.parametrize(
    ("source", "kept", "gone"),
    [
        pytest.param(
            "Before\n\n```python\nif a < b and c > 0:\n    return a & b\n```\n",
            ("<pre><code>", "if a &lt; b and c &gt; 0:\n    return a &amp; b"),
            ("```",),
            id="fenced code is a pre block with escaped content",
        ),
        pytest.param(
            "| Approach | Time |\n|---|---|\n| Hash map | O(n) |\n| Sort | O(n log n) |\n",
            ("<table>", "<th>Approach</th>", "<td>Hash map</td>", "<td>O(n log n)</td>"),
            (),
            id="tables are rendered",
        ),
        pytest.param(
            "- [ ] Explain it out loud\n- [x] Redo from scratch\n- [X] Time it\n",
            (
                f"<li>{EMPTY_BOX} Explain it out loud</li>",
                f"<li>{TICKED_BOX} Redo from scratch</li>",
                f"<li>{TICKED_BOX} Time it</li>",
            ),
            ("[ ]", "[x]"),
            id="task lists become boxes",
        ),
        pytest.param(
            "- keep [x] here\n\n`[ ] code`\n",
            ("<li>keep [x] here</li>", "<code>[ ] code</code>"),
            (TICKED_BOX, EMPTY_BOX),
            id="brackets elsewhere are left alone",
        ),
        pytest.param(
            "## Plan\n\n**bold** and *em* and ~~no~~\n\n> quoted\n",
            ("<h2>Plan</h2>", "<strong>bold</strong>", "<em>em</em>", "<blockquote>"),
            (),
            id="ordinary formatting is kept",
        ),
        pytest.param(
            "hi <script>alert('pwned')</script> there",
            ("hi", "there"),
            ("<script", "pwned"),
            id="script tags and their content are removed",
        ),
        pytest.param(
            '<style>body { color: red }</style>\n\n<div style="color:red">ok</div>',
            ("<div>ok</div>",),
            ("<style", "color"),
            id="style tags and attributes are removed",
        ),
        pytest.param(
            '<iframe src="https://example.com/"></iframe><object data="x"></object>after',
            ("after",),
            ("iframe", "object"),
            id="other active content is removed",
        ),
        pytest.param("Use a < b and a > c & d", ("&lt;", "&amp;"), (), id="plain text is escaped"),
    ],
)
def test_markdown_keeps_and_drops(
    source: str, kept: tuple[str, ...], gone: tuple[str, ...]
) -> None:
    html = render_markdown(source)

    for part in kept:
        assert part in html
    for part in gone:  # in any case: <SCRIPT> is as active as <script>
        assert part.lower() not in html.lower()


def test_inline_code_is_kept() -> None:
    assert "<code>O(n log n)</code>" in render_markdown("Runs in `O(n log n)`.")


def test_task_boxes_in_loose_and_ordered_lists() -> None:
    loose = render_markdown("- [x] first\n\n- [ ] second\n")
    ordered = render_markdown("1. [x] first\n2. [ ] second\n")

    assert f"<li>{TICKED_BOX} first</li>" in loose  # one paragraph: drawn like a tight list
    assert f"<li>{EMPTY_BOX} second</li>" in loose
    assert f"<li>{TICKED_BOX} first</li>" in ordered
    assert f"<li>{EMPTY_BOX} second</li>" in ordered


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


def test_web_and_mail_links_are_kept_and_open_safely() -> None:
    html = render_markdown(
        "[problem](https://leetcode.com/problems/3sum/) [plain](http://example.com/a?b=1&c=2) "
        "[mail](mailto:me@example.com)"
    )

    assert '<a href="https://leetcode.com/problems/3sum/" rel="noopener noreferrer">' in html
    assert 'href="http://example.com/a?b=1&amp;c=2"' in html
    assert 'href="mailto:me@example.com"' in html


def test_empty_notes_render_to_nothing() -> None:
    assert render_markdown("") == ""


def test_a_blocked_image_leaves_its_description() -> None:
    html = render_markdown("Before ![Architecture sketch](https://example.com/a.png) after")
    assert "<img" not in html and "example.com" not in html
    assert "[image: Architecture sketch]" in html
    assert "[image]" in render_markdown("![](local.png)")
    unsafe = render_markdown("![<script>steal()</script>](x.png)")
    assert "<script" not in unsafe


def test_a_loose_list_item_with_one_paragraph_is_drawn_like_its_neighbours() -> None:
    html = render_markdown("- one\n- two\n\n- three\n")
    assert "<p>" not in html
    assert html.count("<li>") == 3


def test_a_list_item_of_two_paragraphs_keeps_them() -> None:
    html = render_markdown("- one\n\n    more of one\n\n- two\n")
    assert "<p>one</p>" in html and "<p>more of one</p>" in html


def test_a_list_right_under_a_line_of_prose_is_a_list() -> None:
    html = render_markdown("Plan for the loop:\n- review *indexes*\n- [x] mock on Friday\n")

    assert "<p>Plan for the loop:</p>" in html
    assert "<li>review <em>indexes</em></li>" in html
    assert f"<li>{TICKED_BOX} mock on Friday</li>" in html


def test_an_ordered_list_under_prose_needs_to_start_at_one() -> None:
    assert "<ol>" in render_markdown("Steps:\n1. clarify\n2. estimate\n")
    assert "<ol>" not in render_markdown("That was in\n2024. A good year.\n")


def test_list_markers_inside_fenced_code_stay_code() -> None:
    html = render_markdown("```\nusage:\n- not a list\n```\n")

    assert "<ul>" not in html
    assert "usage:\n- not a list" in html


def test_prose_between_two_lists_starts_the_second_list_afresh() -> None:
    html = render_markdown("- [x] book a mock\nSteps:\n1. clarify\n2. estimate\n")

    assert "<ol>" in html and "<li>clarify</li>" in html and "<li>estimate</li>" in html
