"""Upload progress's contract: bytes received, done, expiry."""

from __future__ import annotations

import pytest

from limelight.server.upload_progress import UploadProgress, UploadState
from tests.server.contracts.support import Clock

pytestmark = pytest.mark.anyio


async def test_an_upload_reports_bytes_received_then_done(uploads: UploadProgress) -> None:
    assert await uploads.get("u") is None
    await uploads.start("u", 100)
    assert await uploads.get("u") == UploadState(0, 100, False)
    await uploads.add("u", 30)
    await uploads.add("u", 20)
    await uploads.start("other", None)
    assert await uploads.get("u") == UploadState(50, 100, False)
    await uploads.finish("u")
    assert await uploads.get("u") == UploadState(50, 100, True)
    assert await uploads.get("other") == UploadState(0, None, False)
    await uploads.forget("u")
    assert await uploads.get("u") is None


async def test_bytes_for_an_unknown_upload_are_ignored(uploads: UploadProgress) -> None:
    await uploads.add("never-started", 10)
    await uploads.finish("never-started")
    assert await uploads.get("never-started") is None


async def test_uploads_not_updated_for_a_while_expire(
    uploads: UploadProgress, clock: Clock
) -> None:
    await uploads.start("stalled", 100)
    await uploads.start("busy", 100)
    clock.advance(50)
    await uploads.add("busy", 1)
    clock.advance(20)
    assert await uploads.expire(60) == 1
    assert await uploads.get("stalled") is None
    assert await uploads.get("busy") == UploadState(1, 100, False)
