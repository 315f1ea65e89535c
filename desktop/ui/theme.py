"""Light and dark looks. Follows the system's colour scheme unless one is forced."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.folders import resources_dir


class Scheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


_LIGHT = {
    "window": "#f5f6f8",
    "base": "#ffffff",
    "alternate": "#f0f2f5",
    "text": "#1d2330",
    "muted": "#667085",
    "button": "#eceef2",
    "highlight": "#2f6fde",
    "highlighted_text": "#ffffff",
    "link": "#1f5fcc",
    "border": "#d5d9e0",
    "input_border": "#b9c0cc",
    "tooltip": "#ffffff",
    "code": "#eef1f5",
}
_DARK = {
    "window": "#1e2128",
    "base": "#16181d",
    "alternate": "#1b1e24",
    "text": "#e6e8ec",
    "muted": "#98a1b3",
    "button": "#2a2e37",
    "highlight": "#4c8dff",
    "highlighted_text": "#ffffff",
    "link": "#7eb0ff",
    "border": "#363b46",
    "input_border": "#566072",
    "tooltip": "#2a2e37",
    "code": "#252932",
}

STATUS_COLOURS = {
    Scheme.LIGHT: {
        "todo": "#8a93a6",
        "in_progress": "#2f6fde",
        "done": "#1f9d55",
        "needs_review": "#c77c02",
        "retired": "#a0a6b1",
    },
    Scheme.DARK: {
        "todo": "#8d96a8",
        "in_progress": "#6ea2ff",
        "done": "#4cc38a",
        "needs_review": "#f0b34a",
        "retired": "#6b7280",
    },
}


def colours(scheme: Scheme) -> dict[str, str]:
    return _DARK if scheme is Scheme.DARK else _LIGHT


def current_scheme() -> Scheme:
    app = QApplication.instance()
    forced = app.property("loopwise_scheme") if app is not None else None
    if forced in (Scheme.LIGHT.value, Scheme.DARK.value):
        return Scheme(forced)
    return system_scheme()


def system_scheme() -> Scheme:
    hints = QGuiApplication.styleHints()
    return Scheme.DARK if hints.colorScheme() == Qt.ColorScheme.Dark else Scheme.LIGHT


def build_palette(scheme: Scheme) -> QPalette:
    c = colours(scheme)
    palette = QPalette()
    role = QPalette.ColorRole
    assignments = {
        role.Window: c["window"],
        role.WindowText: c["text"],
        role.Base: c["base"],
        role.AlternateBase: c["alternate"],
        role.Text: c["text"],
        role.Button: c["button"],
        role.ButtonText: c["text"],
        role.Highlight: c["highlight"],
        role.HighlightedText: c["highlighted_text"],
        role.Link: c["link"],
        role.ToolTipBase: c["tooltip"],
        role.ToolTipText: c["text"],
        role.PlaceholderText: c["muted"],
        role.Light: c["base"],
        role.Midlight: c["border"],
        role.Mid: c["border"],
        role.Dark: c["muted"],
    }
    for colour_role, value in assignments.items():
        palette.setColor(colour_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, colour_role, QColor(c["muted"]))
    return palette


def style_sheet(scheme: Scheme) -> str:
    c = colours(scheme)
    danger = "#ff8a80" if scheme is Scheme.DARK else "#b42318"  # destructive buttons
    return f"""
    QListWidget#navigation {{
        background: {c["alternate"]}; border: none; border-right: 1px solid {c["border"]};
        padding-top: 8px; outline: 0;
    }}
    QListWidget#navigation::item {{
        padding: 6px 10px; margin: 1px 6px; border-radius: 6px; border: 2px solid transparent;
    }}
    QListWidget#navigation::item:selected {{ background: {c["highlight"]}; color: #ffffff; }}
    /* The focus ring: the list's own outline is off, so the current section carries it. */
    QListWidget#navigation::item:focus {{ border-color: {c["text"]}; }}
    QSplitter::handle {{ background: transparent; }}
    QSplitter::handle:hover {{ background: {c["border"]}; }}
    QLabel[role="muted"] {{ color: {c["muted"]}; }}
    QLabel[role="warning"] {{
        color: {"#f0b34a" if scheme is Scheme.DARK else "#8a5300"};
        background: {"#3a2f14" if scheme is Scheme.DARK else "#fff4d6"};
        border-radius: 4px; padding: 6px;
    }}
    QLabel[role="success"] {{
        color: {"#7fdca8" if scheme is Scheme.DARK else "#17653a"};
        background: {"#17311f" if scheme is Scheme.DARK else "#e3f6ea"};
        border-radius: 4px; padding: 6px;
    }}
    QLabel[role="heading"] {{ font-size: 17px; font-weight: 600; }}
    QLabel[role="subheading"] {{ font-size: 14px; font-weight: 600; }}
    QLabel[role="strong"] {{ font-weight: 600; }}
    QFrame#chartCard, QFrame#weakSpot, QFrame#welcome {{
        background: {c["base"]}; border: 1px solid {c["border"]}; border-radius: 6px;
    }}
    QLabel[role="chip"] {{
        border: 1px solid {c["border"]}; border-radius: 9px; padding: 1px 8px;
        color: {c["muted"]};
    }}
    QFrame#banner {{
        background: {"#3a2f14" if scheme is Scheme.DARK else "#fff4d6"};
        border: 1px solid {"#6b5420" if scheme is Scheme.DARK else "#f0d48a"};
        border-radius: 6px;
    }}
    QPushButton[status] {{
        background: {c["button"]}; border: 1px solid {c["input_border"]};
        border-radius: 4px; padding: 4px 6px;
    }}
    QPushButton[status]:hover {{ border-color: {c["highlight"]}; }}
    QPushButton[status]:checked {{
        background: {c["highlight"]}; color: {c["highlighted_text"]};
        border-color: {c["highlight"]};
    }}
    QPushButton[status]:disabled {{ color: {c["muted"]}; }}
    QPushButton[role="destructive"] {{
        background: transparent; border: 1px solid {c["border"]}; border-radius: 4px;
        padding: 4px 10px; color: {danger};
    }}
    QPushButton[role="destructive"]:hover, QPushButton[role="destructive"]:focus {{
        border-color: {danger};
    }}
    QLineEdit, QPlainTextEdit, QTextBrowser {{
        border: 1px solid {c["input_border"]}; border-radius: 4px; background: {c["base"]};
    }}
    QLineEdit {{ padding: 3px 6px; }}
    QLineEdit:focus, QPlainTextEdit:focus {{ border-color: {c["highlight"]}; }}
    QAbstractItemView::indicator, QCheckBox::indicator {{
        width: 14px; height: 14px; border-radius: 3px;
        border: 1px solid {c["input_border"]}; background: {c["base"]};
    }}
    QRadioButton::indicator {{
        width: 14px; height: 14px; border-radius: 8px;
        border: 1px solid {c["input_border"]}; background: {c["base"]};
    }}
    QRadioButton::indicator:checked {{
        width: 8px; height: 8px; border: 4px solid {c["highlight"]};
    }}
    QRadioButton::indicator:disabled {{ border-color: {c["border"]}; }}
    QRadioButton::indicator:checked:disabled {{
        width: 8px; height: 8px; border: 4px solid {c["muted"]};
    }}
    QProgressBar[over="true"]::chunk {{ background: {STATUS_COLOURS[scheme]["needs_review"]}; }}
    QAbstractItemView::indicator:checked, QCheckBox::indicator:checked {{
        background: {c["highlight"]}; border-color: {c["highlight"]};
        image: url("{(resources_dir() / "icons" / "check.svg").as_posix()}");
    }}
    QTreeView, QListView, QTableView {{ border: 1px solid {c["border"]}; border-radius: 4px; }}
    QComboBox QAbstractItemView, QCalendarWidget QAbstractItemView {{
        border: none; border-radius: 0;
    }}
    QTreeView::item {{ padding: 3px 2px; }}
    QProgressBar {{
        border: none; border-radius: 4px; background: {c["button"]}; max-height: 8px;
    }}
    QProgressBar::chunk {{ border-radius: 4px; background: {STATUS_COLOURS[scheme]["done"]}; }}
    """


def preview_style_sheet(scheme: Scheme) -> str:
    """CSS for Markdown previews (QTextDocument understands a subset of CSS)."""
    c = colours(scheme)
    return f"""
    pre {{ background-color: {c["code"]}; padding: 6px; }}
    code {{ background-color: {c["code"]}; }}
    blockquote {{ color: {c["muted"]}; margin-left: 12px; }}
    th {{ background-color: {c["alternate"]}; }}
    a {{ color: {c["link"]}; }}
    """


def apply_theme(app: QApplication, forced: Scheme | None = None) -> Scheme:
    """Apply the palette for the forced scheme, or the system's one."""
    app.setStyle("Fusion")
    app.setProperty("loopwise_scheme", forced.value if forced else None)
    scheme = forced or system_scheme()
    app.setPalette(build_palette(scheme))
    app.setStyleSheet(style_sheet(scheme))
    return scheme


def apply_theme_choice(app: QApplication, choice: str) -> Scheme:
    """Apply a Preferences choice: "system", "light" or "dark"."""
    return apply_theme(app, None if choice == "system" else Scheme(choice))


def follows_system(app: QApplication) -> bool:
    """True unless a theme was chosen (in Preferences or on the command line)."""
    return app.property("loopwise_scheme") not in (Scheme.LIGHT.value, Scheme.DARK.value)


def follow_system_scheme(app: QApplication) -> None:
    """Re-theme live when the user switches the system between light and dark (unless the
    user chose a theme of their own)."""

    def follow(_scheme: object) -> None:
        if follows_system(app):
            apply_theme(app)

    QGuiApplication.styleHints().colorSchemeChanged.connect(follow)
