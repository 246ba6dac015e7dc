"""Site search across all content, with the opportunity filters."""
