"""gradio_client gets big Dataframes whole, as from Gradio: windows are for limelight's own
page only (docs/protocol.md §8.5)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import limelight as gr

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client  # noqa: E402

pytestmark = pytest.mark.compat

ROWS = 3_000


def big_table_app() -> gr.Blocks:
    def grow(table: list[list[int]]) -> list[list[int]]:
        return [*table, [len(table), len(table) * 2]]

    with gr.Blocks() as demo:
        df = gr.Dataframe([[i, i * 2] for i in range(ROWS)], headers=["a", "b"], type="array")
        gr.Button().click(grow, df, df, api_name="grow")
    return demo


def test_gradio_client_sends_and_gets_whole_big_tables(serve: Callable[..., str]) -> None:
    client = Client(serve(big_table_app()), verbose=False)
    table = {"headers": ["a", "b"], "data": [[i, i * 2] for i in range(ROWS)], "metadata": None}
    result = client.predict(table, api_name="/grow")
    assert result["headers"] == ["a", "b"]
    assert len(result["data"]) == ROWS + 1
    assert result["data"][-1] == [ROWS, ROWS * 2]
    assert "window" not in result
