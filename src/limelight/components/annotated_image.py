"""AnnotatedImage: an image with labelled masks and boxes drawn over it (output only)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, PayloadError
from limelight.components.filebase import (
    FileComponent,
    check_file_shape,
    file_schema,
    is_url,
    to_file_data,
)
from limelight.components.imaging import encode_image, is_image_value, require
from limelight.core.events import EventListener
from limelight.files.processing import FileContext
from limelight.protocol import FileData

__all__ = ["PALETTE", "AnnotatedImage"]

# Colours given, in order, to labels the color_map does not name (the page uses the same list).
PALETTE = (
    "#f97316",
    "#3b82f6",
    "#22c55e",
    "#eab308",
    "#a855f7",
    "#ef4444",
    "#14b8a6",
    "#ec4899",
    "#84cc16",
    "#6366f1",
)

_EXAMPLE_URL = "https://example.com/bus.png"


class AnnotatedImage(FileComponent):
    """An image with annotations over it: each annotation is a mask (a 2-D array of 0..1
    weights, the image's size) or a box ``(x1, y1, x2, y2)`` in pixels, with a label. The
    value is ``(image, [(mask_or_box, label), ...])``; the image is a path, URL, numpy array
    or PIL image. Labels take their colour from ``color_map`` or a fixed palette.

    Output only. Clicking a label in the legend fires ``select`` with the annotation's
    position as ``SelectData.index`` and its label as ``value``. As an input (an API call)
    it passes ``(image_path, [(mask_path, label), ...])``.
    """

    TYPE = "annotatedimage"
    NOT_TAKEN = frozenset({"info", "interactive"})
    select = EventListener("select", "The user clicked an annotation's label.")

    def __init__(
        self,
        value: tuple[Any, list[tuple[Any, str]]] | Callable[..., Any] | None = None,
        *,
        format: str = "webp",
        show_legend: bool = True,
        height: int | str | None = None,
        width: int | str | None = None,
        color_map: dict[str, str] | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.format = format
        self.show_legend = show_legend
        self.height = height
        self.width = width
        self.color_map = color_map
        super().__init__(value, **options)

    def preprocess_with(self, payload: Any, files: FileContext) -> Any:
        """``(image path, [(mask path, label), ...])`` from an ``AnnotatedImageData``."""
        if payload is None:
            return None
        self.check_payload(payload)
        image = str(files.input_path(payload["image"]))
        return (
            image,
            [(str(files.input_path(a["image"])), a["label"]) for a in payload["annotations"]],
        )

    def postprocess_with(self, value: Any, files: FileContext) -> Any:
        """The image and one RGBA mask image per annotation, coloured by its label."""
        if value is None:
            return None
        if not isinstance(value, Sequence) or isinstance(value, str) or len(value) != 2:
            raise TypeError("AnnotatedImage expects (image, [(mask_or_box, label), ...])")
        base, annotations = value
        np = require("numpy")
        image: FileData | None
        if is_image_value(base):
            data, ext = encode_image(base, self.format)
            image = files.store_bytes(data, f"image.{ext}")
        else:
            image = to_file_data(base, files)  # refuses paths the app may not hand out
        height, width = _size(np, base, annotations)
        labels: list[str] = []
        result = []
        for shape, label in annotations:
            label = str(label)
            if label not in labels:
                labels.append(label)
            color = self._color(label, labels.index(label))
            mask = _mask(np, shape, height, width)
            data, _ = encode_image(_colored(np, mask, color), "png")
            result.append({"image": files.store_bytes(data, "mask.png"), "label": label})
        return {"image": image, "annotations": result}

    def _color(self, label: str, index: int) -> tuple[int, int, int]:
        """The label's colour from ``color_map``, else the palette's ``index``-th."""
        code = (self.color_map or {}).get(label) or PALETTE[index % len(PALETTE)]
        code = code.lstrip("#")
        if len(code) == 3:
            code = "".join(c * 2 for c in code)
        try:
            return int(code[0:2], 16), int(code[2:4], 16), int(code[4:6], 16)
        except ValueError:
            raise ValueError(f"color_map: {label!r} has no hex colour ({code!r})") from None

    def check_payload(self, payload: Any) -> None:
        """An ``{"image": FileData, "annotations": [{"image": FileData, "label": str}]}``."""
        if payload is None:
            return
        if not isinstance(payload, Mapping) or not isinstance(payload.get("annotations"), list):
            raise PayloadError("Expected {'image': FileData, 'annotations': [...]}")
        check_file_shape(payload.get("image"))
        for item in payload["annotations"]:
            if not isinstance(item, Mapping) or not isinstance(item.get("label"), str):
                raise PayloadError("Each annotation is {'image': FileData, 'label': str}")
            check_file_shape(item.get("image"))

    def api_info(self) -> dict[str, Any]:
        image = file_schema("FileData")
        annotation = {
            "type": "object",
            "title": "Annotation",
            "properties": {"image": image, "label": {"title": "Label", "type": "string"}},
            "required": ["image", "label"],
        }
        return {
            "type": "object",
            "title": "AnnotatedImageData",
            "properties": {
                "image": image,
                "annotations": {"type": "array", "title": "Annotations", "items": annotation},
            },
            "required": ["image", "annotations"],
        }

    def example_payload(self) -> Any:
        image = {
            "path": _EXAMPLE_URL,
            "url": _EXAMPLE_URL,
            "orig_name": "bus.png",
            "meta": {"_type": "gradio.FileData"},
        }
        return {"image": image, "annotations": []}

    def component_props(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "show_legend": self.show_legend,
            "height": self.height,
            "width": self.width,
            "color_map": self.color_map,
            "_selectable": True,
        }


def _size(np: Any, image: Any, annotations: Any) -> tuple[int, int]:
    """``(height, width)`` of the image: an array, a PIL image, a local file, or (for a URL,
    which is never fetched) the first mask's."""
    if is_image_value(image):
        shape = np.asarray(image).shape
        return int(shape[0]), int(shape[1])
    if isinstance(image, (str, Path)) and not is_url(image):
        with require("PIL.Image").open(image) as opened:
            return int(opened.height), int(opened.width)
    for shape, _ in annotations:
        if hasattr(shape, "shape") and len(shape.shape) == 2:
            return int(shape.shape[0]), int(shape.shape[1])
    raise ValueError("AnnotatedImage needs a local image (or a mask) to size boxes on a URL")


def _mask(np: Any, shape: Any, height: int, width: int) -> Any:
    """Weights 0..1, ``(height, width)``: a given mask, or a box's outline."""
    if isinstance(shape, (tuple, list)) and len(shape) == 4 and not hasattr(shape[0], "__len__"):
        x1, y1, x2, y2 = (round(float(v)) for v in shape)
        x1, x2 = sorted((max(0, x1), min(width, x2)))
        y1, y2 = sorted((max(0, y1), min(height, y2)))
        mask = np.zeros((height, width), dtype=float)
        edge = max(2, min(height, width) // 100)
        mask[y1:y2, x1:x2] = 1.0
        mask[y1 + edge : y2 - edge, x1 + edge : x2 - edge] = 0.0
        return mask
    mask = np.asarray(shape, dtype=float)
    if mask.shape != (height, width):
        raise ValueError(f"A mask must be {height}x{width} like the image, not {mask.shape}")
    return np.clip(mask, 0.0, 1.0)


def _colored(np: Any, mask: Any, color: tuple[int, int, int]) -> Any:
    """An RGBA array: the colour everywhere, the mask as opacity."""
    rgba = np.zeros((*mask.shape, 4), dtype=np.uint8)
    rgba[..., :3] = color
    rgba[..., 3] = (mask * 255).astype(np.uint8)
    return rgba
