"""A 3D model: pick a shape and it is drawn; drag to turn it, scroll to zoom."""

import tempfile
from pathlib import Path

import limelight as gr

SHAPES = {
    "tetrahedron": "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n",
    "pyramid": "v 0 0 0\nv 1 0 0\nv 1 0 1\nv 0 0 1\nv 0.5 1 0.5\n"
    "f 1 2 3 4\nf 1 2 5\nf 2 3 5\nf 3 4 5\nf 4 1 5\n",
}


def shape_file(name: str) -> str:
    """Write the chosen shape to an OBJ file and return its path."""
    path = Path(tempfile.gettempdir()) / f"limelight-{name}.obj"
    path.write_text(SHAPES[name])
    return str(path)


with gr.Blocks() as demo:
    shape = gr.Radio(list(SHAPES), label="Shape")
    model = gr.Model3D(label="Model")
    shape.change(shape_file, shape, model)

if __name__ == "__main__":
    demo.launch()
