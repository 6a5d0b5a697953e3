"""``gr.mcp``: how an app's functions are offered by its MCP server
(``demo.launch(mcp_server=True)``).

Every public endpoint is an MCP tool by default; the decorators here make a function a
resource or a prompt instead, or change how its tool is named and described:

```python
@gr.mcp.resource("greeting://{name}")
def get_greeting(name: str) -> str:
    \"\"\"Get a personalized greeting\"\"\"
    return f"Hello, {name}!"
```

Importing this module does not need the ``mcp`` SDK; serving does
(``pip install "limelight[mcp]"``).
"""

from __future__ import annotations

from limelight.mcp.catalog import Catalog, Entry, build_catalog
from limelight.mcp.markers import McpMark, McpNamespace, mark_of, prompt, resource, tool

__all__ = [
    "Catalog",
    "Entry",
    "McpMark",
    "McpNamespace",
    "build_catalog",
    "mark_of",
    "prompt",
    "resource",
    "tool",
]
