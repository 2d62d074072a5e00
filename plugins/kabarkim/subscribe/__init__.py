"""Subscribers: Atom/RSS per KIM and kapanewon, /langganan/, OPML, sitemap.xml, robots.txt."""

from pathlib import Path

from pelican import signals

from .generator import SubscribeGenerator
from .sitemap import write_sitemap_and_robots


def get_generators(pelican):
    return SubscribeGenerator


def write_site_maps(pelican):
    write_sitemap_and_robots(Path(pelican.output_path), pelican.settings["SITEURL"])


def register():
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(write_site_maps)
