"""schema.org JSON-LD for stories, safe to put inside a <script> element."""

import json

from markupsafe import Markup

from kabarkim.images import image_set


def script_json(data: dict) -> Markup:
    """JSON that cannot close its <script> element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def news_article(article, siteurl: str, sitename: str) -> dict:
    kim = getattr(article, "kim_profile", None)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "datePublished": article.date.isoformat(),
        "dateModified": getattr(article, "modified", article.date).isoformat(),
        "mainEntityOfPage": f"{siteurl}/{article.url}",
        "inLanguage": "id",
        "author": {"@type": "Person", "name": str(getattr(article, "author", "") or sitename)},
        "publisher": {"@type": "Organization", "name": kim.title if kim else sitename},
    }
    if getattr(article, "summary", None):
        data["description"] = str(article.summary)
    photo = image_set(getattr(article, "image", None) or "")
    if photo is not None:
        data["image"] = [photo.jpeg_url(1600)]
    return data
