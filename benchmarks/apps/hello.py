"""The hello app: one textbox in, one out. The same file runs on limelight and Gradio:
``BENCH_UI`` names the library imported as ``gr``."""

import importlib
import os

gr = importlib.import_module(os.environ.get("BENCH_UI", "limelight"))


def greet(name: str) -> str:
    return "Hello " + name + "!"


demo = gr.Interface(fn=greet, inputs="text", outputs="text")

if __name__ == "__main__":
    demo.launch()
