"""Normalised product and program records built from front matter.

Built once per content object during the build (after `kim check` rules have
passed, so the parsers here raise RuleError only on content that check rejects).
Everything the templates, JSON-LD, iCalendar, map and open data need is here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from . import rules
from kabarkim.content import fields


def absolute(site_url: str, path: str) -> str:
    """Join SITEURL and a site path ("produk/x/" or "/produk/x/")."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def _text(meta: Mapping[str, Any], key: str) -> str:
    v = meta.get(key)
    return str(v).strip() if v not in (None, "") else ""


@dataclass
class KimRef:
    slug: str
    name: str
    kapanewon: str = ""
    kapanewon_slug: str = ""
    kalurahan: str = ""
    url: str = ""  # site path, e.g. "kim/malangan/"


@dataclass
class Product:
    slug: str
    title: str
    date: dt.date
    category: str
    category_slug: str
    price: int | None
    discount: int | None
    final_price: int | None
    unit: str
    photos: list[str]
    shop: str
    whatsapp: str  # 62…
    availability: str
    kim: KimRef
    url: str  # site path "produk/<slug>/"
    abs_url: str
    summary: str = ""
    bos: str = ""
    marketplaces: list[dict[str, str]] = field(default_factory=list)
    place: str = ""
    coordinates: tuple[float, float] | None = None
    example: bool = False

    @property
    def price_text(self) -> str:
        return rules.format_rupiah(self.price)

    @property
    def final_price_text(self) -> str:
        return rules.format_rupiah(self.final_price)

    @property
    def availability_label(self) -> str:
        return rules.AVAILABILITY[self.availability][0]

    @property
    def availability_url(self) -> str:
        return rules.AVAILABILITY[self.availability][1]

    @property
    def whatsapp_display(self) -> str:
        return fields.format_phone(self.whatsapp)

    @property
    def order_url(self) -> str:
        """wa.me link with a prefilled message naming the product and its URL."""
        msg = rules.order_message(self.title, self.abs_url,
                                  self.final_price_text if self.price is not None else None,
                                  self.unit or None)
        return rules.wa_link(self.whatsapp, msg)


@dataclass
class Program:
    slug: str
    title: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date
    place: str
    organizer: str
    kim: KimRef
    url: str
    abs_url: str
    summary: str = ""
    registration: str = ""
    contact: str = ""  # 62…
    coordinates: tuple[float, float] | None = None
    image: str = ""
    stamp: dt.datetime | None = None  # deterministic DTSTAMP source (content dates)
    example: bool = False

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def start_dt(self) -> dt.datetime:
        return fields.as_datetime(self.start)

    @property
    def end_dt(self) -> dt.datetime:
        return fields.as_datetime(self.end, end=True)

    def upcoming(self, now: dt.datetime) -> bool:
        return rules.is_upcoming(self.end, now)

    @property
    def contact_url(self) -> str:
        return rules.wa_link(self.contact) if self.contact.startswith("628") else f"tel:+{self.contact}" if self.contact else ""

    @property
    def contact_display(self) -> str:
        return fields.format_phone(self.contact) if self.contact else ""


def _date(value: Any) -> dt.date:
    v = fields.parse_wib(value, "date")
    return v.date() if isinstance(v, dt.datetime) else v


def product_from_meta(meta: Mapping[str, Any], slug: str, kim: KimRef, site_url: str,
                      url_pattern: str = "produk/{slug}/") -> Product:
    category = rules.parse_category(meta.get("category"))
    price = rules.parse_price(meta.get("price"))
    discount = rules.parse_discount(meta.get("discount")) if price is not None else None
    coords = fields.parse_coordinates(meta.get("coordinates"))
    url = url_pattern.format(slug=slug)
    marketplaces = []
    for item in meta.get("marketplaces") or []:
        if isinstance(item, Mapping) and item.get("name") and item.get("url"):
            marketplaces.append({"name": str(item["name"]).strip(),
                                 "url": fields.check_url(item["url"], "marketplaces.url")})
    return Product(
        slug=slug,
        title=_text(meta, "title"),
        date=_date(meta.get("date")),
        category=category,
        category_slug=rules.CATEGORIES[category],
        price=price,
        discount=discount,
        final_price=rules.discounted_price(price, discount) if price is not None else None,
        unit=_text(meta, "unit"),
        photos=fields.photo_list(meta.get("photos"))[: rules.MAX_PHOTOS],
        shop=_text(meta, "shop") or kim.name,
        whatsapp=fields.normalize_whatsapp(meta.get("whatsapp")),
        availability=rules.parse_availability(meta.get("availability")),
        kim=kim,
        url=url,
        abs_url=absolute(site_url, url),
        summary=_text(meta, "summary"),
        bos=fields.check_url(meta["bos"], "bos") if meta.get("bos") else "",
        marketplaces=marketplaces,
        place=_text(meta, "place"),
        coordinates=coords,
        example=bool(meta.get("example")),
    )


def _stamp(meta: Mapping[str, Any], start: dt.datetime | dt.date) -> dt.datetime:
    """A DTSTAMP that depends only on content: modified, else date, else start."""
    for key in ("modified", "date"):
        if meta.get(key):
            try:
                return fields.as_datetime(fields.parse_wib(meta[key], key)).astimezone(dt.timezone.utc)
            except fields.RuleError:
                pass
    return fields.as_datetime(start).astimezone(dt.timezone.utc)


def program_from_meta(meta: Mapping[str, Any], slug: str, kim: KimRef, site_url: str,
                      url_pattern: str = "program/{slug}/") -> Program:
    start, end = rules.program_times(meta.get("start"), meta.get("end"))
    url = url_pattern.format(slug=slug)
    contact = fields.normalize_phone(meta["contact"]) if meta.get("contact") not in (None, "") else ""
    image = fields.photo_list(meta.get("image"))
    return Program(
        slug=slug,
        title=_text(meta, "title"),
        start=start,
        end=end,
        place=_text(meta, "place"),
        organizer=_text(meta, "organizer") or kim.name,
        kim=kim,
        url=url,
        abs_url=absolute(site_url, url),
        summary=_text(meta, "summary"),
        registration=fields.check_url(meta["registration"], "registration") if meta.get("registration") else "",
        contact=contact,
        coordinates=fields.parse_coordinates(meta.get("coordinates")),
        image=image[0] if image else "",
        stamp=_stamp(meta, start),
        example=bool(meta.get("example")),
    )


def sort_products(products: list[Product]) -> list[Product]:
    """Newest first; ties by title then slug (deterministic)."""
    return sorted(products, key=lambda p: (-p.date.toordinal(), p.title.lower(), p.slug))


def split_programs(programs: list[Program], now: dt.datetime) -> tuple[list[Program], list[Program]]:
    """(upcoming soonest first, past most recent first)."""
    up = sorted((p for p in programs if p.upcoming(now)), key=lambda p: (p.start_dt, p.slug))
    past = sorted((p for p in programs if not p.upcoming(now)), key=lambda p: (p.start_dt, p.slug), reverse=True)
    return up, past
