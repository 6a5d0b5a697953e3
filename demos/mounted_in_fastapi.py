"""An app served under /gradio of a FastAPI application that has its own routes and
lifespan (needs FastAPI: ``pip install 'limelight[fastapi]'``)."""

import os
from contextlib import asynccontextmanager

from fastapi import FastAPI

import limelight as gr


@asynccontextmanager
async def lifespan(app: FastAPI):
    # The host's own start-up and shut-down; limelight's queue runs inside it.
    yield {"visits": []}


app = FastAPI(lifespan=lifespan)


@app.get("/")
def main() -> dict[str, str]:
    return {"message": "This is your main app; the demo is at /gradio/"}


def shout(text: str) -> str:
    return text.upper() + "!"


demo = gr.Interface(shout, gr.Textbox(label="Text"), gr.Textbox(label="Shouted"))
app = gr.mount_gradio_app(app, demo, path="/gradio")

if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=int(os.environ.get("GRADIO_SERVER_PORT", 8000)))
