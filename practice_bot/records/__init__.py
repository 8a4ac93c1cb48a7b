"""Transcripts: the versioned schema, the crash-safe journal, the folder store and reports."""
