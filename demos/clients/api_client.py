"""Call a running limelight app from Python with the official ``gradio_client``.

Start the app first (``limelight run demos/hello_world.py``), then run
``python demos/clients/api_client.py http://127.0.0.1:7860/``."""

import sys

from gradio_client import Client


def greet_through_the_api(url: str) -> str:
    client = Client(url)
    # Every named event is an endpoint; /gradio_api/info lists them with their parameters.
    result: str = client.predict("World", 3, api_name="/greet")
    return result


if __name__ == "__main__":
    print(greet_through_the_api(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:7860/"))
