"""JSON schemas of type hints, spelled as Gradio's ``/gradio_api/info`` spells them."""

from __future__ import annotations

import enum
from typing import Any, Literal

import pytest

from limelight.app._type_schema import schema_of


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


CASES: list[tuple[Any, dict[str, Any]]] = [
    (int, {"type": "integer"}),
    (float, {"type": "number"}),
    (str, {"type": "string"}),
    (bool, {"type": "boolean"}),
    (None, {"type": "null"}),
    (Any, {}),
    (list, {"type": "array", "items": {}}),
    (list[int], {"type": "array", "items": {"type": "integer"}}),
    (dict, {"type": "object", "additionalProperties": {}}),
    (dict[str, float], {"type": "object", "additionalProperties": {"type": "number"}}),
    (tuple[int, ...], {"type": "array", "items": {"type": "integer"}}),
    (
        tuple[int, str],
        {
            "type": "array",
            "prefixItems": [{"type": "integer"}, {"type": "string"}],
            "minItems": 2,
            "maxItems": 2,
        },
    ),
    (set[str], {"type": "array", "uniqueItems": True, "items": {"type": "string"}}),
    (Literal["a", "b"], {"enum": ["a", "b"]}),
    (Literal["only"], {"const": "only"}),
    (float | None, {"oneOf": [{"type": "null"}, {"type": "number"}]}),
    (int | str, {"anyOf": [{"type": "integer"}, {"type": "string"}]}),
    (Color, {"enum": ["red", "blue"]}),
    (dict[int, str], {}),
    (object, {}),
]


@pytest.mark.parametrize(("hint", "schema"), CASES, ids=[str(h) for h, _ in CASES])
def test_schema_of_a_type_hint(hint: Any, schema: dict[str, Any]) -> None:
    assert schema_of(hint) == schema
