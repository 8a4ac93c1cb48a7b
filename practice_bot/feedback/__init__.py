"""Feedback text for the end-of-session report: per-criterion tips."""

from practice_bot.feedback.tips import Tip, load_tips, tip

__all__ = ["Tip", "load_tips", "tip"]
