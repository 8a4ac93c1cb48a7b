"""Question banks: opening questions and follow-up probes per topic, tagged with criterion ids."""

from practice_bot.banks.check import (
    MIN_OPENINGS,
    MIN_PROBES,
    CheckResult,
    TopicCoverage,
    check_banks,
)
from practice_bot.banks.loader import load_banks
from practice_bot.banks.models import Bank, Question, QuestionKind

__all__ = [
    "MIN_OPENINGS",
    "MIN_PROBES",
    "Bank",
    "CheckResult",
    "Question",
    "QuestionKind",
    "TopicCoverage",
    "check_banks",
    "load_banks",
]
