"""No growth: completed events leave nothing behind in the queue, sessions or streams."""

from __future__ import annotations

import pytest

import limelight as gr
from tests.support import asgi_app_and_client, join, read_session

pytestmark = pytest.mark.anyio


@pytest.mark.timeout(300)  # 10,000 requests through httpx's in-process transport
async def test_ten_thousand_events_leave_no_residue() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(str.upper, box, box, concurrency_limit=None)
    async with asgi_app_and_client(demo) as (app, client):
        svc = app.state.services
        for batch in range(100):
            session = f"s{batch % 10}"
            for i in range(100):
                await join(client, 0, [str(i)], session_hash=session)
            await read_session(client, session)
        for _ in range(20):
            posted = await client.post("/gradio_api/call/v2/upper", json={"self": "x"})
            event_id = posted.json()["event_id"]
            await client.get(f"/gradio_api/call/v2/upper/{event_id}")
        assert await svc.queue.size() == 0
        assert len(svc.sessions) == 10
        assert len(svc.streams) == 0


async def test_closed_api_refuses_rest_calls_but_not_the_queue() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(str.upper, box, box, api_name="up")
    demo.queue(api_open=False)
    async with asgi_app_and_client(demo) as (_, client):
        refused = await client.post("/gradio_api/call/up", json={"data": ["a"]})
        assert refused.status_code == 404
        assert "api_open=False" in refused.json()["detail"]
        assert (await client.post("/gradio_api/run/up", json={"data": ["a"]})).status_code == 404
        event_id = await join(client, 0, ["a"], session_hash="q")
        done = [m for m in await read_session(client, "q") if m.get("event_id") == event_id]
        assert done[-1]["output"]["data"] == ["A"]
