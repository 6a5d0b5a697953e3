"""Where big Dataframes become windows and windows become tables again.

Only limelight's own page gets windows: the config embedded in its HTML (``page_config``)
and the outputs of the joins it marks with ``windows: true`` (``page_outputs``). A window
the page sends back as an input is resolved against the table the session holds
(``resolve_input``), so the function always gets the whole, current table. See
``components/dataframe_window.py`` and ``docs/protocol.md`` §8.6.
"""

from __future__ import annotations

from typing import Any

from limelight.app.session_data import SessionData, session_view
from limelight.components.base import UPDATE
from limelight.components.dataframe import Dataframe
from limelight.components.dataframe_window import first_window, is_window, resolve
from limelight.core.block import Block

__all__ = ["held_table", "page_config_values", "page_outputs", "resolve_input", "select_data"]


def held_table(block: Block, session: SessionData) -> Any:
    """The table the server holds for ``block`` in ``session``: the latest payload an event
    read or wrote, else the component's own value."""
    if block.id in session.values:
        return session.values[block.id]
    return getattr(session_view(block, session), "value", None)


def resolve_input(block: Block, payload: Any, session: SessionData) -> Any:
    """``payload`` as the whole table when it is a window of a Dataframe, else unchanged."""
    if isinstance(block, Dataframe) and is_window(payload):
        return resolve(payload, held_table(block, session))
    return payload


def page_outputs(outputs: list[Block], payloads: list[Any]) -> list[Any]:
    """Output payloads as the page gets them: big Dataframe values (plain or in an update)
    cut to their first window."""
    if not any(isinstance(block, Dataframe) for block in outputs):
        return payloads
    shown = []
    for block, payload in zip(outputs, payloads):
        if isinstance(block, Dataframe) and isinstance(payload, dict):
            if payload.get("__type__") == UPDATE and "value" in payload:
                payload = {**payload, "value": first_window(payload["value"])}
            else:
                payload = first_window(payload)
        shown.append(payload)
    return shown


def page_config_values(config: dict[str, Any]) -> dict[str, Any]:
    """``config`` (from ``build_config``) with big Dataframe values cut to their first
    window, for the HTML of the page."""
    components = []
    for component in config["components"]:
        if component.get("type") == Dataframe.TYPE:
            props = component["props"]
            component = {**component, "props": {**props, "value": first_window(props["value"])}}
        components.append(component)
    return {**config, "components": components}


def select_data(trigger: Block | None, data: Any, session: SessionData) -> Any:
    """A select event's data with the column filled in when the page clicked a windowed
    table (it holds only some rows, so it sends ``col_value: null``): the column of the
    table the session holds."""
    if not isinstance(trigger, Dataframe) or not isinstance(data, dict):
        return data
    index = data.get("index")
    if data.get("col_value") is not None or not isinstance(index, list) or len(index) != 2:
        return data
    held = held_table(trigger, session)
    rows = held.get("data") if isinstance(held, dict) else None
    if not isinstance(rows, list) or not isinstance(index[1], int):
        return data
    col = index[1]
    return {**data, "col_value": [row[col] if col < len(row) else None for row in rows]}
