"""Token counting (offline fallback), trimming, prompt templates, usage accounting."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from practice_bot.llm import tokens
from practice_bot.llm.prompts import (
    PROMPT_NAMES,
    PromptError,
    load_prompt,
    load_prompt_text,
    parse_prompt,
    prompt_hashes,
    prompts_dir,
)
from practice_bot.llm.tokens import OFFLINE_ENCODING, count_tokens, counter_for, trim_to_budget
from practice_bot.llm.usage import CallUsage, SessionUsage, budget_exhausted

# -- tokens ---------------------------------------------------------------------------------------


def test_offline_fallback_when_the_encoding_cannot_download() -> None:
    # conftest blocks tiktoken's download, as on a machine without network
    count, encoding = count_tokens("The model was retrained weekly.", "gpt-4o-mini")
    assert encoding == OFFLINE_ENCODING
    assert 4 <= count <= 12


def test_unknown_model_counts_offline_without_trying_a_download(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tried: list[str] = []
    monkeypatch.setattr(tokens, "_load_with_timeout", lambda name, timeout: tried.append(name))
    assert counter_for("llama3.1:8b").encoding_name == OFFLINE_ENCODING
    assert tried == []


def test_model_encoding_used_when_available(monkeypatch: pytest.MonkeyPatch) -> None:
    offline = tokens._offline_encoding()
    monkeypatch.setattr(tokens, "_load_with_timeout", lambda name, timeout: offline)
    assert counter_for("gpt-4o").encoding_name == "o200k_base"


def test_special_token_text_is_counted_as_text() -> None:
    assert counter_for(None).count("<|endoftext|> ignore that") > 1


def test_trim_keeps_system_and_newest_turns() -> None:
    counter = counter_for(None)
    messages = [{"role": "system", "content": "You are the assessor."}]
    messages += [
        {"role": "apprentice", "content": f"answer number {i} " + "detail " * 30} for i in range(20)
    ]
    kept = trim_to_budget(messages, 200, counter)
    assert kept[0] == messages[0]
    assert kept[-1] == messages[-1]
    assert 2 <= len(kept) < len(messages)
    assert kept[1:] == messages[-(len(kept) - 1) :]
    assert counter.count_messages(kept) <= 200 + tokens.TOKENS_PER_REPLY


def test_trim_truncates_a_huge_newest_turn() -> None:
    counter = counter_for(None)
    huge = {"role": "apprentice", "content": "word " * 5000}
    kept = trim_to_budget([huge], 100, counter)
    assert len(kept) == 1 and kept[0]["content"].endswith("[…]")
    assert counter.count_messages(kept) <= 100 + tokens.TOKENS_PER_REPLY


def test_trim_within_budget_is_unchanged() -> None:
    messages = [{"role": "assessor", "content": "Q?"}, {"role": "apprentice", "content": "A."}]
    assert trim_to_budget(messages, 1000) == messages


# -- prompts --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PROMPT_NAMES)
def test_shipped_prompts_parse_and_hash(name: str) -> None:
    text, digest = load_prompt_text(name)
    assert text.startswith("# ")
    assert digest == hashlib.sha256((prompts_dir() / f"{name}.md").read_bytes()).hexdigest()
    template = load_prompt(name)
    assert template.variables and "nonce" in template.variables
    messages = template.render(**{v: f"<{v}>" for v in template.variables})
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "{{" not in messages[0]["content"] + messages[1]["content"]
    assert prompt_hashes()[name] == digest


def test_render_is_strict() -> None:
    template = load_prompt("scorer")
    values = {v: "x" for v in template.variables}
    with pytest.raises(PromptError, match="missing answer"):
        template.render(**{k: v for k, v in values.items() if k != "answer"})
    with pytest.raises(PromptError, match="unknown extra"):
        template.render(**values, extra="y")


def test_values_are_inserted_literally() -> None:
    template = load_prompt("scorer")
    values = {v: "x" for v in template.variables}
    values["answer"] = "{{ nonce }} and {{ topic_name }}"
    user = template.render(**values)[1]["content"]
    assert "{{ nonce }} and {{ topic_name }}" in user


GOOD = (
    "# t\n\nVariables:\n- `a`: thing\n\n## system\n\nUse {{ a }}.\n\n## user\n\nAnd {{a}} again.\n"
)


def test_parse_prompt_errors() -> None:
    assert parse_prompt("t", GOOD).render(a="1")[1]["content"] == "And 1 again."
    with pytest.raises(PromptError, match="without listing"):
        parse_prompt("t", GOOD.replace("{{a}}", "{{ b }}"))
    with pytest.raises(PromptError, match="never uses"):
        parse_prompt("t", GOOD.replace("- `a`: thing", "- `a`: thing\n- `c`: other"))
    with pytest.raises(PromptError, match="## system"):
        parse_prompt("t", GOOD.replace("## user", "## other"))
    with pytest.raises(PromptError, match="cannot read"):
        load_prompt("nope", Path("/nonexistent"))


# -- usage ----------------------------------------------------------------------------------------


def test_call_usage_adds_and_names_mixed_counting() -> None:
    a = CallUsage(10, 2, "api") + CallUsage(5, 1, OFFLINE_ENCODING)
    assert (a.prompt_tokens, a.completion_tokens, a.total) == (15, 3, 18)
    assert a.counted_with == f"api+{OFFLINE_ENCODING}"


def test_session_usage_budget_and_record() -> None:
    usage = SessionUsage(budget=100)
    assert not budget_exhausted(usage)
    usage.add(CallUsage(60, 10))
    assert usage.remaining == 30
    assert budget_exhausted(usage, upcoming=31) and not budget_exhausted(usage, upcoming=30)
    usage.add(CallUsage(20, 10))
    assert budget_exhausted(usage)
    record = usage.to_record()
    assert (record.prompt_tokens, record.completion_tokens, record.calls, record.counted_with) == (
        80,
        20,
        2,
        "api",
    )
    again = SessionUsage.from_record(record, budget=500)
    assert again.total == 100 and not again.exhausted()
    assert "100 tokens in 2 calls" in usage.describe()
    assert not budget_exhausted(None) and not SessionUsage(None).exhausted(10**9)


def test_session_usage_is_thread_safe() -> None:
    usage = SessionUsage()

    def work() -> None:
        for _ in range(1000):
            usage.add(CallUsage(1, 1))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert (usage.calls, usage.total) == (8000, 16000)
