"""Map data: one GeoJSON FeatureCollection of KIMs (wifi flag), products and programs.

GeoJSON positions are [longitude, latitude] (RFC 7946) — the reverse of our
front matter's [lat, lon].
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from .model import Product, Program, absolute


def _point(coords: tuple[float, float]) -> dict[str, Any]:
    lat, lon = coords
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def kim_feature(kim: Mapping[str, Any], site_url: str) -> dict[str, Any] | None:
    """kim: slug, name, url, coordinates (lat, lon) or None, wifi (bool), wifi_location, kapanewon, kalurahan."""
    coords = kim.get("coordinates")
    if not coords:
        return None
    return {
        "type": "Feature",
        "id": f"kim-{kim['slug']}",
        "geometry": _point(tuple(coords)),
        "properties": {
            "kind": "kim",
            "title": kim["name"],
            "url": absolute(site_url, kim["url"]) if kim.get("url") else "",
            "kapanewon": kim.get("kapanewon", ""),
            "kalurahan": kim.get("kalurahan", ""),
            "wifi": bool(kim.get("wifi")),
            "wifi_location": kim.get("wifi_location", "") or "",
        },
    }


def product_feature(p: Product, site_url: str) -> dict[str, Any] | None:
    if not p.coordinates:
        return None
    return {
        "type": "Feature",
        "id": f"produk-{p.slug}",
        "geometry": _point(p.coordinates),
        "properties": {
            "kind": "produk",
            "title": p.title,
            "url": p.abs_url,
            "kim": p.kim.name,
            "category": p.category,
            "price": p.final_price_text,
            "place": p.place,
        },
    }


def program_feature(ev: Program, site_url: str) -> dict[str, Any] | None:
    if not ev.coordinates:
        return None
    return {
        "type": "Feature",
        "id": f"program-{ev.slug}",
        "geometry": _point(ev.coordinates),
        "properties": {
            "kind": "program",
            "title": ev.title,
            "url": ev.abs_url,
            "kim": ev.kim.name,
            "start": ev.start.isoformat(),
            "place": ev.place,
        },
    }


def feature_collection(kims: Iterable[Mapping[str, Any]], products: Iterable[Product],
                       programs: Iterable[Program], site_url: str) -> dict[str, Any]:
    feats: list[dict[str, Any]] = []
    for k in sorted(kims, key=lambda k: k["slug"]):
        f = kim_feature(k, site_url)
        if f:
            feats.append(f)
    for p in sorted(products, key=lambda p: p.slug):
        f = product_feature(p, site_url)
        if f:
            feats.append(f)
    for ev in sorted(programs, key=lambda e: e.slug):
        f = program_feature(ev, site_url)
        if f:
            feats.append(f)
    return {"type": "FeatureCollection", "features": feats}
