"""What an app says about itself: ``/config``, ``/gradio_api/info`` and its OpenAPI
document."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from limelight.app.api_info import build_api_info
from limelight.app.config import build_config
from limelight.app.openapi import build_openapi
from limelight.server.http import json_response, root_url, services
from limelight.server.routes import deep_link

__all__ = ["routes"]


async def config(request: Request) -> Response:
    """``GET /config``: the app's components, layout and dependencies (with
    ``?deep_link=``, the components hold that link's values, as in Gradio)."""
    found = build_config(services(request).app, root_url=root_url(request))
    if "deep_link" in request.query_params:
        found = await deep_link.restore(request, found)
    return json_response(found)


async def info(request: Request) -> Response:
    """``GET /gradio_api/info``: the public endpoints with their parameters and returns."""
    all_endpoints = request.query_params.get("all_endpoints", "").lower() == "true"
    app = services(request).app
    return json_response(
        build_api_info(app, root_url=root_url(request) + "/", all_endpoints=all_endpoints)
    )


async def openapi(request: Request) -> Response:
    """``GET /gradio_api/openapi.json``: the REST API as an OpenAPI 3.1 document."""
    app = services(request).app
    return json_response(build_openapi(app, root_url=root_url(request)))


async def app_id(request: Request) -> Response:
    """``GET /gradio_api/app_id``: a number that changes when the app is rebuilt."""
    return json_response({"app_id": services(request).app.app_id})


routes = [
    Route("/config", config, methods=["GET"]),
    Route("/gradio_api/info", info, methods=["GET"]),
    Route("/gradio_api/app_id", app_id, methods=["GET"]),
    Route("/gradio_api/openapi.json", openapi, methods=["GET"]),
]
