"""Flagging: the CSV logger and Interface's flagging modes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import limelight as gr
from limelight.interfaces.flagging import CSVLogger, csv_safe
from limelight.testing import AsyncAppTester
from tests.support import asgi_client

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("-1.5", "-1.5"),
        ('{"a": [1, 2]}', '{"a": [1, 2]}'),
        ("plain", "plain"),
    ],
)
def test_csv_safe_neutralises_formulas_only(text: str, stored: str) -> None:
    assert csv_safe(text) == stored


def rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_csv_logger_writes_a_header_then_rows(tmp_path: Path) -> None:
    logger = CSVLogger()
    logger.setup([gr.Textbox(label="name"), gr.JSON(label="data")], tmp_path)
    assert logger.flag(["=1+1", {"a": 1}], "bad") == 1
    assert logger.flag(["ok", None]) == 2
    written = rows(tmp_path / "dataset1.csv")
    assert written[0] == ["name", "data", "flag", "username", "timestamp"]
    assert written[1][:3] == ["'=1+1", '{"a": 1}', "bad"]
    assert written[2][:3] == ["ok", "", ""]


def make_interface(tmp_path: Path, mode: str, **kwargs: object) -> gr.Interface:
    return gr.Interface(
        str.upper, "text", "text", flagging_mode=mode, flagging_dir=tmp_path, **kwargs
    )


def button_labels(demo: gr.Interface) -> list[str]:
    return [b.value for b in demo.blocks.values() if isinstance(b, gr.Button)]


def test_manual_mode_adds_flag_buttons_and_writes_nothing_yet(tmp_path: Path) -> None:
    assert "Flag" in button_labels(make_interface(tmp_path, "manual"))
    options = make_interface(tmp_path, "manual", flagging_options=["good"])
    labelled = make_interface(tmp_path, "manual", flagging_options=[("Bad!", "bad")])
    assert "Flag as good" in button_labels(options)
    assert "Bad!" in button_labels(labelled)  # a (label, value) pair shows its label as is
    assert "Flag" not in button_labels(make_interface(tmp_path, "never"))
    assert not any(tmp_path.iterdir())


async def test_flag_button_stores_inputs_and_outputs(tmp_path: Path) -> None:
    demo = make_interface(tmp_path, "manual", flagging_options=["good"])
    async with AsyncAppTester(demo) as page:
        await page.set(demo.input_components[0], "hi")
        await page.click(page.find(type="button", value="Submit"))
        flag = page.find(type="button", value="Flag as good")
        await page.click(flag)
        # The button, "Saving..." meanwhile, is clickable again with its label.
        assert (page.value(flag), page.props(flag)["interactive"]) == ("Flag as good", True)
    assert rows(tmp_path / "dataset1.csv")[1][:3] == ["hi", "HI", "good"]


async def test_clear_resets_the_flag_button(tmp_path: Path) -> None:
    demo = make_interface(tmp_path, "manual")
    saving = next(d for d in demo.fns if d.api_name == "lambda")
    reset = next(d for d in demo.fns if d.api_name == "reset")
    async with AsyncAppTester(demo) as page:
        for dep, label in ((saving, "Saving..."), (reset, "Flag")):
            assert (await page.trigger(dep.api_name or "")).data[0]["value"] == label


async def test_auto_mode_flags_every_successful_call(tmp_path: Path) -> None:
    demo = make_interface(tmp_path, "auto")
    async with AsyncAppTester(demo) as page:
        await page.set(demo.input_components[0], "abc")
        submitted = await page.click(page.find(type="button", value="Submit"))
    auto = next(d for d in demo.fns if d.trigger_only_on_success)
    assert auto.id in [result.fn_index for result in submitted.all_results()]
    assert rows(tmp_path / "dataset1.csv")[1][:2] == ["abc", "ABC"]


def test_unknown_flagging_mode_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="flagging_mode"):
        make_interface(tmp_path, "sometimes")


def test_simple_csv_logger_writes_values_without_a_header(tmp_path: Path) -> None:
    logger = gr.SimpleCSVLogger()
    logger.setup([gr.Textbox(label="name")], tmp_path)
    assert logger.flag(["a"]) == 1
    assert logger.flag(["b"], "bad") == 2
    assert [row[:2] for row in rows(tmp_path / "log.csv")] == [["a", ""], ["b", "bad"]]
    assert gr.SimpleCSVLogger().flag if isinstance(logger, gr.FlaggingCallback) else False


def chat(tmp_path: Path, **kwargs: object) -> gr.ChatInterface:
    return gr.ChatInterface(
        lambda message, history: message.upper(), flagging_dir=tmp_path, **kwargs
    )


def test_chat_interface_flags_nothing_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GRADIO_CHAT_FLAGGING_MODE", raising=False)
    demo = chat(tmp_path)
    assert "flag" not in {d.api_name for d in demo.fns}
    assert demo.chatbot.likeable is False
    monkeypatch.setenv("GRADIO_CHAT_FLAGGING_MODE", "manual")
    assert "flag" in {d.api_name for d in chat(tmp_path).fns}
    with pytest.raises(ValueError, match="flagging_mode"):
        chat(tmp_path, flagging_mode="auto")


async def test_chat_reactions_store_the_conversation(tmp_path: Path) -> None:
    demo = chat(tmp_path, flagging_mode="manual", flagging_options=["Like", "Spam"])
    assert demo.chatbot.feedback_options == ["Like", "Spam"]
    assert demo.chatbot.likeable is True
    flag = next(d for d in demo.fns if d.api_name == "flag")
    conversation = [
        {"role": "user", "content": "=1+1"},
        {"role": "assistant", "content": "=1+1"},
    ]
    async with AsyncAppTester(demo) as page:
        await page.set(demo.chatbot, conversation)
        for liked in (False, "Spam"):
            reaction = {"index": 1, "value": "=1+1", "liked": liked}
            result = await page.trigger(demo.chatbot, "like", event_data=reaction)
            assert (result.fn_index, result.ok) == (flag.id, True)
    written = rows(tmp_path / "log.csv")
    assert written[0] == ["conversation", "index", "value", "timestamp"]
    assert [row[1:3] for row in written[1:]] == [["1", "Dislike"], ["1", "Spam"]]
    assert '"=1+1"' in written[1][0]


async def test_flagging_a_forbidden_path_copies_nothing(tmp_path: Path) -> None:
    """docs/security.md #8: a flag whose file input names /etc/passwd records the payload
    as text and copies no file: nothing of /etc/passwd reaches the flagging folder."""
    demo = gr.Interface(
        lambda f: f, gr.File(), "text", flagging_mode="manual", flagging_dir=tmp_path / "flags"
    )
    flag_dep = next(d for d in demo.fns if d.api_name == "Flag")
    forbidden = {"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}}
    async with asgi_client(demo) as client:
        answer = await client.post(
            "/gradio_api/run/predict",
            json={"data": [forbidden, "x"], "fn_index": flag_dep.id, "session_hash": "s"},
        )
    assert answer.status_code == 200
    assert "root:" not in answer.text
    written = [p for p in (tmp_path / "flags").rglob("*") if p.is_file()]
    assert all("root:" not in p.read_text(errors="replace") for p in written)
    assert not any(p.name == "passwd" for p in written)
