"""Account pages beyond allauth's own, and the participant's /me/ area."""

# Mounted at /accounts/ before allauth's URLs (outside the language prefix).
account_patterns = []

# Mounted at /me/ and /it/me/.
me_patterns = []
