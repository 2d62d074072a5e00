"""Subscribers: Atom/RSS per KIM and kapanewon, /langganan/, OPML, sitemap.xml, robots.txt."""

from pathlib import Path

from pelican import signals

from .generator import SubscribeGenerator
from .sitemap import write_sitemap_and_robots
from .writer import FeedWriter


def get_generators(pelican):
    return SubscribeGenerator


def get_writer(pelican):
    return FeedWriter


def write_site_maps(pelican):
    write_sitemap_and_robots(Path(pelican.output_path), pelican.settings["SITEURL"])


def register():
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(write_site_maps)
