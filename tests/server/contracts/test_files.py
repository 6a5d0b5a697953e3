"""The file store's contract: keys, streamed writes, ranges, expiry, a shared key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import anyio
import pytest

from limelight.files.store import FileStore, FileTooLarge

pytestmark = pytest.mark.anyio


async def test_a_file_round_trips_and_identical_bytes_are_kept_once(
    files: FileStore, tmp_path: Path
) -> None:
    first = await files.put(b"hello", "a.txt")
    second = await files.put(b"hello", "a.txt")
    assert first == second and first.endswith("/a.txt")
    assert await files.read(first) == b"hello" and await files.size(first) == 5
    assert await files.exists(first) and not await files.exists(first[:-5] + "b.txt")
    local = await files.local_path(first)
    assert local.read_bytes() == b"hello" and files.holds(local) and files.key_of(local) == first
    assert not files.holds(tmp_path / "elsewhere.txt")


async def test_bytes_stored_by_blocking_calls_are_the_same_keys(files: FileStore) -> None:
    path = await anyio.to_thread.run_sync(files.add_bytes, b"out", "out.png")
    key = files.key_of(path)
    assert key is not None and key == await files.put(b"out", "out.png")


async def test_a_streamed_file_is_held_only_once_committed(files: FileStore) -> None:
    writer = await files.open_writer("big.bin", limit=20)
    await writer.write(b"x" * 10)
    await writer.write(b"y" * 10)
    assert writer.size == 20
    key = await writer.commit()
    assert await files.read(key) == b"x" * 10 + b"y" * 10


async def test_a_streamed_file_past_its_limit_is_dropped(files: FileStore) -> None:
    writer = await files.open_writer("big.bin", limit=10)
    await writer.write(b"x" * 10)
    with pytest.raises(FileTooLarge):
        await writer.write(b"x")
    await writer.discard()
    other = await files.open_writer("other.bin")
    await other.write(b"never committed")
    await other.discard()
    assert not files.root.is_dir() or not [p for p in files.root.glob("*/*.bin")]


async def test_byte_ranges_are_read(files: FileStore) -> None:
    key = await files.put(bytes(range(100)), "r.bin")
    assert await files.read(key, 10, 20) == bytes(range(10, 20))
    assert await files.read(key, 95) == bytes(range(95, 100))
    assert await files.read(key, 98, 500) == bytes([98, 99])
    chunks = [c async for c in files.open_reader(key, 0, 3)]
    assert b"".join(chunks) == bytes([0, 1, 2])
    with pytest.raises(FileNotFoundError):
        await files.read(key[:-5] + "x.bin")


async def test_expired_and_deleted_files_are_gone(files: FileStore) -> None:
    old = await files.put(b"old", "old.txt")
    assert await files.expire(-1) >= 1
    assert not await files.exists(old)
    kept = await files.put(b"kept", "kept.txt")
    assert await files.expire(3600) == 0 and await files.exists(kept)
    await files.delete(kept)
    assert not await files.exists(kept)


async def test_clear_deletes_what_this_store_wrote(files: FileStore) -> None:
    key = await files.put(b"mine", "m.txt")
    await files.clear()
    assert not await files.exists(key)


async def test_two_stores_over_one_cache_dir_see_each_others_files(
    files: FileStore, make_files: Callable[[Path], FileStore], tmp_path: Path
) -> None:
    other = make_files(tmp_path)
    key = await files.put(b"shared", "s.txt")
    assert await other.exists(key) and await other.read(key) == b"shared"
    assert await other.put(b"shared", "s.txt") == key, "one key signs for both"
    assert other.holds(await other.local_path(key))
