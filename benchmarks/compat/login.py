"""Demos behind a login (``launch(auth=...)``): the credentials the demo gives, and a login
made as ``gradio_client`` makes it (a form posted to ``/login``, then its cookies)."""

from __future__ import annotations

import ast
from pathlib import Path

import httpx

__all__ = ["Auth", "demo_auth", "login_cookies"]

Auth = tuple[str, str]


def _pair(value: object) -> Auth | None:
    if (
        isinstance(value, (tuple, list))
        and len(value) == 2
        and all(isinstance(p, str) for p in value)
    ):
        return (str(value[0]), str(value[1]))
    return None


def demo_auth(demo_dir: Path) -> Auth | None:
    """The first username and password given literally to ``launch(auth=...)`` in the demo's
    ``run.py`` (one pair or a list of pairs); None when it gives none (or a function)."""
    tree = ast.parse((demo_dir / "run.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr != "launch":
            continue
        for keyword in node.keywords:
            if keyword.arg != "auth":
                continue
            try:
                given = ast.literal_eval(keyword.value)
            except ValueError:
                return None
            pairs = given if isinstance(given, list) else [given]
            return _pair(pairs[0]) if pairs else None
    return None


def login_cookies(url: str, auth: Auth | None) -> dict[str, str]:
    """Log in to the server at ``url`` as ``gradio_client`` does; the cookies it set (none
    without ``auth``). Raises ``httpx.HTTPStatusError`` when the login is refused."""
    if auth is None:
        return {}
    answer = httpx.post(url + "login/", data={"username": auth[0], "password": auth[1]}, timeout=10)
    answer.raise_for_status()
    return {name: value for name, value in answer.cookies.items() if value is not None}
