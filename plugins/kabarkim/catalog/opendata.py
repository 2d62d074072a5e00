"""Open data: /data/kim.json, /data/produk.json, /data/program.json.

Schema version 1, documented in README.md ("Open data"). Output is
deterministic (sorted, no build timestamp) so rebuilds are byte-identical.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Iterable, Mapping

from .model import Product, Program, absolute

SCHEMA_VERSION = 1
PhotoFn = Callable[[str, str], "dict[str, Any] | None"]  # (kim_slug, file name) -> {"url","width","height"}


def _coords(c: tuple[float, float] | None) -> dict[str, float] | None:
    return {"lat": c[0], "lon": c[1]} if c else None


def _envelope(kind: str, site_url: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": kind,
        "site": site_url.rstrip("/") + "/",
        "documentation": absolute(site_url, "data/"),
        "count": len(items),
        "items": items,
    }


def _kim_ref(ref, site_url: str) -> dict[str, Any]:
    return {"slug": ref.slug, "name": ref.name, "url": absolute(site_url, ref.url) if ref.url else "",
            "kapanewon": ref.kapanewon, "kalurahan": ref.kalurahan}


def product_item(p: Product, site_url: str, photo: PhotoFn | None = None) -> dict[str, Any]:
    photos = []
    for name in p.photos:
        info = photo(p.kim.slug, name) if photo else None
        if info:
            photos.append(info)
    return {
        "slug": p.slug,
        "url": p.abs_url,
        "title": p.title,
        "summary": p.summary,
        "date": p.date.isoformat(),
        "category": p.category,
        "category_slug": p.category_slug,
        "price": p.price,
        "discount_percent": p.discount,
        "final_price": p.final_price,
        "currency": "IDR",
        "price_text": p.final_price_text,
        "unit": p.unit,
        "availability": p.availability,
        "shop": p.shop,
        "whatsapp": p.whatsapp,
        "order_url": p.order_url,
        "bos_url": p.bos or None,
        "marketplaces": p.marketplaces,
        "place": p.place,
        "coordinates": _coords(p.coordinates),
        "photos": photos,
        "kim": _kim_ref(p.kim, site_url),
        "example": p.example,
    }


def program_item(ev: Program, site_url: str, photo: PhotoFn | None = None, ics_url: str = "") -> dict[str, Any]:
    image = photo(ev.kim.slug, ev.image) if (photo and ev.image) else None
    return {
        "slug": ev.slug,
        "url": ev.abs_url,
        "title": ev.title,
        "summary": ev.summary,
        "start": ev.start.isoformat(),
        "end": ev.end.isoformat(),
        "all_day": ev.all_day,
        "timezone": "Asia/Jakarta",
        "place": ev.place,
        "organizer": ev.organizer,
        "registration_url": ev.registration or None,
        "contact": ev.contact or None,
        "coordinates": _coords(ev.coordinates),
        "image": image,
        "ics_url": ics_url or None,
        "kim": _kim_ref(ev.kim, site_url),
        "example": ev.example,
    }


def kim_item(kim: Mapping[str, Any], site_url: str, counts: Mapping[str, int] | None = None) -> dict[str, Any]:
    """kim: mapping with slug, name, url, kapanewon, kalurahan, coordinates, wifi,
    wifi_location, description, contacts, social, feeds (optional)."""
    counts = counts or {}
    return {
        "slug": kim["slug"],
        "name": kim["name"],
        "url": absolute(site_url, kim["url"]) if kim.get("url") else "",
        "kapanewon": kim.get("kapanewon", ""),
        "kalurahan": kim.get("kalurahan", ""),
        "description": kim.get("description", "") or "",
        "coordinates": _coords(tuple(kim["coordinates"]) if kim.get("coordinates") else None),
        "wifi": {"available": bool(kim.get("wifi")), "location": kim.get("wifi_location") or None},
        "contacts": dict(kim.get("contacts") or {}),
        "social": dict(kim.get("social") or {}),
        "products": counts.get("products", 0),
        "programs": counts.get("programs", 0),
        "products_url": absolute(site_url, f"produk/kim/{kim['slug']}/"),
        "programs_ics": absolute(site_url, f"program/kim/{kim['slug']}.ics"),
        "example": bool(kim.get("example")),
    }


def products_json(products: Iterable[Product], site_url: str, photo: PhotoFn | None = None) -> dict[str, Any]:
    items = [product_item(p, site_url, photo) for p in sorted(products, key=lambda p: p.slug)]
    return _envelope("produk", site_url, items)


def programs_json(programs: Iterable[Program], site_url: str, photo: PhotoFn | None = None,
                  ics_url: Callable[[Program], str] | None = None) -> dict[str, Any]:
    items = [program_item(e, site_url, photo, ics_url(e) if ics_url else "")
             for e in sorted(programs, key=lambda e: (e.start_dt, e.slug))]
    return _envelope("program", site_url, items)


def kims_json(kims: Iterable[Mapping[str, Any]], site_url: str,
              counts: Mapping[str, Mapping[str, int]] | None = None) -> dict[str, Any]:
    counts = counts or {}
    items = [kim_item(k, site_url, counts.get(k["slug"])) for k in sorted(kims, key=lambda k: k["slug"])]
    return _envelope("kim", site_url, items)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
