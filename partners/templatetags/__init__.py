"""Template tags and filters of the partners app."""
