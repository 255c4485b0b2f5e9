"""Where secrets live: the OS keyring when a working backend exists, else a 0600 file.

Never in the TOML config. `CRM_CONSOLE_SECRETS=file|keyring` forces a backend.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Protocol

from console.config.paths import secrets_file

SERVICE = "crm-console"


class SecretStore(Protocol):
    name: str

    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...
    def delete(self, key: str) -> None: ...


class FileSecrets:
    """A JSON file only its owner can read (0600, in a 0700 directory)."""

    name = "file"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or secrets_file()

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text())
        except (FileNotFoundError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _write(self, data: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(self.path.parent, 0o700)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(data, fh, indent=1, sort_keys=True)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)

    def get(self, key: str) -> str | None:
        return self._read().get(key)

    def set(self, key: str, value: str) -> None:
        data = self._read()
        data[key] = value
        self._write(data)

    def delete(self, key: str) -> None:
        data = self._read()
        if data.pop(key, None) is not None:
            self._write(data)


class KeyringSecrets:
    name = "keyring"

    def __init__(self) -> None:
        import keyring

        self._keyring = keyring

    def get(self, key: str) -> str | None:
        value: str | None = self._keyring.get_password(SERVICE, key)
        return value

    def set(self, key: str, value: str) -> None:
        self._keyring.set_password(SERVICE, key, value)

    def delete(self, key: str) -> None:
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):
            self._keyring.delete_password(SERVICE, key)


def _keyring_usable() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            return False
        if getattr(backend, "backends", None) == []:
            return False
        priority = getattr(backend, "priority", 0)
        return bool(priority and float(priority) > 0)
    except Exception:
        return False


def secret_store() -> SecretStore:
    forced = os.environ.get("CRM_CONSOLE_SECRETS", "").lower()
    if forced == "file":
        return FileSecrets()
    if forced == "keyring" or _keyring_usable():
        return KeyringSecrets()
    return FileSecrets()


def secret_key(profile: str, vendor: str, field: str) -> str:
    return f"{profile}/{vendor}/{field}"
