"""``/assets/...``: built files served from memory, gzipped once, cacheable for good."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

import limelight as gr
from limelight.server.routes import assets
from tests.support import asgi_client

pytestmark = pytest.mark.anyio

SCRIPT = "export const x = 1;\n" * 200


@pytest.fixture(autouse=True)
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A stand-in for the build's assets directory, with a secret file beside it."""
    (tmp_path / "assets" / "sub").mkdir(parents=True)
    (tmp_path / "assets" / "index-abc.js").write_text(SCRIPT)
    (tmp_path / "assets" / "sub" / "font.woff2").write_bytes(b"\x00woff" * 400)
    (tmp_path / "secret.txt").write_text("secret")
    monkeypatch.setattr(assets, "ASSETS_DIR", tmp_path / "assets")
    assets._names.cache_clear()
    assets._load.cache_clear()
    yield tmp_path
    assets._names.cache_clear()
    assets._load.cache_clear()


def _demo() -> gr.Blocks:
    with gr.Blocks() as demo:
        gr.Textbox()
    return demo


async def test_script_is_sent_gzipped_and_cacheable() -> None:
    async with asgi_client(_demo()) as client:
        response = await client.get("/assets/index-abc.js", headers={"accept-encoding": "gzip"})
        raw = await client.get("/assets/index-abc.js", headers={"accept-encoding": "identity"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["content-type"].startswith("text/javascript")
    assert "immutable" in response.headers["cache-control"]
    assert int(response.headers["content-length"]) < len(SCRIPT) / 10
    assert response.text == SCRIPT == raw.text
    assert "content-encoding" not in raw.headers


async def test_fonts_are_not_compressed_again() -> None:
    async with asgi_client(_demo()) as client:
        response = await client.get("/assets/sub/font.woff2", headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert response.content == b"\x00woff" * 400


@pytest.mark.parametrize(
    "path",
    ["/assets/nothing.js", "/assets/../secret.txt", "/assets/%2e%2e/secret.txt", "/assets/sub"],
)
async def test_only_built_files_are_served(path: str) -> None:
    async with asgi_client(_demo()) as client:
        response = await client.get(path)
    assert response.status_code == 404
    assert "secret" not in response.text


def test_gzip_round_trips() -> None:
    assert gzip.decompress(assets._load("index-abc.js").gzipped or b"") == SCRIPT.encode()
