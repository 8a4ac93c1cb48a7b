"""Speaking the discussion: recording answers, delivery figures, questions read aloud.

Headless (no Textual). The audio libraries (sounddevice, soundfile, numpy, webrtcvad) come with the
optional `voice` extra and are imported only when a function needs them; `libs.py` turns their absence,
or a missing PortAudio library, into a `VoiceUnavailable` naming the fix.
"""
