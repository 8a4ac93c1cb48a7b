"""Widgets of the discussion room and report: conversation, answer box, clock, progress, criteria."""
