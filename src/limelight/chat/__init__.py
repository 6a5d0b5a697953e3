"""What the Chatbot component speaks: chat messages, reasoning blocks and the data its
events pass to functions."""

__all__: list[str] = []
