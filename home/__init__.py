"""Home: the home page, standard pages, the shared content blocks and site settings."""
