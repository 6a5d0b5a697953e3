"""Every public name of Gradio 6.31's top-level namespace exists in limelight, and the small
ones behave as Gradio's do: the other spellings, the preset components, the data classes."""

from __future__ import annotations

import pytest

import limelight as gr
from limelight.components import component_from
from tests.support import free_port

GRADIO_6_31_NAMES = (
    "Accordion",
    "AnnotatedImage",
    "Annotatedimage",
    "Audio",
    "BarPlot",
    "Blocks",
    "BrowserState",
    "Brush",
    "Button",
    "CSVLogger",
    "Cache",
    "ChatInterface",
    "ChatMessage",
    "Chatbot",
    "Checkbox",
    "CheckboxGroup",
    "Checkboxgroup",
    "ClearButton",
    "Code",
    "ColorPicker",
    "Column",
    "Component",
    "CopyData",
    "DataFrame",
    "Dataframe",
    "Dataset",
    "DateTime",
    "DeepLinkButton",
    "DeletedFileData",
    "Dialogue",
    "DownloadButton",
    "DownloadData",
    "Draggable",
    "Dropdown",
    "DuplicateButton",
    "EditData",
    "Eraser",
    "Error",
    "EventData",
    "Examples",
    "File",
    "FileData",
    "FileExplorer",
    "FileSize",
    "Files",
    "FlaggingCallback",
    "Gallery",
    "Group",
    "HTML",
    "Header",
    "Highlight",
    "HighlightedText",
    "Highlightedtext",
    "I18n",
    "Image",
    "ImageEditor",
    "ImageMask",
    "ImageSlider",
    "Info",
    "InputHTMLAttributes",
    "Interface",
    "JSON",
    "Json",
    "KeyUpData",
    "Label",
    "LayerOptions",
    "LikeData",
    "LinePlot",
    "List",
    "LoginButton",
    "Markdown",
    "Matrix",
    "MessageDict",
    "Mic",
    "Microphone",
    "Model3D",
    "MultimodalTextbox",
    "NO_RELOAD",
    "Navbar",
    "Number",
    "Numpy",
    "OAuthProfile",
    "OAuthToken",
    "Paint",
    "ParamViewer",
    "PlayableVideo",
    "Plot",
    "Progress",
    "Radio",
    "Request",
    "RetryData",
    "Row",
    "ScatterPlot",
    "SelectData",
    "Server",
    "Sidebar",
    "SimpleCSVLogger",
    "Sketchpad",
    "Slider",
    "State",
    "Step",
    "Success",
    "Tab",
    "TabItem",
    "TabbedInterface",
    "Tabs",
    "Text",
    "TextArea",
    "Textbox",
    "Theme",
    "Timer",
    "UndoData",
    "UploadButton",
    "Video",
    "Walkthrough",
    "Warning",
    "WatermarkOptions",
    "WaveformOptions",
    "WebcamOptions",
    "Workflow",
    "WorkflowCanvas",
    "api",
    "cache",
    "close_all",
    "component",
    "deploy",
    "get_audio",
    "get_file",
    "get_image",
    "get_model3d",
    "get_package_version",
    "get_video",
    "load",
    "load_chat",
    "load_ipython_extension",
    "load_openapi",
    "mount_gradio_app",
    "on",
    "render",
    "set_static_paths",
    "skip",
    "update",
    "validate",
)
"""``dir(gradio)`` of Gradio 6.31 without its submodules and private names, written down
(gradio is never a dependency of limelight)."""


@pytest.mark.parametrize("name", GRADIO_6_31_NAMES)
def test_every_gradio_name_exists(name: str) -> None:
    assert getattr(gr, name) is not None
    assert name in gr.__all__


def test_components_submodule_is_reachable_as_an_attribute() -> None:
    assert gr.components.Dataframe is gr.Dataframe


def test_other_spellings_are_the_same_classes() -> None:
    assert gr.Json is gr.JSON
    assert gr.Annotatedimage is gr.AnnotatedImage
    assert gr.Checkboxgroup is gr.CheckboxGroup
    assert gr.Highlight is gr.Highlightedtext is gr.HighlightedText
    assert gr.Mic is gr.Microphone


def test_preset_components_set_gradio_defaults() -> None:
    files = gr.Files()
    assert isinstance(files, gr.File) and files.file_count == "multiple"
    mic = gr.Microphone(sources=["upload"])
    assert isinstance(mic, gr.Audio) and mic.sources == ["microphone"]
    numpy, matrix, column = gr.Numpy(), gr.Matrix(), gr.List()
    assert (numpy.type, matrix.type, column.type) == ("numpy", "array", "array")
    assert numpy.row_count == (1, "dynamic") and column.column_count == 1
    assert gr.Numpy(type="array").type == "array"


def test_shortcut_strings_give_the_preset_classes() -> None:
    expected = {
        "files": gr.Files,
        "numpy": gr.Numpy,
        "matrix": gr.Matrix,
        "list": gr.List,
        "microphone": gr.Microphone,
        "textarea": gr.TextArea,
        "playable_video": gr.PlayableVideo,
    }
    for shortcut, cls in expected.items():
        assert type(component_from(shortcut)) is cls, shortcut


def test_component_makes_one_from_its_name() -> None:
    with gr.Blocks() as demo:
        box = gr.component("textbox", render=True)
        hidden = gr.component("CheckboxGroup", render=False)
    assert isinstance(box, gr.Textbox) and isinstance(hidden, gr.CheckboxGroup)
    assert box in demo.walk() and hidden not in demo.walk()
    with pytest.raises(ValueError, match="Unknown component shortcut 'nope'"):
        gr.component("nope", render=False)


def test_file_size_units_are_powers_of_1024() -> None:
    assert (gr.FileSize.B, gr.FileSize.KB, gr.FileSize.MB) == (1, 1024, 1024**2)
    assert gr.FileSize.TB == 1024 * gr.FileSize.GB == 1024**4


def test_file_data_is_the_wire_model() -> None:
    data = gr.FileData(path="/tmp/a.txt", orig_name="a.txt")
    assert data.model_dump()["meta"] == {"_type": "gradio.FileData"}


def test_download_data_reads_the_file_the_page_or_a_client_sends() -> None:
    file = {"path": "/tmp/a.txt", "orig_name": "a.txt"}
    from_page = gr.DownloadData(None, {"index": 0, "value": file})
    from_client = gr.DownloadData(None, file)
    assert from_page.file is not None and from_page.file.orig_name == "a.txt"
    assert from_client.file is not None and from_client.file.path == "/tmp/a.txt"
    assert gr.DownloadData(None, None).file is None


def test_html_attributes_reach_the_page() -> None:
    attributes = gr.InputHTMLAttributes(spellcheck=False, autocorrect="off", lang="fr")
    for component in (
        gr.Textbox(html_attributes=attributes),
        gr.MultimodalTextbox(html_attributes=attributes),
    ):
        sent = component.config()["props"]["html_attributes"]
        assert sent["spellcheck"] is False and sent["autocorrect"] == "off"
        assert sent["lang"] == "fr" and sent["tabindex"] is None
    with pytest.raises(TypeError, match="InputHTMLAttributes"):
        gr.Textbox(html_attributes=["spellcheck"]).config()  # type: ignore[arg-type]


def test_no_reload_is_true_without_a_reload_mode() -> None:
    ran = []
    if gr.NO_RELOAD:
        ran.append("once")
    assert ran == ["once"]


def test_package_version_is_limelights() -> None:
    assert gr.get_package_version() == gr.__version__


def test_close_all_stops_every_launched_app() -> None:
    apps = [gr.Blocks(), gr.Blocks()]
    for app in apps:
        with app:
            gr.Textbox()
        app.launch(prevent_thread_lock=True, quiet=True, server_port=free_port())
    assert all(app.server is not None for app in apps)
    gr.close_all(verbose=False)
    assert all(app.server is None for app in apps)
