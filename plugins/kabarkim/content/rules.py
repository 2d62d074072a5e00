"""`kim check` rules for KIM profiles, stories and site pages (one function per kind)."""

import difflib
import re
from collections.abc import Mapping

from kabarkim import wilayah
from .fields import (
    Collector, check_coordinates, check_photo_files, check_url, normalize_whatsapp, parse_wib,
    require_text,
)

_YOUTUBE_CHANNEL = re.compile(r"^UC[0-9A-Za-z_-]{22}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)


def check_story(meta: Mapping, ctx) -> list:
    c = Collector(ctx.path)
    require_text(c, meta, "title", "Tambahkan judul, misalnya `title: Panen Raya Padi di Srigading`.")
    if not meta.get("date"):
        c.add("date", "Tanggal berita belum diisi.", "Tambahkan misalnya `date: 2026-03-14 09:30` (WIB).")
    else:
        c.run("date", parse_wib, meta.get("date"), "date")
    _check_category(c, meta, "category", ctx.settings.get("STORY_CATEGORIES", []))
    tags = meta.get("tags")
    if tags is not None and not isinstance(tags, (str, list)):
        c.add("tags", "Tag tidak dapat dibaca.", "Tulis misalnya `tags: [padi, panen]`.")
    require_text(c, meta, "author", "Tambahkan nama penulis, misalnya `author: Siti Rahayu`.", "warning")
    require_text(c, meta, "summary", "Tambahkan ringkasan satu-dua kalimat; dipakai di daftar "
                  "berita dan pratinjau saat dibagikan ke WhatsApp.", "warning")
    _check_image(c, meta, ctx, "Berita dengan foto lebih menarik: tambahkan `image: nama-foto.jpg`.")
    return c.problems


def check_profile(meta: Mapping, ctx) -> list:
    c = Collector(ctx.path)
    require_text(c, meta, "name", "Tambahkan nama KIM, misalnya `name: KIM Malangan`.")
    kapanewon = _check_kapanewon(c, meta.get("kapanewon"))
    _check_kalurahan(c, meta.get("kalurahan"), kapanewon)
    check_coordinates(c, meta)
    wifi = meta.get("wifi")
    if wifi is not None:
        if not isinstance(wifi, Mapping) or not isinstance(wifi.get("available"), bool):
            c.add("wifi", "Isian wifi harus punya `available: true` atau `available: false`.",
                  "Tulis `wifi:` lalu di bawahnya (dengan 2 spasi) `available: true` dan "
                  "`location: Balai Padukuhan ...`.")
        elif wifi["available"] and not wifi.get("location"):
            c.add("wifi.location", "Lokasi titik wifi publik belum diisi.",
                  "Tambahkan `location: ...` di bawah `wifi:`, misalnya Balai Padukuhan Malangan.",
                  "warning")
    _check_contacts(c, meta.get("contacts") or {})
    _check_social(c, meta.get("social") or {})
    require_text(c, meta, "description", "Tambahkan satu-dua kalimat tentang KIM ini.", "warning")
    _check_image(c, meta, ctx, None)
    return c.problems


def check_page(meta: Mapping, ctx) -> list:
    c = Collector(ctx.path)
    require_text(c, meta, "title", "Tambahkan judul halaman, misalnya `title: Tentang Kami`.")
    return c.problems


def _check_category(c, meta, field, choices):
    value = meta.get(field)
    if value in (None, ""):
        c.add(field, f"Isian `{field}` belum diisi.", "Pilih salah satu: " + ", ".join(choices) + ".")
    elif str(value) not in choices:
        near = difflib.get_close_matches(str(value).title(), choices, n=1, cutoff=0.6)
        hint = f"Mungkin maksudnya `{field}: {near[0]}`? " if near else ""
        c.add(field, f"Kategori \"{value}\" tidak dikenal.",
              hint + "Pilih salah satu: " + ", ".join(choices) + ".")


def _check_image(c, meta, ctx, missing_hint):
    image = meta.get("image")
    if image:
        check_photo_files(c, "image", [str(image)], ctx.image_dir)
        if not meta.get("image_alt") and missing_hint:
            c.add("image_alt", "Keterangan foto belum diisi (dibacakan untuk pembaca tunanetra).",
                  "Tambahkan `image_alt: ` yang menggambarkan isi foto.", "warning")
    elif missing_hint:
        c.add("image", "Belum ada foto utama.", missing_hint, "warning")


def _check_kapanewon(c, value) -> str | None:
    names = wilayah.kapanewon_names()
    if not value:
        c.add("kapanewon", "Kapanewon belum diisi.", "Isi salah satu: " + ", ".join(names) + ".")
        return None
    found = wilayah.find_kapanewon(str(value))
    if found is None:
        near = wilayah.suggest(str(value), names)
        hint = f"Mungkin maksudnya `kapanewon: {near}`? " if near else ""
        c.add("kapanewon", f"Kapanewon \"{value}\" tidak ada di daftar resmi Kabupaten Bantul.",
              hint + "Pilih salah satu: " + ", ".join(names) + ".")
    return found


def _check_kalurahan(c, value, kapanewon):
    if not value:
        c.add("kalurahan", "Kalurahan belum diisi.", "Tulis nama kalurahan, misalnya `kalurahan: Srigading`.")
        return
    if wilayah.find_kalurahan(str(value), kapanewon) is not None or kapanewon is None:
        return
    elsewhere = wilayah.find_kalurahan(str(value))
    if elsewhere is not None:
        c.add("kalurahan", f"Kalurahan {elsewhere.name} ada di Kapanewon {elsewhere.kapanewon}, "
              f"bukan {kapanewon}.", f"Perbaiki kapanewon menjadi `kapanewon: {elsewhere.kapanewon}`, "
              "atau periksa lagi nama kalurahannya.")
        return
    choices = [k.name for k in wilayah.kalurahan_list() if k.kapanewon == kapanewon]
    near = wilayah.suggest(str(value), choices)
    hint = f"Mungkin maksudnya `kalurahan: {near}`? " if near else ""
    c.add("kalurahan", f"Kalurahan \"{value}\" tidak ada di Kapanewon {kapanewon} menurut daftar resmi.",
          hint + "Kalurahan di " + kapanewon + ": " + ", ".join(choices) + ".")


def _check_contacts(c, contacts):
    if not isinstance(contacts, Mapping):
        c.add("contacts", "Isian contacts harus berisi `whatsapp:` dan/atau `email:`.",
              "Tulis `contacts:` lalu di bawahnya (2 spasi) `whatsapp: \"0812...\"`.")
        return
    if contacts.get("whatsapp"):
        c.run("contacts.whatsapp", normalize_whatsapp, contacts["whatsapp"])
    email = contacts.get("email")
    if email and not _EMAIL.match(str(email)):
        c.add("contacts.email", f"Alamat surel \"{email}\" tidak sah.",
              "Tulis lengkap, misalnya `email: kimmalangan@gmail.com`.")


def _check_social(c, social):
    if not isinstance(social, Mapping):
        c.add("social", "Isian social tidak dapat dibaca.", "Tulis `social:` lalu di bawahnya "
              "(2 spasi) `facebook: https://...`.")
        return
    for key in ("facebook", "instagram", "blog_feed"):
        if social.get(key):
            c.run(f"social.{key}", check_url, social[key], f"social.{key}")
    channel = social.get("youtube_channel")
    if channel and not _YOUTUBE_CHANNEL.match(str(channel)):
        c.add("social.youtube_channel", f"ID kanal YouTube \"{channel}\" tidak sah.",
              "Salin ID kanal (24 karakter, diawali UC) dari alamat kanal: "
              "youtube.com/channel/UC...; bukan nama kanal atau @nama.")
