"""The standard as data: topics, criteria, KSBs and the grading rules."""

from practice_bot.rubric.grading import Grade, Grades, method_grade, overall_grade, predict_grades
from practice_bot.rubric.loader import load_rubric
from practice_bot.rubric.models import KSB, Criterion, Level, Method, Rubric, Topic

__all__ = [
    "KSB",
    "Criterion",
    "Grade",
    "Grades",
    "Level",
    "Method",
    "Rubric",
    "Topic",
    "load_rubric",
    "method_grade",
    "overall_grade",
    "predict_grades",
]
