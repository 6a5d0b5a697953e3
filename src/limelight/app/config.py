"""The page config: the JSON that describes an app to the browser and to API clients.

Its shape follows Gradio's (``/config`` and ``window.gradio_config``) so ``gradio_client``
reads it unchanged; see ``docs/protocol.md`` §1. ``limelight.protocol_config`` declares that
shape as models; the config is built here as plain dicts, never validated on a request (a
large app's config is big), and tests validate it against the models instead.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from limelight._version import GRADIO_VERSION, __version__
from limelight.app._component_args import argument_inputs
from limelight.app.blocks_base import BlocksBase
from limelight.components.base import Component
from limelight.components.state import State
from limelight.core.block import Block
from limelight.core.dependency import Dependency
from limelight.themes import theme_css

__all__ = [
    "GRADIO_VERSION",
    "PROTOCOL",
    "build_config",
    "compact_config",
    "component_config",
    "dependency_config",
    "interactive_ids",
    "page_config",
]

PROTOCOL = "sse_v3"
ROOT_ID = 0
"""The app itself is block 0 in the config, whatever its Python id."""


def build_config(app: BlocksBase, *, root_url: str = "") -> dict[str, Any]:
    """The full config of ``app``; ``root_url`` is the URL clients reach the app at.

    ``page`` holds each page's layout, component ids and dependency ids (see ``app/_pages.py``);
    ``page_config`` narrows the config to one of them for that page's HTML.
    """
    blocks = app.blocks
    interactive = interactive_ids(list(blocks.values()), app.fns)
    sections = app.page_index.sections(app, list(blocks.values()), app.fns)
    for section in sections.values():
        section["layout"]["id"] = ROOT_ID
    return {
        "version": GRADIO_VERSION,
        "limelight_version": __version__,
        "api_prefix": "/gradio_api",
        "mode": app.mode,
        "app_id": app.app_id,
        "dev_mode": app.dev_mode,
        "analytics_enabled": False,
        "components": [component_config(b, interactive) for b in blocks.values()],
        "css": _css(app),
        "js": app.js,
        "head": app.head,
        "title": app.title,
        "space_id": None,
        "enable_queue": True,
        "show_error": app.show_error,
        "connect_heartbeat": _needs_heartbeat(app),
        "is_colab": False,
        "max_file_size": app.max_file_size,
        "stylesheets": [],
        "theme": app.theme.name if app.theme is not None else "default",
        "protocol": PROTOCOL,
        "fill_height": app.fill_height,
        "fill_width": app.fill_width,
        "pages": [list(page) for page in app.pages],
        "page": sections,
        "i18n_translations": app.i18n.translations if app.i18n is not None else None,
        "layout": {**app.layout(), "id": ROOT_ID},
        "dependencies": [dependency_config(app, dep) for dep in app.fns],
        "username": None,
        "root": root_url,
        "footer_links": app.footer_links,
        "pwa": app.pwa,
    }


def page_config(config: dict[str, Any], page: str) -> dict[str, Any]:
    """``config`` (from ``build_config``) as the HTML of ``page`` embeds it: only that page's
    components, dependencies and layout, and ``current_page`` naming it, as in Gradio."""
    section = config["page"][page]
    components, dependencies = set(section["components"]), set(section["dependencies"])
    return {
        **config,
        "components": [c for c in config["components"] if c["id"] in components],
        "dependencies": [d for d in config["dependencies"] if d["id"] in dependencies],
        "layout": section["layout"],
        "current_page": page,
        "deep_link_state": "none",
    }


def _css(app: BlocksBase) -> str | None:
    """The app's own CSS after its theme's stylesheet, so that the app's rules win."""
    themed = "\n".join(part for part in (theme_css(app.theme), app.css) if part)
    return themed or None


def interactive_ids(blocks: list[Block], fns: list[Dependency]) -> set[int]:
    """Components with ``interactive=None`` are editable if an event reads them, or if no
    event writes them (a component nothing writes to is there to be filled in)."""
    read = {b.id for dep in fns for b in dep.inputs}
    written = {b.id for dep in fns for b in dep.outputs}
    return read | ({b.id for b in blocks} - written)


def component_config(block: Block, interactive: set[int]) -> dict[str, Any]:
    """A block's entry in ``components``, with ``interactive`` decided when left None."""
    entry = block.config()
    if isinstance(block, Component) and block.interactive is None:
        entry["props"]["interactive"] = block.id in interactive
    return entry


def _target_id(app: BlocksBase, block: Block | None) -> int | None:
    if block is None:
        return None
    return ROOT_ID if block is app else block.id


def dependency_config(app: BlocksBase, dep: Dependency) -> dict[str, Any]:
    """A dependency's entry in ``dependencies``."""
    return {
        "id": dep.id,
        "targets": [[_target_id(app, block), event] for block, event in dep.targets],
        "inputs": [b.id for b in dep.inputs],
        "outputs": [b.id for b in dep.outputs],
        "backend_fn": dep.fn is not None,
        "js": dep.js,
        "queue": dep.queue,
        "api_name": dep.api_name,
        "api_description": dep.api_description,
        "scroll_to_output": dep.scroll_to_output,
        "show_progress": dep.show_progress,
        "show_progress_on": _ids(dep.show_progress_on),
        "batch": dep.batch,
        "max_batch_size": dep.max_batch_size,
        "cancels": dep.cancels,
        "types": {"generator": dep.is_generator, "cancel": False},
        "collects_event_data": False,
        "trigger_after": dep.trigger_after,
        "trigger_only_on_success": dep.trigger_only_on_success,
        "trigger_only_on_failure": dep.trigger_only_on_failure,
        "trigger_mode": dep.trigger_mode,
        "api_visibility": dep.api_visibility,
        "rendered_in": dep.rendered_in,
        "render_id": dep.renderable.container.id if dep.renderable is not None else None,
        "connection": dep.connection,
        "time_limit": dep.time_limit,
        "stream_every": dep.stream_every,
        "event_specific_args": None,
        "component_prop_inputs": sorted(argument_inputs(dep.fn, dep.input_names)),
        "js_implementation": dep.js_implementation,
    }


def _ids(blocks: Any) -> list[int] | None:
    if blocks is None:
        return None
    items = blocks if isinstance(blocks, (list, tuple, set)) else [blocks]
    return [block.id for block in items]


def _needs_heartbeat(app: BlocksBase) -> bool:
    """Only apps with per-session State, unload or stream events need the heartbeat stream."""
    has_state = any(isinstance(b, State) for b in app.blocks.values())
    has_unload = any(event == "unload" for dep in app.fns for _, event in dep.targets)
    has_stream = any(dep.connection == "stream" for dep in app.fns)
    return has_state or has_unload or has_stream


def compact_config(config: dict[str, Any]) -> dict[str, Any]:
    """``config`` with what its components share said once, for the page to embed.

    Blocks of one type mostly repeat the same options, and listeners the same fields: a
    large app's config shrinks about eightfold. Each component keeps its ``id``, ``type``
    and what differs from ``defaults["components"][type]`` (its ``props`` likewise), each
    dependency its ``id`` and what differs from ``defaults["dependency"]``. Merging the
    defaults back under each entry gives ``config`` exactly (``/config`` still sends that).
    """
    by_type: dict[str, list[dict[str, Any]]] = {}
    for component in config["components"]:
        by_type.setdefault(component["type"], []).append(component)
    shared = {type_: _shared(entries, nested="props") for type_, entries in by_type.items()}
    dependency = _shared(config["dependencies"])
    return {
        **config,
        "components": [
            _differences(c, shared[c["type"]], keep=("id", "type"), nested="props")
            for c in config["components"]
        ],
        "dependencies": [_differences(d, dependency, keep=("id",)) for d in config["dependencies"]],
        "defaults": {"components": shared, "dependency": dependency},
    }


def _shared(entries: list[dict[str, Any]], nested: str | None = None) -> dict[str, Any]:
    """The most common value of each key that every entry has (``nested``: one level down)."""
    if not entries:
        return {}
    everywhere = set(entries[0]).intersection(*entries[1:])
    keys = [key for key in entries[0] if key in everywhere]
    shared: dict[str, Any] = {}
    for key in keys:
        if key == nested:
            shared[key] = _shared([entry[key] for entry in entries])
            continue
        counts: Counter[tuple[type, object]] = Counter()
        values: dict[tuple[type, object], Any] = {}
        for entry in entries:
            identity = _identity(entry[key])
            counts[identity] += 1
            values.setdefault(identity, entry[key])
        shared[key] = values[counts.most_common(1)[0][0]]
    return shared


def _identity(value: Any) -> tuple[type, object]:
    """A hashable stand-in for a JSON value, telling ``True`` from ``1``."""
    if isinstance(value, (dict, list, tuple)):
        return dict, json.dumps(value, sort_keys=True, default=str)
    return type(value), value


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON: ``True`` is not ``1``, nor ``1`` ``1.0``."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(v, b[k]) for k, v in a.items())
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _differences(
    entry: dict[str, Any], shared: dict[str, Any], keep: tuple[str, ...], nested: str | None = None
) -> dict[str, Any]:
    """The keys of ``entry`` that ``shared`` lacks or holds another value for."""
    found: dict[str, Any] = {}
    for key, value in entry.items():
        if key == nested and key in shared:
            found[key] = _differences(value, shared[key], keep=())
        elif key in keep or key not in shared or not _same(shared[key], value):
            found[key] = value
    return found
