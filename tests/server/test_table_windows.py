"""Big Dataframes reach limelight's own page as windows and everyone else whole
(docs/protocol.md §8.5): the page config and the page's joins get windows, ``/config``, plain
joins and the REST routes the whole table; windows sent back as inputs are resolved against
the table the session holds, with the page's edits."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest

import limelight as gr
from limelight.components.dataframe_window import FIRST_ROWS
from limelight.server.routes import page
from tests.server.session_support import pickling_client
from tests.support import asgi_client, completion, join, read_session

pytestmark = pytest.mark.anyio

ROWS = 5_000
URL = "/gradio_api/component_server"


@pytest.fixture(autouse=True)
def template(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in for the built index.html, so these tests do not need the frontend built."""
    monkeypatch.setattr(page, "_template", lambda: "<head><!--limelight-head--></head>")


def rows(n: int = ROWS) -> list[list[Any]]:
    return [[i, f"name {i}"] for i in range(n)]


def make_app() -> tuple[gr.Blocks, gr.Dataframe, gr.Number]:
    with gr.Blocks() as demo:
        df = gr.Dataframe(rows(), headers=["n", "name"], type="array", interactive=True)
        total = gr.Number()
        grow = gr.Button()
        df.change(lambda table: sum(r[0] for r in table), df, total, api_name="total")
        grow.click(lambda: rows(ROWS + 1), None, df, api_name="grow")
        grow.click(lambda: gr.update(value=rows(ROWS + 2)), None, df, api_name="update")
    return demo, df, total


def embedded_config(html: str) -> dict[str, Any]:
    found = re.search(r'id="gradio-config">(.*?)</script>', html)
    assert found is not None
    config: dict[str, Any] = json.loads(found[1])
    return config


def value_of(config: dict[str, Any], block_id: int) -> Any:
    """The block's value, with the props the embedded config names once put back."""
    entry = next(c for c in config["components"] if c["id"] == block_id)
    shared = config.get("defaults", {}).get("components", {}).get(entry["type"], {})
    return {**shared.get("props", {}), **entry["props"]}["value"]


async def page_join(
    client: httpx.AsyncClient, fn_index: int, data: list[Any], **extra: Any
) -> list[Any]:
    event_id = await join(client, fn_index, data, "page", windows=True, **extra)
    outputs: list[Any] = completion(await read_session(client, "page"), event_id)["output"]["data"]
    return outputs


async def rows_of(client: httpx.AsyncClient, block_id: int, view: dict[str, Any]) -> Any:
    body = {"session_hash": "page", "component_id": block_id, "fn_name": "rows", "data": view}
    answer = await client.post(URL, json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def test_the_page_gets_a_first_window_and_config_clients_the_whole_table() -> None:
    demo, df, _ = make_app()
    async with asgi_client(demo) as client:
        embedded = value_of(embedded_config((await client.get("/")).text), df.id)
        whole = value_of((await client.get("/config")).json(), df.id)
    assert embedded["window"] == {"rows": ROWS}
    assert embedded["data"] == rows(FIRST_ROWS)
    assert whole["data"] == rows() and "window" not in whole


async def test_outputs_are_windows_only_for_joins_that_ask() -> None:
    demo, _, _ = make_app()
    async with asgi_client(demo) as client:
        shown = (await page_join(client, 1, []))[0]
        updated = (await page_join(client, 2, []))[0]
        event_id = await join(client, 1, [], "api")
        plain = completion(await read_session(client, "api"), event_id)["output"]["data"][0]
        rest = (await client.post("/gradio_api/run/grow", json={"data": []})).json()["data"][0]
    assert shown["window"] == {"rows": ROWS + 1} and len(shown["data"]) == FIRST_ROWS
    assert updated["__type__"] == "update" and updated["value"]["window"] == {"rows": ROWS + 2}
    assert plain["data"] == rows(ROWS + 1) and "window" not in plain
    assert rest["data"] == rows(ROWS + 1)


async def test_gradio_client_style_calls_get_the_whole_table() -> None:
    demo, _, _ = make_app()
    async with asgi_client(demo) as client:
        posted = await client.post("/gradio_api/call/grow", json={"data": []})
        event_id = posted.json()["event_id"]
        stream = (await client.get(f"/gradio_api/call/grow/{event_id}")).text
    data_line = [line for line in stream.splitlines() if line.startswith("data: ")][-1]
    assert json.loads(data_line[len("data: ") :])[0]["data"] == rows(ROWS + 1)


async def test_a_window_input_is_the_whole_table_with_the_page_edits() -> None:
    demo, _, _ = make_app()
    window = {
        "headers": ["n", "name"],
        "data": [],
        "metadata": None,
        "window": {"rows": ROWS + 1, "changed": {"3": [1000, "x"], str(ROWS): [7, "added"]}},
    }
    async with asgi_client(demo) as client:
        total = (await page_join(client, 0, [window]))[0]
    expected = sum(range(ROWS)) - 3 + 1000 + 7
    assert total == expected


async def test_a_window_input_resolves_against_the_table_an_event_gave_the_session() -> None:
    demo, _, _ = make_app()
    window = {"headers": ["n", "name"], "data": [], "window": {"rows": ROWS + 1}}
    async with asgi_client(demo) as client:
        await page_join(client, 1, [])
        total = (await page_join(client, 0, [window]))[0]
    assert total == sum(range(ROWS + 1))


async def test_a_window_that_does_not_fit_the_table_is_refused() -> None:
    demo, _, _ = make_app()
    window = {"headers": ["n", "name"], "data": [], "window": {"rows": 3}}
    async with asgi_client(demo) as client:
        event_id = await join(client, 0, [window], "page", windows=True)
        done = completion(await read_session(client, "page"), event_id)
    assert done["success"] is False


async def test_rows_are_sorted_searched_and_filtered_on_the_server() -> None:
    demo, df, _ = make_app()
    base = {"headers": ["n", "name"], "window": {"rows": ROWS}, "query": "", "filters": []}
    async with asgi_client(demo) as client:
        last = await rows_of(client, df.id, {**base, "start": ROWS - 2, "count": 10, "sort": None})
        desc = await rows_of(client, df.id, {**base, "start": 0, "count": 2, "sort": [0, -1]})
        search = await rows_of(
            client, df.id, {**base, "start": 0, "count": 5, "sort": None, "query": "NAME 499"}
        )
        filtered = await rows_of(
            client,
            df.id,
            {
                **base,
                "start": 0,
                "count": 3,
                "sort": [0, -1],
                "filters": [{"col": 0, "op": "<", "value": "10"}],
            },
        )
    assert last["total"] == ROWS and last["index"] == [ROWS - 2, ROWS - 1]
    assert desc["index"] == [ROWS - 1, ROWS - 2] and desc["data"][0] == [ROWS - 1, "name 4999"]
    assert search["total"] == 11 and search["index"][:2] == [499, 4990]
    assert filtered == {
        "total": 10,
        "start": 0,
        "index": [9, 8, 7],
        "data": [[9, "name 9"], [8, "name 8"], [7, "name 7"]],
        "metadata": None,
    }


async def test_rows_come_from_the_session_table_and_see_the_page_edits() -> None:
    demo, df, _ = make_app()
    async with asgi_client(demo) as client:
        await page_join(client, 1, [])
        edits = {"rows": ROWS + 2, "changed": {str(ROWS + 1): [-1, "mine"]}}
        found = await rows_of(
            client,
            df.id,
            {"start": 0, "count": 1, "sort": [0, 1], "query": "", "filters": [], "window": edits},
        )
    assert found["total"] == ROWS + 2
    assert found["index"] == [ROWS + 1] and found["data"] == [[-1, "mine"]]


async def test_a_function_without_preprocess_gets_the_whole_payload_too() -> None:
    with gr.Blocks() as demo:
        df = gr.Dataframe(rows(), headers=["n", "name"])
        count = gr.Number()
        df.change(lambda payload: len(payload["data"]), df, count, preprocess=False)
    window = {"headers": ["n", "name"], "data": [], "window": {"rows": ROWS}}
    async with asgi_client(demo) as client:
        assert (await page_join(client, 0, [window]))[0] == ROWS


async def test_select_on_a_window_gets_its_column_from_the_server() -> None:
    seen: list[Any] = []

    def pick(evt: gr.SelectData) -> str:
        seen.append((evt.index, evt.value, len(evt.col_value), evt.col_value[-1]))
        return "ok"

    with gr.Blocks() as demo:
        df = gr.Dataframe(rows(), headers=["n", "name"])
        out = gr.Textbox()
        df.select(pick, None, out)
    event = {"index": [ROWS - 1, 1], "value": "name 4999", "row_value": None, "col_value": None}
    async with asgi_client(demo) as client:
        await page_join(client, 0, [], event_data=event, trigger_id=df.id)
    assert seen == [([ROWS - 1, 1], "name 4999", ROWS, "name 4999")]


async def test_windows_work_when_every_session_load_is_a_copy() -> None:
    demo, df, _ = make_app()
    view = {"start": 0, "count": 2, "sort": [0, -1], "query": "", "filters": []}
    async with pickling_client(demo) as client:
        await page_join(client, 1, [])
        found = await rows_of(client, df.id, {**view, "window": {"rows": ROWS + 1}})
        again = await rows_of(client, df.id, {**view, "start": 2, "window": {"rows": ROWS + 1}})
        edited = {"rows": ROWS + 1, "changed": {"0": [10**9, "big"]}}
        total = (
            await page_join(client, 0, [{"headers": ["n", "name"], "data": [], "window": edited}])
        )[0]
    assert found["index"] == [ROWS, ROWS - 1] and again["index"] == [ROWS - 2, ROWS - 3]
    assert total == sum(range(ROWS + 1)) + 10**9
