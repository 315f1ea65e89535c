"""A second start says the first copy's window was brought forward only when the first copy
answers that it raised it. A frozen first copy still takes the connection (the system queues
it), so a second start that only sent its request must not claim anything."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication

from desktop.folders import ProfileFolder
from desktop.ui import single_instance
from desktop.ui.single_instance import Claim, SingleInstanceGuard
from tests.fresh_python import child_env

_SERVE = """
import socket, sys, time
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(sys.argv[1])
server.listen(4)
print("listening", flush=True)
connection, _ = server.accept()
asked = connection.recv(64)
if sys.argv[2]:
    connection.sendall(sys.argv[2].encode() + b"\\n")
print(asked.decode().strip(), flush=True)
time.sleep(30)  # a frozen copy holds the connection open and says nothing
"""


class FirstCopy:
    """Listens where the running copy does, in a process of its own (the second start blocks
    while it waits), and answers `reply` or, frozen, nothing."""

    def __init__(self, name: str, reply: str) -> None:
        self.path = Path(QDir.tempPath()) / name
        self.path.unlink(missing_ok=True)
        self.process = subprocess.Popen(
            [sys.executable, "-c", _SERVE, str(self.path), reply],
            stdout=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline() == "listening\n"

    def asked(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def close(self) -> None:
        self.process.kill()
        self.process.communicate()
        self.path.unlink(missing_ok=True)


@pytest.fixture
def owner(qapp: QApplication, tmp_path: Path) -> Iterator[SingleInstanceGuard]:
    """The running copy's guard: it holds the data folder's lock, as a live process on this
    computer (this one)."""
    folder = ProfileFolder(tmp_path / "profile")
    folder.data_dir.mkdir(parents=True)
    first = SingleInstanceGuard(folder)
    assert first.claim(wait_seconds=0) is Claim.OWNER
    yield first
    first.release()


@pytest.fixture
def held(owner: SingleInstanceGuard) -> ProfileFolder:
    return owner.folder


def _second_start(folder: ProfileFolder, reply: str) -> tuple[Claim, str]:
    guard = SingleInstanceGuard(folder)
    first_copy = FirstCopy(guard.server_name, reply)
    try:
        return guard.claim(wait_seconds=1.0), first_copy.asked()
    finally:
        first_copy.close()
        guard.release()


def test_a_frozen_first_copy_is_not_said_to_have_raised_its_window(
    held: ProfileFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(single_instance, "ANSWER_TIMEOUT_MS", 300)
    claim, asked = _second_start(held, reply="")
    assert asked == "raise"  # the request was taken...
    assert claim is Claim.HELD_ELSEWHERE  # ...but nothing is claimed, and it is asked once


def test_a_first_copy_that_answers_is_said_to_have_raised_its_window(
    held: ProfileFolder,
) -> None:
    claim, _asked = _second_start(held, reply="raised")
    assert claim is Claim.RAISED_OTHER


def test_a_first_copy_still_starting_is_asked_again_not_claimed(
    held: ProfileFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(single_instance, "ANSWER_TIMEOUT_MS", 300)
    claim, _asked = _second_start(held, reply="starting")
    assert claim is Claim.HELD_ELSEWHERE  # no window came within the wait


def test_the_running_copy_answers_raised_only_once_it_has_a_window(
    qtbot, owner: SingleInstanceGuard
) -> None:
    raised: list[bool] = []

    def ask() -> bytes:
        client = QLocalSocket()
        client.connectToServer(owner.server_name)
        qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.ConnectedState)
        client.write(b"raise\n")
        answer = bytearray()

        def answered() -> bool:
            answer.extend(bytes(client.readAll().data()))
            return answer.endswith(b"\n")

        qtbot.waitUntil(answered)
        client.abort()
        return bytes(answer)

    owner._listen()
    assert ask() == b"starting\n"  # no window connected yet: nothing was raised
    owner.raise_requested.connect(lambda: raised.append(True))
    assert ask() == b"raised\n"
    assert raised == [True]
