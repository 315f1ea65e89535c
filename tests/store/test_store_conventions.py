"""The store's public functions take the database session by keyword (`*, session`), so a
call always says which argument is the session."""

from __future__ import annotations

import ast
from pathlib import Path

STORE = Path(__file__).resolve().parents[2] / "desktop" / "store"


def _positional_sessions() -> list[str]:
    found = []
    for path in sorted(STORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            positional = [a.arg for a in node.args.posonlyargs + node.args.args]
            if "session" in positional and not node.name.startswith("_"):
                found.append(f"{path.relative_to(STORE)}:{node.lineno} {node.name}")
    return found


def test_public_store_functions_take_the_session_by_keyword() -> None:
    assert _positional_sessions() == []
