"""The file store in an S3-compatible object store, shared by every process and host of an
app (``launch(file_store="s3://bucket/prefix")`` or ``LIMELIGHT_FILE_STORE``).

The file of key ``<digest>/<name>`` is the object ``<prefix><digest>/<name>``. Components and
user functions still get local paths: each process keeps local copies under ``root`` (the
cache folder, the same path on every host so that ``FileData`` paths mean the same file
everywhere), made as it writes a file or materialised from the bucket when a path names a
file it has not seen. The routes stream from the bucket, byte ranges included, without
waiting for a local copy.

Without ``LIMELIGHT_FILE_KEY`` the file key is the object ``<prefix>.file-key``, written once
with a conditional put (``If-None-Match: *``), so processes starting together agree on one
key. boto3 is imported only when a store is created (the ``limelight[s3]`` extra); the
endpoint comes from ``endpoint_url``, else boto3's own ``AWS_ENDPOINT_URL`` (credentials
and region as boto3 finds them).
"""

from __future__ import annotations

import contextlib
import functools
import os
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio

from limelight.files.local import LocalFileStore, LocalWriter
from limelight.files.signing import KEY_BYTES, KEY_FILE, configured_key
from limelight.files.store import CHUNK, FileStore, FileWriter, default_cache_dir, split_key

__all__ = ["S3FileStore", "S3Writer", "parse_s3_url"]


def parse_s3_url(url: str) -> tuple[str, str, str | None]:
    """``(bucket, prefix, endpoint_url)`` of ``s3://bucket/prefix?endpoint_url=...``; the
    prefix ends with ``/`` unless empty. Raises ``ValueError`` for anything else."""
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise ValueError(f"An S3 file store is named s3://bucket/prefix, not {url!r}")
    query = parse_qs(parts.query)
    unknown = set(query) - {"endpoint_url"}
    if unknown:
        raise ValueError(f"Unknown option(s) {sorted(unknown)} in {url!r}; only endpoint_url")
    prefix = parts.path.strip("/")
    endpoint = query.get("endpoint_url", [None])[0]
    return parts.netloc, f"{prefix}/" if prefix else "", endpoint


def _client(endpoint_url: str | None) -> Any:
    """A boto3 S3 client; path-style addressing where an endpoint is named (MinIO, Ceph,
    moto and most S3-compatible servers expect it)."""
    try:
        import boto3  # the s3 extra: imported only when an S3 store is created
        from botocore.config import Config
    except ImportError as exc:
        raise ImportError("An S3 file store needs boto3: pip install 'limelight[s3]'") from exc
    endpoint = endpoint_url or os.environ.get("AWS_ENDPOINT_URL_S3")
    endpoint = endpoint or os.environ.get("AWS_ENDPOINT_URL")
    style = "path" if endpoint else "auto"
    config = Config(s3={"addressing_style": style}, retries={"mode": "standard"})
    return boto3.client("s3", endpoint_url=endpoint, config=config)


def _missing(exc: Exception) -> bool:
    """Whether a botocore error says the object (or range) is not there."""
    code = str(getattr(exc, "response", {}).get("Error", {}).get("Code", ""))
    return code in ("404", "NoSuchKey", "NotFound")


class S3Writer(FileWriter):
    """A file being written: into a local copy first (hashing as it goes), uploaded to the
    bucket on ``commit``."""

    def __init__(self, store: S3FileStore, local: LocalWriter) -> None:
        self.store = store
        self.local = local
        self.size = 0

    async def write(self, data: bytes) -> None:
        await self.local.write(data)
        self.size = self.local.size

    async def commit(self) -> str:
        path = await anyio.to_thread.run_sync(self.local.commit_now)
        await anyio.to_thread.run_sync(self.store.upload, path)
        return f"{path.parent.name}/{path.name}"

    async def discard(self) -> None:
        await self.local.discard()


class S3FileStore(FileStore):
    """Files as objects in ``bucket`` under ``prefix``, with local copies under ``root``
    (default: ``default_cache_dir()``). ``client`` is a boto3 S3 client (default: one for
    ``endpoint_url``); ``key`` the file key (default: shared through the bucket, or
    ``LIMELIGHT_FILE_KEY``); ``clock`` the time expiry compares with."""

    shared = True
    remote = True

    def __init__(
        self,
        bucket: str,
        prefix: str = "",
        *,
        root: Path | str | None = None,
        endpoint_url: str | None = None,
        client: Any = None,
        key: bytes | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.bucket = bucket
        self.prefix = prefix if not prefix or prefix.endswith("/") else f"{prefix}/"
        self.root = Path(os.path.realpath(root or default_cache_dir()))
        self.client = client if client is not None else _client(endpoint_url)
        self._key = key
        self.clock = clock
        self.created: set[str] = set()
        """Keys this store instance wrote (``clear`` deletes only these)."""

    @classmethod
    def from_url(cls, url: str, root: Path | str | None = None) -> S3FileStore:
        """A store for ``s3://bucket/prefix`` (``?endpoint_url=`` names the server)."""
        bucket, prefix, endpoint = parse_s3_url(url)
        return cls(bucket, prefix, root=root, endpoint_url=endpoint)

    def __repr__(self) -> str:
        return f"S3FileStore(s3://{self.bucket}/{self.prefix})"

    @property
    def key(self) -> bytes:
        """The secret content is hashed under (read or created on first use)."""
        if self._key is None:
            self._key = configured_key() or self._bucket_key()
        return self._key

    def _bucket_key(self) -> bytes:
        """The key object's bytes, writing a new key first if there is none: the
        conditional put lets only the first writer in, so all read the same key."""
        name = f"{self.prefix}{KEY_FILE}"
        try:
            body = self.client.get_object(Bucket=self.bucket, Key=name)["Body"]
        except Exception as exc:
            if not _missing(exc):
                raise
            with contextlib.suppress(self.client.exceptions.ClientError):
                self.client.put_object(
                    Bucket=self.bucket,
                    Key=name,
                    Body=secrets.token_bytes(KEY_BYTES),
                    IfNoneMatch="*",
                )
            body = self.client.get_object(Bucket=self.bucket, Key=name)["Body"]
        with contextlib.closing(body):
            key: bytes = body.read()
        if len(key) != KEY_BYTES:
            raise ValueError(f"s3://{self.bucket}/{name} does not hold a {KEY_BYTES}-byte key")
        return key

    @functools.cached_property
    def cache(self) -> LocalFileStore:
        """The local copies, hashed under the shared key."""
        return LocalFileStore(self.root, key=self.key, clock=self.clock)

    def _object(self, key: str) -> str:
        return f"{self.prefix}{key}"

    # --- blocking ------------------------------------------------------------------------
    def upload(self, path: Path) -> None:
        """Put the local copy at ``path`` in the bucket; an identical object already there
        is stored again in place, so that expiry counts from now, as on the disk."""
        key = f"{path.parent.name}/{path.name}"
        name = self._object(key)
        if self._head(key) is None:
            self.client.upload_file(str(path), self.bucket, name)
        else:
            self.client.copy_object(
                Bucket=self.bucket,
                Key=name,
                CopySource={"Bucket": self.bucket, "Key": name},
                MetadataDirective="REPLACE",
            )
        self.created.add(key)

    def _head(self, key: str) -> dict[str, Any] | None:
        try:
            found: dict[str, Any] = self.client.head_object(
                Bucket=self.bucket, Key=self._object(key)
            )
        except Exception as exc:
            if _missing(exc):
                return None
            raise
        return found

    def materialise(self, key: str) -> Path:
        """The local copy of ``key``, downloaded first when missing;
        ``FileNotFoundError`` when the bucket does not hold it."""
        path = self.path_of(key)
        if path.is_file():
            return path
        partial = self.cache.partial_dir
        partial.mkdir(parents=True, exist_ok=True)
        temp = partial / uuid.uuid4().hex
        try:
            self.client.download_file(self.bucket, self._object(key), str(temp))
        except Exception as exc:
            temp.unlink(missing_ok=True)
            if _missing(exc):
                raise FileNotFoundError(key) from None
            raise
        path.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temp, path)
        self.cache.created.add(path)
        return path

    def add_bytes(self, data: bytes, name: str) -> Path:
        path = self.cache.add_bytes(data, name)
        self.upload(path)
        return path

    def add_file(self, source: Path, name: str | None = None) -> Path:
        if self.holds(Path(os.path.realpath(source))):
            return Path(source)
        path = self.cache.add_file(source, name)
        self.upload(Path(os.path.realpath(path)))
        return path

    def holds(self, path: Path) -> bool:
        key = self.key_of(path)
        if key is None:
            return False
        try:
            self.materialise(key)
        except FileNotFoundError:
            return False
        return True

    # --- coroutines ----------------------------------------------------------------------
    async def open_writer(self, name: str, limit: int | None = None) -> FileWriter:
        local = await anyio.to_thread.run_sync(self.cache.writer, name, limit)
        return S3Writer(self, local)

    def _checked(self, key: str) -> str:
        if split_key(key) is None:
            raise FileNotFoundError(key)
        return self._object(key)

    async def open_reader(
        self, key: str, start: int = 0, end: int | None = None
    ) -> AsyncIterator[bytes]:
        name = self._checked(key)
        size = await self.size(key)
        stop = size if end is None else min(end, size)
        if start >= stop:
            return
        answer = await anyio.to_thread.run_sync(
            functools.partial(
                self.client.get_object,
                Bucket=self.bucket,
                Key=name,
                Range=f"bytes={start}-{stop - 1}",
            )
        )
        body = answer["Body"]
        try:
            while chunk := await anyio.to_thread.run_sync(body.read, CHUNK):
                yield chunk
        finally:
            body.close()

    async def size(self, key: str) -> int:
        self._checked(key)
        found = await anyio.to_thread.run_sync(self._head, key)
        if found is None:
            raise FileNotFoundError(key)
        return int(found["ContentLength"])

    async def exists(self, key: str) -> bool:
        if split_key(key) is None:
            return False
        return await anyio.to_thread.run_sync(self._head, key) is not None

    async def local_path(self, key: str) -> Path:
        self._checked(key)
        return await anyio.to_thread.run_sync(self.materialise, key)

    async def delete(self, key: str) -> None:
        if split_key(key) is None:
            return
        await anyio.to_thread.run_sync(
            functools.partial(self.client.delete_object, Bucket=self.bucket, Key=self._object(key))
        )
        self.created.discard(key)
        await self.cache.delete(key)

    async def expire(self, max_age: float) -> int:
        return await anyio.to_thread.run_sync(self.expire_now, max_age)

    def _keys(self) -> list[tuple[str, float]]:
        """Every stored key under the prefix with its last-modified time (other objects
        there, such as the key object, are not the store's files)."""
        found: list[tuple[str, float]] = []
        pages = self.client.get_paginator("list_objects_v2")
        for page in pages.paginate(Bucket=self.bucket, Prefix=self.prefix):
            for item in page.get("Contents", []):
                key = str(item["Key"])[len(self.prefix) :]
                if split_key(key) is not None:
                    found.append((key, item["LastModified"].timestamp()))
        return found

    def _delete_objects(self, keys: list[str]) -> None:
        for first in range(0, len(keys), 1000):
            batch = [{"Key": self._object(k)} for k in keys[first : first + 1000]]
            self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch})

    def expire_now(self, max_age: float) -> int:
        """``expire``, blocking: old objects, then old local copies."""
        cutoff = self.clock() - max_age
        old = [key for key, modified in self._keys() if modified < cutoff]
        self._delete_objects(old)
        self.created.difference_update(old)
        self.cache.expire_now(max_age)
        return len(old)

    async def clear(self) -> None:
        await anyio.to_thread.run_sync(self.clear_now)

    def clear_now(self) -> None:
        """``clear``, blocking: the objects this instance wrote and its local copies."""
        self._delete_objects(sorted(self.created))
        self.created.clear()
        if "cache" in self.__dict__:
            self.cache.clear_now()
