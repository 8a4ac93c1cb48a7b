"""The Textual app: start screen, discussion room, practice feedback, report and history.

Only `app.py` is imported at start-up; screens and heavy widgets are imported when first shown.
"""
