"""The error every partner operation raises when the rules refuse it."""


class PartnerError(Exception):
    """An operation the rules do not allow; the message is shown to the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
