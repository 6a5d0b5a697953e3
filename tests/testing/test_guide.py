"""The testing guide's sample (docs/guides/testing.md): tests of demos/counter_state.py and
demos/blocks_streaming.py written with limelight.testing."""

import runpy
from pathlib import Path

from limelight.testing import AppTester

DEMOS = Path(__file__).resolve().parents[2] / "demos"


def load(name: str) -> dict:
    """The globals of ``demos/<name>.py``: its ``demo`` and components, built afresh."""
    return runpy.run_path(str(DEMOS / f"{name}.py"), run_name="demo_under_test")


def test_each_visitor_counts_on_their_own() -> None:
    app = load("counter_state")
    with AppTester(app["demo"]) as page:
        page.click(app["add"])
        page.click(app["add"])
        assert page.value(app["shown"]) == 2
        assert page.state(app["count"]) == 2

        visitor = page.new_page()
        visitor.click(app["add"])
        assert visitor.value(app["shown"]) == 1


def test_stream_shows_the_words_one_by_one() -> None:
    app = load("blocks_streaming")
    with AppTester(app["demo"]) as page:
        page.set(app["text"], "one two three")
        result = page.click(app["stream_btn"])
        assert result.steps == [["one"], ["one two"], ["one two three"]]
        assert page.value(app["output"]) == "one two three"


def test_shout_warns_then_errors_on_empty_text() -> None:
    app = load("blocks_streaming")
    with AppTester(app["demo"]) as page:
        page.set(app["text"], "hey")
        page.click(app["shout_btn"])
        assert page.toasts[0].message == "Shouting!"
        assert page.value(app["output"]) == "HEY!"

        page.set(app["text"], "")
        error = page.click(app["shout_btn"]).error
        assert error is not None and error.message == "Type something first."


def test_reverse_then_counts_the_letters() -> None:
    app = load("blocks_streaming")
    with AppTester(app["demo"]) as page:
        page.set(app["text"], "abc")
        page.click(app["reverse_btn"])  # .then(len, ...) runs after it, as in the browser
        assert page.value(app["output"]) == "cba"
        assert page.value(app["length"]) == 3
