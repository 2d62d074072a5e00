"""Links between stories: previous/next in time and related stories."""

RELATED_COUNT = 3


def link_neighbours(articles) -> None:
    """Set prev_article (older) and next_article (newer) on stories, by date."""
    ordered = sorted(articles, key=lambda a: a.date)
    for i, article in enumerate(ordered):
        article.prev_article = ordered[i - 1] if i > 0 else None
        article.next_article = ordered[i + 1] if i + 1 < len(ordered) else None


def relatedness(a, b) -> tuple:
    """Shared tags count most, then the same category, then the same KIM, then recency."""
    shared_tags = len({t.slug for t in getattr(a, "tags", [])} & {t.slug for t in getattr(b, "tags", [])})
    return (shared_tags, a.category == b.category, getattr(a, "kim", None) == getattr(b, "kim", None), b.date)


def link_related(articles, count: int = RELATED_COUNT) -> None:
    for article in articles:
        others = [o for o in articles if o is not article]
        ranked = sorted(others, key=lambda o: relatedness(article, o), reverse=True)
        article.related = [o for o in ranked[:count] if relatedness(article, o)[:3] != (0, False, False)]
