"""Edits between two successive outputs of a generator, as ``process_generating`` sends them.

An edit is ``[action, path, value]``: ``replace`` (set the value at path), ``append``
(concatenate a string or list at path), ``add`` (insert into a list at an index, or add a
dict key) and ``delete`` (remove a list index or dict key). Streaming a growing chat
message thus sends only the new tokens.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["apply_edits", "diff"]

Path = list[str | int]
Edit = list[Any]


def diff(old: Any, new: Any) -> list[Edit]:
    """The edits that turn ``old`` into ``new``."""
    edits: list[Edit] = []
    _diff(old, new, [], edits)
    return edits


def _diff(old: Any, new: Any, path: Path, edits: list[Edit]) -> None:
    # Each node is looked at once (containers are walked, not compared first and then walked), so
    # a growing message in a long history costs one pass over the history per yield.
    if old is new:
        return
    if isinstance(old, list) and isinstance(new, list):
        for i in range(min(len(old), len(new))):
            # Unchanged items (the history before a streamed reply) cost one identity test.
            if old[i] is not new[i]:
                _diff(old[i], new[i], [*path, i], edits)
        for i in range(len(old), len(new)):
            edits.append(["add", [*path, i], new[i]])
        for i in reversed(range(len(new), len(old))):
            edits.append(["delete", [*path, i], None])
    elif isinstance(old, dict) and isinstance(new, dict):
        for key in old:
            if key in new:
                _diff(old[key], new[key], [*path, key], edits)
            else:
                edits.append(["delete", [*path, key], None])
        for key in new:
            if key not in old:
                edits.append(["add", [*path, key], new[key]])
    elif type(old) is type(new) and old == new:
        # Equal as JSON: unlike ``==`` alone, ``True`` and ``1`` differ.
        return
    elif isinstance(old, str) and isinstance(new, str) and new.startswith(old) and old:
        edits.append(["append", path, new[len(old) :]])
    else:
        edits.append(["replace", path, new])


def apply_edits(value: Any, edits: list[Edit]) -> Any:
    """Apply ``edits`` (as made by ``diff``) to a copy of ``value`` and return it."""
    result = copy.deepcopy(value)
    for action, path, item in edits:
        if not path:
            result = result + item if action == "append" else item
            continue
        parent = result
        for key in path[:-1]:
            parent = parent[key]
        last = path[-1]
        if action == "replace":
            parent[last] = item
        elif action == "append":
            parent[last] = parent[last] + item
        elif action == "add":
            if isinstance(parent, list):
                parent.insert(int(last), item)
            else:
                parent[last] = item
        elif action == "delete":
            del parent[last]
        else:
            raise ValueError(f"unknown edit action {action!r}")
    return result
