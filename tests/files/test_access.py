"""Serving stored files through the store's interface, as a remote store would."""

from __future__ import annotations

from pathlib import Path

import pytest

from limelight.files.access import FileAccess, FileNotAllowed
from limelight.files.local import LocalFileStore

pytestmark = pytest.mark.anyio


class MaterialisingStore(LocalFileStore):
    """A store whose files live elsewhere (here: a dict) and reach the disk when asked."""

    def __init__(self, root: Path) -> None:
        super().__init__(root, key=b"k" * 32)
        self.remote: dict[str, bytes] = {}

    async def local_path(self, key: str) -> Path:
        if key not in self.remote:
            raise FileNotFoundError(key)
        path = self.path_of(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.remote[key])
        return path


async def test_a_stored_file_is_served_from_the_stores_local_copy(tmp_path: Path) -> None:
    store = MaterialisingStore(tmp_path / "store")
    key = "a" * 64 + "/image.png"
    store.remote[key] = b"pixels"
    access = FileAccess(store)
    served = await access.served(tmp_path / "store" / key)
    assert served.read_bytes() == b"pixels"


async def test_unknown_keys_and_blocked_store_files_are_refused(tmp_path: Path) -> None:
    store = MaterialisingStore(tmp_path / "store")
    key = "b" * 64 + "/secret.txt"
    store.remote[key] = b"secret"
    with pytest.raises(FileNotAllowed):
        await FileAccess(store).served(tmp_path / "store" / ("c" * 64) / "missing.txt")
    blocked = FileAccess(store, blocked_paths=[tmp_path / "store" / ("b" * 64)])
    with pytest.raises(FileNotAllowed):
        await blocked.served(tmp_path / "store" / key)
    assert not (tmp_path / "store" / key).exists(), "nothing blocked is materialised"
