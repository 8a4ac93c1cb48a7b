"""practice-bot: rehearse the L6 Machine Learning Engineer AM2 professional discussion."""

__version__ = "0.1.0"
