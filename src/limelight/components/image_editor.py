"""ImageEditor: draw on an image (or a blank canvas); the value is the background, the drawn
layers and their composite. Sketchpad, Paint and ImageMask are presets of it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, PayloadError
from limelight.components.filebase import FileComponent, file_schema
from limelight.components.image_files import image_in, image_out
from limelight.components.imaging import ImageType
from limelight.core.events import EventListener
from limelight.files.processing import FileContext

__all__ = [
    "Brush",
    "Eraser",
    "ImageEditor",
    "ImageMask",
    "LayerOptions",
    "Paint",
    "Sketchpad",
    "WebcamOptions",
]

Source = Literal["upload", "webcam", "clipboard"]
PARTS = ("background", "layers", "composite")
DEFAULT_COLORS = ["#cc3232", "#adcc32", "#32cc70", "#3270cc", "#ad32cc"]
Color = str | tuple[str, float]


@dataclass
class Brush:
    """The drawing brush: its colours, the one picked first and its width in pixels
    (``"auto"``: a width to suit the canvas). A colour is any CSS colour, or a
    ``(colour, opacity)`` pair drawn with that opacity (0 to 1); ``colors`` may be one
    colour. ``color_mode="fixed"`` hides the colour picker."""

    default_size: int | Literal["auto"] = "auto"
    colors: list[Color] | Color = field(default_factory=lambda: list[Color](DEFAULT_COLORS))
    default_color: Color | None = None
    color_mode: Literal["fixed", "defaults"] = "defaults"

    def __post_init__(self) -> None:
        if self.default_color is None and not isinstance(self.colors, list):
            self.default_color = self.colors
        elif self.default_color is None:
            self.default_color = self.colors[0] if self.colors else "#000000"


@dataclass
class Eraser:
    """The eraser: its width in pixels (``"auto"``: a width to suit the canvas)."""

    default_size: int | Literal["auto"] = "auto"


@dataclass
class LayerOptions:
    """The drawing layers: the names of those the editor opens with (one "Layer 1" when
    None), whether users may add (and delete) layers, and ``disabled``: one layer, no
    layer panel."""

    allow_additional_layers: bool = True
    layers: list[str] | None = None
    disabled: bool = False


@dataclass
class WebcamOptions:
    """Webcam capture options: mirror the preview, and media constraints for the camera."""

    mirror: bool = True
    constraints: dict[str, Any] | None = None


class ImageEditor(FileComponent):
    """An image editor. As an input it passes a dict with ``background`` (the image drawn on),
    ``layers`` (one transparent image per drawing layer) and ``composite`` (all of them
    flattened), each as ``type`` (numpy, PIL or a file path) or None. As an output it takes
    such a dict, or one image used as background and composite.

    The page draws with ``brush`` (its colours, a colour picker unless ``color_mode="fixed"``,
    and a size slider; ``False`` turns drawing off) and erases with ``eraser`` (``False``: no
    eraser), on the selected one of ``layers`` (which users may add, hide and delete unless
    ``LayerOptions`` says otherwise). ``transforms`` offers crop (free or a fixed shape) and
    resize; zoom, fit and undo/redo are always there. The canvas takes the background's size,
    or ``canvas_size`` (white) when there is none or ``fixed_canvas=True`` (the background is
    then scaled to fit it, centred). Each edit uploads the background, every layer
    and the composite of the shown layers as PNG files.
    """

    TYPE = "imageeditor"
    change = EventListener("change", "The value changed (a stroke, an upload or a function).")
    input = EventListener("input", "The user drew, erased or uploaded.")
    upload = EventListener("upload", "The user uploaded a background image.")
    apply = EventListener("apply", "The user finished a stroke.")
    clear = EventListener("clear", "The user cleared the editor.")

    def __init__(
        self,
        value: Mapping[str, Any] | str | Path | Any | Callable[..., Any] | None = None,
        *,
        type: ImageType = "numpy",
        image_mode: str | None = "RGBA",
        sources: Iterable[Source] | Source | None = ("upload", "webcam", "clipboard"),
        height: int | str | None = None,
        width: int | str | None = None,
        transforms: Iterable[str] | None = ("crop", "resize"),
        eraser: Eraser | Literal[False] | None = None,
        brush: Brush | Literal[False] | None = None,
        format: str = "webp",
        layers: bool | LayerOptions = True,
        canvas_size: tuple[int, int] = (800, 800),
        fixed_canvas: bool = False,
        webcam_options: WebcamOptions | None = None,
        placeholder: str | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        if type not in ("numpy", "pil", "filepath"):
            raise ValueError(f"type must be 'numpy', 'pil' or 'filepath', not {type!r}")
        self.type = type
        self.image_mode = image_mode
        self.sources = [sources] if isinstance(sources, str) else list(sources or [])
        self.height = height
        self.width = width
        self.transforms = list(transforms or [])
        self.eraser = Eraser() if eraser is None else eraser
        self.brush = Brush() if brush is None else brush
        self.format = format
        self.layers = (
            layers if isinstance(layers, LayerOptions) else LayerOptions(disabled=not layers)
        )
        self.canvas_size = list(canvas_size)
        self.fixed_canvas = fixed_canvas
        self.webcam_options = webcam_options or WebcamOptions()
        self.placeholder = placeholder
        super().__init__(value, **options)

    def _image_in(self, payload: Any, files: FileContext) -> Any:
        return image_in(payload, files, self.type, self.image_mode)

    def preprocess_with(self, payload: Any, files: FileContext) -> dict[str, Any] | None:
        """``{"background", "layers", "composite"}`` with each image as ``type``."""
        if payload is None:
            return None
        if not isinstance(payload, Mapping) or not isinstance(payload.get("layers", []), list):
            raise PayloadError("Expected an object with background, layers and composite")
        return {
            "background": self._image_in(payload.get("background"), files),
            "layers": [self._image_in(layer, files) for layer in payload.get("layers") or []],
            "composite": self._image_in(payload.get("composite"), files),
        }

    def _image_out(self, value: Any, files: FileContext) -> Any:
        return image_out(value, files, self.format)

    def postprocess_with(self, value: Any, files: FileContext) -> dict[str, Any] | None:
        """A dict of background, layers and composite, or one image (used as both background
        and composite), as the editor's payload."""
        if value is None:
            return None
        if not isinstance(value, Mapping):
            image = self._image_out(value, files)
            return {"background": image, "layers": [], "composite": image, "id": None}
        return {
            "background": self._image_out(value.get("background"), files),
            "layers": [self._image_out(layer, files) for layer in value.get("layers") or []],
            "composite": self._image_out(value.get("composite"), files),
            "id": value.get("id"),
        }

    def check_payload(self, payload: Any) -> None:
        if payload is not None and not isinstance(payload, Mapping):
            raise PayloadError("Expected an object with background, layers and composite")
        for part in ("background", "composite"):
            super().check_payload((payload or {}).get(part))
        super().check_payload((payload or {}).get("layers") or [])

    def api_info(self) -> dict[str, Any]:
        image = file_schema()
        maybe_image = {"anyOf": [image, {"type": "null"}], "default": None}
        return {
            "type": "object",
            "title": "EditorData",
            "properties": {
                "background": maybe_image,
                "layers": {"type": "array", "items": image, "default": []},
                "composite": maybe_image,
                "id": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None},
            },
        }

    def example_payload(self) -> Any:
        bus = {
            "path": "https://example.com/bus.png",
            "url": "https://example.com/bus.png",
            "orig_name": "bus.png",
            "meta": {"_type": "gradio.FileData"},
        }
        return {"background": bus, "layers": [], "composite": None}

    def normalize_prop(self, name: str, value: Any) -> Any:
        """An update's brush, eraser, layers and webcam options are sent as the component
        sends them (``layers=False``: layers disabled)."""
        if name == "brush":
            return _tool_prop(Brush() if value is None else value)
        if name == "eraser":
            return _tool_prop(Eraser() if value is None else value)
        if name == "layers":
            return _layers_prop(value)
        if name == "webcam_options":
            return asdict(value or WebcamOptions())
        return super().normalize_prop(name, value)

    def component_props(self) -> dict[str, Any]:
        return {
            "image_mode": self.image_mode,
            "sources": self.sources,
            "height": self.height,
            "width": self.width,
            "transforms": self.transforms,
            "eraser": _tool_prop(self.eraser),
            "brush": _tool_prop(self.brush),
            "format": self.format,
            "layers": _layers_prop(self.layers),
            "canvas_size": self.canvas_size,
            "fixed_canvas": self.fixed_canvas,
            "webcam_options": asdict(self.webcam_options),
            "placeholder": self.placeholder,
            "_selectable": False,
        }


def _tool_prop(tool: Brush | Eraser | Literal[False] | None) -> dict[str, Any] | bool:
    """A brush or eraser as the page takes it (``False``: the tool is off)."""
    return asdict(tool) if tool else False


def _layers_prop(layers: bool | LayerOptions) -> dict[str, Any]:
    """Layer options as the page takes them; ``True``/``False`` turn layers on or off."""
    options = layers if isinstance(layers, LayerOptions) else LayerOptions(disabled=not layers)
    return asdict(options)


class Sketchpad(ImageEditor):
    """An ImageEditor on a blank canvas: no image sources, a black brush."""

    def __init__(
        self,
        value: Any = None,
        *,
        sources: Iterable[Source] | Source | None = (),
        transforms: Iterable[str] | None = ("crop",),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("brush", Brush(colors=["#000000"], color_mode="fixed"))
        super().__init__(value, sources=sources, transforms=transforms, **kwargs)


class Paint(ImageEditor):
    """An ImageEditor on a blank canvas with the colour brush."""

    def __init__(
        self,
        value: Any = None,
        *,
        sources: Iterable[Source] | Source | None = (),
        transforms: Iterable[str] | None = ("crop",),
        **kwargs: Any,
    ) -> None:
        super().__init__(value, sources=sources, transforms=transforms, **kwargs)


class ImageMask(ImageEditor):
    """An ImageEditor for drawing a mask over an uploaded image: one black brush, one layer."""

    def __init__(
        self,
        value: Any = None,
        *,
        transforms: Iterable[str] | None = ("crop",),
        layers: LayerOptions | bool = False,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("brush", Brush(colors=["#000000"], color_mode="fixed"))
        super().__init__(value, transforms=transforms, layers=layers, **kwargs)
