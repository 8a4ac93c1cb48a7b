"""`practice-bot serve`: a class sits a pack's mock exam in their browsers (headless: no Textual here;
the learner's app is practice_bot/tui/learner_app.py, run as one process per learner)."""
