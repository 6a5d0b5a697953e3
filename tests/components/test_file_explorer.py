"""FileExplorer: checked files as absolute paths under ``root_dir``; folders listed by the
``ls`` server function, never outside ``root_dir``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import limelight as gr
from limelight.app.api_info import build_api_info
from limelight.components import PayloadError
from tests.support import asgi_client, completion, run_event


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "deep").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "b.py").write_text("b")
    (tmp_path / "docs" / "c.txt").write_text("c")
    (tmp_path / "docs" / "deep" / "d.txt").write_text("d")
    (tmp_path.parent / "secret.txt").write_text("no")
    return tmp_path


def test_checked_files_pass_as_absolute_paths(root: Path) -> None:
    many = gr.FileExplorer(root_dir=root)
    assert many.preprocess([["a.txt"], ["docs", "c.txt"]]) == [
        str(root / "a.txt"),
        str(root / "docs" / "c.txt"),
    ]
    one = gr.FileExplorer(root_dir=root, file_count="single")
    assert one.preprocess([["b.py"]]) == str(root / "b.py")
    assert one.preprocess([]) is None and one.preprocess(None) is None
    with pytest.raises(PayloadError, match="Expected one file"):
        one.preprocess([["a.txt"], ["b.py"]])


@pytest.mark.parametrize("bad", [[".."], ["..", "secret.txt"], ["docs", "..", ".."], ["/etc"]])
def test_paths_outside_the_root_are_refused(root: Path, bad: list[str]) -> None:
    explorer = gr.FileExplorer(root_dir=root)
    with pytest.raises(PayloadError, match="Not a path under"):
        explorer.preprocess([bad])
    with pytest.raises(PayloadError):
        explorer.ls(bad)


def test_a_link_out_of_the_root_is_refused(root: Path) -> None:
    (root / "out").symlink_to(root.parent)
    with pytest.raises(PayloadError):
        gr.FileExplorer(root_dir=root).ls(["out"])


def test_values_show_relative_to_the_root(root: Path) -> None:
    explorer = gr.FileExplorer(root_dir=root, value=["docs/c.txt"])
    assert explorer.value == [["docs", "c.txt"]]
    assert explorer.postprocess(str(root / "a.txt")) == [["a.txt"]]
    assert explorer.postprocess(None) is None


def test_ls_lists_folders_then_matching_files(root: Path) -> None:
    everything = gr.FileExplorer(root_dir=root)
    assert everything.ls() == [
        {"name": "docs", "type": "folder", "valid": True},
        {"name": "a.txt", "type": "file", "valid": True},
        {"name": "b.py", "type": "file", "valid": True},
    ]
    texts = gr.FileExplorer("**/*.txt", root_dir=root, ignore_glob="**/deep")
    assert [e["name"] for e in texts.ls()] == ["docs", "a.txt"]
    assert texts.ls()[0]["valid"] is False
    assert [e["name"] for e in texts.ls(["docs"])] == ["c.txt"]
    assert gr.FileExplorer(root_dir=root).ls(["missing"]) == []


def test_root_must_be_a_folder(root: Path) -> None:
    with pytest.raises(ValueError, match="root_dir is not a folder"):
        gr.FileExplorer(root_dir=root / "a.txt")
    with pytest.raises(ValueError, match="file_count"):
        gr.FileExplorer(root_dir=root, file_count="directory")  # type: ignore[arg-type]


def test_config_and_api_info_match_gradio(root: Path) -> None:
    config = gr.FileExplorer(root_dir=root).config()
    props = config["props"]
    assert (props["root_dir"], props["glob"], props["file_count"]) == (
        str(root),
        "**/*",
        "multiple",
    )
    assert props["server_fns"] == ["ls"] and props["max_height"] == 500
    assert config["api_info"]["title"] == "FileExplorerData"
    with gr.Blocks() as demo:
        explorer = gr.FileExplorer(root_dir=root)
        explorer.change(lambda paths: paths, explorer, explorer, api_name="echo")
    endpoint = build_api_info(demo, root_url="")["named_endpoints"]["/echo"]
    assert endpoint["parameters"][0]["python_type"]["type"] == "list[list[str]]"
    assert endpoint["parameters"][0]["component"] == "Fileexplorer"


def _ls_body(component: gr.FileExplorer, folder: list[str], session: str) -> dict[str, Any]:
    return {"session_hash": session, "component_id": component.id, "fn_name": "ls", "data": folder}


@pytest.mark.anyio
async def test_the_page_lists_folders_of_the_root_its_session_was_given(root: Path) -> None:
    other = root / "docs"
    with gr.Blocks() as demo:
        explorer = gr.FileExplorer(root_dir=root)
        pick = gr.Textbox()
        pick.submit(lambda _: gr.FileExplorer(root_dir=str(other)), pick, explorer)
    async with asgi_client(demo) as client:
        first = await client.post("/gradio_api/component_server", json=_ls_body(explorer, [], "s1"))
        assert [e["name"] for e in first.json()] == ["docs", "a.txt", "b.py"]
        refused = await client.post(
            "/gradio_api/component_server", json=_ls_body(explorer, [".."], "s1")
        )
        assert refused.status_code == 400
        await run_event(client, 0, ["x"], session_hash="s2")
        moved = await client.post("/gradio_api/component_server", json=_ls_body(explorer, [], "s2"))
        still = await client.post("/gradio_api/component_server", json=_ls_body(explorer, [], "s1"))
    assert [e["name"] for e in moved.json()] == ["deep", "c.txt"]
    assert [e["name"] for e in still.json()] == ["docs", "a.txt", "b.py"]


@pytest.mark.anyio
async def test_an_event_gets_the_checked_paths(root: Path) -> None:
    with gr.Blocks() as demo:
        explorer = gr.FileExplorer(root_dir=root, file_count="single")
        out = gr.Textbox()
        explorer.change(lambda path: os.path.basename(path), explorer, out)
    async with asgi_client(demo) as client:
        done = completion(await run_event(client, 0, [[["docs", "c.txt"]]]))
    assert done["output"]["data"] == ["c.txt"]
