"""Dashboard shortcut of the e-mail log (see portal.registry for the convention)."""

from portal.registry import Shortcut

SHORTCUTS = [
    Shortcut("Courriels envoyés", ("mail.OutgoingEmail",), "mail.view_outgoingemail", "mail", order=830),
]
