"""gradio_client reads the config the models declare: what it took from ``/config`` is an
``AppConfig``, and it made an endpoint of each dependency the way the config describes it."""

from __future__ import annotations

import runpy
from collections.abc import Callable
from pathlib import Path

import pytest

import limelight as gr
from limelight.protocol_config import AppConfig

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client  # noqa: E402

pytestmark = pytest.mark.compat

DEMOS = Path(__file__).resolve().parents[2] / "demos"


def _stateful() -> gr.Blocks:
    with gr.Blocks() as demo:
        count = gr.State(0)
        shown = gr.Number(label="Count")
        add = gr.Button("Add")
        add.click(lambda c: (c + 1, c + 1), count, [count, shown], api_name="add")
        add.click(lambda: None, None, None, api_name=False)
    return demo


def _kitchen_sink() -> gr.Blocks:
    demo: gr.Blocks = runpy.run_path(str(DEMOS / "kitchen_sink.py"), run_name="demo")["demo"]
    return demo


@pytest.mark.parametrize("make", [_stateful, _kitchen_sink], ids=["stateful", "kitchen_sink"])
def test_the_client_reads_the_config_the_models_declare(
    serve: Callable[..., str], make: Callable[[], gr.Blocks]
) -> None:
    client = Client(serve(make()), verbose=False)
    try:
        config = AppConfig.model_validate(client.config)
        endpoints = list(client.endpoints.values())
        assert [e.fn_index for e in endpoints] == [d.id for d in config.dependencies]
        for endpoint, dependency in zip(endpoints, config.dependencies, strict=True):
            named = f"/{dependency.api_name}" if isinstance(dependency.api_name, str) else None
            assert endpoint.api_name == named
            assert endpoint.is_valid == (dependency.api_visibility != "private")
            assert endpoint.backend_fn == dependency.backend_fn
        assert client.protocol == config.protocol
        assert client.heartbeat.is_alive() == config.connect_heartbeat
    finally:
        client.close()
