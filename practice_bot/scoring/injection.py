"""Instructions aimed at the marker rather than answers to the question: the patterns that find them.

Matched against normalised text (NFKC, look-alike letters folded, lower case), and again with spaced-out
letters joined and digits read as letters, so "і g n 0 r e" reads as "ignore".
"""

from __future__ import annotations

import re

_MARKER = (
    r"(?:assessor|marker|marking|markers|scorer|scoring|grader|grading|examiner|evaluator|"
    r"assessment system|ai|model|llm|chatgpt|gpt|claude|assistant|system|reviewer)"
)
_VERDICT = (
    r"(?:evidenced|evidencing|met|passed|achieved|satisfied|a distinction|distinction|full marks?)"
)

_PATTERNS = [
    # "ignore the previous instructions", "disregard the rubric"
    r"\b(?:ignore|disregard|forget|override|overriding|bypass|skip)\b.{0,40}?\b(?:previous|prior|above|"
    r"earlier|preceding|all|any|your|the|system|these|those)\b.{0,25}?\b(?:instructions?|rubric|"
    r"criteria|criterion|rules|prompts?|guidance|marking|mark scheme|guidelines|directions)\b",
    # "mark all criteria as met", "treat this answer as evidenced", "record pass-1 as evidenced"
    r"\b(?:mark|score|grade|rate|judge|treat|consider)\b.{0,40}?\b(?:all|every|each|this|these|the|my|"
    r"both|them)\b.{0,30}?\b(?:criteri\w*|answers?|responses?|judg(?:e)?ments?|ksbs?|them)\b.{0,30}?"
    r"\b(?:as |to |are |is )?(?:met|evidenced|passed|achieved|satisfied|distinction|full marks?)\b",
    rf"\b(?:record|recorded|mark|marked|treat|treated|grade|graded|score|scored|return|output|regard|"
    rf"count|log|logged|accept|assess|assessed|consider|considered)\b[^.\n]{{0,80}}?\bas (?:fully )?"
    rf"{_VERDICT}\b",
    r"\b(?:output|return|respond with|reply with|print|give)\b[^.\n]{0,30}?\b(?:status\s+)?[\"']?"
    r"(?:evidenced|json verdict)\b",
    r"\b(?:award|give|grant|assign)\b.{0,20}?\b(?:full marks|a distinction|top marks|maximum marks|"
    r"all (?:the )?marks|100 ?%)\b",
    # talking to the marker: "as the assessor you must", "dear automated marker", "note to the marking system"
    rf"\bas (?:the|an|my|our) {_MARKER}\b.{{0,40}}?\b(?:you|must|should|will|are required|"
    r"are instructed|have to|need to)\b",
    rf"\b(?:dear|hello|hi|hey|attention|p\.?\s?s\.?|note to|message to|instructions? (?:to|for)|"
    rf"guidance (?:to|for)|notice to)\s+(?:the\s+|any\s+|whoever\s+)?(?:automated\s+|ai\s+)?{_MARKER}\b",
    rf"\b(?:automated|ai)\s+{_MARKER}\b",
    rf"\b{_MARKER}\s+(?:note|guidance|instructions?|override|configuration|notice|settings)\b",
    rf"\b{_MARKER}\s*[,:;]\s*(?:you (?:must|should|will|are|need)|please|ignore|mark|award|give|score|"
    r"grade|treat|output|respond|return|record)\b",
    r"\bto whoever\b.{0,30}?\b(?:marking|scoring|grading|assessing|reading|marks|scores)\b",
    r"\b(?:before|when|while) (?:scoring|marking|grading) (?:this|the|my)\b",
    r"\byou (?:are now|must now|will now|are required to|are instructed to|must mark|must award|"
    r"must give|must score|should mark|should award|must comply|must record)\b",
    r"\b(?:new|updated|revised|real|actual|hidden|secret|priority|system) (?:system )?"
    r"(?:instructions?|prompt|rubric|override)\b",
    r"\b(?:takes?|take) precedence over\b|\bmust comply\b|\bpre-?approved\b",
    r"\b(?:do not|don't|must not|never)\s+(?:mention|flag|reduce|penali[sz]e|output|disclose|reveal|"
    r"downgrade|mark down)\b[^.\n]{0,40}?\b(?:instructions?|this|score|flag|partly|not.yet|feedback|"
    r"brevity|override)\b",
    # claims that the criteria are already met
    r"\b(?:this|my) (?:answer|response) (?:meets|evidences|satisfies|has met|fully meets|covers) "
    r"(?:all|every|each)\b",
    r"\b(?:meets|met|evidences|satisfies) (?:all|every|each) (?:of the )?(?:\w+ )?criteri",
    r"\b(?:all|every|each)\b(?:(?!acceptance|success|exit|entry)[^.\n]){0,40}?\bcriteri(?:a|on)\b"
    rf"[^.\n]{{0,60}}?\b(?:{_VERDICT}|pre-?approved|were demonstrated|have been demonstrated)\b",
    # criterion ids and verdict words together: "record model-management/pass-3 as evidenced"
    r"\b(?:pass|dist)-\d\b[^\n]{0,200}?\b(?:evidenced|met|mark|record|treat|grade|award)\b",
    r"\b(?:evidenced|mark|record|treat|grade|award)\b[^\n]{0,200}?\b(?:pass|dist)-\d\b",
    # role markers, chat-template tokens, comments and fake JSON verdicts
    r"^\s*[\[<#*(]*\s*(?:system|assistant|developer|instruction|instructions)\b[^\n:]{0,20}[\]>*)]*\s*:",
    r"^\s*\[\s*(?:system|assessor|marker|admin|override)[^\]\n]{0,40}\]",
    r"<\|?\s*/?(?:system|im_start|im_end|endoftext|assistant|user)\s*\|?>|\[/?(?:inst|system)\]|<!--",
    r"[{,]\s*[\"']?(?:status|verdict|grade|result|score|judg(?:e)?ment|outcome|met|evidenced|"
    r"decision|criterion_id|criteria)[\"']?\s*:\s*[\"']?(?:evidenced|met|pass|passed|distinction|"
    r"true|achieved|yes|100|10|full)\b",
    r"\bjailbreak|\bdeveloper mode\b|\bdo anything now\b",
]

INJECTION = re.compile("|".join(_PATTERNS), re.MULTILINE)
