"""The learner's job, as an answer states it, when it opens or anywhere in it: "I'm the fleet
engineer for a bus company", "I'm a casting coordinator at an online retailer", "I'm head of finance
at a football club", "I teach chemistry at a comprehensive", "...the Power BI reporting, I am BI
developer, I do not build any prediction".

An assessor reads the whole answer in that light. When the job named is another field's, the words
other fields use too ("46 older diesel models", "the features that affected accuracy", "our air
data test set", "automatic route setting") do not make the answer machine-learning or data work
(field.py, `about_object`; the `object_plain` marker list). A job in the field ("the ML
apprentice", "the only data person", "a junior analyst") is not another field's.
"""

from __future__ import annotations

import re
from typing import Final

from practice_bot.scoring.text import word_set

# where a self-introduction starts: the sentence's start, or after "and" ("My name's Jo and I'm a
# joiner at..."), past the fillers
_START: Final = (
    r"(?:^|\band\s+)(?:(?:so|um|umm|er|erm|uh|yeah|yes|right|well|okay|ok|and|like|hi|hello)\s+)*"
)
_I_AM: Final = r"(?:i\s+m|i\s+am|im|i\s+ve\s+been|i\s+work\s+as)"
_PLACE: Final = r"(?:at|for|on|in|with)"
# the job: up to seven words, none of them a preposition of place ("I'm at a port authority")
_JOB: Final = rf"(?P<job>(?:(?!{_PLACE}\b)\w+\s+){{0,6}}?(?!{_PLACE}\b)\w+)"
# "I'm a/an/the <job> at/for/on/in/with a <place>", "I'm company stage manager on a touring musical"
_ROLE: Final = re.compile(rf"{_START}{_I_AM}\s+{_JOB}\s+{_PLACE}\s+(?:a|an|the|our|one|\d+)\b")
# "I'm a paramedic for twelve years", "I'm a B1 licensed engineer on ATR 72s", "I'm a gas engineer
# by trade", "I'm an electrician and...", "I'm a Royal Signals sergeant.": with an article, a job
# before a preposition of place, or a job title before anything else
_ARTICLED: Final = re.compile(
    rf"{_START}{_I_AM}\s+(?:a|an|the)\s+{_JOB}"
    rf"(?:\s+(?P<place>{_PLACE})|\s+(?:by\s+(?:trade|background|profession)|and)\b|$)"
)
# "As a paramedic with the ambulance service, I...", "As the site manager, I...", "I work for the
# ambulance service as a paramedic": the job after "as", before a place, "I" or the end
_AS: Final = re.compile(
    rf"(?:{_START}|^i\s+work\b.*?\b)as\s+(?:a|an|the)\s+{_JOB}"
    rf"(?:\s+(?P<place>{_PLACE})\s+(?:a|an|the|our)\b|\s+i\b|$)"
)
# "...the Power BI reporting, I am BI developer, I do not build any prediction", "I am scrum master
# for the app team": a job title without an article, anywhere in a sentence, before a place, a new
# clause or the end
_BARE_TITLE: Final = re.compile(
    rf"(?:^|\s){_I_AM}\s+(?P<job>(?:\w+\s+){{0,2}}?\w+)"
    rf"(?=\s+(?:{_PLACE}|i|we|so|and|but|because)\b|$)"
)
# A job told as what one does for a living: "I teach chemistry", "I farm 420 acres", "I manage a
# care home".
_DOING: Final = re.compile(rf"{_START}i\s+(?:teach|farm|manage\s+(?:a|an))\b")
_ARTICLES: Final = word_set("a an the")
# The head words of a job title said without an article ("I'm company stage manager", "I'm deputy
# launching authority", "im chief lx", "I am second engineer on a container ship").
_TITLES: Final = word_set(
    "manager engineer head chief deputy coordinator officer director supervisor technician "
    "assistant authority inspector controller foreman superintendent sergeant nurse teacher "
    "lecturer electrician plumber chef pilot driver solicitor accountant pharmacist surveyor "
    "architect developer tester designer administrator consultant master"
)
# Not a job: "I'm the one at the front", "I'm a bit new at this", "I'm the lead on the project"
# (a part in the work, not a trade)
_NOT_JOBS: Final = word_set(
    "one bit lot little part member fan big lead owner person contact stickler believer team "
    "result rule whole example first start starting consequence side"
)


def states_job(tokens: list[str]) -> bool:
    """The sentence (its normalised words) gives the learner's job, at its start or after "and"."""
    text = " ".join(tokens)
    if _DOING.search(text):
        return True
    m = _ROLE.search(text)
    if m is not None:
        job = m.group("job").split()
        if _NOT_JOBS.isdisjoint(job) and (job[0] in _ARTICLES or not _TITLES.isdisjoint(job)):
            return True
    m = _BARE_TITLE.search(text)
    if m is not None:
        job = m.group("job").split()
        if job[-1] in _TITLES and _NOT_JOBS.isdisjoint(job):
            return True
    m = _AS.search(text)
    if m is not None and _NOT_JOBS.isdisjoint(m.group("job").split()):
        return True
    m = _ARTICLED.search(text)
    if m is None:
        return False
    job = m.group("job").split()
    return _NOT_JOBS.isdisjoint(job) and (
        m.group("place") is not None or not _TITLES.isdisjoint(job)
    )
