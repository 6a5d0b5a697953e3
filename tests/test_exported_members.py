"""The public names, the modules' ``__all__``, the registry and the component files agree."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import limelight
from limelight.components import REGISTRY, Component

PACKAGE = Path(limelight.__file__).resolve().parent
COMPONENTS = PACKAGE / "components"
NOT_COMPONENT_MODULES = {
    "__init__.py",
    "audio_codecs.py",
    "base.py",
    "choices.py",
    "dataframe_values.py",
    "dataframe_window.py",
    "filebase.py",
    "image_files.py",
    "imaging.py",
    "native_plot.py",
    "sound.py",
    "subtitles.py",
    "video_codec.py",
    "watermark.py",
    "waveform.py",
}


def _module_names() -> list[str]:
    names = ["limelight"]
    for info in pkgutil.walk_packages([str(PACKAGE)], prefix="limelight."):
        names.append(info.name)
    return sorted(names)


def test_every_public_name_resolves() -> None:
    for name in limelight.__all__:
        assert getattr(limelight, name) is not None, name


def test_dir_lists_the_public_names() -> None:
    assert set(limelight.__all__) <= set(dir(limelight))


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        limelight.Nope  # noqa: B018


def test_public_classes_are_the_real_ones() -> None:
    from limelight.components.slider import Slider
    from limelight.interfaces.blocks import Blocks

    assert limelight.Blocks is Blocks
    assert limelight.Slider is Slider


@pytest.mark.parametrize("module_name", _module_names())
def test_module_declares_all_and_its_names_exist(module_name: str) -> None:
    module = importlib.import_module(module_name)
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{module_name} declares no __all__"
    missing = [name for name in exported if not hasattr(module, name)]
    assert not missing, f"{module_name}.__all__ names missing attributes: {missing}"
    assert len(set(exported)) == len(exported)


def test_registry_keys_are_the_types_of_the_component_modules() -> None:
    types = set()
    for path in COMPONENTS.glob("*.py"):
        if path.name in NOT_COMPONENT_MODULES:
            continue
        module = importlib.import_module(f"limelight.components.{path.stem}")
        types |= {
            obj.TYPE
            for obj in vars(module).values()
            if isinstance(obj, type)
            and issubclass(obj, Component)
            and obj.__module__ == module.__name__
        }
    assert set(REGISTRY) == types


@pytest.mark.parametrize(
    "path",
    sorted(p for p in COMPONENTS.glob("*.py") if p.name not in NOT_COMPONENT_MODULES),
    ids=lambda p: p.name,
)
def test_each_component_module_defines_exactly_one_registered_class(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = [node.name for node in tree.body if isinstance(node, ast.ClassDef)]
    registered = [name for name in classes if name in {c.__name__ for c in REGISTRY.values()}]
    assert len(registered) == 1, f"{path.name} defines {classes}"
    module = importlib.import_module(f"limelight.components.{path.stem}")
    cls = getattr(module, registered[0])
    assert REGISTRY[cls.TYPE] is cls


def test_every_registered_component_is_public() -> None:
    for cls in REGISTRY.values():
        assert getattr(limelight, cls.__name__) is cls


REGISTRY_TS = PACKAGE.parents[1] / "frontend" / "src" / "registry.ts"


def _frontend_modules() -> dict[str, str]:
    """Each component type name and the frontend module ``registry.ts`` loads for it."""
    import re

    found = re.findall(
        r'^\s+(\w+): \(\) => import\("\./components/(\w+)"\)', REGISTRY_TS.read_text(), re.M
    )
    return dict(found)


@pytest.mark.parametrize("type_name", sorted(REGISTRY))
def test_a_components_python_and_typescript_modules_share_a_name(type_name: str) -> None:
    """The frontend module that draws a component is named after the Python module of its
    class or of a class it builds on (``ClearButton`` -> ``button.tsx``)."""
    frontend = _frontend_modules()
    assert type_name in frontend, f"registry.ts does not load {type_name}"
    modules = {
        cls.__module__.rsplit(".", 1)[-1]
        for cls in REGISTRY[type_name].__mro__
        if cls.__module__.startswith("limelight.components.")
    }
    assert frontend[type_name] in modules
    assert (
        PACKAGE.parents[1] / "frontend" / "src" / "components" / f"{frontend[type_name]}.tsx"
    ).exists()
