# SPDX-License-Identifier: EUPL-1.2
"""The remembered session in the Windows Credential Manager, under Wine.

The launcher's own code (``SessionStore`` over ``KeyringStore``) runs in the Windows
CPython of the prefix with the real ``keyring`` package, which must pick
``WinVaultKeyring`` by itself. Wine's credential store is not DPAPI (see
docs/deployment.md); what is checked here is the launcher's side: the backend, the
persistence (this machine, not roaming), chunking of large entries and deleting them all.
"""

from __future__ import annotations

from tests.windows.conftest import Wine, source_python

ISSUER = "https://id.example.org/realms/opendesk"
COMMON = f"""
import json
from workplace.auth.keyring_store import KeyringStore, SERVICE, WINDOWS_BLOB_LIMIT
from workplace.auth.session_store import SessionStore
from workplace.auth.state import Profile
from win32ctypes.pywin32 import win32cred
store = KeyringStore()
sessions = SessionStore(store, {ISSUER!r}, "arbeitsplatz")
backend = store._backend

def raw(account):
    '''The credential as Windows keeps it: target, blob size, persistence.'''
    for target in (SERVICE, f"{{account}}@{{SERVICE}}"):
        try:
            cred = win32cred.CredRead(Type=win32cred.CRED_TYPE_GENERIC, TargetName=target)
        except Exception:
            continue
        if cred["UserName"] == account:
            blob = cred["CredentialBlob"]
            return {{"bytes": len(blob), "persist": cred["Persist"],
                     "text": blob.decode("utf-16-le")}}
    return None
"""

SAVE = COMMON + """
token = sys.argv[1] * int(sys.argv[2])
sessions.save(token, Profile("erika", "Erika Mustermann", "erika@example.org"), 1.9e9)
head = raw(sessions.account)
count = int(head["text"][2:]) if head["text"].startswith("n:") else 0
chunks = [raw(f"{sessions.account}/{i}") for i in range(1, count + 1)]
print(json.dumps({
    "backend": store.backend_name, "available": sessions.available,
    "local_machine": win32cred.CRED_PERSIST_LOCAL_MACHINE, "limit": WINDOWS_BLOB_LIMIT,
    "head": head, "chunks": chunks,
}))
"""

LOAD = COMMON + """
found = sessions.load()
print(json.dumps(None if found is None else {
    "token": found.refresh_token, "name": found.profile.display_name,
    "until": found.session_until}))
"""

REPLACE_AND_SIGN_OUT = COMMON + """
sessions.save("short", Profile("erika", "Erika Mustermann", ""), None)
short = {"head": raw(sessions.account)["text"][:2], "token": sessions.load().refresh_token,
         "left": [raw(f"{sessions.account}/{i}") for i in range(1, 31)]}
sessions.save("x" * 3000, None, None)
chunks = int(raw(sessions.account)["text"][2:])
sessions.delete()
print(json.dumps({"short": short, "chunks": chunks, "after": sessions.load(),
                  "head": raw(sessions.account),
                  "left": [raw(f"{sessions.account}/{i}") for i in range(1, 31)]}))
"""


def test_a_large_session_is_chunked_kept_on_this_machine_and_read_back(clean_user: Wine) -> None:
    wine = clean_user
    piece = "rT-ä€😀"  # UTF-16 surrogate pairs too
    saved = source_python(wine, "import sys\n" + SAVE, piece, "700")
    assert saved["backend"] == "Windows.WinVaultKeyring"
    assert saved["available"] is True
    # ~4,900 characters: more than one credential holds.
    assert saved["head"]["text"].startswith("n:"), saved["head"]
    assert len(saved["chunks"]) >= 2
    for entry in [saved["head"], *saved["chunks"]]:
        assert entry is not None
        assert entry["bytes"] <= saved["limit"]  # CRED_MAX_CREDENTIAL_BLOB_SIZE
        assert entry["persist"] == saved["local_machine"]  # never roams with the profile

    # Another process (a later start of the launcher) reads it back.
    loaded = source_python(wine, LOAD)
    assert loaded == {"token": piece * 700, "name": "Erika Mustermann", "until": 1.9e9}

    # A short token replaces it in one credential and the old chunks go; signing out
    # removes a chunked entry completely.
    done = source_python(wine, REPLACE_AND_SIGN_OUT)
    assert done["short"] == {"head": "1:", "token": "short", "left": [None] * 30}
    assert done["chunks"] >= 4
    assert done["after"] is None and done["head"] is None and done["left"] == [None] * 30
