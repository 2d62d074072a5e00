"""Pelican generators for the catalog: products, programs, and the map/open-data pages.

They reuse the foundation's KindGenerator (kabarkim.content.kinds) to read
kim/*/produk/*.md and kim/*/program/*.md, then attach a normalised record
(`item.catalog`, see model.py) and everything templates need.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import OrderedDict
from pathlib import Path, PurePosixPath


from kabarkim import wilayah
from pelican.generators import Generator

from kabarkim.content.jsonld import script_json
from kabarkim.content.kinds import KindGenerator
from kabarkim.images import image_set
from kabarkim.subscribe.feeds import FeedPair, add_subscription_group, write_feed_pair

from . import geo, ics, jsonld, model, opendata, rules
from kabarkim.content import fields
from .contents import Product, Program

PRODUCTS_PER_PAGE = 24


def now_wib(settings) -> dt.datetime:
    """Build time for upcoming/past: CATALOG_NOW, else SOURCE_DATE_EPOCH, else the clock."""
    fixed = settings.get("CATALOG_NOW")
    if fixed:
        return fields.as_datetime(fields.parse_wib(fixed, "CATALOG_NOW"))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), rules.WIB)
    return dt.datetime.now(rules.WIB)


def kim_ref(kim) -> model.KimRef:
    if kim is None:
        return model.KimRef("", "")
    kapanewon = wilayah.find_kapanewon(str(kim.kapanewon)) or str(getattr(kim, "kapanewon", ""))
    return model.KimRef(kim.slug, kim.title, kapanewon, wilayah.kapanewon_slug(kapanewon) if kapanewon else "",
                        str(getattr(kim, "kalurahan", "") or ""), kim.url)


def raw_meta(item) -> dict:
    """Front matter as the rules expect it (photo names back to bare file names)."""
    meta = dict(item.metadata)
    if "category" in meta:
        meta["category"] = str(meta["category"])
    for key in ("photos", "image"):
        v = meta.get(key)
        if isinstance(v, list):
            meta[key] = [PurePosixPath(str(x)).name for x in v]
        elif isinstance(v, str):
            meta[key] = PurePosixPath(v).name
    if "date" in meta and isinstance(meta["date"], dt.datetime):
        meta["date"] = meta["date"]
    return meta


def _photo_path(kim: str, name: str) -> str:
    return f"kim/{kim}/gambar/{name}"


class FeedItem:
    """What Pelican's feed writer needs, with content made for feed readers
    (photo, price, order link, then the description)."""

    def __init__(self, title, url, date, summary, html, category=None, author=""):
        self.title, self.url, self.date, self.summary = title, url, date, summary
        self.author = author
        self._html = html
        if category:
            self.category = category

    def get_content(self, siteurl):
        return self._html


def _image_info():
    def info(kim, name):
        img = image_set(_photo_path(kim, name))
        if not img:
            return None
        return {"url": img.jpeg_url(1600), "width": img.width, "height": img.height,
                "webp_srcset": img.srcset("webp"), "og_image": img.og_url}
    return info


class ProductGenerator(KindGenerator):
    content_class = Product
    context_key = "products"
    folder = "produk"
    template_var = "product"

    def generate_context(self):
        super().generate_context()
        s, site = self.settings, self.settings["SITEURL"]
        kims = self.context.get("kims_by_slug", {})
        for item in self.items:
            kim = item.kim_profile
            p = model.product_from_meta(raw_meta(item), item.slug, kim_ref(kim), site, s["PRODUCT_URL"])
            item.catalog = p
            item.photo_paths = [_photo_path(p.kim.slug, n) for n in p.photos]
            item.category_page = model.absolute(site, f"produk/kategori/{p.category_slug}/")
            imgs = [image_set(x) for x in item.photo_paths]
            jpegs = [i.jpeg_url(1600) for i in imgs if i]
            item.og_image_url = imgs[0].og_url if imgs and imgs[0] else ""
            item.jsonld = script_json(jsonld.product_jsonld(p, jpegs, site))
        self.items = [x for x in sorted(self.items, key=lambda i: (-i.catalog.date.toordinal(), i.title.lower(), i.slug))]
        self.context["products"] = self.items
        # groups: category (documented order), kapanewon (official order), KIM (by name)
        self.by_category = OrderedDict((name, []) for name in rules.CATEGORIES)
        for item in self.items:
            self.by_category[item.catalog.category].append(item)
        self.by_kapanewon = OrderedDict((name, []) for name in wilayah.kapanewon_names())
        for item in self.items:
            if item.catalog.kim.kapanewon in self.by_kapanewon:
                self.by_kapanewon[item.catalog.kim.kapanewon].append(item)
        self.by_kim = OrderedDict()
        for kim in sorted(kims.values(), key=lambda k: k.title.lower()):
            kim.products = [i for i in self.items if i.catalog.kim.slug == kim.slug]
            if kim.products:
                self.by_kim[kim.slug] = kim.products
        self.context["product_facets"] = {
            "kategori": [(n, rules.CATEGORIES[n], len(v)) for n, v in self.by_category.items() if v],
            "kapanewon": [(n, wilayah.kapanewon_slug(n), len(v)) for n, v in self.by_kapanewon.items() if v],
            "kim": [(kims[k].title, k, len(v)) for k, v in self.by_kim.items()],
        }
        self.feeds = [(self.items, FeedPair("Produk baru dari semua KIM", "feeds/produk/semua", "produk/"))]
        self.feeds += [(v, FeedPair(f"Produk {kims[k].title}", f"feeds/produk/{k}", f"produk/kim/{k}/"))
                       for k, v in self.by_kim.items()]
        add_subscription_group(self.context, "Produk desa", [f for _, f in self.feeds],
                               "Produk UMKM baru dari semua KIM, atau dari satu KIM saja.")
        self.context["products_feed"] = self.feeds[0][1]

    def _feed_html(self, item) -> str:
        from html import escape
        p = item.catalog
        parts = []
        from kabarkim.images import image_set
        img = image_set(item.photo_paths[0]) if item.photo_paths else None
        if img:
            parts.append(f'<p><img src="{escape(img.jpeg_url(800))}" alt="{escape(p.title)}" '
                         f'width="{img.width}" height="{img.height}"></p>')
        price = p.final_price_text + (f" / {escape(p.unit)}" if p.unit and p.price is not None else "")
        parts.append(f"<p><strong>{escape(price)}</strong> · {escape(p.availability_label)} · "
                     f"{escape(p.shop)} ({escape(p.kim.name)})</p>")
        parts.append(f'<p><a href="{escape(p.order_url)}">Pesan via WhatsApp</a></p>')
        return "\n".join(parts) + "\n" + item.content

    def generate_output(self, writer):
        common = {"relative_urls": self.settings["RELATIVE_URLS"]}
        for item in self.items:
            writer.write_file(item.save_as, self.get_template(item.template), self.context,
                              url=item.url, page_name=item.url, product=item, **common)
        tpl = self.get_template("produk_index")
        pages = [("produk/", "Produk desa", "Produk UMKM, kerajinan, wisata, dan jasa dari KIM se-Bantul.", self.items, None)]
        pages += [(f"produk/kategori/{rules.CATEGORIES[n]}/", f"Produk {n}", f"Produk kategori {n} dari KIM se-Bantul.", v,
                   ("kategori", rules.CATEGORIES[n])) for n, v in self.by_category.items() if v]
        pages += [(f"produk/kapanewon/{wilayah.kapanewon_slug(n)}/", f"Produk dari Kapanewon {n}",
                   f"Produk desa dari KIM di Kapanewon {n}, Bantul.", v, ("kapanewon", wilayah.kapanewon_slug(n)))
                  for n, v in self.by_kapanewon.items() if v]
        kims = self.context.get("kims_by_slug", {})
        pages += [(f"produk/kim/{k}/", f"Produk {kims[k].title}", f"Produk desa dari {kims[k].title}.", v, ("kim", k))
                  for k, v in self.by_kim.items()]
        feeds = dict((f.page_url, f) for _, f in self.feeds)
        for url, title, desc, items, facet in pages:
            writer.write_file(url + "index.html", tpl, self.context, paginated={"articles": items},
                              template_name="produk_index", url=url, page_name=url.rstrip("/"),
                              page_url=url, page_title=title, page_description=desc, facet=facet,
                              list_feed=feeds.get(url) or self.feeds[0][1], **common)
        for items, feed in self.feeds:
            fitems = [FeedItem(i.title, i.url, i.date, i.catalog.summary, self._feed_html(i), str(i.catalog.category), i.catalog.shop)
                      for i in items]
            write_feed_pair(writer, self.context, fitems, feed)


class ProgramGenerator(KindGenerator):
    content_class = Program
    context_key = "programs"
    folder = "program"
    template_var = "program"

    def sort_key(self, item):
        return item.title

    def generate_context(self):
        super().generate_context()
        s, site = self.settings, self.settings["SITEURL"]
        kims = self.context.get("kims_by_slug", {})
        for item in self.items:
            kim = item.kim_profile
            ev = model.program_from_meta(raw_meta(item), item.slug, kim_ref(kim), site, s["PROGRAM_URL"])
            item.catalog = ev
            if not hasattr(item, "date"):
                item.date = ev.start_dt  # feeds need a date: announce at the start time
            item.image_path = _photo_path(ev.kim.slug, ev.image) if ev.image else ""
            img = image_set(item.image_path) if item.image_path else None
            item.og_image_url = img.og_url if img else ""
            item.jsonld = script_json(jsonld.event_jsonld(ev, [img.jpeg_url(1600)] if img else [], site))
            item.ics_path = f"{item.url}kalender.ics"
            item.gcal_url = ics.google_calendar_url(ev)
        now = now_wib(s)
        self.context["catalog_now"] = now
        records = {id(i.catalog): i for i in self.items}
        up, past = model.split_programs([i.catalog for i in self.items], now)
        self.upcoming = [records[id(e)] for e in up]
        self.past = [records[id(e)] for e in past]
        for item in self.items:
            item.upcoming = item in self.upcoming
        self.items = self.upcoming + self.past
        self.context["programs"] = self.items
        self.context["programs_upcoming"] = self.upcoming
        self.context["programs_past"] = self.past
        self.by_kim = OrderedDict()
        for kim in sorted(kims.values(), key=lambda k: k.title.lower()):
            kim.programs = [i for i in self.items if i.catalog.kim.slug == kim.slug]
            kim.programs_upcoming = [i for i in kim.programs if i.upcoming]
            kim.programs_ics = f"program/kim/{kim.slug}.ics"
            if kim.programs:
                self.by_kim[kim.slug] = kim.programs
        sitename = s["SITENAME"]
        newest = sorted(self.items, key=lambda i: i.date, reverse=True)
        self.feeds = [(newest, FeedPair("Program dan kegiatan semua KIM", "feeds/program/semua", "program/"))]
        self.feeds += [([i for i in newest if i.catalog.kim.slug == k],
                        FeedPair(f"Program {kims[k].title}", f"feeds/program/{k}", kims[k].url))
                       for k in self.by_kim]
        add_subscription_group(self.context, "Program dan kegiatan", [f for _, f in self.feeds],
                               "Agenda baru: pelatihan, kerja bakti, pameran, dan kegiatan lain.")
        self.context["programs_feed"] = self.feeds[0][1]
        self.context["programs_ics"] = "program/semua.ics"
        self.calendars = [("program/semua.ics", f"Agenda KIM se-Bantul — {sitename}", self.items)]
        self.calendars += [(f"program/kim/{k}.ics", f"Agenda {kims[k].title}", v) for k, v in self.by_kim.items()]
        self.calendars += [(i.ics_path, i.title, [i]) for i in self.items]

    def _feed_html(self, item) -> str:
        from html import escape
        ev = item.catalog
        when = program_when(ev)
        return (f"<p><strong>{escape(when)}</strong> · {escape(ev.place)} · {escape(ev.organizer)}</p>\n"
                + item.content)

    def generate_output(self, writer):
        common = {"relative_urls": self.settings["RELATIVE_URLS"]}
        site = self.settings["SITEURL"]
        for item in self.items:
            writer.write_file(item.save_as, self.get_template(item.template), self.context,
                              url=item.url, page_name=item.url, program=item, **common)
        writer.write_file("program/index.html", self.get_template("program_index"), self.context,
                          url="program/", page_name="program", page_url="program/", **common)
        out = Path(self.output_path)
        for path, name, items in self.calendars:
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(ics.build_calendar([i.catalog for i in items], site, name))
        for items, feed in self.feeds:
            fitems = [FeedItem(i.title, i.url, i.date, i.catalog.summary, self._feed_html(i), author=i.catalog.organizer)
                      for i in items]
            write_feed_pair(writer, self.context, fitems, feed)


def program_when(ev: model.Program) -> str:
    """"Sabtu, 12 Desember 2026, 09.00–12.00 WIB" (all-day and multi-day aware)."""
    from kabarkim import dates
    if ev.all_day:
        start = dates.format_date(ev.start_dt)
        return start if ev.end == ev.start else f"{start} – {dates.format_date(ev.end_dt)}"
    start = dates.format_date(ev.start_dt, with_time=True)
    if ev.end_dt.date() == ev.start_dt.date():
        if ev.end_dt == ev.start_dt:
            return start
        return start.removesuffix(" WIB") + f"–{ev.end_dt:%H.%M} WIB"
    return f"{start} – {dates.format_date(ev.end_dt, with_time=True)}"


def kim_map_record(kim) -> dict:
    wifi = getattr(kim, "wifi", None) or {}
    return {
        "slug": kim.slug, "name": kim.title, "url": kim.url,
        "kapanewon": str(getattr(kim, "kapanewon", "") or ""),
        "kalurahan": str(getattr(kim, "kalurahan", "") or ""),
        "coordinates": getattr(kim, "coordinates", None),
        "wifi": bool(wifi.get("available")) if isinstance(wifi, dict) else False,
        "wifi_location": wifi.get("location", "") if isinstance(wifi, dict) else "",
        "description": str(getattr(kim, "description", "") or ""),
        "contacts": getattr(kim, "contacts", None) or {},
        "social": getattr(kim, "social", None) or {},
        "example": bool(getattr(kim, "example", False)),
    }


class ShowcaseGenerator(Generator):
    """/peta/, the small map on each KIM profile, and /data/*.json (no files of its own)."""

    def generate_context(self):
        site = self.settings["SITEURL"]
        kims = list(self.context.get("kims", []))
        products = [i.catalog for i in self.context.get("products", [])]
        programs = [i.catalog for i in self.context.get("programs", [])]
        self.kim_records = [kim_map_record(k) for k in kims]
        fc = geo.feature_collection(self.kim_records, products, programs, site)
        when = {}
        for i in self.context.get("programs", []):
            ev = i.catalog
            when[f"program-{ev.slug}"] = program_when(ev)
        for f in fc["features"]:
            if f["id"] in when:
                f["properties"]["when"] = when[f["id"]]
        self.context["map_features"] = fc
        self.context["map_json"] = script_json(fc)
        for kim, rec in zip(kims, self.kim_records):
            own = geo.feature_collection([rec], [p for p in products if p.kim.slug == kim.slug],
                                         [e for e in programs if e.kim.slug == kim.slug], site)
            kim.map_json = script_json(own) if own["features"] else None
            kim.map_features = own["features"]
            kim.products = getattr(kim, "products", [])
            kim.programs = getattr(kim, "programs", [])
        photo = _image_info()
        by_slug = {k.slug: k for k in kims}
        counts = {k.slug: {"products": len(getattr(k, "products", [])), "programs": len(getattr(k, "programs", []))}
                  for k in kims}
        self.data = {
            "data/kim.json": opendata.kims_json(self.kim_records, site, counts),
            "data/produk.json": opendata.products_json(products, site, photo),
            "data/program.json": opendata.programs_json(
                programs, site, photo, ics_url=lambda e: model.absolute(site, f"{e.url}kalender.ics")),
            "peta/peta.geojson": fc,
        }
        del by_slug

    def generate_output(self, writer):
        common = {"relative_urls": self.settings["RELATIVE_URLS"]}
        writer.write_file("peta/index.html", self.get_template("peta"), self.context,
                          url="peta/", page_name="peta", page_url="peta/", **common)
        writer.write_file("data/index.html", self.get_template("data_terbuka"), self.context,
                          url="data/", page_name="data", page_url="data/", **common)
        out = Path(self.output_path)
        for path, data in self.data.items():
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(opendata.dumps(data), "utf-8")
