"""Kabar: items from outside (regency news, YouTube videos, KIM blogs).

Pipeline (``kim fetch``, the only networked step): sources -> fetcher ->
parser (+ kabarkim.sanitize) -> archive.  Site side (Pelican plugin
"kabarkim.kabar"): the generator reads the archive, never the network.
"""


def register():
    from .generator import register as _register

    _register()
