"""Compare limelight's public surface with Gradio's: top-level names and signatures.

Usage (from the repository root, with limelight's venv):
    .venv/bin/python benchmarks/compat/surface.py --gradio-python .bench-venv-gradio/bin/python

Each side is read by its own interpreter (``--dump gradio`` / ``--dump limelight`` print a
JSON description), so Gradio is never imported into limelight's environment. Compared: the
public names of the two top-level namespaces (submodules aside), and the parameters (name,
kind, default) of ``Blocks.launch``, ``Blocks``, ``Interface``, ``ChatInterface`` and every
block class (components and layouts) that both namespaces have. A difference listed in
``ALLOWED``, with the reason it is deliberate, is not reported; an ``ALLOWED`` entry that no
longer matches is reported as stale. The exit status is 1 when anything is reported.

Both libraries pass a component's ``**kwargs`` on to its base class (limelight declares the
options every component shares once, as ``**options: Unpack[ComponentOptions]``): such a
signature is read as its own parameters followed by the base class's keyword parameters,
less those a limelight class lists in ``NOT_TAKEN`` (passing one is a ``TypeError``).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import subprocess
import sys
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["ALLOWED", "compare", "describe", "main"]

Param = dict[str, str]
Surface = dict[str, Any]

TOP_CALLABLES = {
    "launch": ("Blocks", "launch"),
    "Blocks": ("Blocks", "__init__"),
    "Interface": ("Interface", "__init__"),
    "ChatInterface": ("ChatInterface", "__init__"),
    "Server.api": ("Server", "api"),
    "Server.launch": ("Server", "launch"),
}
BLOCK_BASES = {"gradio": "gradio.blocks.Block", "limelight": "limelight.core.block.Block"}


def _each(reason: str, keys: str) -> dict[str, str]:
    """``ALLOWED`` entries for the ``" | "``-separated ``keys``, all for one ``reason``."""
    return dict.fromkeys(keys.split(" | "), reason)


_PAGE = ("theme", "css", "css_paths", "js", "head", "head_paths")
ALLOWED: dict[str, str] = {
    "Blocks.title: default": "the page title names limelight when the app sets none",
    **_each(
        "the page options are named parameters here; Gradio 6 takes them through **kwargs "
        "(deprecated there in favour of launch(), which both take)",
        " | ".join(
            f"{owner}.{name}: extra"
            for owner in ("Blocks", "Interface", "ChatInterface", "TabbedInterface")
            for name in _PAGE
        ),
    ),
    **_each(
        "Gradio's TabbedInterface has no **kwargs; limelight passes these on to Blocks, "
        "which honours them",
        "TabbedInterface.mode: extra | TabbedInterface.fill_height: extra | "
        "TabbedInterface.fill_width: extra | TabbedInterface.delete_cache: extra",
    ),
    **_each(
        "Gradio takes these through **kwargs but an app is not drawn as a block, so they do "
        "nothing there (render= is even a TypeError); limelight refuses them as unknown",
        " | ".join(
            f"{owner}.{name}: missing"
            for owner in ("Blocks", "Interface")
            for name in ("elem_id", "elem_classes", "visible", "render", "key", "preserved_by_key")
        ),
    ),
    "Interface.mode: missing": "Interface sets the mode itself; passing it is a TypeError in "
    "Gradio too",
    "Interface.allow_flagging: extra": "Gradio 4's name for flagging_mode, kept for older scripts",
    "Interface.time_limit: default": "Gradio applies it only to the stream events of a live "
    "Interface with streaming inputs, which limelight's Interface does not create; limelight "
    "bounds every call by time_limit, so by default it sets none",
    "launch.allowed_origins: extra": "limelight's own: other sites whose pages may call the app",
    "launch.file_store: extra": "limelight's own: an S3 bucket or a folder the app's processes "
    "share (docs/scaleout.md)",
    "launch.backend: extra": "limelight's own: where the app's shared state lives (a Redis "
    "URL), so that many processes serve one app",
    "Server.launch.backend: extra": "limelight's own, as launch.backend",
    "gr.Api: extra": "the never-drawn component that types gr.api endpoints; every registered "
    "component is public (Gradio keeps its equivalent internal)",
    "Dialogue.info: default": "limelight's own wording of the hint about tags",
    **_each(
        "limelight draws it: the shared info line under the label (block.tsx FieldLabel)",
        "Audio.info: extra | Code.info: extra | File.info: extra | Image.info: extra | "
        "ImageEditor.info: extra | ImageMask.info: extra | Model3D.info: extra | "
        "Paint.info: extra | PlayableVideo.info: extra | Sketchpad.info: extra | "
        "Video.info: extra | Files.info: extra | FileExplorer.info: extra | Mic.info: extra | "
        "Microphone.info: extra",
    ),
    **_each(
        "Gradio 4's name for buttons=['download'], still drawn by limelight",
        "Audio.show_download_button: extra | Image.show_download_button: extra | "
        "Video.show_download_button: extra | PlayableVideo.show_download_button: extra | "
        "Mic.show_download_button: extra | Microphone.show_download_button: extra",
    ),
    **_each(
        "limelight's own option, drawn by its view",
        "Audio.waveform: extra | HTML.sanitize: extra | Slider.show_reset_button: extra | "
        "CheckboxGroup.rtl: extra | Plot.interactive: extra | Dataset.interactive: extra | "
        "Checkboxgroup.rtl: extra | Mic.waveform: extra | Microphone.waveform: extra",
    ),
    **_each(
        "a shared option the page applies to every block the same way (corner buttons, the "
        "card, sizing, visibility, ids, reloading a callable value, keys)",
        "Component.buttons: extra | Button.buttons: extra | ClearButton.buttons: extra | "
        "ColorPicker.buttons: extra | MultimodalTextbox.buttons: extra | "
        "DataFrame.container: extra | Dataframe.container: extra | Dataset.value: extra | "
        "Dataset.every: extra | Dataset.inputs: extra | Dataset.buttons: extra | "
        "DateTime.container: extra | DateTime.inputs: extra | "
        "DeepLinkButton.container: extra | DeepLinkButton.buttons: extra | "
        "DownloadButton.container: extra | DownloadButton.buttons: extra | "
        "DuplicateButton.container: extra | DuplicateButton.buttons: extra | "
        "LoginButton.container: extra | LoginButton.buttons: extra | "
        "UploadButton.container: extra | UploadButton.buttons: extra | "
        "ParamViewer.container: extra | ParamViewer.scale: extra | "
        "ParamViewer.min_width: extra | ParamViewer.buttons: extra | "
        "ParamViewer.visible: extra | ParamViewer.elem_id: extra | "
        "ParamViewer.elem_classes: extra | Timer.key: extra | Timer.preserved_by_key: extra | "
        "Navbar.container: extra | Navbar.scale: extra | Navbar.min_width: extra | "
        "Navbar.every: extra | Navbar.inputs: extra | Navbar.buttons: extra | "
        "Navbar.preserved_by_key: extra | List.container: extra | Matrix.container: extra | "
        "Numpy.container: extra | Dialogue.every: extra | Dialogue.inputs: extra | "
        "Dialogue.preserved_by_key: extra",
    ),
    **_each(
        "the default is written differently but means the same (checked by instantiating: "
        "the class sets Gradio's value in its body, or the two values behave alike)",
        "Button.interactive: default | ClearButton.interactive: default | "
        "DeepLinkButton.interactive: default | DownloadButton.interactive: default | "
        "DuplicateButton.interactive: default | LoginButton.interactive: default | "
        "UploadButton.interactive: default | DuplicateButton.scale: default | "
        "Dataset.show_label: default | HTML.show_label: default | HTML.container: default | "
        "Markdown.container: default | HTML.value: default | Markdown.value: default | "
        "HTML.js_on_load: default | Dropdown.value: default | Timer.value: default | "
        "Dialogue.label: default | Draggable.preserved_by_key: default | "
        "Walkthrough.preserved_by_key: default | "
        "Button.min_width: default | ClearButton.min_width: default | "
        "DeepLinkButton.min_width: default | DownloadButton.min_width: default | "
        "DuplicateButton.min_width: default | LoginButton.min_width: default | "
        "UploadButton.min_width: default | HTML.min_width: default | "
        "Markdown.min_width: default",
    ),
    **_each(
        "Gradio's default is an icon file inside its own package, which limelight does not "
        "copy: these buttons show their text alone unless given an icon",
        "DeepLinkButton.icon: default | LoginButton.icon: default",
    ),
    "Component.min_width: default": "Gradio's base class leaves it to each component (most "
    "say 160, as limelight's base does); each component's own default matches Gradio's",
    "Dropdown.num_choices_shown: default": "limelight's list is virtualised: options are drawn "
    "as the user scrolls whatever the number, which is what Gradio's 100 bounds",
    **_each(
        "layouts hold no value, so which props a re-render keeps makes no difference",
        " | ".join(
            f"{layout}.preserved_by_key: default"
            for layout in ("Accordion", "Column", "Group", "Row", "Sidebar", "Tab", "TabItem")
        )
        + " | Tabs.preserved_by_key: default",
    ),
    **_each(
        "a private Gradio parameter (internal to its component machinery), not documented API",
        "Component.load_fn: missing | DuplicateButton._activate: missing | "
        "ImageEditor._selectable: missing | ImageMask._selectable: missing | "
        "Paint._selectable: missing | Sketchpad._selectable: missing",
    ),
    **_each(
        "limelight also takes Column's scale positionally, as Gradio 3 did",
        "Column.scale: kind | Column: positional order",
    ),
}
"""Deliberate differences, keyed as the report prints them, each with its reason."""


def _default(value: Any) -> str:
    """A default as comparable text: literals by ``repr``, other objects by type name."""
    if value is inspect.Parameter.empty:
        return "<required>"
    if value is None or isinstance(value, (bool, int, float, str, bytes)):
        return repr(value)
    if isinstance(value, (tuple, list, frozenset, set)) and all(
        item is None or isinstance(item, (bool, int, float, str)) for item in value
    ):
        return repr(value)
    if isinstance(value, type) or callable(value):
        return f"<{getattr(value, '__name__', type(value).__name__)}>"
    return f"<{type(value).__name__}>"


def _params(owner: type, attr: str) -> list[Param]:
    """The parameters of ``owner.attr`` (without ``self``), with ``**kwargs`` read as the
    keyword parameters of the same method in the base classes, where they are passed on
    (only those a ``**kwargs: Unpack[SomeTypedDict]`` names, when it is annotated so)."""
    found: list[Param] = []
    forwarded: inspect.Parameter | None = None
    accepted: frozenset[str] | None = None
    for cls in owner.__mro__:
        if attr not in vars(cls):
            continue
        method = vars(cls)[attr]
        names = {p["name"] for p in found}
        forwarded = None
        for param in list(inspect.signature(method).parameters.values())[1:]:
            if param.kind is inspect.Parameter.VAR_KEYWORD:
                forwarded = param
                accepted = accepted if accepted is not None else _unpacked(method, param.name)
                continue
            taken = param.name in names or (found and param.kind not in _KEYWORD_KINDS)
            if taken or (found and accepted is not None and param.name not in accepted):
                continue
            kind = param.kind.name if not found else "KEYWORD_ONLY"
            found.append({"name": param.name, "kind": kind, "default": _default(param.default)})
        if forwarded is None:
            break
    if forwarded is not None:
        found.append({"name": forwarded.name, "kind": "VAR_KEYWORD", "default": "<required>"})
    return found


def _unpacked(method: Any, name: str) -> frozenset[str] | None:
    """The keys of the TypedDict in ``**name: Unpack[...]``, or None when not annotated so."""
    try:
        hints = typing.get_type_hints(method, include_extras=True)
    except Exception:  # names imported only for type checkers: read the text instead
        return None
    args = typing.get_args(hints.get(name))
    if not args or not typing.is_typeddict(args[0]):
        return None
    return frozenset(typing.get_type_hints(args[0]))


_KEYWORD_KINDS = (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def describe(package: str) -> Surface:
    """The public surface of ``package`` (``"gradio"`` or ``"limelight"``) as plain data."""
    module = importlib.import_module(package)
    # Submodules (gr.utils, gr.routes, ...) are where each library keeps its code, not its API.
    names = sorted(
        name
        for name in dir(module)
        if not name.startswith("_") and not isinstance(getattr(module, name, None), ModuleType)
    )
    base_module, _, base_name = BLOCK_BASES[package].rpartition(".")
    block = getattr(importlib.import_module(base_module), base_name)
    callables: dict[str, list[Param]] = {}
    for label, (cls_name, attr) in TOP_CALLABLES.items():
        callables[label] = _params(getattr(module, cls_name), attr)
    for name in names:
        value = getattr(module, name, None)
        if isinstance(value, type) and issubclass(value, block) and name not in callables:
            refused = getattr(value, "NOT_TAKEN", frozenset())
            params = _params(value, "__init__")
            callables[name] = [p for p in params if p["name"] not in refused]
    return {"names": names, "callables": callables}


def _compare_params(label: str, theirs: list[Param], ours: list[Param]) -> list[str]:
    found: list[str] = []
    mine = {p["name"]: p for p in ours}
    other = {p["name"]: p for p in theirs}
    for name, param in other.items():
        if name not in mine:
            found.append(f"{label}.{name}: missing")
            continue
        for field in ("kind", "default"):
            if param[field] != mine[name][field]:
                found.append(f"{label}.{name}: {field}")
    found += [f"{label}.{name}: extra" for name in mine if name not in other]
    order_theirs = [p["name"] for p in theirs if p["name"] in mine and p["kind"] != "KEYWORD_ONLY"]
    order_ours = [p["name"] for p in ours if p["name"] in other and p["kind"] != "KEYWORD_ONLY"]
    if order_theirs != order_ours:
        found.append(f"{label}: positional order")
    return found


def compare(gradio: Surface, limelight: Surface) -> dict[str, str]:
    """Every difference, keyed as ``ALLOWED`` keys it, with a line explaining it."""
    found: dict[str, str] = {}
    theirs, ours = set(gradio["names"]), set(limelight["names"])
    for name in sorted(theirs - ours):
        found[f"gr.{name}: missing"] = "Gradio has it, limelight does not"
    for name in sorted(ours - theirs):
        found[f"gr.{name}: extra"] = "limelight has it, Gradio does not"
    for label, params in gradio["callables"].items():
        if label not in limelight["callables"]:
            continue
        ours_params = limelight["callables"][label]
        details = {p["name"]: p for p in params}
        mine = {p["name"]: p for p in ours_params}
        for key in _compare_params(label, params, ours_params):
            name, _, what = key.partition(": ")
            param = name.partition(".")[2]
            found[key] = _explain(what, details.get(param), mine.get(param))
    return found


def _explain(what: str, theirs: Param | None, ours: Param | None) -> str:
    if what in ("kind", "default") and theirs and ours:
        return f"Gradio {theirs[what]}, limelight {ours[what]}"
    return {"missing": "only Gradio has it", "extra": "only limelight has it"}.get(what, what)


def _dump(python: str, package: str) -> Surface:
    result = subprocess.run(
        [python, str(Path(__file__).resolve()), "--dump", package],
        capture_output=True,
        text=True,
        check=True,
        env={"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "PATH": ""},
    )
    surface: Surface = json.loads(result.stdout)
    return surface


def main(argv: list[str] | None = None) -> int:
    """Print the differences not in ``ALLOWED`` (and stale ``ALLOWED`` entries)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gradio-python", help="a Python with gradio installed")
    parser.add_argument("--dump", choices=sorted(BLOCK_BASES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dump:
        print(json.dumps(describe(args.dump)))
        return 0
    if not args.gradio_python:
        parser.error("--gradio-python is required")
    found = compare(_dump(args.gradio_python, "gradio"), _dump(sys.executable, "limelight"))
    unexplained = {key: line for key, line in found.items() if key not in ALLOWED}
    stale = sorted(key for key in ALLOWED if key not in found)
    for key, line in unexplained.items():
        print(f"{key}  ({line})")
    for key in stale:
        print(f"stale allowed difference: {key}")
    allowed = len(found) - len(unexplained)
    print(f"{len(unexplained)} unexplained, {allowed} allowed, {len(stale)} stale")
    return 1 if unexplained or stale else 0


if __name__ == "__main__":
    sys.exit(main())
