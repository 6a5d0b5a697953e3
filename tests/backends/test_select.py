"""Choosing the backend: the URL, the environment, `limelight run --backend`, errors that
name the URL (never its password), and each app's key prefix."""

from __future__ import annotations

import itertools
from pathlib import Path

import httpx
import pytest
import redis
from starlette.applications import Starlette

import limelight as gr
from limelight.backends.redis.sessions import RedisSessionStore
from limelight.backends.redis.streams import RedisEventStreams
from limelight.backends.select import APP_ID_ENV, BACKEND_ENV, app_prefix, implementations
from limelight.cli import main
from limelight.core import block as block_module
from limelight.interfaces.blocks import launch_overrides
from limelight.server.services import ServerSettings, Services
from tests.support import completion, free_port, sse_messages


def echo() -> gr.Blocks:
    with gr.Blocks() as demo:
        text = gr.Textbox()
        text.submit(lambda value: value, text, text)
    return demo


@pytest.mark.parametrize("url", [None, "memory", "memory://"])
def test_memory_or_nothing_keeps_the_in_memory_services(
    url: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(BACKEND_ENV, raising=False)
    assert implementations(url, echo(), ServerSettings()) == {}


def test_an_unknown_scheme_is_refused_naming_the_url() -> None:
    with pytest.raises(ValueError, match=r"Unknown backend 'postgres://db/1'"):
        implementations("postgres://db/1", echo(), ServerSettings())


def test_an_unreachable_redis_is_an_error_naming_its_url() -> None:
    url = f"redis://127.0.0.1:{free_port()}/0"
    with pytest.raises(ConnectionError, match=f"Cannot reach the Redis backend at '{url}'"):
        implementations(url, echo(), ServerSettings())


def test_a_malformed_redis_url_is_an_error_naming_it() -> None:
    with pytest.raises(ValueError, match="Bad Redis backend URL 'redis://host:port/0'"):
        implementations("redis://host:port/0", echo(), ServerSettings())


def test_a_password_never_appears_in_an_error() -> None:
    url = f"redis://user:hunter2@127.0.0.1:{free_port()}/0"
    with pytest.raises(ConnectionError) as raised:
        implementations(url, echo(), ServerSettings())
    assert "hunter2" not in str(raised.value)
    assert "user:***@127.0.0.1" in str(raised.value)


def test_the_environment_chooses_when_the_app_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BACKEND_ENV, "nosuch://x")
    with pytest.raises(ValueError, match="nosuch://x"):
        implementations(None, echo(), ServerSettings())


def test_a_redis_url_gives_the_redis_services(redis_url: str) -> None:
    services = Services(echo(), **implementations(redis_url, echo(), ServerSettings()))
    assert isinstance(services.streams, RedisEventStreams)
    assert isinstance(services.sessions, RedisSessionStore)


def test_launch_refuses_a_bad_backend_before_serving() -> None:
    demo = echo()
    with pytest.raises(ValueError, match="Unknown backend 'bogus://x'"):
        demo.launch(backend="bogus://x", prevent_thread_lock=True, server_port=0, quiet=True)
    assert demo.local_url is None


def test_limelight_run_passes_its_backend_to_the_app(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import limelight as gr\ndemo = gr.Interface(str.upper, 'text', 'text')\n")
    try:
        with pytest.raises(ValueError, match="Unknown backend 'bogus://from-cli'"):
            main(["run", str(script), "--backend", "bogus://from-cli"])
    finally:
        launch_overrides.clear()


def test_processes_running_one_script_share_a_prefix_and_other_apps_do_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start = next(block_module._ids) + 1000
    monkeypatch.setattr(block_module, "_ids", itertools.count(start))
    first = app_prefix(echo())
    monkeypatch.setattr(block_module, "_ids", itertools.count(start))
    assert app_prefix(echo()) == first
    with gr.Blocks() as other:
        gr.Number()
    assert app_prefix(other) != first
    monkeypatch.setenv(APP_ID_ENV, "shop")
    assert app_prefix(echo()) == app_prefix(other) == "limelight:shop:"


def test_a_mounted_app_takes_the_backend_of_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(BACKEND_ENV, "bogus://mounted")
    with pytest.raises(ValueError, match="Unknown backend 'bogus://mounted'"):
        gr.mount_gradio_app(Starlette(), echo(), path="/app")


def test_a_launched_app_serves_its_events_through_redis(redis_url: str) -> None:
    demo = echo()
    demo.launch(backend=redis_url, prevent_thread_lock=True, server_port=0, quiet=True)
    try:
        assert demo.local_url is not None
        with httpx.Client(base_url=demo.local_url) as client:
            body = {"data": ["hi"], "fn_index": 0, "session_hash": "s"}
            assert client.post("gradio_api/queue/join", json=body).status_code == 200
            stream = client.get("gradio_api/queue/data", params={"session_hash": "s"})
        assert completion(sse_messages(stream.text))["output"]["data"] == ["hi"]
        with redis.Redis.from_url(redis_url) as probe:
            assert probe.keys(f"{app_prefix(demo)}session*")
    finally:
        demo.close(verbose=False)
