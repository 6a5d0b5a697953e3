"""A bot that shows its work: "thinking" and tool-use steps as collapsible, nested messages
with a status and a duration, then the answer. Like or dislike an answer to log feedback."""

import time

import limelight as gr


def answer(message: str, history: list[dict]):
    steps = [
        gr.ChatMessage(
            content="Breaking the question into parts...",
            metadata={"title": "Thinking", "id": "think", "status": "pending"},
        )
    ]
    yield steps
    time.sleep(0.4)
    steps.append(
        gr.ChatMessage(
            content="search(query='limelight chat')  ->  3 results",
            metadata={"title": "Tool: search", "parent_id": "think", "duration": 0.4},
        )
    )
    yield steps
    time.sleep(0.4)
    steps[0].metadata = {"title": "Thinking", "id": "think", "status": "done", "duration": 0.8}
    steps.append(gr.ChatMessage(content=f"The answer to *{message}* is **42**."))
    yield steps


def feedback(data: gr.LikeData) -> None:
    print("feedback", data.index, "liked" if data.liked else "disliked")


demo = gr.ChatInterface(answer, title="Thinking bot")
with demo:
    demo.chatbot.like(feedback)

if __name__ == "__main__":
    demo.launch()
