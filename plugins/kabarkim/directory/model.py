"""Plain functions that link KIMs, kapanewon and stories; no Pelican needed to test them."""

from dataclasses import dataclass, field

from kabarkim import wilayah


@dataclass
class Kapanewon:
    name: str
    slug: str
    code: str
    kims: list = field(default_factory=list)
    articles: list = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"kapanewon/{self.slug}/"

    @property
    def save_as(self) -> str:
        return f"kapanewon/{self.slug}/index.html"


def group_by_kapanewon(kims) -> list[Kapanewon]:
    """Every official kapanewon, in official order, each with its KIMs by name."""
    groups = {
        name: Kapanewon(name, wilayah.kapanewon_slug(name), wilayah.kapanewon_code(name))
        for name in wilayah.kapanewon_names()
    }
    for kim in sorted(kims, key=lambda k: k.title.lower()):
        groups[wilayah.find_kapanewon(kim.kapanewon)].kims.append(kim)
    return list(groups.values())


def attach_articles(kims, articles) -> None:
    """Give each KIM its articles (newest first) and each article its KIM profile."""
    by_slug = {kim.slug: kim for kim in kims}
    for kim in kims:
        kim.articles = []
    for article in articles:
        kim = by_slug.get(getattr(article, "kim", None))
        if kim is not None:
            article.kim_profile = kim
            kim.articles.append(article)
    for kim in kims:
        kim.articles.sort(key=lambda a: a.date, reverse=True)


def collect_kapanewon_articles(groups) -> None:
    for group in groups:
        group.articles = sorted(
            (a for kim in group.kims for a in kim.articles), key=lambda a: a.date, reverse=True
        )


def directory_summary(kims, groups) -> dict:
    """The directory at a glance, for the home page."""
    return {
        "kims": len(kims),
        "kapanewon": sum(1 for g in groups if g.kims),
        "wifi": sum(1 for k in kims if (k.wifi or {}).get("available")),
    }
