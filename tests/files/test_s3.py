"""The S3 file store beyond the shared contract (tests/server/contracts/test_files.py): its
URL, the file key shared through the bucket, choosing a store, and files kept by a store
other processes share. Runs against moto's standalone server (tests/s3_support.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import anyio
import pytest

from limelight.files.local import LocalFileStore
from limelight.files.s3 import S3FileStore, parse_s3_url
from limelight.files.signing import KEY_ENV
from limelight.files.stores import FILE_STORE_ENV, open_file_store, serves_with_others
from tests.s3_support import BUCKET, s3_client, s3_endpoint, s3_store

pytestmark = pytest.mark.anyio


@pytest.fixture(autouse=True)
def no_configured_key(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (KEY_ENV, FILE_STORE_ENV, "LIMELIGHT_BACKEND", "LIMELIGHT_WORKERS"):
        monkeypatch.delenv(name, raising=False)


def test_an_s3_url_names_a_bucket_a_prefix_and_maybe_an_endpoint() -> None:
    assert parse_s3_url("s3://b") == ("b", "", None)
    assert parse_s3_url("s3://b/some/prefix/") == ("b", "some/prefix/", None)
    assert parse_s3_url("s3://b/p?endpoint_url=http://h:9000") == ("b", "p/", "http://h:9000")
    for bad in ("http://b/p", "s3:///p", "s3://b/p?region=x"):
        with pytest.raises(ValueError):
            parse_s3_url(bad)


def test_stores_starting_together_agree_on_one_key_kept_in_the_bucket(tmp_path: Path) -> None:
    stores = [s3_store(tmp_path) for _ in range(6)]
    keys: list[bytes] = []
    start = threading.Barrier(len(stores))

    def read_key(store: S3FileStore) -> None:
        start.wait()
        keys.append(store.key)

    threads = [threading.Thread(target=read_key, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(keys)) == 1 and len(keys[0]) == 32
    prefix = stores[0].prefix
    kept = s3_client().get_object(Bucket=BUCKET, Key=f"{prefix}.file-key")["Body"].read()
    assert kept == keys[0]


def test_the_configured_key_wins_over_the_bucket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, "one key for every host")
    configured = s3_store(tmp_path).key
    monkeypatch.delenv(KEY_ENV)
    assert s3_store(tmp_path).key != configured


async def test_a_file_stored_elsewhere_is_materialised_where_a_path_names_it(
    tmp_path: Path,
) -> None:
    here, there = s3_store(tmp_path), s3_store(tmp_path)
    path = await anyio.to_thread.run_sync(here.add_bytes, b"made here", "f.txt")
    path.unlink()  # another host: the same cache path, no local copy
    assert there.holds(path) and path.read_bytes() == b"made here"
    assert not there.holds(path.with_name("other.txt"))
    assert await there.expire(-1) == 1 and not await there.exists(there.key_of(path) or "")


def test_choosing_a_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    local = open_file_store(None, tmp_path)
    assert isinstance(local, LocalFileStore) and local.root == tmp_path.resolve()
    assert not local.shared
    folder = open_file_store(f"file://{tmp_path}/shared", None)
    assert isinstance(folder, LocalFileStore) and folder.root == (tmp_path / "shared").resolve()
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv(FILE_STORE_ENV, f"s3://{BUCKET}/chosen?endpoint_url={s3_endpoint()}")
    chosen = open_file_store(None, tmp_path)
    assert isinstance(chosen, S3FileStore) and chosen.shared and chosen.prefix == "chosen/"
    assert chosen.add_bytes(b"x", "x.txt").read_bytes() == b"x"
    with pytest.raises(ValueError, match="s3://bucket/prefix"):
        open_file_store("ftp://host/folder", tmp_path)


def test_a_local_store_is_shared_when_other_processes_serve_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not serves_with_others()
    monkeypatch.setenv("LIMELIGHT_WORKERS", "2")
    assert serves_with_others() and open_file_store(str(tmp_path), None).shared
    monkeypatch.setenv("LIMELIGHT_WORKERS", "1")
    monkeypatch.setenv("LIMELIGHT_BACKEND", "memory")
    assert not serves_with_others()
    monkeypatch.setenv("LIMELIGHT_BACKEND", "redis://127.0.0.1:1/0")
    assert serves_with_others()
