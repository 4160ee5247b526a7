"""Small pure helpers for what the directory prints."""

import html as html_lib
import re

import nh3
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.rich_text import expand_db_html

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "h3", "h4", "ol", "ul", "li", "a"}
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
EMAIL_MASK = "[adresse masquée]"


def mask_emails(text):
    """Replace e-mail addresses: the directory never prints one (they may be a person's)."""
    return EMAIL_RE.sub(EMAIL_MASK, text or "")


def safe_presentation(html):
    """Rich text of a presentation, fit for the public: whitelisted tags, http(s) links, no e-mail."""
    cleaned = nh3.clean(
        expand_db_html(html or ""),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="noopener nofollow",
    )
    return mask_emails(cleaned)


BLOCK_END_RE = re.compile(r"<(?:/p|/li|/h\d|br)\b[^>]*>", re.IGNORECASE)
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s")


def summary(html, length=140):
    """One line of plain text from a presentation: its first sentence, cut at `length` characters."""
    text = " ".join(html_lib.unescape(strip_tags(BLOCK_END_RE.sub(" ", html or ""))).split())
    first = SENTENCE_END_RE.split(text, maxsplit=1)[0]
    return mask_emails(Truncator(first).chars(length))
