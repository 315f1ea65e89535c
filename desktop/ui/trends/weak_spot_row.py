"""One row of the ranked weak spots: what it is, why, and what to do about it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.domain.weak_spots import WeakSpot, certainty_text
from desktop.ui.widgets.labels import text_label

KIND_NAMES = {"pattern": "Pattern", "mistake": "Mistake", "topic": "Topic",
              "design_step": "Design step", "pace": "Pace"}  # fmt: skip


class WeakSpotRow(QFrame):
    """One weak spot: what it is, why, and what to do about it."""

    def __init__(
        self,
        rank: int,
        spot: WeakSpot,
        items: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spot = spot
        self.setObjectName("weakSpot")
        self.setAccessibleName(f"Weak spot {rank}: {spot.label}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        text = QVBoxLayout()
        text.setSpacing(2)
        title = text_label("Weak spot", "strong", wrap=True)
        title.setText(f"{rank}. {spot.label}  ·  {KIND_NAMES.get(spot.kind, spot.kind)}")
        text.addWidget(title)
        self.explanation = text_label("Why it is a weak spot", "muted")
        self.explanation.setText(f"{_under_title(spot)}\n{certainty_text(spot)}")
        text.addWidget(self.explanation)
        # What to practise it with (weak_spot_practice.py): "Plan practice" plans the first.
        self.items = text_label("Path items on it", "muted", wrap=True)
        self.items.setText(f"Practise it with: {', '.join(items)}" if items else "")
        self.items.setVisible(bool(items))
        text.addWidget(self.items)
        layout.addLayout(text, 1)
        behind = len(spot.attempt_ids) + len(spot.mock_ids)
        what = "Attempts and mocks" if spot.mock_ids else "Attempts"
        self.show_button = QPushButton(f"{what} ({behind})")
        self.show_button.setAccessibleName(f"Show the attempts behind {spot.label}")
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignTop)
        self.plan_button = QPushButton("Plan practice")
        self.plan_button.setAccessibleName(f"Plan practice on {spot.label}")
        self.plan_button.setToolTip("Add practice on this weak spot to your weekly plan")
        layout.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignTop)


def _under_title(spot: WeakSpot) -> str:
    """Why, without the label the title just above already gives ("Dynamic programming:
    went wrong in ..." read the name twice)."""
    why = spot.explanation.removeprefix(f"{spot.label}: ")
    return why[:1].upper() + why[1:]
