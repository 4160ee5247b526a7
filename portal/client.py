"""The address of the client behind the TLS proxy, for every rate limit and log line.

`NEGE_TRUSTED_PROXIES` says which proxies in front of the application append the address they see to
`X-Forwarded-For`; it is either

- a number n (0: no proxy, the connecting address is the client's; 1: one proxy, e.g. nginx on the same
  machine): the n right-most entries of the header were written by our proxies, the n-th from the right
  is the client as seen by the outermost one;
- a comma-separated list of proxy addresses or networks (`10.0.0.5, 172.16.0.0/12`): the header is read
  only when the connection comes from one of them, and the client is the right-most entry that is not one
  of our proxies.

Anything further left was written by the client and is ignored, so a forged entry buys no new identity.
`ClientAddressMiddleware` puts the result on `request.client_address` for views and log lines.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def trusted_proxies(value):
    """`NEGE_TRUSTED_PROXIES` read as a number of hops (int) or a tuple of networks."""
    if isinstance(value, (list, tuple)):
        value = ",".join(str(part) for part in value)
    text = str(value if value is not None else "").strip()
    if not text:
        return 0
    if text.isdigit():
        return int(text)
    return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in text.split(",") if part.strip())


def _ip(text):
    """The address `text` holds (an IPv6 zone or an IPv4 port dropped), or None if it is not one."""
    text = text.strip().strip("[]")
    if text.count(":") == 1:  # "203.0.113.7:51234"
        text = text.split(":")[0]
    try:
        return ipaddress.ip_address(text.split("%")[0])
    except ValueError:
        return None


def _is_trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_address(request):
    """The client's IP address as seen by the outermost trusted proxy."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = trusted_proxies(getattr(settings, "NEGE_TRUSTED_PROXIES", 0))
    if not proxies:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if isinstance(proxies, int):
        if not forwarded:
            return remote
        # With n proxies, the n-th entry from the right is what the first proxy saw connecting to it.
        candidate = _ip(forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0])
        return str(candidate) if candidate else remote
    if not _is_trusted(_ip(remote), proxies):
        return remote  # not through our proxies: the header is the client's own words
    for entry in reversed(forwarded):
        address = _ip(entry)
        if address is None:
            break  # garbage from beyond our proxies: stop at the last hop we trust
        if not _is_trusted(address, proxies):
            return str(address)
        remote = str(address)
    return remote


def ratelimit_ip(request):
    """`RATELIMIT_IP_META_KEY`: django-ratelimit's `key="ip"` is the client address."""
    return getattr(request, "client_address", None) or client_address(request)


class ClientAddressMiddleware:
    """Set `request.client_address` once, first thing, for views, rate limits and log lines."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.client_address = client_address(request)
        return self.get_response(request)
