"""Adapter to OpenAI-compatible endpoints: client and retries, prompts, tokens, usage, question writer,
narrative, consent. Nothing here imports `openai` or `tiktoken` until a call or a count needs it."""
