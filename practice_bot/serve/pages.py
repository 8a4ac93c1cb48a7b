"""The two HTML pages: the sign-in form and the terminal. No inline script (the CSP forbids it) and
nothing from another host: styles, script and fonts are all under /static."""

from __future__ import annotations

from html import escape

HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="preload" href="/static/fonts/RobotoMono-VariableFont_wght.ttf" as="font" type="font/ttf" crossorigin>
<link rel="stylesheet" href="/static/page.css">
{extra}
</head>
"""


def sign_in_page(class_name: str, problem: str = "", name: str = "") -> str:
    note = f'<p class="problem" role="alert">{escape(problem)}</p>' if problem else ""
    return (
        HEAD.format(title=escape(f"{class_name}: sign in"), extra="")
        + f"""<body class="sign-in">
<main>
<h1>{escape(class_name)}</h1>
<p>Type your name as your tutor knows it, and the class code on the board.</p>
{note}
<form method="post" action="/login" autocomplete="off">
<label for="name">Your name</label>
<input id="name" name="name" maxlength="60" required autofocus value="{escape(name)}">
<label for="code">Class code</label>
<input id="code" name="code" maxlength="20" required autocapitalize="characters" spellcheck="false">
<button type="submit">Start</button>
</form>
<p class="small">Everything you send is saved as you go. If the page closes, sign in again
with the same name to carry on.</p>
</main>
</body>
</html>
"""
    )


def terminal_page(class_name: str, name: str) -> str:
    extra = (
        '<link rel="stylesheet" href="/static/xterm.css">\n'
        '<script src="/static/connect.js"></script>\n'
        '<script src="/static/textual.js"></script>'
    )
    return (
        HEAD.format(title=escape(f"{class_name}: {name}"), extra=extra)
        + """<body class="terminal-page">
<div id="closed" class="closed">
<p>This window is no longer connected. Your answers are saved.</p>
<p><a href="/app">Carry on</a></p>
</div>
<div id="terminal" class="textual-terminal" data-session-websocket-url="" data-font-size="16"></div>
</body>
</html>
"""
    )
