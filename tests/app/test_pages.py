"""``Blocks.route``: page paths, which page blocks and listeners belong to."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.app._pages import page_path


def test_paths_come_from_the_name_or_are_stripped_of_slashes() -> None:
    assert page_path("My Page", None, []) == "my-page"
    assert page_path("cached_examples", None, []) == "cached_examples"
    assert page_path("Über Straße!", None, []) == "uber-strae"
    assert page_path("a  b--c.d", None, []) == "a-b-cd"
    assert page_path("x", "/settings/", []) == "settings"


def test_taken_and_reserved_paths_get_an_underscore() -> None:
    assert page_path("Up", None, ["up"]) == "_up"
    assert page_path("Config", None, []) == "_config"


def test_bad_paths_are_refused() -> None:
    with pytest.raises(ValueError, match="may only hold"):
        page_path("x", "a/b c", [])
    with pytest.raises(ValueError, match="server's own"):
        page_path("x", "gradio_api", [])
    with pytest.raises(ValueError, match="Cannot make a page path"):
        page_path("!!!", None, [])


def test_route_inside_the_with_block_is_refused() -> None:
    with gr.Blocks() as demo, pytest.raises(ValueError, match="unindent"):
        demo.route("Later")


def test_blocks_and_listeners_belong_to_the_page_open_when_made() -> None:
    with gr.Blocks() as demo:
        with gr.Row():
            first = gr.Textbox()
        demo.load(lambda: "x", None, first)
    with demo.route("Second", show_in_navbar=False) as second:
        other = gr.Textbox()
        second.load(lambda: "y", None, other)
        gr.Textbox(value=lambda: "now")
    assert second is demo
    assert demo.pages == [("", "Home", True), ("second", "Second", False)]
    assert demo.page_of(first) == "" and demo.page_of(other) == "second"
    assert demo.page_of(gr.Textbox(render=False)) is None
    assert [dep.page for dep in demo.fns] == ["", "second", "second"]


def test_one_navbar_per_page() -> None:
    with gr.Blocks() as demo:
        gr.Navbar()
    with demo.route("Other"):
        gr.Navbar()
    with pytest.raises(ValueError, match=r"Only one gr\.Navbar"), demo.route("Third"):
        gr.Navbar()
        gr.Navbar()
