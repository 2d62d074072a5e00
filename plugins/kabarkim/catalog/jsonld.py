"""schema.org JSON-LD for products (Product + Offer) and programs (Event)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

from .model import Product, Program, absolute

SCHEMA = "https://schema.org"


def _iso(value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")  # 2026-12-12T09:00:00+07:00
    return value.isoformat()


def product_jsonld(p: Product, images: Sequence[str] = (), site_url: str = "") -> dict[str, Any]:
    """Product with one Offer (price in IDR, schema.org availability URL).

    `images` are absolute JPEG URLs (JPEG for the widest consumer support).
    A product priced "hubungi penjual" gets an Offer without a price.
    """
    offer: dict[str, Any] = {
        "@type": "Offer",
        "url": p.abs_url,
        "priceCurrency": "IDR",
        "availability": p.availability_url,
        "seller": {"@type": "Organization", "name": p.shop},
    }
    if p.final_price is not None:
        offer["price"] = str(p.final_price)
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Product",
        "@id": p.abs_url + "#produk",
        "name": p.title,
        "url": p.abs_url,
        "category": p.category,
        "offers": offer,
    }
    if p.summary:
        data["description"] = p.summary
    if images:
        data["image"] = list(images)
    data["brand"] = {"@type": "Brand", "name": p.shop}
    return data


def event_jsonld(ev: Program, images: Sequence[str] = (), site_url: str = "") -> dict[str, Any]:
    """Event (offline, scheduled) with Place, PostalAddress and organizer."""
    address: dict[str, Any] = {"@type": "PostalAddress", "addressRegion": "DI Yogyakarta",
                               "addressCountry": "ID"}
    locality = ", ".join(x for x in (ev.kim.kalurahan, ev.kim.kapanewon) if x)
    address["addressLocality"] = (locality + ", Bantul") if locality else "Bantul"
    place: dict[str, Any] = {"@type": "Place", "name": ev.place or ev.kim.name, "address": address}
    if ev.coordinates:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": ev.coordinates[0],
                        "longitude": ev.coordinates[1]}
    organizer: dict[str, Any] = {"@type": "Organization", "name": ev.organizer}
    if site_url and ev.kim.url and ev.organizer == ev.kim.name:
        organizer["url"] = absolute(site_url, ev.kim.url)
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "@id": ev.abs_url + "#acara",
        "name": ev.title,
        "url": ev.abs_url,
        "startDate": _iso(ev.start),
        "endDate": _iso(ev.end),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "organizer": organizer,
    }
    if ev.summary:
        data["description"] = ev.summary
    if images:
        data["image"] = list(images)
    if ev.registration:  # where to register; price unknown, so no Offer claims it
        data["sameAs"] = ev.registration
    return data
