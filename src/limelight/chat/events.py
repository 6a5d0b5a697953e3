"""What the Chatbot's events pass to a function that declares a parameter of these types."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from limelight.core.events import EventData

if TYPE_CHECKING:
    from limelight.core.block import Block

__all__ = ["CopyData", "EditData", "LikeData", "RetryData", "UndoData"]


def _fields(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}


class LikeData(EventData):
    """A message was liked or disliked: ``index`` and ``value`` say which, ``liked`` how
    (True, False, or the chosen feedback option's text)."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        fields = _fields(data)
        self.index: Any = fields.get("index")
        self.value: Any = fields.get("value")
        self.liked: bool | str = fields.get("liked", True)


class RetryData(EventData):
    """The user asked to regenerate the reply to the message at ``index``."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        fields = _fields(data)
        self.index: Any = fields.get("index")
        self.value: Any = fields.get("value")


class UndoData(EventData):
    """The user undid the message at ``index`` (and everything after it)."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        fields = _fields(data)
        self.index: Any = fields.get("index")
        self.value: Any = fields.get("value")


class EditData(EventData):
    """The user edited the message at ``index`` from ``previous_value`` to ``value``."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        fields = _fields(data)
        self.index: Any = fields.get("index")
        self.value: Any = fields.get("value")
        self.previous_value: Any = fields.get("previous_value")


class CopyData(EventData):
    """The user copied a message: ``index`` and ``value`` say which."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        fields = _fields(data)
        self.index: Any = fields.get("index")
        self.value: Any = fields.get("value")
