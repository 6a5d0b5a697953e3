"""The routes' JSON responses: compact body, exact length, JSON content type."""

from __future__ import annotations

import math

from limelight.server.http import json_response


def test_a_json_response_carries_its_length_and_type() -> None:
    response = json_response({"data": ["é", math.nan]}, status_code=201)
    assert response.status_code == 201
    assert response.body == b'{"data":["\\u00e9",null]}'
    assert response.headers["content-length"] == str(len(response.body))
    assert response.headers["content-type"] == "application/json"
