"""Saved searches ("alerts") and their digests, and the deadline lifecycle
of opportunities: reminders, one-click extension and closing summaries."""
