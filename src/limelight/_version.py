__all__ = ["GRADIO_VERSION", "__version__"]

__version__ = "0.1.0"

GRADIO_VERSION = "6.31.0"
"""The Gradio version whose protocol limelight speaks; clients branch on it."""
