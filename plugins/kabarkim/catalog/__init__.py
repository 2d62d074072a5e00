"""Catalog (issue 5): products, programs (+iCalendar), map data, JSON-LD, open data.

Pure functions: rules.py (kim check rules, prices, WhatsApp, dates), model.py,
jsonld.py, ics.py, geo.py, opendata.py. Pelican side: generator.py (three
generators reusing the foundation's KindGenerator) and the signals below.
List "kabarkim.catalog" in PLUGINS after "kabarkim.directory" and
"kabarkim.subscribe" (it needs the KIM profiles and adds /langganan/ groups).
"""

from pelican import signals

from .generator import ProductGenerator, ProgramGenerator, ShowcaseGenerator, program_when

DEFAULTS = {
    "PRODUCT_URL": "produk/{slug}/",
    "PRODUCT_SAVE_AS": "produk/{slug}/index.html",
    "PROGRAM_URL": "program/{slug}/",
    "PROGRAM_SAVE_AS": "program/{slug}/index.html",
    "PRODUCT_LANG_URL": "produk/{slug}/",
    "PRODUCT_LANG_SAVE_AS": "",
    "PROGRAM_LANG_URL": "program/{slug}/",
    "PROGRAM_LANG_SAVE_AS": "",
}


def set_defaults(pelican):
    s = pelican.settings
    for key, value in DEFAULTS.items():
        s.setdefault(key, value)
    s.setdefault("PAGINATED_TEMPLATES", {}).setdefault("produk_index", 24)


def get_generators(pelican):
    return [ProductGenerator, ProgramGenerator, ShowcaseGenerator]


def add_filters(generator):
    generator.env.filters.setdefault("program_when", lambda item: program_when(getattr(item, "catalog", item)))


def register():
    signals.initialized.connect(set_defaults)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
