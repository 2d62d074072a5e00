"""Pelican content classes for products and programs.

The class names matter: Pelican reads PRODUCT_URL/PRODUCT_SAVE_AS and
PROGRAM_URL/PROGRAM_SAVE_AS for them.
"""

from pelican.contents import Content


class Product(Content):
    mandatory_properties = ("title",)
    default_template = "produk"
    kind = "produk"


class Program(Content):
    mandatory_properties = ("title",)
    default_template = "program"
    kind = "program"
