"""Scoring answers against criteria: the Scorer interface, the offline scorer and (later) the LLM scorer."""
