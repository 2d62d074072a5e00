"""Official kapanewon and kalurahan of Bantul, for validating and grouping KIMs.

Source: plugins/kabarkim/data/bantul_wilayah.csv, Kemendagri region codes
(17 kapanewon, 75 kalurahan), copied from the project's shared data.
"""

import csv
import difflib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kabarkim.slugs import make_slug


@dataclass(frozen=True)
class Kalurahan:
    code: str
    name: str
    kapanewon: str


@cache
def kalurahan_list() -> tuple[Kalurahan, ...]:
    text = resources.files("kabarkim").joinpath("data/bantul_wilayah.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return tuple(Kalurahan(r["kode_kemendagri"], r["kalurahan"], r["kapanewon"]) for r in rows)


@cache
def kapanewon_names() -> tuple[str, ...]:
    return tuple(dict.fromkeys(k.kapanewon for k in kalurahan_list()))


def kapanewon_code(kapanewon: str) -> str:
    """The Kemendagri code of a kapanewon (e.g. 34.02.02), from its kalurahan codes."""
    for k in kalurahan_list():
        if k.kapanewon == kapanewon:
            return k.code.rsplit(".", 1)[0]
    raise KeyError(kapanewon)


def kapanewon_slug(kapanewon: str) -> str:
    return make_slug(kapanewon)


def find_kapanewon(name: str) -> str | None:
    """The official spelling of a kapanewon, ignoring case and spaces."""
    return _by_key(kapanewon_names()).get(_key(name))


def find_kalurahan(name: str, kapanewon: str | None = None) -> Kalurahan | None:
    candidates = [k for k in kalurahan_list() if kapanewon in (None, k.kapanewon)]
    return {_key(k.name): k for k in candidates}.get(_key(name))


def suggest(name: str, choices) -> str | None:
    """The closest official name for a typo, for "did you mean" messages."""
    by_key = _by_key(choices)
    match = difflib.get_close_matches(_key(name), list(by_key), n=1, cutoff=0.6)
    return by_key[match[0]] if match else None


def _key(name) -> str:
    return "".join(str(name).lower().split())


def _by_key(names) -> dict[str, str]:
    return {_key(n): n for n in names}
