"""One running app per data folder: a second start raises the first window instead.

The lock is Qt's QLockFile in the data folder. What it cannot sort out on its own is handled
here: a lock file that is empty or garbled (a crash while it was written, a sync tool) and
that no process holds is removed; one written on another computer (a synced folder) is named
as such; a start that races another one waits for that one's window and raises it; a full
disk is called a full disk.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QSysInfo, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.folders import ProfileFolder
from desktop.ui.lock_file import disk_is_full, remove_if_abandoned

_RAISE_MESSAGE = b"raise\n"
_CONNECT_TIMEOUT_MS = 800
# How long a second start waits for a first one that is still starting (opening a large
# database, waiting for a lock) before it says that one does not answer.
RACE_WAIT_SECONDS = 15.0
_RETRY_SECONDS = 0.25


class Claim(Enum):
    OWNER = "owner"
    RAISED_OTHER = "raised-other"
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


def _lock_info(lock: QLockFile) -> tuple[int, str]:
    """The owner's process id and host name; (0, "") when the file cannot be read as a lock."""
    info = lock.getLockInfo()  # (pid, host, app name); pid 0 when unreadable
    if not info:
        return 0, ""
    try:
        return int(info[0]), str(info[1])
    except (TypeError, ValueError, IndexError):
        return 0, ""


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
        self.other_pid = pid
        if self._ask_owner_to_raise():
            return Claim.RAISED_OTHER
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
            self.raise_requested.emit()
        socket.disconnectFromServer()

    def _ask_owner_to_raise(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(_CONNECT_TIMEOUT_MS):
            return False
        socket.write(_RAISE_MESSAGE)
        sent = socket.waitForBytesWritten(_CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return sent
