"""``gr.OAuthProfile`` and ``gr.OAuthToken``: who signed in with Hugging Face, for functions
that declare a parameter of these types.

limelight has no Hugging Face sign-in (it needs the Hub's OAuth service), so nobody is ever
signed in: a parameter annotated ``gr.OAuthProfile | None`` (or the token) gets None, and one
annotated without ``None`` makes the event fail with the error Gradio gives a signed-out user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from limelight.exceptions import Error

__all__ = ["SIGNED_OUT", "OAuthProfile", "OAuthToken", "signed_out_value"]

SIGNED_OUT = "This action requires a logged in user. Please sign in and retry."
"""The message of the error a function that requires a signed-in user gets."""


@dataclass
class OAuthProfile(dict[str, Any]):
    """The Hugging Face profile of the signed-in user, built from the OAuth user info (a
    dict with ``name``, ``preferred_username``, ``profile`` and ``picture``); it stays a
    dict of that info, as in Gradio."""

    name: str = field(init=False)
    username: str = field(init=False)
    profile: str = field(init=False)
    picture: str = field(init=False)

    def __init__(self, data: dict[str, Any]) -> None:
        self.update(data)
        self.name = self["name"]
        self.username = self["preferred_username"]
        self.profile = self["profile"]
        self.picture = self["picture"]


@dataclass
class OAuthToken:
    """The Hugging Face access token of the signed-in user."""

    token: str
    scope: str
    expires_at: int


def signed_out_value(optional: bool) -> OAuthProfile | OAuthToken | None:
    """What a parameter annotated with one of these types gets while nobody is signed in:
    None when it accepts None, else the event fails with ``gr.Error(SIGNED_OUT)``."""
    if not optional:
        raise Error(SIGNED_OUT)
    return None
