"""The compat harness's fairness rules: clock readings taken while both servers started and
numbers Gradio sends as text count as equal; a demo behind a login is checked with the
credentials it gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.compat.eligible import ineligible_reason
from benchmarks.compat.equivalence import equal_but, number_as_text, startup_clock
from benchmarks.compat.login import demo_auth


def test_timestamps_within_the_start_up_window_are_equal() -> None:
    ours = {"data": [[1796672149370, 784, "DAL"]], "when": "2026-12-07 19:30:01"}
    theirs = {"data": [[1796672154928, 784, "DAL"]], "when": "2026-12-07 19:30:04"}
    assert equal_but(ours, theirs, startup_clock(6.0))
    assert not equal_but(ours, theirs, startup_clock(5.0))


def test_other_differences_still_count() -> None:
    assert not equal_but([1796672149370, 1], [1796672149370, 2], startup_clock(60.0))
    assert not equal_but({"a": 1}, {"b": 1}, startup_clock(60.0))
    assert not equal_but([100, "x"], [101, "x"], startup_clock(60.0))


def test_a_number_gradio_sends_as_its_text_is_equal() -> None:
    assert equal_but([0, {"n": 2.5}], ["0", {"n": "2.5"}], number_as_text)
    assert not equal_but([0], ["1"], number_as_text)
    assert not equal_but([True], ["True"], number_as_text)
    assert not equal_but(["0"], [0], number_as_text)


@pytest.mark.parametrize(
    ("launch", "expected"),
    [
        ('demo.launch(auth=("admin", "pass"))', ("admin", "pass")),
        ('demo.launch(auth=[("a", "1"), ("b", "2")], share=False)', ("a", "1")),
        ("demo.launch(auth=check_password)", None),
        ("demo.launch()", None),
    ],
)
def test_the_login_a_demo_gives_is_read_from_its_launch(
    tmp_path: Path, launch: str, expected: tuple[str, str] | None
) -> None:
    (tmp_path / "run.py").write_text(f"import gradio as gr\ndemo = gr.Blocks()\n{launch}\n")
    assert demo_auth(tmp_path) == expected


def test_a_demo_asking_for_a_share_link_reaches_outside(tmp_path: Path) -> None:
    (tmp_path / "run.py").write_text("import gradio as gr\ngr.Blocks().launch(share=True)\n")
    assert ineligible_reason(tmp_path) == "reaches outside (run.py: 'share=True')"
