"""Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer removes and remounts every key each time the screen's bindings may have changed (a
focus change, a widget mounted). While the start screen builds, that happens five times over the same
seven keys, about a third of the CPU time of its first frame. This footer compares what it would show
with what it shows and recomposes only if they differ; otherwise it is Textual's own.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._composed_for: tuple[object, ...] | None = None

    def _what_is_shown(self) -> tuple[object, ...]:
        """Everything Textual's `compose` draws the keys from."""
        app = self.app
        keys = tuple(
            (
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                binding.show,
                binding.group,
                binding.tooltip,
                enabled,
                tooltip,
            )
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
        )
        flags = (self._bindings_ready, self.show_command_palette, app.ENABLE_COMMAND_PALETTE)
        return (flags, app.COMMAND_PALETTE_BINDING, keys)

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning:
            return
        shown = self._what_is_shown()
        if shown == self._composed_for:
            return
        self._composed_for = shown
        await super().recompose()
