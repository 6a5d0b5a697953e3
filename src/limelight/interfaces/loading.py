"""``gr.load``: a running Gradio or limelight app, given by its URL, as a ``Blocks`` of this
process that draws the same components and passes each event on to the app (through its
queue, ``interfaces/_remote.py``). Hugging Face models and Spaces need the Hub, which
limelight does not reach: they are refused, as is every keyword that only they use.

The loaded app's components are made again from its ``/config`` (each with the props its
class takes); its events keep their ``api_name``, so the loaded app offers the same API. The
events pass the browser's values on untouched (``preprocess=False``, ``postprocess=False``):
the remote app's own components process them. A file a caller gives is uploaded to the remote
app first, once this app's own rules let the caller name it (an upload, or under
``allowed_paths``: ``docs/security.md`` #6); files the remote app produces keep its URL, which
the browser and API clients fetch from it directly.
"""

from __future__ import annotations

import inspect
import secrets
from collections.abc import Callable, Iterator
from typing import Any, Literal

from limelight.components import REGISTRY
from limelight.components.base import Component, ComponentOptions
from limelight.components.filebase import FileComponent
from limelight.components.state import State
from limelight.core.block import Block, BlockContext, BlockOptions
from limelight.core.dependency import Dependency
from limelight.core.events import EventData
from limelight.exceptions import Error, NotSupportedError
from limelight.files.access import FileNotAllowed
from limelight.files.processing import FileContext, is_file_payload
from limelight.interfaces._remote import RemoteApp, RemoteError
from limelight.interfaces.blocks import Blocks
from limelight.layouts import (
    Accordion,
    Column,
    Draggable,
    Form,
    Group,
    Row,
    Sidebar,
    Step,
    Tab,
    Tabs,
    Walkthrough,
)
from limelight.request import Request

__all__ = ["load"]

LAYOUTS: dict[str, type[Block]] = {
    cls.TYPE: cls
    for cls in (
        Accordion,
        Column,
        Draggable,
        Form,
        Group,
        Row,
        Sidebar,
        Tab,
        Tabs,
        Walkthrough,
        Step,
    )
}
HUB_SOURCES = ("models", "spaces", "huggingface")
NO_HUB = (
    "limelight cannot reach the Hugging Face Hub, so it cannot load {}; give the URL of a "
    'running app instead: gr.load("http://127.0.0.1:7860/")'
)
LISTENER_OPTIONS = (
    "api_description",
    "api_visibility",
    "show_progress",
    "queue",
    "scroll_to_output",
    "trigger_mode",
    "time_limit",
)


def load(
    name: str,
    src: Callable[..., Blocks] | Literal["models", "spaces", "huggingface"] | None = None,
    token: str | None = None,
    accept_token: bool | Any = False,
    provider: str | None = None,
    **kwargs: Any,
) -> Blocks:
    """The app running at the URL ``name`` (``"http://127.0.0.1:7860/"``, a Gradio or
    limelight app) as a ``Blocks`` that draws its components and runs each of its events on
    it; ``launch()`` it, or call it inside another ``Blocks`` to add it there. ``token`` is
    sent to the app as ``Authorization: Bearer <token>``.

    ``src`` may be a function: ``src(name, token, **kwargs)`` makes the app, as in Gradio.
    Hugging Face names (``"models/..."``, ``"spaces/..."``, ``src="models"``) and the keywords
    only they use (``accept_token``, ``provider``, other keywords) raise ``NotSupportedError``.
    """
    if callable(src):
        if accept_token or provider is not None:
            raise NotSupportedError(
                "gr.load: accept_token and provider apply to Hugging Face models and Spaces, "
                "which limelight cannot reach"
            )
        return src(name, token, **kwargs)
    if src is not None:
        if src in HUB_SOURCES:
            raise NotSupportedError(NO_HUB.format(f'src="{src}"'))
        raise ValueError(f"gr.load: src must be a function or a Hugging Face source, not {src!r}")
    if not name.startswith(("http://", "https://")):
        raise NotSupportedError(NO_HUB.format(f"{name!r} (a model or Space name)"))
    for option, given in (("accept_token", accept_token), ("provider", provider)):
        if given:
            raise NotSupportedError(
                f"gr.load: {option} applies to Hugging Face models and Spaces, not to an app "
                "loaded by URL"
            )
    if kwargs:
        raise NotSupportedError(
            f"gr.load: {', '.join(sorted(kwargs))} would go to a Hugging Face model's "
            "Interface; an app loaded by URL takes none"
        )
    root = name if name.endswith("/") else name + "/"
    remote = RemoteApp(root, {"Authorization": f"Bearer {token}"} if token else {})
    return _build(remote, remote.config())


def _build(remote: RemoteApp, config: dict[str, Any]) -> Blocks:
    entries = {entry["id"]: entry for entry in config["components"]}
    made: dict[int, Block] = {}
    title = config.get("title") or "limelight"
    with Blocks(
        title=title, fill_height=bool(config.get("fill_height")), css=config.get("css")
    ) as demo:
        made[config["layout"]["id"]] = demo
        for node in config["layout"].get("children", []):
            _place(node, entries, made)
        for entry in entries.values():
            if entry["id"] not in made:
                made[entry["id"]] = _make(entry, render=False)
        wired: dict[int, Dependency] = {}
        for dep in config["dependencies"]:
            wired[dep["id"]] = _wire(demo, remote, config, dep, made, wired)
    return demo


def _place(node: dict[str, Any], entries: dict[int, Any], made: dict[int, Block]) -> None:
    block = _make(entries[node["id"]])
    made[node["id"]] = block
    children = node.get("children")
    if children and isinstance(block, BlockContext):
        with block:
            for child in children:
                _place(child, entries, made)


def _make(entry: dict[str, Any], render: bool = True) -> Block:
    """The block of a config entry, made with the props its class takes."""
    kind = entry["type"]
    cls = LAYOUTS.get(kind) or REGISTRY.get(kind)
    if cls is None:
        raise NotSupportedError(f"gr.load: the loaded app has a {kind!r}, which limelight lacks")
    props = {k: v for k, v in entry.get("props", {}).items() if k in _takes(cls)}
    if not render:
        props["render"] = False
    try:
        return cls(**props)
    except (TypeError, ValueError):
        # A value in the form the page receives, which the constructor does not take.
        props.pop("value", None)
    try:
        return cls(**props)
    except (TypeError, ValueError) as exc:
        raise NotSupportedError(f"gr.load: could not make the loaded app's {kind}: {exc}") from exc


def _takes(cls: type[Block]) -> set[str]:
    """The keywords ``cls`` takes: its own parameters and the shared options."""
    parameters = inspect.signature(cls.__init__).parameters.values()
    names = {
        p.name
        for p in parameters
        if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name != "self"
    }
    if any(p.kind == p.VAR_KEYWORD for p in parameters):
        shared = ComponentOptions if issubclass(cls, Component) else BlockOptions
        names |= set(shared.__optional_keys__) | set(shared.__required_keys__)
    return names - set(cls.NOT_TAKEN) - {"key", "preserved_by_key", "render"}


def _wire(
    demo: Blocks,
    remote: RemoteApp,
    config: dict[str, Any],
    dep: dict[str, Any],
    made: dict[int, Block],
    wired: dict[int, Dependency],
) -> Dependency:
    """The local listener of the remote dependency ``dep``."""
    options: dict[str, Any] = {k: dep[k] for k in LISTENER_OPTIONS if k in dep}
    options["api_name"] = dep.get("api_name") or False
    options["js"] = dep.get("js")
    options["cancels"] = [wired[i] for i in dep.get("cancels") or [] if i in wired]
    options.update(preprocess=False, postprocess=False, concurrency_limit=None)
    inputs = [made[i] for i in dep["inputs"]]
    outputs = [made[i] for i in dep["outputs"]]
    fn = _caller(remote, config, dep) if dep.get("backend_fn") else None
    after = dep.get("trigger_after")
    if after is not None and after in wired:
        return demo.add_dependency(
            [(None, "then")],
            fn,
            inputs,
            outputs,
            trigger_after=wired[after].id,
            trigger_only_on_success=bool(dep.get("trigger_only_on_success")),
            trigger_only_on_failure=bool(dep.get("trigger_only_on_failure")),
            **options,
        )
    targets: list[tuple[Block | None, str]] = [
        (made.get(block_id, demo), str(event)) for block_id, event in dep["targets"]
    ]
    return demo.add_dependency(targets, fn, inputs, outputs, **options)


def _caller(remote: RemoteApp, config: dict[str, Any], dep: dict[str, Any]) -> Callable[..., Any]:
    """The function that runs ``dep`` on the remote app: a generator when it streams."""
    prefix = config.get("api_prefix") or "/gradio_api"
    kinds = {entry["id"]: entry["type"] for entry in config["components"]}
    stateful = [kinds.get(i) == State.TYPE for i in dep["inputs"]]
    with_files = [_takes_files(kinds.get(i, "")) for i in dep["inputs"]]
    single = len(dep["outputs"]) == 1

    def steps(
        payloads: tuple[Any, ...], request: Request, evt: EventData, files: FileContext
    ) -> Iterator[Any]:
        try:
            # State stays on the remote app, in the remote session of the same name.
            data = [
                None if state else _uploaded(value, files, remote, prefix) if filed else value
                for value, state, filed in zip(payloads, stateful, with_files)
            ]
            body = {"data": data, "fn_index": dep["id"], "event_data": evt._data}
            session = request.session_hash or secrets.token_hex(8)
            for outputs in remote.call(prefix, body, session):
                yield outputs[0] if single else tuple(outputs)
        except (RemoteError, FileNotAllowed) as exc:
            raise Error(str(exc)) from None

    if (dep.get("types") or {}).get("generator"):

        def streamed(
            *payloads: Any, request: Request, evt: EventData, files: FileContext
        ) -> Iterator[Any]:
            yield from steps(payloads, request, evt, files)

        return streamed

    def called(*payloads: Any, request: Request, evt: EventData, files: FileContext) -> Any:
        outputs = list(steps(payloads, request, evt, files))
        return outputs[-1] if outputs else None

    return called


def _takes_files(kind: str) -> bool:
    cls = REGISTRY.get(kind)
    return cls is not None and issubclass(cls, FileComponent)


def _uploaded(value: Any, files: FileContext, remote: RemoteApp, prefix: str) -> Any:
    """``value`` (a file component's payload) with each file it names uploaded to the remote
    app and named by its path there; ``FileNotAllowed`` for a file the caller may not name."""
    if is_file_payload(value):
        path = remote.upload(prefix, files.input_path(value))
        return {**value, "path": path, "url": None}
    if isinstance(value, list):
        return [_uploaded(item, files, remote, prefix) for item in value]
    if isinstance(value, dict):
        return {key: _uploaded(item, files, remote, prefix) for key, item in value.items()}
    return value
