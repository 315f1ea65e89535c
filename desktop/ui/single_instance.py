"""One running app per data folder: a second start raises the first window instead.

The lock is Qt's QLockFile in the data folder. What it cannot sort out on its own is handled
here: a lock file that is empty or garbled (a crash while it was written, a sync tool) and
that no process holds is removed; one written on another computer (a synced folder) is named
as such; a start that races another one waits for that one's window and raises it; a full
disk is called a full disk.

A second start says the first one's window was brought forward only when the first one
answers that it raised it: a first copy that is frozen still takes the connection (the
system queues it), so a request that was merely sent proves nothing.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import SIGNAL, QLockFile, QObject, QSysInfo, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.folders import ProfileFolder
from desktop.ui.lock_file import disk_is_full, remove_if_abandoned

_RAISE_MESSAGE = b"raise\n"
_RAISED_ANSWER = b"raised\n"  # the window was brought forward
_STARTING_ANSWER = b"starting\n"  # no window yet to bring forward: ask again shortly
_CONNECT_TIMEOUT_MS = 800
# A first copy that is working answers within milliseconds; one silent this long is frozen
# or too busy to show its window.
ANSWER_TIMEOUT_MS = 2000
# How long a second start waits for a first one that is still starting (opening a large
# database, waiting for a lock) before it says that one does not answer.
RACE_WAIT_SECONDS = 15.0
_RETRY_SECONDS = 0.25


class Claim(Enum):
    OWNER = "owner"
    RAISED_OTHER = "raised-other"  # the running copy answered that it raised its window
    HELD_ELSEWHERE = "held-elsewhere"
    # The lock file could not be written at all (a read-only folder): nobody holds it.
    CANNOT_WRITE = "cannot-write"
    # Written by Loopwise on another computer: a data folder shared or synced between them.
    OTHER_HOST = "other-host"
    DISK_FULL = "disk-full"
    # The lock file could not be written for another reason (see guard.lock_problem).
    CANNOT_LOCK = "cannot-lock"


def _lock_for(folder: ProfileFolder) -> QLockFile:
    lock = QLockFile(str(folder.lock_file))
    lock.setStaleLockTime(0)  # a lock is stale only when its process is gone
    return lock


def is_held(folder: ProfileFolder) -> bool:
    """True while a running app holds this data folder (a lock left by a crash does not count)."""
    if not folder.lock_file.exists():
        return False
    lock = _lock_for(folder)
    if lock.tryLock(0):
        lock.unlock()
        return False
    # Only a live owner counts: a lock left by a crash in a read-only folder cannot be taken
    # over, but nobody is running either; nor does an empty or garbled file nobody holds.
    if lock.error() != QLockFile.LockError.LockFailedError:
        return False
    pid = _lock_info(lock)[0]
    return pid != 0 or not remove_if_abandoned(folder.lock_file, remove=False)


def _process_exists(pid: int) -> bool:
    """False only when no process `pid` runs on this computer (True where it cannot tell)."""
    if os.name != "posix":
        return True  # os.kill there ends the process: leave the judging to Qt
    try:
        os.kill(pid, 0)  # signal 0: only asks whether it exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, and belongs to another user
    return True


def _lock_info(lock: QLockFile) -> tuple[int, str]:
    """The owner's process id and host name; (0, "") when the file cannot be read as a lock."""
    info = lock.getLockInfo()  # (pid, host, app name); pid 0 when unreadable
    if not info:
        return 0, ""
    try:
        return int(info[0]), str(info[1])
    except (TypeError, ValueError, IndexError):
        return 0, ""


class _Answer(Enum):
    RAISED = "raised"
    NOT_YET = "not-yet"  # not listening yet, still starting, or just closed: try again
    SILENT = "silent"  # took the request and said nothing: frozen or busy


class SingleInstanceGuard(QObject):
    """Holds a lock file in the data folder and listens for 'raise your window' requests."""

    raise_requested = Signal()

    def __init__(
        self,
        folder: ProfileFolder,
        parent: QObject | None = None,
        *,
        note: Callable[[str], None] = lambda _message: None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self._lock = _lock_for(folder)
        digest = hashlib.sha1(str(folder.data_dir).encode("utf-8")).hexdigest()[:16]
        self.server_name = f"loopwise-{digest}"
        self._server: QLocalServer | None = None
        self._note = note
        self.other_pid: int | None = None
        self.other_host: str | None = None
        self.lock_problem: str | None = None

    def claim(self, *, wait_seconds: float = RACE_WAIT_SECONDS) -> Claim:
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            claim = self._try_once()
            if claim is not None:
                return claim
            if time.monotonic() >= deadline:
                return Claim.HELD_ELSEWHERE
            if not told:
                told = True
                self._note(
                    f"Loopwise is already starting with the data folder {self.folder.data_dir}; "
                    "waiting for its window…"
                )
            time.sleep(_RETRY_SECONDS)

    def _try_once(self) -> Claim | None:
        """One attempt; None when another start holds the lock and did not answer yet."""
        if self._lock.tryLock(100):
            # Listening can wait until the window is up; the lock already keeps others out.
            QTimer.singleShot(0, self._listen)
            return Claim.OWNER
        error = self._lock.error()
        if error == QLockFile.LockError.PermissionError:
            return Claim.CANNOT_WRITE
        if error == QLockFile.LockError.UnknownError:
            # Qt says only "unknown" when it could create the file but not write into it.
            full = disk_is_full(self.folder.data_dir)
            self.lock_problem = "the disk is full" if full else "it could not be written"
            return Claim.DISK_FULL if full else Claim.CANNOT_LOCK
        pid, host = _lock_info(self._lock)
        if pid == 0:
            if remove_if_abandoned(self.folder.lock_file):
                return self._try_once()
            return None  # being written by a start that has just begun
        if host and host != QSysInfo.machineHostName():
            self.other_pid, self.other_host = pid, host
            return Claim.OTHER_HOST
        # Qt takes over the lock of a process that is gone only once it has written a
        # ".rmlock" file beside it, which a full disk refuses: take it over here instead.
        if not _process_exists(pid) and self._lock.removeStaleLockFile():
            return self._try_once()
        self.other_pid = pid
        answer = self._ask_owner_to_raise()
        if answer is _Answer.RAISED:
            return Claim.RAISED_OTHER
        if answer is _Answer.SILENT:
            return Claim.HELD_ELSEWHERE  # asking again would only queue more requests
        return None

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        if not self._lock.isLocked():
            return
        QLocalServer.removeServer(self.server_name)  # left over from a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        server.listen(self.server_name)
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        socket = self._server.nextPendingConnection()
        if socket is None:
            return
        socket.readyRead.connect(lambda: self._on_message(socket))
        socket.disconnected.connect(socket.deleteLater)

    def _on_message(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_RAISE_MESSAGE.strip()):
            # Raised only if a window is there to raise (it is connected once it is shown).
            if self.receivers(SIGNAL("raise_requested()")):
                self.raise_requested.emit()
                socket.write(_RAISED_ANSWER)
            else:
                socket.write(_STARTING_ANSWER)
        socket.disconnectFromServer()  # after what was written has gone

    def _ask_owner_to_raise(self) -> _Answer:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(_CONNECT_TIMEOUT_MS):
            return _Answer.NOT_YET
        socket.write(_RAISE_MESSAGE)
        if not socket.waitForBytesWritten(_CONNECT_TIMEOUT_MS):
            socket.abort()
            return _Answer.NOT_YET
        answer = b""
        while not answer.endswith(b"\n") and socket.waitForReadyRead(ANSWER_TIMEOUT_MS):
            answer += bytes(socket.readAll().data())
        answer += bytes(socket.readAll().data())
        still_there = socket.state() == QLocalSocket.LocalSocketState.ConnectedState
        socket.abort()
        if answer == _RAISED_ANSWER:
            return _Answer.RAISED
        if answer or not still_there:
            return _Answer.NOT_YET  # starting, or gone (quitting): the lock says which next
        return _Answer.SILENT
