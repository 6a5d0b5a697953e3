"""``launch()`` in a Jupyter notebook: run by nbclient in a real IPython kernel, the cell
returns at once and shows the app in an ``<iframe>``; running it again replaces the app."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

SETUP = "import limelight as gr\nruns = 0"
LAUNCH = """\
runs += 1
with gr.Blocks() as demo:
    words = gr.Textbox()
    loud = gr.Textbox()
    words.submit(lambda text, run=runs: f"{run}:{text.upper()}", words, loud, api_name="shout")
demo.launch(quiet=True)
"""
IFRAME = re.compile(r'<iframe[^>]*src="(http://127\.0\.0\.1:\d+/)"')


class Kernel:
    """A notebook whose cells the test runs one at a time in a live kernel."""

    def __init__(self, client: Any, notebook: Any) -> None:
        self.client = client
        self.notebook = notebook

    def run(self, source: str) -> list[dict[str, Any]]:
        """Run ``source`` as a new cell (a cell with the same code counts as the same cell
        run again); its outputs."""
        cell = nbformat.v4.new_code_cell(source)
        self.notebook.cells.append(cell)
        self.client.execute_cell(cell, len(self.notebook.cells) - 1)
        outputs: list[dict[str, Any]] = cell.outputs
        return outputs


@pytest.fixture
def kernel() -> Iterator[Kernel]:
    notebook = nbformat.v4.new_notebook()
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3")
    with client.setup_kernel():
        yield Kernel(client, notebook)
        client.execute_cell(nbformat.v4.new_code_cell("gr.close_all()"), 0)


def _iframe_url(outputs: list[dict[str, Any]]) -> str:
    shown = [o for o in outputs if o["output_type"] == "display_data"]
    # The cell ends with launch(): its result is not shown as text under the app.
    assert not [o for o in outputs if o["output_type"] == "execute_result"], outputs
    assert len(shown) == 1, outputs
    found = IFRAME.search(shown[0]["data"]["text/html"])
    assert found is not None, shown
    return found[1]


def _shout(url: str, text: str) -> Any:
    response = httpx.post(f"{url}gradio_api/run/shout", json={"data": [text]}, timeout=30)
    response.raise_for_status()
    return response.json()["data"][0]


def test_launch_shows_the_app_and_running_the_cell_again_replaces_it(kernel: Kernel) -> None:
    kernel.run(SETUP)
    url = _iframe_url(kernel.run(LAUNCH))
    assert _shout(url, "hi") == "1:HI"
    again = _iframe_url(kernel.run(LAUNCH))
    # The same address, now served by the cell's new app: the first one was closed.
    assert again == url
    assert _shout(url, "hi") == "2:HI"


def test_inline_false_shows_nothing_and_still_returns(kernel: Kernel) -> None:
    kernel.run(SETUP)
    outputs = kernel.run(
        LAUNCH.replace("quiet=True", "quiet=True, inline=False") + "print(demo.local_url)"
    )
    assert not [o for o in outputs if o["output_type"] == "display_data"]
    url = "".join(o.get("text", "") for o in outputs if o["output_type"] == "stream").strip()
    assert _shout(url, "x") == "1:X"
