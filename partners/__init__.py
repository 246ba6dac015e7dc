"""Partners: organisations, their public pages and the partner directory."""
