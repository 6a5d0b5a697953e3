"""``launch()`` keywords checked before anything is served: what limelight refuses (and
says so), what it resolves, and that a misspelled keyword is a ``TypeError``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.exceptions import UnsupportedOption
from limelight.interfaces import blocks
from limelight.interfaces._launch_options import (
    app_options,
    resolve_footer_links,
    resolve_root_path,
)


def _demo() -> gr.Blocks:
    with gr.Blocks() as demo:
        gr.Textbox()
    return demo


def test_a_misspelled_keyword_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="server_prot"):
        _demo().launch(prevent_thread_lock=True, server_prot=7860)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"inline": True}, "inline=True"),
        ({"ssr_mode": True}, "ssr_mode=True"),
        ({"enable_monitoring": True}, "enable_monitoring=True"),
        ({"run_history": True}, "run_history=True"),
        ({"app_kwargs": {"docs_url": "/docs"}}, "app_kwargs={'docs_url'"),
    ],
)
def test_features_limelight_lacks_are_refused_before_serving(
    options: dict[str, Any], named: str
) -> None:
    demo = _demo()
    with pytest.raises(UnsupportedOption, match="not supported by limelight") as caught:
        demo.launch(prevent_thread_lock=True, quiet=True, **options)
    assert named in str(caught.value)
    assert demo.server is None


@pytest.mark.parametrize("variable", ["GRADIO_SSR_MODE"])
def test_the_variables_that_ask_for_those_features_are_refused_too(
    variable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, "True")
    with pytest.raises(UnsupportedOption):
        _demo().launch(prevent_thread_lock=True, quiet=True)


def test_the_defaults_and_false_of_those_keywords_serve_the_app() -> None:
    demo = _demo()
    demo.launch(
        inline=False,
        share=False,
        ssr_mode=False,
        mcp_server=False,
        enable_monitoring=False,
        run_history=False,
        height=300,
        width="50%",
        server_port=0,
        prevent_thread_lock=True,
        quiet=True,
    )
    try:
        assert demo.server is not None
    finally:
        demo.close(verbose=False)


def test_keywords_that_do_not_go_together(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="auth or auth_dependency"):
        _demo().launch(auth=("a", "b"), auth_dependency=lambda request: "a")
    with pytest.raises(ValueError, match="together"):
        _demo().launch(ssl_keyfile=str(tmp_path / "key.pem"))
    with pytest.raises(TypeError, match=r"gr\.I18n"):
        _demo().launch(i18n={"en": {}})  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError, match="favicon_path"):
        _demo().launch(favicon_path=tmp_path / "missing.png")


def test_footer_links() -> None:
    assert resolve_footer_links(None) == ["api", "gradio", "settings"]
    assert resolve_footer_links([]) == []
    mine = {"label": "Docs", "url": "https://example.com/docs"}
    assert resolve_footer_links(["gradio", mine]) == ["gradio", mine]
    with pytest.raises(UnsupportedOption, match="run history"):
        resolve_footer_links(["runs"])
    with pytest.raises(ValueError, match="Unknown footer link"):
        resolve_footer_links(["apí"])
    with pytest.raises(ValueError, match="'label' and a 'url'"):
        resolve_footer_links([{"text": "Docs"}])


def test_root_path_comes_from_the_keyword_or_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_root_path("/myapp/") == "/myapp"
    assert resolve_root_path("https://example.com/app/") == "https://example.com/app"
    monkeypatch.setenv("GRADIO_ROOT_PATH", "/fromenv")
    assert resolve_root_path(None) == "/fromenv"
    assert resolve_root_path("") == ""
    with pytest.raises(ValueError, match="root_path"):
        resolve_root_path("myapp")


def test_app_kwargs_take_what_a_starlette_app_takes() -> None:
    assert app_options({"debug": True}) == {"debug": True}
    assert app_options(None) == {}
    with pytest.raises(UnsupportedOption, match="Starlette"):
        app_options({"openapi_url": None})


@pytest.mark.parametrize(
    ("debug", "prevent", "variable", "blocks_thread"),
    [
        (False, False, None, True),
        (False, True, None, False),
        (True, True, None, True),
        (False, True, "1", True),
    ],
)
def test_debug_blocks_the_main_thread_even_with_prevent_thread_lock(
    debug: bool,
    prevent: bool,
    variable: str | None,
    blocks_thread: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if variable is not None:
        monkeypatch.setenv("GRADIO_DEBUG", variable)
    waited: list[bool] = []
    demo = _demo()
    monkeypatch.setattr(demo, "block_thread", lambda: waited.append(True))
    demo.launch(debug=debug, prevent_thread_lock=prevent, server_port=0, quiet=True)
    demo.close(verbose=False)
    assert waited == ([True] if blocks_thread else [])
    assert blocks.launch_overrides == {}


def test_launch_hands_its_options_to_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    icon = tmp_path / "icon.png"
    icon.write_bytes(b"png")
    monkeypatch.setenv("GRADIO_ROOT_PATH", "/fromenv")

    def user_of(request: object) -> str:
        return "ada"

    app, _, _ = _demo().launch(
        favicon_path=icon,
        pwa=True,
        strict_cors=False,
        state_session_capacity=5,
        auth_dependency=user_of,
        auth_message="Ask",
        server_port=0,
        prevent_thread_lock=True,
        quiet=True,
    )
    services = app.state.services
    try:
        settings = services.settings
        assert (settings.favicon_path, settings.pwa, settings.strict_cors) == (
            str(icon),
            True,
            False,
        )
        assert (settings.root_path, settings.auth_dependency) == ("/fromenv", user_of)
        assert settings.auth_message == "Ask"
        assert services.sessions.capacity == 5
    finally:
        services.app.close(verbose=False)


def test_app_takes_a_starlette_or_fastapi_application() -> None:
    demo = _demo()
    with pytest.raises(TypeError, match="FastAPI or Starlette"):
        demo.launch(prevent_thread_lock=True, quiet=True, _app=object())  # type: ignore[arg-type]
    assert demo.server is None


def test_the_guards_take_their_limits_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LIMELIGHT_MAX_PENDING_PER_SESSION", "3")
    monkeypatch.setenv("LIMELIGHT_LOGIN_TTL", "none")
    monkeypatch.setenv("LIMELIGHT_FILE_ACCESS", "strict")
    with gr.Blocks() as demo:
        gr.Textbox()
    asgi, _, _ = demo.launch(server_port=0, prevent_thread_lock=True, quiet=True)
    try:
        settings = asgi.state.services.settings
    finally:
        demo.close(verbose=False)
    assert settings.max_pending_per_session == 3
    assert settings.login_ttl is None and settings.strict_file_access is True
    assert settings.allowed_hosts == []  # bound to loopback: the Host is checked
    for name, value in (("FILE_ACCESS", "loose"), ("HEADER_TIMEOUT", "soon")):
        monkeypatch.setenv(f"LIMELIGHT_{name}", value)
        with pytest.raises(ValueError, match=f"LIMELIGHT_{name}"):
            demo.launch(server_port=0, prevent_thread_lock=True, quiet=True)
        monkeypatch.delenv(f"LIMELIGHT_{name}")
