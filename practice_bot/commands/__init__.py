"""One module per subcommand group; see practice_bot/cli.py."""
