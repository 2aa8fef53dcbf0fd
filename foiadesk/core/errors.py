"""The one base class for errors a user can act on.

Core modules raise subclasses of ``UserError`` with a message that stands alone;
the CLI prints it on one line and the window shows it in a dialog. Anything else
that escapes is a bug: it is logged to a file with its traceback.
"""


class UserError(ValueError):
    """Bad input or an unusable file; the message says what to do."""


USER_ERRORS: tuple[type[Exception], ...] = (UserError,)
