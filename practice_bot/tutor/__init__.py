"""The tutor's side, without any screen: overrides, blind marking and agreement, the review list, the
cohort view, class packs, re-scoring and retention. The Textual review and cohort screens and the
`practice-bot review|pack|rescore|purge` commands are built on these functions."""
