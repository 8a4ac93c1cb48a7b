"""The high-contrast theme: white on black, a yellow accent, and status colours that words back up."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFAF00",
    error="#FF5F5F",
    success="#5FFF5F",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1C1C1C",
    boost="#303030",
    dark=True,
    luminosity_spread=0.1,
    text_alpha=1.0,
    variables={
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "input-selection-background": "#FFFF00 40%",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "border": "#FFFFFF",
        "border-blurred": "#8A8A8A",
        "text-muted": "#D0D0D0",
    },
)
