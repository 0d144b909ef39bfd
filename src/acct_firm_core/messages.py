"""Errors the core raises with a code: the message is written once, in English, in a
``MESSAGES`` dict of the raising module, and the Odoo layer translates that very template
at the edge (``env._(MESSAGES[error.code], **error.params)``), so a reader gets it in their
language."""


class CodedError(ValueError):
    """``code`` names the message in ``messages`` (the subclass's catalogue), ``params`` the
    values that fill it; ``str(error)`` is the English message."""

    messages: dict[str, str] = {}

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(self.messages[code] % params)
