"""python -m practice_bot"""

from practice_bot.cli import main

raise SystemExit(main())
