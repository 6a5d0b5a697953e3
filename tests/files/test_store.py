"""The file store: content addressing, names, size limits and cleanup with a fake clock."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest

from limelight.files.local import LocalFileStore
from limelight.files.signing import KEY_FILE
from limelight.files.store import FileTooLarge, parse_size, safe_name, split_key
from limelight.server.filecache import sweep_cache
from tests.support import FakeClock, wait_until


@pytest.mark.parametrize(
    ("text", "size"),
    [("5mb", 5_000_000), ("1.5 GB", 1_500_000_000), ("512kib", 524_288), ("10", 10), (7, 7)],
)
def test_parse_size(text: str | int, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["5 parsecs", "", "mb", "-1mb"])
def test_parse_size_refuses_nonsense(text: str) -> None:
    with pytest.raises(ValueError, match="size"):
        parse_size(text)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("a\\b\\c.txt", "c.txt"),
        (".hidden", "hidden"),
        ("..", "file"),
        ("", "file"),
        ("x\x00y.png", "x_y.png"),
    ],
)
def test_safe_name_keeps_one_segment(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_long_names_keep_their_extension() -> None:
    name = safe_name("a" * 500 + ".png")
    assert len(name) <= 200 and name.endswith(".png")


def test_same_bytes_are_stored_once_under_an_unguessable_folder(tmp_path: Path) -> None:
    store = LocalFileStore(tmp_path)
    first = store.add_bytes(b"same", "a.txt")
    again = store.add_bytes(b"same", "a.txt")
    other_key = LocalFileStore(tmp_path / "other", key=b"k" * 32).add_bytes(b"same", "a.txt")
    assert first == again
    assert first.parent.name != hashlib.sha256(b"same").hexdigest(), "the digest is keyed"
    assert other_key.parent.name != first.parent.name
    assert len(first.parent.name) == 64
    assert store.holds(first) and not store.holds(tmp_path)


def test_a_file_over_the_limit_is_deleted_as_it_crosses(tmp_path: Path) -> None:
    store = LocalFileStore(tmp_path)
    pending = store.writer("big.bin", limit=10)
    pending.write_now(b"x" * 10)
    with pytest.raises(FileTooLarge):
        pending.write_now(b"x")
    assert list((tmp_path / ".partial").iterdir()) == []


def test_add_file_copies_into_the_store(tmp_path: Path) -> None:
    source = tmp_path / "src.txt"
    source.write_bytes(b"data")
    store = LocalFileStore(tmp_path / "cache")
    copy = store.add_file(source)
    assert copy.read_bytes() == b"data" and copy.name == "src.txt"
    assert store.add_file(copy) == copy


def test_expire_deletes_only_old_files(tmp_path: Path) -> None:
    clock = FakeClock()
    store = LocalFileStore(tmp_path, clock=clock)
    old = store.add_bytes(b"old", "old.txt")
    os.utime(old, (clock.now - 100, clock.now - 100))
    fresh = store.add_bytes(b"new", "new.txt")
    os.utime(fresh, (clock.now, clock.now))
    assert store.expire_now(50) == 1
    assert not old.exists() and not old.parent.exists()
    assert fresh.exists()
    clock.now += 51
    assert store.expire_now(50) == 1
    assert not fresh.exists()


def test_clear_deletes_only_this_stores_files(tmp_path: Path) -> None:
    mine = LocalFileStore(tmp_path)
    theirs = LocalFileStore(tmp_path)
    kept = theirs.add_bytes(b"theirs", "t.txt")
    gone = mine.add_bytes(b"mine", "m.txt")
    mine.clear_now()
    assert kept.exists() and not gone.exists()


@pytest.mark.anyio
async def test_the_sweeper_keeps_the_cache_bounded(tmp_path: Path) -> None:
    clock = FakeClock()
    store = LocalFileStore(tmp_path, clock=clock)
    with anyio.move_on_after(5):
        async with anyio.create_task_group() as tg:
            tg.start_soon(sweep_cache, store, 0.01, 60.0)
            for round_ in range(5):
                path = store.add_bytes(f"file {round_}".encode(), "f.txt")
                os.utime(path, (clock.now, clock.now))
                clock.now += 61  # every file is older than the age at the next sweep
                await wait_until(lambda file=path: not file.exists())
            tg.cancel_scope.cancel()
    assert [p for p in tmp_path.iterdir() if p.name not in {".partial", KEY_FILE}] == []


@pytest.mark.parametrize(
    "key",
    ["../x/a.txt", "a" * 64, "a" * 64 + "/../b", "a" * 64 + "/.hidden", "A" * 64 + "/a.txt"],
)
def test_malformed_keys_name_no_file(key: str) -> None:
    assert split_key(key) is None


@pytest.mark.anyio
async def test_malformed_keys_are_never_read_or_deleted(tmp_path: Path) -> None:
    store = LocalFileStore(tmp_path / "store")
    outside = tmp_path / "secret.txt"
    outside.write_bytes(b"secret")
    with pytest.raises(FileNotFoundError):
        await store.read("../secret.txt")
    await store.delete("../secret.txt")
    assert not await store.exists("../secret.txt") and outside.exists()


@pytest.mark.anyio
async def test_small_writes_are_committed_as_keys_of_local_paths(tmp_path: Path) -> None:
    store = LocalFileStore(tmp_path)
    key = await store.put(b"pixels", "image.png")
    path = await store.local_path(key)
    assert path == tmp_path / key and path.read_bytes() == b"pixels"
    assert store.key_of(path) == key and store.holds(path)


def test_a_folder_another_process_sweeps_during_a_write_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Processes sharing one folder: another one's expiry removes the (still empty) digest
    folder between this one making it and moving the file in."""
    store = LocalFileStore(tmp_path / "cache", key=b"k" * 32)
    real_replace = os.replace
    swept: list[Path] = []

    def replace_after_a_sweep(source: Path, target: Path) -> None:
        if not swept:
            swept.append(Path(target).parent)
            Path(target).parent.rmdir()
        real_replace(source, target)

    monkeypatch.setattr("limelight.files.local.os.replace", replace_after_a_sweep)
    path = store.add_bytes(b"kept", "k.txt")
    assert swept == [path.parent] and path.read_bytes() == b"kept"


def test_expiry_skips_a_folder_another_process_swept_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(1000.0)
    store = LocalFileStore(tmp_path / "cache", key=b"k" * 32, clock=clock)
    gone = store.add_bytes(b"swept elsewhere", "a.txt").parent
    here = store.add_bytes(b"swept here", "b.txt")
    for path in (gone / "a.txt", here):
        os.utime(path, (900, 900))
    real_iterdir = Path.iterdir

    def iterdir_racing(folder: Path) -> Iterator[Path]:
        if folder == gone and gone.exists():
            for entry in real_iterdir(gone):
                entry.unlink()
            gone.rmdir()
        return real_iterdir(folder)

    monkeypatch.setattr(Path, "iterdir", iterdir_racing)
    assert store.expire_now(60) == 1 and not here.exists()
