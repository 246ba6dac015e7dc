"""Template tags for the site shell: navigation, page metadata and languages."""
