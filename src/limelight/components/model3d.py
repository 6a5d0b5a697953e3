"""Model3D: a 3D model file (.obj, .glb, .gltf, .stl, .ply, .splat) in and out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, PayloadError
from limelight.components.file import NamedString
from limelight.components.filebase import FileComponent, to_file_data
from limelight.core.events import EventListener
from limelight.files.processing import FileContext

__all__ = ["MODEL_TYPES", "Model3D"]

MODEL_TYPES = (".obj", ".glb", ".gltf", ".stl", ".ply", ".splat")
"""The file types a Model3D accepts."""

Camera = tuple[float | None, float | None, float | None]


class Model3D(FileComponent):
    """A 3D model. As an input it passes the uploaded file's path; as an output it shows a
    path. The page draws GLB, GLTF, OBJ, STL and PLY meshes and point clouds with three.js,
    and Gaussian splats (.splat files, and PLY files holding a splat) with gsplat; models turn,
    zoom and pan with the mouse, and every model can be downloaded.

    ``clear_color``, ``camera_position``, ``zoom_speed``, ``pan_speed`` and ``height`` apply
    to both. ``display_mode`` applies to meshes only: a splat is always drawn as itself, as in
    Gradio. Where ``camera_position`` leaves a value unset, a mesh is framed whole from the
    front and a splat is seen as Gradio shows it (5 units from the origin, a little turned and
    raised).
    """

    TYPE = "model3d"
    change = EventListener("change", "The model changed (upload, clear or a function).")
    upload = EventListener("upload", "The user uploaded a model.")
    edit = EventListener("edit", "The user edited the model.")
    clear = EventListener("clear", "The user removed the model.")

    def __init__(
        self,
        value: str | Path | Callable[..., Any] | None = None,
        *,
        display_mode: Literal["solid", "point_cloud", "wireframe"] | None = None,
        clear_color: tuple[float, float, float, float] | None = None,
        camera_position: Camera = (None, None, None),
        zoom_speed: float = 1,
        pan_speed: float = 1,
        height: int | str | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.display_mode = display_mode
        self.clear_color = list(clear_color) if clear_color is not None else [0, 0, 0, 0]
        self.camera_position = list(camera_position)
        self.zoom_speed = zoom_speed
        self.pan_speed = pan_speed
        self.height = height
        super().__init__(value, **options)

    def preprocess_with(self, payload: Any, files: FileContext) -> NamedString | None:
        """The uploaded model's path. As in Gradio, only the browser's file chooser limits
        the type (to ``MODEL_TYPES``): a function may be given any uploaded file."""
        if payload is None:
            return None
        if isinstance(payload, list):
            raise PayloadError("Expected one model file, got a list")
        return NamedString(str(files.input_path(payload)))

    def postprocess_with(self, value: Any, files: FileContext) -> Any:
        """A path, URL or FileData as the model's payload."""
        return to_file_data(value, files)

    def example_payload(self) -> Any:
        return {
            "path": "https://example.com/model.obj",
            "url": "https://example.com/model.obj",
            "orig_name": "model.obj",
            "meta": {"_type": "gradio.FileData"},
        }

    def component_props(self) -> dict[str, Any]:
        return {
            "display_mode": self.display_mode,
            "clear_color": self.clear_color,
            "camera_position": self.camera_position,
            "zoom_speed": self.zoom_speed,
            "pan_speed": self.pan_speed,
            "height": self.height,
            "file_types": list(MODEL_TYPES),
        }
