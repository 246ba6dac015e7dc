"""Commands for operators: sending the outbox without a broker."""
