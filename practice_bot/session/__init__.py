"""The discussion engine: plan, pacing, modes and the state machine that runs a session."""
