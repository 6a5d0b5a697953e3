"""An S3 server for the tests: moto's standalone server (``moto[server]``, the one S3
server the package registries offer here) on a free loopback port, started once per test
session on first use. Every store made here gets a prefix of its own in one bucket."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from limelight.files.s3 import S3FileStore
from tests.support import free_port

__all__ = ["BUCKET", "s3_client", "s3_endpoint", "s3_store"]

BUCKET = "limelight-tests"
CREDENTIALS = {
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
    "region_name": "us-east-1",
}
"""moto accepts any credentials; these keep boto3 from looking for real ones."""
_running: dict[str, Any] = {}


def s3_endpoint() -> str:
    """The URL of the session's moto server (started now if it is not running)."""
    if "url" not in _running:
        server_module = pytest.importorskip("moto.server", reason="needs moto[server]")
        port = free_port()
        server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port)
        server.start()
        _running.update(server=server, url=f"http://127.0.0.1:{port}")
        s3_client().create_bucket(Bucket=BUCKET)
    url: str = _running["url"]
    return url


def s3_client() -> Any:
    """A boto3 client of the session's moto server."""
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=s3_endpoint() if "url" not in _running else _running["url"],
        config=Config(s3={"addressing_style": "path"}),
        **CREDENTIALS,
    )


def s3_store(root: Path, **options: Any) -> S3FileStore:
    """A store in the test bucket under a prefix named after ``root``, keeping its local
    copies there: two stores made for one ``root`` share their files."""
    s3_endpoint()
    prefix = hashlib.sha256(str(root).encode()).hexdigest()[:16]
    return S3FileStore(BUCKET, prefix, root=root, client=s3_client(), **options)
