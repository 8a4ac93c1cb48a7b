"""Question banks: opening questions and follow-up probes per topic, tagged with criterion ids."""
