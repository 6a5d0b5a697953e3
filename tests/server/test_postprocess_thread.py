"""Encoding file outputs happens off the event loop, so other requests keep flowing."""

from __future__ import annotations

import threading
from typing import Any

import anyio
import pytest

import limelight as gr
from limelight.files.processing import FileContext
from tests.support import asgi_client, completion, join, read_session

pytestmark = pytest.mark.anyio


class SlowFile(gr.File):
    """A File whose postprocess waits until the test lets it go."""

    entered = threading.Event()
    release = threading.Event()

    def postprocess_with(self, value: Any, files: FileContext) -> Any:
        if value is None:  # the initial value, at start-up
            return None
        self.entered.set()
        self.release.wait(5)
        return None


async def test_other_requests_are_served_while_a_file_output_is_encoded() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        out = SlowFile()
        gr.Button().click(lambda text: text, box, out)
    # Let the encoding go on its own after a while: if it blocked the loop, /config could
    # only be answered after this.
    timer = threading.Timer(3, SlowFile.release.set)
    async with asgi_client(demo) as client:
        event_id = await join(client, 0, ["x"], session_hash="s")
        timer.start()
        assert await anyio.to_thread.run_sync(SlowFile.entered.wait, 5)
        config = await client.get("/config")
        answered_during_encoding = not SlowFile.release.is_set()
        assert config.status_code == 200
        SlowFile.release.set()
        timer.cancel()
        done = completion(await read_session(client, "s"), event_id)
    assert done["success"], done
    assert answered_during_encoding
