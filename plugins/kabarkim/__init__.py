"""Kabar KIM: Pelican plugins and the `kim` command for Bantul's KIM sites.

Subpackages are pipeline stages; each Pelican plugin among them exposes `register()`.
"""

__version__ = "0.1.0"
