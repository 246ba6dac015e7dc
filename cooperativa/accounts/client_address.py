"""The address of the person making a request, behind our reverse proxies.

Behind a reverse proxy ``REMOTE_ADDR`` is the proxy's address for every
visitor: anything counted per address (allauth's rate limits) would count the
whole world as one visitor, and one person could lock everyone out. The proxy
appends the address it received the request from to ``X-Forwarded-For``, but
anyone can send that header too, so it is believed only as far as the
proxies named in ``TRUSTED_PROXIES`` (addresses or networks) vouch for it:
read from the right, every hop added by a trusted proxy is skipped, and the
first address not in the list is the client's. With no proxies named, the
header is ignored and ``REMOTE_ADDR`` is the client's address.

allauth's own ``ALLAUTH_TRUSTED_PROXY_COUNT`` trusts the header by counting
hops, whoever sent the request: a visitor reaching the web process directly
could choose their own address. Hence this function, which
``AccountAdapter.get_client_ip`` makes allauth's notion of the client too;
anything else that needs the client's address calls it.
"""

import functools
import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@functools.cache
def trusted_networks(proxies):
    """``TRUSTED_PROXIES`` (a tuple of addresses or networks) as networks."""
    networks = []
    for proxy in proxies:
        try:
            networks.append(ipaddress.ip_network(proxy.strip(), strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {proxy!r} is not an IP address or network ({error})."
            ) from error
    return tuple(networks)


def parse_address(value):
    """An address as ``ipaddress`` gives it, or None. Accepts what proxies
    write: an IPv4 address with a port, an IPv6 address in brackets."""
    value = value.strip()
    if value.startswith("["):
        value = value[1 : value.find("]")] if "]" in value else ""
    elif value.count(":") == 1:
        value = value.split(":")[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def is_trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_address(request):
    """The client's IP address as a string, or None if it cannot be told."""
    peer = parse_address(request.META.get("REMOTE_ADDR", ""))
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    if not is_trusted(peer, networks):
        return str(peer) if peer is not None else None
    forwarded = request.headers.get("X-Forwarded-For", "")
    client = peer
    for hop in reversed(forwarded.split(",")):
        address = parse_address(hop)
        if address is None:
            # A trusted proxy passed on something that is not an address:
            # the last address it vouched for is as far as we can tell.
            break
        client = address
        if not is_trusted(address, networks):
            break
    return str(client)
