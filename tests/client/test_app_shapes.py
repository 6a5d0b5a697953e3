"""limelight.Client against apps served in other shapes: mounted under a path in a host
application, an Interface called without naming its endpoint."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette

import limelight as gr
from limelight.client import Client, handle_file
from limelight.server import create_app
from tests.support import serving


def test_the_client_calls_an_app_mounted_under_a_path(tmp_path: Path) -> None:
    def echo(path: str) -> str:
        return path

    with gr.Blocks() as demo:
        gr.Button().click(str.upper, gr.Textbox(), gr.Textbox(), api_name="shout")
        gr.Button().click(echo, gr.File(type="filepath"), gr.File(), api_name="echo")
    source = tmp_path / "a.txt"
    source.write_bytes(b"mounted")
    host = gr.mount_gradio_app(Starlette(), demo, path="/tools/demo")
    with serving(host) as url, Client(url + "/tools/demo/", verbose=False) as client:
        assert client.predict("hi", api_name="/shout") == "HI"
        returned = client.predict(handle_file(source), api_name="/echo")
    assert Path(returned).read_bytes() == b"mounted"


def test_an_interface_is_called_without_naming_its_one_endpoint() -> None:
    demo = gr.Interface(lambda a, b: a + b, ["number", "number"], "number")
    with serving(create_app(demo)) as url, Client(url, verbose=False) as c:
        assert c.predict(2, 3) == 5
