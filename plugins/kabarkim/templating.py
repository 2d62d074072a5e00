"""Jinja filters the theme uses; each wraps a plain function owned by its stage."""

from jinja2 import pass_context

from kabarkim import dates, wilayah
from kabarkim.content import jsonld
from kabarkim.content.fields import normalize_whatsapp


@pass_context
def news_article_jsonld(context, article):
    return jsonld.script_json(jsonld.news_article(article, context["SITEURL"], context["SITENAME"]))


FILTERS = {
    "tanggal": dates.format_date,
    "tanggal_pendek": dates.format_short_date,
    "kapanewon_slug": wilayah.kapanewon_slug,
    "whatsapp_digits": normalize_whatsapp,
    "news_article_jsonld": news_article_jsonld,
}
