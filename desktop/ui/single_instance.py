"""One running app per data folder: a second start raises the first window instead."""

from __future__ import annotations

import hashlib
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.folders import ProfileFolder

_RAISE_MESSAGE = b"raise\n"
_CONNECT_TIMEOUT_MS = 800


class Claim(Enum):
    OWNER = "owner"
    RAISED_OTHER = "raised-other"
    HELD_ELSEWHERE = "held-elsewhere"
    # The lock file could not be written at all (a read-only folder): nobody holds it.
    CANNOT_WRITE = "cannot-write"


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
    # over, but nobody is running either.
    return lock.error() == QLockFile.LockError.LockFailedError


class SingleInstanceGuard(QObject):
    """Holds a lock file in the data folder and listens for 'raise your window' requests."""

    raise_requested = Signal()

    def __init__(self, folder: ProfileFolder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = _lock_for(folder)
        digest = hashlib.sha1(str(folder.data_dir).encode("utf-8")).hexdigest()[:16]
        self.server_name = f"loopwise-{digest}"
        self._server: QLocalServer | None = None
        self.other_pid: int | None = None

    def claim(self) -> Claim:
        if self._lock.tryLock(100):
            # Listening can wait until the window is up; the lock already keeps others out.
            QTimer.singleShot(0, self._listen)
            return Claim.OWNER
        if self._lock.error() == QLockFile.LockError.PermissionError:
            return Claim.CANNOT_WRITE
        if self._ask_owner_to_raise():
            return Claim.RAISED_OTHER
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            info = self._lock.getLockInfo()  # (pid, host, app name); pid 0 when unknown
            self.other_pid = int(info[0]) or None if info else None
        return Claim.HELD_ELSEWHERE

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
