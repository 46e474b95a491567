# SPDX-License-Identifier: EUPL-1.2
"""A FAKE of :mod:`winreg`, for the Windows readers (policies, system proxy).

There is no Windows here. Hives are nested dicts (key names case-insensitive, as in
the registry); a value is ``(data, type)``, a subkey a dict. It implements the calls
the readers and the Run-key autostart make: OpenKey, CreateKeyEx, EnumValue, EnumKey,
QueryValueEx, SetValueEx and DeleteValue.
"""

from __future__ import annotations

from typing import Any


class FakeKey:
    def __init__(self, node: dict[str, Any]) -> None:
        self.node = node

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class FakeRegistry:
    """A FAKE winreg: hives are nested dicts; a value is (data, type), a subkey a dict."""

    HKEY_CURRENT_USER = 1
    HKEY_LOCAL_MACHINE = 2
    REG_SZ = 1
    REG_EXPAND_SZ = 2
    REG_DWORD = 4
    REG_MULTI_SZ = 7
    REG_QWORD = 11
    KEY_READ = 0x20019
    KEY_SET_VALUE = 0x2

    def __init__(self) -> None:
        self.hives: dict[int, dict[str, Any]] = {
            self.HKEY_CURRENT_USER: {},
            self.HKEY_LOCAL_MACHINE: {},
        }

    def set(self, hive: int, path: str, name: str, data: Any, kind: int) -> None:
        node = self._make(hive, path)
        node[name] = (data, kind)

    def _make(self, hive: int, path: str) -> dict[str, Any]:
        node = self.hives[hive]
        for part in path.split("\\"):
            node = node.setdefault(part.lower(), {})
        return node

    def get(self, hive: int, path: str, name: str) -> tuple[Any, int] | None:
        """``(data, type)`` of a value, or None (for the tests' own checks)."""
        try:
            with self.OpenKey(hive, path) as key:
                return self.QueryValueEx(key, name)
        except FileNotFoundError:
            return None

    def OpenKey(self, key: Any, sub_key: str, reserved: int = 0, access: int = 0) -> FakeKey:
        node = self.hives[key] if isinstance(key, int) else key.node
        for part in sub_key.split("\\"):
            child = node.get(part.lower())
            if not isinstance(child, dict):
                raise FileNotFoundError(2, "The system cannot find the file specified")
            node = child
        return FakeKey(node)

    def EnumValue(self, key: FakeKey, index: int) -> tuple[str, Any, int]:
        values = [(n, v) for n, v in key.node.items() if isinstance(v, tuple)]
        if index >= len(values):
            raise OSError(259, "No more data is available")
        name, (data, kind) = values[index]
        return name, data, kind

    def EnumKey(self, key: FakeKey, index: int) -> str:
        keys = [n for n, v in key.node.items() if isinstance(v, dict)]
        if index >= len(keys):
            raise OSError(259, "No more data is available")
        return keys[index]

    def CreateKeyEx(self, key: int, sub_key: str, reserved: int = 0, access: int = 0) -> FakeKey:
        return FakeKey(self._make(key, sub_key))

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, value: Any) -> None:
        key.node[name] = (value, kind)

    def DeleteValue(self, key: FakeKey, name: str) -> None:
        for value_name, value in list(key.node.items()):
            if isinstance(value, tuple) and value_name.lower() == name.lower():
                del key.node[value_name]
                return
        raise FileNotFoundError(2, "The system cannot find the file specified")

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[Any, int]:
        for value_name, value in key.node.items():
            if isinstance(value, tuple) and value_name.lower() == name.lower():
                data, kind = value
                return data, kind
        raise FileNotFoundError(2, "The system cannot find the file specified")
