"""Dataset: rows of samples; the payload is the clicked row's index."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.components import PayloadError


def test_props_show_samples_as_their_components_do() -> None:
    text, number = gr.Textbox(label="Name"), gr.Number(label="Age", precision=0)
    dataset = gr.Dataset(components=[text, number], samples=[["a", 1.4], ["b", 2]])
    props = dataset.config()["props"]
    assert props["components"] == ["textbox", "number"]
    assert props["headers"] == ["Name", "Age"]
    assert props["samples"] == [["a", 1], ["b", 2]]


@pytest.mark.parametrize(
    ("kind", "expected"), [("values", ["b", 2]), ("index", 1), ("tuple", (1, ["b", 2]))]
)
def test_preprocess_by_type(kind: str, expected: object) -> None:
    dataset = gr.Dataset(
        components=[gr.Textbox(), gr.Number()],
        samples=[["a", 1], ["b", 2]],
        type=kind,  # type: ignore[arg-type]
    )
    assert dataset.preprocess(1) == expected


@pytest.mark.parametrize("bad", [5, -1, "0", True])
def test_bad_index_is_refused(bad: object) -> None:
    dataset = gr.Dataset(components=[gr.Textbox()], samples=[["a"]])
    with pytest.raises(PayloadError):
        dataset.preprocess(bad)


def test_samples_can_be_updated() -> None:
    dataset = gr.Dataset(components=[gr.Number(precision=0)], samples=[[1]])
    assert dataset.normalize_prop("samples", [[2.2], [3]]) == [[2], [3]]
    assert dataset.preprocess(1) == [3]


def test_a_sample_file_that_is_not_there_is_shown_as_text(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.png")
    dataset = gr.Dataset(components=[gr.Image()], samples=[[missing]])
    assert dataset.config()["props"]["samples"] == [[missing]]
