"""File, UploadButton and DownloadButton: paths or bytes, single or multiple, file types."""

from __future__ import annotations

from pathlib import Path

import pytest

import limelight as gr
from limelight.components.base import PayloadError
from limelight.components.file import accepts_type


@pytest.fixture
def note(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "note.txt"
    path.write_text("hi")
    return {"path": str(path), "orig_name": "note.txt"}


@pytest.mark.parametrize(
    ("name", "types", "ok"),
    [
        ("a.txt", None, True),
        ("a.txt", [".txt"], True),
        ("a.TXT", [".txt"], True),
        ("a.png", ["image"], True),
        ("a.png", ["audio", ".wav"], False),
        ("a.csv", ["file"], True),
        ("a.txt.exe", [".txt"], False),
    ],
)
def test_accepts_type(name: str, types: list[str] | None, ok: bool) -> None:
    assert accepts_type(name, types) is ok


def test_single_multiple_and_binary(note: dict[str, str]) -> None:
    assert gr.File().preprocess(note) == str(Path(note["path"]).resolve())
    assert gr.File(type="binary").preprocess(note) == b"hi"
    assert len(gr.File(file_count="multiple").preprocess([note, note])) == 2
    with pytest.raises(PayloadError, match="one file"):
        gr.File().preprocess([note])


def test_refused_type_names_the_file(note: dict[str, str]) -> None:
    with pytest.raises(PayloadError, match=r"Invalid file type: note\.txt"):
        gr.File(file_types=[".csv"]).preprocess(note)


def test_outputs_are_file_data(note: dict[str, str]) -> None:
    one = gr.File().postprocess(note["path"])
    assert one["orig_name"] == "note.txt" and one["size"] == 2
    assert [f["orig_name"] for f in gr.File().postprocess([note["path"], note["path"]])] == [
        "note.txt",
        "note.txt",
    ]
    assert gr.File(file_count="multiple").api_info()["type"] == "array"


def test_shape_is_checked_before_queueing() -> None:
    with pytest.raises(PayloadError, match="FileData"):
        gr.File().check_payload("just a string")
    gr.File().check_payload({"path": "/anything", "meta": {"_type": "gradio.FileData"}})


def test_buttons_take_label_first(note: dict[str, str]) -> None:
    upload = gr.UploadButton("Pick", file_types=[".txt"])
    assert upload.config()["props"]["label"] == "Pick"
    assert upload.preprocess(note) == str(Path(note["path"]).resolve())
    download = gr.DownloadButton("Get it", value=note["path"])
    assert download.config()["props"]["label"] == "Get it"
    assert download.config()["props"]["value"]["orig_name"] == "note.txt"


def test_file_parameters_show_as_filepath_in_the_api_docs() -> None:
    from limelight.app.api_info import python_type

    for component in (gr.File(), gr.Image(), gr.Audio(), gr.DownloadButton()):
        assert python_type(component.api_info()) == "filepath"


def test_a_filepath_also_has_its_path_as_name(note: dict[str, str]) -> None:
    path = gr.File().preprocess(note)
    assert isinstance(path, str) and path.name == path == str(Path(note["path"]).resolve())
    assert all(p.name == p for p in gr.File(file_count="multiple").preprocess([note, note]))
