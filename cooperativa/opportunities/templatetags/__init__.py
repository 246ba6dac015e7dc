"""Template tags for feeds and structured data."""
