"""The loop sheet laid out on its pages before it is printed, so that no story is split.

Left to itself, QTextDocument.print_ breaks a page wherever a line falls: a story's heading
could end one page and its Situation start the next. Qt's rich text has no
"page-break-inside: avoid", so the sheet is paginated here, at the printer's resolution,
and a story that would straddle a page break starts on a new page instead.

Qt numbers the pages only of a document it paginates itself, so print_sheet draws each page
(as QTextDocument.print_ does) and writes "Page 2 of 5" in a footer kept free for it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPainter,
    QPalette,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

PAGE_MARGIN_MM = 12.0  # inside the printer's own margins: about 2 cm from the paper's edge
FOOTER_MM = 8.0  # below the text on every page, for its number


def paginated_sheet(html: str, css: str, device: QPagedPaintDevice) -> QTextDocument:
    """The sheet laid out on `device`'s pages, each section (h2) kept whole where it fits."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    font = QFont("Sans Serif")
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(css)
    # In rich-text pixels (1/96 inch): the layout scales them to the device, as it does CSS.
    document.setDocumentMargin(PAGE_MARGIN_MM / 25.4 * 96)
    resolution = device.logicalDpiX()
    page = device.pageLayout().paintRectPixels(resolution)
    footer = FOOTER_MM / 25.4 * resolution
    document.setPageSize(QSizeF(page.width(), page.height() - footer))
    document.setHtml(html)
    keep_sections_whole(document)
    return document


def print_sheet(document: QTextDocument, device: QPagedPaintDevice) -> None:
    """Print a document laid out by paginated_sheet, numbering its pages in the footer."""
    page = document.pageSize()
    count = document.pageCount()
    footer_height = FOOTER_MM / 25.4 * device.logicalDpiY()
    font = QFont(document.defaultFont())
    font.setPointSizeF(8)
    painter = QPainter(device)
    try:
        for index in range(count):
            if index:
                device.newPage()
            view = QRectF(0, index * page.height(), page.width(), page.height())
            painter.save()
            painter.translate(0, -view.top())
            painter.setClipRect(view)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = view
            context.palette.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(font)
            painter.setPen(QColor(Qt.GlobalColor.darkGray))
            footer = QRectF(0, page.height(), page.width(), footer_height)
            painter.drawText(footer, Qt.AlignmentFlag.AlignCenter, page_number(index + 1, count))
    finally:
        painter.end()


def page_number(number: int, count: int) -> str:
    return f"Page {number} of {count}"


def keep_sections_whole(document: QTextDocument) -> None:
    """Start each section that would straddle a page break on a new page, unless it is
    longer than a page anyway (then it runs on as it must)."""
    page_height = document.pageSize().height()
    layout = document.documentLayout()
    headings = _headings(document)
    for index, heading in enumerate(headings):
        layout.documentSize()  # lays out the whole sheet again: a break moves what follows
        top = layout.blockBoundingRect(heading).top()
        if index + 1 < len(headings):
            following = headings[index + 1]
            end = layout.blockBoundingRect(following).top() - following.blockFormat().topMargin()
        else:
            end = layout.documentSize().height() - document.documentMargin()
        first_page, last_page = int(top // page_height), int((end - 1) // page_height)
        if first_page != last_page and end - top < page_height * 0.8:
            block_format = heading.blockFormat()
            block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(heading).setBlockFormat(block_format)


def _headings(document: QTextDocument) -> list[QTextBlock]:
    found = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            found.append(block)
        block = block.next()
    return found
