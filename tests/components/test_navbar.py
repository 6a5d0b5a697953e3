"""Navbar: a list of (text, url) links and the main page's name."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components.base import PayloadError


def test_links_and_props() -> None:
    navbar = gr.Navbar(value=[("About", "https://example.com")], main_page_name="Dashboard")
    assert navbar.postprocess([("About", "https://example.com")]) == [
        ["About", "https://example.com"]
    ]
    assert navbar.component_props() == {"main_page_name": "Dashboard"}
    assert navbar.preprocess([["a", "b"]]) == [["a", "b"]]
    assert navbar.api_info() == {}


def test_bad_values_are_refused() -> None:
    with pytest.raises(TypeError):
        gr.Navbar().postprocess("https://example.com")
    with pytest.raises(TypeError):
        gr.Navbar().postprocess([("only text",)])
    for bad in ("x", [["a"]], [[1, 2]]):
        with pytest.raises(PayloadError):
            gr.Navbar().check_payload(bad)
