"""Opportunities: joint projects, work placements and calls for participation."""
