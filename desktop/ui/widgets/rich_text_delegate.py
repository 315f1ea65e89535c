"""List rows drawn from a little HTML: a bold title, a muted line, highlighted matches."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from desktop.ui.theme import STATUS_COLOURS, Scheme, colours, current_scheme

HTML_ROLE = Qt.ItemDataRole.UserRole + 20
SIZE_CACHE_LIMIT = 4096  # rows remembered per view; more and the cache starts over
KEPT_DOCUMENTS = 128  # laid-out rows kept for painting: more than a tall screen shows


class RichTextDelegate(QStyledItemDelegate):
    """Paints the HTML in HTML_ROLE (the model escapes anything the user wrote).

    The HTML may use class="muted", class="warning" (amber: something was missed),
    class="match" and status_class(key) for a status dot; their colours follow the theme and
    the row's selection, so text stays readable on a highlighted row (amber on the selection
    blue was not, and a blue "planned" dot vanished into it). On a selected row a dot takes
    the selection's text colour, as native lists draw a row's marks; its words say the state.

    Laying out a row's HTML is the costly part, and views ask for every row's size again on
    each layout pass, so sizes are remembered by the row's HTML, font and width.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, str, int], QSize] = {}
        # The rows last laid out, kept for painting them: a first show measures every row
        # and then paints the ones on screen (a few times while the page settles).
        self._kept: OrderedDict[tuple[str, bool, str, int, Scheme], QTextDocument] = OrderedDict()
        # A subclass that lays rows out at a width of its own keeps its own documents.
        self._caches_sizes = type(self)._document is RichTextDelegate._document
        self._bar_room: int | None = None  # see scroll_bar_room

    def _width(self, option: QStyleOptionViewItem) -> int:
        """The width rows are laid out at in the option's view."""
        view = option.widget
        if self._bar_room is None and isinstance(view, QAbstractItemView):
            self._bar_room = scroll_bar_room(view)
        return _text_width(option, self._bar_room or 0)

    def _document(
        self, option: QStyleOptionViewItem, html: str, selected: bool = False
    ) -> QTextDocument:
        scheme = current_scheme()
        palette = colours(scheme)
        muted = palette["highlighted_text"] if selected else palette["muted"]
        amber = STATUS_COLOURS[scheme]["needs_review"]
        warning = palette["highlighted_text"] if selected else amber
        dots = " ".join(
            f".{status_class(key)} {{ color: {palette['highlighted_text'] if selected else hue}; }}"
            for key, hue in STATUS_COLOURS[scheme].items()
        )
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(6)
        document.setDefaultStyleSheet(
            f".muted {{ color: {muted}; }} .warning {{ color: {warning}; }} {dots}"
            f" .match {{ background-color: {palette['code']};"
            f" color: {palette['text']}; font-weight: bold; }}"
        )
        document.setHtml(html)
        document.setTextWidth(self._width(option))
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html = index.data(HTML_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        document = self._kept_document(option, str(html), selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        html = index.data(HTML_ROLE)
        if not html:
            return super().sizeHint(option, index)
        self.initStyleOption(option, index)
        if not self._caches_sizes:
            document = self._document(option, str(html))
            return QSize(int(document.idealWidth()), int(document.size().height()))
        key = (str(html), option.font.key(), self._width(option))
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) >= SIZE_CACHE_LIMIT:
                self._sizes.clear()
            document = self._kept_document(option, key[0])
            size = QSize(int(document.idealWidth()), int(document.size().height()))
            self._sizes[key] = size
        return QSize(size)

    def _kept_document(
        self, option: QStyleOptionViewItem, html: str, selected: bool = False
    ) -> QTextDocument:
        """The row laid out as _document does, the same one again while it is kept."""
        if not self._caches_sizes:
            return self._document(option, html, selected)
        key = (html, selected, option.font.key(), self._width(option), current_scheme())
        document = self._kept.get(key)
        if document is None:
            document = self._kept[key] = self._document(option, html, selected)
            if len(self._kept) > KEPT_DOCUMENTS:
                self._kept.popitem(last=False)
        else:
            self._kept.move_to_end(key)
        return document


def status_class(key: str) -> str:
    """The class of a status dot coloured as STATUS_COLOURS[key] ("in_progress", "done", ...)."""
    return "status-" + key.replace("_", "-")


def _text_width(option: QStyleOptionViewItem, bar_room: int = 0) -> int:
    view = option.widget
    width = _width_beside_scroll_bar(view, bar_room) if isinstance(view, QAbstractItemView) else 0
    return max(width or option.rect.width(), 120)


def _width_beside_scroll_bar(view: QAbstractItemView, bar_room: int) -> int:
    """The viewport's width with `bar_room` kept for the vertical scroll bar, shown or not.

    A list that first lays its rows out without the scroll bar finds they overflow, shows
    the bar and lays every row out again at the narrower width (60 stories: twice the
    work on the first show). Keeping the bar's room from the start makes both passes the
    same width, so the second is answered from the remembered sizes."""
    width = view.viewport().width()
    box = view.verticalScrollBar().parentWidget()  # the scroll area hides the bar's box
    if box is not None and not box.isVisibleTo(view):  # its room is in the viewport now
        width -= bar_room
    return width


def scroll_bar_room(view: QAbstractItemView) -> int:
    """How much narrower the view's viewport gets when its vertical scroll bar shows.

    Asked once per view: under the app's style sheet the style's answers are slow (about
    0.6 ms a call on a page being built, and a list asks for every row's width)."""
    if view.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAsNeeded:
        return 0  # always shown (its room is taken) or never
    if view.style().styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, None, view):
        return 0  # drawn over the rows
    return view.verticalScrollBar().sizeHint().width()
