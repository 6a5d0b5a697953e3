"""The page at ``/``: the config and the app's ``head=`` in the HTML head."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.server.routes import page
from tests.support import asgi_client

pytestmark = pytest.mark.anyio

TEMPLATE = "<!doctype html><head><!--limelight-head--></head><body></body>"


@pytest.fixture(autouse=True)
def template(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in for the built index.html, so these tests do not need the frontend built."""
    monkeypatch.setattr(page, "_template", lambda: TEMPLATE)


async def test_head_is_added_after_the_config() -> None:
    head = '<meta name="x" content="y"><script>window.seen = 1;</script>'
    with gr.Blocks(head=head, title="T") as demo:
        gr.Textbox()
    async with asgi_client(demo) as client:
        html = (await client.get("/")).text
    assert head in html
    assert html.index("window.gradio_config") < html.index(head) < html.index("</head>")


async def test_no_head_adds_nothing() -> None:
    with gr.Blocks(title="T") as demo:
        gr.Textbox()
    async with asgi_client(demo) as client:
        html = (await client.get("/")).text
    assert html.count("<script>") == 1


async def test_page_is_built_once_and_sent_compressed(monkeypatch: pytest.MonkeyPatch) -> None:
    builds: list[str] = []
    real = page.build_config
    monkeypatch.setattr(
        page,
        "build_config",
        lambda app, root_url: builds.append(root_url) or real(app, root_url=root_url),
    )
    with gr.Blocks(title="T") as demo:
        gr.Textbox(value="x" * 2000)
    async with asgi_client(demo) as client:
        first = await client.get("/", headers={"accept-encoding": "gzip"})
        plain = await client.get("/", headers={"accept-encoding": "identity"})
    assert first.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert first.text == plain.text  # httpx decodes the gzipped body
    assert "x" * 2000 in plain.text
    assert len(builds) == 1


async def test_page_is_rebuilt_when_the_app_changes() -> None:
    with gr.Blocks(title="T") as demo:
        box = gr.Textbox()
    async with asgi_client(demo) as client:
        before = (await client.get("/")).text
        with demo:
            box.change(lambda s: s, box, box, api_name="echo_later")
        after = (await client.get("/")).text
    assert "echo_later" not in before
    assert "echo_later" in after


async def test_pages_kept_per_app_are_bounded() -> None:
    with gr.Blocks(title="T") as demo:
        gr.Textbox()
    async with asgi_client(demo) as client:
        for n in range(page.ROOT_URLS_KEPT + 5):
            response = await client.get("/", headers={"host": f"h{n}.example"})
            assert f"h{n}.example" in response.text
    assert len(page._caches[demo].pages) == page.ROOT_URLS_KEPT


async def test_page_preloads_the_modules_of_its_components(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chunks = {
        "textbox": ["assets/textbox-1.js", "assets/shared-3.js"],
        "number": ["assets/number-2.js", "assets/shared-3.js"],
        "chatbot": ["assets/chatbot-4.js"],
    }
    monkeypatch.setattr(page, "_chunk_map", lambda: chunks)
    with gr.Blocks() as demo:
        gr.Textbox()
        gr.Number()
    async with asgi_client(demo) as client:
        html = (await client.get("/")).text
    for name in ("textbox-1", "number-2", "shared-3"):
        assert html.count(f'<link rel="modulepreload" crossorigin href="./assets/{name}.js">') == 1
    assert "chatbot-4" not in html
    assert html.index("modulepreload") < html.index("window.gradio_config")


def test_the_chunk_map_names_only_files_the_build_wrote() -> None:
    """A chunk that only held CSS is dropped by the build: preloading it would be a 404."""
    import json

    from limelight.server.routes.page import STATIC_DIR

    chunk_map = STATIC_DIR / "chunks.json"
    if not chunk_map.is_file():
        pytest.skip("the frontend is not built")
    named = {f for files in json.loads(chunk_map.read_text()).values() for f in files}
    assert named and all((STATIC_DIR / f).is_file() for f in named), named


def test_stylesheets_are_inlined(tmp_path: Path) -> None:
    assets = tmp_path
    (assets / "index-1.css").write_text("body{color:red}a::after{content:'</style>'}")
    (assets / "fonts-2.css").write_text("@font-face{src:url(./f.woff2)}")
    template = (
        '<head><link rel="stylesheet" crossorigin href="./assets/index-1.css">'
        '<link rel="stylesheet" crossorigin href="./assets/fonts-2.css">'
        '<link rel="stylesheet" crossorigin href="./assets/gone-3.css"></head>'
    )
    html = page.inline_styles(template, assets)
    assert html.startswith("<head><style>body{color:red}a::after{content:'<\\/style>'}</style>")
    # url() would resolve against the page once moved; missing files stay links.
    assert '<link rel="stylesheet" crossorigin href="./assets/fonts-2.css">' in html
    assert '<link rel="stylesheet" crossorigin href="./assets/gone-3.css">' in html
    assert html.count("</style>") == 1
