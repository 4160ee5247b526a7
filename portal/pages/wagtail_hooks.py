"""Wagtail hooks of the public site skeleton."""

from wagtail import hooks

from portal.public_cache import mark_cacheable

hooks.register("before_serve_page", mark_cacheable)
